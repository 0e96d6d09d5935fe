/**
 * Which lessons a person has watched to the end, remembered in localStorage (per browser, no server).
 * A lesson counts as done once its run has been stepped to its last narrated moment. Storage that is
 * missing, full or holding garbage is treated as "nothing done yet", never as an error.
 */
import { useSyncExternalStore } from 'react';

const KEY = 'pollscope:lessons-done';
const listeners = new Set<() => void>();
let cache: ReadonlySet<string> | null = null;

function read(): ReadonlySet<string> {
  if (cache) return cache;
  try {
    const raw: unknown = JSON.parse(localStorage.getItem(KEY) ?? '[]');
    cache = new Set(Array.isArray(raw) ? raw.filter((x): x is string => typeof x === 'string') : []);
  } catch {
    cache = new Set();
  }
  return cache;
}

export function markLessonDone(id: string): void {
  const next = new Set(read());
  if (next.has(id)) return;
  next.add(id);
  cache = next;
  try {
    localStorage.setItem(KEY, JSON.stringify([...next]));
  } catch {
    // Private mode or a full quota: progress is kept for this page only.
  }
  // Notify after the current render (markLessonDone is called while rendering the panel).
  queueMicrotask(() => listeners.forEach((l) => l()));
}

export function useLessonProgress(): ReadonlySet<string> {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    read,
    read,
  );
}
