/**
 * The course's table of contents: each lesson's id and title, in order — all the first screen needs (the
 * Lesson picker, "n/N", the previous and next lesson). The texts (course.ts, ~15 KB gzip) and programs load
 * on demand (src/ui/lesson-library.ts). lessons.test.ts holds this list equal to course.ts.
 */
export interface LessonEntry {
  readonly id: string;
  readonly title: string;
}

export const LESSON_CATALOG: readonly LessonEntry[] = [
  { id: 'two-tasks-and-a-sleep', title: 'Two tasks and a sleep' },
  { id: 'futures-are-lazy', title: 'Futures are lazy' },
  { id: 'state-machine', title: 'An async fn is a state machine' },
  { id: 'delay-wakes-itself', title: 'Pending and the waker' },
  { id: 'lost-waker', title: 'The lost waker' },
  { id: 'reactor-of-your-own', title: 'A reactor of your own' },
  { id: 'executor-is-a-queue', title: 'An executor is a queue' },
  { id: 'build-your-own-executor', title: 'Build your own executor' },
  { id: 'tasks-vs-futures', title: 'Tasks vs futures' },
  { id: 'two-schedulers', title: 'current_thread vs multi_thread' },
  { id: 'work-stealing', title: 'Work stealing on four workers' },
  { id: 'blocking-the-executor', title: 'Blocking the executor' },
  { id: 'yield-and-budget', title: 'Taking turns: yield_now and the coop budget' },
  { id: 'select-cancellation', title: 'select! and cancellation' },
  { id: 'channels', title: 'Channels and backpressure' },
  { id: 'notify-and-semaphore', title: 'Notify and Semaphore' },
  { id: 'tcp-echo', title: 'The I/O reactor: a TCP echo' },
  { id: 'shutdown', title: 'When main returns' },
];

/** The lesson the app opens on: the course's first, a tour of one small run. */
export const DEFAULT_LESSON_ID = LESSON_CATALOG[0]!.id;

/** The title of lesson `id`, or undefined when the course has no such lesson. */
export function lessonTitle(id: string): string | undefined {
  return LESSON_CATALOG.find((l) => l.id === id)?.title;
}

/** The lesson's place in the course (0-based), or -1. */
export function lessonIndex(id: string): number {
  return LESSON_CATALOG.findIndex((l) => l.id === id);
}
