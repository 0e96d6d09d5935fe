/**
 * Runtimes built by the program and by `#[tokio::main]` (sim/rt): task ids as tokio 1.24 hands them out,
 * several runtimes side by side, `block_on` nesting, shutdown, and a plain `fn main`. Outputs of whole
 * programs are checked against real tokio in tests/conformance (rt_*); these tests pin the trace's side.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { TraceEvent } from '../../trace/events';
import { simulate } from '../simulate';

function run(src: string) {
  const r = simulate(src, { profile: '1.24', seed: 1 });
  const events: TraceEvent[] = [];
  for (let i = 0; i < r.trace.length; i++) events.push(r.trace.get(i));
  return { ...r, events };
}

function spawns(events: TraceEvent[]) {
  return events.filter((e): e is Extract<TraceEvent, { kind: 'spawn' }> => e.kind === 'spawn');
}

describe('task ids (task::Id::next, one counter per process)', () => {
  it('multi_thread workers take ids 1..n (Launch::launch runs them through spawn_blocking)', () => {
    const r = run(`
#[tokio::main(flavor = "multi_thread", worker_threads = 3)]
async fn main() {
    let h = tokio::spawn(async { 1 });
    h.abort();
    let t = tokio::spawn(async { tokio::time::sleep(std::time::Duration::from_secs(9)).await });
    t.abort();
    println!("{}", t.await.unwrap_err());
}`);
    expect(spawns(r.events).map((s) => s.task)).toEqual([0, 4, 5]);
    expect(r.stdout).toBe('task 5 was cancelled\n');
  });

  it('a current_thread runtime has no worker threads: the first task is 1', () => {
    const r = run(`
fn main() {
    let rt = tokio::runtime::Builder::new_current_thread().build().unwrap();
    rt.block_on(async { tokio::spawn(async {}).await.unwrap() });
}`);
    expect(spawns(r.events).map((s) => [s.task, s.mode])).toEqual([
      [0, 'async'],
      [1, 'async'],
    ]);
  });

  it('block_in_place hands the core to a thread started through spawn_blocking, which takes an id', () => {
    const r = run(`
#[tokio::main(flavor = "multi_thread", worker_threads = 1)]
async fn main() {
    tokio::spawn(async { tokio::task::block_in_place(|| 1) }).await.unwrap();
    tokio::spawn(async {}).await.unwrap();
}`);
    // Worker: id 1; the first task: 2; the handoff thread: 3; the second task: 4.
    expect(spawns(r.events).map((s) => s.task)).toEqual([0, 2, 4]);
  });

  it('a second block_on future has its own trace id (mode block_on) and takes no tokio id', () => {
    const r = run(`
fn main() {
    let rt = tokio::runtime::Builder::new_current_thread().build().unwrap();
    rt.block_on(async {});
    let e = rt.block_on(async {
        let h = tokio::spawn(async { tokio::time::sleep(std::time::Duration::from_secs(9)).await });
        h.abort();
        h.await.unwrap_err()
    });
    println!("{e}");
}`);
    expect(spawns(r.events).map((s) => [s.task, s.mode])).toEqual([
      [0, 'async'],
      [1, 'block_on'],
      [2, 'async'],
    ]);
    // tokio's first task is task 1: the block_on future is not a task.
    expect(r.stdout).toBe('task 1 was cancelled\n');
  });
});

describe('several runtimes', () => {
  it("each task runs on its own runtime's threads, wherever it is woken from", () => {
    const r = run(`
use tokio::runtime::Builder;
fn main() {
    let a = Builder::new_multi_thread().worker_threads(1).thread_name("a").enable_all().build().unwrap();
    let b = Builder::new_multi_thread().worker_threads(1).thread_name("b").enable_all().build().unwrap();
    let (tx, rx) = tokio::sync::oneshot::channel::<u32>();
    let ha = a.spawn(async move { rx.await.unwrap() + 1 });
    let hb = b.spawn(async move {
        tokio::time::sleep(std::time::Duration::from_millis(5)).await;
        tx.send(41).unwrap();
    });
    b.block_on(hb).unwrap();
    println!("{}", a.block_on(ha).unwrap());
}`);
    expect(r.outcome.kind).toBe('completed');
    expect(r.stdout).toBe('42\n');
    const workers = r.events.filter((e) => e.kind === 'thread-start' && e.role === 'worker');
    expect(workers).toHaveLength(2);
    const [wa, wb] = workers.map((w) => w.thread);
    // Worker a took id 1, worker b id 2: the tasks are 3 (on a) and 4 (on b).
    const pollsOf = (task: number) =>
      new Set(r.events.filter((e) => e.kind === 'poll' && e.task === task).map((e) => e.thread));
    expect(pollsOf(3)).toEqual(new Set([wa]));
    expect(pollsOf(4)).toEqual(new Set([wb]));
  });

  it('block_on inside a runtime panics as tokio does', () => {
    const r = run(`
fn main() {
    let rt = tokio::runtime::Runtime::new().unwrap();
    rt.block_on(async {
        let inner = tokio::runtime::Builder::new_current_thread().build().unwrap();
        inner.block_on(async {});
    });
}`);
    expect(r.outcome.kind).toBe('panicked');
    expect(r.stderr).toContain('Cannot start a runtime from within a runtime.');
  });
});

describe('a plain fn main', () => {
  it('runs without any runtime; tokio::spawn there panics with tokio message', () => {
    const r = run(`
fn main() {
    println!("hi");
    tokio::spawn(async {});
}`);
    expect(r.stdout).toBe('hi\n');
    expect(r.outcome.exitCode).toBe(101);
    expect(r.stderr).toContain(
      'there is no reactor running, must be called from the context of a Tokio 1.x runtime',
    );
  });

  it('a std recv nothing can satisfy is a deadlock that names the blocked thread and call', () => {
    const r = run(`
fn main() {
    let (tx, rx) = std::sync::mpsc::channel::<u8>();
    let _keep = tx.clone();
    drop(tx);
    rx.recv().unwrap();
}`);
    expect(r.outcome.kind).toBe('deadlock');
    expect(r.outcome.message).toMatch(/thread main is blocked: std mpsc Receiver::recv/);
  });

  it('dropping a runtime at the end of main still waits for its running blocking job', () => {
    const r = run(`
fn main() {
    let rt = tokio::runtime::Runtime::new().unwrap();
    rt.spawn_blocking(|| {
        std::thread::sleep(std::time::Duration::from_millis(50));
        println!("blocking job finished");
    });
    std::thread::sleep(std::time::Duration::from_millis(1));
    println!("main returns");
}`);
    expect(r.stdout).toBe('main returns\nblocking job finished\n');
    expect(r.outcome.kind).toBe('completed');
  });
});

describe('tokio mpsc', () => {
  it('try_recv after rx.close() with a Sender alive is Empty, Disconnected once it is dropped', () => {
    const r = run(`
#[tokio::main(flavor = "current_thread")]
async fn main() {
    let (tx, mut rx) = tokio::sync::mpsc::channel::<u8>(1);
    rx.close();
    println!("{:?}", rx.try_recv());
    drop(tx);
    println!("{:?}", rx.try_recv());
}`);
    expect(r.stdout).toBe('Err(Empty)\nErr(Disconnected)\n');
  });
});

describe('Handle::block_on on a current_thread runtime (CachedParkThread, no core)', () => {
  it("polls its future on the calling thread; the task it spawns waits in the inject queue for main's Runtime::block_on", () => {
    const r = run(`
use tokio::runtime::Builder;
fn main() {
    let rt = Builder::new_current_thread().enable_all().build().unwrap();
    let handle = rt.handle().clone();
    let (tx, rx) = tokio::sync::oneshot::channel::<u32>();
    let t = std::thread::spawn(move || {
        let v = handle.block_on(async {
            let task = tokio::spawn(async {
                tokio::time::sleep(std::time::Duration::from_millis(5)).await;
                5
            });
            task.await.unwrap()
        });
        tx.send(v).unwrap();
    });
    println!("{}", rt.block_on(async { rx.await.unwrap() }));
    t.join().unwrap();
}`);
    expect(r.outcome.kind).toBe('completed');
    expect(r.stdout).toBe('5\n');
    const std = r.events.find((e) => e.kind === 'thread-start' && e.role === 'std')!.thread;
    const spawned = spawns(r.events).find((s) => s.mode === 'async' && s.task > 0)!;
    // Spawned from the std thread (not the core's thread): remote, into runtime 1's inject queue.
    const queued = r.events.find((e) => e.kind === 'schedule' && e.task === spawned.task)!;
    expect(queued).toMatchObject({ thread: std, where: 'inject', core: -1 });
    // Polled on main, the thread in Runtime::block_on; the std thread parks between polls of its future.
    const poll = r.events.find((e) => e.kind === 'poll' && e.task === spawned.task)!;
    expect(poll.thread).toBe(0);
    expect(r.events.some((e) => e.kind === 'park' && e.thread === std)).toBe(true);
  });

  it('drives no timer: with nobody in Runtime::block_on a sleep never fires, and the report says why', () => {
    const r = run(`
fn main() {
    let rt = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
    rt.handle().block_on(async { tokio::time::sleep(std::time::Duration::from_millis(10)).await });
}`);
    expect(r.outcome.kind).toBe('deadlock');
    expect(r.outcome.message).toContain(
      'runtime 1 (current_thread) is driven by no thread: only `Runtime::block_on` runs its tasks and turns its timer',
    );
  });
});

describe('sockets on several runtimes (each registers with the I/O driver of the runtime it was made on)', () => {
  it("a server on one runtime and its client on another: each socket's readiness reaches its own driver", () => {
    const r = run(readFileSync('tests/conformance/rt_tcp_server_and_client_runtimes.rs', 'utf8'));
    expect(r.outcome.kind).toBe('completed');
    expect(r.stdout).toBe(readFileSync('tests/conformance/rt_tcp_server_and_client_runtimes.stdout', 'utf8'));
    // Driver turns that delivered events happened on both runtimes' threads (main: the client's
    // current_thread runtime; a worker: the server's).
    const threads = new Map<number, string>();
    for (const e of r.events) if (e.kind === 'thread-start') threads.set(e.thread, e.role);
    const roles = new Set(
      r.events.filter((e) => e.kind === 'io-turn' && e.events > 0).map((e) => threads.get(e.thread)),
    );
    expect([...roles].sort()).toEqual(['main', 'worker']);
  });

  it('a runtime without enable_io panics as tokio does when a socket is made', () => {
    const r = run(`
fn main() {
    let rt = tokio::runtime::Builder::new_current_thread().enable_time().build().unwrap();
    rt.block_on(async { tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap(); });
}`);
    expect(r.outcome.kind).toBe('panicked');
    expect(r.stderr).toContain(
      'A Tokio 1.x context was found, but IO is disabled. Call `enable_io` on the runtime builder to enable IO.',
    );
  });
});

describe('blocking on a future inside a task', () => {
  it("futures' block_on parks the runtime's only thread: the deadlock report says the queued task cannot be polled and why", () => {
    const r = run(readFileSync('tests/conformance/exec_futures_block_on_in_task_hangs.rs', 'utf8'));
    expect(r.outcome.kind).toBe('deadlock');
    expect(r.outcome.message).toContain(
      "`futures::executor::block_on` inside a task parks the thread that runs this runtime's tasks",
    );
    expect(r.outcome.message).toContain(
      'task 1 is queued, ready to be polled, but the thread that would poll it is blocked: main (in the poll of main)',
    );
  });

  it("tokio's Handle::block_on inside a task panics as tokio 1.24 does", () => {
    const r = run(readFileSync('tests/conformance/rt_handle_block_on_inside_task.rs', 'utf8'));
    expect(r.stdout).toBe(readFileSync('tests/conformance/rt_handle_block_on_inside_task.stdout', 'utf8'));
    expect(r.stderr).toContain('Cannot start a runtime from within a runtime.');
  });
});
