import { Suspense, lazy, useEffect, useState, type CSSProperties } from 'react';
import type { PlacedMoment } from '../../lessons/narration';
import { spreadMarks } from '../chapter-marks';
import { TimelineToolsSlot } from '../timeline/tools-slot';

// The lanes (d3 scales, axis, zoom and the canvas renderer) load after the first paint.
const Timeline = lazy(() => import('../timeline/Timeline').then((m) => ({ default: m.Timeline })));
import { session } from '../session';
import { useApp, type Granularity } from '../store';
import { Icon } from './icons';
import { Panel } from './Panel';

const SPEEDS = [1, 2, 4, 8, 16, 32, 64, 256, 1024];

/**
 * The lesson's narrated moments as chapter marks on the position slider: each is a button that jumps to
 * its moment (the text is its tooltip and accessible name); moments already reached are filled. Moments a
 * few events apart would cover each other on a short slider: marks are nudged apart (in order) so each
 * stays visible and clickable.
 */
function ChapterMarks({
  chapters,
  step,
  maxStep,
}: {
  chapters: readonly PlacedMoment[];
  step: number;
  maxStep: number;
}) {
  const [list, setList] = useState<HTMLOListElement | null>(null);
  const [width, setWidth] = useState(0);
  useEffect(() => {
    if (!list) return;
    const ro = new ResizeObserver(() => setWidth(list.clientWidth));
    ro.observe(list);
    return () => ro.disconnect();
  }, [list]);
  const shown = chapters.filter((m) => m.step <= maxStep);
  const xs = spreadMarks(
    shown.map((m) => ((m.step + 1) / Math.max(1, maxStep + 1)) * width),
    width,
    MARK_SPACING,
  );
  return (
    <ol className="chapters" aria-label="Narrated moments" ref={setList}>
      {shown.map((m, k) => (
        <li key={m.step} style={{ left: `${xs[k]}px` } as CSSProperties}>
          <button
            type="button"
            className="chapter"
            data-reached={m.step <= step || undefined}
            aria-current={m.step === step ? 'step' : undefined}
            aria-label={`Moment ${k + 1} of ${chapters.length}: ${m.text}`}
            title={`${k + 1}. ${m.text}`}
            onClick={() => useApp.getState().setStep(m.step)}
          />
        </li>
      ))}
    </ol>
  );
}

/** Centre-to-centre distance between two chapter marks (a 14 px square turned 45° is 20 px wide). */
const MARK_SPACING = 20;

/**
 * Dragging the slider can fire many input events per frame; only the last one per animation frame is
 * applied, so a drag across a million steps renders once per frame, not once per event.
 */
let pendingStep: number | null = null;
function scrubTo(step: number): void {
  const first = pendingStep === null;
  pendingStep = step;
  if (!first) return;
  requestAnimationFrame(() => {
    const s = pendingStep;
    pendingStep = null;
    if (s !== null) useApp.getState().setStep(s);
  });
}

/**
 * Transport controls, the timeline position slider (names from DESIGN.md §5), the caption (what the current
 * event did, with its line in the code) and the thread lanes. The transport and caption form the dock,
 * which stays at the bottom of the screen on a phone.
 */
export function TimelinePanel({
  caption,
  captionLine,
  moment,
}: {
  caption: string;
  captionLine: number | null;
  /** The lesson's narration at this step: a phone shows it in the dock, above the transport. */
  moment: string | null;
}) {
  const step = useApp((s) => s.step);
  const maxStep = useApp((s) => s.maxStep);
  const playing = useApp((s) => s.playing);
  const speed = useApp((s) => s.speed);
  const granularity = useApp((s) => s.granularity);
  const status = useApp((s) => s.status);
  const chapters = useApp((s) => s.chapters);
  const ready = maxStep >= 0 && status !== 'idle';
  const { setStep, stepBy, setPlaying, setSpeed, setGranularity, nextMoment, previousMoment } =
    useApp.getState();
  const hasPrevMoment = !!chapters && chapters.some((m) => m.step < step);
  const hasNextMoment = !!chapters && chapters.some((m) => m.step > step && m.step <= maxStep);
  // The lanes' zoom controls render into the panel's header (a portal), saving a row of height.
  const [tools, setTools] = useState<HTMLDivElement | null>(null);
  // On a phone the dock is fixed over the page's bottom: the page keeps that much room under its content.
  const [dock, setDock] = useState<HTMLDivElement | null>(null);
  useEffect(() => {
    if (!dock) return;
    const app = dock.closest<HTMLElement>('.app');
    const ro = new ResizeObserver(() => app?.style.setProperty('--dock-h', `${dock.offsetHeight}px`));
    ro.observe(dock);
    return () => ro.disconnect();
  }, [dock]);
  // The dock's copy of the narration is only needed while the Narration panel's text is out of view.
  useEffect(() => {
    if (!dock || typeof IntersectionObserver === 'undefined') return;
    let watched: Element | null = null;
    const io = new IntersectionObserver(
      ([entry]) => {
        dock.setAttribute('data-narration-visible', String(!!entry && entry.intersectionRatio > 0.9));
      },
      { threshold: [0, 0.9, 1] },
    );
    // The narration text is re-created when the lesson changes: watch whichever one is there.
    const watch = () => {
      const el = document.querySelector('[data-testid="narration-text"]');
      if (el === watched) return;
      if (watched) io.unobserve(watched);
      watched = el;
      if (el) io.observe(el);
      else dock.setAttribute('data-narration-visible', 'false');
    };
    watch();
    const unsub = useApp.subscribe(watch);
    return () => {
      unsub();
      io.disconnect();
    };
  }, [dock]);

  // Playback: advance at `speed` steps per second; stop at the end.
  useEffect(() => {
    if (!playing) return;
    const perTick = Math.max(1, Math.round(speed / 30));
    const interval = Math.max(16, 1000 / speed);
    const id = setInterval(() => {
      const s = useApp.getState();
      if (s.step >= s.maxStep) {
        s.setPlaying(false);
        return;
      }
      for (let i = 0; i < perTick; i++) {
        s.stepBy(1);
        // A lesson's narrated moment: pause so the learner can read what is on screen.
        if (session.narrationStops?.has(useApp.getState().step)) {
          s.setPlaying(false);
          return;
        }
      }
    }, interval);
    return () => clearInterval(id);
  }, [playing, speed]);

  return (
    <Panel
      title="Timeline"
      id="timeline"
      className="timeline"
      extra={<div className="timeline-tools" ref={setTools} />}
    >
      <div className="dock" ref={setDock}>
        {moment && (
          // A copy for phones, where the Narration panel can be scrolled away while stepping; screen
          // readers hear the Narration panel itself.
          <p className="dock-moment" aria-hidden="true" data-testid="dock-moment">
            {moment}
          </p>
        )}
        <div className="transport" role="toolbar" aria-label="Transport">
          <button
            type="button"
            onClick={() => setStep(-1)}
            disabled={!ready || step <= -1}
            aria-label="Jump to start"
            title="Jump to start (Home)"
          >
            <Icon name="start" />
          </button>
          <button
            type="button"
            onClick={() => stepBy(-1)}
            disabled={!ready || step <= -1}
            aria-label="Step back"
            title="Step back (←)"
          >
            <Icon name="back" />
          </button>
          <button
            type="button"
            className="play"
            onClick={() => setPlaying(!playing)}
            disabled={!ready}
            aria-label={playing ? 'Pause' : 'Play'}
            title="Play / pause (Space)"
          >
            <Icon name={playing ? 'pause' : 'play'} />
          </button>
          <button
            type="button"
            onClick={() => stepBy(1)}
            disabled={!ready || step >= maxStep}
            aria-label="Step forward"
            title="Step forward (→)"
          >
            <Icon name="forward" />
          </button>
          <button
            type="button"
            onClick={() => setStep(maxStep)}
            disabled={!ready || step >= maxStep}
            aria-label="Jump to end"
            title="Jump to end (End)"
          >
            <Icon name="end" />
          </button>
          {chapters && (
            <>
              <button
                type="button"
                onClick={previousMoment}
                disabled={!ready || !hasPrevMoment}
                aria-label="Previous moment"
                title="Previous narrated moment ([ or Page Up)"
              >
                <Icon name="prevMoment" />
              </button>
              <button
                type="button"
                onClick={nextMoment}
                disabled={!ready || !hasNextMoment}
                aria-label="Next moment"
                title="Next narrated moment (] or Page Down)"
              >
                <Icon name="nextMoment" />
              </button>
            </>
          )}
          <div className="scrubber">
            <div className="scrub-track">
              <input
                type="range"
                aria-label="Timeline position"
                min={-1}
                max={Math.max(maxStep, -1)}
                step={1}
                value={step}
                aria-valuemin={-1}
                aria-valuemax={maxStep}
                aria-valuenow={step}
                aria-valuetext={step < 0 ? 'before the first event' : `event ${step} of ${maxStep}`}
                disabled={!ready}
                onChange={(e) => scrubTo(Number(e.target.value))}
              />
              {chapters && ready && <ChapterMarks chapters={chapters} step={step} maxStep={maxStep} />}
            </div>
            <span className="step-count" data-testid="step-count">
              {(step + 1).toLocaleString('en-US')} / {(maxStep + 1).toLocaleString('en-US')}
            </span>
          </div>
          <label className="field">
            <span>Step over</span>
            <select
              aria-label="Step granularity"
              title="Step over: every event, or to the next poll, or to the next wake"
              value={granularity}
              onChange={(e) => setGranularity(e.target.value as Granularity)}
            >
              <option value="event">every event</option>
              <option value="poll">polls</option>
              <option value="wake">wakes</option>
            </select>
          </label>
          <label className="field">
            <span>Speed</span>
            <select
              aria-label="Speed"
              title="Playback speed (events per second)"
              value={speed}
              onChange={(e) => setSpeed(Number(e.target.value))}
            >
              {SPEEDS.map((s) => (
                <option key={s} value={s}>
                  {s}/s
                </option>
              ))}
            </select>
          </label>
        </div>
        <p className="caption">
          <span data-testid="caption" aria-live="polite">
            {caption}
          </span>
          {captionLine !== null && (
            <>
              {' '}
              <button
                type="button"
                className="link-button caption-line"
                onClick={() => useApp.getState().revealCode(captionLine)}
                title="Show this line in the code"
              >
                line {captionLine}
              </button>
            </>
          )}
        </p>
      </div>
      {ready && (
        <Suspense fallback={<p className="muted">Loading the timeline…</p>}>
          <TimelineToolsSlot.Provider value={tools}>
            <Timeline />
          </TimelineToolsSlot.Provider>
        </Suspense>
      )}
    </Panel>
  );
}
