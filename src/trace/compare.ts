/**
 * Two runs of one program, aligned event by event: a simulated run and a recorded real one, or two
 * simulations (two seeds, two flavors, tokio 1.24 vs latest). Both are reduced to their task-level event
 * order (event-order.ts: spawn, poll, Pending/Ready, wake, complete — what a real run reports the same
 * way) and aligned with Myers' shortest edit script, so the rows the runs share line up and every
 * difference is a run of rows only one side has. Pure: used by the compare view and its tests.
 */
import { eventOrderWithSteps } from './event-order';
import type { TraceReader } from './store';

/** One aligned row: an index into each side's order, -1 where that side has nothing here. */
export interface AlignedRow {
  a: number;
  b: number;
}

export interface Alignment {
  rows: AlignedRow[];
  /**
   * The runs needed more than `maxEdits` insertions and deletions to align: past the shared start and
   * end, rows are paired by position (a row with both sides may then differ) instead of aligned.
   */
  truncated: boolean;
}

/** A difference: consecutive rows where the two sides disagree. */
export interface Difference {
  /** Rows [from, to) of the alignment. */
  from: number;
  to: number;
  a: string[];
  b: string[];
  kind: 'spawn' | 'poll' | 'wake' | 'completion' | 'steal';
}

export interface SideOrder {
  lines: string[];
  /** The trace step each line came from. */
  steps: number[];
}

export interface Comparison {
  a: SideOrder;
  b: SideOrder;
  alignment: Alignment;
  differences: Difference[];
}

export const MAX_EDITS = 1000;

export function compareTraces(
  a: TraceReader,
  b: TraceReader,
  opts: { steals?: boolean; maxEdits?: number } = {},
): Comparison {
  const sa = eventOrderWithSteps(a, { steals: opts.steals ?? false });
  const sb = eventOrderWithSteps(b, { steals: opts.steals ?? false });
  const alignment = align(sa.lines, sb.lines, opts.maxEdits ?? MAX_EDITS);
  return { a: sa, b: sb, alignment, differences: differences(sa.lines, sb.lines, alignment) };
}

/** Aligns two sequences (shortest edit script; see `Alignment.truncated` for when it gives up). */
export function align(a: readonly string[], b: readonly string[], maxEdits = MAX_EDITS): Alignment {
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const rows: AlignedRow[] = [];
  for (let i = 0; i < start; i++) rows.push({ a: i, b: i });
  const middle = myers(a, b, start, endA, start, endB, maxEdits);
  const truncated = middle === null;
  if (middle) rows.push(...middle);
  else
    for (let i = 0; i < Math.max(endA, endB) - start; i++)
      rows.push({ a: start + i < endA ? start + i : -1, b: start + i < endB ? start + i : -1 });
  for (let i = 0; i < a.length - endA; i++) rows.push({ a: endA + i, b: endB + i });
  return { rows, truncated };
}

/**
 * Myers' O((N+M)·D) algorithm on a[a0..a1) and b[b0..b1), keeping the diagonals reached at each D (only
 * 2D+1 of them, so memory is O(D²)) to walk the path back. Null when D would exceed `maxEdits`.
 */
function myers(
  a: readonly string[],
  b: readonly string[],
  a0: number,
  a1: number,
  b0: number,
  b1: number,
  maxEdits: number,
): AlignedRow[] | null {
  const n = a1 - a0;
  const m = b1 - b0;
  const history: Int32Array[] = [];
  let prev = new Int32Array(1);
  for (let d = 0; d <= Math.min(maxEdits, n + m); d++) {
    const v = new Int32Array(2 * d + 1);
    const at = (k: number) => prev[k + d - 1]!;
    for (let k = -d; k <= d; k += 2) {
      let x = d === 0 ? 0 : k === -d || (k !== d && at(k - 1) < at(k + 1)) ? at(k + 1) : at(k - 1) + 1;
      let y = x - k;
      while (x < n && y < m && a[a0 + x] === b[b0 + y]) {
        x++;
        y++;
      }
      v[k + d] = x;
      if (x >= n && y >= m) {
        history.push(v);
        return walkBack(history, n, m, a0, b0);
      }
    }
    history.push(v);
    prev = v;
  }
  return null;
}

function walkBack(history: Int32Array[], n: number, m: number, a0: number, b0: number): AlignedRow[] {
  const out: AlignedRow[] = [];
  let x = n;
  let y = m;
  for (let d = history.length - 1; d > 0; d--) {
    const prev = history[d - 1]!;
    const at = (k: number) => prev[k + d - 1]!;
    const k = x - y;
    const down = k === -d || (k !== d && at(k - 1) < at(k + 1));
    const pk = down ? k + 1 : k - 1;
    const px = at(pk);
    const py = px - pk;
    // The diagonal run (shared rows) after the edit, walked backwards.
    while (x > (down ? px : px + 1) && y > (down ? py + 1 : py)) {
      out.push({ a: a0 + x - 1, b: b0 + y - 1 });
      x--;
      y--;
    }
    if (down) out.push({ a: -1, b: b0 + py });
    else out.push({ a: a0 + px, b: -1 });
    x = px;
    y = py;
  }
  while (x > 0 && y > 0) {
    out.push({ a: a0 + x - 1, b: b0 + y - 1 });
    x--;
    y--;
  }
  return out.reverse();
}

/** The rows where the sides disagree, grouped into runs. */
export function differences(a: readonly string[], b: readonly string[], al: Alignment): Difference[] {
  const out: Difference[] = [];
  const differs = (r: AlignedRow) => r.a < 0 || r.b < 0 || a[r.a] !== b[r.b];
  for (let i = 0; i < al.rows.length;) {
    if (!differs(al.rows[i]!)) {
      i++;
      continue;
    }
    const from = i;
    const la: string[] = [];
    const lb: string[] = [];
    while (i < al.rows.length && differs(al.rows[i]!)) {
      const r = al.rows[i++]!;
      if (r.a >= 0) la.push(a[r.a]!);
      if (r.b >= 0) lb.push(b[r.b]!);
    }
    out.push({ from, to: i, a: la, b: lb, kind: kindOf(la[0] ?? lb[0]!) });
  }
  return out;
}

function kindOf(line: string): Difference['kind'] {
  const word = line.slice(0, line.indexOf(' '));
  if (word === 'spawn' || word === 'wake' || word === 'steal') return word;
  if (word === 'complete') return 'completion';
  return 'poll';
}

/** An event-order line in words ("task 1 wakes task 2"), with tasks named by `name`. */
export function describeLine(line: string, name: (task: number) => string = (t) => `task ${t}`): string {
  const [word, first, ...rest] = line.split(' ');
  const field = (key: string) => rest.find((r) => r.startsWith(`${key}=`))?.slice(key.length + 1);
  const task = name(Number(first));
  switch (word) {
    case 'spawn': {
      const parent = Number(field('parent'));
      return `${task} spawned${rest.includes('blocking') ? ' (blocking)' : ''} by ${name(parent)}`;
    }
    case 'poll':
      return `${task} polled`;
    case 'pending':
      return `${task} returns Pending`;
    case 'ready':
      return `${task} returns Ready`;
    case 'wake': {
      const by = Number(field('by'));
      const how = rest[rest.length - 1] === 'wake_by_ref' ? ' (by reference)' : '';
      return by >= 0 ? `${name(by)} wakes ${task}${how}` : `${task} woken by the runtime${how}`;
    }
    case 'complete':
      return `${task} completes (${rest[0] ?? ''})`;
    case 'steal':
      return `worker ${first!.slice('core='.length)} steals ${field('count')} task(s) from worker ${field('victim')}`;
    default:
      return line;
  }
}
