import { useEffect, useMemo, type CSSProperties, type KeyboardEvent } from 'react';
import { LineIndex, type Diagnostic } from '../lang/diagnostics';
import type { RunOutcome } from '../sim/simulate';
import { PROFILES, type Profile } from '../sim/config';
import { lessonScript, variantSource, type LessonScript } from '../lessons/lesson';
import { momentAt, placeMoments, type PlacedMoment } from '../lessons/narration';
import type { TraceEvent } from '../trace/events';
import type { TraceReader } from '../trace/store';
import { eventSite } from '../trace/trace-index';
import { describeEvent } from './describe';
import { DeadlockReport } from './panels/DeadlockReport';
import { EditorPanel } from './panels/EditorPanel';
import { NarrationPanel } from './panels/NarrationPanel';
import { OutputPanel } from './panels/OutputPanel';
import { ReactorPanel } from './panels/ReactorPanel';
import { RecordedRunNote } from './panels/RecordedRunNote';
import { RuntimePanel } from './panels/RuntimePanel';
import { ShortcutsDialog } from './panels/ShortcutsDialog';
import { TasksPanel } from './panels/TasksPanel';
import { TimelinePanel } from './panels/TimelinePanel';
import { TraceFiles } from './panels/TraceFiles';
import { CompareButton } from './compare/CompareButton';
import { EmbedBar } from './embed/EmbedBar';
import { NoticeBanner } from './share/NoticeBanner';
import { ShareButton, ShareDialog } from './share/ShareDialog';
import { useShare } from './share/share-store';
import { useLoadMotionAfterPaint } from './motion';
import { session } from './session';
import { useApp } from './store';
import { lessonsLoadError, lessonsReady, useLesson, useLessonsLoaded } from './lesson-library';

export function App() {
  useLoadMotionAfterPaint();
  const status = useApp((s) => s.status);
  const step = useApp((s) => s.step);
  const traceVersion = useApp((s) => s.traceVersion);
  const maxStep = useApp((s) => s.maxStep);
  const outcome = useApp((s) => s.outcome);
  const failure = useApp((s) => s.failure);
  const runtime = useApp((s) => s.runtime);
  const lessonId = useApp((s) => s.lessonId);
  const profile = useApp((s) => s.profile);
  const progress = useApp((s) => s.progress);
  const retryable = useApp((s) => s.failureRetryable);
  const hiddenPanels = useShare((s) => s.hiddenPanels.join(' '));
  const embedded = useShare((s) => s.embedded);

  useEffect(() => {
    // After the address's link or the saved work is opened (permalink.ts waits for the same promise, and
    // registered first): the first run is of what the person will see.
    void lessonsReady.then(() => {
      if (useApp.getState().status === 'idle') void useApp.getState().run();
    });
  }, []);

  const view = useMemo(
    () => (traceVersion > 0 && session.index && maxStep >= 0 ? session.index.at(step) : null),
    // maxStep: while a run streams in, new events can change what the current step shows.
    [step, traceVersion, maxStep],
  );
  const stdout = view && session.index ? session.index.stdoutAt(view) : '';
  const stderr = view && session.index ? session.index.stderrAt(view) : '';
  const diagnostics = useApp((s) => s.diagnostics);
  const runSource = useApp((s) => s.runSource);
  const nothingRan = whyNothingRan(status, outcome, diagnostics, runSource, maxStep);
  const caption = view?.lastEvent
    ? describeEvent(view.lastEvent, view)
    : nothingRan
      ? nothingRan.text
      : status === 'ready'
        ? 'Press Step forward (→) to watch the run, one event at a time.'
        : '';
  const lesson = useLesson(lessonId);
  const lessonsLoaded = useLessonsLoaded();
  const source = useApp((s) => s.source);
  const captionLine = view?.lastEvent && source === runSource ? eventLine(view.lastEvent, runSource) : null;
  // The narration that fits the run: the lesson's own, or its "try this" variant's (null for other code).
  const script = lesson ? lessonScript(lesson, runSource) : null;
  // The lesson's moments on this run (chapters; Play pauses at each).
  const narration = useMemo(
    () => (script && status === 'ready' && session.trace ? narrationFor(script, session.trace) : null),
    // traceVersion: session.trace is replaced (outside React) whenever it changes.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [script?.moments, status, traceVersion],
  );
  // The editor holds something else than the lesson's program or its "try this" change.
  const edited = !!lesson && source !== lesson.source && source !== variantSource(lesson);
  const momentText =
    script && narration && !edited ? (momentAt(narration, step)?.text ?? script.intro) : null;
  useEffect(() => {
    const chapters = narration && !edited ? narration : null;
    session.narrationStops = chapters ? new Set(chapters.map((m) => m.step)) : null;
    useApp.setState({ chapters });
  }, [narration, edited]);

  // Keyboard shortcuts are scoped to the visualizer, never the whole page (embeds must not hijack scrolling).
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const target = e.target as HTMLElement;
    if (target.closest('textarea, select, input[type="text"], .cm-editor, dialog')) return;
    const s = useApp.getState();
    if (e.key === '?') {
      e.preventDefault();
      s.setShortcutsOpen(true);
      return;
    }
    if (s.maxStep < 0) return;
    const keys: Record<string, () => void> = {
      ArrowRight: () => s.stepBy(1),
      ArrowLeft: () => s.stepBy(-1),
      Home: () => s.setStep(-1),
      End: () => s.setStep(s.maxStep),
      ' ': () => s.setPlaying(!s.playing),
      ']': () => s.nextMoment(),
      '[': () => s.previousMoment(),
      PageDown: () => s.nextMoment(),
      PageUp: () => s.previousMoment(),
    };
    const action = keys[e.key];
    if (action && !(target instanceof HTMLInputElement && target.type === 'range' && e.key !== ' ')) {
      e.preventDefault();
      action();
    }
  };

  return (
    <div
      className="app"
      data-status={status}
      data-hide={hiddenPanels || undefined}
      data-embed={embedded || undefined}
    >
      {embedded && <EmbedBar />}
      <header className="topbar">
        <h1>
          Pollscope <span className="tagline">watch async Rust run</span>
        </h1>
        <div className="topbar-tools">
          <label className="field">
            <span>tokio</span>
            <select
              aria-label="tokio version"
              value={profile}
              onChange={(e) => {
                useApp.setState({ profile: e.target.value as Profile });
                void useApp.getState().run();
              }}
            >
              {PROFILES.map((p) => (
                <option key={p} value={p}>
                  {p === '1.24' ? '1.24 (Debian)' : 'latest'}
                </option>
              ))}
            </select>
          </label>
          <TraceFiles />
          <CompareButton />
          <ShareButton />
          <button
            type="button"
            onClick={() => useApp.getState().setShortcutsOpen(true)}
            aria-label="Keyboard shortcuts"
            title="Keyboard shortcuts (?)"
          >
            ?
          </button>
        </div>
      </header>
      <main className="workspace" style={{ '--code-chars': codeColumns(source) } as CSSProperties}>
        <EditorPanel view={view} />
        <div className="viz" tabIndex={0} onKeyDown={onKeyDown} aria-label="Visualizer" role="group">
          <NoticeBanner />
          <RecordedRunNote />
          {failure && (
            <div className="banner error" role="alert">
              <p>{failure}. Your code is kept.</p>
              {retryable && (
                <button type="button" onClick={() => useApp.getState().retrySmaller()}>
                  Retry with smaller limits
                </button>
              )}
            </div>
          )}
          {outcome && outcome.kind !== 'completed' && (
            <div className={`banner ${outcome.kind}`} role="status">
              {outcome.kind === 'deadlock' && outcome.waitFor ? (
                <DeadlockReport waitFor={outcome.waitFor} message={outcome.message} source={runSource} />
              ) : (
                <pre>
                  {outcomePlace(outcome, runSource)}
                  {outcome.message}
                </pre>
              )}
            </div>
          )}
          {status === 'running' && (
            <div className="banner running" role="status">
              Simulating… <span data-testid="progress">{progress.toLocaleString('en-US')}</span> events{' '}
              <button type="button" onClick={() => useApp.getState().cancel()}>
                Cancel
              </button>
            </div>
          )}
          {view ? (
            <div className="grid">
              <RuntimePanel
                view={view}
                flavor={runtime?.flavor ?? ''}
                workers={runtime?.workerThreads ?? 0}
              />
              <TasksPanel view={view} />
              <ReactorPanel view={view} />
              <NarrationPanel
                lesson={lesson}
                script={script}
                placed={narration}
                step={step}
                edited={edited}
              />
              <OutputPanel stdout={stdout} stderr={stderr} />
            </div>
          ) : (
            <div className="grid empty-state">
              <div className="nothing-ran" data-testid="nothing-ran">
                {status === 'idle' && !lessonsLoaded && lessonsLoadError() === null ? (
                  // The first run waits for the course's text (lesson-library.ts): a moment.
                  <p role="status" aria-label="Loading the lesson">
                    Loading the lesson…
                  </p>
                ) : (
                  <p>
                    {status === 'running'
                      ? 'Simulating…'
                      : (nothingRan?.text ?? 'Press Run to simulate the program.')}
                  </p>
                )}
                {nothingRan?.line !== undefined && (
                  <button
                    type="button"
                    onClick={() =>
                      useApp.getState().revealCode(nothingRan.line!, nothingRan.from, nothingRan.to)
                    }
                  >
                    Show line {nothingRan.line} in the code
                  </button>
                )}
              </div>
            </div>
          )}
          <TimelinePanel caption={caption} captionLine={captionLine} moment={momentText} />
        </div>
      </main>
      <ShortcutsDialog />
      <ShareDialog />
    </div>
  );
}

/**
 * Why there is nothing to step through, in plain words and with the place in the code when there is one
 * (a compile error), or null when there is a run (or one is on its way).
 */
function whyNothingRan(
  status: string,
  outcome: RunOutcome | null,
  diagnostics: readonly Diagnostic[],
  source: string,
  maxStep: number,
): { text: string; line?: number; from?: number; to?: number } | null {
  if (status === 'running' || status === 'idle' || maxStep >= 0) return null;
  const d = diagnostics[0];
  if (d) {
    const { line, col } = new LineIndex(source).position(d.span.start);
    return {
      text: `Nothing ran: the program stops before it starts, at line ${line}:${col} — ${d.message}. It is underlined in the code; fix it and press Run.`,
      line,
      from: d.span.start,
      to: d.span.end,
    };
  }
  if (outcome && outcome.kind !== 'completed')
    return { text: `Nothing ran: ${outcome.message.split('\n')[0]}` };
  if (status === 'failed') return { text: 'Nothing ran: the simulation failed (see the message above).' };
  return { text: 'The run recorded no events.' };
}

/** Where a stopped run stopped (`line 6:17: `), as the CLI prefixes it; empty when the outcome has no place. */
function outcomePlace(outcome: RunOutcome, source: string): string {
  const sp = outcome.span;
  if (outcome.kind === 'unsupported' || !sp || sp.start < 0 || sp.start > source.length) return '';
  const { line, col } = new LineIndex(source).position(sp.start);
  return `line ${line}:${col}: `;
}

/** The line of the code an event names (a print, a spawn, an `.await`), or null. */
function eventLine(ev: TraceEvent, source: string): number | null {
  if (ev.kind === 'future-state') return ev.line > 0 ? ev.line : null;
  const site = eventSite(ev);
  return site >= 0 && site <= source.length ? new LineIndex(source).position(site).line : null;
}

/** How many columns the code needs: its longest line, comments aside (they wrap well), at most 100. */
function codeColumns(source: string): number {
  let max = 40;
  for (const line of source.split('\n')) {
    if (/^\s*\/\//.test(line)) continue;
    if (line.length > max) max = line.length;
  }
  return Math.min(max, 100);
}

/** Places a lesson's narration on a run; null if the run is not that program (a moment is missing). */
function narrationFor(script: LessonScript, trace: TraceReader): PlacedMoment[] | null {
  const { placed, missing } = placeMoments(trace, script.moments);
  return missing < 0 ? placed : null;
}
