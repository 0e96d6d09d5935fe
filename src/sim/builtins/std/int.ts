/**
 * The integer types (`core::num`): `MIN` / `MAX` / `BITS` of every kind, and the methods learners use —
 * `pow`, `abs`, `wrapping_*`, `checked_*`, `saturating_*`, `overflowing_*`, the euclidean and bit methods,
 * byte order. A method's kind is its receiver's (`Expr.nk`, from the type pass); a method whose result
 * depends on the width refuses an integer whose type the pass could not infer, rather than guess it.
 */
import { KIND_BITS, KIND_NAMES, isSigned } from '../../../lang/types/kinds';
import { display } from '../../format';
import {
  big,
  DIV_ZERO,
  exact,
  inRange,
  intCmp,
  intPow,
  isInt,
  kindMax,
  kindMin,
  NEG_OVERFLOW,
  norm,
  quotient,
  REM_ZERO,
  remainder,
  wrap,
  type Int,
} from '../../int';
import { equals } from '../../interp/ops';
import {
  defineConst,
  defineFn,
  primitiveMethods,
  withPrefixes,
  type CallCtx,
  type MethodImpl,
} from '../../interp/registry';
import { deref, NONE, RString, RTuple, RVec, some, type Value } from '../../values';
import { orderingOf } from './clone-cmp';

const INT_KINDS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];

for (const k of INT_KINDS) {
  const t = KIND_NAMES[k];
  defineConst(withPrefixes(`${t}::MAX`, ['std', 'core']), { value: () => kindMax(k) });
  defineConst(withPrefixes(`${t}::MIN`, ['std', 'core']), { value: () => kindMin(k) });
  defineConst(withPrefixes(`${t}::BITS`, ['std', 'core']), { value: () => KIND_BITS[k]! });
  /** `from_be_bytes` / `from_le_bytes`: the integer whose bytes these are. */
  for (const order of ['be', 'le', 'ne'] as const)
    defineFn(withPrefixes(`${t}::from_${order}_bytes`, ['std', 'core']), {
      pure: true,
      call: (ctx, [b]) => fromBytes(ctx, b!, k, order === 'be'),
    });
}

/** The context of a method called by its type's path (`i32::pow(2, 10)`): the path names the kind. */
type PathCtx = CallCtx & { pathKind?: number };

/** The receiver's integer kind, from the type pass (0 when it could not infer it). */
export function selfKind(ctx: CallCtx): number {
  const path = (ctx as PathCtx).pathKind;
  if (path !== undefined) return path;
  const n = ctx.node;
  return n !== null && n.k === 'method' ? (n.receiver.nk ?? 0) : 0;
}

/** The receiver's kind for a method whose result depends on the width; refuses an unknown one. */
function widthKind(ctx: CallCtx, method: string): number {
  const k = selfKind(ctx);
  if (k >= 1 && k <= 12) return k;
  return ctx.interp.unsupported(
    `Pollscope could not infer the integer type of the receiver of \`${method}\`; give it a type (a suffix such as \`5u64\`, or \`let x: u64 = ..\`)`,
    ctx.span,
  );
}

function int(v: Value | undefined): Int {
  const x = v === undefined ? 0 : deref(v);
  return isInt(x) ? x : 0;
}

/** The low `bits` of `x` as an unsigned bigint (two's complement). */
function bitsOf(x: Int, k: number): bigint {
  return BigInt.asUintN(KIND_BITS[k]!, big(x));
}

/** An unsigned bit pattern of kind `k` read back as a value of that kind. */
function fromBits(u: bigint, k: number): Int {
  const bits = KIND_BITS[k]!;
  return norm(isSigned(k) ? BigInt.asIntN(bits, u) : BigInt.asUintN(bits, u));
}

/** Exact `a op b` for `+ - * / %` with Rust's divide-by-zero panics (the range is the caller's business). */
function exactOp(ctx: CallCtx, op: string, a: Int, b: Int): Int {
  if (op === '/' || op === '%') {
    if (b === 0) return ctx.interp.panic(op === '/' ? DIV_ZERO : REM_ZERO);
    return op === '/' ? quotient(a, b) : remainder(a, b);
  }
  return exact(op, a, b);
}

function saturate(x: Int, k: number): Int {
  if (inRange(x, k)) return x;
  return x < 0 ? kindMin(k) : kindMax(k);
}

const ARITH: Record<string, string> = { add: '+', sub: '-', mul: '*', div: '/', rem: '%' };

const methods: Record<string, MethodImpl> = {
  clone: (_c, s) => deref(s),
  to_string: (_c, s) => new RString(display(s)),
  eq: (_c, s, [o]) => equals(s, o!),
  ne: (_c, s, [o]) => !equals(s, o!),
  cmp: (_c, s, [o]) => orderingOf(intCmp(int(s), int(o))),
  partial_cmp: (_c, s, [o]) => some(orderingOf(intCmp(int(s), int(o)))),
  lt: (_c, s, [o]) => int(s) < int(o),
  le: (_c, s, [o]) => int(s) <= int(o),
  gt: (_c, s, [o]) => int(s) > int(o),
  ge: (_c, s, [o]) => int(s) >= int(o),
  min: (_c, s, [o]) => (int(o) < int(s) ? int(o) : int(s)),
  max: (_c, s, [o]) => (int(o) > int(s) ? int(o) : int(s)),
  clamp: (ctx, s, [lo, hi]) => {
    const x = int(s);
    const a = int(lo);
    const b = int(hi);
    if (a > b) return ctx.interp.panic(`min > max. min = ${a}, max = ${b}`);
    return x < a ? a : x > b ? b : x;
  },
  abs: (ctx, s) => {
    const x = int(s);
    if (x >= 0) return x;
    if (isSigned(selfKind(ctx)) && x === kindMin(selfKind(ctx))) return ctx.interp.panic(NEG_OVERFLOW);
    return norm(-big(x));
  },
  signum: (_c, s) => {
    const x = int(s);
    return x > 0 ? 1 : x < 0 ? -1 : 0;
  },
  is_positive: (_c, s) => int(s) > 0,
  is_negative: (_c, s) => int(s) < 0,
  unsigned_abs: (_c, s) => norm(big(int(s)) < 0n ? -big(int(s)) : big(int(s))),
  abs_diff: (_c, s, [o]) => {
    const d = big(int(s)) - big(int(o));
    return norm(d < 0n ? -d : d);
  },
  pow: (ctx, s, [e]) => {
    const k = selfKind(ctx);
    const r = powChecked(int(s), Number(int(e)), k);
    return r === null ? ctx.interp.panic('attempt to multiply with overflow') : r;
  },
  checked_pow: (ctx, s, [e]) => {
    const r = powChecked(int(s), Number(int(e)), widthKind(ctx, 'checked_pow'));
    return r === null ? NONE : some(r);
  },
  wrapping_pow: (ctx, s, [e]) => wrapPow(int(s), Number(int(e)), widthKind(ctx, 'wrapping_pow')),
  saturating_pow: (ctx, s, [e]) => {
    const k = widthKind(ctx, 'saturating_pow');
    const r = powChecked(int(s), Number(int(e)), k);
    if (r !== null) return r;
    return int(s) < 0 && Number(int(e)) % 2 === 1 ? kindMin(k) : kindMax(k);
  },
  overflowing_pow: (ctx, s, [e]) => {
    const k = widthKind(ctx, 'overflowing_pow');
    const r = powChecked(int(s), Number(int(e)), k);
    return new RTuple([r ?? wrapPow(int(s), Number(int(e)), k), r === null]);
  },
  rem_euclid: (ctx, s, [o]) => euclid(ctx, int(s), int(o), false),
  div_euclid: (ctx, s, [o]) => euclid(ctx, int(s), int(o), true),
  checked_neg: (ctx, s) => {
    const r = norm(-big(int(s)));
    return inRange(r, widthKind(ctx, 'checked_neg')) ? some(r) : NONE;
  },
  wrapping_neg: (ctx, s) => wrap(norm(-big(int(s))), widthKind(ctx, 'wrapping_neg')),
  overflowing_neg: (ctx, s) => {
    const k = widthKind(ctx, 'overflowing_neg');
    const r = norm(-big(int(s)));
    return new RTuple([wrap(r, k), !inRange(r, k)]);
  },
  checked_abs: (ctx, s) => {
    const r = norm(big(int(s)) < 0n ? -big(int(s)) : big(int(s)));
    return inRange(r, widthKind(ctx, 'checked_abs')) ? some(r) : NONE;
  },
  wrapping_abs: (ctx, s) =>
    wrap(norm(big(int(s)) < 0n ? -big(int(s)) : big(int(s))), widthKind(ctx, 'wrapping_abs')),
  wrapping_shl: (ctx, s, [n]) => {
    const k = widthKind(ctx, 'wrapping_shl');
    return fromBits(bitsOf(int(s), k) << BigInt(Number(int(n)) % KIND_BITS[k]!), k);
  },
  wrapping_shr: (ctx, s, [n]) => {
    const k = widthKind(ctx, 'wrapping_shr');
    const amount = BigInt(Number(int(n)) % KIND_BITS[k]!);
    return isSigned(k) ? norm(big(int(s)) >> amount) : norm(bitsOf(int(s), k) >> amount);
  },
  checked_shl: (ctx, s, [n]) => {
    const k = widthKind(ctx, 'checked_shl');
    const a = Number(int(n));
    return a < 0 || a >= KIND_BITS[k]! ? NONE : some(fromBits(bitsOf(int(s), k) << BigInt(a), k));
  },
  checked_shr: (ctx, s, [n]) => {
    const k = widthKind(ctx, 'checked_shr');
    const a = Number(int(n));
    if (a < 0 || a >= KIND_BITS[k]!) return NONE;
    return some(isSigned(k) ? norm(big(int(s)) >> BigInt(a)) : norm(bitsOf(int(s), k) >> BigInt(a)));
  },
  count_ones: (ctx, s) => ones(bitsOf(int(s), widthKind(ctx, 'count_ones'))),
  count_zeros: (ctx, s) => {
    const k = widthKind(ctx, 'count_zeros');
    return KIND_BITS[k]! - ones(bitsOf(int(s), k));
  },
  leading_zeros: (ctx, s) => {
    const k = widthKind(ctx, 'leading_zeros');
    const u = bitsOf(int(s), k);
    return u === 0n ? KIND_BITS[k]! : KIND_BITS[k]! - u.toString(2).length;
  },
  leading_ones: (ctx, s) => {
    const k = widthKind(ctx, 'leading_ones');
    const bits = bitsOf(int(s), k).toString(2).padStart(KIND_BITS[k]!, '0');
    return /^1*/.exec(bits)![0].length;
  },
  trailing_zeros: (ctx, s) => {
    const k = widthKind(ctx, 'trailing_zeros');
    const u = bitsOf(int(s), k);
    return u === 0n ? KIND_BITS[k]! : /0*$/.exec(u.toString(2))![0].length;
  },
  trailing_ones: (ctx, s) =>
    /1*$/.exec(bitsOf(int(s), widthKind(ctx, 'trailing_ones')).toString(2))![0].length,
  rotate_left: (ctx, s, [n]) => rotate(int(s), Number(int(n)), widthKind(ctx, 'rotate_left')),
  rotate_right: (ctx, s, [n]) => {
    const k = widthKind(ctx, 'rotate_right');
    const bits = KIND_BITS[k]!;
    return rotate(int(s), bits - (Number(int(n)) % bits), k);
  },
  swap_bytes: (ctx, s) => {
    const k = widthKind(ctx, 'swap_bytes');
    return fromBytesList(toBytes(int(s), k, true).reverse(), k, true);
  },
  reverse_bits: (ctx, s) => {
    const k = widthKind(ctx, 'reverse_bits');
    const bits = bitsOf(int(s), k).toString(2).padStart(KIND_BITS[k]!, '0');
    return fromBits(BigInt(`0b${[...bits].reverse().join('')}`), k);
  },
  to_be_bytes: (ctx, s) => new RVec(toBytes(int(s), widthKind(ctx, 'to_be_bytes'), true), true),
  to_le_bytes: (ctx, s) => new RVec(toBytes(int(s), widthKind(ctx, 'to_le_bytes'), false), true),
  to_ne_bytes: (ctx, s) => new RVec(toBytes(int(s), widthKind(ctx, 'to_ne_bytes'), false), true),
  is_power_of_two: (_c, s) => {
    const u = big(int(s));
    return u > 0n && (u & (u - 1n)) === 0n;
  },
  next_power_of_two: (ctx, s) => {
    const k = widthKind(ctx, 'next_power_of_two');
    let p = 1n;
    while (p < big(int(s))) p <<= 1n;
    const r = norm(p);
    return inRange(r, k) ? r : ctx.interp.panic('attempt to add with overflow');
  },
  ilog2: (ctx, s) => {
    const x = big(int(s));
    if (x <= 0n) return ctx.interp.panic('argument of integer logarithm must be positive');
    return x.toString(2).length - 1;
  },
  ilog10: (ctx, s) => {
    const x = big(int(s));
    if (x <= 0n) return ctx.interp.panic('argument of integer logarithm must be positive');
    return x.toString().length - 1;
  },
  isqrt: (_c, s) => {
    const x = big(int(s));
    let r = BigInt(Math.floor(Math.sqrt(Number(x))));
    while (r * r > x) r--;
    while ((r + 1n) * (r + 1n) <= x) r++;
    return norm(r);
  },
};

// `wrapping_add`, `checked_mul`, `saturating_sub`, `overflowing_add`, … from the exact result.
for (const [name, op] of Object.entries(ARITH)) {
  methods[`wrapping_${name}`] = (ctx, s, [o]) =>
    wrap(exactOp(ctx, op, int(s), int(o)), widthKind(ctx, `wrapping_${name}`));
  methods[`checked_${name}`] = (ctx, s, [o]) => {
    const k = widthKind(ctx, `checked_${name}`);
    if ((op === '/' || op === '%') && int(o) === 0) return NONE;
    const r = exactOp(ctx, op, int(s), int(o));
    return inRange(r, k) ? some(r) : NONE;
  };
  if (op === '/' || op === '%') continue;
  methods[`saturating_${name}`] = (ctx, s, [o]) =>
    saturate(exactOp(ctx, op, int(s), int(o)), widthKind(ctx, `saturating_${name}`));
  methods[`overflowing_${name}`] = (ctx, s, [o]) => {
    const k = widthKind(ctx, `overflowing_${name}`);
    const r = exactOp(ctx, op, int(s), int(o));
    return new RTuple([wrap(r, k), !inRange(r, k)]);
  };
}

Object.assign(primitiveMethods.int, methods);

/** `base.pow(exp)` if it fits kind `k` (or any value when `k` is unknown), else null. */
function powChecked(base: Int, e: number, k: number): Int | null {
  const b = big(base);
  // Beyond 128 bits every kind overflows: do not build a huge bigint to find out.
  if ((b > 1n || b < -1n) && e > 128) return null;
  const r = intPow(base, e);
  return inRange(r, k) ? r : null;
}

/** `wrapping_pow`: square-and-multiply, wrapping at every step. */
function wrapPow(base: Int, e: number, k: number): Int {
  const bits = KIND_BITS[k]!;
  let r = 1n;
  let b = BigInt.asUintN(bits, big(base));
  for (let n = e; n > 0; n >>= 1) {
    if (n & 1) r = BigInt.asUintN(bits, r * b);
    b = BigInt.asUintN(bits, b * b);
  }
  return fromBits(r, k);
}

function euclid(ctx: CallCtx, a: Int, b: Int, div: boolean): Int {
  if (b === 0) return ctx.interp.panic(div ? DIV_ZERO : REM_ZERO);
  const k = selfKind(ctx);
  if (b === -1 && isSigned(k) && a === kindMin(k))
    return ctx.interp.panic(
      div ? 'attempt to divide with overflow' : 'attempt to calculate the remainder with overflow',
    );
  const x = big(a);
  const y = big(b);
  let r = x % y;
  if (r < 0n) r += y < 0n ? -y : y;
  return norm(div ? (x - r) / y : r);
}

function ones(u: bigint): number {
  let n = 0;
  for (const c of u.toString(2)) if (c === '1') n++;
  return n;
}

function rotate(x: Int, n: number, k: number): Int {
  const bits = KIND_BITS[k]!;
  const s = n % bits;
  const u = bitsOf(x, k);
  const mask = (1n << BigInt(bits)) - 1n;
  return fromBits(((u << BigInt(s)) | (u >> BigInt(bits - s))) & mask, k);
}

/** The bytes of `x` in kind `k`, big-endian or little-endian. */
function toBytes(x: Int, k: number, bigEndian: boolean): Value[] {
  const u = bitsOf(x, k);
  const n = KIND_BITS[k]! / 8;
  const out: Value[] = [];
  for (let i = 0; i < n; i++) out.push(Number((u >> BigInt(8 * i)) & 0xffn));
  return bigEndian ? out.reverse() : out;
}

function fromBytesList(bytes: Value[], k: number, bigEndian: boolean): Int {
  const list = bigEndian ? bytes : [...bytes].reverse();
  let u = 0n;
  for (const b of list) u = (u << 8n) | BigInt(Number(int(b)) & 0xff);
  return fromBits(u, k);
}

function fromBytes(ctx: CallCtx, v: Value, k: number, bigEndian: boolean): Int {
  const x = deref(v);
  if (!(x instanceof RVec) || x.items.length !== KIND_BITS[k]! / 8)
    return ctx.interp.unsupported(`\`from_be_bytes\` takes an array of ${KIND_BITS[k]! / 8} bytes`, ctx.span);
  return fromBytesList(x.items, k, bigEndian);
}

/**
 * Every integer method also as a function named by its type — `i32::pow(2, 10)`, `u64::max(a, b)`,
 * `.map(u8::count_ones)`: the first argument is the receiver, and the path gives its kind.
 */
for (const k of INT_KINDS) {
  for (const [name, m] of Object.entries(primitiveMethods.int)) {
    defineFn([`${KIND_NAMES[k]}::${name}`], {
      pure: true,
      call: (ctx, [self, ...rest]) => {
        const sub: PathCtx = Object.create(ctx) as PathCtx;
        sub.pathKind = k;
        return m(sub, self!, rest);
      },
    });
  }
}
