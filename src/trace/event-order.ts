/**
 * The order of a run's task-level events, one line each, for comparing a simulated run with a real one
 * recorded by `record/` (tests/conformance/NAME.events, conformance-events.test.ts).
 *
 * Only what both sides see the same way: `spawn`, a task's `poll`, the end of that poll (`pending` /
 * `ready`, of the task's root future — the simulator also reports its child futures), `wake` (who woke
 * whom, by value or by reference) and `complete`. Task ids are tokio's (the recorder renumbers them as the
 * program gets them without instrumentation); task 0 is main's `block_on` future. Left out: wakes of task
 * 0 (`block_on`'s waker is not a task waker, so tokio's instrumentation does not report them), and
 * everything a real runtime does not expose (queues, futures, parks). The simulator's `defer` wakes (the
 * yield_now defer list) are wakes by value, as tokio 1.24 performs them. Two conventions differ and are
 * normalized on both sides: a blocking task's poll end is not compared (the simulator ends it with
 * `complete`), and an aborted task dropped by the scheduler without being polled is not a poll. A later
 * `block_on` future (spawn mode `block_on`) is numbered as the recorder numbers it (100000, 100001, …), and
 * the tasks spawned after it by their tokio id (the trace id minus the `block_on`s before it).
 */
import type { TraceEvent } from './events';
import type { TraceReader } from './store';

/** The recorder's ids for a second, third… `block_on` future (record/src/model/mod.rs). */
const EXTRA_BLOCK_ON_BASE = 100_000;

/** Trace ids → the ids a recording uses. */
class Renumber {
  private readonly ids = new Map<number, number>();
  private extra = 0;
  spawned(ev: Extract<TraceEvent, { kind: 'spawn' }>): void {
    if (ev.mode === 'block_on') this.ids.set(ev.task, EXTRA_BLOCK_ON_BASE + this.extra++);
    else if (this.extra > 0) this.ids.set(ev.task, ev.task - this.extra);
  }
  id(task: number): number {
    return this.ids.get(task) ?? task;
  }
}

export function eventOrder(trace: TraceReader): string[] {
  return eventOrderWithSteps(trace).lines;
}

/**
 * The event order and, for each line, the step of the event it came from (for showing where two runs
 * differ). `steals`: also a line per steal (`steal core=C victim=V count=N`) — only for comparing two
 * simulations, since a real runtime does not report steals.
 */
export function eventOrderWithSteps(
  trace: TraceReader,
  opts: { steals?: boolean } = {},
): { lines: string[]; steps: number[] } {
  const tasks = new Map<number, { root: number; blocking: boolean; openPoll: number }>();
  const renumber = new Renumber();
  const out: (string | null)[] = [];
  const steps: number[] = [];
  for (let i = 0; i < trace.length; i++) {
    const k = trace.kindAt(i);
    if (k === 'cancel') {
      // The simulator's scheduler takes an aborted task from its queue (`poll`) and drops its future
      // (`cancel`) without polling it; tokio's harness does that without entering the task's span.
      const t = tasks.get((trace.get(i) as { task: number }).task);
      if (t && t.openPoll >= 0) out[t.openPoll] = null;
      continue;
    }
    if (k === 'steal' && opts.steals) {
      const ev = trace.get(i) as { core: number; victim: number; count: number };
      out.push(`steal core=${ev.core} victim=${ev.victim} count=${ev.count}`);
      steps.push(i);
      continue;
    }
    if (k !== 'spawn' && k !== 'poll' && k !== 'pending' && k !== 'ready' && k !== 'wake' && k !== 'complete')
      continue;
    const ev = trace.get(i);
    if (ev.kind === 'spawn') renumber.spawned(ev);
    const line = orderLine(ev, tasks, out.length, renumber);
    if (line !== null) {
      out.push(line);
      steps.push(i);
    }
  }
  const lines: string[] = [];
  const kept: number[] = [];
  out.forEach((l, j) => {
    if (l === null) return;
    lines.push(l);
    kept.push(steps[j]!);
  });
  return { lines, steps: kept };
}

function orderLine(
  ev: TraceEvent,
  tasks: Map<number, { root: number; blocking: boolean; openPoll: number }>,
  at: number,
  r: Renumber,
): string | null {
  const t = 'task' in ev ? tasks.get(ev.task) : undefined;
  const id = 'task' in ev ? r.id(ev.task) : -1;
  switch (ev.kind) {
    case 'spawn':
      tasks.set(ev.task, { root: ev.future, blocking: ev.mode === 'blocking', openPoll: -1 });
      return `spawn ${id}${ev.mode === 'blocking' ? ' blocking' : ''} parent=${r.id(ev.parent)}`;
    case 'poll':
      if (t) t.openPoll = at;
      return `poll ${id}`;
    case 'pending':
    case 'ready':
      // A blocking task's one poll runs the closure; the simulator ends it with `complete` alone.
      if (!t || t.root !== ev.future || t.blocking) return null;
      t.openPoll = -1;
      return `${ev.kind} ${id}`;
    case 'wake':
      // tokio 1.24's defer list (yield_now) wakes its wakers by value: that is what a recording shows.
      // block_on's waker is not a task waker (effect `main`): no recording shows it.
      return ev.task === 0 || ev.effect === 'main'
        ? null
        : `wake ${id} by=${r.id(ev.by)} ${ev.op === 'defer' ? 'wake' : ev.op}`;
    case 'complete':
      return `complete ${id} ${ev.outcome}`;
    default:
      return null;
  }
}

/** The first line where two orders differ, in words, or null if they are the same. */
export function firstDifference(want: readonly string[], got: readonly string[]): string | null {
  const n = Math.max(want.length, got.length);
  for (let i = 0; i < n; i++) {
    if (want[i] === got[i]) continue;
    const context = want.slice(Math.max(0, i - 2), i).join(' · ');
    return `event ${i + 1}${context ? ` (after ${context})` : ''}: real ${want[i] ?? '(end)'}, simulated ${got[i] ?? '(end)'}`;
  }
  return null;
}

/** A program on the current_thread runtime (its real event order can be deterministic): by its source. */
export function isCurrentThreadProgram(source: string): boolean {
  return /current_thread/.test(source) && !/multi_thread/.test(source);
}
