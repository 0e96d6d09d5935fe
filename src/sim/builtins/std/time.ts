/** `std::time::Duration` (also `tokio::time::Duration`) and `std::time::Instant` (machine time). */
import { norm, type Int } from '../../int';
import { durationNs } from '../../interp/ops';
import { defineConst, defineFn, defineMethods, withPrefixes, type CallCtx } from '../../interp/registry';
import { deref, F64, float, NONE, RDuration, RInstant, some, type Value } from '../../values';
import { num, pure } from '../support';

const DUR = ['std::time', 'tokio::time', 'core::time'];
const NS_PER_SEC = 1_000_000_000n;
const SAFE = BigInt(Number.MAX_SAFE_INTEGER);

/** A duration of `ns` nanoseconds, exact beyond 2^53 (see `RDuration.exactNs`). */
export function durationOfNs(ns: bigint): RDuration {
  return ns <= SAFE ? new RDuration(Number(ns)) : new RDuration(Number.MAX_SAFE_INTEGER, ns);
}

/** `count` units of `unitNs` nanoseconds: a plain number while that is exact, else exact in a bigint. */
function durationOf(c: CallCtx, count: Value | undefined, unitNs: number): RDuration {
  const x = count === undefined ? undefined : deref(count);
  if (typeof x === 'number' && Number.isSafeInteger(x * unitNs)) return new RDuration(x * unitNs);
  if (typeof x === 'bigint') return durationOfNs(x * BigInt(unitNs));
  return durationOfNs(BigInt(num(c, count)) * BigInt(unitNs));
}

defineFn(withPrefixes('Duration::from_secs', DUR), { pure, call: (c, [n]) => durationOf(c, n, 1e9) });
defineFn(withPrefixes('Duration::from_millis', DUR), { pure, call: (c, [n]) => durationOf(c, n, 1e6) });
defineFn(withPrefixes('Duration::from_micros', DUR), { pure, call: (c, [n]) => durationOf(c, n, 1e3) });
defineFn(withPrefixes('Duration::from_nanos', DUR), { pure, call: (c, [n]) => durationOf(c, n, 1) });
defineFn(withPrefixes('Duration::from_secs_f64', DUR), {
  pure,
  call: (_c, [n]) => new RDuration(Math.round((deref(n!) as F64).v * 1e9)),
});
defineFn(withPrefixes('Duration::new', DUR), {
  pure,
  call: (c, [s, ns]) => {
    const d = durationOf(c, s, 1e9);
    const extra = num(c, ns);
    return d.exactNs === null && Number.isSafeInteger(d.ns + extra)
      ? new RDuration(d.ns + extra)
      : durationOfNs(durationNs(d) + BigInt(extra));
  },
});
defineConst(withPrefixes('Duration::ZERO', DUR), { value: () => new RDuration(0) });
/** `u64::MAX` seconds and 999,999,999 ns (core/src/time.rs `Duration::MAX`). */
defineConst(withPrefixes('Duration::MAX', DUR), {
  value: () => durationOfNs((2n ** 64n - 1n) * NS_PER_SEC + 999_999_999n),
});

function dur(v: Value): RDuration {
  return deref(v) as RDuration;
}

/** `d` in whole units of `unitNs`, exactly (a bigint beyond 2^53). */
function wholeUnits(d: RDuration, unitNs: number): Int {
  if (d.exactNs === null) return Math.floor(d.ns / unitNs);
  return norm(d.exactNs / BigInt(unitNs));
}

defineMethods(RDuration, 'std::time::Duration', {
  as_secs: (_c, s) => wholeUnits(dur(s), 1e9),
  as_millis: (_c, s) => wholeUnits(dur(s), 1e6),
  as_micros: (_c, s) => wholeUnits(dur(s), 1e3),
  as_nanos: (_c, s) => wholeUnits(dur(s), 1),
  as_secs_f64: (_c, s) => new F64(Number(durationNs(dur(s))) / 1e9),
  as_secs_f32: (_c, s) => float(Number(durationNs(dur(s))) / 1e9, true),
  subsec_millis: (_c, s) => Math.floor(Number(durationNs(dur(s)) % NS_PER_SEC) / 1e6),
  subsec_nanos: (_c, s) => Number(durationNs(dur(s)) % NS_PER_SEC),
  is_zero: (_c, s) => dur(s).ns === 0,
  checked_sub: (_c, s, [o]) => {
    const a = durationNs(dur(s));
    const b = durationNs(dur(o!));
    return a >= b ? some(durationOfNs(a - b)) : NONE;
  },
  saturating_sub: (_c, s, [o]) => {
    const d = durationNs(dur(s)) - durationNs(dur(o!));
    return durationOfNs(d > 0n ? d : 0n);
  },
  mul_f64: (_c, s, [f]) => new RDuration(Math.round(dur(s).ns * (deref(f!) as F64).v)),
});

defineFn(withPrefixes('Instant::now', ['std::time']), {
  pure,
  call: (ctx) => new RInstant(ctx.world.machine.current.clock, false),
});

function inst(v: Value): RInstant {
  return deref(v) as RInstant;
}
defineMethods(RInstant, 'std::time::Instant', {
  elapsed: (ctx, s) => {
    const i = inst(s);
    const now = i.tokio ? ctx.world.time.now() : ctx.world.machine.current.clock;
    return new RDuration(Math.max(0, now - i.ns));
  },
  duration_since: (_c, s, [o]) => new RDuration(Math.max(0, inst(s).ns - inst(o!).ns)),
  saturating_duration_since: (_c, s, [o]) => new RDuration(Math.max(0, inst(s).ns - inst(o!).ns)),
  checked_duration_since: (_c, s, [o]) =>
    inst(s).ns >= inst(o!).ns ? some(new RDuration(inst(s).ns - inst(o!).ns)) : NONE,
});
