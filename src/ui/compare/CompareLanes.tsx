import { useEffect, useMemo, useRef } from 'react';
import type { Comparison } from '../../trace/compare';
import { paletteFrom } from '../timeline/draw';
import { sideLanes, threadNames, type SideLanes } from './lanes';
import type { Side } from './compare-store';

const LANE = 16;
const GAP = 3;
const TITLE = 18;
const LABEL = 150;

/**
 * Both runs on one axis of aligned events: a block of thread lanes per run, poll bars coloured by task,
 * ticks for spawns, wakes and completions, the differences as red bands through both blocks, and the
 * cursor. A click moves the cursor.
 */
export function CompareLanes({
  comparison,
  a,
  b,
  cursor,
  onPick,
}: {
  comparison: Comparison;
  a: Side;
  b: Side;
  cursor: number;
  onPick: (row: number) => void;
}) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const sides = useMemo(
    () =>
      [
        { side: a, lanes: sideLanes(comparison, 'a', a.trace), names: threadNames(a.trace) },
        { side: b, lanes: sideLanes(comparison, 'b', b.trace), names: threadNames(b.trace) },
      ] as const,
    [comparison, a, b],
  );
  const height = sides.reduce((h, s) => h + TITLE + s.lanes.threads.length * (LANE + GAP) + GAP, 0);
  const rows = comparison.alignment.rows.length;

  useEffect(() => {
    const c = canvas.current;
    if (!c) return;
    const dpr = window.devicePixelRatio || 1;
    const width = c.clientWidth;
    c.width = Math.round(width * dpr);
    c.height = Math.round(height * dpr);
    const ctx = c.getContext('2d');
    if (!ctx) return;
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.clearRect(0, 0, width, height);
    const palette = paletteFrom(c);
    const css = getComputedStyle(c);
    const bad = css.getPropertyValue('--bad').trim() || '#b3261e';
    const plot = Math.max(10, width - LABEL);
    const x = (r: number) => LABEL + (r / Math.max(1, rows)) * plot;
    const w = Math.max(1, plot / Math.max(1, rows));
    // Differences: bands through both blocks.
    ctx.globalAlpha = 0.18;
    ctx.fillStyle = bad;
    for (const d of comparison.differences)
      ctx.fillRect(x(d.from), 0, Math.max(2, x(d.to) - x(d.from)), height);
    ctx.globalAlpha = 1;
    let top = 0;
    for (const { side, lanes, names } of sides) {
      ctx.fillStyle = palette.ink;
      ctx.font = '600 12px system-ui, sans-serif';
      ctx.fillText(side.label, 4, top + 13);
      top += TITLE;
      drawSide(ctx, lanes, names, top, x, w, palette);
      top += lanes.threads.length * (LANE + GAP) + GAP;
    }
    ctx.fillStyle = palette.playhead;
    ctx.fillRect(x(cursor) + w / 2 - 1, 0, 2, height);
  }, [sides, comparison, cursor, height, rows]);

  return (
    <canvas
      ref={canvas}
      className="compare-lanes"
      style={{ height }}
      role="img"
      aria-label={`Both runs on one axis of ${rows} aligned events, ${comparison.differences.length} differences marked`}
      onClick={(e) => {
        const rect = e.currentTarget.getBoundingClientRect();
        const plot = Math.max(10, rect.width - LABEL);
        const r = Math.floor(((e.clientX - rect.left - LABEL) / plot) * rows);
        if (r >= 0) onPick(Math.min(rows - 1, r));
      }}
    />
  );
}

function drawSide(
  ctx: CanvasRenderingContext2D,
  lanes: SideLanes,
  names: Map<number, string>,
  top: number,
  x: (r: number) => number,
  w: number,
  palette: ReturnType<typeof paletteFrom>,
): void {
  const y = (l: number) => top + l * (LANE + GAP);
  ctx.font = '11px system-ui, sans-serif';
  lanes.threads.forEach((t, l) => {
    ctx.fillStyle = palette.grid;
    ctx.fillRect(x(0), y(l) + LANE - 1, x(lanes.lane.length) - x(0), 1);
    ctx.fillStyle = palette.ink;
    ctx.fillText(names.get(t) ?? `thread ${t}`, 4, y(l) + 12, 140);
  });
  for (let i = 0; i < lanes.bars.length; i += 4) {
    const [from, to, l, task] = [lanes.bars[i]!, lanes.bars[i + 1]!, lanes.bars[i + 2]!, lanes.bars[i + 3]!];
    ctx.fillStyle = palette.task(task);
    ctx.fillRect(x(from), y(l) + 3, Math.max(w, x(to) - x(from) + w), LANE - 7);
  }
  for (let r = 0; r < lanes.mark.length; r++) {
    const m = lanes.mark[r]!;
    if (m === 0 || m === 2 || m === 3) continue;
    ctx.fillStyle = m === 4 ? palette.wake : palette.ink;
    ctx.fillRect(x(r), y(lanes.lane[r]!) + (m === 4 ? 0 : LANE - 5), Math.max(1, w), m === 4 ? 4 : 3);
  }
}
