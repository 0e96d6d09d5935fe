/**
 * `npm run bench`: the performance table. Every figure is a median (or a median of per-run percentiles) of
 * several runs, because these machines are shared and noisy; nothing here is asserted in tests. Writes the
 * same figures to bench/results.json as `{ name, value, unit, target, better }` entries. Browser figures
 * need a production build (`npm run build`) and Chromium; BENCH_BROWSER=0 skips them, BENCH_NODE=0 skips the
 * Node figures (for iterating on the UI), BENCH_REAL=0 skips building the programs with real tokio for the
 * simulator ÷ real tokio rows (bench/real-tokio.ts; skipped with the reason when cargo or the crates are
 * missing). A full run also rewrites the table in README.md between the bench markers. BENCH_ONLY=ratio runs only
 * the simulator ÷ real tokio rows and the CLI row (for measuring the interpreter), prints them and writes nothing.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cpus, loadavg, tmpdir } from 'node:os';
import { BUNDLE, buildCli } from '../scripts/build-cli.mjs';
import { performance } from 'node:perf_hooks';
import { format, resolveConfig } from 'prettier';
import { simulate } from '../src/sim/simulate';
import { BYTES_PER_EVENT } from '../src/trace/store';
import { firstLoadJsGzip, measureDelivery } from './browser';
import { manyTasksProgram, tcpEchoProgram } from './programs';
import { buildRealTokio, runReal, type RealProgram } from './real-tokio';
import { measureTrace } from './trace';

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

const round = (x: number, d = 1) => Math.round(x * 10 ** d) / 10 ** d;

function simThroughput(source: string, runs: number): { eventsPerSec: number; events: number } {
  simulate(source); // warm-up (JIT)
  const rates: number[] = [];
  let events = 0;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    const r = simulate(source, { limits: { maxEvents: 50_000_000, maxTasks: 1_000_000 } });
    const dt = (performance.now() - t0) / 1000;
    if (r.outcome.kind !== 'completed')
      throw new Error(`bench program did not complete: ${r.outcome.message}`);
    events = r.trace.length;
    rates.push(events / dt);
  }
  return { eventsPerSec: median(rates), events };
}

const figures: Figure[] = [];
const tasks = Number(process.env.BENCH_TASKS ?? 10_000);
const runs = Number(process.env.BENCH_RUNS ?? 5);

const node = process.env.BENCH_NODE !== '0';
const onlyRatio = process.env.BENCH_ONLY === 'ratio';
const ct = node && !onlyRatio ? simThroughput(manyTasksProgram(tasks), runs) : null;
if (ct)
  figures.push({
    name: `simulator events/s (current_thread, ${tasks} tasks sleep+yield+mpsc, ${ct.events} events)`,
    value: Math.round(ct.eventsPerSec),
    unit: 'events/s',
    target: '>= 1000000',
    better: 'higher',
  });

const mt = ct ? simThroughput(manyTasksProgram(tasks, 8), runs) : null;
if (ct && mt)
  figures.push({
    name: `simulator events/s (multi_thread, 8 workers, same program, ${mt.events} events; target: half of current_thread)`,
    value: Math.round(mt.eventsPerSec),
    unit: 'events/s',
    target: `>= ${Math.round(ct.eventsPerSec / 2)}`,
    better: 'higher',
  });

const tcp = ct ? simThroughput(tcpEchoProgram(100, 50), runs) : null;
if (ct && tcp)
  figures.push({
    name: `simulator events/s (TCP echo over loopback, 100 clients x 50 round trips, ${tcp.events} events; target: half of current_thread)`,
    value: Math.round(tcp.eventsPerSec),
    unit: 'events/s',
    target: `>= ${Math.round(ct.eventsPerSec / 2)}`,
    better: 'higher',
  });

// Simulator ÷ real tokio 1.24 on the same program, run alternately (real, simulated, real, …) so a change
// in the machine's load hits both. The simulator is timed in process (what the app's worker does); real
// tokio as a whole process, start to exit. Both must print the same thing, or the row is an error.
const ratioPrograms: (RealProgram & { label: string })[] = [
  {
    name: 'many_tasks_ct',
    label: `current_thread, start_paused, ${tasks} tasks sleep+yield+mpsc`,
    source: manyTasksProgram(tasks, 0, true),
  },
  {
    name: 'many_tasks_mt1',
    label: `multi_thread, 1 worker, same program (real tokio sleeps 1–10 ms of real time: multi_thread cannot start paused)`,
    source: manyTasksProgram(tasks, 1),
  },
  {
    name: 'many_tasks_mt4',
    label: `multi_thread, 4 workers, same program (real sleeps as above)`,
    source: manyTasksProgram(tasks, 4),
  },
  {
    name: 'tcp_echo',
    label: 'TCP echo over loopback, 100 clients x 50 round trips',
    source: tcpEchoProgram(100, 50, 40000 + (process.pid % 20000)),
  },
];
const real = node && process.env.BENCH_REAL !== '0' ? buildRealTokio(ratioPrograms) : null;
if (real && !real.ok) console.log(`simulator ÷ real tokio rows skipped: ${real.reason}`);
const binary = real?.ok ? real.binary : null;
for (const p of binary ? ratioPrograms : []) {
  const realMs: number[] = [];
  const simMs: number[] = [];
  simulate(p.source); // warm-up (JIT)
  for (let i = 0; i < runs; i++) {
    const r = runReal(binary!(p.name));
    realMs.push(r.ms);
    const t0 = performance.now();
    const s = simulate(p.source, { limits: { maxEvents: 50_000_000, maxTasks: 1_000_000 } });
    simMs.push(performance.now() - t0);
    if (s.outcome.kind !== 'completed' || s.stdout !== r.stdout)
      throw new Error(
        `${p.name}: the simulator (${s.outcome.kind}) printed ${JSON.stringify(s.stdout)}, real tokio ${JSON.stringify(r.stdout)}`,
      );
  }
  figures.push({
    name: `simulator ÷ real tokio 1.24 (${p.label}; medians ${round(median(simMs))} ms ÷ ${round(median(realMs))} ms)`,
    value: round(median(simMs) / median(realMs)),
    unit: '×',
    target: '<= 5',
    better: 'lower',
  });
}

// The same first program through the CLI as a person runs it (`npm run sim`, the prebuilt bundle): Node's
// start-up and the bundle's load count, as the real binary's start-up does.
const first = ratioPrograms[0]!;
if (binary) {
  await buildCli();
  const dir = mkdtempSync(join(tmpdir(), 'pollscope-bench-'));
  const file = join(dir, `${first.name}.rs`);
  writeFileSync(file, first.source);
  const realMs: number[] = [];
  const cliMs: number[] = [];
  for (let i = 0; i < runs; i++) {
    realMs.push(runReal(binary(first.name)).ms);
    const t0 = performance.now();
    const r = spawnSync(process.execPath, [BUNDLE, 'run', file], { encoding: 'utf8' });
    cliMs.push(performance.now() - t0);
    if (r.status !== 0) throw new Error(`the CLI failed on ${first.name}: ${r.stderr}`);
  }
  rmSync(dir, { recursive: true, force: true });
  figures.push({
    name: `CLI (npm run sim, prebuilt bundle) ÷ real tokio 1.24 (${first.label}; medians ${round(median(cliMs))} ms ÷ ${round(median(realMs))} ms)`,
    value: round(median(cliMs) / median(realMs)),
    unit: '×',
    target: '<= 5',
    better: 'lower',
  });
}

for (const size of node && !onlyRatio ? [10_000, 100_000, 1_000_000] : []) {
  const f = measureTrace(size, 3);
  const label = `${Math.round(f.events / 1000)}k events`;
  figures.push({
    name: `seek p50 (${label})`,
    value: round(f.seekP50Ms, 2),
    unit: 'ms',
    target: '',
    better: 'lower',
  });
  figures.push({
    name: `seek p99 (${label})`,
    value: round(f.seekP99Ms, 2),
    unit: 'ms',
    target: size === 1_000_000 ? '<= 4' : '',
    better: 'lower',
  });
  figures.push({
    name: `indexing the trace (${label})`,
    value: Math.round(f.indexMs),
    unit: 'ms',
    target: '',
    better: 'lower',
  });
  if (size === 1_000_000) {
    figures.push({
      name: `trace memory per event (${label}: columns ${BYTES_PER_EVENT} B + strings)`,
      value: round(f.traceBytesPerEvent),
      unit: 'bytes',
      target: '<= 32',
      better: 'lower',
    });
    figures.push({
      name: `trace index memory per event (${label})`,
      value: round(f.indexBytesPerEvent),
      unit: 'bytes',
      target: '',
      better: 'lower',
    });
  }
}

const browserRan = process.env.BENCH_BROWSER !== '0' && !onlyRatio && existsSync('dist/index.html');
if (browserRan) {
  figures.push({
    name: 'first-load JavaScript (gzip)',
    value: round(firstLoadJsGzip() / 1024),
    unit: 'KB',
    target: '<= 120',
    better: 'lower',
  });
  const d = await measureDelivery(1_000_000, Number(process.env.BENCH_BROWSER_RUNS ?? 3));
  const k = `${Math.round(d.events / 1000)}k events, Chromium`;
  figures.push({
    name: `worker → UI delivery, Run to last step shown (${k})`,
    value: Math.round(median(d.deliveryMs)),
    unit: 'ms',
    target: '',
    better: 'lower',
  });
  figures.push({
    name: `scrubbing: p95 frame time while dragging the slider (${k})`,
    value: round(median(d.scrubP95FrameMs)),
    unit: 'ms',
    target: '<= 16.7',
    better: 'lower',
  });
  figures.push({
    name: `scrubbing under load (2 busy processes): p95 frame time (${k})`,
    value: round(median(d.scrubLoadedP95FrameMs)),
    unit: 'ms',
    target: '',
    better: 'lower',
  });
  figures.push({
    name: `one step: main-thread work of Step forward (${k})`,
    value: round(median(d.stepMs), 2),
    unit: 'ms',
    target: '<= 4',
    better: 'lower',
  });
  figures.push({
    name: `one step: Step forward to the next frame on screen, p95 of 40 steps (${k})`,
    value: round(median(d.stepFrameP95Ms)),
    unit: 'ms',
    target: '<= 16.7',
    better: 'lower',
  });
  figures.push({
    name: `one step under load (2 busy processes): to the next frame, p95 of 40 steps (${k})`,
    value: round(median(d.stepFrameLoadedP95Ms)),
    unit: 'ms',
    target: '<= 16.7',
    better: 'lower',
  });
  figures.push({
    name: 'interactive on localhost: navigation to the default lesson shown',
    value: Math.round(median(d.interactiveMs)),
    unit: 'ms',
    target: '<= 1500',
    better: 'lower',
  });
}

const met = (f: Figure): string => {
  const m = /^(<=|>=) (\d+(?:\.\d+)?)$/.exec(f.target);
  if (!m) return '';
  return (m[1] === '<=' ? f.value <= Number(m[2]) : f.value >= Number(m[2])) ? ' ✓' : ' ✗';
};
const rows = figures.map(
  (f) => `| ${f.name} | ${f.value.toLocaleString('en-US')} ${f.unit} | ${f.target || '—'}${met(f)} |`,
);
const table = ['| figure | median | target |', '| --- | --- | --- |', ...rows].join('\n');
// The machine's load while the bench ran: these 2 cores are shared, so it explains much of the spread.
const load = loadavg()
  .map((x) => x.toFixed(2))
  .join(', ');
const note = `(node ${process.version}, ${cpus().length} cores, load average at the end ${load})`;
console.log(table);
if (onlyRatio) {
  console.log(`\n${note}; BENCH_ONLY=ratio: bench/results.json and README.md left as they were`);
  process.exit(0);
}
writeFileSync('bench/results.json', JSON.stringify(figures, null, 2) + '\n');
console.log(`\n${note}; wrote bench/results.json`);

// A full run (Node and browser figures) replaces the table in the README's Performance section.
const START = '<!-- bench:start -->';
const END = '<!-- bench:end -->';
const readme = readFileSync('README.md', 'utf8');
const a = readme.indexOf(START);
const b = readme.indexOf(END);
if (node && browserRan && a >= 0 && b > a) {
  const section = `${START}\n\n${table}\n\n_${note}_\n\n${END}`;
  // Formatted as `npm test`'s prettier check expects (it aligns the table's columns).
  const text = readme.slice(0, a) + section + readme.slice(b + END.length);
  const options = (await resolveConfig('README.md')) ?? {};
  writeFileSync('README.md', await format(text, { ...options, filepath: 'README.md' }));
  console.log('updated the table in README.md');
}
