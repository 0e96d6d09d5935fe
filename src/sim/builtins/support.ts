/**
 * Small helpers builtin modules share: reading an argument as text or an integer, calling a closure argument
 * (a generator the interpreter drives), and `pure` for the registration tables.
 */
import { ListIter } from '../interp/iter-sources';
import type { RIter } from '../interp/iter-protocol';
import type { CallCtx } from '../interp/registry';
import { isCallable } from '../interp/callables';
import { deref, RObject, RString, typeNameOf, type Value } from '../values';

/** Marks a builtin that cannot block or run user code (the interpreter's synchronous fast path). */
export const pure = true;

/** The text of a `&str` or `String` value (through references), or null. */
export function str(v: Value): string | null {
  const x = deref(v);
  if (typeof x === 'string') return x;
  if (x instanceof RString) return x.s;
  return null;
}

export function num(ctx: CallCtx, v: Value | undefined, what = 'an integer'): number {
  const x = v === undefined ? undefined : deref(v);
  if (typeof x === 'number') return x;
  // Beyond 2^53: as a (rounded) number, which is out of range for every count or duration the API takes.
  if (typeof x === 'bigint') return Number(x);
  return ctx.interp.unsupported(`expected ${what}`);
}

/**
 * A closure argument a builtin keeps to call later (a thread's body): checked now, so a program that hands
 * over something else (rustc rejects it) is told so at the call, not when the thread starts.
 */
export function closureArg(ctx: CallCtx, v: Value | undefined, fnName: string): Value {
  const x = v === undefined ? undefined : deref(v);
  if (x !== undefined && isCallable(x)) return x;
  const type = x === undefined ? 'nothing' : `\`${typeNameOf(x)}\``;
  return ctx.interp.unsupported(`\`${fnName}\` takes a closure, not ${type}`, ctx.span);
}

/**
 * An argument of a given class (through references): the interpreter does not type-check, so a builtin that
 * needs, say, an `Arc` says so when a program (that rustc rejects) hands it something else.
 */
export function argOf<T extends RObject>(
  ctx: CallCtx,
  v: Value | undefined,
  cls: abstract new (...args: never[]) => T,
  fnName: string,
  expected: string,
): T {
  const x = v === undefined ? undefined : deref(v);
  if (x instanceof cls) return x;
  const type = x === undefined ? 'nothing' : `\`${typeNameOf(x)}\``;
  return ctx.interp.unsupported(`\`${fnName}\` takes ${expected}, not ${type}`, ctx.span);
}

export function listIter(xs: Value[], label: string): RIter {
  return new ListIter(xs, label);
}
/** A method that may call a closure argument: returns a generator the interpreter drives. */
export function* callClosure(ctx: CallCtx, f: Value, args: Value[]): Generator<never, Value, undefined> {
  const r = ctx.interp.callValue(f, args, ctx.span);
  if (
    typeof r === 'object' &&
    r !== null &&
    typeof (r as { next?: unknown }).next === 'function' &&
    !(r instanceof RObject)
  ) {
    return (yield* r as Generator<never, Value, undefined>) as Value;
  }
  return r as Value;
}

/**
 * `rotate_left(n)` in place (the same array, so every handle on it sees the change), without
 * `push(...items)`, whose argument list the engine refuses past a few hundred thousand items.
 */
export function rotateInPlace(items: Value[], n: number): void {
  if (n === 0 || n === items.length) return;
  const copy = items.slice();
  for (let i = 0; i < items.length; i++) items[i] = copy[(i + n) % copy.length]!;
}
