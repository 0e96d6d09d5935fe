/// <reference lib="webworker" />
/**
 * The Web Worker entry: runs one simulation per request and streams the trace back as it grows
 * (protocol.ts). Cancelling is the UI terminating this worker: a simulation is one synchronous computation,
 * so there is nothing to interrupt cooperatively.
 */
import { simulate } from '../sim/simulate';
import { describeThrown, transferables, type FromWorker, type ToWorker } from './protocol';

declare const self: DedicatedWorkerGlobalScope;

self.onmessage = (e: MessageEvent<ToWorker>) => {
  const req = e.data;
  if (req.type !== 'run') return;
  const post = (m: FromWorker, transfer: Transferable[] = []) => self.postMessage(m, transfer);
  try {
    const r = simulate(req.source, {
      profile: req.profile,
      seed: req.seed,
      limits: req.limits ?? {},
      onTraceSlice: (slice) => post({ type: 'chunk', runId: req.runId, slice }, transferables(slice)),
      onProgress: (events) => post({ type: 'progress', runId: req.runId, events }),
    });
    const rest = r.trace.takeRest();
    post({ type: 'chunk', runId: req.runId, slice: rest }, transferables(rest));
    post({
      type: 'done',
      runId: req.runId,
      outcome: r.outcome,
      diagnostics: [...r.diagnostics],
      runtime: r.runtime,
      events: r.trace.length,
      stdout: r.stdout,
      stderr: r.stderr,
      layouts: [...r.layouts],
    });
  } catch (err) {
    post({ type: 'crash', runId: req.runId, message: describeThrown(err) });
  }
};
