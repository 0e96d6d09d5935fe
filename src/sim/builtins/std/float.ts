/**
 * `f64` and `f32`: the constants (`f64::NAN`, `f64::EPSILON`, `std::f64::consts::PI`, …) and the methods
 * learners use, computed as Rust computes them (`round` half away from zero, `min`/`max` ignoring NaN,
 * `powi` by repeated multiplication as compiler-rt's `__powidf2`, `mul_add` fused). An `f32` receiver
 * gives an `f32` result, rounded to f32.
 */
import { debug, display } from '../../format';
import {
  defineConst,
  defineFn,
  defineMethods,
  withPrefixes,
  type CallCtx,
  type MethodImpl,
} from '../../interp/registry';
import { deref, F32, F64, float, NONE, RString, some, type Value } from '../../values';
import { orderingOf } from './clone-cmp';

const F64_CONSTS: Record<string, number> = {
  NAN: NaN,
  INFINITY: Infinity,
  NEG_INFINITY: -Infinity,
  EPSILON: Number.EPSILON,
  MAX: Number.MAX_VALUE,
  MIN: -Number.MAX_VALUE,
  MIN_POSITIVE: 2.2250738585072014e-308,
};
const F32_CONSTS: Record<string, number> = {
  NAN: NaN,
  INFINITY: Infinity,
  NEG_INFINITY: -Infinity,
  EPSILON: 1.1920929e-7,
  MAX: 3.4028234663852886e38,
  MIN: -3.4028234663852886e38,
  MIN_POSITIVE: 1.1754943508222875e-38,
};
/** `core::f64::consts` (the f32 ones are the same values rounded to f32). */
const MATH_CONSTS: Record<string, number> = {
  PI: Math.PI,
  E: Math.E,
  TAU: 2 * Math.PI,
  SQRT_2: Math.SQRT2,
  LN_2: Math.LN2,
  LN_10: Math.LN10,
  LOG2_E: Math.LOG2E,
  LOG10_E: Math.LOG10E,
  LOG2_10: 3.321928094887362,
  LOG10_2: 0.3010299956639812,
  FRAC_PI_2: Math.PI / 2,
  FRAC_PI_3: Math.PI / 3,
  FRAC_PI_4: Math.PI / 4,
  FRAC_PI_6: Math.PI / 6,
  FRAC_PI_8: Math.PI / 8,
  FRAC_1_PI: 1 / Math.PI,
  FRAC_2_PI: 2 / Math.PI,
  FRAC_2_SQRT_PI: 1.1283791670955126,
  FRAC_1_SQRT_2: Math.SQRT1_2,
};

for (const [ty, f32] of [
  ['f64', false],
  ['f32', true],
] as const) {
  for (const [name, v] of Object.entries(f32 ? F32_CONSTS : F64_CONSTS))
    defineConst(withPrefixes(`${ty}::${name}`, ['std', 'core']), { value: () => float(v, f32) });
  for (const [name, v] of Object.entries(MATH_CONSTS))
    defineConst(withPrefixes(`${ty}::consts::${name}`, ['std', 'core']), { value: () => float(v, f32) });
}

const f = (v: Value | undefined): number => {
  const x = v === undefined ? NaN : deref(v);
  return x instanceof F64 ? x.v : typeof x === 'number' ? x : NaN;
};
const isF32 = (v: Value): boolean => deref(v) instanceof F32;
/** A method computing a new value of the receiver's type. */
const same =
  (op: (x: number, ...args: number[]) => number): MethodImpl =>
  (_c, s, args) =>
    float(op(f(s), ...args.map(f)), isF32(s));

/** compiler-rt `__powidf2` / `__powisf2`: what `powi` compiles to. */
function powi(a: number, n: number, f32: boolean): number {
  const round = f32 ? Math.fround : (x: number) => x;
  const recip = n < 0;
  let r = 1;
  let b = n;
  let x = a;
  for (;;) {
    if (b & 1) r = round(r * x);
    b = Math.trunc(b / 2);
    if (b === 0) break;
    x = round(x * x);
  }
  return recip ? round(1 / r) : r;
}

/** Rust's `round`: half away from zero (`Math.round` rounds half up). */
function roundHalfAway(x: number): number {
  const t = Math.trunc(x);
  return Math.abs(x - t) >= 0.5 ? t + Math.sign(x) : t;
}

/** `a * b + c` with one rounding, as `fma` computes it: exact with bigints, then rounded once. */
function fusedMulAdd(a: number, b: number, c: number): number {
  const naive = a * b + c;
  if (!Number.isFinite(naive) || a === 0 || b === 0 || !Number.isFinite(a * b)) return naive;
  const pa = binary(a);
  const pb = binary(b);
  const pc = binary(c);
  const e = Math.min(pa.e + pb.e, pc.e);
  const sum = ((pa.m * pb.m) << BigInt(pa.e + pb.e - e)) + (c === 0 ? 0n : pc.m << BigInt(pc.e - e));
  const r = Number(sum) * 2 ** e;
  // Results too small for a normal double would be rounded twice: keep the plain expression there.
  return Number.isFinite(r) && Math.abs(r) >= 2 ** -1000 ? r : naive;
}

/** `x = m * 2^e` exactly. */
function binary(x: number): { m: bigint; e: number } {
  if (x === 0) return { m: 0n, e: 0 };
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  const hi = view.getUint32(0);
  const lo = view.getUint32(4);
  const expBits = (hi >>> 20) & 0x7ff;
  let m = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo);
  if (expBits !== 0) m |= 1n << 52n;
  const e = expBits === 0 ? -1074 : expBits - 1075;
  return { m: hi >>> 31 ? -m : m, e };
}

/** `total_cmp`: -inf < … < -0.0 < +0.0 < … < inf < NaN (a NaN is taken as positive). */
function totalCmp(a: number, b: number): number {
  if (Number.isNaN(a) || Number.isNaN(b)) return Number.isNaN(a) ? (Number.isNaN(b) ? 0 : 1) : -1;
  if (a !== b) return a < b ? -1 : 1;
  if (a === 0) return (Object.is(a, -0) ? 0 : 1) - (Object.is(b, -0) ? 0 : 1);
  return 0;
}

function fmin(a: number, b: number): number {
  return Number.isNaN(a) ? b : Number.isNaN(b) ? a : Math.min(a, b);
}
function fmax(a: number, b: number): number {
  return Number.isNaN(a) ? b : Number.isNaN(b) ? a : Math.max(a, b);
}

function clamp(ctx: CallCtx, x: number, lo: number, hi: number): number {
  if (!(lo <= hi))
    return ctx.interp.panic(
      `min > max, or either was NaN. min = ${debug(float(lo, false), false)}, max = ${debug(float(hi, false), false)}`,
    );
  return x < lo ? lo : x > hi ? hi : x;
}

const methods: Record<string, MethodImpl> = {
  sqrt: same(Math.sqrt),
  cbrt: same(Math.cbrt),
  abs: same(Math.abs),
  floor: same(Math.floor),
  ceil: same(Math.ceil),
  trunc: same(Math.trunc),
  round: same(roundHalfAway),
  fract: same((x) => x - Math.trunc(x)),
  sin: same(Math.sin),
  cos: same(Math.cos),
  tan: same(Math.tan),
  asin: same(Math.asin),
  acos: same(Math.acos),
  atan: same(Math.atan),
  sinh: same(Math.sinh),
  cosh: same(Math.cosh),
  tanh: same(Math.tanh),
  exp: same(Math.exp),
  exp2: same((x) => 2 ** x),
  exp_m1: same(Math.expm1),
  ln: same(Math.log),
  ln_1p: same(Math.log1p),
  log10: same(Math.log10),
  log2: same(Math.log2),
  log: same((x, base) => Math.log(x) / Math.log(base!)),
  recip: same((x) => 1 / x),
  signum: same((x) => (Number.isNaN(x) ? NaN : x < 0 || Object.is(x, -0) ? -1 : 1)),
  powf: same((x, y) => x ** y!),
  hypot: same((x, y) => Math.hypot(x, y!)),
  atan2: same((y, x) => Math.atan2(y, x!)),
  copysign: same((x, y) => (y! < 0 || Object.is(y, -0) ? -Math.abs(x) : Math.abs(x))),
  mul_add: same((a, b, c) => fusedMulAdd(a, b!, c!)),
  min: same((a, b) => fmin(a, b!)),
  max: same((a, b) => fmax(a, b!)),
  rem_euclid: same((a, b) => {
    const r = a % b!;
    return r < 0 ? r + Math.abs(b!) : r;
  }),
  div_euclid: same((a, b) => {
    const q = Math.trunc(a / b!);
    return a % b! < 0 ? (b! > 0 ? q - 1 : q + 1) : q;
  }),
  powi: (_c, s, [n]) => float(powi(f(s), Number(deref(n!)), isF32(s)), isF32(s)),
  to_degrees: (_c, s) =>
    isF32(s) ? float(f(s) * Math.fround(57.29577951308232), true) : float(f(s) * (180 / Math.PI), false),
  to_radians: (_c, s) =>
    isF32(s)
      ? float(f(s) * Math.fround(Math.fround(Math.PI) / 180), true)
      : float(f(s) * (Math.PI / 180), false),
  clamp: (ctx, s, [lo, hi]) => float(clamp(ctx, f(s), f(lo), f(hi)), isF32(s)),
  is_nan: (_c, s) => Number.isNaN(f(s)),
  is_finite: (_c, s) => Number.isFinite(f(s)),
  is_infinite: (_c, s) => Math.abs(f(s)) === Infinity,
  is_normal: (_c, s) => {
    const x = Math.abs(f(s));
    return Number.isFinite(x) && x >= (isF32(s) ? 1.1754943508222875e-38 : 2.2250738585072014e-308);
  },
  is_sign_negative: (_c, s) => f(s) < 0 || Object.is(f(s), -0),
  is_sign_positive: (_c, s) => !(f(s) < 0 || Object.is(f(s), -0)),
  total_cmp: (_c, s, [o]) => orderingOf(totalCmp(f(s), f(o))),
  partial_cmp: (_c, s, [o]) => {
    const a = f(s);
    const b = f(o);
    if (Number.isNaN(a) || Number.isNaN(b)) return NONE;
    return some(orderingOf(a < b ? -1 : a > b ? 1 : 0));
  },
  to_string: (_c, s) => new RString(display(s)),
  clone: (_c, s) => deref(s),
};
defineMethods(F64, 'f64 / f32', methods);

/** `f64::max` / `f64::total_cmp` / … named as functions (`fold(f64::NEG_INFINITY, f64::max)`). */
for (const ty of ['f64', 'f32']) {
  for (const name of ['max', 'min', 'total_cmp', 'partial_cmp', 'abs', 'sqrt', 'powi', 'powf', 'hypot']) {
    const m = methods[name]!;
    defineFn(withPrefixes(`${ty}::${name}`, ['std', 'core']), {
      pure: true,
      call: (ctx, [self, ...rest]) => m(ctx, self!, rest),
    });
  }
}
