/**
 * The typed messages between the UI and the simulation worker.
 *
 * The worker streams the trace as it is produced: a `chunk` each time 64 Ki events are ready, whose
 * typed-array buffers are *transferred*, not copied; `progress` heartbeats during long computations; then
 * one `done` with the outcome (after the last, partial chunk). A `crash` means a bug in Pollscope — the UI
 * says so and keeps the person's code.
 */
import type { Diagnostic } from '../lang/diagnostics';
import type { Limits, Profile, RuntimeConfig } from '../sim/config';
import type { RunOutcome } from '../sim/simulate';
import type { FutureLayout } from '../sim/layouts';
import type { TraceSlice } from '../trace/store';

export interface RunRequest {
  type: 'run';
  runId: number;
  source: string;
  profile: Profile;
  seed: number;
  limits?: Partial<Limits>;
}

export type ToWorker = RunRequest;

export type FromWorker =
  | { type: 'chunk'; runId: number; slice: TraceSlice }
  | { type: 'progress'; runId: number; events: number }
  | {
      type: 'done';
      runId: number;
      outcome: RunOutcome;
      diagnostics: Diagnostic[];
      runtime: RuntimeConfig | null;
      events: number;
      stdout: string;
      stderr: string;
      layouts: FutureLayout[];
    }
  | { type: 'crash'; runId: number; message: string };

/** The buffers of a slice, for `postMessage`'s transfer list. */
export function transferables(slice: TraceSlice): ArrayBuffer[] {
  const out: ArrayBuffer[] = [];
  for (const c of slice.chunks)
    out.push(
      c.kind.buffer as ArrayBuffer,
      c.thread.buffer as ArrayBuffer,
      c.time.buffer as ArrayBuffer,
      c.ints.buffer as ArrayBuffer,
      c.enums.buffer as ArrayBuffer,
    );
  return out;
}

/**
 * Words for anything thrown, for a `crash` message. `String(x)` of a thrown object that is not an `Error`
 * gives "[object Object]", which tells a person nothing; a hostile value may even throw from its getters.
 */
export function describeThrown(thrown: unknown): string {
  try {
    if (thrown instanceof Error) return thrown.message ? `${thrown.name}: ${thrown.message}` : thrown.name;
    if (typeof thrown === 'string') return thrown || 'an empty string was thrown';
    if (thrown !== null && typeof thrown === 'object') {
      const message = (thrown as { message?: unknown }).message;
      const name = (thrown as { constructor?: { name?: unknown } }).constructor?.name;
      const kind = typeof name === 'string' && name !== '' && name !== 'Object' ? name : 'an object';
      if (typeof message === 'string' && message !== '') return `${kind}: ${message}`;
      const json = JSON.stringify(thrown);
      return json && json !== '{}' ? `${kind} was thrown: ${json.slice(0, 200)}` : `${kind} was thrown`;
    }
    return `${String(thrown)} was thrown`;
  } catch {
    return 'something that cannot be described was thrown';
  }
}
