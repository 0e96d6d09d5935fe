/**
 * The built-in programs the Lesson picker offers. Each is a real tokio program (also a conformance program
 * with output recorded from real tokio, see tests/conformance/lesson_*.rs). Narration arrives with the
 * lessons issue; until then a lesson is a program and a one-line summary.
 */
import twoTasks from './programs/two-tasks-and-a-sleep.rs?raw';
import workStealing from './programs/work-stealing.rs?raw';

export interface Lesson {
  readonly id: string;
  readonly title: string;
  readonly summary: string;
  readonly source: string;
}

export const LESSONS: readonly Lesson[] = [
  {
    id: 'two-tasks-and-a-sleep',
    title: 'Two tasks and a sleep',
    summary:
      'Spawned tasks wait in the run queue until main yields; a sleeping task hands its waker to the timer.',
    source: twoTasks,
  },
  {
    id: 'work-stealing',
    title: 'Work stealing on four workers',
    summary:
      'Tasks spawned on a worker go to its LIFO slot and local queue; idle workers search and steal half of it.',
    source: workStealing,
  },
];

export const DEFAULT_LESSON = LESSONS[0]!;

export function lessonById(id: string): Lesson | undefined {
  return LESSONS.find((l) => l.id === id);
}
