/**
 * Hand-written executors, one mechanism each: the park token, Condvar hand-off, std `Wake` wakers and
 * their Arc counts, user tasks in the trace (spawn / poll / wake naming the future the program's loop
 * drives), `Pin::set`, `poll_fn`, and futures' `block_on` refusing to nest. Whole programs checked against
 * real Rust are the `exec_*` conformance programs.
 */
import { describe, expect, it } from 'vitest';
import type { TraceEvent } from '../../../trace/events';
import { simulate } from '../../simulate';

function run(src: string) {
  const r = simulate(src, { profile: '1.24', seed: 1 });
  return { ...r, events: [...r.trace.events()] as TraceEvent[] };
}

const WAKE_PRELUDE = `
use std::future::Future;
use std::pin::Pin;
use std::sync::{Arc, Mutex};
use std::task::{Context, Poll, Wake, Waker};
struct Count(Mutex<u32>);
impl Wake for Count {
    fn wake(self: Arc<Self>) { *self.0.lock().unwrap() += 1; }
}
`;

describe('hand-written executors', () => {
  it('an unpark before the park leaves a token: the next park returns at once', () => {
    const r = run(`
use std::thread;
fn main() {
    thread::current().unpark();
    thread::park();
    println!("not blocked");
}`);
    expect(r.outcome.kind).toBe('completed');
    expect(r.stdout).toBe('not blocked\n');
    expect(r.events.some((e) => e.kind === 'block')).toBe(false);
  });

  it('a park nobody unparks is a deadlock that names the park', () => {
    const r = run(`fn main() { std::thread::park(); }`);
    expect(r.outcome.kind).toBe('deadlock');
    expect(r.outcome.message).toContain('std::thread::park');
  });

  it('Condvar::wait releases the mutex and takes it back after notify_one', () => {
    const r = run(`
use std::sync::{Arc, Condvar, Mutex};
use std::thread;
fn main() {
    let pair = Arc::new((Mutex::new(false), Condvar::new()));
    let p2 = pair.clone();
    let h = thread::spawn(move || {
        let (m, cv) = &*p2;
        *m.lock().unwrap() = true;
        cv.notify_one();
    });
    let (m, cv) = &*pair;
    let mut ready = m.lock().unwrap();
    while !*ready { ready = cv.wait(ready).unwrap(); }
    println!("ready: {}", *ready);
    drop(ready);
    h.join().unwrap();
}`);
    expect(r.outcome.kind).toBe('completed');
    expect(r.stdout).toBe('ready: true\n');
  });

  it('a Waker made from an Arc counts in Arc::strong_count and runs the program\u2019s wake', () => {
    const r = run(`${WAKE_PRELUDE}
fn main() {
    let c = Arc::new(Count(Mutex::new(0)));
    let w = Waker::from(c.clone());
    let w2 = w.clone();
    println!("{}", Arc::strong_count(&c));
    w2.wake();
    w.wake_by_ref();
    println!("{} {}", Arc::strong_count(&c), *c.0.lock().unwrap());
    drop(w);
    println!("{}", Arc::strong_count(&c));
}`);
    expect(r.stdout).toBe('3\n2 2\n1\n');
  });

  it('each future the program polls from main is a user task: spawn, poll from main, wakes name it', () => {
    const r = run(`${WAKE_PRELUDE}
fn main() {
    let c = Arc::new(Count(Mutex::new(0)));
    let w = Waker::from(c.clone());
    let mut cx = Context::from_waker(&w);
    let mut fut = Box::pin(std::future::poll_fn(|cx| {
        cx.waker().wake_by_ref();
        Poll::<()>::Pending
    }));
    let p = fut.as_mut().poll(&mut cx);
    println!("{:?} {}", p, *c.0.lock().unwrap());
}`);
    expect(r.stdout).toBe('Pending 1\n');
    const spawn = r.events.find((e) => e.kind === 'spawn');
    expect(spawn).toMatchObject({ mode: 'block_on' });
    const id = (spawn as Extract<TraceEvent, { kind: 'spawn' }>).task;
    expect(r.events.find((e) => e.kind === 'poll')).toMatchObject({ task: id, from: 'main' });
    expect(r.events.find((e) => e.kind === 'wake')).toMatchObject({ task: id, by: id, op: 'wake_by_ref' });
  });

  it('the program\u2019s own future type polled by its own loop is a user task, complete when Ready', () => {
    const r = run(`
use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll, Waker};
struct Two(u32);
impl Future for Two {
    type Output = u32;
    fn poll(mut self: Pin<&mut Self>, _cx: &mut Context<'_>) -> Poll<u32> {
        self.0 += 1;
        if self.0 == 2 { Poll::Ready(self.0) } else { Poll::Pending }
    }
}
fn main() {
    let mut cx = Context::from_waker(Waker::noop());
    let mut f = Two(0);
    while Pin::new(&mut f).poll(&mut cx).is_pending() {}
    println!("{}", f.0);
}`);
    expect(r.stdout).toBe('2\n');
    const kinds = r.events.filter((e) => ['spawn', 'poll', 'complete'].includes(e.kind)).map((e) => e.kind);
    expect(kinds).toEqual(['spawn', 'poll', 'poll', 'complete']);
  });

  it('Pin::set drops the old future and polls the new one', () => {
    const r = run(`
use std::future::Future;
use std::task::{Context, Poll, Waker};
fn main() {
    let mut cx = Context::from_waker(Waker::noop());
    let mut f = Box::pin(std::future::ready(1));
    f.set(std::future::ready(2));
    println!("{:?}", f.as_mut().poll(&mut cx));
}`);
    expect(r.stdout).toBe('Ready(2)\n');
  });

  it('ready! returns Pending out of poll and gives the output once Ready', () => {
    const r = run(`
use std::future::Future;
use std::pin::Pin;
use std::task::{ready, Context, Poll, Waker};
struct Outer { inner: Pin<Box<dyn Future<Output = u32>>> }
impl Future for Outer {
    type Output = u32;
    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<u32> {
        let v = ready!(self.inner.as_mut().poll(cx));
        Poll::Ready(v + 1)
    }
}
fn main() {
    let mut cx = Context::from_waker(Waker::noop());
    let mut p = Outer { inner: Box::pin(std::future::pending()) };
    println!("{:?}", Pin::new(&mut p).poll(&mut cx));
    let mut r = Outer { inner: Box::pin(std::future::ready(41)) };
    println!("{:?}", Pin::new(&mut r).poll(&mut cx));
}`);
    expect(r.stdout).toBe('Pending\nReady(42)\n');
  });

  it('futures::executor::block_on inside block_on panics as futures does', () => {
    const r = run(`
fn main() {
    futures::executor::block_on(async {
        futures::executor::block_on(async {});
    });
}`);
    expect(r.outcome.kind).toBe('panicked');
    expect(r.stderr).toContain('cannot execute `LocalPool` executor from within another executor');
  });
});
