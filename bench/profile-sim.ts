/**
 * `npx tsx bench/profile-sim.ts [ct|mt1|mt4|tcp] [runs]`: times `simulate()` of one bench program in process
 * (a warm-up, then `runs` timed runs, median printed) — run it under `node --cpu-prof --import tsx` to see
 * where the interpreter's time goes (issue 18).
 */
import { performance } from 'node:perf_hooks';
import { simulate } from '../src/sim/simulate';
import { manyTasksProgram, tcpEchoProgram } from './programs';

const which = process.argv[2] ?? 'ct';
const runs = Number(process.argv[3] ?? 3);
const tasks = Number(process.env.BENCH_TASKS ?? 10_000);
const programs: Record<string, () => string> = {
  ct: () => manyTasksProgram(tasks, 0, true),
  mt1: () => manyTasksProgram(tasks, 1),
  mt4: () => manyTasksProgram(tasks, 4),
  tcp: () => tcpEchoProgram(100, 50),
};
const make = programs[which];
if (!make) throw new Error(`unknown program ${which}: one of ${Object.keys(programs).join(', ')}`);
const source = make();
const limits = { maxEvents: 50_000_000, maxTasks: 1_000_000 };
const w0 = process.cpuUsage();
const wt0 = performance.now();
simulate(source, { limits }); // warm-up (JIT): what the CLI pays on every run
const w = process.cpuUsage(w0);
console.log(
  `${which}: first (cold) run wall ${(performance.now() - wt0).toFixed(0)} ms, CPU ${((w.user + w.system) / 1000).toFixed(0)} ms`,
);
const ms: number[] = [];
const cpu: number[] = [];
let events = 0;
for (let i = 0; i < runs; i++) {
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  const r = simulate(source, { limits });
  const c = process.cpuUsage(c0);
  ms.push(performance.now() - t0);
  cpu.push((c.user + c.system) / 1000);
  if (r.outcome.kind !== 'completed') throw new Error(`${which} did not complete: ${r.outcome.message}`);
  events = r.trace.length;
}
const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!.toFixed(0);
// CPU time (user + system, this process's threads) is steadier than wall time on a shared machine.
console.log(
  `${which}: ${events} events, median wall ${med(ms)} ms, CPU ${med(cpu)} ms (CPU of each run: ${cpu.map((m) => m.toFixed(0)).join(', ')})`,
);
