/**
 * The page's address is a permalink (DESIGN.md §6). This module opens a link (or the saved work, or the
 * default lesson), keeps the address bar in step with the view (`replaceState`, never a history entry per
 * step), autosaves edits, and offers the explicit "Reset to lesson". The encoding itself is in `link.ts`.
 */
import {
  DEFAULT_LESSON_ID,
  DEFAULT_LESSON_SOURCE,
  lessonById,
  lessonsLoaded,
  lessonsLoadError,
  lessonsReady,
} from '../lesson-library';
import { useApp } from '../store';
import { withApplying } from './applying';
import * as saved from './autosave';
import {
  decodeLink,
  describeError,
  encodeState,
  MAX_LINK_CHARS,
  type ShareState,
  DEFAULT_SHARE,
} from './link';
import { setNotice, useShare } from './share-store';
import { reportSaveFailure, startAutosave } from './tabs';

/** The current view as a link state. The source is left out when it is the lesson's own text. */
export function currentState(): ShareState {
  const a = useApp.getState();
  const sh = useShare.getState();
  const lesson = a.lessonId ? lessonById(a.lessonId) : undefined;
  return {
    lessonId: lesson ? lesson.id : null,
    source: lesson && lesson.source === a.source ? null : a.source,
    profile: a.profile,
    seed: a.seed,
    limits: { ...a.limits },
    step: pending?.step ?? a.step,
    selectedTask: pending ? pending.selectedTask : a.selectedTask,
    hiddenPanels: [...sh.hiddenPanels],
    timelineAxis: a.timelineAxis,
    granularity: a.granularity,
    note: sh.note,
  };
}

/** `#v1.…`, or null when the view is too large to be a link. */
export function currentFragment(state: ShareState = currentState()): string | null {
  const f = '#' + encodeState(state);
  return f.length - 1 > MAX_LINK_CHARS ? null : f;
}

/** Step and task to restore once the run that a link started has finished. */
let pending: { step: number; selectedTask: number | null } | null = null;

/** The course has arrived or will not (lesson-library.ts): lessons can be looked up for good. */
const lessonsSettled = () => lessonsLoaded() || lessonsLoadError() !== null;

/** Shows `state` (already validated) and runs it — once the course is here, if it names a lesson. */
export function applyState(state: ShareState): void {
  if (!lessonsSettled()) {
    void lessonsReady.then(() => applyState(state));
    return;
  }
  const lesson = state.lessonId ? lessonById(state.lessonId) : undefined;
  const source = state.source ?? lesson?.source ?? DEFAULT_LESSON_SOURCE;
  withApplying(() => {
    useApp.setState({
      lessonId: lesson ? lesson.id : state.source === null ? DEFAULT_LESSON_ID : null,
      source,
      profile: state.profile,
      seed: state.seed,
      limits: { ...state.limits },
      granularity: state.granularity,
      timelineAxis: state.timelineAxis,
      selectedTask: null,
      playing: false,
    });
    useShare.setState({ hiddenPanels: [...state.hiddenPanels], note: state.note });
  });
  // The saved code of this slot, as it is now, is what this tab knows of (an edit saves over it).
  saved.noteRead(saved.slotOf(useApp.getState().lessonId));
  pending = { step: state.step, selectedTask: state.selectedTask };
  // Before the App's first run it starts the run itself; afterwards a new link runs now.
  if (useApp.getState().status !== 'idle') void useApp.getState().run();
}

/** Jumps to `step` now, or once the current run is ready. */
export function gotoWhenReady(step: number): void {
  const s = useApp.getState();
  if (s.status === 'ready' && !pending) {
    s.setPlaying(false);
    s.setStep(step);
  } else pending = { step, selectedTask: pending?.selectedTask ?? s.selectedTask };
}

/** The saved work (the slot used last), if any, as a state. */
function savedState(): ShareState | null {
  const last = saved.lastLesson();
  if (!last) return null;
  const lesson = last.lessonId ? lessonById(last.lessonId) : undefined;
  const slot = saved.slotOf(lesson ? lesson.id : null);
  const code = saved.savedCode(slot);
  if (!lesson && code === null) return null;
  return { ...DEFAULT_SHARE, lessonId: lesson?.id ?? null, source: code };
}

/**
 * Opens a fragment: the link's view if it is valid, otherwise a clear notice and the saved work (main page)
 * or the default lesson. `fragment` empty means "no link": the saved work, silently.
 */
export function openFragment(fragment: string): void {
  const embedded = useShare.getState().embedded;
  const fallback = (why: string | null) => {
    const state = (!embedded && savedState()) || { ...DEFAULT_SHARE, lessonId: DEFAULT_LESSON_ID };
    applyState(state);
    if (why)
      setNotice({
        tone: 'error',
        text: `${why} Showing ${state.source !== null ? 'your saved code' : state.lessonId === DEFAULT_LESSON_ID ? 'the default lesson' : 'your saved lesson'} instead.`,
      });
  };
  if (fragment === '' || fragment === '#') return fallback(null);
  const d = decodeLink(fragment);
  if (!d.ok) return fallback(describeError(d.error));
  const state = d.state;
  if (state.lessonId !== null && !lessonById(state.lessonId) && state.source === null)
    return fallback('This link names a lesson that this Pollscope does not have.');
  setNotice(null);
  applyState(state);
  if (!embedded) offerSavedCode(state);
}

/** A link replaced what the person had saved for that lesson: keep it and offer it back. */
function offerSavedCode(state: ShareState): void {
  const { lessonId, source } = useApp.getState();
  const slot = saved.slotOf(lessonId);
  const mine = saved.savedCode(slot);
  if (mine === null || mine === source) return;
  // Kept for a lesson-only link too: the first edit of the lesson's text replaces the saved code.
  reportSaveFailure(saved.saveBackup(slot, mine));
  setNotice({
    tone: 'info',
    text: `${state.source !== null ? 'This link shows its own code.' : 'This link shows the lesson as written.'} Your saved code for ${lessonId ? 'this lesson' : 'your program'} is kept.`,
    action: {
      label: 'Open my saved code',
      run: () => {
        withApplying(() => useApp.setState({ source: mine, selectedTask: null }));
        saved.noteRead(slot);
        setNotice(null);
        void useApp.getState().run();
      },
    },
  });
}

/** The Lesson picker: a lesson with the person's saved edits of it, or (`''`) their scratch program. */
export function openLesson(id: string): void {
  if (!lessonsSettled()) {
    void lessonsReady.then(() => openLesson(id));
    return;
  }
  const lesson = id === '' ? undefined : lessonById(id);
  if (id !== '' && !lesson) return;
  const slot = saved.slotOf(lesson ? lesson.id : null);
  const source = saved.savedCode(slot) ?? lesson?.source ?? useApp.getState().source;
  withApplying(() => useApp.setState({ lessonId: lesson ? lesson.id : null, source, selectedTask: null }));
  saved.noteRead(slot);
  if (!lesson) {
    const r = saved.saveCode(slot, source);
    if (!r.ok) reportSaveFailure(r.why);
  }
  reportSaveFailure(saved.saveLast(lesson ? lesson.id : null));
  setNotice(null);
  void useApp.getState().run();
}

/** "Reset to lesson": back to the lesson's own code; the edits are kept as a backup, offered back once. */
export function resetToLesson(): void {
  const { lessonId, source } = useApp.getState();
  const lesson = lessonId ? lessonById(lessonId) : undefined;
  if (!lesson || lesson.source === source) return;
  reportSaveFailure(saved.saveBackup(lesson.id, source));
  const r = saved.saveCode(lesson.id, null);
  if (!r.ok) reportSaveFailure(r.why);
  withApplying(() => useApp.setState({ source: lesson.source, selectedTask: null }));
  void useApp.getState().run();
  setNotice({
    tone: 'info',
    text: 'The lesson is back to its original code.',
    action: {
      label: 'Restore my edits',
      run: () => {
        withApplying(() => useApp.setState({ source }));
        const r = saved.saveCode(lesson.id, source);
        if (!r.ok) reportSaveFailure(r.why);
        setNotice(null);
        void useApp.getState().run();
      },
    },
  });
}

let started = false;

/** Wires the page: opens the address's link, then keeps the address, the saved work and the view in step. */
export function startPermalinks({ embedded }: { embedded: boolean }): void {
  if (started) return;
  started = true;
  useShare.setState({ embedded });

  // Apply a link's step and task once its run is ready.
  useApp.subscribe((s, prev) => {
    if (!pending) return;
    if (s.status === 'failed') pending = null;
    if (s.status !== 'ready' || prev.status === 'ready') return;
    const p = pending;
    pending = null;
    if (!p) return;
    s.setStep(p.step);
    s.selectTask(p.selectedTask);
  });

  // A link and the saved work name lessons: read them once the course is here (it loads while the page
  // renders). The App's first run waits for the same promise, and runs after this (registered first).
  void lessonsReady.then(() => {
    openAddress();
    const why = lessonsLoadError();
    if (why !== null)
      setNotice({
        tone: 'error',
        text: `Pollscope could not load its lessons (${why}). Your own code still runs; reload the page to try again.`,
      });
    window.addEventListener('hashchange', () => {
      if (location.hash !== written) openAddress();
    });
    if (!embedded) {
      startAddressSync();
      startAutosave();
    }
  });
}

/** The fragment the address had when this page last opened it or wrote it itself. */
let written = '';

/** Opens the address's fragment, as the page's own from now on. */
function openAddress(): void {
  written = location.hash;
  openFragment(location.hash);
}

function startAddressSync(): void {
  let timer: ReturnType<typeof setTimeout> | null = null;
  const write = () => {
    timer = null;
    // An address this page did not write (a link opened in this page whose hashchange event has not been
    // dispatched yet: on a busy machine a due write can run first) is opened, never overwritten.
    if (location.hash !== written) return openAddress();
    if (pending) return schedule();
    const f = currentFragment();
    if (f === null || f === location.hash) return;
    written = f;
    history.replaceState(history.state, '', f);
  };
  // Encoding costs a deflate of the source: coalesce a scrub's many steps into one write.
  const schedule = () => {
    timer ??= setTimeout(write, 120);
  };
  useApp.subscribe((s, prev) => {
    // An edit is written at once: a reload takes the address as it is when it starts, before any
    // pagehide handler could update it.
    if (s.source !== prev.source && !pending) {
      if (timer !== null) clearTimeout(timer);
      write();
    } else schedule();
  });
  useShare.subscribe(schedule);
  // A reload right after a change still finds it in the address.
  window.addEventListener('pagehide', () => {
    if (timer !== null) {
      clearTimeout(timer);
      write();
    }
  });
}
