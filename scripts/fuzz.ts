/**
 * `npm run fuzz -- --programs N --seed S [--out DIR] [--no-determinism] [--minimize-budget K] [--shard k/n]`,
 * or `npm run fuzz -- --merge DIR... [--out DIR]` to add shards up (scripts/fuzz/merge.ts): a fuzz
 * campaign in process (scripts/fuzz/campaign.ts). Prints the programs per outcome and the findings —
 * crashes (an exception out of the simulator, or a `failed` outcome), hangs (a run past its step budget),
 * nondeterministic runs, broken contracts — and writes one minimised reproducer per distinct finding to
 * `target/fuzz/<finding>/` (ignored by git), with `summary.json`. Exits 1 if it found anything.
 * A fixed finding is pinned as a test in tests/fuzz-regressions.test.ts. See scripts/fuzz/README.md.
 */
import { formatCounts, runCampaign, type Shard } from './fuzz/campaign';
import { CAMPAIGN_LIMITS } from './fuzz/check';
import { mergeShards, writeMerged } from './fuzz/merge';

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

if (process.argv.includes('--merge')) {
  const from = process.argv.indexOf('--merge') + 1;
  const dirs = process.argv.slice(from).filter((a, k, all) => !a.startsWith('--') && all[k - 1] !== '--out');
  let merged;
  try {
    merged = mergeShards(dirs);
  } catch (e) {
    process.stderr.write(`${(e as Error).message}\n`);
    process.exit(2);
  }
  writeMerged(arg('--out', 'target/fuzz'), merged);
  process.stdout.write(
    `fuzz (seed ${merged.seed}, ${merged.shards} shards merged): ${merged.programs} programs, digest ${merged.digest}\n` +
      `${formatCounts(merged.counts, merged.programs)}\n`,
  );
  for (const f of merged.findings)
    process.stdout.write(`  ${f.finding} ×${f.count}: ${f.signature}\n    ${f.file ?? '(not written)'}\n`);
  process.exit(merged.findings.length > 0 ? 1 : 0);
}

function shardArg(): Shard | undefined {
  const raw = arg('--shard', '');
  if (raw === '') return undefined;
  const m = /^(\d+)\/(\d+)$/.exec(raw);
  const k = Number(m?.[1]);
  const n = Number(m?.[2]);
  if (!m || n < 1 || k < 1 || k > n) {
    process.stderr.write(`fuzz: --shard needs k/n with 1 <= k <= n (shard k of n), got ${raw}\n`);
    process.exit(2);
  }
  return { index: k - 1, count: n };
}

const programs = intArg('--programs', 1000);
const seed = intArg('--seed', 1);
const shard = shardArg();
const out = arg('--out', shard ? `target/fuzz/shard-${shard.index + 1}-of-${shard.count}` : 'target/fuzz');
const determinism = !process.argv.includes('--no-determinism');
const minimizeBudget = intArg('--minimize-budget', 400);

process.stdout.write(
  `fuzz: ${programs} programs, seed ${seed}${shard ? `, shard ${shard.index + 1} of ${shard.count}` : ''}, ${determinism ? 'each run twice (determinism)' : 'each run once'}\n` +
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
  shard,
  progressEvery: Math.max(100, Math.min(5000, Math.floor(programs / 20 / (shard?.count ?? 1)))),
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
