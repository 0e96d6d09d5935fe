/**
 * The current run's trace and its view index, kept outside React state (they can hold millions of events).
 * The zustand store holds a `traceVersion` that changes whenever these are replaced.
 */
import type { TraceStore } from '../trace/store';
import { TraceIndex } from '../trace/trace-index';
import { SimClient } from '../worker/client';

export const session: { trace: TraceStore | null; index: TraceIndex | null } = { trace: null, index: null };

export function setTrace(trace: TraceStore): void {
  session.trace = trace;
  session.index = new TraceIndex(trace);
}

let client: SimClient | null = null;

/** The simulation worker client, created on first use (tests in Node never touch it). */
export function simClient(): SimClient {
  client ??= new SimClient(
    () => new Worker(new URL('../worker/sim.worker.ts', import.meta.url), { type: 'module' }),
  );
  return client;
}
