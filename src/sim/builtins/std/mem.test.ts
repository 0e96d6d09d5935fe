/**
 * `Pin::get_mut` / `as_mut` / `get_ref` stand on references (mem.ts): a `&mut T` whose value has a method of
 * that name itself calls that one — `(&mut map).get_mut(k)` is HashMap's, not a pin projection.
 */
import { describe, expect, it } from 'vitest';
import { simulate } from '../../simulate';

const run = (body: string) =>
  simulate(`use std::collections::HashMap;\nfn main() {\n${body}\n}\n`, { profile: '1.24', seed: 1 });

describe('methods through a `&mut` reference', () => {
  it('get_mut of a HashMap, a Vec and an Option reached through `&mut`', () => {
    const r = run(`let mut h = HashMap::from([("b", 2)]);
let r = &mut h;
*r.get_mut("b").unwrap() += 1;
let mut v = vec![1, 2];
let rv = &mut v;
*rv.get_mut(0).unwrap() = 9;
let mut o = Some(5);
let ro = &mut o;
if let Some(x) = ro.as_mut() { *x += 1; }
println!("{:?} {:?} {:?}", h, v, o);`);
    expect(r.outcome.kind, r.outcome.message).toBe('completed');
    expect(r.stdout).toBe('{"b": 3} [9, 2] Some(6)\n');
  });

  it('a program method named get_mut on its own type is called through `&mut self`', () => {
    const r = simulate(
      `struct Store { v: Vec<u32> }
impl Store { fn get_mut(&mut self, i: usize) -> &mut u32 { &mut self.v[i] } }
fn main() {
    let mut s = Store { v: vec![1, 2] };
    let r = &mut s;
    *r.get_mut(1) += 40;
    println!("{:?}", s.v);
}`,
      { profile: '1.24', seed: 1 },
    );
    expect(r.outcome.kind, r.outcome.message).toBe('completed');
    expect(r.stdout).toBe('[1, 42]\n');
  });
});
