import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseFrameMessage, parseHostMessage } from './messages';

describe('embed messages', () => {
  it('accepts the documented messages', () => {
    expect(parseHostMessage({ type: 'pollscope:goto', step: 12 })).toEqual({
      type: 'pollscope:goto',
      step: 12,
    });
    expect(parseHostMessage({ type: 'pollscope:play' })).toEqual({ type: 'pollscope:play' });
    expect(parseHostMessage({ type: 'pollscope:pause', extra: 1 })).toEqual({ type: 'pollscope:pause' });
    expect(parseHostMessage({ type: 'pollscope:load', state: '#v1.abc' })).toEqual({
      type: 'pollscope:load',
      state: '#v1.abc',
    });
    expect(parseHostMessage({ type: 'pollscope:load', source: 'fn main() {}', seed: 3 })).toMatchObject({
      source: 'fn main() {}',
      seed: 3,
    });
    expect(parseFrameMessage({ type: 'pollscope:ready', steps: 40 })).toEqual({
      type: 'pollscope:ready',
      steps: 40,
    });
  });

  it('ignores wrong-shaped and hostile messages', () => {
    for (const m of [
      null,
      'pollscope:play',
      { type: 'pollscope:goto' },
      { type: 'pollscope:goto', step: '3' },
      { type: 'pollscope:goto', step: 1.5 },
      { type: 'pollscope:goto', step: Infinity },
      { type: 'pollscope:eval', code: 'alert(1)' },
      { type: 'pollscope:load', state: 42 },
      { type: 'pollscope:load', source: 'x', profile: 'evil' },
      { type: 'pollscope:load' },
      [{ type: 'pollscope:play' }],
    ])
      expect(parseHostMessage(m)).toBeNull();
    const hostile = {
      get type(): string {
        throw new Error('boom');
      },
    };
    expect(parseHostMessage(hostile)).toBeNull();
  });

  it('never throws on anything', () => {
    fc.assert(
      fc.property(fc.anything(), (x) => {
        parseHostMessage(x);
        parseFrameMessage(x);
      }),
      { numRuns: 2000 },
    );
  });
});
