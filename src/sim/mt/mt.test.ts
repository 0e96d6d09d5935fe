/**
 * The multi_thread scheduler, one mechanism per test, each named after the tokio function it models
 * (spec §4, §6.2). Conformance with real tokio is tests/conformance/mt_*; these pin the *why* on the trace.
 */
import { describe, expect, it } from 'vitest';
import type { TraceEvent } from '../../trace/events';
import { simulate, type SimResult } from '../simulate';
import type { Profile } from '../config';

const MT = (n: number) => `#[tokio::main(flavor = "multi_thread", worker_threads = ${n})]`;

type Run = SimResult & { events: TraceEvent[] };

function sim(src: string, opts: { seed?: number; profile?: Profile } = {}): Run {
  const r = simulate(src, { ...opts, limits: { maxEvents: 400_000, maxStepsPerPoll: 200_000 } });
  return { ...r, events: [...r.trace.events()] };
}

function of<K extends TraceEvent['kind']>(r: Run, kind: K): Extract<TraceEvent, { kind: K }>[] {
  return r.events.filter((e): e is Extract<TraceEvent, { kind: K }> => e.kind === kind);
}

const SPAWN_THREE_FROM_A_TASK = `
${MT(1)}
async fn main() {
    let h = tokio::spawn(async {
        let a = tokio::spawn(async { println!("T1"); });
        let b = tokio::spawn(async { println!("T2"); });
        let c = tokio::spawn(async { println!("T3"); });
        a.await.unwrap();
        b.await.unwrap();
        c.await.unwrap();
    });
    h.await.unwrap();
}`;

describe('Handle::schedule_task and schedule_local (worker.rs)', () => {
  it('spawns from a worker go to its LIFO slot, each displacing the previous one to the local queue', () => {
    const r = sim(SPAWN_THREE_FROM_A_TASK);
    expect(r.stdout).toBe('T3\nT1\nT2\n');
    // The worker took task id 1 (tokio runs it through spawn_blocking): h is 2, a/b/c are 3..5.
    const sched = of(r, 'schedule').filter((e) => e.task >= 3 && e.task <= 5);
    expect(sched.map((e) => `${e.task}:${e.where}`)).toEqual([
      '3:lifo',
      '3:local',
      '4:lifo',
      '4:local',
      '5:lifo',
    ]);
  });

  it('spawns from the block_on thread go to the inject queue and are run FIFO', () => {
    const r = sim(`
${MT(1)}
async fn main() {
    let a = tokio::spawn(async { println!("A"); });
    let b = tokio::spawn(async { println!("B"); });
    let c = tokio::spawn(async { println!("C"); });
    a.await.unwrap(); b.await.unwrap(); c.await.unwrap();
}`);
    expect(r.stdout).toBe('A\nB\nC\n');
    for (const e of of(r, 'schedule').filter((x) => x.task > 0 && x.thread === 0))
      expect([e.where, e.core]).toEqual(['inject', -1]);
    // The main future is polled on the block_on thread (thread 0), never on a worker.
    expect(
      new Set(
        of(r, 'poll')
          .filter((p) => p.task === 0)
          .map((p) => p.thread),
      ),
    ).toEqual(new Set([0]));
  });

  it('a wake from a worker puts the woken task in the waker’s LIFO slot', () => {
    const r = sim(`
${MT(2)}
async fn main() {
    let (tx, rx) = tokio::sync::oneshot::channel::<u32>();
    let waiter = tokio::spawn(async move { println!("got {}", rx.await.unwrap()); });
    let sender = tokio::spawn(async move {
        tokio::time::sleep(std::time::Duration::from_millis(5)).await;
        tx.send(7).unwrap();
    });
    sender.await.unwrap();
    waiter.await.unwrap();
}`);
    expect(r.stdout).toBe('got 7\n');
    // Two workers took task ids 1 and 2: the waiter is task 3.
    const wake = of(r, 'wake').find((w) => w.task === 3 && w.effect === 'scheduled')!;
    const next = r.events.slice(wake.seq + 1).find((e) => e.kind === 'schedule' && e.task === 3);
    expect(next).toMatchObject({ where: 'lifo', thread: wake.thread });
  });

  it('a task woken while running is re-queued at the back of the local queue (is_yield), not the LIFO slot', () => {
    const r = sim(`
use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll};
struct Again { n: u32 }
impl Future for Again {
    type Output = ();
    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
        self.n += 1;
        if self.n == 3 { return Poll::Ready(()); }
        cx.waker().wake_by_ref();
        Poll::Pending
    }
}
${MT(1)}
async fn main() {
    tokio::spawn(async { Again { n: 0 }.await; }).await.unwrap();
}`);
    const wakes = of(r, 'wake').filter((w) => w.task === 2 && w.effect === 'while-running');
    expect(wakes.length).toBe(2);
    const requeues = of(r, 'schedule').filter((s) => s.task === 2 && s.thread !== 0);
    expect(requeues.map((s) => s.where)).toEqual(['local', 'local']);
  });
});

describe('Local::push_back_or_overflow (queue.rs)', () => {
  const OVERFLOW = `
${MT(1)}
async fn main() {
    tokio::spawn(async {
        let mut hs = Vec::new();
        for _ in 0..300 { hs.push(tokio::spawn(async {})); }
        for h in hs { h.await.unwrap(); }
    }).await.unwrap();
}`;

  it('1.24 moves the oldest 128 queued tasks plus the new one to the inject queue', () => {
    const r = sim(OVERFLOW, { profile: '1.24' });
    expect(r.outcome.kind).toBe('completed');
    const moved = of(r, 'schedule').filter((s) => s.where === 'inject' && s.thread !== 0);
    expect(moved.length).toBe(129);
    // Tasks 3.. were spawned in order (the worker took id 1, the parent is 2); the local queue held
    // 3..258 when the 258th displacement came.
    expect(moved.slice(0, 3).map((s) => s.task)).toEqual([3, 4, 5]);
  });

  it('latest moves the newest 128 instead (#8029)', () => {
    const r = sim(OVERFLOW, { profile: 'latest' });
    const moved = of(r, 'schedule').filter((s) => s.where === 'inject' && s.thread !== 0);
    expect(moved.length).toBe(129);
    expect(moved[0]!.task).toBe(3 + 128);
  });
});

const FAN_OUT = (n: number, workers: number) => `
${MT(workers)}
async fn main() {
    let parent = tokio::spawn(async {
        let mut hs = Vec::new();
        for i in 0..${n}u64 {
            hs.push(tokio::spawn(async move {
                let mut x = 0u64;
                for k in 0..50u64 { x += k * i; }
                tokio::task::yield_now().await;
                x
            }));
        }
        let mut sum = 0;
        for h in hs { sum += h.await.unwrap(); }
        sum
    });
    println!("{}", parent.await.unwrap());
}`;

describe('Steal::steal_into and Core::steal_work (queue.rs, worker.rs)', () => {
  it('a searching worker takes ceil(half) of the victim’s local queue, oldest first', () => {
    const r = sim(FAN_OUT(9, 2));
    expect(r.stdout).toBe(`${(1225 * 36).toString()}\n`);
    const steals = of(r, 'steal');
    expect(steals.length).toBeGreaterThan(0);
    const first = steals[0]!;
    // The victim's queue length just before the steal: its local tasks at that step.
    const before = queueAt(r, first.seq, first.victim);
    expect(first.count).toBe(before.length - (before.length >> 1));
    const moved = r.events
      .slice(first.seq + 1, first.seq + first.count)
      .filter((e) => e.kind === 'schedule')
      .map((e) => (e as { task: number }).task);
    expect(moved).toEqual(before.slice(0, first.count - 1));
  });

  it('the same seed gives the same run; different seeds may interleave differently but print the same', () => {
    const a = sim(FAN_OUT(12, 4), { seed: 7 });
    const b = sim(FAN_OUT(12, 4), { seed: 7 });
    expect(a.events).toEqual(b.events);
    for (const seed of [1, 2, 3, 4, 5]) expect(sim(FAN_OUT(12, 4), { seed }).stdout).toBe(a.stdout);
  });
});

/** The tasks in worker `core`'s local queue just before event `seq`, from the trace's schedule/poll events. */
function queueAt(r: Run, seq: number, core: number): number[] {
  const q: number[] = [];
  for (const e of r.events.slice(0, seq)) {
    if (e.kind !== 'schedule' && e.kind !== 'poll') continue;
    // Any schedule or poll takes the task out of wherever it was queued.
    const i = q.indexOf(e.task);
    if (i >= 0) q.splice(i, 1);
    if (e.kind === 'schedule' && e.where === 'local' && e.core === core) q.push(e.task);
  }
  return q;
}

describe('parking (worker.rs Context::park, park.rs)', () => {
  it('one parked worker holds the driver: the timer wakes land in its LIFO slot', () => {
    const r = sim(`
${MT(3)}
async fn main() {
    let h = tokio::spawn(async {
        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
        println!("woke");
    });
    h.await.unwrap();
}`);
    expect(r.stdout).toBe('woke\n');
    const fire = of(r, 'timer-fire').at(-1)!;
    // Three workers took task ids 1-3: h is task 4.
    const sched = r.events.slice(fire.seq).find((e) => e.kind === 'schedule' && e.task === 4)!;
    expect(sched).toMatchObject({ where: 'lifo', thread: fire.thread });
    // Only one worker waits with a timeout (in the driver); the others park on their condvar (-1).
    const longParks = of(r, 'park').filter((p) => p.timeout > 1e6);
    expect(new Set(longParks.map((p) => p.thread)).size).toBe(1);
  });

  it('a program that can never finish is a deadlock, naming the stuck task', () => {
    const r = sim(`
use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll};
struct Lost;
impl Future for Lost {
    type Output = ();
    fn poll(self: Pin<&mut Self>, _cx: &mut Context<'_>) -> Poll<()> { Poll::Pending }
}
${MT(2)}
async fn main() { tokio::spawn(async { Lost.await; }).await.unwrap(); }`);
    expect(r.outcome.kind).toBe('deadlock');
    expect(r.outcome.message).toMatch(/task 3 is waiting on Lost/);
  });
});

describe('block_in_place (worker.rs block_in_place)', () => {
  it('hands the core to a new thread, which keeps running the queue while the closure blocks', () => {
    const r = sim(`
use std::time::Duration;
${MT(1)}
async fn main() {
    let a = tokio::spawn(async {
        tokio::task::block_in_place(|| std::thread::sleep(Duration::from_millis(50)));
        println!("a: back");
    });
    let b = tokio::spawn(async {
        tokio::time::sleep(Duration::from_millis(10)).await;
        println!("b: ran while a blocked");
    });
    a.await.unwrap();
    b.await.unwrap();
}`);
    expect(r.stdout).toBe('b: ran while a blocked\na: back\n');
    const starts = of(r, 'thread-start').map((t) => t.name);
    expect(starts).toContain('worker 0 (after block_in_place)');
    // The thread that called block_in_place left the worker after its poll.
    const exits = of(r, 'thread-exit').map((e) => e.thread);
    expect(exits).toContain(1);
  });

  it('panics on current_thread, as tokio does', () => {
    const r = sim(`
#[tokio::main(flavor = "current_thread")]
async fn main() { tokio::task::block_in_place(|| 1); }`);
    expect(r.outcome.kind).toBe('panicked');
    expect(r.stderr).toMatch(/can call blocking only when running on the multi-threaded runtime/);
  });
});

describe('profiles (spec §11)', () => {
  const PING_PONG = `
${MT(1)}
async fn main() {
    let (tx1, mut rx1) = tokio::sync::mpsc::unbounded_channel::<u32>();
    let (tx2, mut rx2) = tokio::sync::mpsc::unbounded_channel::<u32>();
    let other = tokio::spawn(async { println!("other ran"); });
    let a = tokio::spawn(async move {
        for i in 0..6u32 { tx1.send(i).unwrap(); rx2.recv().await.unwrap(); }
    });
    let b = tokio::spawn(async move {
        while let Some(i) = rx1.recv().await { tx2.send(i).unwrap(); }
    });
    a.await.unwrap();
    drop(b);
    other.await.unwrap();
}`;

  it('latest caps the LIFO chain at 3 polls per run_task (#5712); 1.24 runs it while the budget lasts', () => {
    const chain = (r: Run) => {
      let best = 0;
      let cur = 0;
      for (const p of of(r, 'poll').filter((x) => x.thread !== 0)) {
        cur = p.from === 'lifo' ? cur + 1 : 0;
        best = Math.max(best, cur);
      }
      return best;
    };
    expect(chain(sim(PING_PONG, { profile: 'latest' }))).toBeLessThanOrEqual(3);
    expect(chain(sim(PING_PONG, { profile: '1.24' }))).toBeGreaterThan(3);
  });
});

describe('Core::next_task (worker.rs)', () => {
  const FROM_MAIN = `
${MT(1)}
async fn main() {
    let mut hs = Vec::new();
    for i in 0..10u32 { hs.push(tokio::spawn(async move { i })); }
    let mut sum = 0;
    for h in hs { sum += h.await.unwrap(); }
    println!("{}", sum);
}`;
  const pulledIntoLocal = (r: Run) =>
    of(r, 'schedule').filter((s) => s.thread !== 0 && s.where === 'local' && s.task > 0).length;

  it('1.24 takes one task at a time from the inject queue', () => {
    const r = sim(FROM_MAIN, { profile: '1.24' });
    expect(r.stdout).toBe('45\n');
    expect(pulledIntoLocal(r)).toBe(0);
  });

  it('latest pulls a batch from the inject queue into the local queue (#5705)', () => {
    const r = sim(FROM_MAIN, { profile: 'latest' });
    expect(r.stdout).toBe('45\n');
    // min(inject.len / workers + 1, 128) = all ten: the first runs, nine join the local queue.
    expect(pulledIntoLocal(r)).toBe(9);
  });
});

describe('invariants over many seeds', () => {
  const programs = [FAN_OUT(20, 4), FAN_OUT(7, 3), FAN_OUT(30, 8), SPAWN_THREE_FROM_A_TASK];
  const seeds = Array.from({ length: 40 }, (_, i) => i + 1);

  it('no task is polled by two threads at once, the LIFO slot is never stolen, at most half the workers search, every woken task is polled', () => {
    for (const src of programs) {
      const workers = Number(/worker_threads = (\d+)/.exec(src)![1]);
      for (const seed of seeds) {
        const r = sim(src, { seed });
        expect(r.outcome.kind, `seed ${seed}`).toBe('completed');
        const runningOn = new Map<number, number>();
        const where = new Map<number, string>();
        const searching = new Set<number>();
        const pendingWake = new Set<number>();
        let stealing: { core: number; victim: number; left: number } | null = null;
        for (const e of r.events) {
          switch (e.kind) {
            case 'poll':
              expect(runningOn.has(e.task), `seed ${seed}: task ${e.task} polled twice at once`).toBe(false);
              runningOn.set(e.task, e.thread);
              if (stealing) expect(where.get(e.task)).toBe(`local:${stealing.victim}`);
              stealing = null;
              where.delete(e.task);
              pendingWake.delete(e.task);
              break;
            case 'pending':
            case 'ready':
              if (runningOn.get(e.task) === e.thread) {
                const root = r.events.find((x) => x.kind === 'spawn' && x.task === e.task);
                if (root && root.kind === 'spawn' && root.future === e.future) runningOn.delete(e.task);
              }
              break;
            case 'complete':
              runningOn.delete(e.task);
              pendingWake.delete(e.task);
              break;
            case 'steal':
              stealing = { core: e.core, victim: e.victim, left: e.count - 1 };
              break;
            case 'schedule':
              if (stealing && stealing.left > 0 && e.thread === r.events[e.seq - 1]!.thread) {
                expect(where.get(e.task), `seed ${seed}: stole task ${e.task} from a LIFO slot`).toBe(
                  `local:${stealing.victim}`,
                );
                stealing.left--;
              }
              where.set(e.task, `${e.where}:${e.core}`);
              break;
            case 'wake':
              if (e.effect === 'scheduled') pendingWake.add(e.task);
              break;
            case 'search':
              if (e.searching) searching.add(e.core);
              else searching.delete(e.core);
              expect(searching.size).toBeLessThanOrEqual(Math.ceil(workers / 2));
              break;
            default:
              break;
          }
        }
        expect([...pendingWake], `seed ${seed}: woken but never polled`).toEqual([]);
      }
    }
  });
});
