/**
 * The runtime's mechanisms, one scenario each, checked on the trace: task state transitions (spec §1.2),
 * waker reference counts (§1.5), the timer wheel's rounding and order (§7), the paused clock, and how runs
 * end (deadlock, limits, panics). Conformance with real tokio is tests/conformance; these pin the *why*.
 */
import { describe, expect, it } from 'vitest';
import { formatTrace } from '../trace/format';
import { localsText } from '../trace/locals';
import type { TraceEvent } from '../trace/events';
import { simulate, type SimResult } from './simulate';

const CT = '#[tokio::main(flavor = "current_thread")]';
const PAUSED = '#[tokio::main(flavor = "current_thread", start_paused = true)]';

function sim(src: string): SimResult & { events: TraceEvent[] } {
  const r = simulate(src, { limits: { maxEvents: 200_000, maxStepsPerPoll: 100_000 } });
  return { ...r, events: [...r.trace.events()] };
}

const SELF_WAKE = `
use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll};
struct Twice { polls: u32 }
impl Future for Twice {
    type Output = u32;
    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<u32> {
        self.polls += 1;
        if self.polls == 2 { return Poll::Ready(self.polls); }
        cx.waker().wake_by_ref();
        cx.waker().wake_by_ref();
        Poll::Pending
    }
}
${CT}
async fn main() {
    let h = tokio::spawn(async { Twice { polls: 0 }.await });
    println!("{}", h.await.unwrap());
}`;

describe('task state transitions (runtime/task/state.rs)', () => {
  it('a wake while running sets NOTIFIED and re-queues after the poll; a second wake is a no-op', () => {
    const r = sim(SELF_WAKE);
    expect(r.stdout).toBe('2\n');
    const wakes = r.events.filter(
      (e): e is Extract<TraceEvent, { kind: 'wake' }> => e.kind === 'wake' && e.task === 1,
    );
    expect(wakes.map((w) => w.effect)).toEqual(['while-running', 'already-notified']);
    // transition_to_idle saw NOTIFIED: the task goes back to the local queue right after its Pending.
    const spawn = r.events.find(
      (e): e is Extract<TraceEvent, { kind: 'spawn' }> => e.kind === 'spawn' && e.task === 1,
    )!;
    const rootPending = r.events.findIndex((e) => e.kind === 'pending' && e.future === spawn.future);
    expect(r.events[rootPending + 1]).toMatchObject({ kind: 'schedule', task: 1, where: 'local' });
    // The task was polled exactly twice.
    expect(r.events.filter((e) => e.kind === 'poll' && e.task === 1)).toHaveLength(2);
  });

  it('a wake after completion does nothing', () => {
    const r = sim(`
use std::sync::{Arc, Mutex};
use std::task::Waker;
use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll};
struct Grab { slot: Arc<Mutex<Option<Waker>>> }
impl Future for Grab {
    type Output = ();
    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
        *self.slot.lock().unwrap() = Some(cx.waker().clone());
        Poll::Ready(())
    }
}
${CT}
async fn main() {
    let slot = Arc::new(Mutex::new(None));
    let s2 = slot.clone();
    tokio::spawn(async move { Grab { slot: s2 }.await }).await.unwrap();
    let w = slot.lock().unwrap().take().unwrap();
    w.wake();
    println!("done");
}`);
    expect(r.stdout).toBe('done\n');
    expect(r.events.find((e) => e.kind === 'wake' && e.task === 1)).toMatchObject({
      effect: 'after-complete',
      op: 'wake',
    });
  });

  it('abort of a pending task cancels it: its future is dropped and the JoinHandle sees Cancelled', () => {
    const r = sim(`use std::time::Duration;
${CT}
async fn main() {
    let h = tokio::spawn(async { tokio::time::sleep(Duration::from_secs(10)).await; println!("never"); });
    tokio::task::yield_now().await;
    h.abort();
    let e = h.await.unwrap_err();
    println!("{} {}", e.is_cancelled(), e);
}`);
    expect(r.stdout).toBe('true task 1 was cancelled\n');
    const kinds = r.events
      .filter((e) => 'task' in e && (e as { task: number }).task === 1)
      .map((e) => e.kind);
    expect(kinds).toContain('abort');
    expect(kinds).toContain('cancel');
    // The sleep's timer left the wheel when the future was dropped.
    expect(r.events.some((e) => e.kind === 'timer-cancel')).toBe(true);
  });

  it('dropping a JoinHandle detaches the task; it still runs to completion', () => {
    const r = sim(`${CT}
async fn main() {
    drop(tokio::spawn(async { println!("detached task ran"); }));
    tokio::task::yield_now().await;
    println!("main");
}`);
    expect(r.stdout).toBe('detached task ran\nmain\n');
    expect(r.events.some((e) => e.kind === 'detach' && e.task === 1)).toBe(true);
    expect(r.events.find((e) => e.kind === 'complete' && e.task === 1)).toMatchObject({ outcome: 'ok' });
  });
});

describe('wakers (runtime/task/waker.rs)', () => {
  it('every clone is matched by a drop or a wake by value by the end of the run', () => {
    const r = sim(
      SELF_WAKE.replace(
        'cx.waker().wake_by_ref();\n        cx.waker().wake_by_ref();',
        'let w = cx.waker().clone();\n        w.wake();',
      ),
    );
    expect(r.stdout).toBe('2\n');
    const clones = r.events.filter((e) => e.kind === 'waker-clone').length;
    const drops = r.events.filter((e) => e.kind === 'waker-drop').length;
    const byValue = r.events.filter((e) => e.kind === 'wake' && e.op === 'wake').length;
    expect(clones).toBeGreaterThan(0);
    expect(drops + byValue).toBeGreaterThanOrEqual(clones);
  });
});

describe('time driver (runtime/time)', () => {
  it('rounds deadlines up to the next millisecond tick', () => {
    const r = sim(`use std::time::Duration;
${PAUSED}
async fn main() {
    tokio::time::sleep(Duration::from_micros(1500)).await;
    println!("{}", tokio::time::Instant::now().duration_since(tokio::time::Instant::now()).as_millis());
}`);
    const arm = r.events.find((e) => e.kind === 'timer-arm');
    expect(arm).toMatchObject({ deadline: 2_000_000 });
  });

  it('fires timers with the same deadline in registration order', () => {
    const r = sim(`use std::time::Duration;
${PAUSED}
async fn main() {
    let mut hs = Vec::new();
    for i in 0..4 {
        hs.push(tokio::spawn(async move {
            tokio::time::sleep(Duration::from_millis(5)).await;
            println!("{i}");
        }));
    }
    for h in hs { h.await.unwrap(); }
}`);
    expect(r.stdout).toBe('0\n1\n2\n3\n');
  });

  it('a paused clock jumps straight to the next timer when nothing else can run', () => {
    const r = sim(`use std::time::Duration;
${PAUSED}
async fn main() {
    let start = tokio::time::Instant::now();
    tokio::time::sleep(Duration::from_secs(3600)).await;
    println!("{:?}", start.elapsed());
}`);
    expect(r.stdout).toBe('3600s\n');
    expect(r.events.find((e) => e.kind === 'time-advance')).toMatchObject({ now: 3600e9, auto: 1 });
    // Machine time barely moved: the hour passed only on tokio's clock.
    expect(r.events[r.events.length - 1]!.time).toBeLessThan(1e6);
  });
});

describe('outcomes', () => {
  it('a deadlock names each stuck task and what it waits on', () => {
    const r = sim(`use tokio::sync::oneshot;
${CT}
async fn main() {
    let (_tx, rx) = oneshot::channel::<u32>();
    let h = tokio::spawn(async move { rx.await.unwrap() });
    println!("{}", h.await.unwrap());
}`);
    expect(r.outcome.kind).toBe('deadlock');
    expect(r.outcome.exitCode).toBe(3);
    expect(r.outcome.message).toMatch(/main \(the block_on future\) is waiting on the JoinHandle of task 1/);
    expect(r.outcome.message).toMatch(/task 1 is waiting on a oneshot value/);
  });

  it('a poll that never yields is stopped by a limit that says so', () => {
    const r = sim(`${CT}
async fn main() {
    let mut x = 0u64;
    loop { x += 1; }
}`);
    expect(r.outcome.kind).toBe('limit');
    expect(r.outcome.exitCode).toBe(4);
    expect(r.outcome.message).toMatch(/without returning/);
  });

  it('a panic in a spawned task becomes JoinError::Panic and a stderr line; main goes on', () => {
    const r = sim(`${CT}
async fn main() {
    let e = tokio::spawn(async { panic!("boom {}", 7); }).await.unwrap_err();
    println!("panic? {}", e.is_panic());
}`);
    expect(r.stdout).toBe('panic? true\n');
    expect(r.stderr).toMatch(/^thread 'main' panicked at src\/main\.rs:3:\d+:\nboom 7\n/);
    expect(r.outcome).toMatchObject({ kind: 'completed', exitCode: 0 });
  });

  it('code outside the subset is a diagnostic with a span and a hint, never a crash', () => {
    const r = sim(`mod net;\n${CT}\nasync fn main() {}`);
    expect(r.outcome.kind).toBe('unsupported');
    expect(r.diagnostics[0]).toMatchObject({
      message: expect.stringMatching(/loads another file/),
      span: { start: 0 },
    });
    expect(r.diagnostics[0]!.hint).toBeDefined();
  });

  it('plain #[tokio::main] is the multi_thread runtime, with 4 workers here', () => {
    const r = sim(`#[tokio::main]\nasync fn main() { println!("hi"); }`);
    expect(r.outcome.kind).toBe('completed');
    expect(r.stdout).toBe('hi\n');
    expect(r.runtime).toEqual({ flavor: 'multi_thread', workerThreads: 4, startPaused: false });
  });
});

describe('channels (sync/mpsc)', () => {
  it("an mpsc channel's counters follow receives as well as sends, bounded or not", () => {
    const channels = [
      ['unbounded_channel::<u32>()', 'tx.send(i).unwrap()'],
      ['channel::<u32>(4)', 'tx.send(i).await.unwrap()'],
    ];
    for (const [make, send] of channels) {
      const r = sim(`
${CT}
async fn main() {
    let (tx, mut rx) = tokio::sync::mpsc::${make};
    for i in 0..3u32 {
        ${send};
    }
    rx.recv().await;
    rx.recv().await;
    println!("{}", rx.try_recv().unwrap());
}`);
      expect(r.stdout).toBe('2\n');
      // Created empty, three sends, three receives (the drops at the end of main follow).
      const queued = r.events.flatMap((e) => (e.kind === 'chan-state' ? [e.queued] : []));
      expect(queued.slice(0, 7), make).toEqual([0, 1, 2, 3, 2, 1, 0]);
    }
  });
});

describe('determinism', () => {
  it('the same source and seed give byte-identical traces', () => {
    const src = SELF_WAKE;
    const a = simulate(src, { seed: 42 });
    const b = simulate(src, { seed: 42 });
    expect(formatTrace(a.trace)).toBe(formatTrace(b.trace));
  });
});

describe('the state machine’s fields (async-future.ts)', () => {
  it('re-suspending at the same .await records the fields again when they changed, and only then', () => {
    const r = sim(`${PAUSED}
async fn main() {
    let mut total = 0;
    for i in 1..=3u32 {
        tokio::time::sleep(std::time::Duration::from_millis(10)).await;
        total += i;
    }
    tokio::time::sleep(std::time::Duration::from_millis(10)).await;
    println!("{}", total);
}`);
    const states = r.events.filter(
      (e): e is Extract<TraceEvent, { kind: 'future-state' }> => e.kind === 'future-state' && e.future === 1,
    );
    // Suspend0 three times with the loop's new values, then Suspend1 (total only) and Returned.
    expect(states.map((e) => `${e.variant} ${localsText(e.locals)}`)).toEqual([
      'Unresumed ',
      'Suspend0 total = 0, i = 1, __awaitee',
      'Suspend0 total = 1, i = 2, __awaitee',
      'Suspend0 total = 3, i = 3, __awaitee',
      'Suspend1 total = 6, __awaitee',
      'Returned ',
    ]);
  });
});
