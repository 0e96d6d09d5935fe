/**
 * The UI side of the worker: starts runs, assembles the streamed trace into a `TraceStore`, and cancels by
 * terminating the worker (then starting a fresh one for the next run).
 */
import type { Diagnostic } from '../lang/diagnostics';
import type { Limits, Profile, RuntimeConfig } from '../sim/config';
import type { RunOutcome } from '../sim/simulate';
import { TraceStore } from '../trace/store';
import type { FromWorker, RunRequest } from './protocol';

export interface RunResult {
  trace: TraceStore;
  outcome: RunOutcome;
  diagnostics: Diagnostic[];
  runtime: RuntimeConfig | null;
  stdout: string;
  stderr: string;
}

export interface RunParams {
  source: string;
  profile: Profile;
  seed: number;
  limits?: Partial<Limits>;
}

export class SimClient {
  private worker: Worker | null = null;
  private nextId = 1;
  private pending: { id: number; reject: (e: Error) => void } | null = null;

  constructor(private readonly makeWorker: () => Worker) {}

  run(params: RunParams, onProgress?: (events: number) => void): Promise<RunResult> {
    this.cancel();
    const worker = (this.worker ??= this.makeWorker());
    const runId = this.nextId++;
    const trace = new TraceStore();
    return new Promise<RunResult>((resolve, reject) => {
      this.pending = { id: runId, reject };
      worker.onmessage = (e: MessageEvent<FromWorker>) => {
        const m = e.data;
        if (m.runId !== runId) return;
        switch (m.type) {
          case 'chunk':
            trace.append(m.slice);
            onProgress?.(trace.length);
            break;
          case 'done':
            this.pending = null;
            resolve({
              trace,
              outcome: m.outcome,
              diagnostics: m.diagnostics,
              runtime: m.runtime,
              stdout: m.stdout,
              stderr: m.stderr,
            });
            break;
          case 'crash':
            this.pending = null;
            reject(new Error(m.message));
            break;
        }
      };
      worker.onerror = (e) => {
        this.pending = null;
        this.worker?.terminate();
        this.worker = null;
        reject(new Error(e.message || 'the simulation worker failed to start'));
      };
      const req: RunRequest = { type: 'run', runId, ...params };
      worker.postMessage(req);
    });
  }

  /** Stops the current run, if any. */
  cancel(): void {
    if (!this.pending) return;
    this.pending.reject(new CancelledError());
    this.pending = null;
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
