/**
 * `npm run fuzz -- --programs N --seed S [--out DIR] [--no-determinism] [--minimize-budget K]`: a fuzz
 * campaign in process (scripts/fuzz/campaign.ts). Prints the programs per outcome and the findings —
 * crashes (an exception out of the simulator, or a `failed` outcome), hangs (a run past its step budget),
 * nondeterministic runs, broken contracts — and writes one minimised reproducer per distinct finding to
 * `target/fuzz/<finding>/` (ignored by git), with `summary.json`. Exits 1 if it found anything.
 * A fixed finding is pinned as a test in tests/fuzz-regressions.test.ts. See scripts/fuzz/README.md.
 */
import { formatCounts, runCampaign } from './fuzz/campaign';
import { CAMPAIGN_LIMITS } from './fuzz/check';

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(name);
  return i >= 0 && process.argv[i + 1] !== undefined ? process.argv[i + 1]! : fallback;
}

function intArg(name: string, fallback: number): number {
  const raw = arg(name, String(fallback));
  const n = Number(raw.replace(/_/g, ''));
  if (!Number.isSafeInteger(n) || n < 0) {
    process.stderr.write(`fuzz: ${name} needs a non-negative integer, got ${raw}\n`);
    process.exit(2);
  }
  return n;
}

const programs = intArg('--programs', 1000);
const seed = intArg('--seed', 1);
const out = arg('--out', 'target/fuzz');
const determinism = !process.argv.includes('--no-determinism');
const minimizeBudget = intArg('--minimize-budget', 400);

process.stdout.write(
  `fuzz: ${programs} programs, seed ${seed}, ${determinism ? 'each run twice (determinism)' : 'each run once'}\n` +
    `  budgets per program: ${Object.entries(CAMPAIGN_LIMITS)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')}\n`,
);
const result = runCampaign({
  programs,
  seed,
  out,
  determinism,
  minimizeBudget,
  progressEvery: Math.max(100, Math.min(5000, Math.floor(programs / 20))),
  onProgress: (done, counts) => {
    const findings = ['crash', 'hang', 'nondeterministic', 'contract'].map(
      (f) => `${f} ${counts.get(f) ?? 0}`,
    );
    process.stdout.write(`  ${done} programs: ${findings.join(', ')}\n`);
  },
});
process.stdout.write(
  `\nfuzz (seed ${seed}): ${result.programs} programs, digest ${result.digest}\n${formatCounts(result.counts, result.programs)}\n`,
);
for (const r of result.reproducers)
  process.stdout.write(`  ${r.finding} ×${r.count}: ${r.signature}\n    ${r.file ?? '(not written)'}\n`);
process.stdout.write('slowest programs (wall clock, for a person to look at; not a finding):\n');
for (const s of result.slowest)
  process.stdout.write(`  ${s.ms} ms  program ${s.index} (${s.how}) → ${s.outcome}\n`);
process.stdout.write(`reproducers, the slowest programs and summary.json in ${out}/\n`);
process.exitCode = result.reproducers.length > 0 ? 1 : 0;
