/** Mapped guards (mapped-guard.ts): they hold the lock they came from, and the deadlock report sees it. */
import { describe, expect, it } from 'vitest';
import { simulate } from '../../../simulate';

const run = (body: string) =>
  simulate(
    `use std::sync::Arc;\nuse tokio::sync::{Mutex, MutexGuard, RwLock, RwLockWriteGuard, MappedMutexGuard};\n#[tokio::main(flavor = "current_thread")]\nasync fn main() {\n${body}\n}\n`,
    { profile: '1.24', seed: 1 },
  );

describe('MutexGuard::map', () => {
  it('a mapped guard keeps the mutex locked: locking again while it lives is a deadlock naming the mutex', () => {
    const r = run(`let m = Mutex::new((1, 2));
let second = MutexGuard::map(m.lock().await, |p| &mut p.1);
println!("{}", *second);
let _again = m.lock().await;
println!("never");`);
    expect(r.stdout).toBe('2\n');
    expect(r.outcome.kind).toBe('deadlock');
    expect(r.outcome.message).toContain('waiting on permits of Lock');
  });

  it('mapping a mapped guard again, writing through it, then dropping it unlocks', () => {
    const r = run(`let m = Mutex::new(vec![(1, 2), (3, 4)]);
{
    let g = MutexGuard::map(m.lock().await, |v| &mut v[1]);
    let mut g = MappedMutexGuard::map(g, |p| &mut p.0);
    *g += 10;
}
println!("{:?}", *m.lock().await);`);
    expect(r.outcome.kind, r.outcome.message).toBe('completed');
    expect(r.stdout).toBe('[(1, 2), (13, 4)]\n');
  });
});

describe('RwLockWriteGuard::try_map', () => {
  it('hands the write guard back on None, still holding the lock', () => {
    const r = run(`let l = RwLock::new(vec![1]);
let g = match RwLockWriteGuard::try_map(l.write().await, |v| v.get_mut(5)) { Ok(_) => panic!(), Err(g) => g };
println!("{:?} {}", l.try_read().is_err(), g.len());
drop(g);
println!("{:?}", l.try_read().is_ok());`);
    expect(r.outcome.kind, r.outcome.message).toBe('completed');
    expect(r.stdout).toBe('true 1\ntrue\n');
  });
});
