/**
 * `std::sync::atomic` (core/src/sync/atomic.rs): `AtomicBool` and the integer atomics, with the memory
 * `Ordering`s they take. The simulator runs one thing at a time (tasks, workers and std threads are
 * interleaved deterministically), so every operation is a single indivisible step and every ordering
 * behaves as `SeqCst`; the orderings are still checked where std panics on an invalid one (a `Release`
 * load, an `Acquire` store, a `Release` failure ordering).
 *
 * Integer atomics wrap on overflow (`fetch_add` is `wrapping_add`), as std's do.
 */
import { KIND_NAMES } from '../../../../lang/types/kinds';
import { debug } from '../../../format';
import { big, intCmp, isInt, norm, wrap, type Int } from '../../../int';
import { callClosure } from '../../support';
import { defineConst, defineFn, defineMethods, withPrefixes, type CallCtx } from '../../../interp/registry';
import {
  deref,
  errVal,
  NONE,
  okVal,
  REnum,
  RObject,
  RRef,
  UNIT,
  type Place,
  type Value,
} from '../../../values';
import type { Gen } from '../../../poll';

const PREFIXES = ['std::sync::atomic', 'core::sync::atomic'];
const ORDERINGS = ['Relaxed', 'Release', 'Acquire', 'AcqRel', 'SeqCst'] as const;
type Ord = (typeof ORDERINGS)[number];

/** An atomic cell: `kind` is the integer kind (1..12, lang/types/kinds.ts) or 0 for `AtomicBool`. */
export class RAtomic extends RObject {
  constructor(
    readonly kind: number,
    public value: Int | boolean,
  ) {
    super();
  }
  typeName(): string {
    return this.kind === 0 ? 'AtomicBool' : `Atomic${cap(KIND_NAMES[this.kind]!)}`;
  }
  /** `impl Debug for AtomicX`: the loaded value. */
  fmtDebug(pretty: boolean): string {
    return debug(this.value, pretty);
  }
  /** `get_mut` / `as_ptr`: the value itself (the program holds `&mut self`, no other access exists). */
  cellPlace(): Place {
    return { get: () => this.value, set: (v) => (this.value = v as Int | boolean) };
  }
}

const cap = (s: string) => s[0]!.toUpperCase() + s.slice(1);

function orderingOf(ctx: CallCtx, v: Value | undefined): Ord {
  const x = v === undefined ? undefined : deref(v);
  if (x instanceof REnum && x.enumName === 'Ordering' && (ORDERINGS as readonly string[]).includes(x.variant))
    return x.variant as Ord;
  return ctx.interp.unsupported('expected a `std::sync::atomic::Ordering`', ctx.span);
}

/** `atomic_load`'s checks: a load cannot be `Release` or `AcqRel`. */
function loadOrder(ctx: CallCtx, v: Value | undefined): void {
  const o = orderingOf(ctx, v);
  if (o === 'Release') ctx.interp.panic('there is no such thing as a release load');
  if (o === 'AcqRel') ctx.interp.panic('there is no such thing as an acquire-release load');
}

/** `atomic_store`'s checks: a store cannot be `Acquire` or `AcqRel`. */
function storeOrder(ctx: CallCtx, v: Value | undefined): void {
  const o = orderingOf(ctx, v);
  if (o === 'Acquire') ctx.interp.panic('there is no such thing as an acquire store');
  if (o === 'AcqRel') ctx.interp.panic('there is no such thing as an acquire-release store');
}

/** `atomic_compare_exchange`'s checks on the failure ordering. */
function failureOrder(ctx: CallCtx, v: Value | undefined): void {
  const o = orderingOf(ctx, v);
  if (o === 'Release') ctx.interp.panic('there is no such thing as a release failure ordering');
  if (o === 'AcqRel') ctx.interp.panic('there is no such thing as an acquire-release failure ordering');
}

function atomicOf(ctx: CallCtx, v: Value): RAtomic {
  const a = deref(v);
  if (a instanceof RAtomic) return a;
  return ctx.interp.unsupported('expected an atomic', ctx.span);
}

/** An argument as a value of the atomic's type. */
function operand(ctx: CallCtx, a: RAtomic, v: Value | undefined): Int | boolean {
  const x = v === undefined ? undefined : deref(v);
  if (a.kind === 0 && typeof x === 'boolean') return x;
  if (a.kind !== 0 && isInt(x)) return wrap(x, a.kind);
  return ctx.interp.unsupported(
    `\`${a.typeName()}\` takes ${a.kind === 0 ? 'a bool' : 'an integer'}`,
    ctx.span,
  );
}

/** `fetch_<op>`: stores `op(old, arg)` and returns the old value. */
function fetch(op: (a: RAtomic, old: Int | boolean, x: Int | boolean) => Int | boolean) {
  return (ctx: CallCtx, self: Value, [x, o]: Value[]): Value => {
    const a = atomicOf(ctx, self);
    orderingOf(ctx, o);
    const old = a.value;
    a.value = op(a, old, operand(ctx, a, x));
    return old;
  };
}

const intOp = (f: (x: bigint, y: bigint) => bigint) => (a: RAtomic, old: Int | boolean, x: Int | boolean) =>
  a.kind === 0 ? old : wrap(norm(f(big(old as Int), big(x as Int))), a.kind);

const boolOrInt =
  (fb: (x: boolean, y: boolean) => boolean, fi: (x: bigint, y: bigint) => bigint) =>
  (a: RAtomic, old: Int | boolean, x: Int | boolean) =>
    a.kind === 0 ? fb(old as boolean, x as boolean) : wrap(norm(fi(big(old as Int), big(x as Int))), a.kind);

function same(a: Int | boolean, b: Int | boolean): boolean {
  if (typeof a === 'boolean' || typeof b === 'boolean') return a === b;
  return intCmp(a, b) === 0;
}

function compareExchange(ctx: CallCtx, self: Value, [cur, next, ok, fail]: Value[]): Value {
  const a = atomicOf(ctx, self);
  orderingOf(ctx, ok);
  failureOrder(ctx, fail);
  const old = a.value;
  if (!same(old, operand(ctx, a, cur))) return errVal(old);
  a.value = operand(ctx, a, next);
  return okVal(old);
}

/** `fetch_update(set_order, fetch_order, f)`: retries `f` until the swap succeeds; `Err(old)` on `None`. */
function* fetchUpdate(ctx: CallCtx, self: Value, [setO, fetchO, f]: Value[]): Gen<Value> {
  const a = atomicOf(ctx, self);
  orderingOf(ctx, setO);
  failureOrder(ctx, fetchO);
  const old = a.value;
  const r = deref(yield* callClosure(ctx, f!, [old]));
  if (!(r instanceof REnum) || r.enumName !== 'Option')
    return ctx.interp.unsupported('the closure of `fetch_update` returns an `Option`', ctx.span);
  if (r === NONE || r.variant === 'None') return errVal(old);
  // One thread runs at a time, so nothing changes the value between the load and the exchange.
  a.value = operand(ctx, a, r.values[0]);
  return okVal(old);
}

defineMethods(RAtomic, 'std::sync::atomic::Atomic*', {
  load: (ctx, self, [o]) => {
    loadOrder(ctx, o);
    return atomicOf(ctx, self).value;
  },
  store: (ctx, self, [x, o]) => {
    storeOrder(ctx, o);
    const a = atomicOf(ctx, self);
    a.value = operand(ctx, a, x);
    return UNIT;
  },
  swap: fetch((_a, _old, x) => x),
  compare_exchange: compareExchange,
  compare_exchange_weak: compareExchange,
  compare_and_swap: (ctx, self, [cur, next, o]) => {
    const a = atomicOf(ctx, self);
    orderingOf(ctx, o);
    const old = a.value;
    if (same(old, operand(ctx, a, cur))) a.value = operand(ctx, a, next);
    return old;
  },
  fetch_add: fetch(intOp((x, y) => x + y)),
  fetch_sub: fetch(intOp((x, y) => x - y)),
  fetch_and: fetch(
    boolOrInt(
      (x, y) => x && y,
      (x, y) => x & y,
    ),
  ),
  fetch_or: fetch(
    boolOrInt(
      (x, y) => x || y,
      (x, y) => x | y,
    ),
  ),
  fetch_xor: fetch(
    boolOrInt(
      (x, y) => x !== y,
      (x, y) => x ^ y,
    ),
  ),
  fetch_nand: fetch(
    boolOrInt(
      (x, y) => !(x && y),
      (x, y) => ~(x & y),
    ),
  ),
  fetch_max: fetch(intOp((x, y) => (x > y ? x : y))),
  fetch_min: fetch(intOp((x, y) => (x < y ? x : y))),
  fetch_not: (ctx, self, [o]) => {
    const a = atomicOf(ctx, self);
    orderingOf(ctx, o);
    const old = a.value;
    if (a.kind === 0) a.value = !old;
    return old;
  },
  fetch_update: fetchUpdate,
  get_mut: (ctx, self) => new RRef(atomicOf(ctx, self).cellPlace(), true),
  into_inner: (ctx, self) => {
    ctx.consume();
    return atomicOf(ctx, self).value;
  },
});

for (let k = 1; k <= 12; k++) {
  if (k === 5 || k === 11) continue; // no AtomicI128 / AtomicU128 in stable std
  const kind = k;
  const name = `Atomic${cap(KIND_NAMES[k]!)}`;
  defineFn(withPrefixes(`${name}::new`, PREFIXES), {
    pure: true,
    call: (ctx, [v]) => {
      const x = deref(v!);
      if (!isInt(x)) return ctx.interp.unsupported(`\`${name}::new\` takes an integer`, ctx.span);
      return new RAtomic(kind, wrap(x, kind));
    },
  });
  defineFn(withPrefixes(`${name}::default`, PREFIXES), { pure: true, call: () => new RAtomic(kind, 0) });
}
defineFn(withPrefixes('AtomicBool::new', PREFIXES), {
  pure: true,
  call: (ctx, [v]) => {
    const x = deref(v!);
    if (typeof x !== 'boolean') return ctx.interp.unsupported('`AtomicBool::new` takes a bool', ctx.span);
    return new RAtomic(0, x);
  },
});
defineFn(withPrefixes('AtomicBool::default', PREFIXES), { pure: true, call: () => new RAtomic(0, false) });

for (const o of ORDERINGS)
  defineConst(withPrefixes(`Ordering::${o}`, PREFIXES).slice(1), {
    value: () => new REnum('Ordering', o, []),
  });

/** `fence` / `compiler_fence`: nothing to order in a simulator that runs one step at a time. */
defineFn(withPrefixes('fence', PREFIXES).slice(1), {
  pure: true,
  call: (ctx, [o]) => {
    if (orderingOf(ctx, o) === 'Relaxed') ctx.interp.panic('there is no such thing as a relaxed fence');
    return UNIT;
  },
});
defineFn(withPrefixes('compiler_fence', PREFIXES).slice(1), {
  pure: true,
  call: (ctx, [o]) => {
    if (orderingOf(ctx, o) === 'Relaxed')
      ctx.interp.panic('there is no such thing as a relaxed compiler fence');
    return UNIT;
  },
});
