/**
 * `npx tsx scripts/trace-digest.ts [--verbose]`: a fingerprint of the simulator's behaviour, for refactors
 * that must not change it. Runs every `tests/conformance/*.rs` and every lesson program
 * (`src/lessons/programs/*.rs`) under both profiles and a few seeds, and prints one line per run: a SHA-256
 * of the full trace in the CLI's `--trace OUT.jsonl` format (header with outcome included), stdout, stderr,
 * diagnostics and the state-machine layouts. The last line hashes all of them: if it is the same before and
 * after a change, every run produced the same trace byte for byte.
 */
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { PROFILES } from '../src/sim/config';
import { simulate } from '../src/sim/simulate';
import { toJsonLines } from '../src/trace/export';

const SEEDS = [1, 7, 42];
const DIRS = ['tests/conformance', 'src/lessons/programs'];
const verbose = process.argv.includes('--verbose');

const all = createHash('sha256');
let runs = 0;
for (const dir of DIRS) {
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.rs'))
    .sort();
  for (const file of files) {
    const source = readFileSync(`${dir}/${file}`, 'utf8');
    for (const profile of PROFILES) {
      for (const seed of SEEDS) {
        const r = simulate(source, { profile, seed, fileName: file });
        const h = createHash('sha256');
        h.update(toJsonLines(r.trace, { source, runtime: r.runtime, profile, seed, outcome: r.outcome }));
        h.update('\0stdout\0' + r.stdout);
        h.update('\0stderr\0' + r.stderr);
        h.update('\0diagnostics\0' + JSON.stringify(r.diagnostics));
        h.update('\0layouts\0' + JSON.stringify(r.layouts));
        const digest = h.digest('hex').slice(0, 16);
        all.update(digest);
        runs++;
        const line = `${digest}  ${dir}/${file} ${profile} seed=${seed} ${r.outcome.kind} events=${r.trace.length}`;
        if (verbose) console.log(line);
        else console.log(`${digest}  ${dir}/${file} ${profile} ${seed}`);
      }
    }
  }
}
console.log(`${all.digest('hex')}  ALL (${runs} runs)`);
