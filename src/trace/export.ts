/**
 * Trace files.
 *
 * - JSON lines: a header line (`{"pollscope":1, …}`: the source, runtime, profile, seed, outcome) then one
 *   event per line. Re-opening it rebuilds the trace without running the simulator. The CLI's `--trace`
 *   writes the same file, and so does the recorder of real runs (`record/`), whose header also carries
 *   `recorded` (what was recorded from where, and what a real runtime does not expose).
 * - Chrome trace-event format (opens in Perfetto and chrome://tracing): a track per simulated thread with
 *   task polls, parks and blocking calls as slices, and a flow arrow from each wake to the poll it causes.
 */
import { EVENT_KINDS, EVENT_SCHEMA, type EventFields, type EventKind, type TraceEvent } from './events';
import { TraceStore, TraceWriter, type TraceReader } from './store';
import { TraceIndex } from './trace-index';

export const TRACE_FILE_VERSION = 1;

export interface TraceFileHeader {
  pollscope: number;
  source: string;
  runtime: unknown;
  profile: string;
  seed: number;
  outcome: unknown;
  /** The state-machine layouts of the program's futures (sim/layouts.ts), for printing enums. */
  layouts?: unknown;
  /** Present when the trace was recorded from a real run (`record/`) rather than simulated. */
  recorded?: RecordedRun;
}

/** The header of a trace recorded from a real tokio run by `pollscope_record` (`record/`). */
export interface RecordedRun {
  /** The tokio version the program ran on ("1.24.2"). */
  tokio: string;
  /** The recorder and its version. */
  recorder: string;
  /** OS, architecture, CPU count and host name of the machine it ran on. */
  host: string;
  /** What the event times are. */
  clock: string;
  /** What a real runtime does not expose, in words ("run queues …"): shown as not recorded. */
  notRecorded: string[];
  /** How the recorder derived what it did not receive directly, and anything it skipped. */
  notes: string[];
  /** How many of each kind of tokio instrumentation the recorder received. */
  received: Record<string, number>;
}

function recordedRun(v: unknown): RecordedRun {
  const strings = (x: unknown) => Array.isArray(x) && x.every((s) => typeof s === 'string');
  const r = v as Record<string, unknown>;
  if (typeof v !== 'object' || v === null || typeof r.tokio !== 'string' || !strings(r.notRecorded))
    throw new TraceFileError(
      "the header's `recorded` field is malformed (it needs `tokio` and `notRecorded`)",
    );
  const received: Record<string, number> = {};
  if (typeof r.received === 'object' && r.received !== null)
    for (const [k, n] of Object.entries(r.received)) if (typeof n === 'number') received[k] = n;
  return {
    tokio: r.tokio,
    recorder: typeof r.recorder === 'string' ? r.recorder : '',
    host: typeof r.host === 'string' ? r.host : '',
    clock: typeof r.clock === 'string' ? r.clock : '',
    notRecorded: r.notRecorded as string[],
    notes: strings(r.notes) ? (r.notes as string[]) : [],
    received,
  };
}

export function toJsonLines(trace: TraceReader, header: Omit<TraceFileHeader, 'pollscope'>): string {
  const lines = [JSON.stringify({ pollscope: TRACE_FILE_VERSION, ...header })];
  for (let i = 0; i < trace.length; i++) {
    const { seq: _seq, ...ev } = trace.get(i);
    lines.push(JSON.stringify(ev));
  }
  return lines.join('\n') + '\n';
}

export class TraceFileError extends Error {
  override name = 'TraceFileError';
}

/** Parses a JSON-lines trace. Throws `TraceFileError` with the line number for anything malformed. */
/**
 * Fields some event kinds gained after files were first written (print, poll-child and block got `site`),
 * (and thread-start got `runtime`), with the value that means "not known": a file from before — or from the real-run recorder, which cannot
 * know source offsets — still opens.
 */
const ADDED_LATER: Record<string, number> = { site: -1, runtime: -1 };

export function fromJsonLines(text: string): { header: TraceFileHeader; trace: TraceStore } {
  const lines = text.split('\n').filter((l) => l.trim() !== '');
  if (lines.length === 0) throw new TraceFileError('the file is empty');
  let header: TraceFileHeader;
  try {
    header = JSON.parse(lines[0]!) as TraceFileHeader;
  } catch {
    throw new TraceFileError('line 1 is not a Pollscope trace header (JSON expected)');
  }
  if (typeof header !== 'object' || header === null || typeof header.pollscope !== 'number')
    throw new TraceFileError('line 1 is not a Pollscope trace header');
  if (header.pollscope > TRACE_FILE_VERSION)
    throw new TraceFileError(
      `this trace was written by a newer Pollscope (format ${header.pollscope}; this one reads ${TRACE_FILE_VERSION})`,
    );
  if (typeof header.source !== 'string') throw new TraceFileError('the header has no program source');
  if (header.recorded !== undefined) header.recorded = recordedRun(header.recorded);
  const w = new TraceWriter();
  const kinds = new Set<string>(EVENT_KINDS);
  for (let i = 1; i < lines.length; i++) {
    let ev: Record<string, unknown>;
    try {
      ev = JSON.parse(lines[i]!) as Record<string, unknown>;
    } catch {
      throw new TraceFileError(`line ${i + 1} is not valid JSON`);
    }
    const kind = ev.kind;
    if (typeof kind !== 'string' || !kinds.has(kind))
      throw new TraceFileError(`line ${i + 1}: unknown event kind ${JSON.stringify(kind)}`);
    if (typeof ev.thread !== 'number' || typeof ev.time !== 'number')
      throw new TraceFileError(`line ${i + 1}: missing thread or time`);
    const schema = EVENT_SCHEMA[kind as EventKind] as Record<string, unknown>;
    for (const [field, type] of Object.entries(schema)) {
      if (ev[field] === undefined && field in ADDED_LATER) ev[field] = ADDED_LATER[field];
      const v = ev[field];
      const ok = Array.isArray(type)
        ? typeof v === 'string' && type.includes(v)
        : type === 'str' || type === 'text'
          ? typeof v === 'string'
          : typeof v === 'number';
      if (!ok) throw new TraceFileError(`line ${i + 1}: bad field ${field} of ${kind}`);
    }
    w.emit(kind as EventKind, ev.thread, ev.time, ev as unknown as EventFields<EventKind>);
  }
  return { header, trace: TraceStore.from(w) };
}

interface ChromeEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts?: number;
  dur?: number;
  id?: number;
  bp?: string;
  cat?: string;
  args?: Record<string, unknown>;
  s?: string;
}

/** The Chrome trace-event JSON object (`{"traceEvents": [...]}`); times in microseconds. */
export function toChromeTrace(trace: TraceReader): { traceEvents: ChromeEvent[]; displayTimeUnit: string } {
  const index = new TraceIndex(trace);
  index.ingest();
  const events: ChromeEvent[] = [
    { name: 'process_name', ph: 'M', pid: 1, tid: 0, args: { name: 'Pollscope simulation' } },
  ];
  const us = (ns: number) => ns / 1000;
  const last = trace.length ? trace.timeAt(trace.length - 1) : 0;
  const threads = index.threadsAt(trace.length - 1);
  // Slices are begin/end pairs, and every timed event is placed in the order of the trace's steps: a wake
  // at the very instant a poll ends (a task completing wakes its JoinHandle) or a poll starts (a timer fires
  // and its task runs at once) still binds to the right slice, which timestamps alone cannot say.
  const timed: { ts: number; step: number; ev: ChromeEvent }[] = [];
  const at = (ns: number, step: number, ev: ChromeEvent) => timed.push({ ts: us(ns), step, ev });
  for (const th of threads) {
    events.push({ name: 'thread_name', ph: 'M', pid: 1, tid: th.id, args: { name: th.name } });
    for (const sp of index.spans(th.id, 0, Infinity)) {
      const open = !Number.isFinite(sp.end);
      const name = sp.kind === 'poll' ? (sp.task === 0 ? 'poll main' : `poll task ${sp.task}`) : sp.kind;
      const args = { task: sp.task, startStep: sp.startStep };
      at(sp.start, sp.startStep, { name, cat: sp.kind, ph: 'B', pid: 1, tid: th.id, args });
      at(open ? last : sp.end, open ? trace.length : sp.endStep, { name, ph: 'E', pid: 1, tid: th.id });
    }
  }
  // Wakes: a flow from the waking site (the thread and time of the wake, marked by a "wake" slice inside
  // whatever that thread was doing) to the woken task's next poll.
  const pollsByTask = new Map<number, { step: number; time: number; thread: number }[]>();
  for (let i = 0; i < trace.length; i++) {
    if (trace.kindAt(i) !== 'poll') continue;
    const ev = trace.get(i) as Extract<TraceEvent, { kind: 'poll' }>;
    let list = pollsByTask.get(ev.task);
    if (!list) pollsByTask.set(ev.task, (list = []));
    list.push({ step: i, time: ev.time, thread: ev.thread });
  }
  const nextPoll = (task: number, step: number) => {
    const list = pollsByTask.get(task) ?? [];
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (list[mid]!.step <= step) lo = mid + 1;
      else hi = mid;
    }
    return list[lo];
  };
  let flow = 0;
  for (const w of index.wakesBetween(0, trace.length)) {
    if (w.effect !== 'scheduled' && w.effect !== 'main' && w.effect !== 'while-running') continue;
    const next = nextPoll(w.task, w.step);
    if (!next) continue;
    flow++;
    const name = `wake ${w.task === 0 ? 'main' : `task ${w.task}`}`;
    const tid = w.thread;
    const args = { task: w.task, by: w.by, resource: w.resource, step: w.step };
    at(w.time, w.step, { name, cat: 'wake', ph: 'B', pid: 1, tid, args });
    at(w.time, w.step, { name, cat: 'wake', ph: 's', id: flow, pid: 1, tid });
    at(w.time, w.step, { name, ph: 'E', pid: 1, tid });
    // `bp: 'e'`: the arrow ends on the poll slice that encloses it, which begins at the same step.
    at(next.time, next.step, { name, cat: 'wake', ph: 'f', bp: 'e', id: flow, pid: 1, tid: next.thread });
  }
  // Output lines as instant events, so the timeline shows when each line was printed.
  for (let i = 0; i < trace.length; i++) {
    if (trace.kindAt(i) !== 'print') continue;
    const ev = trace.get(i) as Extract<TraceEvent, { kind: 'print' }>;
    const name = ev.text.replace(/\n$/, '').slice(0, 80);
    at(ev.time, i, { name, cat: 'print', ph: 'i', s: 't', pid: 1, tid: ev.thread });
  }
  // Stable: events of one step keep the order they were added in (a slice's begin before the flow in it).
  timed.sort((a, b) => a.ts - b.ts || a.step - b.step);
  for (const t of timed) events.push({ ...t.ev, ts: t.ts });
  return { traceEvents: events, displayTimeUnit: 'ns' };
}
