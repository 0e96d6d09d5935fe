/**
 * Rust's value semantics where the simulator used to be silently wrong: `()` patterns, `Copy` values that
 * must be duplicated (not aliased) when read out of a place, `ref` / `ref mut` bindings that write back,
 * and a returned `move` closure that keeps its state between calls. Every expected output here was checked
 * against rustc 1.95 + tokio 1.24.
 */
import { describe, expect, it } from 'vitest';
import { simulate } from '../simulate';

function run(body: string, items = ''): string {
  const src = `${items}\n#[tokio::main(flavor = "current_thread")]\nasync fn main() {\n${body}\n}\n`;
  const r = simulate(src, { limits: { maxEvents: 100_000 } });
  if (r.outcome.kind !== 'completed') throw new Error(`${r.outcome.kind}: ${r.outcome.message}\n${r.stderr}`);
  return r.stdout;
}

describe('the unit value in patterns', () => {
  it('`Ok(())`, `Some(())`, `Ok(Ok(()))` and `let () = ..` match ()', () => {
    expect(
      run(`
    let r: Result<(), String> = Ok(());
    match r { Ok(()) => println!("ok arm"), Err(_) => println!("err") }
    if let Some(()) = Some(()) { println!("some unit"); }
    let () = ();
    match Ok::<Result<(), ()>, ()>(Ok(())) { Ok(Ok(())) => println!("nested"), _ => println!("no") }`),
    ).toBe('ok arm\nsome unit\nnested\n');
  });

  it('a tuple pattern never matches ()', () => {
    expect(run(`match () { () => println!("unit") }`)).toBe('unit\n');
  });
});

const POINT =
  '#[derive(Debug, Clone, Copy)]\nstruct P { x: i32, y: i32 }\n#[derive(Debug, Clone, Copy)]\nstruct L { a: P, b: P }';

describe('Copy values are copied, not aliased', () => {
  it('`let mut b = a; b.x = 5` leaves a unchanged, for structs, tuples and arrays', () => {
    expect(
      run(
        `
    let a = P { x: 1, y: 2 };
    let mut b = a;
    b.x = 5;
    let t = (1, 2);
    let mut u = t;
    u.0 = 7;
    let arr = [1, 2, 3];
    let mut arr2 = arr;
    arr2[0] = 9;
    println!("{:?} {:?} {:?} {:?} {:?} {:?}", a, b, t, u, arr, arr2);`,
        POINT,
      ),
    ).toBe('P { x: 1, y: 2 } P { x: 5, y: 2 } (1, 2) (7, 2) [1, 2, 3] [9, 2, 3]\n');
  });

  it('fields, elements, derefs, by-value self, captures and by-value bindings are copies', () => {
    expect(
      run(
        `
    let a = P { x: 1, y: 2 };
    let l = L { a, b: a };
    let mut q = l.a;
    q.y = 9;
    let v = vec![a];
    let mut w = v[0];
    w.x = 42;
    let r = &a;
    let mut d = *r;
    d.x = 3;
    let f = move || { let mut z = a; z.x = 1000; z };
    let L { a: mut fa, .. } = l;
    fa.x = -5;
    let mut arr3 = [a; 2];
    arr3[0].x = 55;
    println!("{:?} {:?} {:?} {:?} {:?} {:?} {:?} {:?} {:?}", l.a, q, v, w, d, f(), a, fa, arr3);`,
        POINT,
      ),
    ).toBe(
      'P { x: 1, y: 2 } P { x: 1, y: 9 } [P { x: 1, y: 2 }] P { x: 42, y: 2 } P { x: 3, y: 2 } ' +
        'P { x: 1000, y: 2 } P { x: 1, y: 2 } P { x: -5, y: 2 } [P { x: 55, y: 2 }, P { x: 1, y: 2 }]\n',
    );
  });

  it('a method taking `mut self` on a Copy type works on a copy', () => {
    expect(
      run(
        `
    let a = P { x: 1, y: 2 };
    let c = a.bump();
    println!("{:?} {:?}", a, c);`,
        POINT + '\nimpl P { fn bump(mut self) -> P { self.x += 100; self } }',
      ),
    ).toBe('P { x: 1, y: 2 } P { x: 101, y: 2 }\n');
  });
});

describe('ref and ref mut bindings write back', () => {
  it('`let S { ref mut f, .. } = s; *f += 5` changes s', () => {
    expect(
      run(
        `
    let mut player = Player { name: "ada".to_string(), score: 10 };
    let Player { ref name, ref mut score } = player;
    *score += 5;
    println!("{name} now has {score}");
    player.score *= 2;
    println!("after update: {}", player.score);`,
        'struct Player { name: String, score: u32 }',
      ),
    ).toBe('ada now has 15\nafter update: 30\n');
  });

  it('`ref mut` in if-let, default binding through `&mut`, and a tuple destructured in place', () => {
    expect(
      run(`
    let mut opt = Some(3);
    if let Some(ref mut n) = opt { *n += 10; }
    match &mut opt { Some(n) => *n *= 2, None => {} }
    let mut pair = (1, 2);
    { let (ref mut a, _) = pair; *a = 100; }
    println!("{:?} {:?}", opt, pair);`),
    ).toBe('Some(26) (100, 2)\n');
  });
});

describe('move closures keep their state', () => {
  it('a returned `impl FnMut` counts 1 2 3, and each closure has its own count', () => {
    expect(
      run(
        `
    let mut next = make_counter();
    println!("counter: {} {} {}", next(), next(), next());
    let mut other = make_counter();
    println!("other: {} then first {}", other(), next());`,
        'fn make_counter() -> impl FnMut() -> u32 {\n    let mut count = 0;\n    move || { count += 1; count }\n}',
      ),
    ).toBe('counter: 1 2 3\nother: 1 then first 4\n');
  });
});
