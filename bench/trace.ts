/**
 * Trace-layer figures (issue: time travel): seek latency at random steps, memory per event, at three trace
 * sizes. A "seek" is everything the panels need at one step: the view state, the first 100 tasks, 200
 * resources, 20 future trees and the output so far.
 */
import { performance } from 'node:perf_hooks';
import { simulate } from '../src/sim/simulate';
import { TraceStore } from '../src/trace/store';
import { TraceIndex } from '../src/trace/trace-index';
import { manyTasksProgram } from './programs';

export interface TraceFigures {
  events: number;
  indexMs: number;
  seekP50Ms: number;
  seekP99Ms: number;
  traceBytesPerEvent: number;
  indexBytesPerEvent: number;
}

/** Deterministic steps (an LCG), so every run seeks to the same places. */
function steps(n: number, count: number): number[] {
  let x = 12345;
  const out: number[] = [];
  for (let i = 0; i < count; i++) {
    x = (x * 1103515245 + 12345) % 2 ** 31;
    out.push(x % n);
  }
  return out;
}

function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
}

function seekOnce(index: TraceIndex, s: number): number {
  const t0 = performance.now();
  const v = index.at(s);
  const tasks = v.tasks(100);
  v.resources(200);
  for (const t of tasks.slice(0, 20)) v.futureChain(t.id);
  index.stdoutAt(v);
  return performance.now() - t0;
}

export function measureTrace(targetEvents: number, runs = 3): TraceFigures {
  // About 59 events per task in this program.
  const tasks = Math.max(10, Math.round(targetEvents / 59));
  const r = simulate(manyTasksProgram(tasks), { limits: { maxEvents: 50_000_000, maxTasks: 1_000_000 } });
  const events = r.trace.length;
  const p50s: number[] = [];
  const p99s: number[] = [];
  const indexTimes: number[] = [];
  let index!: TraceIndex;
  for (let run = 0; run < runs; run++) {
    const t0 = performance.now();
    // The index over the store the UI holds (its strings are packed, so seeks decode them).
    index = new TraceIndex(TraceStore.from(r.trace));
    index.ingest();
    indexTimes.push(performance.now() - t0);
    // Warm up the JIT on other steps first; then measure.
    for (const s of steps(events, 300).reverse()) seekOnce(index, (s * 7) % events);
    const lat = steps(events, 300).map((s) => seekOnce(index, s));
    p50s.push(percentile(lat, 50));
    p99s.push(percentile(lat, 99));
  }
  const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;
  return {
    events,
    indexMs: med(indexTimes),
    seekP50Ms: med(p50s),
    seekP99Ms: med(p99s),
    // What the UI holds: the store built from the worker's chunks (the writer is the worker's, and is
    // dropped after the run).
    traceBytesPerEvent: TraceStore.from(r.trace).byteSize() / events,
    indexBytesPerEvent: index.byteSize() / events,
  };
}
