import { useMemo } from 'react';
import { LineIndex } from '../../lang/diagnostics';
import { LESSON_CATALOG, lessonsLoadError, useLesson, useLessonsLoaded } from '../lesson-library';
import type { ViewState } from '../../trace/state';
import { NO_MARKS, codeMarksAt, type CodeSpot } from '../code-marks';
import { LazyCodeEditor, type StepMarks, type StepSpot, type TaskMark } from '../editor';
import { openLesson, resetToLesson } from '../share/permalink';
import { session } from '../session';
import { useApp } from '../store';
import { taskName } from '../task-names';
import { splitAtSupportedMention, SUPPORTED_LINK_TEXT, SUPPORTED_PAGE_URL } from '../supported-link';

function stepSpot(s: CodeSpot, what: string): StepSpot {
  return { ...s, title: s.task >= 0 ? `${taskName(s.task)} ${what}` : what };
}

/**
 * The program: lesson picker, the code (CodeMirror, loaded lazily behind a plain textarea), Run, and
 * diagnostics — underlined in the code and listed below it, each a button that shows its place. At every
 * step the code shows where the run is: the current line in its task's colour, other threads' lines, and
 * the `.await` each suspended task waits at (src/ui/code-marks.ts).
 */
export function EditorPanel({ view }: { view: ViewState | null }) {
  const source = useApp((s) => s.source);
  const runSource = useApp((s) => s.runSource);
  const lessonId = useApp((s) => s.lessonId);
  const status = useApp((s) => s.status);
  const diagnostics = useApp((s) => s.diagnostics);
  const layouts = useApp((s) => s.layouts);
  const selectedTask = useApp((s) => s.selectedTask);
  const reveal = useApp((s) => s.codeReveal);
  // Task names come with the index; re-read them when it catches up.
  const indexVersion = useApp((s) => s.indexVersion);
  const { setSource, run, selectTask, revealCode } = useApp.getState();
  const lesson = useLesson(lessonId);
  const edited = lesson !== undefined && lesson.source !== source;
  const index = useMemo(() => new LineIndex(runSource), [runSource]);
  // Offsets in the trace are into the source that ran: after an edit they would point at the wrong code.
  const stale = source !== runSource;
  // Recomputed on every render (a step, a new run, new names): a few binary searches per marked task. The
  // editor redraws only when the marks differ.
  void indexVersion;
  const marks =
    view && session.index && !stale ? codeMarksAt(view, session.index, layouts, runSource, index) : NO_MARKS;
  const stepMarks: StepMarks = {
    current: marks.current && stepSpot(marks.current, 'is here'),
    running: marks.running.map((s) => stepSpot(s, 'is running this line')),
    suspended: marks.suspended.map((s) => stepSpot(s, 'is suspended here')),
  };
  const pill = (s: CodeSpot, running: boolean): TaskMark => ({
    line: s.line,
    task: s.task,
    running,
    name: taskName(s.task),
  });
  const pills: TaskMark[] = [
    ...(marks.current && marks.current.task >= 0 ? [pill(marks.current, true)] : []),
    ...marks.running.map((s) => pill(s, true)),
    ...marks.suspended.map((s) => pill(s, false)),
  ];
  // Until the course chunk is here, a link or the saved work may still replace the text in the editor: typing
  // then would be lost, so the editor is read-only for that moment (never for good: a failed load frees it).
  const waitingForCourse = !useLessonsLoaded() && lessonsLoadError() === null;
  const editorDiagnostics = useMemo(
    () =>
      diagnostics.map((d) => ({
        from: d.span.start,
        to: d.span.end,
        message: d.message,
        ...(d.hint ? { hint: d.hint } : {}),
      })),
    [diagnostics],
  );
  return (
    <section className="panel editor" aria-labelledby="code-title">
      <header className="panel-head">
        <h2 id="code-title">Code</h2>
        <label className="lesson-picker">
          <span className="visually-hidden">Lesson</span>
          <select aria-label="Lesson" value={lessonId ?? ''} onChange={(e) => openLesson(e.target.value)}>
            <option value="">Your program</option>
            {LESSON_CATALOG.map((l) => (
              <option key={l.id} value={l.id}>
                {l.title}
              </option>
            ))}
          </select>
        </label>
        {edited && (
          <button type="button" onClick={resetToLesson} title="Discard your edits of this lesson">
            Reset to lesson
          </button>
        )}
        <button type="button" className="primary" onClick={() => void run()} disabled={status === 'running'}>
          {status === 'running' ? 'Running…' : 'Run'}
        </button>
      </header>
      <LazyCodeEditor
        value={source}
        // Edits stay with their lesson (autosaved per lesson); "Reset to lesson" discards them.
        onChange={setSource}
        diagnostics={editorDiagnostics}
        taskMarks={pills}
        selectedTask={selectedTask}
        onSelectTask={(task) => selectTask(task)}
        stepMarks={stepMarks}
        reveal={reveal}
        onRun={() => void run()}
        readOnly={waitingForCourse}
      />
      {diagnostics.length > 0 && (
        <ul className="diagnostics" role="alert">
          {diagnostics.map((d, i) => {
            const p = index.position(d.span.start);
            return (
              <li key={i}>
                <button
                  type="button"
                  className="link-button"
                  onClick={() => revealCode(p.line, d.span.start, d.span.end)}
                  title="Show this place in the code"
                >
                  line {p.line}:{p.col}
                </button>{' '}
                {d.message}
                {d.hint && <HintText hint={d.hint} />}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}

/** `help: …`, with a mention of docs/supported.md as a link to the page served beside the app. */
function HintText({ hint }: { hint: string }) {
  const parts = splitAtSupportedMention(hint);
  if (!parts) return <div className="hint">help: {hint}</div>;
  return (
    <div className="hint">
      help: {parts.before}
      <a href={SUPPORTED_PAGE_URL} target="_blank" rel="noreferrer">
        {SUPPORTED_LINK_TEXT}
      </a>
      {parts.after}
    </div>
  );
}
