/**
 * The fold from events to view state (DESIGN.md §4): what every panel shows at step i.
 *
 * `ViewBuilder.apply` is the one place that interprets events. `TraceView` answers "the state after event i"
 * from the nearest keyframe at or before i plus a replay of at most `KEYFRAME_INTERVAL` events.
 */
import { assertUnreachable } from '../base';
import type { QueueKind, ResourceKind, ThreadKind, TraceEvent } from './events';
import type { TraceReader } from './store';

export type ThreadStatus = 'running' | 'idle' | 'parked' | 'blocked' | 'exited';

export interface ThreadView {
  id: number;
  role: ThreadKind;
  name: string;
  status: ThreadStatus;
  /** The task being polled, if any. */
  task: number | null;
  blockedOn: string | null;
}

export type TaskState = 'idle' | 'scheduled' | 'running' | 'complete' | 'cancelled' | 'panicked';

export interface TaskView {
  id: number;
  /** Root future. */
  future: number;
  parent: number;
  site: number;
  mode: 'async' | 'blocking';
  state: TaskState;
  /** Which queue holds it (when scheduled). */
  queue: QueueKind | null;
  /** The task's waker is on the defer list. */
  deferred: boolean;
  detached: boolean;
  aborted: boolean;
  polls: number;
  wakes: number;
  selfWakes: number;
  wakerRefs: number;
}

export interface FutureView {
  id: number;
  name: string;
  task: number;
  site: number;
  /** The future that polled it most recently (its awaiter), -1 for a task's root. */
  parent: number;
  variant: string;
  locals: string;
  /** Source line where it is suspended (-1 unknown). */
  line: number;
  dropped: boolean;
  /** Last poll result. */
  last: 'none' | 'pending' | 'ready';
}

export interface ResourceView {
  id: number;
  type: ResourceKind;
  name: string;
  site: number;
  /** Tasks whose wakers this resource holds. */
  wakers: number[];
  text: string;
  buffer: string[];
  dropped: boolean;
  /** Timers: armed deadline (tokio ns) or -1. */
  deadline: number;
  fired: boolean;
}

export interface ViewState {
  /** The step (event index) this state is after; -1 before any event. */
  step: number;
  time: number;
  /** Tokio time (ns since the runtime started) if it was advanced explicitly (paused clock), else -1. */
  tokioTime: number;
  threads: ThreadView[];
  tasks: TaskView[];
  futures: Map<number, FutureView>;
  resources: Map<number, ResourceView>;
  /** Run queues by core: local (and later the LIFO slot), plus the inject queue. */
  local: number[];
  inject: number[];
  deferred: number[];
  /** Number of stdout / stderr print events so far (the text comes from TraceView.output). */
  stdoutPrints: number;
  stderrPrints: number;
  lastEvent: TraceEvent | null;
  outcome: { result: string; message: string } | null;
}

export function emptyView(): ViewState {
  return {
    step: -1,
    time: 0,
    tokioTime: -1,
    threads: [],
    tasks: [],
    futures: new Map(),
    resources: new Map(),
    local: [],
    inject: [],
    deferred: [],
    stdoutPrints: 0,
    stderrPrints: 0,
    lastEvent: null,
    outcome: null,
  };
}

/** A deep copy, so keyframes never alias the state being folded. */
export function cloneView(v: ViewState): ViewState {
  return {
    ...v,
    threads: v.threads.map((t) => ({ ...t })),
    tasks: v.tasks.map((t) => ({ ...t })),
    futures: new Map([...v.futures].map(([k, f]) => [k, { ...f }])),
    resources: new Map(
      [...v.resources].map(([k, r]) => [k, { ...r, wakers: [...r.wakers], buffer: [...r.buffer] }]),
    ),
    local: [...v.local],
    inject: [...v.inject],
    deferred: [...v.deferred],
  };
}

function removeFirst(xs: number[], x: number): boolean {
  const i = xs.indexOf(x);
  if (i < 0) return false;
  xs.splice(i, 1);
  return true;
}

export class ViewBuilder {
  constructor(public state: ViewState = emptyView()) {}

  private task(id: number): TaskView | undefined {
    return this.state.tasks.find((t) => t.id === id);
  }

  apply(ev: TraceEvent): void {
    const s = this.state;
    s.step = ev.seq;
    s.time = ev.time;
    s.lastEvent = ev;
    const thread = s.threads[ev.thread];
    switch (ev.kind) {
      case 'thread-start':
        s.threads[ev.thread] = {
          id: ev.thread,
          role: ev.role,
          name: ev.name,
          status: 'idle',
          task: null,
          blockedOn: null,
        };
        break;
      case 'thread-exit':
        if (thread) thread.status = 'exited';
        break;
      case 'spawn':
        s.tasks.push({
          id: ev.task,
          future: ev.future,
          parent: ev.parent,
          site: ev.site,
          mode: ev.mode,
          state: 'idle',
          queue: null,
          deferred: false,
          detached: false,
          aborted: false,
          polls: 0,
          wakes: 0,
          selfWakes: 0,
          wakerRefs: 0,
        });
        if (ev.task === 0) {
          const t = this.task(0)!;
          t.state = 'scheduled';
          t.queue = 'main';
        }
        break;
      case 'schedule': {
        const t = this.task(ev.task);
        if (t) {
          t.state = 'scheduled';
          t.queue = ev.where;
        }
        if (ev.where === 'local') s.local.push(ev.task);
        else if (ev.where === 'inject') s.inject.push(ev.task);
        break;
      }
      case 'poll': {
        const t = this.task(ev.task);
        if (t) {
          if (t.queue === 'local') removeFirst(s.local, t.id);
          if (t.queue === 'inject') removeFirst(s.inject, t.id);
          t.queue = null;
          t.state = 'running';
          t.polls++;
        }
        if (thread) {
          thread.status = 'running';
          thread.task = ev.task;
        }
        const f = s.futures.get(ev.future);
        if (f) f.parent = -1;
        break;
      }
      case 'poll-child': {
        const f = s.futures.get(ev.future);
        if (f) f.parent = ev.parent;
        break;
      }
      case 'pending':
      case 'ready': {
        const f = s.futures.get(ev.future);
        if (f) f.last = ev.kind;
        const t = this.task(ev.task);
        if (t && t.future === ev.future) {
          // The root future returned: the task poll is over.
          if (ev.kind === 'pending' && t.state === 'running') t.state = 'idle';
          if (thread && thread.task === ev.task) {
            thread.task = null;
            thread.status = 'idle';
          }
        }
        break;
      }
      case 'future-new':
        s.futures.set(ev.future, {
          id: ev.future,
          name: ev.name,
          task: ev.task,
          site: ev.site,
          parent: -1,
          variant: '',
          locals: '',
          line: -1,
          dropped: false,
          last: 'none',
        });
        break;
      case 'future-state': {
        const f = s.futures.get(ev.future);
        if (f) {
          f.variant = ev.variant;
          f.locals = ev.locals;
          f.line = ev.line;
        }
        break;
      }
      case 'future-drop': {
        const f = s.futures.get(ev.future);
        if (f) f.dropped = true;
        break;
      }
      case 'waker-clone':
      case 'waker-drop': {
        const t = this.task(ev.task);
        if (t) t.wakerRefs = ev.refs;
        break;
      }
      case 'register': {
        const r = s.resources.get(ev.resource);
        if (r && !r.wakers.includes(ev.task)) r.wakers.push(ev.task);
        break;
      }
      case 'deregister': {
        const r = s.resources.get(ev.resource);
        if (r) removeFirst(r.wakers, ev.task);
        break;
      }
      case 'wake': {
        const t = this.task(ev.task);
        if (t) {
          t.wakes++;
          if (ev.by === ev.task) t.selfWakes++;
          if (ev.op === 'defer') {
            t.deferred = false;
            removeFirst(s.deferred, ev.task);
          }
          if (ev.effect === 'main') {
            t.state = t.state === 'running' ? 'running' : 'scheduled';
            t.queue = 'main';
          }
        }
        const r = s.resources.get(ev.resource);
        if (r) removeFirst(r.wakers, ev.task);
        break;
      }
      case 'defer': {
        const t = this.task(ev.task);
        if (t) t.deferred = true;
        s.deferred.push(ev.task);
        break;
      }
      case 'budget-exhausted':
        break;
      case 'resource-new':
        s.resources.set(ev.resource, {
          id: ev.resource,
          type: ev.type,
          name: ev.name,
          site: ev.site,
          wakers: [],
          text: '',
          buffer: [],
          dropped: false,
          deadline: -1,
          fired: false,
        });
        break;
      case 'resource-state': {
        const r = s.resources.get(ev.resource);
        if (r) r.text = ev.text;
        break;
      }
      case 'resource-drop': {
        const r = s.resources.get(ev.resource);
        if (r) r.dropped = true;
        break;
      }
      case 'chan-push': {
        const r = s.resources.get(ev.resource);
        if (r) r.buffer.push(ev.value);
        break;
      }
      case 'chan-pop': {
        const r = s.resources.get(ev.resource);
        if (r) r.buffer.shift();
        break;
      }
      case 'timer-arm': {
        const r = s.resources.get(ev.resource);
        if (r) {
          r.deadline = ev.deadline;
          r.fired = false;
        }
        break;
      }
      case 'timer-cancel': {
        const r = s.resources.get(ev.resource);
        if (r) {
          r.deadline = -1;
          r.wakers = [];
        }
        break;
      }
      case 'timer-fire': {
        const r = s.resources.get(ev.resource);
        if (r) r.fired = true;
        break;
      }
      case 'time-advance':
        s.tokioTime = ev.now;
        break;
      case 'park':
        if (thread) {
          thread.status = 'parked';
          thread.task = null;
        }
        break;
      case 'unpark':
        if (thread) thread.status = 'idle';
        break;
      case 'block':
        if (thread) {
          thread.status = 'blocked';
          thread.blockedOn = ev.what;
        }
        break;
      case 'unblock':
        if (thread) {
          thread.status = thread.task !== null ? 'running' : 'idle';
          thread.blockedOn = null;
        }
        break;
      case 'abort': {
        const t = this.task(ev.task);
        if (t) t.aborted = true;
        break;
      }
      case 'cancel':
        break;
      case 'detach': {
        const t = this.task(ev.task);
        if (t) t.detached = true;
        break;
      }
      case 'complete': {
        const t = this.task(ev.task);
        if (t) {
          if (t.queue === 'local') removeFirst(s.local, t.id);
          if (t.queue === 'inject') removeFirst(s.inject, t.id);
          t.queue = null;
          t.state = ev.outcome === 'ok' ? 'complete' : ev.outcome === 'cancelled' ? 'cancelled' : 'panicked';
        }
        if (thread && thread.task === ev.task) {
          thread.task = null;
          thread.status = 'idle';
        }
        break;
      }
      case 'panic':
        break;
      case 'print':
        if (ev.stream === 'stdout') s.stdoutPrints++;
        else s.stderrPrints++;
        break;
      case 'lint':
        break;
      case 'outcome':
        s.outcome = { result: ev.result, message: ev.message };
        break;
      default:
        assertUnreachable(ev, 'trace event');
    }
  }
}

export const KEYFRAME_INTERVAL = 256;

/** Random access to view states over a trace: keyframes plus bounded replay. */
export class TraceView {
  private keyframes: ViewState[] = [];
  private builder = new ViewBuilder();
  /** Events folded into `builder` so far. */
  private folded = 0;
  /** Output text, and for each print event its cumulative length. */
  private stdout = '';
  private stderr = '';
  private stdoutEnds: number[] = [];
  private stderrEnds: number[] = [];

  constructor(private readonly trace: TraceReader) {
    this.catchUp();
  }

  get length(): number {
    return this.trace.length;
  }

  /** Folds events that arrived since the last call (the trace grows while a run streams in). */
  catchUp(): void {
    const n = this.trace.length;
    while (this.folded < n) {
      if (this.folded % KEYFRAME_INTERVAL === 0) this.keyframes.push(cloneView(this.builder.state));
      const ev = this.trace.get(this.folded);
      this.builder.apply(ev);
      if (ev.kind === 'print') {
        if (ev.stream === 'stdout') {
          this.stdout += ev.text;
          this.stdoutEnds.push(this.stdout.length);
        } else {
          this.stderr += ev.text;
          this.stderrEnds.push(this.stderr.length);
        }
      }
      this.folded++;
    }
  }

  /** The state after event `step` (`-1`: before the first event). */
  at(step: number): ViewState {
    const i = Math.max(-1, Math.min(step, this.folded - 1));
    if (i === this.folded - 1) return cloneView(this.builder.state);
    const k = Math.floor((i + 1) / KEYFRAME_INTERVAL);
    const b = new ViewBuilder(cloneView(this.keyframes[k]!));
    for (let j = k * KEYFRAME_INTERVAL; j <= i; j++) b.apply(this.trace.get(j));
    return b.state;
  }

  /** The program's stdout printed up to and including `view`'s step. */
  stdoutAt(view: ViewState): string {
    return this.stdout.slice(0, view.stdoutPrints === 0 ? 0 : this.stdoutEnds[view.stdoutPrints - 1]);
  }

  stderrAt(view: ViewState): string {
    return this.stderr.slice(0, view.stderrPrints === 0 ? 0 : this.stderrEnds[view.stderrPrints - 1]);
  }
}
