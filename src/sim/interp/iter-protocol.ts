/**
 * The iterator protocol: one `next` that every adapter and consumer pulls through, as Rust's
 * `Iterator::next`. Iterators are lazy — nothing runs until a consumer (or a `for` loop) pulls — and a pull
 * may run user code (a closure given to `map`, a user `impl Iterator`), which may block its thread (a
 * `JoinHandle::join` inside `map`). So `next` returns a `Pull`: the item, `DONE`, or — only when user code
 * actually suspended — a generator the caller drives with `yield*`. Everything that does not suspend stays
 * on the synchronous path: no generator is made per item.
 *
 * Every item a source produces is charged to the run's step budget (`charge`), so an endless iterator
 * (`(0..).collect()`, `iter::repeat(1).count()`) ends as a limit outcome instead of hanging the engine.
 */
import { STEP_COST_NS } from '../costs';
import { LimitError } from '../machine';
import type { Gen, NativeResult } from '../poll';
import { RObject, type Value } from '../values';
import type { World } from '../world';
import { isGen, type InterpCore } from './core';

/** The end of an iteration (`None` from `Iterator::next`). */
export const DONE: unique symbol = Symbol('iterator done');
export type Step = Value | typeof DONE;
/** What `next` returns: an item or `DONE` now, or a generator when user code suspended the pull. */
export type Pull = Step | Gen<Step>;

/** Whether a result is a generator still to drive (user code suspended) rather than a value. */
export function suspends<T>(p: T | Gen<T>): p is Gen<T> {
  return isGen(p);
}

/** A lazy iterator value: sources (ranges, slices, collections), adapters and user iterators. */
export abstract class RIter extends RObject {
  /** `Iterator::next`. */
  abstract next(cx: InterpCore): Pull;

  /** `DoubleEndedIterator::next_back`, for iterators where `isDoubleEnded()`. */
  nextBack(cx: InterpCore): Pull {
    return cx.unsupported(
      `\`${this.typeName()}\` is not a double-ended iterator (\`.rev()\` and \`next_back\` need one; rustc would reject this)`,
    );
  }

  isDoubleEnded(): boolean {
    return false;
  }

  /** The exact number of items left when it is known without pulling (`ExactSizeIterator::len`). */
  exactLen(): number | null {
    return null;
  }

  /** `size_hint()`: lower bound and upper bound (null: unbounded or unknown). */
  sizeHint(): [number, number | null] {
    const n = this.exactLen();
    return n === null ? [0, null] : [n, n];
  }

  /** An independent copy in the same state (`Clone`), or null when the iterator cannot be cloned. */
  fork(_cx: InterpCore): RIter | null {
    return null;
  }

  /** Dropping an iterator drops what it still owns (the rest of a `vec.into_iter()`, captured closures). */
  dropValue(_interp: InterpCore): void {}

  /** `Clone` (clone.ts calls it with the run's world). */
  cloneValue(world: World): Value {
    const cx = world.interp as InterpCore;
    return this.fork(cx) ?? cx.unsupported(`\`${this.typeName()}\` cannot be cloned in Pollscope`);
  }
}

/**
 * Charges one produced item to the step budget (and its machine time). A pull that passes the budget
 * stops the run as a limit, at the line being evaluated, saying that an iterator was being drained.
 */
export function charge(cx: InterpCore): void {
  const m = cx.world.machine;
  if (m.steps + 1 > m.limits.maxStepsPerPoll)
    throw new LimitError(
      `a single poll ran ${m.limits.maxStepsPerPoll} steps without returning, pulling items from an iterator (an endless iterator such as \`(0..)\` or \`iter::repeat\` consumed to the end, or one too long for Pollscope)`,
      cx.site?.start ?? -1,
    );
  m.step(STEP_COST_NS);
}

/** Runs a call as far as it goes without suspending: its value, or a generator that continues it. */
export function settle<T>(r: T | Gen<T>): T | Gen<T> {
  if (!suspends(r)) return r;
  const s = r.next();
  if (s.done) return s.value;
  return resume(r, s.value);
}

function* resume<T>(g: Gen<T>, first: Gen<T> extends Generator<infer Y, T, undefined> ? Y : never): Gen<T> {
  let done = false;
  try {
    let y = first;
    for (;;) {
      yield y;
      const s = g.next();
      if (s.done) {
        done = true;
        return s.value;
      }
      y = s.value;
    }
  } finally {
    // The pull was abandoned (its future dropped): finish the inner call's scopes too.
    if (!done) g.return(undefined as never);
  }
}

/** `k(value of p)`, without a generator unless `p` or `k` suspends. (Not named `then`: a module exporting `then` is a thenable, and `await import()` of it misbehaves.) */
export function andThen<A, B>(p: A | Gen<A>, k: (a: A) => B | Gen<B>): B | Gen<B> {
  if (!suspends(p)) return k(p);
  return (function* () {
    const a = yield* p;
    const b = k(a);
    return suspends(b) ? yield* b : b;
  })();
}

/** Calls a closure (or any callable) with `args`, synchronously when it does not suspend. */
export function callFn(cx: InterpCore, f: Value, args: Value[]): Value | Gen<Value> {
  return settle(cx.callValue(f, args, cx.site) as NativeResult);
}

/** Pulls one item inside a generator. */
export function* pull(cx: InterpCore, it: RIter): Gen<Step> {
  const p = it.next(cx);
  return suspends(p) ? yield* p : p;
}

/** Pulls one item from the back inside a generator. */
export function* pullBack(cx: InterpCore, it: RIter): Gen<Step> {
  const p = it.nextBack(cx);
  return suspends(p) ? yield* p : p;
}

/** Runs a possibly-suspending call inside a generator. */
export function* run<T>(r: T | Gen<T>): Gen<T> {
  return suspends(r) ? yield* r : r;
}

/** An iterator made from a `next` function (and optionally a `next_back`), for small adapters and sources. */
export class FnIter extends RIter {
  constructor(
    readonly label: string,
    private readonly nextFn: (cx: InterpCore) => Pull,
    private readonly owned: readonly Value[] = [],
  ) {
    super();
  }
  typeName(): string {
    return this.label;
  }
  next(cx: InterpCore): Pull {
    return this.nextFn(cx);
  }
  override dropValue(interp: InterpCore): void {
    for (const v of this.owned) interp.dropValue(v);
  }
}
