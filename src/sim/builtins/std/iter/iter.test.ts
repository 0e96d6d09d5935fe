/**
 * Iterators are lazy, pull one item at a time, and charge every item to the step budget: the silent wrong
 * answer of LEARNER-CORPUS.md item 2 (an eager `map`) and the hang shapes of issue 14, one test each.
 * Expected outputs were printed by the same statements under rustc 1.95 (std only).
 */
import { describe, expect, it } from 'vitest';
import { out, outcomeLine, runMain } from '../../../test-run';

describe('iterators are lazy', () => {
  it('runs nothing when an adapter is built, and stops at take(n)', () => {
    expect(
      out(`
        let v = vec![1, 2, 3, 4];
        let lazy = v.iter().map(|x| { println!("map {x}"); x * 10 });
        println!("built");
        let firsts: Vec<i32> = lazy.take(2).collect();
        println!("{:?}", firsts);`),
    ).toBe('built\nmap 1\nmap 2\n[10, 20]\n');
  });

  it('moves items through the chain one at a time', () => {
    expect(
      out(`
        let found = [5, 12, 7, 20].iter()
            .inspect(|x| println!("inspect {x}"))
            .filter(|x| **x > 10)
            .map(|x| { println!("map {x}"); x * 100 })
            .next();
        println!("{:?}", found);`),
    ).toBe('inspect 5\ninspect 12\nmap 12\nSome(1200)\n');
  });

  it('a for loop pulls lazily too', () => {
    expect(
      out(`
        for x in (1..).map(|x| { println!("make {x}"); x }).take_while(|x| *x < 3) {
            println!("got {x}");
        }`),
    ).toBe('make 1\ngot 1\nmake 2\ngot 2\nmake 3\n');
  });

  it('consumers stop early and leave the rest', () => {
    expect(
      out(`
        let mut it = (1..10).into_iter();
        println!("{:?}", it.position(|x| x == 3));
        println!("{:?}", it.next());
        println!("{}", it.any(|x| x > 6));
        println!("{:?}", it.collect::<Vec<_>>());`),
    ).toBe('Some(2)\nSome(4)\ntrue\n[8, 9]\n');
  });

  it('rev, step_by, zip, chain, enumerate, skip and take are double-ended as in Rust', () => {
    expect(
      out(`
        println!("{:?}", (0..10).step_by(3).rev().collect::<Vec<_>>());
        println!("{:?}", (0..5).zip(10..20).rev().collect::<Vec<_>>());
        println!("{:?}", (1..3).chain(7..9).rev().collect::<Vec<_>>());
        println!("{:?}", ['a', 'b', 'c'].iter().enumerate().rev().collect::<Vec<_>>());
        println!("{:?}", (0..10).skip(2).take(5).rev().collect::<Vec<_>>());
        println!("{}", (0..u64::MAX).rev().take(3).count());`),
    ).toBe(
      "[9, 6, 3, 0]\n[(4, 14), (3, 13), (2, 12), (1, 11), (0, 10)]\n[8, 7, 2, 1]\n[(2, 'c'), (1, 'b'), (0, 'a')]\n[6, 5, 4, 3, 2]\n3\n",
    );
  });

  it('peekable, scan, flat_map, flatten, skip_while, map_while, cycle, fuse', () => {
    expect(
      out(`
        let mut p = [1, 2, 3].iter().peekable();
        let a = p.peek().copied();
        let b = p.next();
        let c = p.next_if(|x| **x == 2);
        println!("{:?} {:?} {:?}", a, b, c);
        println!("{:?}", (1..5).scan(0, |acc, x| { *acc += x; Some(*acc) }).collect::<Vec<_>>());
        println!("{:?}", vec![vec![1, 2], vec![], vec![3]].into_iter().flatten().collect::<Vec<_>>());
        println!("{:?}", (1..4).flat_map(|x| 0..x).collect::<Vec<_>>());
        println!("{:?}", [1, 5, 2, 7].iter().skip_while(|x| **x < 3).collect::<Vec<_>>());
        println!("{:?}", ["1", "2", "x", "4"].iter().map_while(|s| s.parse::<i32>().ok()).collect::<Vec<_>>());
        println!("{:?}", [1, 2].iter().cycle().take(5).collect::<Vec<_>>());
        println!("{:?}", vec![Some(1), None, Some(3)].into_iter().flatten().collect::<Vec<_>>());`),
    ).toBe(
      'Some(1) Some(1) Some(2)\n[1, 3, 6, 10]\n[1, 2, 3]\n[0, 0, 1, 0, 1, 2]\n[5, 2, 7]\n[1, 2]\n[1, 2, 1, 2, 1]\n[1, 3]\n',
    );
  });

  it('std::iter sources: once, repeat, empty, from_fn, successors', () => {
    expect(
      out(`
        let mut n = 0;
        let counter = std::iter::from_fn(|| { n += 1; if n <= 3 { Some(n) } else { None } });
        println!("{:?}", counter.collect::<Vec<_>>());
        println!("{:?}", std::iter::successors(Some(1u32), |x| if *x < 100 { Some(x * 10) } else { None }).collect::<Vec<_>>());
        println!("{:?}", std::iter::once(7).chain(std::iter::repeat(0).take(2)).collect::<Vec<_>>());
        println!("{}", std::iter::empty::<i32>().count());`),
    ).toBe('[1, 2, 3]\n[1, 10, 100]\n[7, 0, 0]\n0\n');
  });

  it('a closure that blocks its thread can run inside an adapter', () => {
    expect(
      out(`
        let handles: Vec<_> = (1..=3u64).map(|i| std::thread::spawn(move || i * i)).collect();
        let total: u64 = handles.into_iter().map(|h| h.join().unwrap()).sum();
        println!("{total}");`),
    ).toBe('14\n');
  });

  it('dropping a partly consumed into_iter drops the items it still holds', () => {
    expect(
      out(
        `
        let v = vec![Noisy(1), Noisy(2), Noisy(3)];
        let first: Vec<Noisy> = v.into_iter().take(1).collect();
        println!("took {}", first.len());`,
        `struct Noisy(u32);
         impl Drop for Noisy { fn drop(&mut self) { println!("drop {}", self.0); } }`,
      ),
    ).toBe('drop 2\ndrop 3\ntook 1\ndrop 1\n');
  });
});

describe('every item pulled counts against the step budget (issue 14)', () => {
  const shapes: [string, string][] = [
    ['collect of an endless range', 'let v: Vec<u64> = (0..).collect(); println!("{}", v.len());'],
    ['sum of 0..u64::MAX', 'let s: u64 = (0..u64::MAX).sum(); println!("{s}");'],
    ['count of an endless range', 'println!("{}", (0..).count());'],
    ['filter that never matches', 'let n = (0..).filter(|x| x % 7 == 100).next(); println!("{:?}", n);'],
    ['for_each over an endless range', '(0..).for_each(|x| { let _y = x + 1; });'],
    ['a huge finite collect', 'let v: Vec<u64> = (0..50_000_000u64).collect(); println!("{}", v.len());'],
    ['repeat(..).count()', 'println!("{}", std::iter::repeat(1).count());'],
    ['a for loop over an endless map', 'for x in (0..).map(|x| x * 2) { let _ = x; }'],
    ['cycle().last()', 'println!("{:?}", [1, 2].iter().cycle().last());'],
    ['from_fn that never ends', 'println!("{}", std::iter::from_fn(|| Some(1)).count());'],
    [
      'max of a successors chain',
      'println!("{:?}", std::iter::successors(Some(0u64), |x| Some(x + 1)).max());',
    ],
  ];
  for (const [name, line] of shapes)
    it(`${name} ends as a limit, naming the line`, () => {
      const r = runMain(`println!("start");\n${line}`);
      expect(r.outcome.kind, r.outcome.message).toBe('limit');
      expect(r.outcome.exitCode).toBe(4);
      expect(r.stdout).toBe('start\n');
      expect(outcomeLine(r)).toBe(line);
    });

  it('says an iterator was being drained', () => {
    const r = runMain('println!("{}", (0..).count());');
    expect(r.outcome.message).toMatch(/pulling items from an iterator/);
  });
});
