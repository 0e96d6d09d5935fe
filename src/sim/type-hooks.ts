/**
 * A program's own impls of the std traits that the runtime's value protocols use — `Display` / `Debug`
 * (formatting), `PartialEq` (`==`, `assert_eq!`, `contains`), `PartialOrd` / `Ord` (`<`, `sort`, `max`),
 * `Clone`, `Hash` — attached to the type's definition. The interpreter installs them when a run starts
 * (`interp/user-impls.ts`); formatting, comparison and cloning anywhere (a builtin sorting a `Vec` of the
 * program's structs, a `Mutex` printing its data) then find them through the value.
 */
import type { FmtOpts } from './formatter';
import { REnum, RStruct, type Value } from './values';

export interface TypeHooks {
  /** `impl Display`: writes through a `Formatter` carrying `opts` (width etc. reach `f.pad`). */
  display?(v: Value, opts: FmtOpts): string;
  /** `impl Debug`; `pretty` is `{:#?}`. */
  debug?(v: Value, opts: FmtOpts, pretty: boolean): string;
  /** `impl PartialEq`. */
  eq?(a: Value, b: Value): boolean;
  /** `impl PartialOrd` (`partial_cmp`): negative, zero, positive, or null for `None`. */
  partialCmp?(a: Value, b: Value): number | null;
  /** `impl Ord` (`cmp`). */
  cmp?(a: Value, b: Value): number;
  /** `impl Clone`. */
  clone?(v: Value): Value;
}

const hooks = new WeakMap<object, TypeHooks>();

/** Attaches hooks to a struct or enum definition (replacing earlier ones). */
export function setTypeHooks(def: object, h: TypeHooks): void {
  hooks.set(def, h);
}

/** The hooks of a value's type, if the program implemented any of those traits for it. */
export function typeHooks(v: Value): TypeHooks | undefined {
  if (v instanceof RStruct) return hooks.get(v.def);
  if (v instanceof REnum && v.def) return hooks.get(v.def);
  return undefined;
}
