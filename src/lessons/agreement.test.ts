/**
 * Narration, caption and panels agree at every step. For every lesson:
 * - at every step (a sample of a few thousand in the longest run), the view the panels draw shows what the
 *   caption says the event did (src/trace/agreement.ts) — at that step, not a step later;
 * - at every narrated moment, each thing the narration says is on screen (`shows`, src/lessons/claims.ts)
 *   is on screen, and every moment says what it shows.
 * The same holds for each lesson's "try this" program and the narration written for it.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { simulate } from '../sim/simulate';
import { disagreements } from '../trace/agreement';
import { TraceStore } from '../trace/store';
import { nameTasks } from '../trace/task-names';
import { TraceIndex } from '../trace/trace-index';
import { claimProblems } from './claims';
import { COURSE } from './course';
import { placeMoments } from './narration';

/** Steps checked per lesson at most (the longest lesson has ~48,000 events). */
const MAX_CHECKED = 4000;

const SCRIPTS = COURSE.flatMap((lesson) => {
  const source = readFileSync(`src/lessons/programs/${lesson.id}.rs`, 'utf8');
  return [
    { name: lesson.id, source, moments: lesson.moments },
    {
      name: `${lesson.id} (try this)`,
      source: source.replace(lesson.tryThis.from, lesson.tryThis.to),
      moments: lesson.tryThis.moments,
    },
  ];
});

describe('narration, caption and panels agree', () => {
  for (const { name, source, moments: script } of SCRIPTS) {
    it(name, () => {
      const run = simulate(source, { profile: '1.24', seed: 1 });
      const index = new TraceIndex(TraceStore.from(run.trace));
      index.ingest();
      const names = new Map([...nameTasks(source, index.tasksBySite())].map(([id, n]) => [n, id]));
      const { placed, missing } = placeMoments(run.trace, script);
      const unmatched = `moment ${missing} matches no event: ${JSON.stringify(script[missing]?.when)}`;
      expect(missing, unmatched).toBe(-1);
      const n = run.trace.length;
      const stride = Math.max(1, Math.floor(n / MAX_CHECKED));
      const moments = new Set(placed.map((p) => p.step));
      const problems: string[] = [];
      for (let s = 0; s < n; s++) {
        if (s % stride !== 0 && !moments.has(s)) continue;
        const view = index.at(s);
        for (const d of disagreements(view.lastEvent!, view))
          problems.push(`step ${s} (${view.lastEvent!.kind}): ${d}`);
      }
      placed.forEach((p, k) => {
        const m = script[k]!;
        const view = index.at(p.step);
        const shows = m.shows ?? [];
        if (shows.length === 0) problems.push(`moment ${k} (step ${p.step}) says nothing it shows`);
        for (const d of claimProblems(shows, view, names, index.stdoutAt(view)))
          problems.push(`moment ${k} (step ${p.step}): ${d} — "${p.text.slice(0, 60)}…"`);
      });
      expect(problems).toEqual([]);
    });
  }
});

// The bug this file guards against: lesson 1 once anchored "the timer wheel keeps slow's waker" on the
// timer-arm event, two steps before the waker is stored, so the narration ran ahead of the Reactor panel.
it('a moment placed before the event that makes its claim true fails the check', () => {
  const source = readFileSync('src/lessons/programs/two-tasks-and-a-sleep.rs', 'utf8');
  const run = simulate(source, { profile: '1.24', seed: 1 });
  const index = new TraceIndex(TraceStore.from(run.trace));
  index.ingest();
  const names = new Map([...nameTasks(source, index.tasksBySite())].map(([id, n]) => [n, id]));
  const claim = [{ waker: 'slow', in: 'timer' }] as const;
  const at = (kind: 'timer-arm' | 'register') =>
    placeMoments(run.trace, [
      { when: { kind: 'pending', task: 0, future: 1 }, text: '' },
      { when: { kind }, text: '' },
    ]).placed[1]!.step;
  const early = index.at(at('timer-arm'));
  expect(claimProblems(claim, early, names, '')).toEqual(["no timer holds slow's waker"]);
  expect(claimProblems(claim, index.at(at('register')), names, '')).toEqual([]);
});
