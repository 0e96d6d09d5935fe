/**
 * Which runtime each thread and each queue of a trace belongs to (issue 16: several runtimes in one
 * program). Built from the trace itself: each `thread-start` names its thread's runtime (0: none), each
 * `runtime-new` a runtime the program built by hand with the trace id of its first core; `#[tokio::main]`'s
 * runtime 1 has no event and is described by the run's configuration. Updated incrementally as the trace
 * grows (a scan of the event kinds only, decoding just those two kinds).
 */
import type { QueueView } from './state';
import type { TraceReader } from './store';

export type RuntimeFlavor = 'current_thread' | 'multi_thread';

export interface RuntimeInfo {
  /** 1, 2, … in build order (tokio has no such number; Pollscope's lane names use it too). */
  id: number;
  flavor: RuntimeFlavor;
  /** Worker threads (0 on current_thread). */
  workers: number;
  /** The trace id of its first core: worker `i` is core `coreBase + i` in `schedule`/`park` events. */
  coreBase: number;
  /** The step that built it (-1: `#[tokio::main]`'s, there from the start). */
  step: number;
}

/** What the run's configuration says about `#[tokio::main]`'s runtime (null: a plain `fn main`). */
export interface AttributeRuntime {
  flavor: RuntimeFlavor;
  workers: number;
}

export class RuntimeTable {
  private scanned = 0;
  private readonly built: RuntimeInfo[] = [];
  /** By thread id: its runtime (0: none, -1: unknown). */
  private readonly threads: number[] = [];
  private attributeUsed = false;

  constructor(private readonly attribute: AttributeRuntime | null) {}

  /** Reads the events added since the last call. */
  update(trace: TraceReader): this {
    for (let i = this.scanned; i < trace.length; i++) {
      const kind = trace.kindAt(i);
      if (kind !== 'thread-start' && kind !== 'runtime-new') continue;
      const ev = trace.get(i);
      if (ev.kind === 'thread-start') {
        this.threads[ev.thread] = ev.runtime;
        if (ev.runtime === 1) this.attributeUsed = true;
      } else if (ev.kind === 'runtime-new') {
        this.built.push({
          id: ev.runtime,
          flavor: ev.flavor,
          workers: ev.workers,
          coreBase: ev.core,
          step: i,
        });
      }
    }
    this.scanned = trace.length;
    return this;
  }

  /** Every runtime of the run, in id order (those built after `step` too: see `builtBy`). */
  get runtimes(): RuntimeInfo[] {
    const out = [...this.built];
    // Runtime 1 without a `runtime-new` is `#[tokio::main]`'s (its thread-start says runtime 1).
    if (this.attribute && this.attributeUsed && !out.some((r) => r.id === 1))
      out.unshift({
        id: 1,
        flavor: this.attribute.flavor,
        workers: this.attribute.workers,
        coreBase: 0,
        step: -1,
      });
    return out.sort((a, b) => a.id - b.id);
  }

  /** The runtimes that exist after `step`. */
  builtBy(step: number): RuntimeInfo[] {
    return this.runtimes.filter((r) => r.step <= step);
  }

  /** The runtime a thread belongs to: its id, 0 for none, -1 if the trace does not say. */
  ofThread(thread: number): number {
    return this.threads[thread] ?? -1;
  }
}

/** "runtime 1 · current_thread", "runtime 2 · multi_thread, 4 workers". */
export function runtimeLabel(rt: RuntimeInfo): string {
  if (rt.flavor === 'current_thread') return `runtime ${rt.id} · current_thread`;
  return `runtime ${rt.id} · multi_thread, ${rt.workers} worker${rt.workers === 1 ? '' : 's'}`;
}

/** The runtime whose queue this is (null: a LocalSet's, which belongs to whichever thread drives it). */
export function runtimeOfQueue(q: QueueView, runtimes: readonly RuntimeInfo[]): RuntimeInfo | null {
  if (q.kind === 'localset') return null;
  // Shared queues (inject, blocking pool) of runtime k are core -k.
  if (q.core < 0) return runtimes.find((r) => r.id === -q.core) ?? null;
  return runtimes.find((r) => q.core >= r.coreBase && q.core < r.coreBase + Math.max(1, r.workers)) ?? null;
}
