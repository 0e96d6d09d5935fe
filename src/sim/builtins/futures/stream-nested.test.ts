/**
 * flatten / flat_map / scan / peekable / select_next_some / try streams / StreamMap: the rules read off the
 * trace and the outputs that the conformance programs (futures_stream_*, futures_try_stream_*) do not
 * isolate.
 */
import { describe, expect, it } from 'vitest';
import type { TraceEvent } from '../../../trace/events';
import { simulate } from '../../simulate';

function run(body: string, uses = 'use futures::stream::{self, StreamExt, TryStreamExt};') {
  const src = `${uses}\nuse std::time::Duration;\n#[tokio::main(flavor = "current_thread", start_paused = true)]\nasync fn main() {\n${body}\n}\n`;
  const r = simulate(src, { profile: '1.24', seed: 1 });
  const events: TraceEvent[] = [];
  for (let i = 0; i < r.trace.length; i++) events.push(r.trace.get(i));
  return { ...r, events };
}

describe('flatten / flat_map (flatten.rs)', () => {
  it('calls the flat_map closure for the next item only once the current inner stream ended', () => {
    const r = run(`let v: Vec<u32> = stream::iter(1..=3u32)
    .flat_map(|n| { println!("open {n}"); stream::iter(0..n) })
    .take(3)
    .collect()
    .await;
println!("{v:?}");`);
    expect(r.outcome.kind, r.outcome.message).toBe('completed');
    expect(r.stdout).toBe('open 1\nopen 2\n[0, 0, 1]\n');
  });
});

describe('scan (scan.rs)', () => {
  it('keeps the state across items and ends for good at the first None', () => {
    const r = run(`let v: Vec<i32> = stream::iter(vec![1, 2, 3, 4, 5])
    .scan(1, |prod, x| { *prod *= x; futures::future::ready(if x == 4 { None } else { Some(*prod) }) })
    .collect()
    .await;
println!("{v:?}");`);
    expect(r.outcome.kind, r.outcome.message).toBe('completed');
    expect(r.stdout).toBe('[1, 2, 6]\n');
  });
});

describe('peekable (peek.rs)', () => {
  it('peek does not take the item; next returns it; peek at the end is None', () => {
    const r = run(`let mut s = stream::iter(vec![7, 8]).peekable();
let a = std::pin::Pin::new(&mut s).peek().await.copied();
let b = s.next().await;
let c = s.next().await;
let d = std::pin::Pin::new(&mut s).peek().await.copied();
println!("{a:?} {b:?} {c:?} {d:?}");`);
    expect(r.outcome.kind, r.outcome.message).toBe('completed');
    expect(r.stdout).toBe('Some(7) Some(7) Some(8) None\n');
  });
});

describe('select_next_some (select_next_some.rs)', () => {
  it('at the end of its stream wakes its own task by reference and stays Pending', () => {
    const r = run(
      `let mut s = stream::iter(vec![1]).fuse();
let mut got = 0;
loop {
    select! { x = s.select_next_some() => got += x, complete => break }
}
println!("{got}");`,
      'use futures::stream::{self, StreamExt};\nuse futures::select;',
    );
    expect(r.outcome.kind, r.outcome.message).toBe('completed');
    expect(r.stdout).toBe('1\n');
    const selfWakes = r.events.filter((e) => e.kind === 'wake' && e.task === 0 && e.op === 'wake_by_ref');
    expect(selfWakes.length).toBe(1);
  });
});

describe('future::select_all (select_all.rs)', () => {
  it('an empty Vec panics with the futures message', () => {
    const r = run(
      'let v: Vec<futures::future::Ready<u8>> = Vec::new();\nlet _ = futures::future::select_all(v).await;',
      'use futures::stream::StreamExt;',
    );
    expect(r.outcome.kind).toBe('panicked');
    expect(r.outcome.message).toContain('iterator provided to select_all was empty');
  });
});

describe('select_next_some refusal', () => {
  it('a stream that is not fused is refused with the span and the fix (rustc requires FusedStream)', () => {
    const r = run(
      'let mut s = stream::iter(vec![1]);\nlet x = s.select_next_some().await;\nprintln!("{x}");',
      'use futures::stream::{self, StreamExt};',
    );
    expect(r.outcome.kind).toBe('unsupported');
    expect(r.outcome.message).toContain('`select_next_some` needs a fused stream');
  });
});

describe('TryStreamExt', () => {
  it('try_next maps Ok(v) to Ok(Some(v)), an Err to itself, the end to Ok(None)', () => {
    const r = run(`let mut s = stream::iter(vec![Ok(1), Err("bad")]);
let a: Result<Option<i32>, &str> = s.try_next().await;
let b = s.try_next().await;
let c = s.try_next().await;
println!("{a:?} {b:?} {c:?}");`);
    expect(r.outcome.kind, r.outcome.message).toBe('completed');
    expect(r.stdout).toBe('Ok(Some(1)) Err("bad") Ok(None)\n');
  });

  it('map_err changes only errors; try_collect stops at the first', () => {
    const r = run(`let v: Result<Vec<i32>, String> = stream::iter(vec![Ok(1), Err(2), Err(3)])
    .map_err(|e: i32| format!("e{e}"))
    .try_collect()
    .await;
println!("{v:?}");`);
    expect(r.outcome.kind, r.outcome.message).toBe('completed');
    expect(r.stdout).toBe('Err("e2")\n');
  });
});

describe('StreamMap (stream_map.rs)', () => {
  it('yields (key, item), removes ended streams, and insert on an existing key replaces the stream', () => {
    const r = run(
      `let mut m = StreamMap::new();
m.insert("a", tokio_stream::iter(vec![1]));
let old = m.insert("a", tokio_stream::iter(vec![2, 3]));
println!("replaced: {}", old.is_some());
let mut seen = Vec::new();
while let Some((k, v)) = m.next().await { seen.push((k, v)); }
println!("{seen:?} {}", m.is_empty());`,
      'use tokio_stream::{StreamExt, StreamMap};',
    );
    expect(r.outcome.kind, r.outcome.message).toBe('completed');
    expect(r.stdout).toBe('replaced: true\n[("a", 2), ("a", 3)] true\n');
  });

  it('polls with the consuming task: a channel behind it wakes main', () => {
    const r = run(
      `let (tx, rx) = tokio::sync::mpsc::channel::<u8>(1);
let mut m = StreamMap::new();
m.insert(1, ReceiverStream::new(rx));
tokio::spawn(async move { tokio::time::sleep(Duration::from_millis(5)).await; tx.send(9).await.unwrap(); });
println!("{:?}", m.next().await);`,
      'use tokio_stream::{wrappers::ReceiverStream, StreamExt, StreamMap};',
    );
    expect(r.outcome.kind, r.outcome.message).toBe('completed');
    expect(r.stdout).toBe('Some((1, 9))\n');
    const chan = r.events.find((e) => e.kind === 'resource-new' && e.type === 'mpsc');
    expect(chan).toBeDefined();
    const wakes = r.events.filter(
      (e) =>
        e.kind === 'wake' &&
        e.task === 0 &&
        'resource' in e &&
        e.resource === (chan as { resource: number }).resource,
    );
    expect(wakes.length).toBeGreaterThan(0);
  });
});
