/**
 * The built-in lessons: the course's text (course.ts) with each lesson's program, a real tokio program that
 * is also a conformance program recorded from real tokio (tests/conformance/lesson_*.rs).
 */
import blockingTheExecutor from './programs/blocking-the-executor.rs?raw';
import buildYourOwnExecutor from './programs/build-your-own-executor.rs?raw';
import channels from './programs/channels.rs?raw';
import delayWakesItself from './programs/delay-wakes-itself.rs?raw';
import executorIsAQueue from './programs/executor-is-a-queue.rs?raw';
import futuresAreLazy from './programs/futures-are-lazy.rs?raw';
import lostWaker from './programs/lost-waker.rs?raw';
import notifyAndSemaphore from './programs/notify-and-semaphore.rs?raw';
import reactorOfYourOwn from './programs/reactor-of-your-own.rs?raw';
import selectCancellation from './programs/select-cancellation.rs?raw';
import shutdown from './programs/shutdown.rs?raw';
import stateMachine from './programs/state-machine.rs?raw';
import tasksVsFutures from './programs/tasks-vs-futures.rs?raw';
import tcpEcho from './programs/tcp-echo.rs?raw';
import twoSchedulers from './programs/two-schedulers.rs?raw';
import twoTasks from './programs/two-tasks-and-a-sleep.rs?raw';
import workStealing from './programs/work-stealing.rs?raw';
import yieldAndBudget from './programs/yield-and-budget.rs?raw';
import { COURSE } from './course';
import type { Lesson } from './lesson';

export { lessonScript, variantSource, type Lesson, type LessonScript } from './lesson';

const PROGRAMS: Record<string, string> = {
  'two-tasks-and-a-sleep': twoTasks,
  'futures-are-lazy': futuresAreLazy,
  'state-machine': stateMachine,
  'delay-wakes-itself': delayWakesItself,
  'lost-waker': lostWaker,
  'reactor-of-your-own': reactorOfYourOwn,
  'executor-is-a-queue': executorIsAQueue,
  'build-your-own-executor': buildYourOwnExecutor,
  'tasks-vs-futures': tasksVsFutures,
  'two-schedulers': twoSchedulers,
  'work-stealing': workStealing,
  'blocking-the-executor': blockingTheExecutor,
  'yield-and-budget': yieldAndBudget,
  'select-cancellation': selectCancellation,
  channels,
  'notify-and-semaphore': notifyAndSemaphore,
  'tcp-echo': tcpEcho,
  shutdown,
};

export const LESSONS: readonly Lesson[] = COURSE.map((l) => ({ ...l, source: PROGRAMS[l.id] ?? '' }));

/** The lesson the app opens on: the course's first, a tour of one small run. */
export const DEFAULT_LESSON = LESSONS[0]!;

export function lessonById(id: string): Lesson | undefined {
  return LESSONS.find((l) => l.id === id);
}
