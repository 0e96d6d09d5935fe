// @vitest-environment jsdom
// Saved edits with revisions (autosave.ts). Each "tab" is a fresh instance of the module (its own tab id
// and its own memory of what it read), all sharing jsdom's one localStorage, as tabs of a browser do.
import fc from 'fast-check';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type * as AutosaveModule from './autosave';

type Autosave = typeof AutosaveModule;
async function openTab(): Promise<Autosave> {
  vi.resetModules();
  return import('./autosave');
}

const SLOT = 'two-tasks-and-a-sleep';
/** Every text the slot's storage holds: the saved one and the kept ones. */
const held = (tab: Autosave) => [tab.savedRecord(SLOT)?.text, ...tab.keptVersions(SLOT).map((k) => k.text)];

beforeEach(() => localStorage.clear());

describe('saved edits with revisions', () => {
  it('reads code saved before revisions, and the next save replaces it', async () => {
    localStorage.setItem(`pollscope:v1:code:${SLOT}`, 'old plain text');
    const tab = await openTab();
    expect(tab.savedRecord(SLOT)).toEqual({ rev: 'legacy', text: 'old plain text' });
    tab.noteRead(SLOT);
    expect(tab.saveCode(SLOT, 'new')).toEqual({ ok: true, displaced: null });
    expect(localStorage.getItem(`pollscope:v1:code:${SLOT}`)).toBeNull();
    expect(tab.savedCode(SLOT)).toBe('new');
  });

  it('a save over code another tab saved since keeps that code, and says which', async () => {
    const a = await openTab();
    const b = await openTab();
    a.noteRead(SLOT);
    b.noteRead(SLOT);
    expect(a.saveCode(SLOT, 'from A')).toMatchObject({ ok: true, displaced: null });
    const r = b.saveCode(SLOT, 'from B');
    expect(r.ok && r.displaced?.text).toBe('from A');
    expect(held(b)).toEqual(['from B', 'from A']);
    // A tab that read the other's code first builds on it: an ordinary edit, nothing to keep.
    a.noteRead(SLOT);
    expect(a.saveCode(SLOT, 'from B, edited in A')).toMatchObject({ ok: true, displaced: null });
  });

  it('however up to MAX_KEPT tabs interleave their saves, the last code of each tab is held', async () => {
    const tabs: Autosave[] = [];
    for (let i = 0; i < 5; i++) tabs.push(await openTab());
    expect(tabs.length).toBe(tabs[0]!.MAX_KEPT);
    const op = fc.record({
      tab: fc.nat(tabs.length - 1),
      text: fc.option(fc.constantFrom('a', 'b', 'c', 'd')),
    });
    fc.assert(
      fc.property(fc.array(op, { maxLength: 30 }), (ops) => {
        localStorage.clear();
        tabs.forEach((t) => t.noteRead(SLOT));
        const last = new Map<number, string | null>();
        for (const { tab, text } of ops) {
          expect(tabs[tab]!.saveCode(SLOT, text).ok).toBe(true);
          last.set(tab, text);
          for (const t of last.values()) if (t !== null) expect(held(tabs[0]!)).toContain(t);
        }
      }),
      { numRuns: 1000, seed: 14 },
    );
  });

  it('says why a write failed: a full quota, or no storage at all', async () => {
    const tab = await openTab();
    tab.noteRead(SLOT);
    const setItem = vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
      throw new DOMException('quota', 'QuotaExceededError');
    });
    expect(tab.saveCode(SLOT, 'x')).toEqual({ ok: false, why: 'full' });
    setItem.mockImplementation(() => {
      throw new DOMException('denied', 'SecurityError');
    });
    expect(tab.saveCode(SLOT, 'x')).toEqual({ ok: false, why: 'unavailable' });
    expect(tab.saveLast(null)).toBe('unavailable');
    setItem.mockRestore();
    expect(tab.saveCode(SLOT, 'x')).toMatchObject({ ok: true });
  });

  it('ignores damaged entries', async () => {
    localStorage.setItem(`pollscope:v1:save:${SLOT}`, '{"rev": 3}');
    localStorage.setItem(`pollscope:v1:kept:${SLOT}`, '[1, {"rev": "x.1", "text": "ok"}, null]');
    localStorage.setItem('pollscope:v1:last', 'not json');
    const tab = await openTab();
    expect(tab.savedRecord(SLOT)).toBeNull();
    expect(tab.keptVersions(SLOT)).toEqual([{ rev: 'x.1', text: 'ok' }]);
    expect(tab.lastLesson()).toBeNull();
    expect(tab.slotOfKey(`pollscope:v1:save:${SLOT}`)).toBe(SLOT);
    expect(tab.slotOfKey('pollscope:v1:kept:x')).toBeNull();
  });
});
