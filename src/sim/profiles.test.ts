/**
 * The differences between tokio 1.24 (Debian's, the conformance oracle) and current tokio that the
 * current_thread simulator models — one test per difference, each naming the tokio change
 * (../shared/reference/tokio-runtime-spec.md §11). The 1.24 side of each is also covered by recordings from
 * real tokio in tests/conformance; the latest side follows tokio's source at the cited change.
 */
import { describe, expect, it } from 'vitest';
import type { TraceEvent } from '../trace/events';
import type { Profile } from './config';
import { ctTick } from './current-thread';
import { simulate } from './simulate';

const CT = '#[tokio::main(flavor = "current_thread")]';

function run(profile: Profile, body: string, prelude = '') {
  const r = simulate(`${prelude}\n${CT}\nasync fn main() {\n${body}\n}\n`, { profile });
  if (r.outcome.kind !== 'completed') throw new Error(`${profile}: ${r.outcome.message}`);
  return { stdout: r.stdout, events: [...r.trace.events()] };
}

function lines(s: string): string[] {
  return s.trim().split('\n');
}

describe('tokio 1.24 vs latest (current_thread)', () => {
  it('defer list: FIFO wake in 1.24, LIFO in latest (tokio #5741, 1.29.0)', () => {
    const body = `
      let mut hs = Vec::new();
      for name in ["a", "b", "c"] {
          hs.push(tokio::spawn(async move {
              tokio::task::yield_now().await;
              println!("{name} resumed");
          }));
      }
      for h in hs { h.await.unwrap(); }`;
    expect(lines(run('1.24', body).stdout)).toEqual(['a resumed', 'b resumed', 'c resumed']);
    expect(lines(run('latest', body).stdout)).toEqual(['c resumed', 'b resumed', 'a resumed']);
  });

  it('defer list: latest skips a waker that will_wake the last deferred one (tokio #5741)', () => {
    // A task that yields twice before the driver turns is deferred twice in 1.24, once in latest.
    const body = `
      let h = tokio::spawn(async {
          let a = tokio::task::yield_now();
          let b = tokio::task::yield_now();
          tokio::join!(a, b);
      });
      h.await.unwrap();`;
    const defers = (p: Profile) => run(p, body).events.filter((e) => e.kind === 'defer').length;
    expect(defers('1.24')).toBe(2);
    expect(defers('latest')).toBe(1);
  });

  const drain = `
      let (tx, mut rx) = tokio::sync::mpsc::unbounded_channel::<u32>();
      for i in 0..200 { tx.send(i).unwrap(); }
      drop(tx);
      let h = tokio::spawn(async move {
          let mut n = 0;
          while let Some(_v) = rx.recv().await { n += 1; }
          println!("received {n}");
      });
      h.await.unwrap();`;

  it('coop exhaustion: wake_by_ref (re-queued at once) in 1.24, deferred in latest (tokio #7185, 1.44.0)', () => {
    const after = (p: Profile): TraceEvent | undefined => {
      const ev = run(p, drain).events;
      const i = ev.findIndex((e) => e.kind === 'budget-exhausted');
      expect(i).toBeGreaterThan(0);
      return ev.slice(i + 1).find((e) => e.kind === 'wake' || e.kind === 'defer');
    };
    expect(after('1.24')).toMatchObject({ kind: 'wake', op: 'wake_by_ref', effect: 'while-running' });
    expect(after('latest')).toMatchObject({ kind: 'defer' });
  });

  it('select! checks the coop budget before polling any branch only in latest (tokio #7164, 1.44.0)', () => {
    const body = `
      let (tx, mut rx) = tokio::sync::mpsc::unbounded_channel::<u32>();
      for i in 0..200 { tx.send(i).unwrap(); }
      drop(tx);
      let h = tokio::spawn(async move {
          loop {
              tokio::select! {
                  biased;
                  v = rx.recv() => if v.is_none() { break },
              }
          }
      });
      h.await.unwrap();`;
    const upFront = (p: Profile) =>
      run(p, body).events.filter((e) => e.kind === 'budget-exhausted' && e.resource === -1).length;
    expect(upFront('1.24')).toBe(0);
    expect(upFront('latest')).toBeGreaterThan(0);
  });

  it('the current_thread tick is tested before the increment in 1.24, after it in latest (tokio #5701, 1.29.0)', () => {
    const pops = (p: Profile) => {
      const firsts: number[] = [];
      let tick = 0;
      for (let i = 0; i < 64; i++) {
        const r = ctTick(p, tick);
        if (r.injectFirst) firsts.push(i);
        tick = r.next;
      }
      return firsts;
    };
    expect(pops('1.24')).toEqual([0, 31, 62]);
    expect(pops('latest')).toEqual([30, 61]);
  });

  it('a task finishing on the runtime thread unparks the driver in 1.24 but not in latest (tokio #7834 / #7835, 1.50.0)', () => {
    const body = `let h = tokio::spawn(async { println!("task"); }); h.await.unwrap(); println!("main");`;
    // After the task completes and wakes main, the scheduler finds no task and parks.
    const parkAfterWake = (p: Profile) => {
      const ev = run(p, body).events;
      const wake = ev.findIndex((e) => e.kind === 'wake' && e.task === 0);
      return ev.slice(wake).find((e) => e.kind === 'park');
    };
    // 1.24: a blocking park that returns at once, because the block_on waker left an unpark token.
    expect(parkAfterWake('1.24')).toMatchObject({ kind: 'park', timeout: -1 });
    // latest: `has_pending_work()` sees `woken` and only yields to the driver.
    expect(parkAfterWake('latest')).toMatchObject({ kind: 'park', timeout: 0 });
  });

  it('notify_waiters wakes LIFO within a batch in 1.24, FIFO in latest (tokio #6521, 1.38.0)', () => {
    const prelude = 'use std::sync::Arc;\nuse tokio::sync::Notify;';
    const body = `
      let n = Arc::new(Notify::new());
      let mut hs = Vec::new();
      for i in 1..=3 {
          let n = n.clone();
          hs.push(tokio::spawn(async move { n.notified().await; println!("waiter {i}"); }));
      }
      tokio::task::yield_now().await;
      n.notify_waiters();
      for h in hs { h.await.unwrap(); }`;
    expect(lines(run('1.24', body, prelude).stdout)).toEqual(['waiter 3', 'waiter 2', 'waiter 1']);
    expect(lines(run('latest', body, prelude).stdout)).toEqual(['waiter 1', 'waiter 2', 'waiter 3']);
  });

  it('broadcast recv spends coop budget only in latest (tokio #6870, 1.41.0)', () => {
    const body = `
      let (tx, mut rx) = tokio::sync::broadcast::channel::<u32>(256);
      for i in 0..200 { tx.send(i).unwrap(); }
      drop(tx);
      let h = tokio::spawn(async move { while let Ok(_v) = rx.recv().await {} });
      h.await.unwrap();`;
    const exhausted = (p: Profile) => run(p, body).events.some((e) => e.kind === 'budget-exhausted');
    expect(exhausted('1.24')).toBe(false);
    expect(exhausted('latest')).toBe(true);
  });

  it('join!(biased; ..) exists only in latest (tokio #7307, 1.46.0)', () => {
    const src = `${CT}\nasync fn main() { tokio::join!(biased; async { println!("a") }, async { println!("b") }); }`;
    expect(simulate(src, { profile: '1.24' }).outcome.kind).toBe('unsupported');
    expect(simulate(src, { profile: 'latest' }).stdout).toBe('a\nb\n');
  });

  it('Notify::notify_last exists only in latest and wakes the newest waiter (tokio #6520, 1.38.0)', () => {
    const prelude = 'use std::sync::Arc;\nuse tokio::sync::Notify;';
    const body = `
      let n = Arc::new(Notify::new());
      let mut hs = Vec::new();
      for i in 1..=3 {
          let n = n.clone();
          hs.push(tokio::spawn(async move { n.notified().await; println!("waiter {i}"); }));
      }
      tokio::task::yield_now().await;
      n.notify_last();
      n.notify_last();
      n.notify_last();
      for h in hs { h.await.unwrap(); }`;
    expect(lines(run('latest', body, prelude).stdout)).toEqual(['waiter 3', 'waiter 2', 'waiter 1']);
    const src = `${prelude}\n${CT}\nasync fn main() { let n = Notify::new(); n.notify_last(); }`;
    expect(simulate(src, { profile: '1.24' }).outcome.kind).toBe('unsupported');
  });
});
