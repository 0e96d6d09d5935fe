/**
 * The UI side of the worker: starts runs, assembles the streamed trace into a `TraceStore` (usable while it
 * grows), cancels by terminating the worker, and runs a watchdog: a worker that sends nothing for
 * `watchdogMs` is terminated and the run fails with a `WatchdogError`.
 */
import type { Diagnostic } from '../lang/diagnostics';
import type { Limits, Profile, RuntimeConfig } from '../sim/config';
import type { RunOutcome } from '../sim/simulate';
import type { FutureLayout } from '../sim/layouts';
import { TraceStore } from '../trace/store';
import type { FromWorker, RunRequest } from './protocol';

export interface RunResult {
  trace: TraceStore;
  outcome: RunOutcome;
  diagnostics: Diagnostic[];
  runtime: RuntimeConfig | null;
  stdout: string;
  stderr: string;
  layouts: FutureLayout[];
}

export interface RunParams {
  source: string;
  profile: Profile;
  seed: number;
  limits?: Partial<Limits>;
}

export interface RunHooks {
  /** The trace being filled (call once, at the start). */
  onStart?(trace: TraceStore): void;
  /** Events received (or computed, for heartbeats) so far. */
  onProgress?(events: number, received: number): void;
}

export class SimClient {
  private worker: Worker | null = null;
  private nextId = 1;
  private pending: {
    id: number;
    reject: (e: Error) => void;
    timer: ReturnType<typeof setTimeout> | null;
  } | null = null;

  constructor(
    private readonly makeWorker: () => Worker,
    private readonly watchdogMs = 20_000,
  ) {}

  run(params: RunParams, hooks: RunHooks = {}): Promise<RunResult> {
    this.cancel();
    const worker = (this.worker ??= this.makeWorker());
    const runId = this.nextId++;
    const trace = new TraceStore();
    hooks.onStart?.(trace);
    return new Promise<RunResult>((resolve, reject) => {
      const pending = { id: runId, reject, timer: null as ReturnType<typeof setTimeout> | null };
      this.pending = pending;
      const arm = () => {
        if (pending.timer !== null) clearTimeout(pending.timer);
        pending.timer = setTimeout(() => {
          if (this.pending !== pending) return;
          this.kill();
          reject(new WatchdogError(this.watchdogMs));
        }, this.watchdogMs);
      };
      arm();
      worker.onmessage = (e: MessageEvent<FromWorker>) => {
        const m = e.data;
        if (m.runId !== runId || this.pending !== pending) return;
        arm();
        switch (m.type) {
          case 'chunk':
            trace.append(m.slice);
            hooks.onProgress?.(trace.length, trace.length);
            break;
          case 'progress':
            hooks.onProgress?.(m.events, trace.length);
            break;
          case 'done':
            this.finish();
            resolve({
              trace,
              outcome: m.outcome,
              diagnostics: m.diagnostics,
              runtime: m.runtime,
              stdout: m.stdout,
              stderr: m.stderr,
              layouts: m.layouts,
            });
            break;
          case 'crash':
            this.finish();
            reject(new SimulatorFailure(m.message));
            break;
        }
      };
      // An uncaught error in the worker, or a worker whose script could not load: the run is over.
      worker.onerror = (e) => {
        e.preventDefault?.();
        if (this.pending !== pending) return;
        this.finish();
        this.kill();
        reject(
          new SimulatorFailure(
            e.message || 'the simulation worker stopped (its script did not load or it crashed)',
          ),
        );
      };
      const req: RunRequest = { type: 'run', runId, ...params };
      worker.postMessage(req);
    });
  }

  /** Stops the current run, if any. */
  cancel(): void {
    if (!this.pending) return;
    const p = this.pending;
    this.finish();
    this.kill();
    p.reject(new CancelledError());
  }

  private finish(): void {
    if (this.pending?.timer != null) clearTimeout(this.pending.timer);
    this.pending = null;
  }

  private kill(): void {
    this.worker?.terminate();
    this.worker = null;
  }
}

export class CancelledError extends Error {
  override name = 'CancelledError';
  constructor() {
    super('the run was cancelled');
  }
}

/** The simulation threw instead of ending in an outcome, or its worker died: a bug in Pollscope. */
export class SimulatorFailure extends Error {
  override name = 'SimulatorFailure';
}

export class WatchdogError extends Error {
  override name = 'WatchdogError';
  constructor(ms: number) {
    super(`the simulation stopped answering (nothing for ${Math.round(ms / 1000)} s), so it was stopped`);
  }
}
