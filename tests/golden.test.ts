/**
 * Golden traces: a few small runs dumped one event per line (trace/format.ts) and compared with the
 * committed text in tests/golden/NAME.trace.txt. They are meant to be read: when a change alters one,
 * look at the diff and decide whether tokio would do the new thing. Regenerate with
 *   UPDATE_GOLDEN=1 npx vitest run tests/golden.test.ts
 */
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { simulate } from '../src/sim/simulate';
import { formatTrace } from '../src/trace/format';

const DIR = 'tests/golden';
const update = process.env.UPDATE_GOLDEN === '1';

describe('golden traces', () => {
  for (const file of readdirSync(DIR).filter((f) => f.endsWith('.rs'))) {
    const name = file.slice(0, -3);
    it(name, () => {
      const r = simulate(readFileSync(`${DIR}/${file}`, 'utf8'), { profile: '1.24', seed: 1 });
      const text = formatTrace(r.trace);
      const golden = `${DIR}/${name}.trace.txt`;
      if (update) writeFileSync(golden, text);
      expect(existsSync(golden), `${golden} is missing: run with UPDATE_GOLDEN=1 and review it`).toBe(true);
      expect(text).toBe(readFileSync(golden, 'utf8'));
    });
  }
});
