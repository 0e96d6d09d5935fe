/**
 * What the trace index holds: per-entity logs, columns and the entities' fixed facts. Filled in by
 * `index-builder.ts`, read by `index-queries.ts` and `trace-index.ts` (the timeline).
 */
import { GrowableFloat64, GrowableInt32 } from '../base';
import {
  WAKER_DIRS,
  WHERE,
  type QueueKind,
  type ResourceKind,
  type ThreadKind,
  type TraceEvent,
} from './events';
import { EntityLog, FifoIntervals } from './logs';
import type { ThreadStatus } from './state';
import type { SpanList, StealMark } from './spans';
import type { TraceReader } from './store';

export const THREAD_STATUS: readonly ThreadStatus[] = [
  'idle',
  'running',
  'parked',
  'blocked',
  'exited',
  'searching',
];
export const NONE = -1;
/** tokio-console's thresholds (console/tokio-console/src/warnings.rs). */
export const LINT_THRESHOLDS = { selfWakePercent: 50, neverYieldedNs: 1e9, largeFutureBytes: 1024 } as const;

export interface ThreadInfo {
  role: ThreadKind;
  name: string;
  startStep: number;
  status: number;
  task: number;
  blockedOn: number;
  spans: SpanList;
  openPoll: number;
  openPark: number;
  openBlock: number;
}

export interface TaskInfo {
  spawnStep: number;
  future: number;
  parent: number;
  site: number;
  mode: 'async' | 'blocking' | 'block_on';
  state: number;
  queue: number;
  /** The run queue it waits in (`queueKey`), or -1. */
  queueKey: number;
  wakers: number;
  detachedStep: number;
  abortedStep: number;
  endStep: number;
  /** When it last became scheduled / started its current poll (machine time). */
  scheduledSince: number;
  pollStart: number;
  busy: number;
  scheduled: number;
  endTime: number;
  spawnTime: number;
  /** Step at which its future first reached 1 KiB, or -1. */
  largeStep: number;
  /** Step at which it first iterated or printed a HashMap/HashSet (a `hash-order` lint event), or -1. */
  hashOrderStep: number;
  /** main was woken during its current poll: block_on polls it again as soon as this poll returns. */
  notified: boolean;
}

export interface ResourceInfo {
  type: ResourceKind;
  name: string;
  site: number;
  createdStep: number;
  droppedStep: number;
  /** Channel buffers only (made on the first send). */
  buffer: FifoIntervals | null;
  /** The task a JoinHandle belongs to, else -1. */
  owner: number;
  /**
   * The wakers it holds right now (while indexing), made on the first registration: one key per stored
   * waker, `task * 3 + slot` (slot: the index of its `WakerDir`), in the order they were stored.
   */
  holding: number[] | null;
  wakerEntries?: number;
  /** The holding set after every WAKER_CHECKPOINT-th waker entry. */
  checkpoints?: Int32Array[];
}

export const WAKER_CHECKPOINT = 64;
/** How many of the most recently made futures `heldFutures` looks through. */
export const HELD_SCAN = 4096;
export const DIRS = WAKER_DIRS.length;

/** The index's data; the builder and the queries are the layers above. */
export abstract class IndexState {
  /** Events indexed so far. */
  indexed = 0;
  protected threads: ThreadInfo[] = [];
  protected threadStatus = new EntityLog(3);
  /** Per thread: the source offsets events named (a print, a spawn, an `.await`), for the current line. */
  protected threadSites = new EntityLog(1);
  protected tasks: TaskInfo[] = [];
  /**
   * Steps of the spawns, in step order: the number of tasks at step s is a binary search (a scan over every
   * task on every seek cost 17k compares in a 1M-event run). A task id spawned twice: `taskCountByScan`.
   */
  protected spawnSteps = new GrowableInt32();
  protected taskCountByScan = false;
  protected taskState = new EntityLog(2);
  protected taskPolls = new EntityLog(2);
  protected pollBusyBefore = new GrowableFloat64();
  protected pollScheduledBefore = new GrowableFloat64();
  protected pollStartTime = new GrowableFloat64();
  protected taskWakes = new EntityLog(1);
  protected taskSelfWakes = new EntityLog(1);
  protected taskWakers = new EntityLog(1);
  /** Tasks moved by a steal: (task, step it moved, victim core). */
  protected taskStolen = new EntityLog(1);
  /** A steal whose moved tasks are still arriving: `count - 1` schedules, then the poll of the last one. */
  protected pendingSteal: { thread: number; victim: number; schedules: number } | null = null;
  protected futureName = new GrowableInt32();
  protected futureTask = new GrowableInt32();
  protected futureSite = new GrowableInt32();
  protected futureCreated = new GrowableInt32();
  /** The task running when the future was made, and the step it became a spawned task's root (or max). */
  protected futureCreator = new GrowableInt32();
  protected futureSpawnedAt = new GrowableInt32();
  protected futureDropped = new GrowableInt32();
  protected futureBase = -1;
  protected futureVariant = new EntityLog(3);
  protected futureChild = new EntityLog(1);
  protected futureParentNow: number[] = [];
  protected futureChildNow: number[] = [];
  protected resources: ResourceInfo[] = [];
  /**
   * Steps at which resources were created / dropped, each in step order: the number alive at step s is two
   * binary searches (the Reactor shows it on every step; a scan over 34k resources took most of a step's
   * index work). A resource created or dropped twice makes the counts ambiguous: then `countByScan`.
   */
  protected createdSteps = new GrowableInt32();
  protected droppedSteps = new GrowableInt32();
  protected countByScan = false;
  protected resourceText = new EntityLog(1);
  protected resourceWakers = new EntityLog(2);
  protected timers = new EntityLog(1);
  protected timerDeadline = new GrowableFloat64();
  /** By `queueKey`, in the order they first appeared. */
  protected queues = new Map<number, { kind: QueueKind; core: number; q: FifoIntervals }>();
  protected tokioTimes = new EntityLog(1);
  protected tokioTimeValue = new GrowableFloat64();
  /** Wakes, as columns (one object per wake would weigh on the garbage collector). */
  protected wakeStep = new GrowableInt32();
  /** multi_thread steals, in trace order (rare: a plain array). */
  protected readonly steals: StealMark[] = [];
  protected wakeTime = new GrowableFloat64();
  protected wakeCols = {
    thread: new GrowableInt32(),
    task: new GrowableInt32(),
    by: new GrowableInt32(),
    resource: new GrowableInt32(),
    effect: new GrowableInt32(),
  };
  protected stdoutEnds = new EntityLog(2);
  protected stdoutLen = 0;
  protected stderrLen = 0;
  protected outcome: { step: number; result: string; message: string } | null = null;
  /** Strings interned by the index (names, texts). */
  protected strings: string[] = [''];
  protected stringIds = new Map<string, number>([['', 0]]);
  /** Per trace string id: the index's id for it + 1, or 0 (see `traceStr`). */
  private traceIds = new Int32Array(1024);
  /** A channel's state text by its numbers (queued, senders, waiting), as an index string id. */
  protected chanTexts = new Map<number, number>();
  /** The printed output, concatenated; `stdoutAt` slices it. */
  protected stdout = '';
  protected stderr = '';

  constructor(protected readonly trace: TraceReader) {}

  get length(): number {
    return this.trace.length;
  }

  protected str(s: string): number {
    let id = this.stringIds.get(s);
    if (id === undefined) {
      id = this.strings.length;
      this.strings.push(s);
      this.stringIds.set(s, id);
    }
    return id;
  }

  /**
   * The index's id for the interned (`'str'`) string field `field` of event `step`. The trace interns these,
   * so each distinct name is decoded once: `traceIds[traceId]` is the index's id + 1, or 0 if not seen yet.
   */
  protected traceStr(step: number, field: string): number {
    const id = this.trace.stringIdAt(step, field);
    if (id < 0) return 0;
    if (id >= this.traceIds.length) {
      const grown = new Int32Array(Math.max(id + 1, this.traceIds.length * 2));
      grown.set(this.traceIds);
      this.traceIds = grown;
    }
    const known = this.traceIds[id]!;
    if (known > 0) return known - 1;
    const mine = this.str(this.trace.string(id));
    this.traceIds[id] = mine + 1;
    return mine;
  }

  protected queue(kind: QueueKind, core: number): FifoIntervals {
    const key = queueKey(kind, core);
    let q = this.queues.get(key);
    if (!q) {
      q = { kind, core: queueCore(kind, core), q: new FifoIntervals() };
      this.queues.set(key, q);
    }
    return q.q;
  }

  protected logs(): EntityLog[] {
    return [
      this.threadStatus,
      this.threadSites,
      this.taskState,
      this.taskPolls,
      this.taskWakes,
      this.taskSelfWakes,
      this.taskWakers,
      this.taskStolen,
      this.futureVariant,
      this.futureChild,
      this.resourceText,
      this.resourceWakers,
      this.timers,
      this.tokioTimes,
      this.stdoutEnds,
    ];
  }

  /** Every typed column outside the logs, queues and spans. */
  private columns(): (GrowableInt32 | GrowableFloat64)[] {
    return [
      this.pollBusyBefore,
      this.pollScheduledBefore,
      this.pollStartTime,
      this.futureName,
      this.futureTask,
      this.futureSite,
      this.futureCreated,
      this.futureCreator,
      this.futureSpawnedAt,
      this.futureDropped,
      this.spawnSteps,
      this.createdSteps,
      this.droppedSteps,
      this.timerDeadline,
      this.tokioTimeValue,
      this.wakeStep,
      this.wakeTime,
      ...Object.values(this.wakeCols),
    ];
  }

  private spanLists(): SpanList[] {
    return this.threads.filter((th) => th !== undefined).map((th) => th.spans);
  }

  /** Caught up with the trace: seals the logs and gives every column's unused capacity back. */
  protected compact(): void {
    for (const log of this.logs()) log.compact();
    for (const col of this.columns()) col.trim();
    for (const sp of this.spanLists()) sp.trim();
    for (const { q } of this.queues.values()) q.compact();
    for (const r of this.resources) r?.buffer?.compact();
  }

  /**
   * Bytes held by the index: its typed columns as allocated, plus an estimate for the per-task and
   * per-resource objects (strings are counted by the trace).
   */
  byteSize(): number {
    let n = 0;
    for (const log of this.logs()) n += log.byteLength;
    for (const col of this.columns()) n += col.byteLength;
    for (const sp of this.spanLists()) n += sp.byteLength;
    for (const { q } of this.queues.values()) n += q.byteLength;
    for (const r of this.resources) if (r?.buffer) n += r.buffer.byteLength;
    n += this.tasks.length * 160 + this.resources.length * 80;
    return n;
  }
}

/** The source offset an event names (where the code that caused it is), or -1. */
export function eventSite(ev: TraceEvent): number {
  switch (ev.kind) {
    case 'spawn':
    case 'future-new':
    case 'resource-new':
    case 'print':
    case 'poll-child':
    case 'block':
    case 'panic':
    case 'outcome':
      return ev.site;
    default:
      return -1;
  }
}

/**
 * The core a run queue is drawn under: its worker's, except the inject queue, shared by a runtime's workers —
 * runtime 1's is core -1 whichever worker pushed to it, runtime k's is core -k (src/trace/runtimes.ts).
 */
function queueCore(kind: QueueKind, core: number): number {
  return kind === 'inject' && core >= 0 ? -1 : core;
}

/** A run queue's key (never negative): its kind and its core (`queueCore`). */
export function queueKey(kind: QueueKind, core: number): number {
  return WHERE.indexOf(kind) * 0x10000 + 0x8000 + queueCore(kind, core);
}

/** How many entries of a sorted array are <= x. */
export function upperBound(xs: GrowableInt32, x: number): number {
  let lo = 0;
  let hi = xs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (xs.get(mid) <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
