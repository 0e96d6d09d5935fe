import { LineIndex } from '../../lang/diagnostics';
import { LESSONS, lessonById } from '../../lessons';
import { openLesson, resetToLesson } from '../share/permalink';
import { useApp } from '../store';

/** The program: lesson picker, source text, Run, and diagnostics at their line and column. */
export function EditorPanel() {
  const source = useApp((s) => s.source);
  const lessonId = useApp((s) => s.lessonId);
  const status = useApp((s) => s.status);
  const diagnostics = useApp((s) => s.diagnostics);
  const { setSource, run } = useApp.getState();
  const lesson = lessonId ? lessonById(lessonId) : undefined;
  const edited = lesson !== undefined && lesson.source !== source;
  const index = new LineIndex(source);
  return (
    <section className="panel editor" aria-labelledby="code-title">
      <header className="panel-head">
        <h2 id="code-title">Code</h2>
        <label className="lesson-picker">
          <span className="visually-hidden">Lesson</span>
          <select aria-label="Lesson" value={lessonId ?? ''} onChange={(e) => openLesson(e.target.value)}>
            <option value="">Your program</option>
            {LESSONS.map((l) => (
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
      <textarea
        className="source"
        aria-label="Rust source"
        spellCheck={false}
        value={source}
        // Edits stay with their lesson (autosaved per lesson); "Reset to lesson" discards them.
        onChange={(e) => setSource(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) void run();
        }}
      />
      {diagnostics.length > 0 && (
        <ul className="diagnostics" role="alert">
          {diagnostics.map((d, i) => {
            const p = index.position(d.span.start);
            return (
              <li key={i}>
                <strong>
                  line {p.line}:{p.col}
                </strong>{' '}
                {d.message}
                {d.hint && <div className="hint">help: {d.hint}</div>}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
