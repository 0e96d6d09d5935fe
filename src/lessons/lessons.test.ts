/**
 * The course holds together: every lesson's narration lands on events of its own run, its "predict"
 * answer is revealed by a moment that exists, and its "try this" change applies to the source and gives a
 * program the simulator runs to the end.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { simulate } from '../sim/simulate';
import type { Lesson } from './index';
import { momentAt, nextMomentAfter, placeMoments } from './narration';

// index.ts imports the programs with Vite's `?raw`; here they are read from disk under the same names.
const lessons: Lesson[] = await (async () => {
  const { LESSONS } = await import('./index');
  return LESSONS as Lesson[];
})();

describe('lessons', () => {
  for (const lesson of lessons) {
    describe(lesson.title, () => {
      const run = simulate(lesson.source, { profile: '1.24', seed: 1 });

      it('narrates events of its own run, in order', () => {
        const { placed, missing } = placeMoments(run.trace, lesson.moments);
        expect(
          missing,
          `moment ${missing} matches no event: ${JSON.stringify(lesson.moments[missing]?.when)}`,
        ).toBe(-1);
        for (let i = 1; i < placed.length; i++) expect(placed[i]!.step).toBeGreaterThan(placed[i - 1]!.step);
        expect(momentAt(placed, placed[0]!.step - 1)).toBeNull();
        expect(momentAt(placed, placed.at(-1)!.step + 1)).toBe(placed.at(-1));
        expect(nextMomentAfter(placed, -1)).toBe(placed[0]);
      });

      it('reveals its predict answer at an existing moment', () => {
        expect(lesson.predict.revealAt).toBeGreaterThanOrEqual(0);
        expect(lesson.predict.revealAt).toBeLessThan(lesson.moments.length);
      });

      it('its "try this" change applies and runs to the end', () => {
        expect(lesson.source).toContain(lesson.tryThis.from);
        const variant = simulate(lesson.source.replace(lesson.tryThis.from, lesson.tryThis.to), { seed: 1 });
        expect(variant.outcome.kind, variant.outcome.message).toBe('completed');
        // Some changes show only in the runtime (other steals, an extra variant), not in the output.
        expect(variant.stdout !== run.stdout || variant.trace.length !== run.trace.length).toBe(true);
      });

      it('is the program in src/lessons/programs', () => {
        expect(run.outcome.kind === 'completed' || run.outcome.kind === 'deadlock').toBe(true);
        expect(readFileSync(`src/lessons/programs/${lesson.id}.rs`, 'utf8')).toBe(lesson.source);
      });
    });
  }
});
