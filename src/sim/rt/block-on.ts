/**
 * `Runtime::block_on` / `Handle::block_on` and dropping a runtime (`runtime/runtime.rs`,
 * `scheduler/current_thread.rs CurrentThread::block_on`, `scheduler/multi_thread/mod.rs`,
 * `blocking/pool.rs BlockingPool::shutdown`).
 *
 * `block_on` turns the calling thread into the runtime's `block_on` thread: on current_thread it takes the
 * core and runs the scheduler loop; on multi_thread it polls the future and parks in between while the
 * workers run the tasks. The future is task 0 of the trace (not a task in tokio). When it is Ready, the thread
 * goes back to what it was doing (`machine.resumeOuter`).
 */
import { cancelTask } from '../harness';
import type { SimThread, ThreadBody } from '../machine';
import { MultiThreadScheduler } from '../mt/scheduler';
import type { RustPanic } from '../panic';
import type { Gen } from '../poll';
import { Task, type TaskFuture } from '../task';
import type { Value } from '../values';
import type { World } from '../world';
import type { SimRuntime } from './runtime';

export type BlockOnResult = { ok: Value } | { panic: RustPanic };

/** tokio 1.24 `enter_runtime`'s panic (`runtime/context.rs`). */
export const NESTED_RUNTIME_PANIC =
  'Cannot start a runtime from within a runtime. This happens because a function (like `block_on`) attempted to block the current thread while the thread is being used to drive asynchronous tasks.';

/**
 * Makes `future` the `block_on` future of `rt` on `thread` and returns the body the thread runs until it is
 * Ready; `done` is called inside the step in which it finished (the thread's context is already restored).
 */
export function startBlockOn(
  world: World,
  rt: SimRuntime,
  future: TaskFuture,
  site: number,
  thread: SimThread,
  done: (r: BlockOnResult) => void,
  viaHandle = false,
): ThreadBody {
  const m = world.machine;
  // The first block_on future is task 0 of the trace; a later one takes the next trace id (mode
  // `block_on`), which tokio does not count: tasks spawned after it print one less (Task.tokioId).
  const first = !world.tasks.some((t) => t.kind === 'main');
  const id = first ? 0 : world.nextTaskId++;
  if (!first) world.mainTaskIds++;
  const main = new Task(id, 'main', future, site);
  main.sched = rt.scheduler;
  world.tasks.push(main);
  m.emit('spawn', { task: id, future: future.id, parent: -1, site, mode: first ? 'async' : 'block_on' });
  const prevRuntime = thread.runtime;
  thread.runtime = rt;
  thread.entered = true;
  const sched = rt.scheduler;
  let body: ThreadBody;
  const byHandle = viaHandle && !(sched instanceof MultiThreadScheduler);
  if (sched instanceof MultiThreadScheduler) body = sched.beginBlockOn(main, thread);
  else if (byHandle) body = sched.beginHandleBlockOn(main, thread);
  else {
    if (sched.mainTask !== null)
      world.interp.unsupported(
        'two threads in `block_on` of the same current_thread runtime at once are not modelled by Pollscope',
      );
    sched.beginBlockOn(main, thread);
    body = sched;
  }
  main.onMainDone = (r) => {
    if (sched instanceof MultiThreadScheduler) sched.endBlockOn(main);
    else if (byHandle) sched.endHandleBlockOn(main);
    else sched.endBlockOn();
    thread.runtime = prevRuntime;
    thread.entered = false;
    done(r);
  };
  return body;
}

/**
 * `block_on` called by program code: a generator its caller runs through (the thread's body yields the
 * `run` request, drives the runtime, and resumes here with the result). A panic inside the future unwinds
 * out of `block_on` into the caller, as in tokio.
 */
export function* blockOnFromThread(
  world: World,
  rt: SimRuntime,
  future: TaskFuture,
  site: number,
  viaHandle = false,
): Gen<Value> {
  const thread = world.machine.current;
  if (thread.entered) world.panic(NESTED_RUNTIME_PANIC);
  let result: BlockOnResult | null = null;
  const body = startBlockOn(
    world,
    rt,
    future,
    site,
    thread,
    (r) => {
      result = r;
      world.machine.resumeOuter(thread);
    },
    viaHandle,
  );
  yield { kind: 'run', body, what: 'block_on' };
  const r = result as BlockOnResult | null;
  if (r === null) return world.interp.unsupported('`block_on` returned before its future finished');
  if ('panic' in r) throw r.panic;
  return r.ok;
}

/**
 * The first half of `Runtime::drop` (and of `shutdown_timeout` / `shutdown_background`): no new work,
 * every unfinished task is cancelled (its future dropped, oldest first), queued blocking jobs are cancelled,
 * multi_thread workers are told to leave. What the drop then waits for is `rt.busy`.
 */
export function shutdownRuntime(world: World, rt: SimRuntime): void {
  if (rt.shutDown) return;
  rt.shutDown = true;
  const m = world.machine;
  const sched = rt.scheduler;
  if (sched instanceof MultiThreadScheduler) sched.shutdown();
  const t = m.current;
  const prevTask = t.currentTask;
  const prevRuntime = t.runtime;
  const prevContext = t.context;
  // The drop enters the runtime's context, so `Drop` impls of the tasks' futures see its handle; a
  // current_thread runtime's shutdown holds the core (`CoreGuard::enter`), so what they wake is queued locally.
  t.currentTask = null;
  t.runtime = rt;
  if (!(sched instanceof MultiThreadScheduler)) t.context = sched;
  try {
    for (const task of world.tasks) {
      if (task.kind !== 'async' || task.complete || task.sched !== sched) continue;
      task.cancelled = true;
      // A task in the middle of a poll on another worker is cancelled when that poll returns (harness).
      if (!task.running) cancelTask(world, task);
    }
    rt.blocking.close();
  } finally {
    t.currentTask = prevTask;
    t.runtime = prevRuntime;
    t.context = prevContext;
  }
}

/**
 * The second half of `Runtime::drop`: wait for running blocking jobs and worker threads, at most
 * `timeoutNs` (`shutdown_timeout`; null: as long as it takes).
 */
export function* waitForRuntime(world: World, rt: SimRuntime, timeoutNs: number | null): Gen<void> {
  const m = world.machine;
  const what = 'dropping the runtime: waiting for spawn_blocking tasks and worker threads to finish';
  const deadline = timeoutNs === null ? Infinity : m.current.clock + timeoutNs;
  while (rt.busy) {
    const left = deadline - m.current.clock;
    if (left <= 0) return;
    m.emit('block', { until: deadline === Infinity ? -1 : deadline, what, site: -1 });
    yield { kind: 'wait', queue: rt.drained, what, ...(deadline === Infinity ? {} : { timeoutNs: left }) };
    m.emit('unblock', {});
  }
}
