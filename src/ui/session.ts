/**
 * The current run's trace and its index, kept outside React state (they can hold millions of events).
 * The zustand store holds a `traceVersion` that changes whenever these are replaced. While a run streams
 * in, the index catches up in the background, a slice per animation frame, so the page never freezes.
 */
import type { TraceStore } from '../trace/store';
import { TraceIndex } from '../trace/trace-index';
import { SimClient } from '../worker/client';

export const session: {
  trace: TraceStore | null;
  index: TraceIndex | null;
  /** Steps where a lesson narrates something: Play pauses there. */
  narrationStops: ReadonlySet<number> | null;
  /**
   * Called (on an animation frame) whenever the index has caught up with every event received so far:
   * views built from the whole run (the timeline's lanes, the tasks' names) refresh then.
   */
  onCaughtUp: (() => void) | null;
} = { trace: null, index: null, narrationStops: null, onCaughtUp: null };

/** Events indexed per frame in the background (about 4 ms of work on a laptop). */
const INGEST_SLICE = 20_000;
let ingestScheduled = false;

export function setTrace(trace: TraceStore): void {
  session.trace = trace;
  session.index = new TraceIndex(trace);
}

/** Indexes newly arrived events a slice at a time. */
export function catchUpIndex(): void {
  if (ingestScheduled) return;
  ingestScheduled = true;
  const tick = () => {
    ingestScheduled = false;
    const index = session.index;
    if (!index) return;
    if (!index.ingest(INGEST_SLICE)) {
      ingestScheduled = true;
      requestAnimationFrame(tick);
    } else session.onCaughtUp?.();
  };
  requestAnimationFrame(tick);
}

let client: SimClient | null = null;
/** A worker started before the first run asked for one (`startWorkerEarly`), not yet handed out. */
let early: Worker | null = null;

const newWorker = () => new Worker(new URL('../worker/sim.worker.ts', import.meta.url), { type: 'module' });

/**
 * Starts the simulation worker now: its script (~160 KB gzip) loads and compiles while the page renders
 * and the course's text arrives, instead of after the first Run. The pages call it at start.
 */
export function startWorkerEarly(): void {
  if (!client && !early) early = newWorker();
}

/** The simulation worker client, created on first use (tests in Node never touch it). */
export function simClient(): SimClient {
  client ??= new SimClient(() => {
    // The early worker serves the first run; after a cancel or a watchdog kill a new one is started.
    const w = early ?? newWorker();
    early = null;
    return w;
  });
  return client;
}
