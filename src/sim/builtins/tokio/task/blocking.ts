/**
 * `tokio::task::spawn_blocking` (a closure on the blocking pool, awaited through a JoinHandle) and
 * `block_in_place` (the worker hands its core to a new thread and runs the closure itself; spec §6).
 */
import { defineFn, type CallCtx } from '../../../interp/registry';
import { MultiThreadScheduler } from '../../../mt/scheduler';
import type { Gen } from '../../../poll';
import { Task } from '../../../task';
import type { Value } from '../../../values';
import type { BlockingSpawner, RuntimeHandle, World } from '../../../world';
import { JoinHandle } from './spawn';
import { closureArg } from '../../support';

/** `spawn_blocking` onto `rt`'s blocking pool (`rt.spawn_blocking`), or the current thread's runtime's. */
export function spawnBlockingOn(ctx: CallCtx, rt: RuntimeHandle | null, f: Value): JoinHandle {
  return spawnBlockingTask(ctx.world, rt ? rt.blocking : ctx.world.blocking, f, ctx.span.start);
}

/** Queues `f` on `pool` as a blocking task spawned by the current task; its JoinHandle. */
export function spawnBlockingTask(w: World, pool: BlockingSpawner, f: Value, site: number): JoinHandle {
  const id = w.nextTaskId++;
  const task = new Task(id, 'blocking', null, site, id - w.mainTaskIds);
  w.tasks.push(task);
  const parent = w.machine.current.currentTask;
  w.machine.emit('spawn', {
    task: task.id,
    future: -1,
    parent: parent ? parent.id : -1,
    site,
    mode: 'blocking',
  });
  const handle = new JoinHandle(w, task, site);
  pool.spawn(task, f);
  return handle;
}

defineFn(['tokio::task::spawn_blocking'], {
  pure: true,
  arity: 1,
  call: (ctx, [f]) => {
    closureArg(ctx, f, 'tokio::task::spawn_blocking');
    return spawnBlockingOn(ctx, null, f!);
  },
});

defineFn(['tokio::task::block_in_place'], {
  pure: false,
  blocks: true,
  arity: 1,
  call: (ctx, [f]) => {
    closureArg(ctx, f, 'tokio::task::block_in_place');
    const sched = ctx.world.scheduler;
    if (!(sched instanceof MultiThreadScheduler))
      return ctx.interp.panic('can call blocking only when running on the multi-threaded runtime');
    return blockInPlace(ctx, sched, f!);
  },
});

/** Runs the closure on this thread; the worker's core carries on on another thread meanwhile. */
function* blockInPlace(ctx: CallCtx, sched: MultiThreadScheduler, f: Value): Gen<Value> {
  const exit = sched.enterBlockInPlace();
  try {
    return yield* ctx.interp.callForThread(f, []);
  } finally {
    exit?.();
    ctx.interp.dropValue(f);
  }
}
