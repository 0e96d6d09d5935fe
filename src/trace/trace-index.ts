/**
 * The trace index: one pass over the events (incremental, so a streaming run is indexed as it arrives)
 * builds per-entity logs; every query at step s is then a handful of binary searches. The cost of a seek
 * does not grow with the trace's length, and memory grows with the number of events, never with
 * (events × state size) as full snapshots would.
 *
 * Layers, one module each: `index-state.ts` (what is held), `index-builder.ts` (events in),
 * `index-queries.ts` (the view state at a step), this file (the timeline: spans, wakes, steals).
 */
import { WAKE_EFFECTS } from './events';
import { IndexQueries } from './index-queries';
import { SPAN_KINDS, type Span, type SpanKind, type StealMark, type WakeArrow } from './spans';

export { LINTS, RESOURCE_KINDS } from './events';
export { LINT_THRESHOLDS, eventSite } from './index-state';
export type { Span, SpanKind, StealMark, WakeArrow } from './spans';

export class TraceIndex extends IndexQueries {
  get threadCount(): number {
    return this.threads.length;
  }

  /** Machine time of event `step`. */
  timeOfStep(step: number): number {
    return this.trace.timeAt(Math.max(0, Math.min(step, this.trace.length - 1)));
  }

  /** Machine-time range of the indexed events. */
  timeRange(): [number, number] {
    let lo = Infinity;
    let hi = -Infinity;
    for (const th of this.threads) {
      if (!th || th.spans.length === 0) continue;
      lo = Math.min(lo, th.spans.start.get(0));
    }
    if (this.indexed > 0) {
      lo = Math.min(lo, this.trace.timeAt(0));
      for (let i = Math.max(0, this.indexed - 64); i < this.indexed; i++)
        hi = Math.max(hi, this.trace.timeAt(i));
    }
    return Number.isFinite(lo) && Number.isFinite(hi) ? [lo, Math.max(hi, lo + 1)] : [0, 1];
  }

  /** The first step at or after machine time `t` (events are in time order on a single-thread runtime). */
  stepAtTime(t: number): number {
    let lo = 0;
    let hi = this.indexed;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.trace.timeAt(mid) < t) lo = mid + 1;
      else hi = mid;
    }
    return Math.min(lo, this.indexed - 1);
  }

  /** The poll that a wake led to: the task's first poll after `step`. */
  nextPollAfter(task: number, step: number): { step: number; time: number; thread: number } | null {
    const n = this.taskPolls.count(task, step);
    const e = this.taskPolls.entries(task)[n];
    if (e === undefined) return null;
    const s = this.taskPolls.step.get(e);
    return { step: s, time: this.trace.timeAt(s), thread: this.taskPolls.b.get(e) };
  }

  /**
   * What to draw for a thread lane `width` pixels wide showing [t0, t1]: rectangles, with level of detail —
   * when spans are denser than pixels, each pixel column shows the span covering it (so a million-event
   * run costs a few thousand binary searches per frame, not a million rectangles).
   */
  spanRects(
    thread: number,
    t0: number,
    t1: number,
    width: number,
    axis: 'time' | 'step' = 'time',
  ): { x0: number; x1: number; kind: SpanKind; task: number; startStep: number }[] {
    const info = this.threads[thread];
    if (!info || width <= 0) return [];
    const spans = info.spans;
    const n = spans.length;
    const scale = width / Math.max(1e-9, t1 - t0);
    // On the step axis a span runs from its first event to its last; on the time axis, in machine time.
    const sp =
      axis === 'time'
        ? spans
        : {
            start: spans.startStep,
            end: spans.endStep,
            kind: spans.kind,
            task: spans.task,
            startStep: spans.startStep,
          };
    const last =
      axis === 'time' ? (this.indexed > 0 ? this.trace.timeAt(this.indexed - 1) : t1) : this.indexed - 1;
    const endOf = (i: number) => {
      const e = sp.end.get(i);
      return Number.isFinite(e) && e < 0x7fffffff ? e : last;
    };
    // First span starting at or after t0, then back over spans still open at t0.
    let lo = 0;
    let hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (sp.start.get(mid) < t0) lo = mid + 1;
      else hi = mid;
    }
    let first = lo;
    while (first > 0 && endOf(first - 1) > t0 && lo - first < 8) first--;
    let count = 0;
    for (let i = first; i < n && sp.start.get(i) <= t1 && count <= width * 2; i++) count++;
    const out: { x0: number; x1: number; kind: SpanKind; task: number; startStep: number }[] = [];
    if (count <= width * 2) {
      for (let i = first; i < n && sp.start.get(i) <= t1; i++) {
        const x0 = (Math.max(t0, sp.start.get(i)) - t0) * scale;
        const x1 = (Math.min(t1, endOf(i)) - t0) * scale;
        if (x1 < 0) continue;
        out.push({
          x0,
          x1: Math.max(x1, x0 + 0.5),
          kind: SPAN_KINDS[sp.kind.get(i)]!,
          task: sp.task.get(i),
          startStep: sp.startStep.get(i),
        });
      }
      return out;
    }
    // Denser than pixels: sample each pixel column.
    let cur: { x0: number; x1: number; kind: SpanKind; task: number; startStep: number } | null = null;
    for (let x = 0; x < width; x++) {
      const t = t0 + (x + 0.5) / scale;
      let a = 0;
      let b = n - 1;
      let idx = -1;
      while (a <= b) {
        const mid = (a + b) >> 1;
        if (sp.start.get(mid) <= t) {
          idx = mid;
          a = mid + 1;
        } else b = mid - 1;
      }
      // A column covered by tiny spans that all ended before its centre still shows activity.
      const covered = idx >= 0 && (endOf(idx) >= t || sp.start.get(idx) >= t - 1 / scale);
      if (!covered) {
        cur = null;
        continue;
      }
      const kind = SPAN_KINDS[sp.kind.get(idx)]!;
      const task = sp.task.get(idx);
      if (cur && cur.kind === kind && cur.task === task && cur.x1 === x) cur.x1 = x + 1;
      else {
        cur = { x0: x, x1: x + 1, kind, task, startStep: sp.startStep.get(idx) };
        out.push(cur);
      }
    }
    return out;
  }

  /** Spans of a thread overlapping [t0, t1] (machine time). */
  spans(thread: number, t0: number, t1: number): Span[] {
    const info = this.threads[thread];
    if (!info) return [];
    const sp = info.spans;
    const out: Span[] = [];
    for (let i = 0; i < sp.length; i++) {
      const start = sp.start.get(i);
      if (start > t1) break;
      const end = sp.end.get(i);
      if (end < t0) continue;
      out.push({
        kind: SPAN_KINDS[sp.kind.get(i)]!,
        thread,
        start,
        end,
        startStep: sp.startStep.get(i),
        endStep: sp.endStep.get(i),
        task: sp.task.get(i),
      });
    }
    return out;
  }

  private wake(i: number): WakeArrow {
    const c = this.wakeCols;
    return {
      step: this.wakeStep.get(i),
      time: this.wakeTime.get(i),
      thread: c.thread.get(i),
      task: c.task.get(i),
      by: c.by.get(i),
      resource: c.resource.get(i),
      effect: WAKE_EFFECTS[c.effect.get(i)]!,
    };
  }

  /** Wakes between two steps (inclusive). */
  wakesBetween(fromStep: number, toStep: number): WakeArrow[] {
    const n = this.wakeStep.length;
    let lo = 0;
    let hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.wakeStep.get(mid) < fromStep) lo = mid + 1;
      else hi = mid;
    }
    const out: WakeArrow[] = [];
    for (let i = lo; i < n && this.wakeStep.get(i) <= toStep; i++) out.push(this.wake(i));
    return out;
  }

  /** Steals between two steps (inclusive), for the timeline's steal marks. */
  stealsBetween(fromStep: number, toStep: number): StealMark[] {
    let lo = 0;
    let hi = this.steals.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.steals[mid]!.step < fromStep) lo = mid + 1;
      else hi = mid;
    }
    const out: StealMark[] = [];
    for (let i = lo; i < this.steals.length && this.steals[i]!.step <= toStep; i++) out.push(this.steals[i]!);
    return out;
  }

  /** The most recent wake of `task` at or before step `s`. */
  whoWoke(task: number, s: number): WakeArrow | null {
    const e = this.taskWakes.latest(task, s);
    return e < 0 ? null : this.wake(this.taskWakes.a.get(e));
  }
}
