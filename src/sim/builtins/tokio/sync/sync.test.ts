/**
 * The sync primitives' mechanisms that a conformance recording cannot show: what the deadlock report and
 * its wait-for graph say about a task stuck on an RwLock, a Barrier or a OnceCell, how a OnceCell recovers
 * from a failed initializer, and the errors and panics std and tokio raise on misuse. Their observable
 * behaviour is pinned against real tokio by tests/conformance (api_rwlock_*, api_barrier_*, api_oncecell_*,
 * api_*_error*, exec_atomics_scope).
 */
import { describe, expect, it } from 'vitest';
import { simulate, type SimResult } from '../../../simulate';
import type { TraceEvent } from '../../../../trace/events';
import { waitCycle } from '../../../../trace/wait-for';

const CT = '#[tokio::main(flavor = "current_thread")]';

function sim(src: string): SimResult & { events: TraceEvent[] } {
  const r = simulate(src, { limits: { maxEvents: 200_000, maxStepsPerPoll: 100_000 } });
  return { ...r, events: [...r.trace.events()] };
}

/** The id of the first resource of `type` the run created. */
function resourceOf(events: TraceEvent[], type: string): number {
  for (const e of events) if (e.kind === 'resource-new' && e.type === type) return e.resource;
  throw new Error(`no ${type} resource`);
}

describe('deadlocks on RwLock, Barrier and OnceCell', () => {
  it('a write lock asked for while the same task reads is a cycle through the RwLock', () => {
    const r = sim(`use tokio::sync::RwLock;
${CT}
async fn main() {
    let lock = RwLock::new(1);
    let _r = lock.read().await;
    let _w = lock.write().await;
}`);
    expect(r.outcome.kind).toBe('deadlock');
    expect(r.outcome.message).toContain('the write lock of an RwLock (1 reader, 1 waiting)');
    const lock = resourceOf(r.events, 'rwlock');
    const wf = r.outcome.waitFor!;
    expect(wf.waits).toContainEqual(expect.objectContaining({ task: 0, resource: lock }));
    // The reader holding one permit is the waiting task itself.
    expect(wf.holds).toContainEqual({ resource: lock, task: 0, permits: 1 });
  });

  it('tasks short of a Barrier wait on the barrier and say how many arrived', () => {
    const r = sim(`use std::sync::Arc;
use tokio::sync::Barrier;
${CT}
async fn main() {
    let b = Arc::new(Barrier::new(3));
    let b2 = b.clone();
    let h = tokio::spawn(async move { b2.wait().await; });
    b.wait().await;
    h.await.unwrap();
}`);
    expect(r.outcome.kind).toBe('deadlock');
    expect(r.outcome.message).toContain('Barrier::wait (2 of 3 arrived)');
    const barrier = resourceOf(r.events, 'barrier');
    const waiting = r.outcome.waitFor!.waits.filter((w) => w.resource === barrier).map((w) => w.task);
    expect(waiting.sort()).toEqual([0, 1]);
  });

  it('a OnceCell initializer that waits for its own cell holds the permit it waits on', () => {
    const r = sim(`use tokio::sync::OnceCell;
static CELL: OnceCell<u32> = OnceCell::const_new();
${CT}
async fn main() {
    let h = tokio::spawn(async { *CELL.get_or_init(|| async { 1 }).await });
    let v = CELL
        .get_or_init(|| async {
            tokio::task::yield_now().await;
            h.await.unwrap() + 1
        })
        .await;
    println!("{v}");
}`);
    expect(r.outcome.kind).toBe('deadlock');
    expect(r.outcome.message).toContain('a OnceCell being initialized by another task');
    const cell = resourceOf(r.events, 'oncecell');
    expect(r.outcome.waitFor!.holds).toContainEqual({ resource: cell, task: 0, permits: 1 });
  });

  it('two tasks locking two std Mutexes in opposite order form a cycle through both locks', () => {
    const r = sim(`use std::sync::{Arc, Mutex};
use std::time::Duration;
#[tokio::main(flavor = "multi_thread", worker_threads = 2)]
async fn main() {
    let a = Arc::new(Mutex::new(0));
    let b = Arc::new(Mutex::new(0));
    let (a2, b2) = (a.clone(), b.clone());
    let t1 = tokio::spawn(async move {
        let _ga = a2.lock().unwrap();
        std::thread::sleep(Duration::from_millis(10));
        let _gb = b2.lock().unwrap();
    });
    let t2 = tokio::spawn(async move {
        let _gb = b.lock().unwrap();
        std::thread::sleep(Duration::from_millis(10));
        let _ga = a.lock().unwrap();
    });
    t1.await.unwrap();
    t2.await.unwrap();
}`);
    expect(r.outcome.kind).toBe('deadlock');
    expect(r.outcome.message).toMatch(
      /task \d is stuck in a poll: its thread worker \d is blocked: waiting for a std::sync::Mutex/,
    );
    const mutexes = r.events.flatMap((e) =>
      e.kind === 'resource-new' && e.type === 'std-mutex' ? [e.resource] : [],
    );
    const wf = r.outcome.waitFor!;
    const cycle = waitCycle(wf);
    expect(cycle).not.toBeNull();
    const inCycle = cycle!.flatMap((n) => ('resource' in n ? [n.resource] : []));
    expect(inCycle.sort()).toEqual(mutexes.sort());
  });
});

describe('OnceCell', () => {
  it('gives the permit back when an initializer panics, so the next caller initializes', () => {
    const r = sim(`use std::sync::Arc;
use tokio::sync::OnceCell;
${CT}
async fn main() {
    let cell = Arc::new(OnceCell::new());
    let c = cell.clone();
    let bad = tokio::spawn(async move {
        c.get_or_init(|| async {
            tokio::task::yield_now().await;
            panic!("init failed")
        })
        .await;
    });
    tokio::task::yield_now().await;
    println!("initializing: {}", cell.set(0u8).unwrap_err().is_initializing_err());
    println!("bad: {}", bad.await.unwrap_err().is_panic());
    println!("{}", cell.get_or_init(|| async { 7 }).await);
}`);
    expect(r.outcome.kind, r.outcome.message).toBe('completed');
    expect(r.stdout).toBe('initializing: true\nbad: true\n7\n');
  });
});

describe('misuse', () => {
  it('an atomic load with Release ordering panics with std message', () => {
    const r = sim(`use std::sync::atomic::{AtomicU32, Ordering};
${CT}
async fn main() {
    let a = AtomicU32::new(1);
    println!("{}", a.load(Ordering::Release));
}`);
    expect(r.outcome.kind).toBe('panicked');
    expect(r.stderr).toContain('there is no such thing as a release load');
  });

  it('a scoped thread that panics unjoined makes thread::scope panic after all threads end', () => {
    const r = sim(`use std::thread;
${CT}
async fn main() {
    thread::scope(|s| {
        s.spawn(|| panic!("inner"));
        s.spawn(|| println!("other thread ran"));
    });
    println!("not reached");
}`);
    expect(r.stdout).toBe('other thread ran\n');
    expect(r.stderr).toContain('a scoped thread panicked');
  });

  it('into_panic on a cancelled task panics as tokio expect() does', () => {
    const r = sim(`${CT}
async fn main() {
    let h = tokio::spawn(tokio::time::sleep(std::time::Duration::from_secs(1)));
    h.abort();
    let _ = h.await.unwrap_err().into_panic();
}`);
    expect(r.stderr).toContain('`JoinError` reason is not a panic.: JoinError::Cancelled(Id(1))');
  });

  it('JoinSet::spawn_blocking is refused under 1.24, where it does not exist', () => {
    const r = simulate(`${CT}
async fn main() {
    let mut set = tokio::task::JoinSet::new();
    set.spawn_blocking(|| 1);
}`);
    expect(r.outcome.kind).toBe('unsupported');
    expect(r.outcome.message).toContain('arrived in 1.28');
  });
});

describe('std locks', () => {
  it('a std RwLock write asked for while this thread reads blocks the thread, in the wait-for graph', () => {
    const r = sim(`use std::sync::RwLock;
${CT}
async fn main() {
    let lock = RwLock::new(1);
    let _r = lock.read().unwrap();
    let _w = lock.write().unwrap();
}`);
    expect(r.outcome.kind).toBe('deadlock');
    expect(r.outcome.message).toContain(
      'its thread main is blocked: waiting for a std::sync::RwLock write lock',
    );
    const lock = resourceOf(r.events, 'rwlock');
    expect(r.outcome.waitFor!.holds).toContainEqual({ resource: lock, task: 0, permits: 1 });
  });

  it('a OnceLock whose initializer panicked stays empty, and the next get_or_init runs its own', () => {
    const r = sim(`use std::sync::OnceLock;
static CELL: OnceLock<u32> = OnceLock::new();
${CT}
async fn main() {
    let t = std::thread::spawn(|| { CELL.get_or_init(|| panic!("no config")); });
    println!("thread panicked: {}", t.join().is_err());
    println!("{:?} then {}", CELL.get(), CELL.get_or_init(|| 3));
}`);
    expect(r.outcome.kind, r.outcome.message).toBe('completed');
    expect(r.stdout).toBe('thread panicked: true\nNone then 3\n');
  });
});
