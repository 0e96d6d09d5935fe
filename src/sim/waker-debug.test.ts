import { describe, expect, it } from 'vitest';
import { simulate } from './simulate';
import { contextDebug, objectAddress, taskAddress, wakerDebug } from './waker-debug';

describe('{:?} of Waker and Context', () => {
  it("has Rust's shape, with addresses that are the same on every run", () => {
    expect(wakerDebug(taskAddress(1), 'tokio', false)).toBe(
      'Waker { data: 0x555555800100, vtable: 0x555555742c40 }',
    );
    expect(wakerDebug(0, 'noop', false)).toBe('Waker { data: 0x0, vtable: 0x555555742d80 }');
    expect(contextDebug(wakerDebug(objectAddress(0), 'wake', true), true)).toBe(
      'Context {\n    waker: Waker {\n        data: 0x0000555555900000,\n        vtable: 0x0000555555742d00,\n    },\n}',
    );
  });

  it('prints the same text on two runs of one program (tasks and Arcs numbered per run)', () => {
    const src = `
use std::sync::Arc;
use std::task::{Wake, Waker};
struct W;
impl Wake for W { fn wake(self: Arc<Self>) {} }
fn main() {
    let a = Waker::from(Arc::new(W));
    let b = Waker::from(Arc::new(W));
    println!("{:?} {:?} {}", a, b, format!("{:?}", a) == format!("{:?}", a.clone()));
}`;
    const one = simulate(src).stdout;
    expect(simulate(src).stdout).toBe(one);
    expect(one).toBe(
      'Waker { data: 0x555555900000, vtable: 0x555555742d00 } Waker { data: 0x555555900040, vtable: 0x555555742d00 } true\n',
    );
  });
});
