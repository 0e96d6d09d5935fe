/**
 * Where items live: the crate root, each inline `mod`, and each block that declares items (a fn body with a
 * local `struct` or `use Enum::*`) is a `ModScope` holding its items and its `use` declarations. A name is
 * looked up from the innermost scope outwards; a path (`geometry::shapes::Point`, `super::abs`,
 * `Direction::North`) walks modules, then enums and types. Each user type gets a unique `key` (its name at
 * the crate root, `module::Name` in a module, `fn{n}::Name` in a block), which is what impls are found by.
 */
import type { ConstItem, EnumItem, FnItem, StructItem, TraitItem, Type, TypeAliasItem } from '../ast';
import type { Span } from '../diagnostics';

export type ItemEntry =
  | { k: 'fn'; item: FnItem }
  | { k: 'struct'; item: StructItem }
  | { k: 'enum'; item: EnumItem }
  | { k: 'const'; item: ConstItem }
  | { k: 'trait'; item: TraitItem }
  | { k: 'alias'; item: TypeAliasItem; scope: ModScope }
  | { k: 'mod'; scope: ModScope };

export interface UseEntry {
  path: string[];
  span: Span;
}

export class ModScope {
  readonly items = new Map<string, ItemEntry>();
  readonly uses = new Map<string, UseEntry>();
  readonly globs: UseEntry[] = [];

  constructor(
    readonly parent: ModScope | null,
    /** Key prefix of the items declared here (`[]` at the crate root). */
    readonly path: string[],
    /** A `mod` (or the crate root), as opposed to a block declaring items. */
    readonly isMod: boolean,
  ) {}

  /** The key of an item named `name` declared here. */
  keyOf(name: string): string {
    return this.path.length === 0 ? name : `${this.path.join('::')}::${name}`;
  }

  /** The module this scope is in: itself for a `mod`, the enclosing module for a block. */
  module(): ModScope {
    return !this.isMod && this.parent ? this.parent.module() : this;
  }

  root(): ModScope {
    return this.parent ? this.parent.root() : this;
  }
}

/** Integer types: a trait implemented for one of them applies to integer values (their width is not kept). */
export const INT_TYPES = new Set([
  'i8',
  'i16',
  'i32',
  'i64',
  'i128',
  'isize',
  'u8',
  'u16',
  'u32',
  'u64',
  'u128',
  'usize',
]);

/** Builtin types a program can implement its own traits for, by the key the interpreter uses for them. */
const BUILTIN_TYPES = new Set([
  ...INT_TYPES,
  'f32',
  'f64',
  'bool',
  'char',
  'str',
  'String',
  'Vec',
  'VecDeque',
  'Option',
  'Result',
  'Box',
  'HashMap',
  'HashSet',
  'BTreeMap',
  'BTreeSet',
  'Duration',
]);

export function isBuiltinTypeName(name: string): boolean {
  return BUILTIN_TYPES.has(name);
}

/**
 * The key a builtin type is found by, from a type written in the program: `&str` → `str`, `[T]` / `[T; N]`
 * → `[]`, `(A, B)` → `(2)`, `()` → `()`. Null when it is not a builtin type.
 */
export function builtinTypeKey(ty: Type): string | null {
  switch (ty.k) {
    case 'ref':
      return builtinTypeKey(ty.ty);
    case 'tuple':
      return ty.items.length === 0 ? '()' : `(${ty.items.length})`;
    case 'array':
      return '[]';
    case 'path': {
      const last = ty.segs[ty.segs.length - 1]!;
      return BUILTIN_TYPES.has(last) ? last : null;
    }
    default:
      return null;
  }
}
