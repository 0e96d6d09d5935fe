/**
 * A lesson as the app uses it (its text and its program) and the pure functions on one. No lesson's text
 * is imported here: the UI imports this module in its first chunk and loads the course itself on demand.
 */
import type { LessonText } from './course';
import type { Moment } from './narration';

export interface Lesson extends LessonText {
  readonly source: string;
}

/** The lesson's program with its "try this" change applied. */
export function variantSource(lesson: Lesson): string {
  return lesson.source.replace(lesson.tryThis.from, lesson.tryThis.to);
}

/** The narration that fits a run of `source`: the lesson's own, its "try this" variant's, or none. */
export interface LessonScript {
  readonly moments: readonly Moment[];
  /** Shown before the first moment. */
  readonly intro: string;
  readonly variant: boolean;
}

export function lessonScript(lesson: Lesson, source: string): LessonScript | null {
  if (source === lesson.source) return { moments: lesson.moments, intro: lesson.summary, variant: false };
  if (source === variantSource(lesson))
    return { moments: lesson.tryThis.moments, intro: lesson.tryThis.changed, variant: true };
  return null;
}
