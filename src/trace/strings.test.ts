import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PackedStrings } from './strings';

describe('packed string table', () => {
  it('returns every string exactly, read in any order', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.constantFrom('', 'i\x1e{integer}\x1e1')),
          {
            maxLength: 80,
          },
        ),
        fc.array(fc.nat(), { maxLength: 40 }),
        (strings, reads) => {
          const p = new PackedStrings();
          strings.forEach((s, i) => expect(p.push(s)).toBe(i));
          for (const r of reads)
            if (strings.length) expect(p.get(r % strings.length)).toBe(strings[r % strings.length]);
          strings.forEach((s, i) => expect(p.get(i)).toBe(s));
          expect(p.get(strings.length)).toBe('');
        },
      ),
    );
  });

  it('keeps lone surrogates, astral characters and long strings', () => {
    const p = new PackedStrings();
    const cases = ['\ud800', 'a\udc00b', '🦀 crab', 'é'.repeat(70_000), 'x'.repeat(200_000), '🦀'];
    for (const s of cases) p.push(s);
    cases.forEach((s, i) => expect(p.get(i)).toBe(s));
  });

  it('front-codes similar neighbours into fewer bytes than they have characters', () => {
    const p = new PackedStrings();
    let chars = 0;
    for (let i = 0; i < 10_000; i++) {
      const s = `i\x1e{integer}\x1e${i}\x1ftx\x1eSender\x1eSender`;
      chars += s.length;
      p.push(s);
    }
    expect(p.byteLength).toBeLessThan(chars);
    expect(p.get(4711)).toBe('i\x1e{integer}\x1e4711\x1ftx\x1eSender\x1eSender');
  });
});
