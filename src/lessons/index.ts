/**
 * The built-in lessons: the course's text (course.ts) with each lesson's program, a real tokio program that
 * is also a conformance program recorded from real tokio (tests/conformance/lesson_*.rs).
 */
import blockingTheExecutor from './programs/blocking-the-executor.rs?raw';
import channels from './programs/channels.rs?raw';
import delayWakesItself from './programs/delay-wakes-itself.rs?raw';
import futuresAreLazy from './programs/futures-are-lazy.rs?raw';
import lostWaker from './programs/lost-waker.rs?raw';
import notifyAndSemaphore from './programs/notify-and-semaphore.rs?raw';
import shutdown from './programs/shutdown.rs?raw';
import stateMachine from './programs/state-machine.rs?raw';
import twoTasks from './programs/two-tasks-and-a-sleep.rs?raw';
import workStealing from './programs/work-stealing.rs?raw';
import yieldAndBudget from './programs/yield-and-budget.rs?raw';
import { COURSE, type LessonText } from './course';

export interface Lesson extends LessonText {
  readonly source: string;
}

const PROGRAMS: Record<string, string> = {
  'two-tasks-and-a-sleep': twoTasks,
  'futures-are-lazy': futuresAreLazy,
  'state-machine': stateMachine,
  'delay-wakes-itself': delayWakesItself,
  'lost-waker': lostWaker,
  'work-stealing': workStealing,
  'blocking-the-executor': blockingTheExecutor,
  'yield-and-budget': yieldAndBudget,
  channels,
  'notify-and-semaphore': notifyAndSemaphore,
  shutdown,
};

export const LESSONS: readonly Lesson[] = COURSE.map((l) => ({ ...l, source: PROGRAMS[l.id] ?? '' }));

/** The lesson the app opens on: the course's first, a tour of one small run. */
export const DEFAULT_LESSON = LESSONS[0]!;

export function lessonById(id: string): Lesson | undefined {
  return LESSONS.find((l) => l.id === id);
}
