/**
 * `futures::select!` / `select_biased!` (futures-select.ts): the rules of futures-macro's `select.rs`
 * that whole programs (tests/conformance/futures_select_*) do not pin down one by one.
 */
import { describe, expect, it } from 'vitest';
import { simulate } from '../simulate';

function run(body: string, uses = 'use futures::{select, select_biased, FutureExt, future};', seed = 1) {
  const src = `${uses}\nuse std::time::Duration;\n#[tokio::main(flavor = "current_thread", start_paused = true)]\nasync fn main() {\n${body}\n}\n`;
  return simulate(src, { profile: '1.24', seed });
}

const BOTH_READY = `let mut a = future::ready(1);
let mut b = future::ready(2);
let v = SELECT! { x = a => x, y = b => y };
println!("{v}");`;

describe('futures::select!', () => {
  it('select_biased! polls the branches in the order written', () => {
    for (const seed of [1, 2, 3, 4, 5, 6]) {
      const r = run(BOTH_READY.replace('SELECT', 'select_biased'), undefined, seed);
      expect(r.outcome.kind, r.outcome.message).toBe('completed');
      expect(r.stdout).toBe('1\n');
    }
  });

  it('select! shuffles them: of 20 selects over two ready futures, each wins some', () => {
    const r = run(`let mut wins = [0, 0];
for _ in 0..20 {
    let mut a = future::ready(0);
    let mut b = future::ready(1);
    let i: usize = select! { x = a => x, y = b => y };
    wins[i] += 1;
}
println!("{}", wins[0] > 0 && wins[1] > 0 && wins[0] + wins[1] == 20);`);
    expect(r.outcome.kind, r.outcome.message).toBe('completed');
    expect(r.stdout).toBe('true\n');
  });

  it('skips terminated branches and runs `complete =>` once all are', () => {
    const r = run(`let mut a = future::ready(4);
let mut b = future::ready(6);
let mut seen = Vec::new();
loop {
    select! { x = a => seen.push(x), y = b => seen.push(y), complete => break }
}
seen.sort();
println!("{seen:?} {} {}", a.is_terminated(), b.is_terminated());`);
    expect(r.outcome.kind, r.outcome.message).toBe('completed');
    expect(r.stdout).toBe('[4, 6] true true\n');
  });

  it('panics as futures does when every branch is terminated and there is no `complete =>`', () => {
    const r = run(`let mut a = future::ready(4);
select! { x = a => println!("{x}") }
select! { x = a => println!("{x}") }`);
    expect(r.stdout).toBe('4\n');
    expect(r.outcome.kind).toBe('panicked');
    expect(r.outcome.message).toContain(
      'all futures in select! were completed,but no `complete =>` handler was provided',
    );
  });

  it('`default =>` runs when no branch is ready, without waiting; the loser stays and wins later', () => {
    const r = run(`let s = tokio::time::sleep(Duration::from_millis(10)).fuse();
futures::pin_mut!(s);
select! { _ = s => println!("slept"), default => println!("default") }
tokio::time::sleep(Duration::from_millis(20)).await;
select! { _ = s => println!("slept"), default => println!("default") }`);
    expect(r.outcome.kind, r.outcome.message).toBe('completed');
    expect(r.stdout).toBe('default\nslept\n');
  });

  it('polls a branch future named by a path in place: not dropped when another branch wins', () => {
    const r = run(
      `let slow = tokio::time::sleep(Duration::from_millis(50)).fuse();
let fast = tokio::time::sleep(Duration::from_millis(10)).fuse();
pin_mut!(slow, fast);
select! { _ = slow => println!("slow"), _ = fast => println!("fast") }
slow.await;
println!("slow done later");`,
      'use futures::{pin_mut, select, FutureExt};',
    );
    expect(r.outcome.kind, r.outcome.message).toBe('completed');
    expect(r.stdout).toBe('fast\nslow done later\n');
  });

  it('refuses two `complete =>` handlers at compile time, with the span', () => {
    const r = run('let mut a = future::ready(1);\nselect! { x = a => {}, complete => {}, complete => {} }');
    expect(r.outcome.kind).toBe('unsupported');
    expect(r.outcome.span).toBeTruthy();
    expect(r.outcome.message).toContain('multiple `complete` cases found');
  });

  it('`tokio::select!` keeps its own grammar when futures is not imported for it', () => {
    const r = run(
      'let v = select! { x = async { 1 } => x, else => 0 };\nprintln!("{v}");',
      'use tokio::select;',
    );
    expect(r.outcome.kind, r.outcome.message).toBe('completed');
    expect(r.stdout).toBe('1\n');
  });
});
