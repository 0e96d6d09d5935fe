/**
 * The polling rules of the `futures` / `tokio_stream` combinators, read off the trace: which child each
 * combinator polled, and when. Whole programs are checked against real tokio in tests/conformance
 * (`futures_*`, `tut_stream*`); these tests pin the trace's side of the rules.
 */
import { describe, expect, it } from 'vitest';
import type { TraceEvent } from '../../../trace/events';
import { simulate } from '../../simulate';

type Ev<K extends TraceEvent['kind']> = Extract<TraceEvent, { kind: K }>;

function run(body: string, items = '', uses = '') {
  const src = `${uses}\nuse std::time::Duration;\nuse tokio::time::sleep;\n${items}\n#[tokio::main(flavor = "current_thread", start_paused = true)]\nasync fn main() {\n${body}\n}\n`;
  const r = simulate(src, { profile: '1.24', seed: 1 });
  const events: TraceEvent[] = [];
  for (let i = 0; i < r.trace.length; i++) events.push(r.trace.get(i));
  return { ...r, events };
}

/** How many times each future named `name` was polled, in creation order. */
function pollsOf(events: TraceEvent[], name: string): number[] {
  const ids = events
    .filter((e): e is Ev<'future-new'> => e.kind === 'future-new' && e.name === name)
    .map((e) => e.future);
  return ids.map((id) => events.filter((e) => e.kind === 'poll-child' && e.future === id).length);
}

const JOB = 'async fn job(ms: u64) -> u64 { sleep(Duration::from_millis(ms)).await; ms }';

describe('join_all (future/join_all.rs, the small kind)', () => {
  it('polls every unfinished child on each poll: the slowest child is polled once per wake', () => {
    const r = run(
      'let v = join_all(vec![job(10), job(20), job(30)]).await;\nprintln!("{v:?}");',
      JOB,
      'use futures::future::join_all;',
    );
    expect(r.stdout).toBe('[10, 20, 30]\n');
    expect(pollsOf(r.events, 'JobFuture')).toEqual([2, 3, 4]);
  });
});

describe('FuturesUnordered (stream/futures_unordered/mod.rs)', () => {
  it('polls only the woken children: each sleep is polled when pushed and when its timer fires', () => {
    const r = run(
      'let mut s = FuturesUnordered::new();\nfor ms in [30, 10, 20] { s.push(job(ms)); }\nwhile let Some(ms) = s.next().await { println!("{ms}"); }',
      JOB,
      'use futures::stream::{FuturesUnordered, StreamExt};',
    );
    expect(r.stdout).toBe('10\n20\n30\n');
    expect(pollsOf(r.events, 'JobFuture')).toEqual([2, 2, 2]);
  });

  it('is empty and ends with None once every child finished', () => {
    const r = run(
      'let mut s: FuturesUnordered<_> = [job(1)].into_iter().collect();\nprintln!("{:?} {:?} {}", s.next().await, s.next().await, s.is_empty());',
      JOB,
      'use futures::stream::{FuturesUnordered, StreamExt};',
    );
    expect(r.stdout).toBe('Some(1) None true\n');
  });
});

describe('select (future/select.rs)', () => {
  it('is biased to the first future: with both ready it never polls the second', () => {
    const r = run(
      'match select(Box::pin(job(0)), Box::pin(job(0))).await { Either::Left((v, _)) => println!("left {v}"), Either::Right(_) => println!("right") }',
      JOB,
      'use futures::future::{select, Either};',
    );
    expect(r.stdout).toBe('left 0\n');
    // `sleep(0)` is ready at its first poll, so the first job finishes there and the second is never polled.
    expect(pollsOf(r.events, 'JobFuture')).toEqual([1, 0]);
  });
});

describe('ReceiverStream (wrappers/mpsc_bounded.rs)', () => {
  it("`next().await` registers the main task's waker in the channel, which the sender wakes", () => {
    const r = run(
      'let (tx, rx) = mpsc::channel(1);\ntokio::spawn(async move { sleep(Duration::from_millis(5)).await; tx.send(7).await.unwrap(); });\nlet mut s = ReceiverStream::new(rx);\nwhile let Some(v) = s.next().await { println!("{v}"); }',
      '',
      'use tokio::sync::mpsc;\nuse tokio_stream::{wrappers::ReceiverStream, StreamExt};',
    );
    expect(r.stdout).toBe('7\n');
    const chan = r.events.find(
      (e): e is Ev<'resource-new'> => e.kind === 'resource-new' && e.type === 'mpsc',
    );
    expect(chan).toBeDefined();
    const regs = r.events.filter(
      (e) => e.kind === 'register' && e.resource === chan!.resource && e.task === 0,
    );
    expect(regs.length).toBeGreaterThan(0);
    const wakes = r.events.filter((e) => e.kind === 'wake' && e.resource === chan!.resource && e.task === 0);
    expect(wakes.length).toBeGreaterThan(0);
  });
});

describe('tokio_stream::iter (iter.rs)', () => {
  it('yields to the runtime after 32 items: the 33rd poll_next (here the one that would see the end) is Pending', () => {
    const polls = (n: number) =>
      run(
        `let c = tokio_stream::iter(0..${n}).fold(0, |a, _| a + 1).await;\nprintln!("{c}");`,
        '',
        'use tokio_stream::StreamExt;',
      ).events.filter((e) => e.kind === 'poll' && e.task === 0).length;
    expect(polls(31)).toBe(1);
    expect(polls(32)).toBe(2);
    expect(polls(70)).toBe(3);
  });
});

describe("a program's `impl Stream`", () => {
  it('gets StreamExt and its poll_next is called through Pin<&mut Self>', () => {
    const r = run(
      'let v: Vec<u32> = Count { n: 0 }.map(|x| x * 10).collect().await;\nprintln!("{v:?}");',
      `struct Count { n: u32 }
impl Stream for Count {
    type Item = u32;
    fn poll_next(mut self: Pin<&mut Self>, _cx: &mut Context<'_>) -> Poll<Option<u32>> {
        if self.n == 3 { return Poll::Ready(None); }
        self.n += 1;
        Poll::Ready(Some(self.n))
    }
}`,
      'use std::pin::Pin;\nuse std::task::{Context, Poll};\nuse tokio_stream::{Stream, StreamExt};',
    );
    expect(r.outcome.kind, r.outcome.message).toBe('completed');
    expect(r.stdout).toBe('[10, 20, 30]\n');
  });
});

describe('refusals', () => {
  it('a map closure that blocks its thread is refused with the closure named', () => {
    const r = run(
      'let v: Vec<u32> = futures::stream::iter(vec![1]).map(|x| { std::thread::sleep(Duration::from_millis(1)); x }).collect().await;\nprintln!("{v:?}");',
      '',
      'use futures::StreamExt;',
    );
    expect(r.outcome.kind).toBe('unsupported');
    expect(r.outcome.message).toContain('stream closure that blocks its thread');
  });

  it('a crate other than the available ones is refused before the run, listing the ones there are', () => {
    const r = run('', '', 'use async_stream::stream;');
    expect(r.outcome.message).toContain('the crate `async_stream` is not available in Pollscope');
    expect(r.trace.length).toBe(0);
  });
});
