/**
 * Edits are saved in localStorage as they happen, one slot per lesson and one for scratch code, so a reload
 * or a bad link never loses them. Nothing here decides what to show; `permalink.ts` and `tabs.ts` do.
 *
 * Keys (`pollscope:v1:` prefix):
 * - `save:<slot>` — `{ rev, text }`: the edited source of that slot (absent when the lesson is unedited) and
 *   the revision of that save, unique to the tab and the save (`<tab id>.<n>`).
 * - `code:<slot>` — the same as plain text, as Pollscope saved it before revisions; read when there is no
 *   `save:` record, removed by the next save.
 * - `kept:<slot>` — `[{ rev, text }]`: code that a save displaced because another tab had saved it since
 *   this tab last read the slot (two tabs on one lesson). One entry per tab, newest first, at most
 *   `MAX_KEPT`; nothing another tab wrote is ever overwritten without a copy here.
 * - `backup:<slot>` — code a link or "Reset to lesson" replaced, restorable.
 * - `last` — `{ lessonId }` of the slot the person worked in last.
 *
 * Every write reports how it went: a full quota, or a browser that gives the page no storage at all
 * (private modes, sandboxed frames, site settings), is said to the person once (`tabs.ts`).
 */

const PREFIX = 'pollscope:v1:';
export type Slot = string; // a lesson id, or SCRATCH
export const SCRATCH = 'scratch';
/** Versions kept per slot (one per tab that lost a race). */
export const MAX_KEPT = 5;

export const slotOf = (lessonId: string | null): Slot => lessonId ?? SCRATCH;

export interface Saved {
  readonly rev: string;
  readonly text: string;
}

/** Why a write failed: the quota is used up, or the page may not store anything. */
export type SaveFailure = 'full' | 'unavailable';
export type SaveResult =
  | { ok: true; /** Another tab's code that this save moved to `kept:` (or null). */ displaced: Saved | null }
  | { ok: false; why: SaveFailure };

/** This tab's name in the revisions it writes (not secret, only distinct; `Math.random` is fine here). */
const TAB = Math.random().toString(36).slice(2, 10) || 'tab';
let saves = 0;
const newRev = () => `${TAB}.${++saves}`;
/** A revision written by this tab (this page load). */
export const isMine = (rev: string) => rev.startsWith(TAB + '.');

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

/** Writes (or removes, for null); null on success, otherwise why it failed. */
function put(key: string, value: string | null): SaveFailure | null {
  try {
    const s = storage();
    if (!s) return 'unavailable';
    if (value === null) s.removeItem(PREFIX + key);
    else s.setItem(PREFIX + key, value);
    return null;
  } catch (e) {
    const name = (e as { name?: unknown } | null)?.name;
    return name === 'QuotaExceededError' || name === 'NS_ERROR_DOM_QUOTA_REACHED' ? 'full' : 'unavailable';
  }
}

function parseSaved(v: unknown): Saved | null {
  if (!v || typeof v !== 'object') return null;
  const { rev, text } = v as { rev?: unknown; text?: unknown };
  return typeof rev === 'string' && typeof text === 'string' ? { rev, text } : null;
}

function readJson(key: string): unknown {
  const raw = get(key);
  if (raw === null) return null;
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    return null; // A damaged entry is ignored.
  }
}

/** The saved code of a slot with its revision (a plain-text save from before revisions is `legacy`). */
export function savedRecord(slot: Slot): Saved | null {
  const record = parseSaved(readJson('save:' + slot));
  if (record) return record;
  const legacy = get('code:' + slot);
  return legacy === null ? null : { rev: 'legacy', text: legacy };
}

export const savedCode = (slot: Slot): string | null => savedRecord(slot)?.text ?? null;

/** The slot a storage key belongs to, if it is a saved-code key (for `storage` events from other tabs). */
export function slotOfKey(key: string | null): Slot | null {
  const m = key === null ? null : /^pollscope:v1:(?:save|code):(.+)$/.exec(key);
  return m ? m[1]! : null;
}

/** Versions of a slot's code that other saves displaced, newest first. */
export function keptVersions(slot: Slot): Saved[] {
  const v = readJson('kept:' + slot);
  return Array.isArray(v) ? v.map(parseSaved).filter((s): s is Saved => s !== null) : [];
}

const tabOf = (rev: string) => rev.split('.')[0]!;

/**
 * Keeps `version` in `kept:<slot>`, replacing the older one from the same tab only (two tabs with the same
 * text now may not have it later), and dropping the oldest past `MAX_KEPT` tabs.
 */
export function keep(slot: Slot, version: Saved): SaveFailure | null {
  const others = keptVersions(slot).filter((k) => tabOf(k.rev) !== tabOf(version.rev));
  return put('kept:' + slot, JSON.stringify([version, ...others].slice(0, MAX_KEPT)));
}

/** Keeps code this tab showed (before it switched to another tab's version), as this tab's version. */
export const keepMine = (slot: Slot, text: string): SaveFailure | null => keep(slot, { rev: newRev(), text });

/**
 * The revision of each slot as this tab last read or wrote it. A save over a different revision would
 * destroy code another tab saved in between: that code is kept first.
 */
const known = new Map<Slot, string | null>();

/** This tab shows the slot's saved code as it is now (it opened the slot or took over its code). */
export function noteRead(slot: Slot): void {
  known.set(slot, savedRecord(slot)?.rev ?? null);
}

/** Saves `text` as the slot's code (null: the slot is unedited), keeping any code another tab saved since. */
export function saveCode(slot: Slot, text: string | null): SaveResult {
  const current = savedRecord(slot);
  let displaced: Saved | null = null;
  if (current && (!known.has(slot) || known.get(slot) !== current.rev)) {
    // Kept even when the texts are the same now: this tab may change or clear its copy later.
    const failed = keep(slot, current);
    if (failed) return { ok: false, why: failed };
    if (current.text !== text) displaced = current;
  }
  const rev = text === null ? null : newRev();
  const failed = put('save:' + slot, rev === null ? null : JSON.stringify({ rev, text }));
  if (failed) return { ok: false, why: failed };
  put('code:' + slot, null); // the plain-text copy from before revisions, now superseded
  known.set(slot, rev);
  return { ok: true, displaced };
}

export const backupCode = (slot: Slot): string | null => get('backup:' + slot);
export const saveBackup = (slot: Slot, source: string | null): SaveFailure | null =>
  put('backup:' + slot, source);

export function lastLesson(): { lessonId: string | null } | null {
  const v = readJson('last');
  if (v && typeof v === 'object' && 'lessonId' in v) {
    const id = (v as { lessonId: unknown }).lessonId;
    if (id === null || typeof id === 'string') return { lessonId: id };
  }
  return null;
}

export const saveLast = (lessonId: string | null): SaveFailure | null =>
  put('last', JSON.stringify({ lessonId }));
