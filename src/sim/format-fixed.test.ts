/**
 * `{:.N}` of floats (format-fixed.ts). The expected texts are what rustc 1.95 prints for
 * `println!("{:.N}", x)` (recorded with `rustc -O f.rs && ./f`, not worked out by hand).
 */
import { describe, expect, it } from 'vitest';
import { fixedDecimal } from './format-fixed';
import { simulate } from './simulate';

describe('fixedDecimal: the exact decimal value, rounded as core::fmt rounds it', () => {
  it('rounds an exact tie to even, and everything else to nearest', () => {
    expect([fixedDecimal(0.25, 1), fixedDecimal(0.35, 1), fixedDecimal(0.125, 2)]).toEqual([
      '0.2',
      '0.3',
      '0.12',
    ]);
    expect([fixedDecimal(0.5, 0), fixedDecimal(1.5, 0), fixedDecimal(2.5, 0)]).toEqual(['0', '2', '2']);
    expect(fixedDecimal(-0.001, 2)).toBe('-0.00');
    expect(fixedDecimal(-0, 3)).toBe('-0.000');
  });

  it('prints more than 100 digits, and numbers past 1e21 without an exponent', () => {
    expect(fixedDecimal(1.5, 101)).toBe('1.5' + '0'.repeat(100));
    expect(fixedDecimal(0.1, 110)).toBe(
      '0.10000000000000000555111512312578270211815834045410156250000000000000000000000000000000000000000000000000000000',
    );
    expect(fixedDecimal(1e21, 2)).toBe('1000000000000000000000.00');
    expect(fixedDecimal(1e300, 2)).toBe(
      '1000000000000000052504760255204420248704468581108159154915854115511802457988908195786371375080447864043704443832883878176942523235360430575644792184786706982848387200926575803737830233794788090059368953234970799945081119038967640880074652742780142494579258788820056842838115669472196386865459400540160.00',
    );
  });

  it('spells infinities and NaN as Rust does', () => {
    expect([fixedDecimal(Infinity, 2), fixedDecimal(-Infinity, 0), fixedDecimal(NaN, 2)]).toEqual([
      'inf',
      '-inf',
      'NaN',
    ]);
  });

  it('a subnormal is exact too', () => {
    // rustc: `{:.330}` of 5e-324 is "0." then 323 zeros and 4940656 (the 7 digits that fit in 330).
    expect(fixedDecimal(5e-324, 330)).toBe(`0.${'0'.repeat(323)}4940656`);
  });
});

const main = (body: string) => `#[tokio::main(flavor = "current_thread")]\nasync fn main() {\n${body}\n}\n`;

describe('precision in a program (issue 14: `{:.101}` was a RangeError out of toFixed)', () => {
  it('`{:.101}` of a float prints 101 digits; an integer ignores its precision', () => {
    const r = simulate(main('    println!("{:.101}", 1.5f64);\n    println!("{:.3} {:8.2}|", 5, 7u8);'));
    expect(r.outcome.kind, r.outcome.message).toBe('completed');
    expect(r.stdout).toBe(`1.5${'0'.repeat(100)}\n5        7|\n`);
  });

  it("a literal width or precision past u16::MAX is rustc's error; from an argument it panics", () => {
    for (const spec of ['{:.70000}', '{:>70000}']) {
      const r = simulate(main(`    println!("${spec}", 1.5f64);`));
      expect(r.outcome.kind, spec).toBe('unsupported');
      expect(r.outcome.message).toMatch(/integer out of range for `u16` in format string/);
    }
    const r = simulate(main('    let p: usize = 70_000;\n    println!("{:.1$}", 1.5f64, p);'));
    expect(r.outcome.kind, r.outcome.message).toBe('panicked');
    expect(r.stderr).toContain('Formatting argument out of range');
  });
});
