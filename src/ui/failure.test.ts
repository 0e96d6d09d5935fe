import { describe, expect, it } from 'vitest';
import { SimulatorFailure, WatchdogError } from '../worker/client';
import { describeThrown } from '../worker/protocol';
import { failureText } from './failure';

describe('what the page says when the simulator fails', () => {
  it('names the simulator, says what it said, and asks for the link; never "[object Object]"', () => {
    for (const thrown of [
      new SimulatorFailure('RangeError: Invalid string length'),
      { message: 'the run reached the limit of 0 events', site: -1 },
      { site: 3 },
      Object.create(null),
      'plain string',
      '',
      42,
      null,
      undefined,
      new Error(''),
    ]) {
      const text = failureText(thrown);
      expect(text).toMatch(/^The simulator failed: .+\. This is a bug in Pollscope, not in your program: /);
      expect(text).toContain('link');
      expect(text).not.toContain('[object Object]');
    }
    expect(failureText(new SimulatorFailure('RangeError: Invalid string length'))).toContain(
      'The simulator failed: RangeError: Invalid string length.',
    );
  });

  it('keeps the watchdog’s own words (the page offers a retry with smaller limits)', () => {
    expect(failureText(new WatchdogError(20_000))).toBe(new WatchdogError(20_000).message);
  });

  it('describes any thrown value in words, even one whose getters throw', () => {
    class LimitLike {
      constructor(readonly message: string) {}
    }
    expect(describeThrown(new LimitLike('the run reached the limit of 1 events'))).toBe(
      'LimitLike: the run reached the limit of 1 events',
    );
    expect(describeThrown({ a: 1 })).toBe('an object was thrown: {"a":1}');
    expect(describeThrown(new RangeError('Invalid string length'))).toBe('RangeError: Invalid string length');
    const hostile = {
      get message(): string {
        throw new Error('no');
      },
    };
    expect(describeThrown(hostile)).toBe('something that cannot be described was thrown');
  });
});
