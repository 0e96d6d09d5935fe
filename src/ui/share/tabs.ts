/**
 * Autosave, and two tabs on one lesson. Every edit is saved with a revision (autosave.ts); a tab learns of
 * another tab's save from the `storage` event, and a save over code another tab saved in between keeps
 * that code first. Nothing is ever lost, and the person is told in words, with a button to open the other
 * tab's version (which keeps this tab's, with a button back). A save the browser refuses (full storage,
 * storage disabled) is said once.
 */
import { lessonById } from '../lesson-library';
import { useApp } from '../store';
import { isApplying, withApplying } from './applying';
import * as saved from './autosave';
import { setNotice } from './share-store';

let warned = false;

/** Says once per page that edits are not being saved, and why. */
export function reportSaveFailure(why: saved.SaveFailure | null): void {
  if (why === null || warned) return;
  warned = true;
  setNotice({
    tone: 'error',
    text:
      why === 'full'
        ? "Pollscope could not save your edits: this browser's storage for the page is full. Your code is still here; copy it before you leave, or free space by clearing this site's stored data."
        : 'Pollscope could not save your edits: this browser does not let the page store anything (a private window, a sandboxed frame or a site setting). Your code is still here; copy it before you leave.',
  });
}

/** What the slot is, for a sentence. */
const what = (slot: saved.Slot) => (slot === saved.SCRATCH ? 'your program' : 'this lesson');

/** The code to save for what the tab shows: null when it is the lesson's own text. */
function toSave(lessonId: string | null, source: string): string | null {
  const lesson = lessonId ? lessonById(lessonId) : undefined;
  return lesson && lesson.source === source ? null : source;
}

/** Saves what the tab shows now; tells the person if another tab's code had to be kept aside. */
function saveShown(): void {
  const { lessonId, source } = useApp.getState();
  const slot = saved.slotOf(lessonId);
  const r = saved.saveCode(slot, toSave(lessonId, source));
  if (!r.ok) return reportSaveFailure(r.why);
  reportSaveFailure(saved.saveLast(lessonId));
  if (r.displaced && !saved.isMine(r.displaced.rev) && r.displaced.rev !== 'legacy')
    offerOther(slot, r.displaced.text);
}

/** Another tab's code for the slot this tab shows differs from ours: say so, offer it. */
function offerOther(slot: saved.Slot, theirs: string): void {
  setNotice({
    tone: 'info',
    text: `Another tab saved different code for ${what(slot)}. Nothing is lost: this tab keeps its own code, and the other tab's version is kept too.`,
    action: { label: "Open the other tab's version", run: () => switchTo(slot, theirs, 'theirs') },
  });
}

/** Shows `text` (the other tab's version, or this tab's again) and saves it; what was shown is kept. */
function switchTo(slot: saved.Slot, text: string, whose: 'theirs' | 'mine'): void {
  const { lessonId, source } = useApp.getState();
  if (saved.slotOf(lessonId) !== slot) return setNotice(null);
  if (source !== text) reportSaveFailure(saved.keepMine(slot, source));
  withApplying(() => useApp.setState({ source: text, selectedTask: null }));
  saveShown();
  setNotice({
    tone: 'info',
    text:
      whose === 'theirs'
        ? "Showing the other tab's version. This tab's code is kept."
        : "Showing this tab's code again. The other tab's version is kept.",
    action:
      whose === 'theirs'
        ? { label: "Open this tab's version", run: () => switchTo(slot, source, 'mine') }
        : { label: "Open the other tab's version", run: () => switchTo(slot, source, 'theirs') },
  });
  void useApp.getState().run();
}

let started = false;

/** Saves the person's edits as they happen and listens for other tabs' saves. */
export function startAutosave(): void {
  if (started) return;
  started = true;
  saved.noteRead(saved.slotOf(useApp.getState().lessonId));
  useApp.subscribe((s, prev) => {
    if (isApplying()) return;
    if (s.lessonId !== prev.lessonId) {
      reportSaveFailure(saved.saveLast(s.lessonId));
      return;
    }
    if (s.source !== prev.source) saveShown();
  });
  window.addEventListener('storage', (e) => {
    const slot = saved.slotOfKey(e.key);
    if (slot === null || e.newValue === null) return;
    const { lessonId, source } = useApp.getState();
    if (saved.slotOf(lessonId) !== slot) return;
    const theirs = saved.savedRecord(slot);
    if (!theirs || saved.isMine(theirs.rev) || theirs.text === source) return;
    offerOther(slot, theirs.text);
  });
}
