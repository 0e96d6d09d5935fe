/**
 * Records the real event order of the current_thread conformance programs: builds every
 * tests/conformance/NAME.rs whose runtime is current_thread with Pollscope's recorder (`record/`) against
 * real tokio 1.24.2, runs each RUNS times, and writes `NAME.events` (src/trace/event-order.ts: spawn, poll,
 * pending/ready, wake, complete, one per line) for the programs whose order is the same in every run.
 * The others get no `.events` file and are listed, with the first difference, in
 * tests/conformance/events-unstable.json.
 *
 *   npx tsx scripts/record-events.ts               # all current_thread programs
 *   npx tsx scripts/record-events.ts NAME [NAME…]  # only these (the unstable list keeps the others)
 *   RUNS=10 npx tsx scripts/record-events.ts NAME  # more runs
 *
 * Each run's stdout must also equal the committed NAME.stdout: a program whose output changes under the
 * recorder (it slows every poll down a little) is not recorded, and is listed with a warning.
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  ROOT,
  build,
  missingToolchain,
  outcomeOf,
  runRecorded,
  stampOutcome,
  writeCrate,
} from '../src/cli/cargo-recorder';
import { eventOrder, firstDifference, isCurrentThreadProgram } from '../src/trace/event-order';
import { fromJsonLines } from '../src/trace/export';

const CONF = join(ROOT, 'tests/conformance');
const DIR = join(ROOT, 'target/record/conformance-events');
const UNSTABLE = join(CONF, 'events-unstable.json');
const RUNS = Number(process.env.RUNS ?? 5);
const TIMEOUT = Number(process.env.TIMEOUT ?? 5);

function die(msg: string): never {
  process.stderr.write(`record-events: ${msg}\n`);
  process.exit(1);
}

const missing = missingToolchain();
if (missing) die(missing);

const all = readdirSync(CONF)
  .filter((f) => f.endsWith('.rs'))
  .map((f) => f.slice(0, -3))
  .sort()
  .filter((n) => isCurrentThreadProgram(readFileSync(join(CONF, `${n}.rs`), 'utf8')));
const wanted = process.argv.slice(2).map((a) => a.replace(/^.*\//, '').replace(/\.rs$/, ''));
for (const w of wanted)
  if (!all.includes(w)) die(`${w} is not a current_thread program in tests/conformance`);
const selected = wanted.length ? wanted : all;

writeCrate(
  DIR,
  all.map((name) => ({ name, path: join(CONF, `${name}.rs`) })),
);
const t0 = Date.now();
process.stdout.write(
  `building ${all.length} current_thread programs with the recorder against tokio 1.24.2\n`,
);
if (!build(DIR)) die('cargo build failed (errors above); nothing was recorded');
process.stdout.write(
  `built in ${Math.round((Date.now() - t0) / 1000)}s; recording ${selected.length} programs x ${RUNS} runs\n`,
);

const unstable: Record<string, string> = existsSync(UNSTABLE)
  ? JSON.parse(readFileSync(UNSTABLE, 'utf8'))
  : {};
const failed: string[] = [];
let stable = 0;
for (const name of selected) {
  delete unstable[name];
  const status = readFileSync(join(CONF, `${name}.status`), 'utf8').trim();
  const wantStdout = readFileSync(join(CONF, `${name}.stdout`), 'utf8');
  if (status === 'hang') {
    rmSync(join(CONF, `${name}.events`), { force: true });
    unstable[name] =
      'hangs under real tokio: its recording ends where the recorder stopped it, not where the run ends';
    process.stdout.write(`${name.padEnd(40)} skipped (hangs)\n`);
    continue;
  }
  const runDir = join(DIR, 'runs', name);
  mkdirSync(runDir, { recursive: true });
  const orders: string[][] = [];
  let why: string | null = null;
  for (let i = 1; i <= RUNS && why === null; i++) {
    const out = join(runDir, `${i}.jsonl`);
    rmSync(out, { force: true });
    const r = runRecorded(name, { out, source: join(CONF, `${name}.rs`), timeoutSecs: TIMEOUT, cwd: runDir });
    if (r.stdout !== wantStdout) {
      why = `run ${i}: stdout differs from ${name}.stdout under the recorder`;
      failed.push(name);
      break;
    }
    if (!existsSync(out)) {
      why = `run ${i}: no trace written (${r.signal ?? `status ${r.code}`})`;
      failed.push(name);
      break;
    }
    const text = stampOutcome(readFileSync(out, 'utf8'), outcomeOf(r, TIMEOUT));
    writeFileSync(out, text);
    orders.push(eventOrder(fromJsonLines(text).trace));
    const diff = firstDifference(orders[0]!, orders[orders.length - 1]!);
    if (diff !== null)
      why = `run 1 and run ${i} differ at ${diff.replace(/real /, 'run 1 ').replace(/simulated /, `run ${i} `)}`;
  }
  if (why === null) {
    writeFileSync(join(CONF, `${name}.events`), orders[0]!.join('\n') + '\n');
    stable++;
    process.stdout.write(
      `${name.padEnd(40)} ${String(orders[0]!.length).padStart(5)} events, same in ${RUNS} runs\n`,
    );
  } else {
    rmSync(join(CONF, `${name}.events`), { force: true });
    unstable[name] = why;
    process.stdout.write(`${name.padEnd(40)} NOT STABLE: ${why}\n`);
  }
}
const sorted = Object.fromEntries(Object.entries(unstable).sort(([a], [b]) => a.localeCompare(b)));
writeFileSync(UNSTABLE, JSON.stringify(sorted, null, 2) + '\n');
process.stdout.write(
  `${stable} of ${selected.length} programs have a stable real event order; ${selected.length - stable} listed in tests/conformance/events-unstable.json (${Math.round((Date.now() - t0) / 1000)}s)\n`,
);
if (failed.length)
  process.stdout.write(
    `warning: the recorder changed the output of, or lost, these runs: ${failed.join(', ')}\n`,
  );
