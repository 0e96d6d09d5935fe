/**
 * How builtins plug into the interpreter: functions by canonical path, methods by receiver class.
 *
 * A builtin returns a value, or a generator when it may block its thread (it then yields a `BlockRequest`)
 * or run user code (a closure). The interpreter drives such generators with `yield*`.
 */
import type { Expr, Type } from '../../lang/ast';
import type { Span } from '../../lang/diagnostics';
import type { Place, Value } from '../values';
import type { World } from '../world';
import type { InterpCore } from './core';
import type { NativeResult } from '../poll';

export interface CallCtx {
  readonly interp: InterpCore;
  readonly world: World;
  readonly span: Span;
  /** Turbofish / explicit generic arguments (`channel::<u32>`), rarely needed. */
  readonly generics: readonly Type[];
  /** The call expression, for naming resources after their source. */
  readonly node: Expr | null;
  /** The receiver's place for method calls (to write back: `Option::take`), null for temporaries. */
  readonly place: Place | null;
  /** Marks the receiver moved (self-by-value methods) so its old owner does not drop it. */
  consume(): void;
}

export interface BuiltinFn {
  readonly call: (ctx: CallCtx, args: Value[]) => NativeResult;
  /**
   * How many arguments it takes. The interpreter does not type-check, so without this a call with too few
   * (a program rustc rejects with E0061) hands the builtin `undefined`; with it, the call is a diagnostic.
   */
  readonly arity?: number;
  /** Cannot block or run user code: safe for the interpreter's synchronous fast path. */
  readonly pure: boolean;
  /** May block the calling thread. */
  readonly blocks?: boolean;
}

/** A path that is a value, not a function (`None`, `Duration::ZERO`, `u64::MAX`). */
export interface BuiltinConst {
  readonly value: () => Value;
}

export type MethodImpl = ((ctx: CallCtx, self: Value, args: Value[]) => NativeResult) & {
  /** How many arguments it takes besides `self` (see `BuiltinFn.arity`); set with `takes`. */
  readonly arity?: number;
};

/** Declares a method's arity: `send: takes(1, (ctx, self, [v]) => …)`. */
export function takes(arity: number, impl: MethodImpl): MethodImpl {
  return Object.assign((ctx: CallCtx, self: Value, args: Value[]) => impl(ctx, self, args), { arity });
}

/** rustc's E0061, for a builtin that declares its arity. */
export function arityMessage(name: string, arity: number, supplied: number, method: boolean): string {
  const s = (n: number) => (n === 1 ? '' : 's');
  return `this ${method ? 'method' : 'function'} \`${name}\` takes ${arity} argument${s(arity)} but ${supplied} argument${s(supplied)} ${supplied === 1 ? 'was' : 'were'} supplied`;
}

const methodTables = new Map<object, Record<string, MethodImpl>>();

/**
 * Who owns each registered method table, in Rust's words, for `docs/supported.md`: the canonical path of the
 * type or trait (`std::time::Duration`, `std::iter::Iterator`; several joined with ` / ` when one JS class
 * serves several Rust types), or null when the registration did not say (the page then guesses from the
 * class's name). One entry per `defineMethods` call, in registration order.
 */
export interface MethodOwner {
  readonly rust: string | null;
  readonly jsClass: string;
  readonly names: readonly string[];
}
export const methodOwners: MethodOwner[] = [];

/**
 * Registers methods for instances of `cls` (and its subclasses). `rust` names the Rust type (or trait) the
 * methods belong to, by its canonical path (`defineMethods(RDuration, 'std::time::Duration', {...})`): the
 * JS class is an implementation detail that several Rust types may share (`REnum` is Option, Result, ...).
 */
export function defineMethods(
  cls: abstract new (...args: never[]) => object,
  rust: string,
  methods: Record<string, MethodImpl>,
): void;
/** Older form without the Rust type: the page guesses it from the class name; prefer naming it. */
export function defineMethods(
  cls: abstract new (...args: never[]) => object,
  methods: Record<string, MethodImpl>,
): void;
export function defineMethods(
  cls: abstract new (...args: never[]) => object,
  rustOrMethods: string | Record<string, MethodImpl>,
  maybeMethods?: Record<string, MethodImpl>,
): void {
  const rust = typeof rustOrMethods === 'string' ? rustOrMethods : null;
  const methods = typeof rustOrMethods === 'string' ? maybeMethods! : rustOrMethods;
  const existing = methodTables.get(cls.prototype as object) ?? {};
  methodTables.set(cls.prototype as object, { ...existing, ...methods });
  methodOwners.push({ rust, jsClass: cls.name, names: Object.keys(methods) });
}

/** Methods of JS primitives, by the Rust types they stand for (see `PRIMITIVE_OWNERS`). */
export const primitiveMethods = {
  int: {} as Record<string, MethodImpl>,
  str: {} as Record<string, MethodImpl>,
  bool: {} as Record<string, MethodImpl>,
};

/** The Rust types each `primitiveMethods` table serves, for `docs/supported.md`. */
export const PRIMITIVE_OWNERS: Record<keyof typeof primitiveMethods, string> = {
  int: 'integers',
  str: 'str',
  bool: 'bool',
};

/** The builtin method `name` of a value's type; `skip` passes over some (to reach a base class's). */
export function findMethod(v: Value, name: string, skip?: WeakSet<object>): MethodImpl | undefined {
  switch (typeof v) {
    case 'number':
    case 'bigint':
      return primitiveMethods.int[name];
    case 'string':
      return primitiveMethods.str[name];
    case 'boolean':
      return primitiveMethods.bool[name];
    case 'undefined':
      // A moved-out slot read through a stale place: the caller reports the missing method.
      return undefined;
  }
  let proto: object | null = Object.getPrototypeOf(v) as object | null;
  while (proto) {
    const table = methodTables.get(proto);
    const m = table?.[name];
    if (m && !skip?.has(m)) return m;
    proto = Object.getPrototypeOf(proto) as object | null;
  }
  return undefined;
}

/** All method names any builtin type has (for the resolver's "unknown method" check). */
export function allMethodNames(): Set<string> {
  const names = new Set<string>();
  for (const t of methodTables.values()) for (const n of Object.keys(t)) names.add(n);
  for (const t of Object.values(primitiveMethods)) for (const n of Object.keys(t)) names.add(n);
  return names;
}

export const builtinFns = new Map<string, BuiltinFn>();
export const builtinConsts = new Map<string, BuiltinConst>();
/** Every accepted spelling (after `use` expansion) → canonical name. */
export const builtinAliases = new Map<string, string>();

export function defineFn(names: string | string[], fn: BuiltinFn): void {
  const list = Array.isArray(names) ? names : [names];
  const canonical = list[0]!;
  builtinFns.set(canonical, fn);
  for (const n of list) builtinAliases.set(n, canonical);
}

export function defineConst(names: string | string[], c: BuiltinConst): void {
  const list = Array.isArray(names) ? names : [names];
  const canonical = list[0]!;
  builtinConsts.set(canonical, c);
  for (const n of list) builtinAliases.set(n, canonical);
}

/** Expands `{std,tokio}::` spellings of the same item: `std::time::Duration::from_millis` etc. */
export function withPrefixes(name: string, prefixes: string[]): string[] {
  return [name, ...prefixes.map((p) => `${p}::${name}`)];
}

/** Methods that block the calling thread when contended (std Mutex::lock, JoinHandle::join, ...). */
export const BLOCKING_METHODS = new Set([
  'lock',
  'join',
  'recv',
  'recv_timeout',
  'blocking_recv',
  'blocking_send',
  'blocking_lock',
  'wait',
  'read',
  'write',
]);

/**
 * A program calling `poll` on its own `impl Future` type (`fut.as_mut().poll(&mut cx)` in a `block_on` of
 * its own): builtins/exec sets this to make the poll a user task on screen when the program's own
 * executor drives it. Returns null to leave it a plain method call.
 */
export const userFuturePoll: {
  hook: ((ctx: CallCtx, self: Value, args: Value[]) => NativeResult | null) | null;
} = { hook: null };
