/** LazyLock / LazyCell (lazy.ts): built once on first deref, poisoned by a panicking closure. */
import { describe, expect, it } from 'vitest';
import { simulate } from '../../../simulate';

const run = (body: string, items = '', flavor = 'current_thread') =>
  simulate(
    `use std::sync::LazyLock;\nuse std::cell::LazyCell;\n${items}\n#[tokio::main(flavor = "${flavor}")]\nasync fn main() {\n${body}\n}\n`,
    { profile: '1.24', seed: 3 },
  );

describe('LazyLock', () => {
  it('a static is built once, by whichever of many tasks on many workers reads it first', () => {
    const r = run(
      `let hs: Vec<_> = (0..8).map(|_| tokio::spawn(async { N.len() })).collect();
let mut total = 0;
for h in hs { total += h.await.unwrap(); }
println!("{total} {}", BUILT.load(std::sync::atomic::Ordering::SeqCst));`,
      `use std::sync::atomic::{AtomicUsize, Ordering};
static BUILT: AtomicUsize = AtomicUsize::new(0);
static N: LazyLock<Vec<u8>> = LazyLock::new(|| { BUILT.fetch_add(1, Ordering::SeqCst); vec![0; 3] });`,
      'multi_thread',
    );
    expect(r.outcome.kind, r.outcome.message).toBe('completed');
    expect(r.stdout).toBe('24 1\n');
  });

  it('a closure that panics poisons it: the next use panics with std message', () => {
    const r = run(
      `let h = tokio::spawn(async { *L + 1 });
println!("{}", h.await.is_err());
println!("{}", *L);`,
      'static L: LazyLock<u32> = LazyLock::new(|| panic!("no"));',
    );
    expect(r.stdout).toBe('true\n');
    expect(r.outcome.kind).toBe('panicked');
    expect(r.outcome.message).toContain('LazyLock instance has previously been poisoned');
  });
});
