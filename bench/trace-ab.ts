/**
 * Indexing the trace, A/B: `npx tsx bench/trace-ab.ts EVENTS DIR...` loads each checkout's own simulator
 * and trace index (DIR: this tree `.`, or e.g. `/work/main`), simulates the bench program once per
 * checkout, then builds the index alternately with each checkout's code, REPS times (default 5), and
 * prints the medians of wall and CPU time (CPU time suffers a loaded machine far less than wall time) and
 * the index's bytes per event. For comparing a change against main on the same machine at the same time.
 */
import { cpuUsage } from 'node:process';
import { loadavg } from 'node:os';
import { resolve } from 'node:path';
import { performance } from 'node:perf_hooks';

interface IndexLike {
  ingest(): boolean;
  byteSize(): number;
}
interface Checkout {
  dir: string;
  store: { length: number };
  makeIndex: () => IndexLike;
  wall: number[];
  cpu: number[];
  bytesPerEvent: number;
}

const [eventsArg, ...dirs] = process.argv.slice(2);
if (!eventsArg || dirs.length === 0) {
  console.error('usage: npx tsx bench/trace-ab.ts EVENTS DIR... (e.g. 1000000 /work/main .)');
  process.exit(2);
}
const tasks = Math.max(10, Math.round(Number(eventsArg) / 59));
const reps = Number(process.env.REPS ?? 5);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;

const checkouts: Checkout[] = [];
for (const d of dirs) {
  const dir = resolve(d);
  const { simulate } = await import(`${dir}/src/sim/simulate.ts`);
  const { TraceStore } = await import(`${dir}/src/trace/store.ts`);
  const { TraceIndex } = await import(`${dir}/src/trace/trace-index.ts`);
  const { manyTasksProgram } = await import(`${dir}/bench/programs.ts`);
  const run = simulate(manyTasksProgram(tasks), { limits: { maxEvents: 50_000_000, maxTasks: 1_000_000 } });
  const store = TraceStore.from(run.trace);
  checkouts.push({
    dir,
    store,
    makeIndex: () => new TraceIndex(store) as IndexLike,
    wall: [],
    cpu: [],
    bytesPerEvent: 0,
  });
}
for (let rep = 0; rep < reps; rep++) {
  for (const c of checkouts) {
    const c0 = cpuUsage();
    const t0 = performance.now();
    const index = c.makeIndex();
    index.ingest();
    c.wall.push(performance.now() - t0);
    const used = cpuUsage(c0);
    c.cpu.push((used.user + used.system) / 1000);
    c.bytesPerEvent = index.byteSize() / c.store.length;
  }
}
for (const c of checkouts)
  console.log(
    `${c.dir}: ${c.store.length} events; indexing median ${median(c.wall).toFixed(0)} ms wall, ` +
      `${median(c.cpu).toFixed(0)} ms CPU; index ${c.bytesPerEvent.toFixed(1)} B/event`,
  );
console.log(
  `load average ${loadavg()
    .map((x) => x.toFixed(1))
    .join(' ')}`,
);
