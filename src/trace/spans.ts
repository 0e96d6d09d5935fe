/**
 * Thread-time spans (a task poll, a park in the driver, a blocking call) as columns, and the timeline's
 * other marks: wakes and steals.
 */
import { GrowableFloat64, GrowableInt32 } from '../base';

export type SpanKind = 'poll' | 'park' | 'block';
export const SPAN_KINDS: readonly SpanKind[] = ['poll', 'park', 'block'];

/** A stretch of one thread's time: a task poll, a park in the driver, a blocking call. */
export interface Span {
  kind: SpanKind;
  thread: number;
  start: number;
  /** Infinity while open at the end of the indexed trace. */
  end: number;
  startStep: number;
  endStep: number;
  /** The task polled (poll) or whose poll blocked (block), else -1. */
  task: number;
}

/** A wake: who woke whom, through what, and what it did. */
export interface WakeArrow {
  step: number;
  time: number;
  thread: number;
  task: number;
  by: number;
  resource: number;
  effect: string;
}

/** A steal: worker `core` (on `thread`) took `count` tasks from worker `victim`'s local queue. */
export interface StealMark {
  step: number;
  time: number;
  thread: number;
  core: number;
  victim: number;
  count: number;
}

/** One thread's spans, as columns. */
export class SpanList {
  readonly start = new GrowableFloat64();
  readonly end = new GrowableFloat64();
  readonly startStep = new GrowableInt32();
  readonly endStep = new GrowableInt32();
  readonly task = new GrowableInt32();
  readonly kind = new GrowableInt32();

  open(kind: SpanKind, time: number, step: number, task: number): number {
    this.start.push(time);
    this.end.push(Infinity);
    this.startStep.push(step);
    this.endStep.push(0x7fffffff);
    this.task.push(task);
    return this.kind.push(SPAN_KINDS.indexOf(kind));
  }

  close(i: number, time: number, step: number): void {
    this.end.set(i, time);
    this.endStep.set(i, step);
  }

  get length(): number {
    return this.kind.length;
  }

  /** Drops the columns' unused capacity. */
  trim(): void {
    for (const col of [this.start, this.end, this.startStep, this.endStep, this.task, this.kind]) col.trim();
  }

  get byteLength(): number {
    let n = 0;
    for (const col of [this.start, this.end, this.startStep, this.endStep, this.task, this.kind])
      n += col.byteLength;
    return n;
  }
}
