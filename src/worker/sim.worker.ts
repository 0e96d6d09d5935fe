/// <reference lib="webworker" />
/**
 * The Web Worker entry: runs one simulation per request and streams the trace back (protocol.ts).
 * A new request while a run is in progress is handled by the UI terminating this worker and starting a
 * fresh one: a simulation is one synchronous computation, so there is nothing to interrupt cooperatively.
 */
import { simulate } from '../sim/simulate';
import { transferables, type FromWorker, type ToWorker } from './protocol';

declare const self: DedicatedWorkerGlobalScope;

self.onmessage = (e: MessageEvent<ToWorker>) => {
  const req = e.data;
  if (req.type !== 'run') return;
  try {
    const r = simulate(req.source, { profile: req.profile, seed: req.seed, limits: req.limits ?? {} });
    const slice = r.trace.exportSince(0, 0);
    const chunk: FromWorker = { type: 'chunk', runId: req.runId, slice };
    self.postMessage(chunk, transferables(slice));
    const done: FromWorker = {
      type: 'done',
      runId: req.runId,
      outcome: r.outcome,
      diagnostics: [...r.diagnostics],
      runtime: r.runtime,
      events: r.trace.length,
      stdout: r.stdout,
      stderr: r.stderr,
    };
    self.postMessage(done);
  } catch (err) {
    const msg: FromWorker = {
      type: 'crash',
      runId: req.runId,
      message: err instanceof Error ? `${err.name}: ${err.message}` : String(err),
    };
    self.postMessage(msg);
  }
};
