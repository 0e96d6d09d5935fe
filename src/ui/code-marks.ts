/**
 * Where the program is at a step, in its source: the line the current event names (or the line the task
 * running on the event's thread has reached), the lines other threads are running, and the `.await` at
 * which each suspended task waits. Computed from the view state, the trace index and the state-machine
 * layouts; the editor draws it in each task's colour. Offsets are into the run's source.
 */
import type { LineIndex } from '../lang/diagnostics';
import type { FutureLayout } from '../sim/layouts';
import type { ViewState } from '../trace/state';
import { eventSite, type TraceIndex } from '../trace/trace-index';

/** How many tasks get a mark (the Tasks panel lists at most 40 too). */
const MARKED_TASKS = 40;

export interface CodeSpot {
  /** The task whose code it is (-1: the runtime's, e.g. main's `Err` printed after main returned). */
  task: number;
  /** 1-based line. */
  line: number;
  /** The source range to underline (the `.await` keyword), if any. */
  from: number;
  to: number;
}

export interface CodeMarks {
  /** The line the current event names, or where the task running on the event's thread has got to. */
  current: CodeSpot | null;
  /** Tasks running on other threads at the same step (multi_thread), at their current lines. */
  running: CodeSpot[];
  /** Every other unfinished task, at the `.await` it is suspended on (or its first line if never polled). */
  suspended: CodeSpot[];
}

export const NO_MARKS: CodeMarks = { current: null, running: [], suspended: [] };

/** The `.await` of an await expression ending at `end`: from its dot (over any whitespace) to `await`'s end. */
export function awaitKeyword(source: string, end: number): { from: number; to: number } {
  let from = end - 'await'.length;
  let i = from - 1;
  while (i >= 0 && /\s/.test(source[i]!)) i--;
  if (i >= 0 && source[i] === '.') from = i;
  return { from, to: end };
}

function spot(lines: LineIndex, task: number, site: number, from = site, to = site): CodeSpot {
  return { task, line: lines.position(site).line, from, to };
}

/**
 * Where a task's code is while it is not running: the deepest state machine in its future tree that is
 * stopped at an `.await` (the innermost `async fn` it is in), else its root future's first line.
 */
function suspendedSpot(
  view: ViewState,
  task: number,
  layouts: ReadonlyMap<string, FutureLayout>,
  source: string,
  lines: LineIndex,
): CodeSpot | null {
  const chain = view.futureChain(task);
  for (let i = chain.length - 1; i >= 0; i--) {
    const f = chain[i]!;
    const span = layouts.get(f.name)?.variants.find((v) => v.name === f.variant)?.span;
    if (span) {
      const k = awaitKeyword(source, span.end);
      return { task, line: lines.position(k.from).line, from: k.from, to: k.to };
    }
  }
  const root = chain[0];
  return root && root.site >= 0 ? spot(lines, task, root.site) : null;
}

/** Where the code running on `thread` is: what the index knows of this poll, else where the task resumed. */
function runningSpot(
  view: ViewState,
  index: TraceIndex,
  thread: number,
  layouts: ReadonlyMap<string, FutureLayout>,
  source: string,
  lines: LineIndex,
): CodeSpot | null {
  const t = view.threads.find((x) => x.id === thread);
  const site = index.codeSiteAt(thread, view.step);
  const task = t?.task ?? -1;
  if (site !== null && site >= 0) return spot(lines, task, site);
  if (site === -1 && task >= 0) return suspendedSpot(view, task, layouts, source, lines);
  return null;
}

/** Where a task's code is at this step: its current line if it is being polled, else its `.await`. */
export function taskSpot(
  view: ViewState,
  index: TraceIndex,
  layoutList: readonly FutureLayout[],
  source: string,
  lines: LineIndex,
  task: number,
): CodeSpot | null {
  const layouts = new Map(layoutList.map((l) => [l.name, l]));
  const thread = view.threads.find((t) => t.task === task);
  if (thread) return runningSpot(view, index, thread.id, layouts, source, lines);
  const t = view.task(task);
  if (t && (t.state === 'complete' || t.state === 'cancelled' || t.state === 'panicked'))
    return t.site >= 0 ? spot(lines, task, t.site) : null;
  return (
    suspendedSpot(view, task, layouts, source, lines) ?? (t && t.site >= 0 ? spot(lines, task, t.site) : null)
  );
}

export function codeMarksAt(
  view: ViewState,
  index: TraceIndex,
  layoutList: readonly FutureLayout[],
  source: string,
  lines: LineIndex,
): CodeMarks {
  const layouts = new Map(layoutList.map((l) => [l.name, l]));
  const ev = view.lastEvent;
  let current: CodeSpot | null = null;
  if (ev) {
    const site = eventSite(ev);
    // A poll-child names its `.await` expression: underline the keyword too.
    const awaitEnd =
      ev.kind === 'poll-child' && site >= 0
        ? layoutList.flatMap((l) => l.variants).find((v) => v.span?.start === site)?.span?.end
        : undefined;
    const thread = view.threads.find((t) => t.id === ev.thread);
    // The spawn of main names `async fn main` (it is about to be polled); every other event with a site
    // is code that ran on this thread, in the task being polled there.
    const owner = ev.kind === 'spawn' ? ev.parent : (thread?.task ?? -1);
    const task = ev.kind === 'spawn' && ev.task === 0 ? 0 : owner;
    if (site >= 0 && site <= source.length) {
      const k = awaitEnd !== undefined ? awaitKeyword(source, awaitEnd) : null;
      current = spot(lines, task, site, k?.from, k?.to);
    } else if (ev.kind === 'future-state' && ev.line > 0) {
      const f = view.future(ev.future);
      const task = f ? f.task : owner;
      const span = f && layouts.get(f.name)?.variants.find((v) => v.name === ev.variant)?.span;
      const k = span ? awaitKeyword(source, span.end) : null;
      current = k
        ? { task, line: lines.position(k.from).line, from: k.from, to: k.to }
        : { task, line: ev.line, from: -1, to: -1 };
    } else current = runningSpot(view, index, ev.thread, layouts, source, lines);
  }
  const running: CodeSpot[] = [];
  for (const t of view.threads) {
    if (t.task === null || (ev && t.id === ev.thread)) continue;
    const s = runningSpot(view, index, t.id, layouts, source, lines);
    if (s) running.push(s);
  }
  const busy = new Set([current?.task, ...running.map((r) => r.task)]);
  const suspended: CodeSpot[] = [];
  for (const t of view.tasks(MARKED_TASKS)) {
    if (busy.has(t.id) || t.mode === 'blocking') continue;
    if (t.state === 'complete' || t.state === 'cancelled' || t.state === 'panicked' || t.state === 'running')
      continue;
    const s = suspendedSpot(view, t.id, layouts, source, lines);
    if (s) suspended.push(s);
  }
  return { current, running, suspended };
}
