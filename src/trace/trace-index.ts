/**
 * The trace index: one pass over the events (incremental, so a streaming run is indexed as it arrives)
 * builds per-entity logs; every query at step s is then a handful of binary searches. The cost of a seek
 * does not grow with the trace's length, and memory grows with the number of events, never with
 * (events × state size) as full snapshots would.
 *
 * The rules for what each event means are the same as the reference fold (`fold.ts`); `trace-index.test.ts`
 * checks the two agree on real runs.
 */
import { GrowableFloat64, GrowableInt32, assertUnreachable } from '../base';
import {
  LINTS,
  WAKER_DIRS,
  WAKE_EFFECTS,
  RESOURCE_KINDS,
  WHERE,
  type LintKind,
  type QueueKind,
  type ResourceKind,
  type ThreadKind,
  type TraceEvent,
} from './events';
import { EntityLog, FifoIntervals } from './logs';
import {
  QUEUE_VIEW_LIMIT,
  TASK_STATES,
  type FutureView,
  type QueueView,
  type ResourceView,
  type TaskState,
  type TaskView,
  type ThreadStatus,
  type ThreadView,
  type ViewState,
} from './state';
import type { TraceReader } from './store';

const THREAD_STATUS: readonly ThreadStatus[] = [
  'idle',
  'running',
  'parked',
  'blocked',
  'exited',
  'searching',
];
const NONE = -1;
/** tokio-console's thresholds (console/tokio-console/src/warnings.rs). */
export const LINT_THRESHOLDS = { selfWakePercent: 50, neverYieldedNs: 1e9, largeFutureBytes: 1024 } as const;

export type SpanKind = 'poll' | 'park' | 'block';
const SPAN_KINDS: readonly SpanKind[] = ['poll', 'park', 'block'];

/** A stretch of one thread's time: a task poll, a park in the driver, a blocking call. */
export interface Span {
  kind: SpanKind;
  thread: number;
  start: number;
  /** Infinity while open at the end of the indexed trace. */
  end: number;
  startStep: number;
  endStep: number;
  /** The task polled (poll) or whose poll blocked (block), else -1. */
  task: number;
}

/** A wake: who woke whom, through what, and what it did. */
export interface WakeArrow {
  step: number;
  time: number;
  thread: number;
  task: number;
  by: number;
  resource: number;
  effect: string;
}

class SpanList {
  readonly start = new GrowableFloat64();
  readonly end = new GrowableFloat64();
  readonly startStep = new GrowableInt32();
  readonly endStep = new GrowableInt32();
  readonly task = new GrowableInt32();
  readonly kind = new GrowableInt32();

  open(kind: SpanKind, time: number, step: number, task: number): number {
    this.start.push(time);
    this.end.push(Infinity);
    this.startStep.push(step);
    this.endStep.push(0x7fffffff);
    this.task.push(task);
    return this.kind.push(SPAN_KINDS.indexOf(kind));
  }

  close(i: number, time: number, step: number): void {
    this.end.set(i, time);
    this.endStep.set(i, step);
  }

  get length(): number {
    return this.kind.length;
  }
}

interface ThreadInfo {
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

interface TaskInfo {
  spawnStep: number;
  future: number;
  parent: number;
  site: number;
  mode: 'async' | 'blocking' | 'block_on';
  state: number;
  queue: number;
  queueKey: string | null;
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

interface ResourceInfo {
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

const WAKER_CHECKPOINT = 64;
/** How many of the most recently made futures `heldFutures` looks through. */
const HELD_SCAN = 4096;
const DIRS = WAKER_DIRS.length;

/** A steal: worker `core` (on `thread`) took `count` tasks from worker `victim`'s local queue. */
export interface StealMark {
  step: number;
  time: number;
  thread: number;
  core: number;
  victim: number;
  count: number;
}

export class TraceIndex {
  /** Events indexed so far. */
  indexed = 0;
  private threads: ThreadInfo[] = [];
  private threadStatus = new EntityLog();
  /** Per thread: the source offsets events named (a print, a spawn, an `.await`), for the current line. */
  private threadSites = new EntityLog();
  private tasks: TaskInfo[] = [];
  private taskState = new EntityLog();
  private taskPolls = new EntityLog();
  private pollBusyBefore = new GrowableFloat64();
  private pollScheduledBefore = new GrowableFloat64();
  private pollStartTime = new GrowableFloat64();
  private taskWakes = new EntityLog();
  private taskSelfWakes = new EntityLog();
  private taskWakers = new EntityLog();
  /** Tasks moved by a steal: (task, step it moved, victim core). */
  private taskStolen = new EntityLog();
  /** A steal whose moved tasks are still arriving: `count - 1` schedules, then the poll of the last one. */
  private pendingSteal: { thread: number; victim: number; schedules: number } | null = null;
  private futureName = new GrowableInt32();
  private futureTask = new GrowableInt32();
  private futureSite = new GrowableInt32();
  private futureCreated = new GrowableInt32();
  /** The task running when the future was made, and the step it became a spawned task's root (or max). */
  private futureCreator = new GrowableInt32();
  private futureSpawnedAt = new GrowableInt32();
  private futureDropped = new GrowableInt32();
  private futureBase = -1;
  private futureVariant = new EntityLog();
  private futureChild = new EntityLog();
  private futureParentNow: number[] = [];
  private futureChildNow: number[] = [];
  private resources: ResourceInfo[] = [];
  /**
   * Steps at which resources were created / dropped, each in step order: the number alive at step s is two
   * binary searches (the Reactor shows it on every step; a scan over 34k resources took most of a step's
   * index work). A resource created or dropped twice makes the counts ambiguous: then `countByScan`.
   */
  private createdSteps = new GrowableInt32();
  private droppedSteps = new GrowableInt32();
  private countByScan = false;
  private resourceText = new EntityLog();
  private resourceWakers = new EntityLog();
  private timers = new EntityLog();
  private timerDeadline = new GrowableFloat64();
  private queues = new Map<string, { kind: QueueKind; core: number; q: FifoIntervals }>();
  private tokioTimes = new EntityLog();
  private tokioTimeValue = new GrowableFloat64();
  /** Wakes, as columns (one object per wake would weigh on the garbage collector). */
  private wakeStep = new GrowableInt32();
  /** multi_thread steals, in trace order (rare: a plain array). */
  private readonly steals: StealMark[] = [];
  private wakeTime = new GrowableFloat64();
  private wakeCols = {
    thread: new GrowableInt32(),
    task: new GrowableInt32(),
    by: new GrowableInt32(),
    resource: new GrowableInt32(),
    effect: new GrowableInt32(),
  };
  private stdoutEnds = new EntityLog();
  private stdoutLen = 0;
  private stderrLen = 0;
  private outcome: { step: number; result: string; message: string } | null = null;
  /** Strings interned by the index (names, texts). */
  private strings: string[] = [''];
  private stringIds = new Map<string, number>([['', 0]]);
  /** The printed output, concatenated; `stdoutAt` slices it. */
  private stdout = '';
  private stderr = '';

  constructor(private readonly trace: TraceReader) {}

  get length(): number {
    return this.trace.length;
  }

  /** Indexes events that arrived since the last call, at most `budget` of them. Returns true when caught up. */
  ingest(budget = Infinity): boolean {
    const n = Math.min(this.trace.length, this.indexed + budget);
    if (this.indexed >= n) return this.indexed === this.trace.length;
    while (this.indexed < n) {
      this.handle(this.trace.get(this.indexed));
      this.indexed++;
    }
    const done = this.indexed === this.trace.length;
    // Caught up: group each log's entries by entity now rather than on the first seek.
    if (done) for (const log of this.logs()) log.seal();
    return done;
  }

  // ------------------------------------------------------------------------------------------ building

  private str(s: string): number {
    let id = this.stringIds.get(s);
    if (id === undefined) {
      id = this.strings.length;
      this.strings.push(s);
      this.stringIds.set(s, id);
    }
    return id;
  }

  private queue(kind: QueueKind, core: number): FifoIntervals {
    const key = `${kind}:${kind === 'inject' && core >= 0 ? -1 : core}`;
    let q = this.queues.get(key);
    if (!q) {
      q = { kind, core: kind === 'inject' && core >= 0 ? -1 : core, q: new FifoIntervals() };
      this.queues.set(key, q);
    }
    return q.q;
  }

  private setThread(
    t: number,
    step: number,
    status: ThreadStatus,
    task: number,
    blockedOn: string | null,
  ): void {
    const info = this.threads[t];
    if (!info) return;
    const code = THREAD_STATUS.indexOf(status);
    const b = blockedOn === null ? 0 : this.str(blockedOn);
    if (info.status === code && info.task === task && info.blockedOn === b) return;
    info.status = code;
    info.task = task;
    info.blockedOn = b;
    this.threadStatus.add(t, step, code, task, b);
  }

  private setTask(id: number, step: number, state: TaskState, queue: QueueKind | null): void {
    const t = this.tasks[id];
    if (!t) return;
    const code = TASK_STATES.indexOf(state);
    const q = queue === null ? NONE : WHERE.indexOf(queue);
    if (t.state === code && t.queue === q) return;
    t.state = code;
    t.queue = q;
    this.taskState.add(id, step, code, q);
  }

  private setWakers(id: number, step: number, delta: number): void {
    const t = this.tasks[id];
    if (!t) return;
    t.wakers = Math.max(0, t.wakers + delta);
    this.taskWakers.add(id, step, t.wakers);
  }

  private endPoll(th: ThreadInfo | undefined, time: number, step: number, task: number): void {
    if (!th) return;
    if (th.openPoll >= 0 && th.spans.task.get(th.openPoll) === task) {
      th.spans.close(th.openPoll, time, step);
      th.openPoll = NONE;
    }
    const t = this.tasks[task];
    if (t && t.pollStart >= 0) {
      t.busy += time - t.pollStart;
      t.pollStart = NONE;
    }
  }

  /**
   * Forgets a stored waker: the one in slot `dir`, or (a wake, which does not say which slot it came from)
   * the first one holding the task.
   */
  private dropWaker(
    r: ResourceInfo | undefined,
    resource: number,
    task: number,
    step: number,
    dir = -1,
  ): void {
    if (!r || !r.holding) return;
    const i =
      dir >= 0
        ? r.holding.indexOf(task * DIRS + dir)
        : r.holding.findIndex((k) => Math.floor(k / DIRS) === task);
    if (i < 0) return;
    const key = r.holding[i]!;
    r.holding.splice(i, 1);
    this.addWakerEntry(r, resource, step, key, -1);
  }

  /**
   * Records a waker stored in / taken from a resource. Every 64th entry of a resource also keeps a copy of
   * the set it holds, so "whose wakers does it hold at step s" replays at most 64 entries (a busy channel
   * has tens of thousands).
   */
  private addWakerEntry(r: ResourceInfo, resource: number, step: number, key: number, delta: number): void {
    this.resourceWakers.add(resource, step, key, delta);
    r.wakerEntries = (r.wakerEntries ?? 0) + 1;
    if (r.wakerEntries % WAKER_CHECKPOINT === 0)
      (r.checkpoints ??= []).push(Int32Array.from(r.holding ?? []));
  }

  private handle(ev: TraceEvent): void {
    const step = ev.seq;
    const th = this.threads[ev.thread];
    const site = eventSite(ev);
    if (site >= 0) this.threadSites.add(ev.thread, step, site);
    // tokio's steal_into moves `count` tasks: all but the last into the thief's queue (schedule events
    // that follow the steal), the last is run at once (the thief's next poll).
    const ps = this.pendingSteal;
    if (ps && ev.thread === ps.thread) {
      if (ev.kind === 'schedule' && ps.schedules > 0) {
        ps.schedules--;
        this.taskStolen.add(ev.task, step, ps.victim);
      } else if (ev.kind === 'poll') {
        this.taskStolen.add(ev.task, step, ps.victim);
        this.pendingSteal = null;
      }
    }
    switch (ev.kind) {
      case 'thread-start':
        this.threads[ev.thread] = {
          role: ev.role,
          name: ev.name,
          startStep: step,
          status: -1,
          task: NONE,
          blockedOn: 0,
          spans: new SpanList(),
          openPoll: NONE,
          openPark: NONE,
          openBlock: NONE,
        };
        this.setThread(ev.thread, step, 'idle', NONE, null);
        break;
      case 'thread-exit':
        this.setThread(ev.thread, step, 'exited', NONE, null);
        break;
      case 'spawn':
        this.tasks[ev.task] = {
          spawnStep: step,
          future: ev.future,
          parent: ev.parent,
          site: ev.site,
          mode: ev.mode,
          state: -1,
          queue: -2,
          queueKey: null,
          wakers: 0,
          detachedStep: NONE,
          abortedStep: NONE,
          endStep: NONE,
          scheduledSince: ev.time,
          pollStart: NONE,
          busy: 0,
          scheduled: 0,
          endTime: NONE,
          spawnTime: ev.time,
          largeStep: NONE,
          hashOrderStep: NONE,
          notified: false,
        };
        if (ev.task === 0 || ev.mode === 'block_on') this.setTask(ev.task, step, 'scheduled', 'main');
        else this.setTask(ev.task, step, 'idle', null);
        // The root future was created by the spawning task; from now on it belongs to the new one.
        if (ev.future >= 0 && this.futureBase >= 0 && ev.future - this.futureBase < this.futureTask.length) {
          this.futureTask.set(ev.future - this.futureBase, ev.task);
          this.futureSpawnedAt.set(ev.future - this.futureBase, step);
        }
        break;
      case 'schedule': {
        const t = this.tasks[ev.task];
        if (t && t.state !== TASK_STATES.indexOf('running')) t.scheduledSince = ev.time;
        this.setTask(ev.task, step, 'scheduled', ev.where);
        // A queued task can move (LIFO displacement, a steal, overflow to the inject queue).
        if (t?.queueKey) {
          this.queues.get(t.queueKey)?.q.remove(ev.task, step);
          t.queueKey = null;
        }
        if (ev.where !== 'main') {
          this.queue(ev.where, ev.core).push(step, ev.task);
          if (t) t.queueKey = `${ev.where}:${ev.where === 'inject' && ev.core >= 0 ? -1 : ev.core}`;
        }
        break;
      }
      case 'poll': {
        const t = this.tasks[ev.task];
        if (t?.queueKey) {
          this.queues.get(t.queueKey)?.q.remove(ev.task, step);
          t.queueKey = null;
        }
        if (t) {
          // Time in a run queue counts only if the trace said the task was scheduled: a recorded real run
          // never reports main's wakes, so main is polled straight from idle there.
          const waited =
            t.state === TASK_STATES.indexOf('scheduled') ? Math.max(0, ev.time - t.scheduledSince) : 0;
          this.pollBusyBefore.push(t.busy);
          this.pollScheduledBefore.push(t.scheduled + waited);
          t.scheduled += waited;
          this.pollStartTime.push(ev.time);
          t.pollStart = ev.time;
        }
        this.setTask(ev.task, step, 'running', null);
        this.setThread(ev.thread, step, 'running', ev.task, null);
        if (th) {
          if (th.openPoll >= 0) th.spans.close(th.openPoll, ev.time, step);
          th.openPoll = th.spans.open('poll', ev.time, step, ev.task);
        }
        // Each poll remembers its span (thread + index) so busy time at any step is a lookup.
        if (t) this.taskPolls.add(ev.task, step, th ? th.openPoll : NONE, ev.thread);
        break;
      }
      case 'poll-child': {
        this.futureParentNow[ev.future] = ev.parent;
        if (this.futureChildNow[ev.parent] !== ev.future) {
          this.futureChildNow[ev.parent] = ev.future;
          this.futureChild.add(ev.parent, step, ev.future);
        }
        break;
      }
      case 'pending':
      case 'ready': {
        const t = this.tasks[ev.task];
        if (t && t.future === ev.future) {
          if (ev.kind === 'pending' && t.state === TASK_STATES.indexOf('running')) {
            // main woke itself during the poll (no `schedule` event follows, unlike a spawned task): it is
            // scheduled from now, so the time until block_on polls it again counts as scheduled, not idle.
            if (t.notified) {
              t.scheduledSince = ev.time;
              this.setTask(ev.task, step, 'scheduled', 'main');
            } else this.setTask(ev.task, step, 'idle', null);
          }
          t.notified = false;
          if (th && th.task === ev.task) this.setThread(ev.thread, step, 'idle', NONE, null);
          this.endPoll(th, ev.time, step, ev.task);
        }
        break;
      }
      case 'future-new': {
        if (this.futureBase < 0) this.futureBase = ev.future;
        const i = ev.future - this.futureBase;
        while (this.futureName.length < i) {
          this.futureName.push(0);
          this.futureTask.push(NONE);
          this.futureSite.push(NONE);
          // An id the simulator used for an untraced helper future: no name, and the creation step of the
          // future before it, so the column stays sorted (heldFutures binary-searches it).
          const prev =
            this.futureCreated.length > 0 ? this.futureCreated.get(this.futureCreated.length - 1) : 0;
          this.futureCreated.push(prev);
          this.futureCreator.push(NONE);
          this.futureSpawnedAt.push(0x7fffffff);
          this.futureDropped.push(NONE);
        }
        this.futureName.push(this.str(ev.name));
        this.futureTask.push(ev.task);
        this.futureSite.push(ev.site);
        this.futureCreated.push(step);
        this.futureCreator.push(ev.task);
        this.futureSpawnedAt.push(0x7fffffff);
        this.futureDropped.push(NONE);
        break;
      }
      case 'future-state':
        // Locals rarely repeat and there is one per state change: keep the trace's string id, not a copy.
        this.futureVariant.add(
          ev.future,
          step,
          this.str(ev.variant),
          this.trace.stringIdAt(step, 'locals'),
          ev.line,
        );
        break;
      case 'future-size': {
        // A task's future counts as large from the first time any of its futures reached 1 KiB.
        const i = ev.future - this.futureBase;
        const task = i >= 0 && i < this.futureTask.length ? this.futureTask.get(i) : NONE;
        const t = this.tasks[task];
        if (t && t.largeStep < 0 && ev.bytes >= LINT_THRESHOLDS.largeFutureBytes) t.largeStep = step;
        break;
      }
      case 'future-drop': {
        const i = ev.future - this.futureBase;
        if (i >= 0 && i < this.futureDropped.length) this.futureDropped.set(i, step);
        const parent = this.futureParentNow[ev.future];
        if (parent !== undefined && this.futureChildNow[parent] === ev.future) {
          this.futureChildNow[parent] = NONE;
          this.futureChild.add(parent, step, NONE);
        }
        break;
      }
      case 'waker-clone':
        this.setWakers(ev.task, step, 1);
        break;
      case 'waker-drop':
        this.setWakers(ev.task, step, -1);
        break;
      case 'register': {
        const r = this.resources[ev.resource];
        const key = ev.task * DIRS + WAKER_DIRS.indexOf(ev.dir);
        if (r && !(r.holding ??= []).includes(key)) {
          r.holding.push(key);
          this.addWakerEntry(r, ev.resource, step, key, 1);
        }
        break;
      }
      case 'deregister':
        this.dropWaker(this.resources[ev.resource], ev.resource, ev.task, step, WAKER_DIRS.indexOf(ev.dir));
        break;
      case 'wake': {
        const w = this.wakeStep.push(step);
        this.wakeTime.push(ev.time);
        this.wakeCols.thread.push(ev.thread);
        this.wakeCols.task.push(ev.task);
        this.wakeCols.by.push(ev.by);
        this.wakeCols.resource.push(ev.resource);
        this.wakeCols.effect.push(WAKE_EFFECTS.indexOf(ev.effect));
        this.taskWakes.add(ev.task, step, w);
        if (ev.by === ev.task) this.taskSelfWakes.add(ev.task, step, 0);
        if (ev.op === 'wake' || ev.op === 'defer') this.setWakers(ev.task, step, -1);
        if (ev.op === 'defer') {
          for (const q of this.queues.values()) if (q.kind === 'defer') q.q.remove(ev.task, step);
        }
        if (ev.effect === 'main') {
          const t = this.tasks[ev.task];
          if (t && t.state !== TASK_STATES.indexOf('running')) {
            t.scheduledSince = ev.time;
            this.setTask(ev.task, step, 'scheduled', 'main');
          } else if (t) t.notified = true;
        }
        if (ev.resource >= 0) this.dropWaker(this.resources[ev.resource], ev.resource, ev.task, step);
        break;
      }
      case 'defer':
        this.queue('defer', ev.core).push(step, ev.task);
        break;
      case 'budget-exhausted':
        break;
      case 'resource-new':
        if (this.resources[ev.resource]) this.countByScan = true;
        this.createdSteps.push(step);
        this.resources[ev.resource] = {
          type: ev.type,
          name: ev.owner >= 0 ? `${ev.name}(task ${ev.owner})` : ev.name,
          site: ev.site,
          owner: ev.owner,
          createdStep: step,
          droppedStep: NONE,
          buffer: null,
          holding: null,
        };
        break;
      case 'resource-state':
        this.resourceText.add(ev.resource, step, this.str(ev.text));
        break;
      case 'chan-state': {
        const text = `${ev.queued} queued, ${ev.senders} sender${ev.senders === 1 ? '' : 's'}${ev.waiting ? `, ${ev.waiting} waiting to send` : ''}`;
        this.resourceText.add(ev.resource, step, this.str(text));
        break;
      }
      case 'resource-drop': {
        const r = this.resources[ev.resource];
        if (r) {
          if (r.droppedStep >= 0) this.countByScan = true;
          this.droppedSteps.push(step);
          r.droppedStep = step;
          r.buffer?.clear(step);
        }
        break;
      }
      case 'chan-push': {
        const r = this.resources[ev.resource];
        // Buffer items are the trace's string ids of the values sent.
        if (r) (r.buffer ??= new FifoIntervals()).push(step, this.trace.stringIdAt(step, 'value'));
        break;
      }
      case 'chan-pop':
        this.resources[ev.resource]?.buffer?.popFront(step);
        break;
      case 'timer-arm':
        this.timers.add(ev.resource, step, 0);
        this.timerDeadline.push(ev.deadline);
        break;
      case 'timer-cancel': {
        this.timers.add(ev.resource, step, 2);
        this.timerDeadline.push(-1);
        const r = this.resources[ev.resource];
        if (r?.holding)
          for (const key of [...r.holding])
            this.dropWaker(r, ev.resource, Math.floor(key / DIRS), step, key % DIRS);
        break;
      }
      case 'timer-fire':
        this.timers.add(ev.resource, step, 1);
        this.timerDeadline.push(-1);
        break;
      case 'time-advance':
        this.tokioTimes.add(0, step, 0);
        this.tokioTimeValue.push(ev.now);
        break;
      case 'park':
        this.setThread(ev.thread, step, 'parked', NONE, null);
        if (th) {
          if (th.openPark >= 0) th.spans.close(th.openPark, ev.time, step);
          th.openPark = th.spans.open('park', ev.time, step, NONE);
        }
        break;
      case 'unpark':
        this.setThread(ev.thread, step, 'idle', NONE, null);
        if (th && th.openPark >= 0) {
          th.spans.close(th.openPark, ev.time, step);
          th.openPark = NONE;
        }
        break;
      case 'block':
        this.setThread(ev.thread, step, 'blocked', th ? th.task : NONE, ev.what);
        if (th) th.openBlock = th.spans.open('block', ev.time, step, th.task);
        break;
      case 'unblock':
        if (th) {
          this.setThread(ev.thread, step, th.task >= 0 ? 'running' : 'idle', th.task, null);
          if (th.openBlock >= 0) {
            th.spans.close(th.openBlock, ev.time, step);
            th.openBlock = NONE;
          }
        }
        break;
      case 'abort': {
        const t = this.tasks[ev.task];
        if (t && t.abortedStep < 0) t.abortedStep = step;
        break;
      }
      case 'cancel':
        break;
      case 'detach': {
        const t = this.tasks[ev.task];
        if (t && t.detachedStep < 0) t.detachedStep = step;
        break;
      }
      case 'complete': {
        const t = this.tasks[ev.task];
        if (t?.queueKey) {
          this.queues.get(t.queueKey)?.q.remove(ev.task, step);
          t.queueKey = null;
        }
        this.setTask(
          ev.task,
          step,
          ev.outcome === 'ok' ? 'complete' : ev.outcome === 'cancelled' ? 'cancelled' : 'panicked',
          null,
        );
        if (t) {
          t.endStep = step;
          t.endTime = ev.time;
        }
        if (th && th.task === ev.task) this.setThread(ev.thread, step, 'idle', NONE, null);
        this.endPoll(th, ev.time, step, ev.task);
        break;
      }
      case 'panic':
        break;
      case 'print':
        if (ev.stream === 'stdout') {
          this.stdout += ev.text;
          this.stdoutLen = this.stdout.length;
        } else {
          this.stderr += ev.text;
          this.stderrLen = this.stderr.length;
        }
        this.stdoutEnds.add(0, step, this.stdoutLen, this.stderrLen);
        break;
      case 'lint': {
        const t = ev.lint === 'hash-order' && ev.task >= 0 ? this.tasks[ev.task] : undefined;
        if (t && t.hashOrderStep < 0) t.hashOrderStep = step;
        break;
      }
      case 'steal':
        // The stolen tasks' moves are `schedule` events of their own; the timeline marks the steal.
        this.pendingSteal = { thread: ev.thread, victim: ev.victim, schedules: ev.count - 1 };
        this.steals.push({
          step,
          time: ev.time,
          thread: ev.thread,
          core: ev.core,
          victim: ev.victim,
          count: ev.count,
        });
        break;
      case 'search': {
        const cur = th ? THREAD_STATUS[th.status] : undefined;
        if (ev.searching && cur === 'idle') this.setThread(ev.thread, step, 'searching', NONE, null);
        else if (!ev.searching && cur === 'searching') this.setThread(ev.thread, step, 'idle', NONE, null);
        break;
      }
      case 'io-turn':
      case 'io-ready':
      case 'io-clear':
        // An I/O source's readiness and slots reach the Reactor as `resource-state` text; wakes are `wake`s.
        break;
      case 'runtime-new':
        // Which runtime each thread and queue belongs to is trace/runtimes.ts's table.
        break;
      case 'outcome':
        this.outcome = { step, result: ev.result, message: ev.message };
        break;
      default:
        assertUnreachable(ev, 'trace event');
    }
  }

  // ------------------------------------------------------------------------------------------ queries

  /** The view state after event `step` (-1: before the first event). Indexes up to it if needed. */
  at(step: number): ViewState {
    if (step >= this.indexed) this.ingest(step + 1 - this.indexed);
    const s = Math.max(-1, Math.min(step, this.indexed - 1));
    const lastEvent = s >= 0 ? this.trace.get(s) : null;
    const tt = this.tokioTimes.latest(0, s);
    const out = this.stdoutEnds.latest(0, s);
    return {
      step: s,
      time: lastEvent ? lastEvent.time : 0,
      tokioTime: tt < 0 ? -1 : this.tokioTimeValue.get(tt),
      threads: this.threadsAt(s),
      queues: this.queuesAt(s),
      taskCount: this.taskCountAt(s),
      task: (id: number) => this.taskAt(id, s),
      tasks: (limit: number) => this.tasksAt(s, limit),
      resourceCount: this.resourceCountAt(s),
      resources: (limit: number) => this.resourcesAt(s, limit),
      resource: (id: number) => {
        const r = this.resources[id];
        return r && r.createdStep <= s && !(r.droppedStep >= 0 && r.droppedStep <= s)
          ? this.resourceAt(id, r, s)
          : null;
      },
      future: (id: number) => this.futureAt(id, s),
      futureChain: (task: number) => this.futureChain(task, s),
      heldFutures: (task: number, limit: number) => this.heldFutures(task, s, limit),
      stdoutLength: out < 0 ? 0 : this.stdoutEnds.a.get(out),
      stderrLength: out < 0 ? 0 : this.stdoutEnds.b.get(out),
      lastEvent,
      outcome:
        this.outcome && this.outcome.step <= s
          ? { result: this.outcome.result, message: this.outcome.message }
          : null,
    };
  }

  stdoutAt(view: ViewState): string {
    return this.stdout.slice(0, view.stdoutLength);
  }

  stderrAt(view: ViewState): string {
    return this.stderr.slice(0, view.stderrLength);
  }

  threadsAt(s: number): ThreadView[] {
    const out: ThreadView[] = [];
    this.threads.forEach((info, id) => {
      if (!info || info.startStep > s) return;
      const e = this.threadStatus.latest(id, s);
      const b = e < 0 ? 0 : this.threadStatus.c.get(e);
      out.push({
        id,
        role: info.role,
        name: info.name,
        status: e < 0 ? 'idle' : THREAD_STATUS[this.threadStatus.a.get(e)]!,
        task: e < 0 || this.threadStatus.b.get(e) < 0 ? null : this.threadStatus.b.get(e),
        blockedOn: b === 0 ? null : this.strings[b]!,
      });
    });
    return out;
  }

  /**
   * Where the code running on `thread` is at step s, as a source offset: the one the latest event of the
   * current poll named (a print, a spawn, an `.await`), or -1 when none has yet (the task is still where
   * it resumed). null when the thread is not running code: no task is being polled on it (a std thread
   * running its closure counts as running, from its last named offset).
   */
  codeSiteAt(thread: number, s: number): number | null {
    const info = this.threads[thread];
    if (!info || info.startStep > s) return null;
    const e = this.threadStatus.latest(thread, s);
    const task = e < 0 ? NONE : this.threadStatus.b.get(e);
    const se = this.threadSites.latest(thread, s);
    if (task < 0) {
      const status = e < 0 ? 'idle' : THREAD_STATUS[this.threadStatus.a.get(e)];
      if (info.role !== 'std' || status === 'exited' || se < 0) return null;
      return this.threadSites.a.get(se);
    }
    const pe = this.taskPolls.latest(task, s);
    const pollStep = pe < 0 ? -1 : this.taskPolls.step.get(pe);
    return se >= 0 && this.threadSites.step.get(se) >= pollStep ? this.threadSites.a.get(se) : -1;
  }

  /** The tasks spawned so far (in the indexed events) by the source offset of their spawn call. */
  tasksBySite(): Map<number, number[]> {
    const out = new Map<number, number[]>();
    this.tasks.forEach((t, id) => {
      if (!t) return;
      const list = out.get(t.site);
      if (list) list.push(id);
      else out.set(t.site, [id]);
    });
    return out;
  }

  private taskCountAt(s: number): number {
    let n = 0;
    for (const t of this.tasks) if (t && t.spawnStep <= s) n++;
    return n;
  }

  /** Unfinished tasks first, then finished ones; the finished/unfinished test is two integer compares. */
  tasksAt(s: number, limit = Infinity): TaskView[] {
    const alive: number[] = [];
    const done: number[] = [];
    this.tasks.forEach((t, id) => {
      if (!t || t.spawnStep > s) return;
      if (t.endStep >= 0 && t.endStep <= s) {
        if (alive.length + done.length < limit) done.push(id);
      } else if (alive.length < limit) alive.push(id);
    });
    return [...alive, ...done].slice(0, limit).map((id) => this.taskAt(id, s)!);
  }

  taskAt(id: number, s: number): TaskView | null {
    const t = this.tasks[id];
    if (!t || t.spawnStep > s) return null;
    const e = this.taskState.latest(id, s);
    const state = e < 0 ? 'idle' : TASK_STATES[this.taskState.a.get(e)]!;
    const q = e < 0 ? NONE : this.taskState.b.get(e);
    const polls = this.taskPolls.count(id, s);
    const wakes = this.taskWakes.count(id, s);
    const selfWakes = this.taskSelfWakes.count(id, s);
    const we = this.taskWakers.latest(id, s);
    const wakers = we < 0 ? 0 : this.taskWakers.a.get(we);
    const now = s >= 0 ? this.trace.timeAt(s) : 0;
    // Busy time: polls finished before this one, plus the one in progress.
    const pe = this.taskPolls.latest(id, s);
    let busy = 0;
    let scheduled = 0;
    let currentPoll = 0;
    if (pe >= 0) {
      busy = this.pollBusyBefore.get(pe);
      scheduled = this.pollScheduledBefore.get(pe);
      const start = this.pollStartTime.get(pe);
      const span = this.taskPolls.a.get(pe);
      const sp = this.threads[this.taskPolls.b.get(pe)]?.spans;
      const endTime = sp && span >= 0 && sp.endStep.get(span) <= s ? sp.end.get(span) : now;
      currentPoll = Math.max(0, endTime - start);
      busy += currentPoll;
    }
    if (state === 'scheduled') {
      const since = this.scheduledSinceAt(id, s);
      if (since >= 0) scheduled += Math.max(0, now - since);
    }
    const end = t.endStep >= 0 && t.endStep <= s ? t.endTime : now;
    const total = Math.max(0, end - t.spawnTime);
    const lints: LintKind[] = [];
    if (t.mode === 'async') {
      if (wakes > 0 && (selfWakes * 100) / wakes > LINT_THRESHOLDS.selfWakePercent) lints.push('self-wakes');
      const done = state === 'complete' || state === 'cancelled' || state === 'panicked';
      // A wake by value uses up the last waker one event before the task is queued: that one is not lost.
      const woken = this.taskWakes.latest(id, s);
      const justWoken = woken >= 0 && this.taskWakes.step.get(woken) === s;
      if (!done && polls > 0 && wakers === 0 && state === 'idle' && id !== 0 && !justWoken)
        lints.push('lost-waker');
      if (state === 'running' && polls <= 1 && currentPoll >= LINT_THRESHOLDS.neverYieldedNs)
        lints.push('never-yielded');
      if (t.largeStep >= 0 && t.largeStep <= s) lints.push('large-future');
    }
    if (t.hashOrderStep >= 0 && t.hashOrderStep <= s) lints.push('hash-order');
    return {
      id,
      stolenFrom: this.stolenFromAt(id, s, state),
      future: t.future,
      parent: t.parent,
      site: t.site,
      mode: t.mode,
      state,
      queue: q < 0 ? null : WHERE[q]!,
      detached: t.detachedStep >= 0 && t.detachedStep <= s,
      aborted: t.abortedStep >= 0 && t.abortedStep <= s,
      polls,
      wakes,
      selfWakes,
      wakers,
      busyNs: busy,
      scheduledNs: scheduled,
      idleNs: Math.max(0, total - busy - scheduled),
      lints,
    };
  }

  /**
   * The worker a task was stolen from, while that steal is news: the task waits in the thief's queue, or
   * runs its first poll there. -1 otherwise.
   */
  private stolenFromAt(id: number, s: number, state: TaskState): number {
    const e = this.taskStolen.latest(id, s);
    if (e < 0 || (state !== 'scheduled' && state !== 'running')) return NONE;
    const moved = this.taskStolen.step.get(e);
    const polls = this.taskPolls.count(id, s) - this.taskPolls.count(id, moved);
    return polls === 0 || (polls === 1 && state === 'running') ? this.taskStolen.a.get(e) : NONE;
  }

  private scheduledSinceAt(id: number, s: number): number {
    const e = this.taskState.latest(id, s);
    return e < 0 ? -1 : this.trace.timeAt(this.taskState.step.get(e));
  }

  queuesAt(s: number): QueueView[] {
    const out: QueueView[] = [];
    for (const { kind, core, q } of this.queues.values()) {
      const { items, total } = q.at(s, QUEUE_VIEW_LIMIT);
      out.push({ kind, core, tasks: items, total });
    }
    return out;
  }

  private resourceCountAt(s: number): number {
    if (this.countByScan) return this.aliveResourceIds(s, Infinity).total;
    return upperBound(this.createdSteps, s) - upperBound(this.droppedSteps, s);
  }

  /** The first `limit` resources alive at s, and (unless `stopAtLimit`) how many are alive. */
  private aliveResourceIds(s: number, limit: number, stopAtLimit = false): { ids: number[]; total: number } {
    const ids: number[] = [];
    let total = 0;
    const rs = this.resources;
    for (let id = 0; id < rs.length; id++) {
      const r = rs[id];
      if (!r || r.createdStep > s || (r.droppedStep >= 0 && r.droppedStep <= s)) continue;
      total++;
      if (ids.length < limit) ids.push(id);
      else if (stopAtLimit) break;
    }
    return { ids, total };
  }

  resourcesAt(s: number, limit = Infinity): ResourceView[] {
    return this.aliveResourceIds(s, limit, true).ids.map((id) => this.resourceAt(id, this.resources[id]!, s));
  }

  private resourceAt(id: number, r: ResourceInfo, s: number): ResourceView {
    // Start from the last checkpoint at or before s, replay the entries after it.
    const entries = this.resourceWakers.entries(id);
    const upTo = this.resourceWakers.count(id, s);
    const cp = Math.floor(upTo / WAKER_CHECKPOINT);
    const keys: number[] = cp > 0 && r.checkpoints ? Array.from(r.checkpoints[cp - 1]!) : [];
    for (let k = cp * WAKER_CHECKPOINT; k < upTo; k++) {
      const e = entries[k]!;
      const key = this.resourceWakers.a.get(e);
      if (this.resourceWakers.b.get(e) > 0) keys.push(key);
      else {
        const i = keys.indexOf(key);
        if (i >= 0) keys.splice(i, 1);
      }
    }
    const slots = keys.map((k) => ({ task: Math.floor(k / DIRS), dir: WAKER_DIRS[k % DIRS]! }));
    const te = this.resourceText.latest(id, s);
    const buf = r.buffer ? r.buffer.at(s, 32) : { items: [], total: 0 };
    const tm = this.timers.latest(id, s);
    return {
      id,
      type: r.type,
      name: r.name,
      site: r.site,
      owner: r.owner,
      wakers: [...new Set(slots.map((w) => w.task))],
      slots,
      text: te < 0 ? '' : this.strings[this.resourceText.a.get(te)]!,
      buffer: buf.items.map((i) => this.trace.string(i)),
      bufferLength: buf.total,
      deadline: tm >= 0 && this.timers.a.get(tm) === 0 ? this.timerDeadline.get(tm) : -1,
      fired: tm >= 0 && this.timers.a.get(tm) === 1,
    };
  }

  futureAt(f: number, s: number): FutureView | null {
    const i = f - this.futureBase;
    if (
      this.futureBase < 0 ||
      i < 0 ||
      i >= this.futureName.length ||
      this.futureCreated.get(i) > s ||
      this.futureName.get(i) === 0
    )
      return null;
    const e = this.futureVariant.latest(f, s);
    const dropped = this.futureDropped.get(i);
    return {
      id: f,
      name: this.strings[this.futureName.get(i)]!,
      task: this.futureTask.get(i),
      site: this.futureSite.get(i),
      variant: e < 0 ? '' : this.strings[this.futureVariant.a.get(e)]!,
      locals: e < 0 ? '' : this.trace.string(this.futureVariant.b.get(e)),
      line: e < 0 ? -1 : this.futureVariant.c.get(e),
      dropped: dropped >= 0 && dropped <= s,
    };
  }

  /**
   * Futures the task has made and still holds at step s without awaiting them (yet): `greet("ferris")`
   * stored in a local, a JoinHandle not awaited yet. Newest first, at most `limit`; only the futures made in
   * the last HELD_SCAN before s are looked at (a future held longer than that is not listed).
   */
  heldFutures(task: number, s: number, limit: number): FutureView[] {
    if (this.futureBase < 0 || limit <= 0) return [];
    const chain = new Set(this.futureChain(task, s).map((f) => f.id));
    const out: FutureView[] = [];
    let hi = upperBound(this.futureCreated, s) - 1;
    const lo = Math.max(0, hi - HELD_SCAN);
    for (; hi >= lo && out.length < limit; hi--) {
      if (this.futureCreator.get(hi) !== task || this.futureName.get(hi) === 0) continue;
      if (this.futureSpawnedAt.get(hi) <= s) continue;
      const dropped = this.futureDropped.get(hi);
      if (dropped >= 0 && dropped <= s) continue;
      const id = hi + this.futureBase;
      if (chain.has(id)) continue;
      const v = this.futureAt(id, s);
      if (v) out.push(v);
    }
    return out;
  }

  futureChain(task: number, s: number): FutureView[] {
    const t = this.tasks[task];
    if (!t || t.future < 0) return [];
    const chain: FutureView[] = [];
    let f = t.future;
    for (let depth = 0; depth < 64 && f >= 0; depth++) {
      const v = this.futureAt(f, s);
      if (!v) break;
      chain.push(v);
      const e = this.futureChild.latest(f, s);
      f = e < 0 ? NONE : this.futureChild.a.get(e);
      if (f >= 0) {
        const c = this.futureAt(f, s);
        if (!c || c.dropped) break;
      }
    }
    return chain;
  }

  // ------------------------------------------------------------------------------------------ timeline

  get threadCount(): number {
    return this.threads.length;
  }

  /** Machine time of event `step`. */
  timeOfStep(step: number): number {
    return this.trace.timeAt(Math.max(0, Math.min(step, this.trace.length - 1)));
  }

  /** Machine-time range of the indexed events. */
  timeRange(): [number, number] {
    let lo = Infinity;
    let hi = -Infinity;
    for (const th of this.threads) {
      if (!th || th.spans.length === 0) continue;
      lo = Math.min(lo, th.spans.start.get(0));
    }
    if (this.indexed > 0) {
      lo = Math.min(lo, this.trace.timeAt(0));
      for (let i = Math.max(0, this.indexed - 64); i < this.indexed; i++)
        hi = Math.max(hi, this.trace.timeAt(i));
    }
    return Number.isFinite(lo) && Number.isFinite(hi) ? [lo, Math.max(hi, lo + 1)] : [0, 1];
  }

  /** The first step at or after machine time `t` (events are in time order on a single-thread runtime). */
  stepAtTime(t: number): number {
    let lo = 0;
    let hi = this.indexed;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.trace.timeAt(mid) < t) lo = mid + 1;
      else hi = mid;
    }
    return Math.min(lo, this.indexed - 1);
  }

  /** The poll that a wake led to: the task's first poll after `step`. */
  nextPollAfter(task: number, step: number): { step: number; time: number; thread: number } | null {
    const n = this.taskPolls.count(task, step);
    const e = this.taskPolls.entries(task)[n];
    if (e === undefined) return null;
    const s = this.taskPolls.step.get(e);
    return { step: s, time: this.trace.timeAt(s), thread: this.taskPolls.b.get(e) };
  }

  /**
   * What to draw for a thread lane `width` pixels wide showing [t0, t1]: rectangles, with level of detail —
   * when spans are denser than pixels, each pixel column shows the span covering it (so a million-event
   * run costs a few thousand binary searches per frame, not a million rectangles).
   */
  spanRects(
    thread: number,
    t0: number,
    t1: number,
    width: number,
    axis: 'time' | 'step' = 'time',
  ): { x0: number; x1: number; kind: SpanKind; task: number; startStep: number }[] {
    const info = this.threads[thread];
    if (!info || width <= 0) return [];
    const spans = info.spans;
    const n = spans.length;
    const scale = width / Math.max(1e-9, t1 - t0);
    // On the step axis a span runs from its first event to its last; on the time axis, in machine time.
    const sp =
      axis === 'time'
        ? spans
        : {
            start: spans.startStep,
            end: spans.endStep,
            kind: spans.kind,
            task: spans.task,
            startStep: spans.startStep,
          };
    const last =
      axis === 'time' ? (this.indexed > 0 ? this.trace.timeAt(this.indexed - 1) : t1) : this.indexed - 1;
    const endOf = (i: number) => {
      const e = sp.end.get(i);
      return Number.isFinite(e) && e < 0x7fffffff ? e : last;
    };
    // First span starting at or after t0, then back over spans still open at t0.
    let lo = 0;
    let hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (sp.start.get(mid) < t0) lo = mid + 1;
      else hi = mid;
    }
    let first = lo;
    while (first > 0 && endOf(first - 1) > t0 && lo - first < 8) first--;
    let count = 0;
    for (let i = first; i < n && sp.start.get(i) <= t1 && count <= width * 2; i++) count++;
    const out: { x0: number; x1: number; kind: SpanKind; task: number; startStep: number }[] = [];
    if (count <= width * 2) {
      for (let i = first; i < n && sp.start.get(i) <= t1; i++) {
        const x0 = (Math.max(t0, sp.start.get(i)) - t0) * scale;
        const x1 = (Math.min(t1, endOf(i)) - t0) * scale;
        if (x1 < 0) continue;
        out.push({
          x0,
          x1: Math.max(x1, x0 + 0.5),
          kind: SPAN_KINDS[sp.kind.get(i)]!,
          task: sp.task.get(i),
          startStep: sp.startStep.get(i),
        });
      }
      return out;
    }
    // Denser than pixels: sample each pixel column.
    let cur: { x0: number; x1: number; kind: SpanKind; task: number; startStep: number } | null = null;
    for (let x = 0; x < width; x++) {
      const t = t0 + (x + 0.5) / scale;
      let a = 0;
      let b = n - 1;
      let idx = -1;
      while (a <= b) {
        const mid = (a + b) >> 1;
        if (sp.start.get(mid) <= t) {
          idx = mid;
          a = mid + 1;
        } else b = mid - 1;
      }
      // A column covered by tiny spans that all ended before its centre still shows activity.
      const covered = idx >= 0 && (endOf(idx) >= t || sp.start.get(idx) >= t - 1 / scale);
      if (!covered) {
        cur = null;
        continue;
      }
      const kind = SPAN_KINDS[sp.kind.get(idx)]!;
      const task = sp.task.get(idx);
      if (cur && cur.kind === kind && cur.task === task && cur.x1 === x) cur.x1 = x + 1;
      else {
        cur = { x0: x, x1: x + 1, kind, task, startStep: sp.startStep.get(idx) };
        out.push(cur);
      }
    }
    return out;
  }

  /** Spans of a thread overlapping [t0, t1] (machine time). */
  spans(thread: number, t0: number, t1: number): Span[] {
    const info = this.threads[thread];
    if (!info) return [];
    const sp = info.spans;
    const out: Span[] = [];
    for (let i = 0; i < sp.length; i++) {
      const start = sp.start.get(i);
      if (start > t1) break;
      const end = sp.end.get(i);
      if (end < t0) continue;
      out.push({
        kind: SPAN_KINDS[sp.kind.get(i)]!,
        thread,
        start,
        end,
        startStep: sp.startStep.get(i),
        endStep: sp.endStep.get(i),
        task: sp.task.get(i),
      });
    }
    return out;
  }

  private wake(i: number): WakeArrow {
    const c = this.wakeCols;
    return {
      step: this.wakeStep.get(i),
      time: this.wakeTime.get(i),
      thread: c.thread.get(i),
      task: c.task.get(i),
      by: c.by.get(i),
      resource: c.resource.get(i),
      effect: WAKE_EFFECTS[c.effect.get(i)]!,
    };
  }

  /** Wakes between two steps (inclusive). */
  wakesBetween(fromStep: number, toStep: number): WakeArrow[] {
    const n = this.wakeStep.length;
    let lo = 0;
    let hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.wakeStep.get(mid) < fromStep) lo = mid + 1;
      else hi = mid;
    }
    const out: WakeArrow[] = [];
    for (let i = lo; i < n && this.wakeStep.get(i) <= toStep; i++) out.push(this.wake(i));
    return out;
  }

  /** Steals between two steps (inclusive), for the timeline's steal marks. */
  stealsBetween(fromStep: number, toStep: number): StealMark[] {
    let lo = 0;
    let hi = this.steals.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.steals[mid]!.step < fromStep) lo = mid + 1;
      else hi = mid;
    }
    const out: StealMark[] = [];
    for (let i = lo; i < this.steals.length && this.steals[i]!.step <= toStep; i++) out.push(this.steals[i]!);
    return out;
  }

  /** The most recent wake of `task` at or before step `s`. */
  whoWoke(task: number, s: number): WakeArrow | null {
    const e = this.taskWakes.latest(task, s);
    return e < 0 ? null : this.wake(this.taskWakes.a.get(e));
  }

  /** What a task waits on at step s: the resources holding its waker, and the future at the bottom of its tree. */
  waitingOn(task: number, s: number): { resources: ResourceView[]; leaf: FutureView | null } {
    const chain = this.futureChain(task, s);
    const resources: ResourceView[] = [];
    this.resources.forEach((r, id) => {
      if (!r || r.createdStep > s || (r.droppedStep >= 0 && r.droppedStep <= s)) return;
      if (this.resourceWakers.count(id, s) === 0) return;
      const v = this.resourceAt(id, r, s);
      if (v.wakers.includes(task)) resources.push(v);
    });
    return { resources, leaf: chain[chain.length - 1] ?? null };
  }

  private logs(): EntityLog[] {
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

  /** Bytes held by the index (typed arrays; strings counted separately by the trace). */
  byteSize(): number {
    let n = 0;
    for (const log of this.logs()) n += log.byteLength;
    n += this.futureName.byteLength * 5 + this.pollBusyBefore.byteLength * 3;
    n += this.wakeStep.byteLength * 7 + this.tasks.length * 160 + this.resources.length * 80;
    for (const th of this.threads) if (th) n += th.spans.start.byteLength * 5;
    for (const { q } of this.queues.values()) n += q.byteLength;
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

/** How many entries of a sorted array are <= x. */
function upperBound(xs: GrowableInt32, x: number): number {
  let lo = 0;
  let hi = xs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (xs.get(mid) <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export { LINTS, RESOURCE_KINDS };
