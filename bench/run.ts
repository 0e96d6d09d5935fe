/**
 * `npm run bench`: the performance table. Every figure is a median (or a ratio of medians) of several runs,
 * because these machines are shared and noisy; nothing here is asserted in tests. Writes the same numbers
 * to bench/results.json as `{ name, value, unit, target, better }` entries.
 */
import { writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { simulate } from '../src/sim/simulate';
import { BYTES_PER_EVENT } from '../src/trace/store';
import { manyTasksProgram } from './programs';

interface Figure {
  name: string;
  value: number;
  unit: string;
  target: string;
  better: 'higher' | 'lower';
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

function simThroughput(
  source: string,
  runs: number,
): { eventsPerSec: number; events: number; bytesPerEvent: number; stdout: string } {
  simulate(source); // warm-up (JIT)
  const rates: number[] = [];
  let events = 0;
  let bytes = 0;
  let stdout = '';
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    const r = simulate(source, { limits: { maxEvents: 50_000_000, maxTasks: 1_000_000 } });
    const dt = (performance.now() - t0) / 1000;
    if (r.outcome.kind !== 'completed')
      throw new Error(`bench program did not complete: ${r.outcome.message}`);
    events = r.trace.length;
    bytes = r.trace.byteSize();
    stdout = r.stdout;
    rates.push(events / dt);
  }
  return { eventsPerSec: median(rates), events, bytesPerEvent: bytes / events, stdout };
}

const figures: Figure[] = [];
const tasks = Number(process.env.BENCH_TASKS ?? 10_000);
const runs = Number(process.env.BENCH_RUNS ?? 5);

const ct = simThroughput(manyTasksProgram(tasks), runs);
figures.push({
  name: `simulator events/s (current_thread, ${tasks} tasks sleep+yield+mpsc, ${ct.events} events)`,
  value: Math.round(ct.eventsPerSec),
  unit: 'events/s',
  target: '>= 1000000',
  better: 'higher',
});
figures.push({
  name: 'trace bytes per event (columns + strings)',
  value: Math.round(ct.bytesPerEvent * 10) / 10,
  unit: 'bytes',
  target: `<= 32 (columns alone: ${BYTES_PER_EVENT})`,
  better: 'lower',
});

const rows = figures.map((f) => `| ${f.name} | ${f.value.toLocaleString('en-US')} ${f.unit} | ${f.target} |`);
const table = ['| figure | median | target |', '|---|---|---|', ...rows].join('\n');
console.log(table);
writeFileSync('bench/results.json', JSON.stringify(figures, null, 2) + '\n');
console.log(`\n(${runs} runs each; node ${process.version}; wrote bench/results.json)`);
