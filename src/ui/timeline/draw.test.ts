/**
 * The timeline's drawing on real traces, through a canvas that records what is drawn: steal labels never
 * cover a poll bar, and a fully zoomed-out lane of a big run draws at most a couple of rectangles per pixel
 * column (level of detail), whatever the number of polls.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { manyTasksProgram } from '../../../bench/programs';
import { simulate } from '../../sim/simulate';
import { TraceStore } from '../../trace/store';
import { TraceIndex } from '../../trace/trace-index';
import { LANE_GAP, LANE_HEIGHT, drawTimeline, placeLabel, type Palette } from './draw';

interface Drawn {
  rects: { x: number; y: number; w: number; h: number; style: string }[];
  texts: { text: string; x: number; y: number; w: number }[];
}

/** A 2D context that records fillRect and fillText (and ignores the rest). */
function recordingContext(): { ctx: CanvasRenderingContext2D; drawn: Drawn } {
  const drawn: Drawn = { rects: [], texts: [] };
  const state = { fillStyle: '', strokeStyle: '', globalAlpha: 1, lineWidth: 1, font: '' };
  const width = (t: string) => t.length * 5.5;
  const noop = () => {};
  const ctx = {
    ...state,
    setTransform: noop,
    clearRect: noop,
    beginPath: noop,
    moveTo: noop,
    lineTo: noop,
    closePath: noop,
    fill: noop,
    stroke: noop,
    arc: noop,
    quadraticCurveTo: noop,
    fillRect(x: number, y: number, w: number, h: number) {
      drawn.rects.push({ x, y, w, h, style: String(ctx.fillStyle) });
    },
    fillText(text: string, x: number, y: number) {
      drawn.texts.push({ text, x, y, w: width(text) });
    },
    measureText: (t: string) => ({ width: width(t) }),
  };
  return { ctx: ctx as unknown as CanvasRenderingContext2D, drawn };
}

const PALETTE: Palette = {
  task: (id) => `task-${id}`,
  park: 'park',
  block: 'block',
  wake: 'wake',
  playhead: 'playhead',
  grid: 'grid',
  ink: 'ink',
};

function indexOf(source: string): { index: TraceIndex; run: ReturnType<typeof simulate> } {
  const run = simulate(source, { profile: '1.24', seed: 1 });
  const index = new TraceIndex(TraceStore.from(run.trace));
  index.ingest();
  return { index, run };
}

describe('steal labels', () => {
  it('go right of the mark, else left of it, else nowhere — never over what is taken', () => {
    expect(placeLabel(100, 50, 400, [])).toBe(107);
    expect(placeLabel(100, 50, 400, [{ x0: 120, x1: 130 }])).toBe(43);
    expect(
      placeLabel(100, 50, 400, [
        { x0: 120, x1: 130 },
        { x0: 60, x1: 70 },
      ]),
    ).toBeNull();
    expect(placeLabel(380, 50, 400, [])).toBe(323);
  });

  it('never overlap a poll bar on the work-stealing lesson, at any steal and zoom', () => {
    const { index, run } = indexOf(readFileSync('src/lessons/programs/work-stealing.rs', 'utf8'));
    const threads = index.threadsAt(run.trace.length - 1).map((t) => t.id);
    const steals = [...run.trace.events()].filter((e) => e.kind === 'steal');
    expect(steals.length).toBeGreaterThan(0);
    let labels = 0;
    for (const width of [400, 800, 1400]) {
      for (const steal of steals) {
        // The whole run, and a window around the steal (zoomed in).
        for (const [t0, t1] of [
          [-0.5, run.trace.length - 0.5],
          [steal.seq - 40, steal.seq + 40],
        ] as const) {
          const { ctx, drawn } = recordingContext();
          drawTimeline({
            ctx,
            index,
            threads,
            t0,
            t1,
            width,
            now: steal.seq,
            axis: 'step',
            wakeSteps: [steal.seq - 400, steal.seq + 400],
            palette: PALETTE,
            dpr: 1,
          });
          const polls = drawn.rects.filter((r) => r.style.startsWith('task-'));
          for (const text of drawn.texts) {
            labels++;
            const lane = Math.floor((text.y - LANE_GAP) / (LANE_HEIGHT + LANE_GAP));
            const top = lane * (LANE_HEIGHT + LANE_GAP) + LANE_GAP;
            const covered = polls.filter(
              (p) => p.y >= top && p.y < top + LANE_HEIGHT && p.x < text.x + text.w && p.x + p.w > text.x,
            );
            expect(covered, `"${text.text}" at x=${text.x} (width ${width})`).toEqual([]);
          }
        }
      }
    }
    expect(labels).toBeGreaterThan(0);
  });
});

describe('level of detail', () => {
  it('draws a zoomed-out lane of a big run with at most two rectangles per pixel column', () => {
    const { index, run } = indexOf(manyTasksProgram(1000));
    expect(run.trace.length).toBeGreaterThan(50_000);
    const [lo, hi] = index.timeRange();
    for (const width of [300, 900]) {
      for (const axis of ['time', 'step'] as const) {
        const [t0, t1] = axis === 'time' ? [lo, hi] : [-0.5, run.trace.length - 0.5];
        const rects = index.spanRects(0, t0, t1, width, axis);
        expect(rects.length).toBeGreaterThan(0);
        expect(rects.length).toBeLessThanOrEqual(width * 2);
        // Activity is still shown across the run: the rectangles reach both ends of the lane.
        expect(Math.min(...rects.map((r) => r.x0))).toBeLessThan(width * 0.05);
        expect(Math.max(...rects.map((r) => r.x1))).toBeGreaterThan(width * 0.9);
      }
    }
  });
});
