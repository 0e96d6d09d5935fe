/**
 * The reference fold: the plainest possible reading of the trace, one event at a time, into mutable maps.
 * It is the executable definition of what each event means. The UI uses the trace index (fast seeks);
 * tests check the index against this fold at many steps of real runs.
 */
import { assertUnreachable } from '../base';
import type { QueueKind, ResourceKind, ThreadKind, TraceEvent, WakerDir } from './events';
import type {
  FutureView,
  QueueView,
  ResourceView,
  TaskView,
  ThreadStatus,
  ThreadView,
  ViewState,
} from './state';

interface FoldTask {
  id: number;
  future: number;
  parent: number;
  site: number;
  mode: 'async' | 'blocking' | 'block_on';
  state: TaskView['state'];
  queue: QueueKind | null;
  detached: boolean;
  aborted: boolean;
  polls: number;
  wakes: number;
  selfWakes: number;
  /** main was woken during its current poll: block_on polls it again as soon as the poll returns. */
  notified: boolean;
}

interface FoldFuture {
  id: number;
  name: string;
  task: number;
  /** The task running when it was made; whether it became a spawned task's root future. */
  creator: number;
  spawned: boolean;
  site: number;
  parent: number;
  child: number;
  variant: string;
  locals: string;
  line: number;
  dropped: boolean;
}

interface FoldResource {
  id: number;
  type: ResourceKind;
  name: string;
  site: number;
  owner: number;
  /** The wakers it holds, with the slot each fills (in the order they were stored). */
  slots: { task: number; dir: WakerDir }[];
  text: string;
  buffer: string[];
  dropped: boolean;
  deadline: number;
  fired: boolean;
}

interface FoldState {
  step: number;
  time: number;
  tokioTime: number;
  threads: (ThreadView & { role: ThreadKind; status: ThreadStatus })[];
  tasks: FoldTask[];
  futures: Map<number, FoldFuture>;
  resources: Map<number, FoldResource>;
  queues: Map<string, { kind: QueueKind; core: number; tasks: number[] }>;
  stdoutLength: number;
  stderrLength: number;
  lastEvent: TraceEvent | null;
  outcome: { result: string; message: string } | null;
}

function emptyState(): FoldState {
  return {
    step: -1,
    time: 0,
    tokioTime: -1,
    threads: [],
    tasks: [],
    futures: new Map(),
    resources: new Map(),
    queues: new Map(),
    stdoutLength: 0,
    stderrLength: 0,
    lastEvent: null,
    outcome: null,
  };
}

function removeFirst(xs: number[], x: number): boolean {
  const i = xs.indexOf(x);
  if (i < 0) return false;
  xs.splice(i, 1);
  return true;
}

export class ReferenceFold {
  readonly state: FoldState = emptyState();
  private stdout = '';
  private stderr = '';

  private task(id: number): FoldTask | undefined {
    return this.state.tasks.find((t) => t.id === id);
  }

  private queue(kind: QueueKind, core: number): number[] {
    const key = `${kind}:${kind === 'inject' && core >= 0 ? -1 : core}`;
    let q = this.state.queues.get(key);
    if (!q) {
      q = { kind, core: kind === 'inject' && core >= 0 ? -1 : core, tasks: [] };
      this.state.queues.set(key, q);
    }
    return q.tasks;
  }

  /** Removes a task from whichever queue holds it. */
  private dequeue(id: number): void {
    for (const q of this.state.queues.values()) if (q.kind !== 'defer' && removeFirst(q.tasks, id)) return;
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
        if (thread) {
          thread.status = 'exited';
          thread.task = null;
          thread.blockedOn = null;
        }
        break;
      case 'spawn': {
        // The root future was made by the spawning task; from now on it belongs to the new one.
        const root = s.futures.get(ev.future);
        if (root) {
          root.task = ev.task;
          root.spawned = true;
        }
        // A block_on future (task 0, or a later one in mode block_on) is polled by its thread, not queued.
        const main = ev.task === 0 || ev.mode === 'block_on';
        // Tasks are listed by id, as the index keeps them (a runtime built by hand can spawn before block_on).
        let at = s.tasks.length;
        while (at > 0 && s.tasks[at - 1]!.id > ev.task) at--;
        s.tasks.splice(at, 0, {
          id: ev.task,
          future: ev.future,
          parent: ev.parent,
          site: ev.site,
          mode: ev.mode,
          state: main ? 'scheduled' : 'idle',
          queue: main ? 'main' : null,
          detached: false,
          aborted: false,
          polls: 0,
          wakes: 0,
          selfWakes: 0,
          notified: false,
        });
        break;
      }
      case 'schedule': {
        const t = this.task(ev.task);
        if (t) {
          t.state = 'scheduled';
          // A queued task can move (LIFO displacement, a steal, overflow to the inject queue).
          if (t.queue !== null && t.queue !== 'main') this.dequeue(t.id);
          t.queue = ev.where;
        }
        if (ev.where !== 'main') this.queue(ev.where, ev.core).push(ev.task);
        break;
      }
      case 'poll': {
        const t = this.task(ev.task);
        if (t) {
          this.dequeue(t.id);
          t.queue = null;
          t.state = 'running';
          t.polls++;
        }
        if (thread) {
          thread.status = 'running';
          thread.task = ev.task;
          thread.blockedOn = null;
        }
        break;
      }
      case 'poll-child': {
        const f = s.futures.get(ev.future);
        if (f) f.parent = ev.parent;
        const p = s.futures.get(ev.parent);
        if (p) p.child = ev.future;
        break;
      }
      case 'pending':
      case 'ready': {
        const t = this.task(ev.task);
        if (t && t.future === ev.future) {
          if (ev.kind === 'pending' && t.state === 'running') {
            t.state = t.notified ? 'scheduled' : 'idle';
            t.queue = t.notified ? 'main' : null;
          }
          t.notified = false;
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
          creator: ev.task,
          spawned: false,
          site: ev.site,
          parent: -1,
          child: -1,
          variant: '',
          locals: '',
          line: -1,
          dropped: false,
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
      case 'future-size':
        break;
      case 'future-drop': {
        const f = s.futures.get(ev.future);
        if (f) {
          f.dropped = true;
          const p = s.futures.get(f.parent);
          if (p && p.child === f.id) p.child = -1;
        }
        break;
      }
      case 'waker-clone':
      case 'waker-drop':
        break;
      case 'register': {
        const r = s.resources.get(ev.resource);
        if (r && !r.slots.some((w) => w.task === ev.task && w.dir === ev.dir))
          r.slots.push({ task: ev.task, dir: ev.dir });
        break;
      }
      case 'deregister': {
        const r = s.resources.get(ev.resource);
        const i = r ? r.slots.findIndex((w) => w.task === ev.task && w.dir === ev.dir) : -1;
        if (r && i >= 0) r.slots.splice(i, 1);
        break;
      }
      case 'wake': {
        const t = this.task(ev.task);
        if (t) {
          t.wakes++;
          if (ev.by === ev.task) t.selfWakes++;
          if (ev.effect === 'main' && t.state !== 'running') {
            t.state = 'scheduled';
            t.queue = 'main';
          } else if (ev.effect === 'main') t.notified = true;
        }
        if (ev.op === 'defer')
          for (const q of s.queues.values()) if (q.kind === 'defer') removeFirst(q.tasks, ev.task);
        // The wake does not say which slot it came from: the first one holding the task is emptied.
        const r = s.resources.get(ev.resource);
        const i = r ? r.slots.findIndex((w) => w.task === ev.task) : -1;
        if (r && i >= 0) r.slots.splice(i, 1);
        break;
      }
      case 'defer':
        this.queue('defer', ev.core).push(ev.task);
        break;
      case 'budget-exhausted':
        break;
      case 'resource-new':
        s.resources.set(ev.resource, {
          id: ev.resource,
          type: ev.type,
          name: ev.owner >= 0 ? `${ev.name}(task ${ev.owner})` : ev.name,
          site: ev.site,
          owner: ev.owner,
          slots: [],
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
      case 'chan-state': {
        const r = s.resources.get(ev.resource);
        if (r)
          r.text = `${ev.queued} queued, ${ev.senders} sender${ev.senders === 1 ? '' : 's'}${ev.waiting ? `, ${ev.waiting} waiting to send` : ''}`;
        break;
      }
      case 'resource-drop': {
        const r = s.resources.get(ev.resource);
        if (r) {
          r.dropped = true;
          r.buffer = [];
        }
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
          r.slots = [];
        }
        break;
      }
      case 'timer-fire': {
        const r = s.resources.get(ev.resource);
        if (r) {
          r.deadline = -1;
          r.fired = true;
        }
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
          this.dequeue(t.id);
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
        if (ev.stream === 'stdout') this.stdout += ev.text;
        else this.stderr += ev.text;
        s.stdoutLength = this.stdout.length;
        s.stderrLength = this.stderr.length;
        break;
      case 'lint':
      case 'steal':
        // The stolen tasks' moves are `schedule` events of their own.
        break;
      case 'search':
        if (thread && ev.searching && thread.status === 'idle') thread.status = 'searching';
        else if (thread && !ev.searching && thread.status === 'searching') thread.status = 'idle';
        break;
      case 'io-turn':
      case 'io-ready':
      case 'io-clear':
        // An I/O source's readiness and slots reach the Reactor as `resource-state` text; wakes are `wake`s.
        break;
      case 'runtime-new':
        // Which runtime each thread and queue belongs to is trace/runtimes.ts's table.
        break;
      case 'outcome':
        s.outcome = { result: ev.result, message: ev.message };
        break;
      default:
        assertUnreachable(ev, 'trace event');
    }
  }

  /** The state as the UI sees it (the counters only the index computes are left at zero). */
  view(): ViewState {
    const s = this.state;
    const futureChain = (task: number): FutureView[] => {
      const t = this.task(task);
      const out: FutureView[] = [];
      let f = t ? s.futures.get(t.future) : undefined;
      for (let d = 0; d < 64 && f; d++) {
        out.push({
          id: f.id,
          name: f.name,
          task: f.task,
          site: f.site,
          variant: f.variant,
          locals: f.locals,
          line: f.line,
          dropped: f.dropped,
        });
        const c = s.futures.get(f.child);
        if (!c || c.dropped) break;
        f = c;
      }
      return out;
    };
    const queues: QueueView[] = [...s.queues.values()].map((q) => ({
      kind: q.kind,
      core: q.core,
      tasks: [...q.tasks],
      total: q.tasks.length,
    }));
    const resourceList: ResourceView[] = [...s.resources.values()]
      .filter((r) => !r.dropped)
      .map((r) => ({
        id: r.id,
        type: r.type,
        name: r.name,
        site: r.site,
        owner: r.owner,
        wakers: [...new Set(r.slots.map((w) => w.task))],
        slots: r.slots.map((w) => ({ ...w })),
        text: r.text,
        buffer: [...r.buffer],
        bufferLength: r.buffer.length,
        deadline: r.deadline,
        fired: r.fired,
      }));
    const tasks: TaskView[] = s.tasks.map((t) => ({
      ...t,
      stolenFrom: -1,
      wakers: 0,
      busyNs: 0,
      scheduledNs: 0,
      idleNs: 0,
      lints: [],
    }));
    const finished = (t: TaskView) =>
      t.state === 'complete' || t.state === 'cancelled' || t.state === 'panicked';
    return {
      step: s.step,
      time: s.time,
      tokioTime: s.tokioTime,
      threads: s.threads.filter(Boolean).map((t) => ({ ...t })),
      queues,
      taskCount: tasks.length,
      task: (id: number) => tasks.find((t) => t.id === id) ?? null,
      tasks: (limit: number) =>
        [...tasks.filter((t) => !finished(t)), ...tasks.filter(finished)].slice(0, limit),
      resourceCount: resourceList.length,
      resources: (limit: number) => resourceList.slice(0, limit),
      resource: (id: number) => resourceList.find((r) => r.id === id) ?? null,
      future: (id: number) => {
        const f = s.futures.get(id);
        return f
          ? {
              id: f.id,
              name: f.name,
              task: f.task,
              site: f.site,
              variant: f.variant,
              locals: f.locals,
              line: f.line,
              dropped: f.dropped,
            }
          : null;
      },
      futureChain,
      heldFutures: (task: number, limit: number) => {
        const chain = new Set(futureChain(task).map((f) => f.id));
        const out: FutureView[] = [];
        for (const f of [...s.futures.values()].reverse()) {
          if (out.length >= limit) break;
          if (f.creator !== task || f.spawned || f.dropped || chain.has(f.id)) continue;
          out.push({
            id: f.id,
            name: f.name,
            task: f.task,
            site: f.site,
            variant: f.variant,
            locals: f.locals,
            line: f.line,
            dropped: f.dropped,
          });
        }
        return out;
      },
      stdoutLength: s.stdoutLength,
      stderrLength: s.stderrLength,
      lastEvent: s.lastEvent,
      outcome: s.outcome,
    };
  }
}
