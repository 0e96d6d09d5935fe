/**
 * Conversions between numeric types (From / TryFrom / into / try_into / FromStr), integer methods named by
 * their type, and NaN's equality, run through the simulator and compared with rustc: `testdata/convert.rs`
 * is a Rust program and `testdata/convert.stdout` what rustc 1.95 printed for it.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { simulate } from '../../simulate';

const dir = new URL('../../testdata/', import.meta.url);
const rustSource = readFileSync(new URL('convert.rs', dir), 'utf8');
const rustOut = readFileSync(new URL('convert.stdout', dir), 'utf8');

describe('numeric conversions as rustc runs them', () => {
  it('prints what rustc printed for testdata/convert.rs', () => {
    const src = rustSource.replace(
      'fn main() {',
      '#[tokio::main(flavor = "current_thread")]\nasync fn main() {',
    );
    const r = simulate(src);
    expect(r.outcome.kind, r.outcome.message).toBe('completed');
    expect(r.stdout).toBe(rustOut);
  });

  it('refuses `T::from` of a value no From impl takes, by name', () => {
    const r = simulate(
      '#[tokio::main(flavor = "current_thread")]\nasync fn main() {\n    println!("{}", u32::from("x"));\n}\n',
    );
    expect(r.outcome.kind).toBe('unsupported');
    expect(r.outcome.message).toContain('`u32::from`');
  });
});
