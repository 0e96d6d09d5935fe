/**
 * The lessons as the app sees them. The first chunk holds only the catalog (ids and titles) and the default
 * lesson's program; the course's texts and the other programs (`src/lessons/index.ts`, ~20 KB gzip) are a
 * chunk of their own, requested as soon as this module runs, in parallel with the first render and the
 * worker's start. Until it arrives `lessonById` finds nothing: the permalink opener waits for
 * `lessonsReady` before it reads a link or the saved work (permalink.ts), and components read lessons with
 * `useLesson`, which renders again once they are here (the Narration panel shows "Loading the lesson" meanwhile).
 */
import { useSyncExternalStore } from 'react';
import defaultSource from '../lessons/programs/two-tasks-and-a-sleep.rs?raw';
import type { Lesson } from '../lessons/lesson';

export { DEFAULT_LESSON_ID, LESSON_CATALOG, lessonIndex, lessonTitle } from '../lessons/catalog';

/** The default lesson's program, there from the first render (the editor shows it at once). */
export const DEFAULT_LESSON_SOURCE: string = defaultSource;

let lessons: ReadonlyMap<string, Lesson> | null = null;
/** Why the course could not be loaded (a failed deploy, the connection lost), in words; null otherwise. */
let loadError: string | null = null;
const listeners = new Set<() => void>();

/** Settles once the course is here (or failed to load: `lessonsLoadError()` says why). Never rejects. */
export const lessonsReady: Promise<void> = import('../lessons').then(
  (m) => {
    lessons = new Map(m.LESSONS.map((l) => [l.id, l]));
    for (const f of listeners) f();
  },
  (e: unknown) => {
    loadError = e instanceof Error ? e.message : String(e);
    for (const f of listeners) f();
  },
);

export function lessonsLoaded(): boolean {
  return lessons !== null;
}

export function lessonsLoadError(): string | null {
  return loadError;
}

/** The lesson `id` if the course is loaded and has it. */
export function lessonById(id: string): Lesson | undefined {
  return lessons?.get(id);
}

function subscribe(f: () => void): () => void {
  listeners.add(f);
  return () => listeners.delete(f);
}

/** Whether the course has arrived (a component using it renders again when it does). */
export function useLessonsLoaded(): boolean {
  return useSyncExternalStore(subscribe, lessonsLoaded);
}

/** The lesson `id` (null: none) once the course is loaded; undefined before, or for an unknown id. */
export function useLesson(id: string | null): Lesson | undefined {
  useLessonsLoaded();
  return id ? lessonById(id) : undefined;
}
