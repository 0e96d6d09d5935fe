/**
 * The syntax tree of the Rust subset (DESIGN.md §2).
 *
 * Nodes are plain objects with a `k` discriminant and a `span`. The resolver (`resolve.ts`) annotates some of
 * them in place (`res` on paths, `scope` on blocks, `capture` lists on closures, `suspend` on awaits) so the
 * interpreter can run without name lookups.
 */
import type { Span } from './diagnostics';

// ---------------------------------------------------------------------------------------------- types

export type Type =
  | { k: 'path'; segs: string[]; args: Type[]; span: Span }
  | { k: 'ref'; mut: boolean; ty: Type; span: Span }
  | { k: 'tuple'; items: Type[]; span: Span }
  | { k: 'array'; elem: Type; len: Expr | null; span: Span }
  | { k: 'impl'; bounds: Type[]; span: Span }
  | { k: 'dyn'; bounds: Type[]; span: Span }
  | { k: 'fn'; params: Type[]; ret: Type | null; span: Span }
  | { k: 'never'; span: Span }
  | { k: 'infer'; span: Span };

// ---------------------------------------------------------------------------------------------- patterns

export type Pat =
  | { k: 'wild'; span: Span }
  | { k: 'rest'; span: Span }
  | { k: 'bind'; name: string; mut: boolean; byRef: boolean; sub: Pat | null; span: Span; slot: number }
  | { k: 'lit'; value: Lit; span: Span }
  | { k: 'range'; lo: Lit | null; hi: Lit | null; inclusive: boolean; span: Span }
  | { k: 'tuple'; items: Pat[]; span: Span }
  /** `[first, .., last]`, `[head, tail @ ..]`: matches arrays and slices by length. */
  | { k: 'slice'; items: Pat[]; span: Span }
  | { k: 'tstruct'; path: string[]; items: Pat[]; span: Span; res?: PathRes }
  | { k: 'path'; path: string[]; span: Span; res?: PathRes }
  | {
      k: 'struct';
      path: string[];
      fields: { name: string; pat: Pat }[];
      rest: boolean;
      span: Span;
      res?: PathRes;
    }
  | { k: 'ref'; pat: Pat; span: Span }
  | { k: 'or'; alts: Pat[]; span: Span };

export type Lit =
  /** Exact: a number while safe (|v| < 2^53), else a bigint. */
  | { t: 'int'; v: number | bigint; suffix: string }
  | { t: 'float'; v: number; suffix: string }
  | { t: 'str'; v: string }
  | { t: 'bytestr'; v: string }
  | { t: 'bool'; v: boolean }
  | { t: 'char'; v: string };

// ---------------------------------------------------------------------------------------------- expressions

/** What a path expression refers to, filled in by the resolver. */
export type PathRes =
  | { kind: 'local'; depth: number; slot: number; name: string }
  | { kind: 'fn'; item: FnItem }
  | { kind: 'method'; item: FnItem; owner: string }
  | { kind: 'const'; item: ConstItem }
  | { kind: 'struct'; item: StructItem }
  | { kind: 'variant'; enumName: string; enumKey: string; variant: string; arity: number | 'struct' }
  | { kind: 'builtin'; name: string }
  /**
   * An associated item found through a type at run time: `T::default()` for a type parameter, `Self::X`
   * in a trait's default method, `Type::from(..)` with several `From` impls, `Trait::method(&x)`.
   */
  | { kind: 'assoc'; ty: TypeRef; name: string; trait: string | null };

/**
 * A type as the interpreter finds impls by it: a user type's key or a builtin type's name (`i32`, `str`,
 * `Vec`), a type parameter of the enclosing fn or impl (bound when it is called), or `Self`.
 */
export type TypeRef =
  { k: 'key'; key: string } | { k: 'param'; name: string } | { k: 'self' } | { k: 'trait'; trait: string };

/** How a path expression's value is used: moves transfer ownership (and so responsibility for the drop). */
export type UseMode = 'move' | 'ref';

export interface FmtSpec {
  /** Index into the macro's `args`. */
  arg: number;
  debug: boolean;
  pretty: boolean;
  width: number | { arg: number } | null;
  precision: number | { arg: number } | null;
  fill: string;
  align: '<' | '>' | '^' | null;
  sign: boolean;
  zero: boolean;
  alt: boolean;
  /** `x`, `X`, `b`, `o`, `e`, `E` */
  radix: '' | 'x' | 'X' | 'b' | 'o' | 'e' | 'E';
  /** `{:x?}` / `{:X?}`: Debug with integers in hex. */
  debugHex?: 'x' | 'X';
}
export type FmtPiece = string | FmtSpec;

export interface SelectBranch {
  pat: Pat;
  fut: Expr;
  guard: Expr | null;
  body: Expr;
  span: Span;
  /** Slots of the pattern bindings, allocated in the body's scope. */
  scope?: Scope;
}

export interface MatchArm {
  pat: Pat;
  guard: Expr | null;
  body: Expr;
  span: Span;
  scope?: Scope;
}

/**
 * Every expression may carry `sync`: set by the resolver when it can neither suspend nor block; and `nk`:
 * the numeric kind of its value (lang/types/kinds.ts), set by the type pass when it is an integer or float.
 */
export type Expr = ExprNode & { sync?: boolean; nk?: number };

type ExprNode =
  | { k: 'lit'; value: Lit; span: Span }
  | {
      k: 'path';
      segs: string[];
      generics: Type[];
      span: Span;
      res?: PathRes;
      use?: UseMode;
      /** `<T as Trait>::item` / `<T>::item`: `segs` are then T's path and the item; this names the trait. */
      qtrait?: string | null;
    }
  | { k: 'unary'; op: '-' | '!' | '*'; expr: Expr; span: Span }
  | { k: 'ref'; mut: boolean; expr: Expr; span: Span }
  | { k: 'binary'; op: string; left: Expr; right: Expr; span: Span }
  | { k: 'assign'; op: string; target: Expr; value: Expr; span: Span }
  | {
      k: 'call';
      callee: Expr;
      args: Expr[];
      span: Span;
      /** The type the call's value must have, where the program says (lang/resolver/expected-types.ts). */
      expectTy?: Type;
    }
  | {
      k: 'method';
      receiver: Expr;
      name: string;
      generics: Type[];
      args: Expr[];
      span: Span;
      nameSpan: Span;
      /** The type the call's value must have, where the program says (lang/resolver/expected-types.ts). */
      expectTy?: Type;
    }
  | { k: 'field'; expr: Expr; name: string; span: Span }
  | { k: 'index'; expr: Expr; index: Expr; span: Span }
  | { k: 'range'; from: Expr | null; to: Expr | null; inclusive: boolean; span: Span }
  | { k: 'block'; block: Block; label: string | null; span: Span }
  | { k: 'if'; cond: Expr; then: Block; else: Expr | null; span: Span }
  | { k: 'let'; pat: Pat; expr: Expr; span: Span; scope?: Scope }
  | { k: 'match'; scrutinee: Expr; arms: MatchArm[]; span: Span }
  | { k: 'while'; cond: Expr; body: Block; label: string | null; span: Span; scope?: Scope }
  | { k: 'loop'; body: Block; label: string | null; span: Span }
  | { k: 'for'; pat: Pat; iter: Expr; body: Block; label: string | null; span: Span; scope?: Scope }
  | { k: 'break'; label: string | null; value: Expr | null; span: Span }
  | { k: 'continue'; label: string | null; span: Span }
  | { k: 'return'; value: Expr | null; span: Span }
  | { k: 'closure'; params: Param[]; body: Expr; move: boolean; span: Span; fn?: FnInfo }
  | { k: 'async'; block: Block; move: boolean; span: Span; fn?: FnInfo }
  | { k: 'await'; expr: Expr; span: Span; suspend?: number }
  | {
      k: 'try';
      expr: Expr;
      span: Span;
      /** The error type of the enclosing fn's `Result`, which `?` converts an error into by `From`. */
      errTy?: TypeRef;
    }
  | {
      k: 'struct';
      path: string[];
      fields: { name: string; value: Expr; span: Span }[];
      base: Expr | null;
      span: Span;
      res?: PathRes;
    }
  | { k: 'tuple'; items: Expr[]; span: Span }
  | { k: 'array'; items: Expr[]; vec: boolean; span: Span }
  | { k: 'repeat'; value: Expr; count: Expr; vec: boolean; span: Span }
  | { k: 'cast'; expr: Expr; ty: Type; span: Span }
  | {
      k: 'fmt';
      macro: FmtMacro;
      pieces: FmtPiece[];
      args: Expr[];
      span: Span;
      /** `write!(dest, ..)` / `writeln!(dest, ..)`: the `fmt::Formatter` or `String` written to. */
      dest?: Expr;
    }
  | {
      k: 'assert';
      macro: 'assert' | 'assert_eq' | 'assert_ne' | 'debug_assert' | 'debug_assert_eq' | 'debug_assert_ne';
      args: Expr[];
      message: Expr | null;
      span: Span;
    }
  | { k: 'matches'; expr: Expr; pat: Pat; guard: Expr | null; span: Span; scope?: Scope }
  | {
      k: 'select';
      biased: boolean;
      branches: SelectBranch[];
      else: Expr | null;
      /**
       * `futures::select!` / `select_biased!` (futures-macro `select.rs`): branches polled in place, skipped
       * once terminated (`FusedFuture`), with `complete =>` and `default =>` handlers instead of `else`.
       */
      futures?: { complete: Expr | null; default: Expr | null };
      span: Span;
      suspend?: number;
    }
  | {
      k: 'join';
      futs: Expr[];
      tryJoin: boolean;
      biased: boolean;
      /** `futures::join!`: every poll polls each unfinished future from the first (futures-macro `join.rs`). */
      inOrder?: boolean;
      span: Span;
      suspend?: number;
    }
  | { k: 'pin'; expr: Expr; span: Span };

export type FmtMacro =
  | 'println'
  | 'eprintln'
  | 'print'
  | 'eprint'
  | 'format'
  | 'panic'
  | 'unreachable'
  | 'todo'
  | 'unimplemented'
  | 'write'
  | 'writeln';

export type Stmt =
  | { k: 'let'; pat: Pat; ty: Type | null; init: Expr | null; else: Block | null; span: Span }
  | { k: 'expr'; expr: Expr; semi: boolean; span: Span }
  | { k: 'item'; item: Item; span: Span }
  | { k: 'empty'; span: Span };

/** A lexical scope: the slots its `let`s declare, dropped in reverse order when it ends. */
export interface Scope {
  /** Slots declared directly in this scope, in declaration order. */
  slots: number[];
}

export interface Block {
  stmts: Stmt[];
  /** The final expression without a semicolon: the block's value. */
  tail: Expr | null;
  span: Span;
  unsafe: boolean;
  scope?: Scope;
}

// ---------------------------------------------------------------------------------------------- items

export interface Attr {
  path: string;
  /** Raw argument text (`flavor = "current_thread"`), for the few attributes we interpret. */
  args: { key: string; value: string | number | boolean | null }[];
  /** For `#[derive(A, B)]`: the names. */
  list: string[];
  span: Span;
}

export interface Param {
  pat: Pat;
  ty: Type | null;
  span: Span;
}

export type SelfMode = 'value' | 'ref' | 'mut' | 'pin' | null;

/** Per-function (and per-closure / per-async-block) frame layout, filled in by the resolver. */
export interface FnInfo {
  /** Number of slots in the frame. */
  slotCount: number;
  /** Slot names, for showing live locals. */
  slotNames: string[];
  /** Captured variables (closures and async blocks): where to copy or reference them from. */
  captures: {
    name: string;
    from: { depth: number; slot: number };
    slot: number;
    mode: 'move' | 'ref';
    /**
     * The fields the body only reads (`v.0`, `v.name`), or null when it uses the variable as a whole or
     * writes a field. Edition 2021 captures just those places: if they are Copy, the variable stays with its
     * owner (and drops there).
     */
    fields?: string[] | null;
  }[];
  /** For async bodies: one entry per `.await` (and `select!` / `join!`): the slots live across it. */
  suspends: { span: Span; live: number[] }[];
  /** The name of the generated future enum, e.g. `MainFuture`, `HelloFuture`, `Block5Future`. */
  futureName: string;
  /** The body names an item of a type parameter (`T::default()`): calls bind the parameters to types. */
  typeArgs?: boolean;
}

/** A generic parameter with its bounds (`T: Display + Clone`, `where` clauses merged in). */
export interface GenericParam {
  name: string;
  bounds: Type[];
}

export interface FnItem {
  k: 'fn';
  name: string;
  /** Type parameters (lifetimes and const generics are dropped). */
  generics: GenericParam[];
  async: boolean;
  selfMode: SelfMode;
  /** The receiver is the `Arc`/`Rc` itself (`self: Arc<Self>`, `self: &Arc<Self>`), not what it points at. */
  selfArc?: boolean;
  params: Param[];
  ret: Type | null;
  body: Block;
  attrs: Attr[];
  span: Span;
  nameSpan: Span;
  /** `impl` owner type name for methods. */
  owner: string | null;
  info?: FnInfo;
  /** Unique name of the item across modules and blocks (set by the resolver; `name` for top-level fns). */
  key?: string;
}

export interface StructItem {
  k: 'struct';
  name: string;
  generics: GenericParam[];
  fields: { name: string; ty: Type }[];
  /** Tuple struct `struct P(u32, u32);` or unit struct. */
  tuple: boolean;
  derives: string[];
  span: Span;
  /** Unique name across modules and blocks, what impls are found by (the resolver sets it). */
  key?: string;
}

export interface EnumItem {
  k: 'enum';
  name: string;
  generics: GenericParam[];
  variants: {
    name: string;
    fields: Type[] | null;
    named: string[] | null;
    span: Span;
    /** An explicit discriminant (`NotFound = 404`). */
    disc: Expr | null;
    /** `#[default]`: the variant `#[derive(Default)]` makes. */
    isDefault?: boolean;
  }[];
  derives: string[];
  /** `#[repr(i8)]` and friends. */
  repr: string | null;
  span: Span;
  key?: string;
}

export interface ImplItem {
  k: 'impl';
  /** The last segment of the self type's path (or its source text): a name for messages. */
  selfTy: string;
  selfType: Type;
  /** The trait's last path segment (`From`, `Display`), or null for an inherent impl. */
  trait: string | null;
  /** The trait as written, with its generic arguments (`From<Celsius>`, `Mul<f64>`). */
  traitType: Type | null;
  generics: GenericParam[];
  fns: FnItem[];
  assocTypes: { name: string; ty: Type }[];
  consts: ConstItem[];
  span: Span;
}

export interface ConstItem {
  k: 'const';
  name: string;
  ty: Type | null;
  value: Expr;
  span: Span;
  /** `static` (one place for the run) rather than `const` (a fresh value at each use). */
  static?: boolean;
  key?: string;
}

/** `trait Name<..>: Supers { .. }`. */
export interface TraitItem {
  k: 'trait';
  name: string;
  generics: GenericParam[];
  supers: Type[];
  /** Methods with a default body. */
  fns: FnItem[];
  /** Methods every impl must write. */
  required: { name: string; span: Span }[];
  /** Associated constants, with their default value if any. */
  consts: { name: string; ty: Type | null; value: Expr | null; span: Span }[];
  types: string[];
  span: Span;
  key?: string;
}

/** `type Name<T> = Ty;` */
export interface TypeAliasItem {
  k: 'type';
  name: string;
  generics: GenericParam[];
  ty: Type;
  span: Span;
}

/** An inline `mod name { .. }`. */
export interface ModItem {
  k: 'mod';
  name: string;
  items: Item[];
  span: Span;
}

export interface UseItem {
  k: 'use';
  /** Each imported path and the local name it binds (`use a::b as c`; `*` globs keep `*`). */
  paths: { path: string[]; alias: string; span: Span }[];
  span: Span;
}

export type Item =
  FnItem | StructItem | EnumItem | ImplItem | ConstItem | UseItem | TraitItem | TypeAliasItem | ModItem;

export interface Program {
  items: Item[];
  source: string;
}
