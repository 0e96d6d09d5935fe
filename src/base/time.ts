import type { Brand } from './brand';

/**
 * Simulated time, in nanoseconds, as a float64. Integers up to 2^53 ns (~104 days) are exact, far beyond any
 * run the simulator allows (see sim/limits).
 *
 * Two clocks exist (DESIGN.md §3): machine time — how long simulated threads actually spend — and tokio time,
 * the time driver's clock, which equals machine time unless the runtime was started paused.
 */
export type MachineTime = Brand<number, 'MachineTime'>;
export type TokioTime = Brand<number, 'TokioTime'>;
/** A span of simulated time in nanoseconds (Rust's `Duration`). */
export type Nanos = Brand<number, 'Nanos'>;

export const NS_PER_US = 1_000;
export const NS_PER_MS = 1_000_000;
export const NS_PER_SEC = 1_000_000_000;

export const machineTime = (ns: number): MachineTime => ns as MachineTime;
export const tokioTime = (ns: number): TokioTime => ns as TokioTime;
export const nanos = (ns: number): Nanos => ns as Nanos;

/** Human text for a duration: "0 ns", "1.5 µs", "12 ms", "2.25 s". For UI labels, not for Rust output. */
export function formatNanos(ns: number): string {
  const abs = Math.abs(ns);
  if (abs < NS_PER_US) return `${ns} ns`;
  if (abs < NS_PER_MS) return `${round3(ns / NS_PER_US)} µs`;
  if (abs < NS_PER_SEC) return `${round3(ns / NS_PER_MS)} ms`;
  return `${round3(ns / NS_PER_SEC)} s`;
}

function round3(x: number): number {
  return Math.round(x * 1000) / 1000;
}
