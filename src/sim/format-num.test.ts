/**
 * Number formatting against rustc: `testdata/numbers.rs` is a Rust program and `testdata/numbers.stdout`
 * what rustc 1.95 printed for it; this test formats the same values with the same specs.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { FmtSpec } from '../lang/ast';
import { formatValue } from './format';
import { F32, F64, type Value } from './values';
import { I128, I16, I32, I64, I8, U8 } from '../lang/types/kinds';

const rust = readFileSync(new URL('./testdata/numbers.stdout', import.meta.url), 'utf8').split('\n');

function spec(text: string): FmtSpec {
  const m = /^([^<>^]?[<>^])?(\+)?(#)?(0)?(\d+)?(?:\.(\d+))?([?xXobeE]?)$/.exec(text);
  if (!m) throw new Error(`spec ${text}`);
  const align = m[1] ? m[1].slice(-1) : null;
  return {
    arg: 0,
    debug: m[7] === '?',
    pretty: false,
    width: m[5] ? Number(m[5]) : null,
    precision: m[6] ? Number(m[6]) : null,
    fill: m[1] && m[1].length === 2 ? m[1][0]! : ' ',
    align: align as FmtSpec['align'],
    sign: !!m[2],
    zero: !!m[4],
    alt: !!m[3],
    radix: (m[7] === '?' ? '' : m[7]) as FmtSpec['radix'],
  };
}

/** `format!("{:SPEC}", v)`. */
function fmt(v: Value, s: string, kind = 0): string {
  const sp = spec(s);
  return formatValue(v, sp, sp.width as number | null, sp.precision as number | null, kind);
}

describe('number formatting matches rustc', () => {
  it('prints f64 with {}, {:?}, {:e}, {:E}, {:.3}, {:.0}, {:.2e}', () => {
    const xs = [
      0.1, 1e21, 1e-7, 123456789.0, 1e15, 1e16, 0.3, 2.5, -0, 5e-324, 1.7976931348623157e308, 0.000123, 100,
    ];
    xs.forEach((x, i) => {
      const v = new F64(x);
      const line = ['', '?', 'e', 'E', '.3', '.0', '.2e'].map((s) => fmt(v, s)).join(' | ');
      expect(line).toBe(rust[i]);
    });
  });

  it('prints f32 with its own shortest digits', () => {
    const xs = [0.1, 16777217.0, 1e-7, 3.4028235e38, 0.3, 1 / 3];
    xs.forEach((x, i) => {
      const v = new F32(Math.fround(x));
      const line = ['', '?', 'e', '.3'].map((s) => fmt(v, s)).join(' | ');
      expect(line).toBe(rust[13 + i]);
    });
  });

  it('rounds {:.N} half to even on the exact binary value', () => {
    const xs = [0.5, 1.5, 2.5, 3.5, -0.5, 0.125, 0.375, 1.005, 0.045];
    xs.forEach((x, i) => {
      const v = new F64(x);
      expect(['.0', '.1', '.2'].map((s) => fmt(v, s)).join(' ')).toBe(rust[19 + i]);
    });
  });

  it('prints integers with {:e} and its precision rounding', () => {
    const xs = [1234, 1500, 0, -7, 1250, 999, 123456789];
    xs.forEach((x, i) => {
      expect(['e', '.1e', '.0e', 'E', '.5e'].map((s) => fmt(x, s, I64)).join(' ')).toBe(rust[28 + i]);
    });
  });

  it('pads with fill, alignment, sign and the 0 flag as Rust does', () => {
    const got = [
      fmt(new F64(-3.14159), '08.3'),
      fmt(new F64(2.5), '+08.2'),
      fmt(new F64(NaN), '>8'),
      fmt(new F64(Infinity), '<8'),
      fmt(new F64(-Infinity), '^8'),
      fmt(new F64(NaN), '08'),
      fmt(new F64(NaN), '+'),
      fmt(new F64(0), '+'),
    ];
    expect(got.map((s) => `[${s}]`).join(' ')).toBe(rust[35]);
    const ints = [
      fmt(255, '#010x', I32),
      fmt(5, '#b', U8),
      fmt(255, '+#x', I32),
      fmt(255, '<#6x', I32),
      fmt(7, '^+7', I32),
      fmt(-1, '08b', I8),
    ];
    expect(ints.map((s) => `[${s}]`).join(' ')).toBe(rust[36]);
  });

  it('prints negative integers in radix as two’s complement of their width', () => {
    const got = [
      fmt(-1, 'x', I16),
      fmt(-(2n ** 63n), 'X', I64),
      fmt(-8, 'o', I32),
      fmt(-(2n ** 127n), 'b', I128),
    ];
    expect(got.map((s) => `[${s}]`).join(' ')).toBe(rust[37]);
  });

  it('formats a huge precision exactly instead of throwing', () => {
    expect(fmt(new F64(0.1), '.101')).toBe(rust[38]);
  });
});
