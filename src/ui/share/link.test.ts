import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  decodeLink,
  describeError,
  encodeState,
  MAX_LINK_CHARS,
  normalize,
  PANEL_IDS,
  type ShareState,
} from './link';
import { deflateSync } from 'fflate';

const limitsArb = fc.record(
  {
    maxEvents: fc.integer({ min: 1, max: 2_000_000 }),
    maxTasks: fc.integer({ min: 1, max: 100_000 }),
    maxMachineTime: fc.integer({ min: 1, max: 3600e9 }),
    maxStepsPerPoll: fc.integer({ min: 1, max: 5_000_000 }),
    maxSteps: fc.integer({ min: 1, max: 1_000_000_000 }),
    maxOutputChars: fc.integer({ min: 1, max: 1_000_000 }),
    maxMemory: fc.integer({ min: 1, max: 256 * 2 ** 20 }),
  },
  { requiredKeys: [] },
);

export const stateArb: fc.Arbitrary<ShareState> = fc
  .record({
    lessonId: fc.option(fc.stringMatching(/^[a-z0-9-]{1,40}$/), { nil: null }),
    source: fc.option(fc.string({ unit: 'grapheme', maxLength: 400 }), { nil: null }),
    profile: fc.constantFrom('1.24' as const, 'latest' as const),
    seed: fc.integer({ min: 0, max: 2 ** 32 - 1 }),
    limits: limitsArb,
    step: fc.integer({ min: -1, max: 2 ** 31 }),
    selectedTask: fc.option(fc.integer({ min: 0, max: 2 ** 31 }), { nil: null }),
    hiddenPanels: fc.subarray([...PANEL_IDS]),
    timelineAxis: fc.constantFrom('step' as const, 'time' as const),
    granularity: fc.constantFrom('event' as const, 'poll' as const, 'wake' as const),
    note: fc.string({ maxLength: 200 }),
  })
  .filter((s) => s.lessonId !== null || s.source !== null);

describe('permalinks', () => {
  it('round-trips every valid state', () => {
    fc.assert(
      fc.property(stateArb, (s) => {
        const d = decodeLink('#' + encodeState(s));
        expect(d).toEqual({ ok: true, state: normalize(s), version: 1 });
      }),
      { numRuns: 500 },
    );
  });

  it('never throws on garbage, and says why it refused', () => {
    const garbage = fc.oneof(
      fc.string(),
      fc.string({ unit: 'binary' }),
      fc.stringMatching(/^v1\.[A-Za-z0-9_-]*$/),
      fc.stringMatching(/^v[0-9]{1,8}\..*$/),
      fc.anything(),
    );
    fc.assert(
      fc.property(garbage, (g) => {
        const d = decodeLink(g);
        if (!d.ok) expect(describeError(d.error)).toMatch(/\.$/);
      }),
      { numRuns: 2000 },
    );
  });

  it('refuses every truncation of a real link without throwing', () => {
    const link = encodeState({ ...normalize(sample()), source: 'fn main() {}\n'.repeat(40) });
    for (let i = 0; i < link.length - 1; i++) {
      const d = decodeLink(link.slice(0, i));
      expect(d.ok).toBe(false);
    }
  });

  it('refuses oversized links before decoding, and payloads that inflate past the limit', () => {
    const big = decodeLink('v1.' + 'A'.repeat(MAX_LINK_CHARS));
    expect(big).toMatchObject({ ok: false, error: { kind: 'oversized' } });
    // A small link that would inflate to 1 MB of JSON.
    const bomb = deflateSync(new TextEncoder().encode(JSON.stringify({ l: 'x', n: 'a'.repeat(1 << 20) })));
    let bin = '';
    for (const b of bomb) bin += String.fromCharCode(b);
    const link = 'v1.' + btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
    expect(link.length).toBeLessThan(MAX_LINK_CHARS);
    expect(decodeLink(link)).toMatchObject({ ok: false, error: { kind: 'damaged' } });
  });

  it('names future versions', () => {
    const d = decodeLink('#v7.abc');
    expect(d).toEqual({ ok: false, error: { kind: 'future-version', version: 7 } });
    if (!d.ok) expect(describeError(d.error)).toContain('newer Pollscope');
  });

  it('rejects wrong-shaped payloads (a program is required, fields have types)', () => {
    const enc = (o: unknown) => {
      let bin = '';
      for (const b of deflateSync(new TextEncoder().encode(JSON.stringify(o)))) bin += String.fromCharCode(b);
      return 'v1.' + btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
    };
    expect(decodeLink(enc({})).ok).toBe(false);
    expect(decodeLink(enc({ l: '<script>' })).ok).toBe(false);
    expect(decodeLink(enc({ l: 'a', t: 1.5 })).ok).toBe(false);
    expect(decodeLink(enc({ l: 'a', h: ['evil'] })).ok).toBe(false);
    expect(decodeLink(enc({ l: 'a', p: '0.1' })).ok).toBe(false);
    expect(decodeLink(enc({ l: 'a', __proto__: { x: 1 } })).ok).toBe(true);
    expect(decodeLink(enc([1, 2])).ok).toBe(false);
  });
});

function sample(): ShareState {
  return {
    lessonId: 'two-tasks-and-a-sleep',
    source: null,
    profile: 'latest',
    seed: 42,
    limits: { maxEvents: 5000 },
    step: 17,
    selectedTask: 1,
    hiddenPanels: ['reactor'],
    timelineAxis: 'time',
    granularity: 'poll',
    note: 'look at <b>this</b>',
  };
}

/**
 * Links of every published version, with the state each must open. These strings are frozen: if one stops
 * decoding to its state, the format changed incompatibly. Add new versions' fixtures; never edit old ones.
 */
describe('link fixtures of every version', () => {
  const fixtures = JSON.parse(readFileSync('tests/fixtures/links/links.json', 'utf8')) as {
    version: number;
    link: string;
    state: ShareState;
  }[];
  it('has fixtures', () => expect(fixtures.length).toBeGreaterThan(0));
  for (const f of fixtures)
    it(`v${f.version}: ${f.link.slice(0, 40)}…`, () => {
      expect(decodeLink(f.link)).toEqual({ ok: true, state: f.state, version: f.version });
    });
});
