/**
 * Draws the timeline lanes on a canvas: poll bars coloured by task, parks, blocking calls, wake arrows,
 * and the playhead. Pure drawing: the component decides the window and the size.
 */
import type { TraceIndex } from '../../trace/trace-index';

export const LANE_HEIGHT = 20;
export const LANE_GAP = 4;

export interface Palette {
  task: (id: number) => string;
  park: string;
  block: string;
  wake: string;
  playhead: string;
  grid: string;
  ink: string;
}

let cached: { dark: boolean; palette: Palette } | null = null;

/** Reads the theme's colours from CSS custom properties (light or dark); cached per colour scheme. */
export function paletteFrom(el: Element): Palette {
  const dark = typeof matchMedia === 'function' && matchMedia('(prefers-color-scheme: dark)').matches;
  if (cached && cached.dark === dark) return cached.palette;
  cached = { dark, palette: readPalette(el) };
  return cached.palette;
}

function readPalette(el: Element): Palette {
  const css = getComputedStyle(el);
  const v = (name: string) => css.getPropertyValue(name).trim() || '#888';
  const tasks = Array.from({ length: 8 }, (_, i) => v(`--t${i}`));
  return {
    task: (id) => tasks[((id % 8) + 8) % 8]!,
    park: v('--line'),
    block: v('--bad'),
    wake: v('--accent'),
    playhead: v('--accent'),
    grid: v('--line'),
    ink: v('--muted'),
  };
}

export interface DrawArgs {
  ctx: CanvasRenderingContext2D;
  index: TraceIndex;
  threads: number[];
  t0: number;
  t1: number;
  width: number;
  /** Position of the current step (the playhead), in the axis' unit. */
  now: number;
  /** Events are spaced evenly (`step`) or placed at their machine time (`time`). */
  axis: 'step' | 'time';
  /** Step range whose wakes to draw (the current step's neighbourhood). */
  wakeSteps: [number, number];
  palette: Palette;
  dpr: number;
}

/** A horizontal stretch of a lane, in pixels. */
export interface Interval {
  x0: number;
  x1: number;
}

/** Room kept between a label and what is beside it (pixels). */
const LABEL_PAD = 3;

/**
 * Where a label `w` pixels wide for a mark at `x` can go on a lane `width` wide without covering any of
 * `taken`: its left edge right of the mark, else left of it; null if neither side is free.
 */
export function placeLabel(x: number, w: number, width: number, taken: readonly Interval[]): number | null {
  for (const at of [x + 7, x - 7 - w]) {
    if (at < 0 || at + w > width) continue;
    const clear = taken.every((t) => t.x1 + LABEL_PAD <= at || t.x0 - LABEL_PAD >= at + w);
    if (clear) return at;
  }
  return null;
}

export function laneY(lane: number): number {
  return lane * (LANE_HEIGHT + LANE_GAP) + LANE_GAP;
}

export function drawTimeline(a: DrawArgs): void {
  const { ctx, index, threads, t0, t1, width, palette } = a;
  const height = threads.length * (LANE_HEIGHT + LANE_GAP) + LANE_GAP;
  ctx.setTransform(a.dpr, 0, 0, a.dpr, 0, 0);
  ctx.clearRect(0, 0, width, height);
  const x = (t: number) => ((t - t0) / (t1 - t0)) * width;
  // Where each lane has poll bars (pixels), so steal labels can be put where they hide none.
  const pollsByLane: Interval[][] = threads.map(() => []);
  threads.forEach((thread, lane) => {
    const y = laneY(lane);
    ctx.fillStyle = palette.grid;
    ctx.globalAlpha = 0.25;
    ctx.fillRect(0, y + LANE_HEIGHT - 1, width, 1);
    ctx.globalAlpha = 1;
    for (const r of index.spanRects(thread, t0, t1, width, a.axis)) {
      const w = Math.max(1, r.x1 - r.x0);
      if (r.kind === 'poll') {
        ctx.fillStyle = palette.task(r.task);
        ctx.fillRect(r.x0, y + 3, w, LANE_HEIGHT - 6);
        pollsByLane[lane]!.push({ x0: r.x0, x1: r.x0 + w });
      } else if (r.kind === 'park') {
        ctx.fillStyle = palette.park;
        ctx.globalAlpha = 0.6;
        ctx.fillRect(r.x0, y + LANE_HEIGHT / 2 - 1, w, 3);
        ctx.globalAlpha = 1;
      } else {
        ctx.fillStyle = palette.block;
        ctx.globalAlpha = 0.35;
        ctx.fillRect(r.x0, y + 1, w, LANE_HEIGHT - 2);
        ctx.globalAlpha = 1;
      }
    }
  });
  // Wake arrows near the current step: from the waking point to the poll it caused.
  const wakes = index.wakesBetween(a.wakeSteps[0], a.wakeSteps[1]);
  if (wakes.length <= 400) {
    ctx.strokeStyle = palette.wake;
    ctx.lineWidth = 1.25;
    for (const w of wakes) {
      if (w.effect === 'already-notified' || w.effect === 'after-complete') continue;
      const to = index.nextPollAfter(w.task, w.step);
      if (!to) continue;
      const fromLane = threads.indexOf(w.thread);
      const toLane = threads.indexOf(to.thread);
      if (fromLane < 0 || toLane < 0) continue;
      const x0 = x(a.axis === 'time' ? w.time : w.step);
      const x1 = x(a.axis === 'time' ? to.time : to.step);
      if (Math.max(x0, x1) < 0 || Math.min(x0, x1) > width) continue;
      const y0 = laneY(fromLane) + LANE_HEIGHT / 2;
      const y1 = laneY(toLane) + 4;
      ctx.beginPath();
      ctx.moveTo(x0, y0);
      const lift = fromLane === toLane ? -LANE_HEIGHT * 0.9 : 0;
      ctx.quadraticCurveTo((x0 + x1) / 2, Math.min(y0, y1) + lift, x1, y1);
      ctx.stroke();
      ctx.beginPath();
      ctx.arc(x1, y1, 2.2, 0, Math.PI * 2);
      ctx.fillStyle = palette.wake;
      ctx.fill();
    }
  }
  // Steals near the current step: a wedge on the thief's lane, with how many tasks it took. The label goes
  // right of the wedge, or left of it, where it covers no poll bar and no other label; if neither side is
  // free it is left out (the caption says the same when the playhead is on the steal).
  ctx.font = '10px system-ui, sans-serif';
  const labels: Interval[][] = threads.map(() => []);
  for (const st of index.stealsBetween(a.wakeSteps[0], a.wakeSteps[1])) {
    const lane = threads.indexOf(st.thread);
    if (lane < 0) continue;
    const sx = x(a.axis === 'time' ? st.time : st.step);
    if (sx < -8 || sx > width + 8) continue;
    const y = laneY(lane);
    ctx.fillStyle = palette.wake;
    ctx.beginPath();
    ctx.moveTo(sx - 5, y - 1);
    ctx.lineTo(sx + 5, y - 1);
    ctx.lineTo(sx, y + 7);
    ctx.closePath();
    ctx.fill();
    const label = `stole ${st.count} from worker ${st.victim}`;
    const w = ctx.measureText(label).width;
    const at = placeLabel(sx, w, width, [...pollsByLane[lane]!, ...labels[lane]!]);
    if (at !== null) {
      ctx.fillStyle = palette.ink;
      ctx.fillText(label, at, y + LANE_HEIGHT / 2 + 3);
      labels[lane]!.push({ x0: at, x1: at + w });
    }
  }
  // The playhead.
  const px = x(a.now);
  if (px >= 0 && px <= width) {
    ctx.fillStyle = palette.playhead;
    ctx.fillRect(Math.round(px) - 1, 0, 2, height);
  }
}
