import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { simulate } from '../sim/simulate';
import { align, compareTraces, describeLine, differences } from './compare';

/** Length of a longest common subsequence (the textbook table: the reference the alignment must meet). */
function lcs(a: string[], b: string[]): number {
  const t = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++)
      t[i]![j] = a[i - 1] === b[j - 1] ? t[i - 1]![j - 1]! + 1 : Math.max(t[i - 1]![j]!, t[i]![j - 1]!);
  return t[a.length]![b.length]!;
}

const seq = fc.array(fc.constantFrom('poll 1', 'poll 2', 'wake 1 by=2 wake', 'pending 1', 'ready 2'), {
  maxLength: 40,
});

describe('align', () => {
  it('covers both sides in order and shares as many rows as a longest common subsequence', () => {
    fc.assert(
      fc.property(seq, seq, (a, b) => {
        const { rows, truncated } = align(a, b);
        expect(truncated).toBe(false);
        expect(rows.filter((r) => r.a >= 0).map((r) => r.a)).toEqual(a.map((_, i) => i));
        expect(rows.filter((r) => r.b >= 0).map((r) => r.b)).toEqual(b.map((_, i) => i));
        const shared = rows.filter((r) => r.a >= 0 && r.b >= 0);
        for (const r of shared) expect(a[r.a]).toBe(b[r.b]);
        expect(shared.length).toBe(lcs(a, b));
      }),
      { numRuns: 300 },
    );
  });

  it('gives up past maxEdits: rows paired by position, and says so', () => {
    const a = Array.from({ length: 50 }, (_, i) => `poll ${i}`);
    const b = Array.from({ length: 50 }, (_, i) => `poll ${i + 100}`);
    const al = align(a, b, 10);
    expect(al.truncated).toBe(true);
    expect(al.rows).toHaveLength(50);
    expect(differences(a, b, al)).toHaveLength(1);
  });
});

describe('differences and words', () => {
  it('groups the disagreeing rows and names their kind', () => {
    const a = ['spawn 1 parent=0', 'poll 1', 'poll 2', 'ready 1'];
    const b = ['spawn 1 parent=0', 'poll 2', 'poll 1', 'ready 1'];
    const d = differences(a, b, align(a, b));
    expect(d.map((x) => x.kind)).toEqual(['poll', 'poll']);
    // One poll moved: it is missing on one side at one place and on the other side at another.
    const moved = d.flatMap((x) => [...x.a, ...x.b]);
    expect(moved).toHaveLength(2);
    expect(moved[0]).toBe(moved[1]);
  });

  it('says each line in words, with the program’s names', () => {
    const name = (t: number) => (t === 0 ? 'main' : `slow (task ${t})`);
    expect(describeLine('wake 2 by=0 wake_by_ref', name)).toBe('main wakes slow (task 2) (by reference)');
    expect(describeLine('spawn 2 parent=0', name)).toBe('slow (task 2) spawned by main');
    expect(describeLine('complete 2 ok', name)).toBe('slow (task 2) completes (ok)');
    expect(describeLine('steal core=1 victim=0 count=3')).toBe('worker 1 steals 3 task(s) from worker 0');
  });
});

describe('compareTraces on real simulations', () => {
  const program = `#[tokio::main(flavor = "multi_thread", worker_threads = 4)]
async fn main() {
    let mut hs = Vec::new();
    for i in 0..8u64 {
        hs.push(tokio::spawn(async move {
            for _ in 0..3 { tokio::task::yield_now().await; }
            i
        }));
    }
    let mut sum = 0;
    for h in hs { sum += h.await.unwrap(); }
    println!("{}", sum);
}
`;
  it('the same seed: no difference; another seed: differences, each pointing at steps on its side', () => {
    const one = simulate(program, { seed: 1 }).trace;
    const same = compareTraces(one, simulate(program, { seed: 1 }).trace, { steals: true });
    expect(same.differences).toEqual([]);
    expect(same.a.lines.length).toBeGreaterThan(50);

    const other = compareTraces(one, simulate(program, { seed: 7 }).trace, { steals: true });
    expect(other.differences.length).toBeGreaterThan(0);
    for (const d of other.differences)
      for (const r of other.alignment.rows.slice(d.from, d.to)) {
        if (r.a >= 0) expect(other.a.steps[r.a]).toBeGreaterThanOrEqual(0);
        if (r.b >= 0) expect(other.b.steps[r.b]).toBeLessThan(simulate(program, { seed: 7 }).trace.length);
      }
  });
});
