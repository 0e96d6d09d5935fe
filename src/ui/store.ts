/**
 * UI state (zustand): the source, the run's status and outcome, and the timeline position. Trace data lives
 * in `session.ts`; components derive the view state at `step` from it.
 */
import { create } from 'zustand';
import type { Diagnostic } from '../lang/diagnostics';
import type { Limits, Profile, RuntimeConfig } from '../sim/config';
import type { RunOutcome } from '../sim/simulate';
import { DEFAULT_LESSON_ID, DEFAULT_LESSON_SOURCE, lessonById, lessonsReady } from './lesson-library';
import { nextMomentAfter, previousMomentBefore, type PlacedMoment } from '../lessons/narration';
import { CancelledError, WatchdogError } from '../worker/client';
import { failureText } from './failure';
import type { FutureLayout } from '../sim/layouts';
import type { TraceReader } from '../trace/store';
import type { RecordedRun } from '../trace/export';
import { catchUpIndex, session, setTrace, simClient } from './session';
import { nameTasks, setTaskNames } from './task-names';

export type RunStatus = 'idle' | 'running' | 'ready' | 'failed';

/** Scroll the editor to `line` (1-based) and select [from, to) when given (offsets into the run's source). */
export interface CodeReveal {
  line: number;
  from?: number;
  to?: number;
  /** A new object for every request, so asking twice for the same line scrolls again. */
  nonce: number;
}
export type Granularity = 'event' | 'poll' | 'wake';

/** The next (or previous) step whose event is a poll / a wake; the ends of the trace if there is none. */
function nextMatching(
  trace: TraceReader,
  from: number,
  dir: number,
  g: Granularity,
  maxStep: number,
): number {
  const kind = g === 'poll' ? 'poll' : 'wake';
  const d = dir > 0 ? 1 : -1;
  for (let i = from + d; i >= 0 && i <= maxStep; i += d) if (trace.kindAt(i) === kind) return i;
  return d > 0 ? maxStep : -1;
}

export interface AppState {
  source: string;
  lessonId: string | null;
  profile: Profile;
  seed: number;
  status: RunStatus;
  /** A failure of Pollscope itself (worker crash, watchdog), in plain words. */
  failure: string | null;
  /** The failure was the watchdog: offer to retry with smaller limits. */
  failureRetryable: boolean;
  /** Events computed so far by the running simulation. */
  progress: number;
  /** Limits for the next run (smaller after a watchdog retry). */
  limits: Partial<Limits>;
  outcome: RunOutcome | null;
  diagnostics: Diagnostic[];
  runtime: RuntimeConfig | null;
  /** The trace on screen was recorded from a real tokio run (opened with "Open trace…"), not simulated. */
  recorded: RecordedRun | null;
  traceVersion: number;
  /** Changes whenever the trace index has caught up with the events received (lanes and names refresh). */
  indexVersion: number;
  /** The source the current run was made from (its offsets are the trace's `site`s). */
  runSource: string;
  /** A request to show a place in the code (a click on a task, a variant, a caption, a diagnostic). */
  codeReveal: CodeReveal | null;
  /** Current step: the index of the last event applied; -1 is "before the first event". */
  step: number;
  /** Index of the last event. */
  maxStep: number;
  playing: boolean;
  /** Events per second while playing. */
  speed: number;
  /** What one step moves over: every event, or to the next poll, or to the next wake. */
  granularity: Granularity;
  /** The task the person is looking at (highlighted in the code, the tasks and the timeline). */
  selectedTask: number | null;
  layouts: FutureLayout[];
  shortcutsOpen: boolean;
  /** The timeline spaces events evenly, or places them at their machine time. */
  timelineAxis: 'step' | 'time';
  /**
   * The last move was a single step: panels animate it (a task sliding from a queue onto the thread).
   * Jumps, scrubbing and fast playback change the screen without layout animations, which would cost a
   * layout measurement per task chip per frame.
   */
  animateStep: boolean;
  /** The lesson's narrated moments on the run on screen (chapter marks), or null (no lesson narration). */
  chapters: readonly PlacedMoment[] | null;

  setSource(source: string): void;
  loadLesson(id: string): void;
  run(): Promise<void>;
  cancel(): void;
  retrySmaller(): void;
  setStep(step: number): void;
  stepBy(delta: number): void;
  setPlaying(playing: boolean): void;
  setSpeed(speed: number): void;
  setGranularity(g: Granularity): void;
  selectTask(task: number | null): void;
  setShortcutsOpen(open: boolean): void;
  setTimelineAxis(axis: 'step' | 'time'): void;
  revealCode(line: number, from?: number, to?: number): void;
  /** Jump to the next / previous narrated moment (nothing happens past the last / before the first). */
  nextMoment(): void;
  previousMoment(): void;
}

let revealNonce = 0;

export const useApp = create<AppState>()((set, get) => ({
  source: DEFAULT_LESSON_SOURCE,
  lessonId: DEFAULT_LESSON_ID,
  profile: '1.24',
  seed: 1,
  status: 'idle',
  failure: null,
  failureRetryable: false,
  progress: 0,
  limits: {},
  outcome: null,
  diagnostics: [],
  runtime: null,
  recorded: null,
  traceVersion: 0,
  indexVersion: 0,
  runSource: DEFAULT_LESSON_SOURCE,
  codeReveal: null,
  step: -1,
  maxStep: -1,
  playing: false,
  speed: 8,
  granularity: 'event',
  selectedTask: null,
  layouts: [],
  shortcutsOpen: false,
  timelineAxis: 'step',
  animateStep: false,
  chapters: null,

  setSource: (source) => set({ source }),

  loadLesson: (id) => {
    // The course loads on demand (lesson-library.ts): a lesson picked before it arrives opens when it does.
    void lessonsReady.then(() => {
      const lesson = lessonById(id);
      if (!lesson) return;
      set({ lessonId: id, source: lesson.source });
      void get().run();
    });
  },

  run: async () => {
    const { source, profile, seed, limits } = get();
    set({
      status: 'running',
      failure: null,
      failureRetryable: false,
      playing: false,
      progress: 0,
      outcome: null,
      diagnostics: [],
      recorded: null,
      runSource: source,
    });
    setTaskNames(new Map());
    try {
      const r = await simClient().run(
        { source, profile, seed, limits },
        {
          // The trace is shown while it streams in: the timeline grows as chunks arrive.
          onStart: (trace) => {
            setTrace(trace);
            set((s) => ({ traceVersion: s.traceVersion + 1, maxStep: -1, step: -1 }));
          },
          onProgress: (events, received) => {
            set({ progress: events, maxStep: received - 1 });
            catchUpIndex();
          },
        },
      );
      set((s) => ({
        status: 'ready',
        outcome: r.outcome,
        diagnostics: r.diagnostics,
        runtime: r.runtime,
        traceVersion: s.traceVersion + 1,
        maxStep: r.trace.length - 1,
        progress: r.trace.length,
        layouts: r.layouts,
      }));
      // The last events may not be indexed yet: the lanes and the tasks' names refresh once they are.
      catchUpIndex();
    } catch (e) {
      if (e instanceof CancelledError) return;
      set({ status: 'failed', failure: failureText(e), failureRetryable: e instanceof WatchdogError });
    }
  },

  cancel: () => {
    simClient().cancel();
    set({
      status: 'failed',
      // No final period: the page adds ". Your code is kept."
      failure: 'You stopped the run. Everything simulated so far can still be stepped through',
      failureRetryable: false,
    });
  },

  retrySmaller: () => {
    set({ limits: { maxEvents: 200_000, maxStepsPerPoll: 1_000_000 } });
    void get().run();
  },

  setStep: (step) => {
    const { maxStep, step: prev, playing, speed } = get();
    const next = Math.max(-1, Math.min(maxStep, Math.round(step)));
    set({ step: next, animateStep: Math.abs(next - prev) === 1 && (!playing || speed <= 8) });
  },

  stepBy: (delta) => {
    const { step, maxStep, granularity } = get();
    get().setStep(
      granularity === 'event' || !session.trace
        ? step + delta
        : nextMatching(session.trace, step, delta, granularity, maxStep),
    );
  },

  setPlaying: (playing) => {
    if (playing && get().step >= get().maxStep) set({ step: -1 });
    set({ playing });
  },

  setSpeed: (speed) => set({ speed }),
  setGranularity: (granularity) => set({ granularity }),
  selectTask: (selectedTask) => set({ selectedTask }),
  setShortcutsOpen: (shortcutsOpen) => set({ shortcutsOpen }),
  setTimelineAxis: (timelineAxis) => set({ timelineAxis }),
  revealCode: (line, from, to) => {
    if (!Number.isFinite(line) || line < 1) return;
    const reveal: CodeReveal = { line, nonce: ++revealNonce };
    if (from !== undefined && from >= 0) reveal.from = from;
    if (to !== undefined && to >= 0) reveal.to = to;
    set({ codeReveal: reveal });
  },
  nextMoment: () => {
    const { chapters, step, maxStep } = get();
    const m = chapters ? nextMomentAfter(chapters, step) : null;
    if (m && m.step <= maxStep) get().setStep(m.step);
  },
  previousMoment: () => {
    const { chapters, step } = get();
    const m = chapters ? previousMomentBefore(chapters, step) : null;
    if (m) get().setStep(m.step);
  },
}));

// Whenever the index catches up: name the tasks as the program names them, and let views of the whole run
// (the timeline's lanes) refresh.
session.onCaughtUp = () => {
  const index = session.index;
  if (!index) return;
  setTaskNames(nameTasks(useApp.getState().runSource, index.tasksBySite()));
  useApp.setState((s) => ({ indexVersion: s.indexVersion + 1 }));
};

/** The view state at the current step (recomputed when the step or the trace changes). */
export function viewAt(step: number) {
  return session.index ? session.index.at(step) : null;
}
