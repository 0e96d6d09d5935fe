/**
 * A fuzz campaign, in process: `runCampaign({ programs, seed })` draws programs (mutants of every corpus
 * program, and generated pathological and new-syntax programs), judges each (`check.ts`) under the same
 * step and memory budgets, counts outcomes, and keeps one minimised reproducer per distinct finding.
 * `fuzz.ts` is the command line; `tests/fuzz.test.ts` runs a small slice in CI.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { CAMPAIGN_LIMITS, check, FINDINGS, type Finding } from './check';
import { identsOf, loadCorpus } from './corpus';
import { generated } from './generate';
import { minimize } from './minimize';
import { mutant } from './mutate';
import { Rng } from './rng';

export interface CampaignOptions {
  readonly programs: number;
  readonly seed: number;
  /** Where reproducers go (`target/fuzz`); null keeps them in memory only. */
  readonly out: string | null;
  /** Run every program twice to compare the traces (doubles the work). */
  readonly determinism: boolean;
  /** At most this many candidate runs to minimise one finding. */
  readonly minimizeBudget: number;
  /** Called every `progressEvery` programs with the counts so far. */
  readonly onProgress?: (done: number, counts: ReadonlyMap<string, number>) => void;
  readonly progressEvery?: number;
  /**
   * Run only the programs whose index is `index` modulo `count` (every program is still drawn, so shard k
   * of n runs exactly the programs the whole campaign runs at those indices). `merge.ts` adds the shards'
   * summaries up into the whole campaign's: the same counts and the same digest.
   */
  readonly shard?: Shard | undefined;
}

export interface Shard {
  readonly index: number;
  readonly count: number;
}

export interface Reproducer {
  readonly finding: Finding;
  readonly signature: string;
  readonly detail: string;
  /** How the first instance was made, and its index in the campaign. */
  readonly how: string;
  readonly index: number;
  readonly simSeed: number;
  readonly program: string;
  readonly minimized: string;
  /** How many programs showed this finding. */
  count: number;
  file: string | null;
}

export interface CampaignResult {
  readonly programs: number;
  /** Programs per outcome (`completed`, `limit: memory`, …) and per finding (`crash`, `hang`, …). */
  readonly counts: ReadonlyMap<string, number>;
  readonly reproducers: readonly Reproducer[];
  /** A hash of every program and what became of it: two campaigns with one seed have the same digest. */
  readonly digest: string;
  /** Per program run (index → hash of the program, its sim seed and its outcome): what `digest` hashes. */
  readonly programHashes: ReadonlyMap<number, string>;
  /**
   * The programs that took the longest, by the wall clock: work the budgets do not count shows up here
   * first (a hang the watchdog cannot see). For a person to look at; not a finding, not in the digest.
   */
  readonly slowest: readonly Slow[];
}

export interface Slow {
  readonly ms: number;
  readonly index: number;
  readonly how: string;
  readonly outcome: string;
  readonly program: string;
}

const SLOWEST_KEPT = 5;

export function runCampaign(opts: CampaignOptions): CampaignResult {
  const seeds = loadCorpus();
  const idents = identsOf(seeds);
  const rng = new Rng(opts.seed);
  const counts = new Map<string, number>();
  const found = new Map<string, Reproducer>();
  const bump = (k: string) => counts.set(k, (counts.get(k) ?? 0) + 1);
  const programHashes = new Map<number, string>();
  const slowest: Slow[] = [];
  const shard = opts.shard ?? { index: 0, count: 1 };
  let done = 0;
  if (opts.out) mkdirSync(opts.out, { recursive: true });

  for (let i = 0; i < opts.programs; i++) {
    const { program, how } = rng.chance(0.7) ? mutant(seeds, idents, rng) : generated(rng);
    const simSeed = rng.int(0, 2 ** 32 - 1);
    if (i % shard.count !== shard.index) continue;
    // The program under test is on disk before it runs: if the campaign ever stops making progress (work
    // the simulator does not count as steps), this file is the reproducer.
    if (opts.out)
      writeFileSync(`${opts.out}/current.rs`, `// program ${i} (${how}), sim seed ${simSeed}\n${program}`);
    const started = performance.now();
    const verdict = check(program, simSeed, opts.determinism);
    const ms = Math.round(performance.now() - started);
    if (slowest.length < SLOWEST_KEPT || ms > slowest[slowest.length - 1]!.ms) {
      slowest.push({ ms, index: i, how, outcome: verdict.finding ?? verdict.bucket, program });
      slowest.sort((a, b) => b.ms - a.ms);
      slowest.length = Math.min(slowest.length, SLOWEST_KEPT);
    }
    programHashes.set(i, programHash(program, simSeed, verdict.finding ?? verdict.bucket));
    if (verdict.finding === null) bump(verdict.bucket);
    else {
      bump(verdict.finding);
      const key = `${verdict.finding}\0${verdict.signature}`;
      const known = found.get(key);
      if (known) known.count++;
      else {
        const still = (candidate: string) => {
          const v = check(candidate, simSeed, verdict.finding === 'nondeterministic');
          return v.finding === verdict.finding && v.signature === verdict.signature;
        };
        const budget = verdict.finding === 'hang' ? Math.min(opts.minimizeBudget, 60) : opts.minimizeBudget;
        const rep: Reproducer = {
          finding: verdict.finding,
          signature: verdict.signature,
          detail: verdict.detail,
          how,
          index: i,
          simSeed,
          program,
          minimized: minimize(program, still, budget),
          count: 1,
          file: null,
        };
        found.set(key, rep);
        if (opts.out) rep.file = writeReproducer(opts, rep);
      }
    }
    done++;
    if (opts.onProgress && done % (opts.progressEvery ?? 1000) === 0) opts.onProgress(done, counts);
  }
  const reproducers = [...found.values()];
  const digest = campaignDigest(programHashes);
  if (opts.out) {
    writeFileSync(`${opts.out}/programs.txt`, [...programHashes].map(([i, h]) => `${i} ${h}\n`).join(''));
    for (const r of reproducers) if (r.file) writeReproducer(opts, r);
    writeFileSync(
      `${opts.out}/summary.json`,
      JSON.stringify(
        {
          programs: done,
          campaignPrograms: opts.programs,
          seed: opts.seed,
          shard,
          determinism: opts.determinism,
          limits: CAMPAIGN_LIMITS,
          counts: Object.fromEntries([...counts].sort()),
          digest,
          slowest,
          findings: reproducers.map(({ finding, signature, count, file, how }) => ({
            finding,
            signature,
            count,
            file,
            how,
          })),
        },
        null,
        2,
      ) + '\n',
    );
  }
  return { programs: done, counts, reproducers, digest, programHashes, slowest };
}

/** One program and what became of it, hashed: the campaign's digest is made of these, in index order. */
function programHash(program: string, simSeed: number, outcome: string): string {
  return createHash('sha256').update(`${program}\0${simSeed}\0${outcome}\0`).digest('hex').slice(0, 16);
}

/** The digest of a campaign (or of shards merged): the per-program hashes in index order, hashed. */
export function campaignDigest(programHashes: ReadonlyMap<number, string>): string {
  const digest = createHash('sha256');
  for (const i of [...programHashes.keys()].sort((a, b) => a - b))
    digest.update(`${i}:${programHashes.get(i)}\n`);
  return digest.digest('hex').slice(0, 16);
}

/** `target/fuzz/<finding>/<hash>.rs`: the minimised program, with how it was found and how to rerun it. */
function writeReproducer(opts: CampaignOptions, r: Reproducer): string {
  const dir = `${opts.out}/${r.finding}`;
  mkdirSync(dir, { recursive: true });
  const name = createHash('sha256').update(r.signature).digest('hex').slice(0, 12);
  const file = `${dir}/${name}.rs`;
  const limits = Object.entries(CAMPAIGN_LIMITS)
    .map(([k, v]) => `${k}: ${v}`)
    .join(', ');
  const header = [
    `// pollscope fuzz reproducer: ${r.finding} (${r.count} program${r.count === 1 ? '' : 's'} in the campaign)`,
    `// signature: ${r.signature}`,
    `// found by: npm run fuzz -- --programs ${opts.programs} --seed ${opts.seed} (program ${r.index}, ${r.how})`,
    `// rerun: simulate(source, { seed: ${r.simSeed}, limits: { ${limits} } })`,
    ...r.detail
      .split('\n')
      .slice(0, 8)
      .map((l) => `// | ${l}`),
  ];
  writeFileSync(file, `${header.join('\n')}\n${r.minimized}\n`);
  writeFileSync(`${dir}/${name}.orig.rs`, r.program);
  return file;
}

/** The counts as the command line prints them: outcomes first, then findings. */
export function formatCounts(counts: ReadonlyMap<string, number>, programs: number): string {
  const rows = [...counts].filter(([k]) => !(FINDINGS as readonly string[]).includes(k)).sort();
  const findings = FINDINGS.map((f) => [f, counts.get(f) ?? 0] as const);
  const width = Math.max(...[...rows, ...findings].map(([k]) => k.length));
  const line = ([k, n]: readonly [string, number]) =>
    `  ${k.padEnd(width)}  ${String(n).padStart(7)}  ${((100 * n) / Math.max(1, programs)).toFixed(2).padStart(6)}%`;
  return [...rows.map(line), '  --', ...findings.map(line)].join('\n');
}
