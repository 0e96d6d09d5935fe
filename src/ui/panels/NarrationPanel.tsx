import { variantSource, type Lesson, type LessonScript } from '../../lessons/lesson';
import { momentAt, type PlacedMoment } from '../../lessons/narration';
import { useState } from 'react';
import { markLessonDone, useLessonProgress } from '../lesson-progress';
import { canReadAloud, useReadAloud } from '../read-aloud';
import { useShare } from '../share/share-store';
import { useApp } from '../store';
import { LESSON_CATALOG, lessonIndex, lessonsLoadError, useLessonsLoaded } from '../lesson-library';
import { Panel } from './Panel';

/**
 * The lesson's voice: its goal, a question to answer before watching, the narration of the current step
 * (placed on the run's events), a change to try, the tokio docs, and previous / next lesson. For your own
 * program it says how to explore. All text is rendered as text, never as HTML.
 */
export function NarrationPanel({
  lesson,
  script,
  placed,
  step,
  edited,
}: {
  lesson: Lesson | undefined;
  /** The narration that fits the run: the lesson's own or its "try this" variant's (null otherwise). */
  script: LessonScript | null;
  /** The script's moments on the current run, or null when the run is not the program they narrate. */
  placed: readonly PlacedMoment[] | null;
  step: number;
  /** The editor holds something else than the lesson's program. */
  edited: boolean;
}) {
  const done = useLessonProgress();
  const lessonId = useApp((s) => s.lessonId);
  const loaded = useLessonsLoaded();
  const [aloud, setAloud] = useState(false);
  // A shared link can carry a note ("look at this"): plain text, shown above the lesson's own words.
  const note = useShare((s) => s.note);
  const noteLine = note && (
    <p className="note" data-testid="note">
      {note}
    </p>
  );
  const current = lesson && placed ? momentAt(placed, step) : null;
  const text = !lesson
    ? ''
    : edited
      ? 'You changed the program: the narration follows the lesson’s own program. Reset to lesson brings it back.'
      : (current?.text ?? script?.intro ?? lesson.summary);
  // Hooks run on every render, so reading aloud is switched off (not skipped) for your own program.
  useReadAloud(aloud && lesson !== undefined, text);
  if (!lesson && lessonId !== null && !loaded) {
    // The course's text loads on demand (lesson-library.ts): say so, in the panel's place.
    const why = lessonsLoadError();
    return (
      <Panel title="Narration" id="narration">
        {noteLine}
        <p role="status" aria-label="Loading the lesson" data-testid="lesson-loading">
          {why === null
            ? 'Loading the lesson…'
            : `Pollscope could not load the lesson text (${why}). Reload the page to try again.`}
        </p>
      </Panel>
    );
  }
  if (!lesson) {
    return (
      <Panel title="Narration" id="narration">
        {noteLine}
        <p>Your own program: step through it to see the runtime at work.</p>
      </Panel>
    );
  }
  const i = lessonIndex(lesson.id);
  const prev = LESSON_CATALOG[i - 1];
  const next = LESSON_CATALOG[i + 1];
  const variant = script?.variant === true;
  // The lesson's own run reveals the answer at a moment; the "try this" run keeps it shown.
  const revealStep = !variant ? placed?.[lesson.predict.revealAt]?.step : undefined;
  const revealed = variant || (revealStep !== undefined && step >= revealStep);
  const last = placed?.at(-1);
  if (!variant && last && step >= last.step && !done.has(lesson.id)) markLessonDone(lesson.id);
  const { loadLesson, setSource, run, setStep } = useApp.getState();
  const runSource = (src: string) => {
    setSource(src);
    void run();
  };
  return (
    <Panel
      title="Narration"
      id="narration"
      extra={
        <>
          {canReadAloud() && (
            <button
              type="button"
              className="read-aloud"
              aria-pressed={aloud}
              onClick={() => setAloud(!aloud)}
            >
              Read aloud
            </button>
          )}
          <span className="muted narration-place" title={`Lesson ${i + 1} of ${LESSON_CATALOG.length}`}>
            {i + 1}/{LESSON_CATALOG.length}
            {done.has(lesson.id) ? ' · done' : ''}
          </span>
        </>
      }
    >
      {noteLine}
      {variant && !edited && (
        <p className="variant-note" data-testid="variant-note">
          <strong>Trying:</strong> {lesson.tryThis.text}{' '}
          <button type="button" onClick={() => runSource(lesson.source)}>
            Back to the lesson
          </button>
        </p>
      )}
      <p className="narration-text" data-testid="narration-text" aria-live="polite">
        {text}
      </p>
      <p className="lesson-predict" data-testid="predict">
        <strong>Predict:</strong> {lesson.predict.question}{' '}
        {revealed ? (
          <span data-testid="predict-answer">{lesson.predict.answer}</span>
        ) : revealStep !== undefined ? (
          <button type="button" className="link-button" onClick={() => setStep(revealStep)}>
            Jump to the answer
          </button>
        ) : (
          <span className="muted">(the run will tell you)</span>
        )}
      </p>
      <div className="lesson-try">
        {variant && !edited ? (
          <>
            <strong>Look for:</strong> {lesson.tryThis.lookFor}
          </>
        ) : (
          <>
            <strong>Try this:</strong> {lesson.tryThis.text}{' '}
            <button type="button" onClick={() => runSource(variantSource(lesson))}>
              Try it
            </button>{' '}
            <span className="muted">Look for: {lesson.tryThis.lookFor}</span>
          </>
        )}
      </div>
      <p className="lesson-goal">
        <strong>Goal:</strong> {lesson.goal}
      </p>
      <p className="lesson-docs muted">
        Docs:{' '}
        {lesson.docs.map((d, k) => (
          <span key={d.href}>
            {k > 0 && ' · '}
            <a href={d.href} target="_blank" rel="noreferrer noopener">
              {d.label}
            </a>
          </span>
        ))}
      </p>
      <nav className="lesson-nav" aria-label="Lessons">
        <button type="button" disabled={!prev} onClick={() => prev && loadLesson(prev.id)}>
          Previous lesson
        </button>
        <button type="button" disabled={!next} onClick={() => next && loadLesson(next.id)}>
          Next lesson
        </button>
      </nav>
    </Panel>
  );
}
