/**
 * The memory budget (`Limits.maxMemory`): how many bytes a run may hold in program values and in its trace.
 *
 * The core is deterministic and sees no heap, so this is an *accounting*, not a measurement: every value
 * that can grow without bound (a `String`, a `Vec`, a channel's buffer, a collection) says how many bytes it
 * holds itself (`ownBytes()`, estimated from its length as V8 would store it), and the meter keeps the sum
 * of what it last charged each of them. A value is charged when it is built or grows (`track`), and
 * released when the interpreter drops it (`release`, from `interp/drops.ts`); the trace's own bytes (event
 * columns and texts) and the program's output count too. The same program therefore stops at the same
 * point in the CLI, in the browser's worker and on every machine, and a tab never holds more than about
 * the budget, whatever the program does.
 *
 * Two calls charge a value:
 * - `reserve(bytes)` *before* building something whose size the program chooses in one go
 *   (`"x".repeat(n)`, `vec![x; n]`, a format width): a JS engine throws a RangeError, or dies, long before
 *   such a value exists, so the check must come first.
 * - `track(v)` *after* a value grew (or shrank, or was built): charges the difference since the last track.
 *   The interpreter tracks the receiver and the result of every builtin call, so most builtins need
 *   nothing more; a builtin that grows a value shared behind a handle (a channel's queue, a map inside a
 *   mutex) tracks that value itself.
 *
 * Imprecision is one-sided where it matters: a value the interpreter never drops stays charged (the run
 * holds *at most* its leaks more than counted), and a value dropped while still reachable is charged again
 * in full at its next track. `values.ts` documents each value's estimate.
 */
import type { TraceWriter } from '../trace/store';
import { LimitError } from './machine';

/**
 * A value whose size the program controls. `heldBytes` belongs to the meter (what it charged at the last
 * `track`, 0 when released); `ownBytes()` is the value's own storage now, without the values inside it that
 * are `Held` themselves (they are charged on their own), and must be cheap (O(1)): it runs after every call.
 */
export interface Held {
  heldBytes: number;
  ownBytes(): number;
}

export function isHeld(v: unknown): v is Held {
  return typeof v === 'object' && v !== null && typeof (v as Partial<Held>).ownBytes === 'function';
}

/** Bytes of a JS string of `chars` UTF-16 units: two-byte storage (the worst case) plus a header. */
export const stringBytes = (chars: number): number => 16 + 2 * chars;

/**
 * Bytes of an array of `n` slots whose first item is `sample`: a pointer (or a number) per slot, plus an
 * object per slot when the items are small objects (tuples, structs, enums) that are not charged themselves.
 */
export function slotsBytes(n: number, sample: unknown): number {
  return 16 + n * itemBytes(sample);
}

/** What one item like `sample` costs inside a container (arrays are stored by value, see values.ts RVec). */
function itemBytes(sample: unknown): number {
  if (typeof sample !== 'object' || sample === null) return 8;
  const array = sample as { array?: unknown; items?: unknown[] };
  if (array.array === true && Array.isArray(array.items))
    return 8 + slotsBytes(array.items.length, array.items[0]);
  return isHeld(sample) ? 8 : 8 + 48;
}

/**
 * The longest string a run may build, in UTF-16 units: V8's own limit is 2^29 - 24, and an engine that hits
 * it throws a RangeError. Below any sensible budget (it is 512 MB at two bytes a unit), so it only matters
 * with a very large `maxMemory`.
 */
export const MAX_STRING_CHARS = 2 ** 28;

/** Building this many bytes of a value counts as one interpreter step (see `MemoryMeter.work`). */
export const BYTES_PER_STEP = 256;

/** Bytes, as people read them: `256 MB`, `1.5 GB`, `640 KB`, `96 bytes`. */
export function formatBytes(n: number): string {
  const units: [number, string][] = [
    [2 ** 30, 'GB'],
    [2 ** 20, 'MB'],
    [2 ** 10, 'KB'],
  ];
  for (const [size, unit] of units)
    if (n >= size) {
      const x = n / size;
      return `${x >= 100 ? Math.round(x) : x.toFixed(1).replace(/\.0$/, '')} ${unit}`;
    }
  return `${n} bytes`;
}

export class MemoryMeter {
  /** Bytes charged to program values (the sum of every tracked value's `heldBytes`). */
  private values = 0;
  /** Characters of output the run keeps (stdout and stderr). */
  private outputChars = 0;
  /**
   * Once the limit is reached (or the run ended), growth no longer throws: the run is unwinding, and its drops
   * and final events must not raise the limit again. `reserve` still refuses what would not fit.
   */
  private over = false;

  constructor(
    /** The budget, in bytes. */
    readonly budget: number,
    private readonly trace: TraceWriter,
    /**
     * Charges steps of work (Machine.work): building a value is work in proportion to its size, so a loop
     * that clones a big vector or formats a growing one over and over meets the step budget.
     */
    private readonly work: (steps: number) => void = () => {},
  ) {
    this.updateTraceRoom();
    trace.onByteLimit = () => this.exceeded();
  }

  /** Bytes held now: program values, output and trace. */
  get held(): number {
    return this.values + this.outputBytes + this.trace.byteCount;
  }

  get valueBytes(): number {
    return this.values;
  }

  private get outputBytes(): number {
    return stringBytes(this.outputChars);
  }

  /** Throws the limit if `bytes` more would take the run past its budget. Call before building something big. */
  reserve(bytes: number): void {
    if (!(this.held + bytes <= this.budget)) {
      // One more small value on top of everything else: the run as a whole holds too much.
      if (bytes < this.budget / 4) this.exceeded();
      this.stop();
      throw new LimitError(
        `this value needs ${formatBytes(bytes)}: more than the memory limit (${formatBytes(this.budget)}) ` +
          `leaves, the run holds ${formatBytes(this.held)}`,
      );
    }
  }

  /** `reserve` for a string of `chars` UTF-16 units, which also may not pass the engine's string limit. */
  reserveString(chars: number): void {
    this.reserve(stringBytes(chars));
    if (!(chars <= MAX_STRING_CHARS)) {
      this.stop();
      throw new LimitError(
        `a string of ${chars} characters is longer than Pollscope can hold (${MAX_STRING_CHARS})`,
      );
    }
  }

  /** Charges the change in `v`'s size since it was last tracked; throws the limit past the budget. */
  track(v: Held): void {
    const now = v.ownBytes();
    const d = now - v.heldBytes;
    if (d === 0) return;
    v.heldBytes = now;
    this.values += d;
    this.updateTraceRoom();
    if (d > 0 && this.held > this.budget) this.exceeded();
    if (d >= BYTES_PER_STEP && !this.over) this.work(Math.floor(d / BYTES_PER_STEP));
  }

  /** `track` for any value: does nothing for values that cannot grow. */
  trackValue(v: unknown): void {
    if (isHeld(v)) this.track(v);
  }

  /** `v` was dropped: what it was charged is free again. */
  release(v: Held): void {
    if (v.heldBytes === 0) return;
    this.values -= v.heldBytes;
    v.heldBytes = 0;
    this.updateTraceRoom();
  }

  /** The run kept `chars` more characters of output (its stdout or stderr). */
  addOutput(chars: number): void {
    this.outputChars += chars;
    this.updateTraceRoom();
    if (this.held > this.budget) this.exceeded();
    if (chars >= BYTES_PER_STEP && !this.over) this.work(Math.floor(chars / BYTES_PER_STEP));
  }

  /** The run is over (or its limit was reached): from now on growth is counted but never stops it. */
  stop(): void {
    this.over = true;
    this.trace.byteLimit = Infinity;
  }

  /** The trace checks its own size on every event against what the values leave it. */
  private updateTraceRoom(): void {
    if (!this.over) this.trace.byteLimit = this.budget - this.values - this.outputBytes;
  }

  private exceeded(): void {
    if (this.over) return;
    this.stop();
    throw new LimitError(
      `the run holds more than ${formatBytes(this.budget)} (its memory limit): ${formatBytes(this.values)} of ` +
        `program values, ${formatBytes(this.trace.byteCount)} of trace, ${formatBytes(this.outputBytes)} of output`,
    );
  }
}
