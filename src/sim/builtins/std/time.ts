/** `std::time::Duration` (also `tokio::time::Duration`) and `std::time::Instant` (machine time). */
import { defineConst, defineFn, defineMethods, withPrefixes } from '../../interp/registry';
import { deref, F64, float, NONE, RDuration, RInstant, some, type Value } from '../../values';
import { num, pure } from '../support';

const DUR = ['std::time', 'tokio::time', 'core::time'];
defineFn(withPrefixes('Duration::from_secs', DUR), {
  pure,
  call: (c, [n]) => new RDuration(num(c, n) * 1e9),
});
defineFn(withPrefixes('Duration::from_millis', DUR), {
  pure,
  call: (c, [n]) => new RDuration(num(c, n) * 1e6),
});
defineFn(withPrefixes('Duration::from_micros', DUR), {
  pure,
  call: (c, [n]) => new RDuration(num(c, n) * 1e3),
});
defineFn(withPrefixes('Duration::from_nanos', DUR), { pure, call: (c, [n]) => new RDuration(num(c, n)) });
defineFn(withPrefixes('Duration::from_secs_f64', DUR), {
  pure,
  call: (_c, [n]) => new RDuration(Math.round((deref(n!) as F64).v * 1e9)),
});
defineFn(withPrefixes('Duration::new', DUR), {
  pure,
  call: (c, [s, ns]) => new RDuration(num(c, s) * 1e9 + num(c, ns)),
});
defineConst(withPrefixes('Duration::ZERO', DUR), { value: () => new RDuration(0) });
defineConst(withPrefixes('Duration::MAX', DUR), { value: () => new RDuration(Number.MAX_SAFE_INTEGER) });

function dur(v: Value): RDuration {
  return deref(v) as RDuration;
}
defineMethods(RDuration, 'std::time::Duration', {
  as_secs: (_c, s) => Math.floor(dur(s).ns / 1e9),
  as_millis: (_c, s) => Math.floor(dur(s).ns / 1e6),
  as_micros: (_c, s) => Math.floor(dur(s).ns / 1e3),
  as_nanos: (_c, s) => dur(s).ns,
  as_secs_f64: (_c, s) => new F64(dur(s).ns / 1e9),
  as_secs_f32: (_c, s) => float(dur(s).ns / 1e9, true),
  subsec_millis: (_c, s) => Math.floor((dur(s).ns % 1e9) / 1e6),
  subsec_nanos: (_c, s) => dur(s).ns % 1e9,
  is_zero: (_c, s) => dur(s).ns === 0,
  checked_sub: (_c, s, [o]) => (dur(s).ns >= dur(o!).ns ? some(new RDuration(dur(s).ns - dur(o!).ns)) : NONE),
  saturating_sub: (_c, s, [o]) => new RDuration(Math.max(0, dur(s).ns - dur(o!).ns)),
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
