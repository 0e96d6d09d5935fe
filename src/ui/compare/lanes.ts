/**
 * What the compare view draws for one side, computed once per comparison: for each aligned row, the lane
 * (thread) of the side's event and its kind; and each poll as a bar from its `poll` row to its Pending or
 * Ready row. Pure, so the drawing stays a loop over arrays.
 */
import type { Comparison } from '../../trace/compare';
import type { TraceReader } from '../../trace/store';

export interface SideLanes {
  /** Thread ids, one lane each, by id (main first), so both sides' lanes line up. */
  threads: number[];
  /** Per aligned row: the lane of this side's event there (-1: none on this side). */
  lane: Int32Array;
  /** Per aligned row: 0 none, 1 spawn, 2 poll, 3 pending/ready, 4 wake, 5 complete, 6 steal. */
  mark: Uint8Array;
  /** Poll bars: [fromRow, toRow, lane, task] quadruples. */
  bars: number[];
}

const MARK: Record<string, number> = {
  spawn: 1,
  poll: 2,
  pending: 3,
  ready: 3,
  wake: 4,
  complete: 5,
  steal: 6,
};

export function sideLanes(c: Comparison, which: 'a' | 'b', trace: TraceReader): SideLanes {
  const rows = c.alignment.rows;
  const order = c[which];
  const lane = new Int32Array(rows.length).fill(-1);
  const mark = new Uint8Array(rows.length);
  const threadAt = new Int32Array(rows.length).fill(-1);
  rows.forEach((row, r) => {
    const i = which === 'a' ? row.a : row.b;
    if (i >= 0) threadAt[r] = trace.get(order.steps[i]!).thread;
  });
  const threads = [...new Set(threadAt)].filter((t) => t >= 0).sort((x, y) => x - y);
  const laneOf = new Map(threads.map((t, l) => [t, l]));
  const openPoll = new Map<number, number>();
  const bars: number[] = [];
  rows.forEach((row, r) => {
    const i = which === 'a' ? row.a : row.b;
    if (i < 0) return;
    const l = laneOf.get(threadAt[r]!)!;
    lane[r] = l;
    const line = order.lines[i]!;
    const word = line.slice(0, line.indexOf(' '));
    mark[r] = MARK[word] ?? 0;
    const task = Number(line.split(' ')[1]);
    if (word === 'poll') openPoll.set(task, r);
    else if (word === 'pending' || word === 'ready') {
      const from = openPoll.get(task);
      if (from !== undefined) bars.push(from, r, l, task);
      openPoll.delete(task);
    }
  });
  return { threads, lane, mark, bars };
}

/** Each thread's name from its `thread-start` event ("main", "tokio-runtime-worker", …). */
export function threadNames(trace: TraceReader): Map<number, string> {
  const names = new Map<number, string>();
  for (let i = 0; i < trace.length; i++)
    if (trace.kindAt(i) === 'thread-start') {
      const ev = trace.get(i) as { thread: number; name: string };
      names.set(ev.thread, ev.name);
    }
  return names;
}
