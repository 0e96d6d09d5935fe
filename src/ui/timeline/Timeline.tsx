import { axisTop } from 'd3-axis';
import { scaleLinear } from 'd3-scale';
import { select } from 'd3-selection';
import { zoom, zoomIdentity, type ZoomBehavior, type ZoomTransform } from 'd3-zoom';
import {
  memo,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
  type KeyboardEvent,
} from 'react';
import { createPortal } from 'react-dom';
import { formatNanos } from '../../base';
import { session } from '../session';
import { useApp } from '../store';
import { LANE_GAP, LANE_HEIGHT, drawTimeline, laneY, paletteFrom } from './draw';
import { TimelineToolsSlot } from './tools-slot';

const AXIS_HEIGHT = 18;

/**
 * A lane per simulated thread over machine time: task polls (coloured by task), parks, blocking calls, and
 * arrows from each wake to the poll it caused. Wheel or drag to zoom and pan (or W/S/A/D), "Undo zoom" to
 * go back; click a bar to jump to that poll. One scale maps time to pixels for the canvas and the axis.
 *
 * Memoized and not subscribed to the step: the parent re-renders on every step, but the lanes only change
 * with the trace, the size or the zoom; the playhead is redrawn on the canvas by a transient subscription.
 */
export const Timeline = memo(function Timeline() {
  const traceVersion = useApp((s) => s.traceVersion);
  const maxStep = useApp((s) => s.maxStep);
  // The index catches up with a new run on later frames: the lanes are read again when it has (reading
  // them only when the run arrived found no threads yet, and the lanes stayed empty until a reload).
  const indexVersion = useApp((s) => s.indexVersion);
  const wrap = useRef<HTMLDivElement>(null);
  const canvas = useRef<HTMLCanvasElement>(null);
  const axis = useRef<SVGGElement>(null);
  const [width, setWidth] = useState(600);
  const [transform, setTransform] = useState<ZoomTransform>(zoomIdentity);
  const history = useRef<ZoomTransform[]>([]);
  const zoomRef = useRef<ZoomBehavior<HTMLCanvasElement, unknown> | null>(null);
  const index = session.index;
  const lanes = useMemo(
    () => (session.index && traceVersion > 0 && indexVersion >= 0 ? session.index.threadsAt(maxStep) : []),
    [traceVersion, maxStep, indexVersion],
  );
  const threads = useMemo(() => lanes.map((t) => t.id), [lanes]);
  const names = lanes.map((t) => t.name);
  const multiThread = lanes.some((t) => t.role === 'worker');
  const height = threads.length * (LANE_HEIGHT + LANE_GAP) + LANE_GAP;
  const axisMode = useApp((s) => s.timelineAxis);
  // The lesson's narrated moments, marked over the axis as chapters.
  const chapters = useApp((s) => s.chapters);
  const at = (step: number) => (axisMode === 'step' ? step : (session.index?.timeOfStep(step) ?? 0));

  // The base scale covers the whole run; the zoom transform narrows it. Memoized: a new scale redraws the
  // canvas and the axis.
  const scale = useMemo(() => {
    const [T0, T1] =
      axisMode === 'step'
        ? [-0.5, Math.max(0.5, maxStep + 0.5)]
        : index && maxStep >= 0
          ? index.timeRange()
          : [0, 1];
    return transform.rescaleX(scaleLinear().domain([T0, T1]).range([0, width]));
  }, [axisMode, index, maxStep, transform, width]);

  useEffect(() => {
    const el = wrap.current;
    if (!el) return;
    const ro = new ResizeObserver(() => setWidth(Math.max(100, el.clientWidth)));
    ro.observe(el);
    return () => ro.disconnect();
  }, []);

  // d3-zoom on the canvas: wheel zooms around the pointer, drag pans; zooming never goes outside the run.
  useEffect(() => {
    const el = canvas.current;
    if (!el) return;
    const z = zoom<HTMLCanvasElement, unknown>()
      .scaleExtent([1, 1e7])
      .translateExtent([
        [0, 0],
        [width, height],
      ])
      .extent([
        [0, 0],
        [width, height],
      ])
      .filter((ev: Event) => ev.type === 'wheel' || ev.type === 'mousedown' || ev.type === 'touchstart')
      .on('zoom', (ev: { transform: ZoomTransform }) => setTransform(ev.transform));
    zoomRef.current = z;
    select(el).call(z);
    return () => {
      select(el).on('.zoom', null);
    };
  }, [width, height]);

  // Reset the view when a new run arrives.
  useEffect(() => {
    history.current = [];
    // Resetting d3-zoom's transform fires its 'zoom' handler, which updates the state.
    if (canvas.current && zoomRef.current)
      select(canvas.current).call(zoomRef.current.transform, zoomIdentity);
  }, [traceVersion, axisMode]);

  const draw = useCallback(() => {
    const el = canvas.current;
    const idx = session.index;
    if (!el || !idx || threads.length === 0) return;
    const dpr = window.devicePixelRatio || 1;
    if (el.width !== Math.round(width * dpr) || el.height !== Math.round(height * dpr)) {
      el.width = Math.round(width * dpr);
      el.height = Math.round(height * dpr);
    }
    const ctx = el.getContext('2d');
    if (!ctx) return;
    const step = useApp.getState().step;
    const [t0, t1] = scale.domain() as [number, number];
    const now = step >= 0 ? (axisMode === 'step' ? step : idx.timeOfStep(step)) : t0;
    drawTimeline({
      ctx,
      index: idx,
      threads,
      t0,
      t1,
      width,
      now,
      axis: axisMode,
      wakeSteps: [Math.max(0, step - 400), step + 400],
      palette: paletteFrom(el),
      dpr,
    });
  }, [scale, threads, width, height, axisMode]);

  // Redraw on every step change without re-rendering React (the playhead moves many times a second).
  useEffect(() => {
    draw();
    let frame = 0;
    const unsub = useApp.subscribe((s, prev) => {
      if (s.step === prev.step && s.maxStep === prev.maxStep && s.indexVersion === prev.indexVersion) return;
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(draw);
    });
    return () => {
      unsub();
      cancelAnimationFrame(frame);
    };
  }, [draw]);

  useEffect(() => {
    if (!axis.current) return;
    select(axis.current).call(
      axisTop(scale)
        .ticks(Math.max(2, Math.floor(width / 110)))
        .tickFormat((d) =>
          axisMode === 'step' ? (Number.isInteger(Number(d)) ? `#${Number(d)}` : '') : formatNanos(Number(d)),
        ),
    );
  }, [scale, width, axisMode]);

  const zoomBy = (k: number, centre?: number) => {
    const el = canvas.current;
    const z = zoomRef.current;
    if (!el || !z) return;
    history.current.push(transform);
    const cx = centre ?? width / 2;
    select(el).call(z.scaleBy, k, [cx, height / 2]);
  };
  const panBy = (dx: number) => {
    const el = canvas.current;
    const z = zoomRef.current;
    if (!el || !z) return;
    select(el).call(z.translateBy, dx / transform.k, 0);
  };
  const undoZoom = () => {
    const el = canvas.current;
    const z = zoomRef.current;
    const prev = history.current.pop();
    if (!el || !z) return;
    select(el).call(z.transform, prev ?? zoomIdentity);
  };
  const zoomToStep = () => {
    const step = useApp.getState().step;
    const idx = session.index;
    if (!idx || step < 0) return;
    zoomBy(8, scale(at(step)));
  };

  const toolsSlot = useContext(TimelineToolsSlot);

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const keys: Record<string, () => void> = {
      w: () => zoomBy(2),
      s: () => zoomBy(0.5),
      a: () => panBy(width / 5),
      d: () => panBy(-width / 5),
      u: undoZoom,
    };
    const act = keys[e.key.toLowerCase()];
    if (act && !e.ctrlKey && !e.metaKey) {
      e.preventDefault();
      e.stopPropagation();
      act();
    }
  };

  const onClick = (e: React.MouseEvent<HTMLCanvasElement>) => {
    const idx = session.index;
    if (!idx) return;
    const rect = e.currentTarget.getBoundingClientRect();
    const px = e.clientX - rect.left;
    const py = e.clientY - rect.top;
    const lane = Math.floor((py - LANE_GAP / 2) / (LANE_HEIGHT + LANE_GAP));
    const [t0, t1] = scale.domain() as [number, number];
    const thread = threads[lane];
    if (thread !== undefined) {
      const hit = idx
        .spanRects(thread, t0, t1, width, axisMode)
        .find((r) => px >= r.x0 - 1 && px <= r.x1 + 1 && r.kind === 'poll');
      if (hit) {
        useApp.getState().setStep(hit.startStep);
        return;
      }
    }
    const v = scale.invert(px);
    useApp.getState().setStep(axisMode === 'step' ? Math.round(v) : idx.stepAtTime(v));
  };

  const controls = (
    <div className="timeline-controls" role="toolbar" aria-label="Timeline zoom">
      <button type="button" onClick={() => zoomBy(2)} aria-label="Zoom in" title="Zoom in (W)">
        +
      </button>
      <button type="button" onClick={() => zoomBy(0.5)} aria-label="Zoom out" title="Zoom out (S)">
        −
      </button>
      <button
        type="button"
        onClick={zoomToStep}
        aria-label="Zoom to the current step"
        title="Zoom to the playhead"
      >
        <svg width="14" height="14" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
          <circle cx="8" cy="8" r="5" fill="none" stroke="currentColor" strokeWidth="1.5" />
          <path d="M8 0v4M8 12v4M0 8h4M12 8h4" stroke="currentColor" strokeWidth="1.5" />
        </svg>
      </button>
      <button type="button" onClick={undoZoom} aria-label="Undo zoom" title="Undo zoom (U)">
        ↶
      </button>
      <label className="field">
        <span>Axis</span>
        <select
          aria-label="Timeline axis"
          value={axisMode}
          onChange={(e) => useApp.getState().setTimelineAxis(e.target.value as 'step' | 'time')}
        >
          <option value="step">events</option>
          <option value="time">machine time</option>
        </select>
      </label>
      <span className="muted legend">
        <span className="swatch poll" /> poll <span className="swatch park" /> parked{' '}
        <span className="swatch block" /> blocked <span className="swatch wake" /> wake
        {multiThread && (
          <>
            {' '}
            <span className="swatch steal" /> steal
          </>
        )}
      </span>
    </div>
  );

  return (
    <div className="timeline-view" onKeyDown={onKeyDown}>
      {toolsSlot ? createPortal(controls, toolsSlot) : controls}
      <div className="timeline-body">
        <ol className="lane-labels" aria-hidden="true" style={{ paddingTop: AXIS_HEIGHT }}>
          {names.map((n, i) => (
            <li key={threads[i]} style={{ height: LANE_HEIGHT, marginTop: LANE_GAP }}>
              {n}
            </li>
          ))}
        </ol>
        <div
          className="lanes"
          ref={wrap}
          tabIndex={0}
          aria-label="Timeline lanes: W/S zoom, A/D pan, U undo zoom; click a poll to jump to it"
        >
          <svg className="axis" width={width} height={AXIS_HEIGHT} aria-hidden="true">
            <g ref={axis} transform={`translate(0,${AXIS_HEIGHT - 1})`} />
            <g className="chapter-marks" data-testid="chapter-marks">
              {chapters?.map((m) => {
                const x = scale(at(m.step));
                if (!(x >= 0 && x <= width)) return null;
                return <path key={m.step} d={`M${x - 4},0H${x + 4}L${x},7Z`} />;
              })}
            </g>
          </svg>
          <canvas
            ref={canvas}
            style={{ width, height }}
            onClick={onClick}
            role="img"
            aria-label={
              axisMode === 'time'
                ? `Thread lanes from ${formatNanos(scale.domain()[0]!)} to ${formatNanos(scale.domain()[1]!)}`
                : `Thread lanes from event ${Math.max(0, Math.round(scale.domain()[0]!))} to event ${Math.round(scale.domain()[1]!)}`
            }
            data-testid="timeline-canvas"
          />
        </div>
      </div>
    </div>
  );
});

export { laneY };
