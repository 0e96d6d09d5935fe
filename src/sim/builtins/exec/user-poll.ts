/**
 * A program polling a future itself: `fut.as_mut().poll(&mut cx)`, `Pin::new(&mut f).poll(cx)`,
 * `Pin::set`, on any simulated future (an async block or fn, `Box::pin(sleep(..))`, a oneshot
 * `Receiver`, a `JoinHandle`).
 *
 * Inside a task's poll (a hand-written `impl Future` polling its child), the poll is a child poll of that
 * task. Outside any task (a program's own executor on `main` or a std thread), the future is a "user task"
 * on screen: the first poll emits a `spawn` (mode `block_on`: polled from a thread, not a tokio task, so
 * tokio's task ids are unchanged), each poll a `poll` with its `pending` / `ready`, and the waker in the
 * program's `Context` names it, so its wakes are drawn as waking it (exec/user-waker.ts).
 */
import type { SimFuture } from '../../future';
import { pollChild } from '../../future';
import { RContext } from '../../interp/into-future';
import type { CallCtx } from '../../interp/registry';
import { POLL_COST_NS } from '../../costs';
import { RustPanic } from '../../panic';
import { BLOCKED, PENDING, type Gen } from '../../poll';
import { Task, type PollCx, type Waker } from '../../task';
import { deref, POLL_PENDING, pollReady, RRef, UNIT, type Value } from '../../values';
import type { World } from '../../world';
import { UserWaker } from './user-waker';

/** `Context::from_waker(&waker)`: a Context whose task is the user task its waker last polled. */
export class UserContext extends RContext {
  constructor(readonly userWaker: Waker) {
    // A task's own waker (`Context::from_waker(cx.waker())`) keeps its task; a program's waker names
    // the user task it last polled.
    super({
      get task(): Task {
        return userWaker.task;
      },
      waker: userWaker,
    });
  }
}

/** The user task of each future a program's executor polls from outside any task. */
const userTasks = new WeakMap<SimFuture, Task>();

function userTaskFor(world: World, fut: SimFuture, site: number): Task {
  let t = userTasks.get(fut);
  if (!t) {
    const id = world.nextTaskId++;
    // Not a tokio task: the tasks the program spawns later keep tokio's numbering (Task.tokioId).
    world.mainTaskIds++;
    t = new Task(id, 'main', fut, site);
    userTasks.set(fut, t);
    world.machine.emit('spawn', { task: id, future: fut.id, parent: -1, site, mode: 'block_on' });
  }
  return t;
}

/** `Future::poll(self: Pin<&mut Self>, cx)` on a simulated future, called by the program. */
export function* pollByProgram(ctx: CallCtx, fut: SimFuture, cxArg: Value): Gen<Value> {
  const rc = deref(cxArg);
  if (!(rc instanceof RContext))
    return ctx.interp.unsupported(
      '`poll` takes a `&mut Context` (`Context::from_waker(&waker)` or the `cx` of a `poll`)',
    );
  const world = ctx.world;
  const thread = world.machine.current;
  const running = thread.currentTask;
  if (running !== null || !(rc instanceof UserContext) || !(rc.userWaker instanceof UserWaker)) {
    // A child poll inside the task (or user task) being polled on this thread; a Context the program
    // made there carries its waker but the running task's identity.
    const pcx: PollCx =
      rc instanceof UserContext && running !== null ? { task: running as Task, waker: rc.userWaker } : rc.cx;
    let r = pollChild(world, null, fut, pcx, ctx.span.start);
    while (r === BLOCKED) {
      yield ctx.interp.takeBlockRequest();
      r = fut.poll(pcx);
    }
    return r === PENDING ? POLL_PENDING : pollReady(r);
  }
  const task = userTaskFor(world, fut, ctx.span.start);
  const w = rc.userWaker;
  w.target.task = task;
  const cx: PollCx = { task, waker: w };
  world.machine.emit('poll', { task: task.id, future: fut.id, from: 'main' });
  world.machine.spend(POLL_COST_NS);
  task.polls++;
  let r;
  try {
    thread.currentTask = task;
    r = fut.poll(cx);
    while (r === BLOCKED) {
      thread.currentTask = running;
      yield ctx.interp.takeBlockRequest();
      thread.currentTask = task;
      r = fut.poll(cx);
    }
  } catch (e) {
    if (e instanceof RustPanic && !task.complete) {
      task.complete = true;
      world.machine.emit('complete', { task: task.id, outcome: 'panicked' });
    }
    throw e;
  } finally {
    thread.currentTask = running;
  }
  if (r === PENDING) return POLL_PENDING;
  task.complete = true;
  world.machine.emit('complete', { task: task.id, outcome: 'ok' });
  return pollReady(r);
}

/** `Pin::as_mut` / `Pin::new(&mut f)`: a `&mut` to the future where it lives (polling must not move it). */
export function asMut(ctx: CallCtx, self: Value): Value {
  if (self instanceof RRef) return new RRef(self.place, true);
  if (ctx.place) return new RRef(ctx.place, true);
  return ctx.interp.unsupported('`as_mut` needs the pinned future in a variable or a field');
}

/** `Pin::set`: drops the old future in place and puts the new one there. */
export function pinSet(ctx: CallCtx, self: Value, v: Value): Value {
  const place = self instanceof RRef ? self.place : ctx.place;
  if (!place) return ctx.interp.unsupported('`Pin::set` needs the pinned future in a variable or a field');
  const old = place.get();
  place.set(v);
  ctx.interp.dropValue(old);
  return UNIT;
}
