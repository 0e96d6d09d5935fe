/**
 * A deadlock's outcome: who waits on what, in words (the simulator's report) and as the wait-for graph
 * (`trace/wait-for.ts` finds its cycle and the screen draws it).
 */
import type { HoldEdge, WaitEdge, WaitFor } from '../trace/wait-for';
import { CurrentThreadScheduler } from './current-thread';
import type { SimThread } from './machine';
import { EXIT, type RunOutcome } from './outcome';
import type { Task, TaskFuture } from './task';
import type { World } from './world';

/** Nothing can run and nothing can wake anything: real tokio would hang forever. Name who waits on what. */
export function deadlock(world: World, stuck: SimThread[]): RunOutcome {
  const lines: string[] = [];
  for (const t of world.tasks) {
    if (t.complete) continue;
    const who = t.kind === 'main' ? 'main (the block_on future)' : `task ${t.id}`;
    const th = blockedThreadOf(world, t.id);
    lines.push(
      th
        ? `  ${who} is stuck in a poll: its thread ${th.name} is blocked: ${th.blockedOn ?? 'waiting'}${blockingInRuntime(th)}`
        : (queuedBehindBlocked(world, t, who) ?? `  ${who} is waiting on ${describeWait(t.future)}`),
    );
  }
  for (const th of stuck)
    if (th.kind === 'std' || th.kind === 'blocking' || (th.kind === 'main' && !th.entered))
      lines.push(`  thread ${th.name} is blocked: ${th.blockedOn ?? 'waiting'}`);
  for (const rt of world.runtimes) {
    const why = rt.scheduler instanceof CurrentThreadScheduler ? rt.scheduler.undriven(rt.id) : null;
    if (why) lines.push(`  ${why}`);
  }
  const message = `deadlock: no task can make progress and nothing can wake one (real tokio would hang here)\n${lines.join('\n')}`;
  return { kind: 'deadlock', message, exitCode: EXIT.deadlock, span: null, waitFor: waitForGraph(world) };
}

/** What a waiting future can say about what it waits on (an Acquire / Lock, a JoinHandle). */
interface WaitsOn {
  describeWait?(): string;
  waitsOnResource?(): number;
  waitsOnTask?(): number;
  sem?: { resource: number; holders: ReadonlyMap<number, number> };
}

/** The wait-for graph of the stuck tasks: the future each awaits, and who holds the locks they wait for. */
function waitForGraph(world: World): WaitFor {
  const waits: WaitEdge[] = [];
  const holds: HoldEdge[] = [];
  const seen = new Set<number>();
  for (const t of world.tasks) {
    if (t.complete || (t.kind !== 'async' && t.kind !== 'main')) continue;
    // A task whose thread blocked inside its poll (a std Mutex) waits on what the thread waits on.
    const th = blockedThreadOf(world, t.id);
    if (th) {
      const lock = th.blockedOnLock;
      waits.push({ task: t.id, resource: lock?.resource ?? -1, onTask: -1, what: th.blockedOn ?? 'blocked' });
      if (lock && !seen.has(lock.resource)) {
        seen.add(lock.resource);
        for (const [task, permits] of lock.holders()) holds.push({ resource: lock.resource, task, permits });
      }
      continue;
    }
    let leaf = t.future;
    while (leaf?.child) leaf = leaf.child;
    const w = leaf as (TaskFuture & WaitsOn) | null;
    const resource = w?.waitsOnResource?.() ?? -1;
    const onTask = w?.waitsOnTask?.() ?? -1;
    waits.push({ task: t.id, resource, onTask, what: w?.describeWait?.() ?? w?.name ?? 'nothing' });
    if (resource >= 0 && w?.sem && !seen.has(resource)) {
      seen.add(resource);
      for (const [task, permits] of w.sem.holders) holds.push({ resource, task, permits });
    }
  }
  return { waits, holds };
}

/**
 * A thread that drives a runtime (its `block_on` thread or a worker) blocked inside a poll by a call that
 * knows nothing about runtimes (`futures::executor::block_on`, a std lock or channel): why that stops the
 * runtime. tokio's own `block_on` would have panicked instead ("Cannot start a runtime from within a
 * runtime"); futures' block_on just parks the thread.
 */
function blockingInRuntime(th: SimThread): string {
  if (!th.entered) return '';
  const what = th.blockedOn?.startsWith('futures::executor::block_on')
    ? '`futures::executor::block_on` inside a task parks'
    : 'a blocking call inside a task blocks';
  return ` — ${what} the thread that runs this runtime's tasks and turns its timer and I/O driver, so nothing on it can run until the call returns`;
}

/** A task that is queued, ready to be polled, while every thread that could poll it is blocked in a poll. */
function queuedBehindBlocked(world: World, t: Task, who: string): string | null {
  if (!t.notified || t.running || t.kind !== 'async') return null;
  const sched = t.sched ?? world.runtimes[0]?.scheduler ?? null;
  const polled = (th: SimThread) =>
    th.currentTask === null ? undefined : world.tasks.find((x) => x.id === th.currentTask!.id);
  const blocked = world.machine.threads.filter(
    (th) => th.status === 'blocked' && polled(th)?.sched === sched,
  );
  if (blocked.length === 0) return null;
  const polling = blocked
    .map((th) => {
      const p = polled(th)!;
      return `${th.name} (in the poll of ${p.kind === 'main' ? 'main' : `task ${p.id}`})`;
    })
    .join(', ');
  return `  ${who} is queued, ready to be polled, but the thread that would poll it is blocked: ${polling}`;
}

/** The thread blocked in the middle of polling task `id` (a std Mutex, a `join`), if any. */
function blockedThreadOf(world: World, id: number): SimThread | null {
  for (const th of world.machine.threads)
    if (th.status === 'blocked' && th.currentTask?.id === id && th.blockedOn !== null) return th;
  return null;
}

function describeWait(f: TaskFuture | null): string {
  let cur = f;
  const chain: string[] = [];
  while (cur) {
    chain.push(cur.name);
    if (!cur.child) break;
    cur = cur.child;
  }
  const leaf = cur as (TaskFuture & { describeWait?: () => string }) | null;
  const what = leaf?.describeWait
    ? leaf.describeWait()
    : leaf
      ? `${leaf.name} (it returned Pending; is anything going to wake it?)`
      : 'nothing';
  return chain.length > 1 ? `${what}  [${chain.join(' → ')}]` : what;
}
