/**
 * Shards of one campaign added up: `npm run fuzz -- --programs N --seed S --shard k/n` runs the programs of
 * the campaign whose index is k−1 modulo n (each shard in its own process: the machine's cores work in
 * parallel), and `npm run fuzz -- --merge DIR...` reads the shards' `summary.json` and `programs.txt` and
 * prints the whole campaign: the counts summed, the findings joined, and the digest the unsharded campaign
 * would print (it hashes the per-program hashes in index order — `tests/fuzz-campaign.test.ts` checks it).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { campaignDigest, type Slow } from './campaign';

interface ShardSummary {
  readonly programs: number;
  readonly campaignPrograms: number;
  readonly seed: number;
  readonly shard: { readonly index: number; readonly count: number };
  readonly determinism: boolean;
  readonly limits: Record<string, number>;
  readonly counts: Record<string, number>;
  readonly slowest: readonly Slow[];
  readonly findings: readonly MergedFinding[];
}

export interface MergedFinding {
  readonly finding: string;
  readonly signature: string;
  count: number;
  readonly file: string | null;
  readonly how: string;
}

export interface MergedCampaign {
  readonly programs: number;
  readonly seed: number;
  readonly shards: number;
  readonly counts: ReadonlyMap<string, number>;
  readonly findings: readonly MergedFinding[];
  readonly digest: string;
  readonly slowest: readonly Slow[];
}

/** Reads the shard directories; throws (with the reason) unless they are exactly the shards of one campaign. */
export function mergeShards(dirs: readonly string[]): MergedCampaign {
  const shards = dirs.map((dir) => ({
    dir,
    summary: JSON.parse(readFileSync(`${dir}/summary.json`, 'utf8')) as ShardSummary,
    lines: readFileSync(`${dir}/programs.txt`, 'utf8').split('\n').filter(Boolean),
  }));
  const first = shards[0]?.summary;
  if (!first) throw new Error('fuzz --merge: name the shard directories to merge');
  const same = (s: ShardSummary) =>
    s.seed === first.seed &&
    s.campaignPrograms === first.campaignPrograms &&
    s.determinism === first.determinism &&
    s.shard.count === first.shard.count &&
    JSON.stringify(s.limits) === JSON.stringify(first.limits);
  for (const { dir, summary } of shards)
    if (!same(summary))
      throw new Error(
        `fuzz --merge: ${dir} is a shard of another campaign (seed, programs, budgets or shards differ)`,
      );
  const indices = shards.map((s) => s.summary.shard.index).sort((a, b) => a - b);
  const expected = Array.from({ length: first.shard.count }, (_, i) => i);
  if (JSON.stringify(indices) !== JSON.stringify(expected))
    throw new Error(
      `fuzz --merge: need each of the ${first.shard.count} shards exactly once, got shards ${indices.map((i) => i + 1).join(', ')}`,
    );

  const counts = new Map<string, number>();
  const findings = new Map<string, MergedFinding>();
  const hashes = new Map<number, string>();
  let slowest: Slow[] = [];
  for (const { dir, summary, lines } of shards) {
    for (const [k, n] of Object.entries(summary.counts)) counts.set(k, (counts.get(k) ?? 0) + n);
    for (const f of summary.findings) {
      const key = `${f.finding}\0${f.signature}`;
      const known = findings.get(key);
      if (known) known.count += f.count;
      else findings.set(key, { ...f });
    }
    for (const line of lines) {
      const [i, h] = line.split(' ');
      hashes.set(Number(i), h!);
    }
    if (lines.length !== summary.programs)
      throw new Error(
        `fuzz --merge: ${dir}/programs.txt has ${lines.length} programs, its summary ${summary.programs}`,
      );
    slowest = [...slowest, ...summary.slowest].sort((a, b) => b.ms - a.ms).slice(0, 5);
  }
  if (hashes.size !== first.campaignPrograms)
    throw new Error(
      `fuzz --merge: the shards ran ${hashes.size} of the campaign's ${first.campaignPrograms} programs (did one stop early?)`,
    );
  return {
    programs: hashes.size,
    seed: first.seed,
    shards: first.shard.count,
    counts,
    findings: [...findings.values()],
    digest: campaignDigest(hashes),
    slowest,
  };
}

/** The merged campaign as `summary.json`, beside the shards. */
export function writeMerged(out: string, m: MergedCampaign): void {
  writeFileSync(
    `${out}/summary.json`,
    JSON.stringify(
      {
        programs: m.programs,
        seed: m.seed,
        shards: m.shards,
        counts: Object.fromEntries([...m.counts].sort()),
        digest: m.digest,
        slowest: m.slowest,
        findings: m.findings,
      },
      null,
      2,
    ) + '\n',
  );
}
