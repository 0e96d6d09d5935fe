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
