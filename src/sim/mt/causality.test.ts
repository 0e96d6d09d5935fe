/**
 * Threads keep their own clocks and a step (a poll) runs to its end, so a worker behind in time could take a
 * task another thread queued "later" (a steal at 80.41 µs of a task queued at 80.50 µs). `Task.queuedAt`
 * makes the taker catch up. These runs check it on the programs that steal and inject the most.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { simulate } from '../simulate';

const PROGRAMS = [
  'lesson_work_stealing',
  'mt_many_tasks_sum',
  'mt_spawn_blocking_pool',
  'lesson_two_schedulers',
];

/** Every steal and every poll happens no earlier than the moved/polled task was queued. */
function causalityViolations(name: string, seed: number): string[] {
  const src = readFileSync(`tests/conformance/${name}.rs`, 'utf8');
  const r = simulate(src, { seed, limits: { maxEvents: 400_000, maxStepsPerPoll: 200_000 } });
  const t = r.trace;
  const queuedAt = new Map<number, number>();
  const bad: string[] = [];
  for (let i = 0; i < t.length; i++) {
    const e = t.get(i);
    if (e.kind === 'steal') {
      // The schedule events that follow name the tasks moved into the thief's queue.
      for (let j = i + 1, k = 0; k < e.count - 1 && j < t.length; j++) {
        const s = t.get(j);
        if (s.kind !== 'schedule') continue;
        k++;
        const q = queuedAt.get(s.task) ?? 0;
        if (q > e.time) bad.push(`#${i} steal at ${e.time} of task ${s.task} queued at ${q}`);
      }
    } else if (e.kind === 'poll') {
      const q = queuedAt.get(e.task) ?? 0;
      if (q > e.time) bad.push(`#${i} poll at ${e.time} of task ${e.task} queued at ${q}`);
    } else if (e.kind === 'schedule') {
      queuedAt.set(e.task, e.time);
    }
  }
  return bad;
}

describe('a thread never takes a task before it was queued', () => {
  for (const name of PROGRAMS) {
    it(name, () => {
      for (const seed of [1, 2, 3, 7]) expect(causalityViolations(name, seed), `seed ${seed}`).toEqual([]);
    });
  }
});
