/**
 * Small helpers builtin modules share: reading an argument as text or an integer, calling a closure argument
 * (a generator the interpreter drives), and `pure` for the registration tables.
 */
import { ListIter } from '../interp/iter-sources';
import type { RIter } from '../interp/iter-protocol';
import type { CallCtx } from '../interp/registry';
import { deref, RObject, RString, type Value } from '../values';

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
