/**
 * Edits are saved in localStorage as they happen, one slot per lesson and one for scratch code, so a reload
 * or a bad link never loses them. Nothing here decides what to show; `permalink.ts` does.
 *
 * Keys (`pollscope:v1:` prefix): `code:<lesson id>` / `code:scratch` — the edited source of that slot (absent
 * when the lesson is unedited); `backup:<slot>` — code a link or "Reset to lesson" replaced, restorable;
 * `last` — `{ lessonId }` of the slot the person worked in last.
 */

const PREFIX = 'pollscope:v1:';
export type Slot = string; // a lesson id, or SCRATCH
export const SCRATCH = 'scratch';

export const slotOf = (lessonId: string | null): Slot => lessonId ?? SCRATCH;

/** localStorage can be missing or throw (sandboxed frames, full quota, privacy modes): never fail on it. */
function storage(): Storage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}

function get(key: string): string | null {
  try {
    return storage()?.getItem(PREFIX + key) ?? null;
  } catch {
    return null;
  }
}

function put(key: string, value: string | null): boolean {
  try {
    const s = storage();
    if (!s) return false;
    if (value === null) s.removeItem(PREFIX + key);
    else s.setItem(PREFIX + key, value);
    return true;
  } catch {
    return false;
  }
}

export const savedCode = (slot: Slot): string | null => get('code:' + slot);
export const saveCode = (slot: Slot, source: string | null): boolean => put('code:' + slot, source);
export const backupCode = (slot: Slot): string | null => get('backup:' + slot);
export const saveBackup = (slot: Slot, source: string | null): boolean => put('backup:' + slot, source);

export function lastLesson(): { lessonId: string | null } | null {
  const raw = get('last');
  if (raw === null) return null;
  try {
    const v: unknown = JSON.parse(raw);
    if (v && typeof v === 'object' && 'lessonId' in v) {
      const id = (v as { lessonId: unknown }).lessonId;
      if (id === null || typeof id === 'string') return { lessonId: id };
    }
  } catch {
    // A damaged entry is ignored.
  }
  return null;
}

export const saveLast = (lessonId: string | null) => put('last', JSON.stringify({ lessonId }));
