/**
 * The bottom layer of the resolver: the item tables, function scopes (a frame per fn, closure and async
 * block) with their block scopes and slots, binding and looking up names, and what the resolver hands to
 * sim/ (`ResolvedProgram`) and asks of it (`BuiltinOracle`).
 *
 * The resolver is one class split over files, each file one layer: scopes → paths → expressions → items →
 * resolve.ts. A layer calls the layers below it directly and the ones above it through the abstract methods
 * declared here, so no file imports a file above it.
 */
import type {
  Block,
  ConstItem,
  EnumItem,
  FnInfo,
  FnItem,
  GenericParam,
  ImplItem,
  Program,
  Scope,
  StructItem,
  TraitItem,
  Type,
  TypeRef,
} from '../ast';
import { ModScope } from './namespaces';

/** What the runtime offers; implemented by sim/. */
export interface BuiltinOracle {
  /** Canonical name of a builtin path (`["tokio","time","sleep"]` → `tokio::time::sleep`), or null. */
  resolve(path: readonly string[]): string | null;
  /** True if calling this builtin may block the calling OS thread (`std::thread::sleep`). */
  blocks(canonical: string): boolean;
  /** True if calling it can run arbitrary user code or block (so it must not be evaluated synchronously). */
  pure(canonical: string): boolean;
  /** Method names that may block the calling thread (`lock` on a std mutex, `join` on a thread). */
  blockingMethods: ReadonlySet<string>;
  /** Crate roots a `use` may name. */
  crates: ReadonlySet<string>;
}

/**
 * An `impl` as the interpreter finds it: for the type with key `selfKey` (a user type's key or a builtin
 * type's name, see namespaces.ts), or — a blanket impl (`impl<T: Display> Tr for T`) — for every type meeting
 * the bounds of the parameter `blanket`.
 */
export interface ImplRecord {
  item: ImplItem;
  selfKey: string | null;
  blanket: GenericParam | null;
  /** The user trait's key, or a std trait's name (`Display`, `From`, `Add`); null for an inherent impl. */
  traitKey: string | null;
  trait: TraitItem | null;
  /** The trait's generic arguments as type keys where they name one (`From<Celsius>` → `Celsius`). */
  traitArgs: (string | null)[];
}

export interface ResolvedProgram {
  program: Program;
  /** Items by key (their name at the crate root; `module::name` inside modules and blocks). */
  fns: Map<string, FnItem>;
  structs: Map<string, StructItem>;
  enums: Map<string, EnumItem>;
  consts: Map<string, ConstItem>;
  traits: Map<string, TraitItem>;
  /** `TypeKey::method` → fn, for inherent impls. */
  methods: Map<string, FnItem>;
  /** Every impl (inherent and of traits), in source order. */
  impls: ImplRecord[];
  /** Keys of types with `impl Future for T`. */
  futureImpls: Set<string>;
  /** Keys of types with `impl Drop for T`. */
  dropImpls: Set<string>;
  main: FnItem;
}
interface BlockScope {
  names: Map<string, number>;
  scope: Scope;
}

class FnScope {
  blocks: BlockScope[] = [];
  readonly captureBySlot = new Map<string, number>();
  /** Enclosing loops and labelled blocks, innermost last: where `break` and `continue` can go. */
  readonly jumpTargets: { label: string | null; loop: boolean }[] = [];
  constructor(
    readonly info: FnInfo,
    readonly parent: FnScope | null,
    readonly move: boolean,
    readonly isAsync: boolean,
  ) {}
}

export const PRELUDE_TYPES = new Set(['Self']);
export function newInfo(futureName: string): FnInfo {
  return { slotCount: 0, slotNames: [], captures: [], suspends: [], futureName };
}

export function constInfo(name: string): FnInfo {
  return newInfo(`const ${name}`);
}

export function capitalize(s: string): string {
  return s
    .split('_')
    .map((p) => (p ? p[0]!.toUpperCase() + p.slice(1) : ''))
    .join('');
}

export function lineOf(src: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < src.length; i++) if (src.charCodeAt(i) === 10) line++;
  return line;
}

/**
 * Whether `a` and `b` are at most one edit apart (one character inserted, deleted or replaced): the only
 * question the "did you mean" hint asks. Linear, so two identifiers of 100,000 characters cost nothing
 * (a full edit-distance table of them was 10^10 cells).
 */
function withinOneEdit(a: string, b: string): boolean {
  if (a.length < b.length) [a, b] = [b, a];
  if (a.length - b.length > 1) return false;
  let i = 0;
  while (i < b.length && a[i] === b[i]) i++;
  // Past the common prefix: a replacement skips one character of each, an insertion one of the longer.
  const rest = a.length === b.length ? i + 1 : i;
  return a.slice(i + 1) === b.slice(rest);
}

export abstract class ScopeResolver {
  protected fns = new Map<string, FnItem>();

  protected structs = new Map<string, StructItem>();

  protected enums = new Map<string, EnumItem>();

  protected consts = new Map<string, ConstItem>();

  protected methods = new Map<string, FnItem>();

  protected traits = new Map<string, TraitItem>();

  protected impls: ImplRecord[] = [];

  protected futureImpls = new Set<string>();

  protected dropImpls = new Set<string>();

  /** The crate root's items. */
  protected readonly root = new ModScope(null, [], true);

  /** The innermost module or item-declaring block being resolved. */
  protected scope: ModScope = this.root;

  protected fn: FnScope | null = null;

  /** What `Self` is here: a type's key in an impl, the receiver's type in a trait or blanket impl. */
  protected selfRef: TypeRef | null = null;

  /** Type parameters in scope (of the fn, its impl or trait): `T::default()` names one. */
  protected typeParams = new Set<string>();

  /** The declared return type of the fn item being resolved (for `?` conversions). */
  protected retTy: Type | null = null;

  protected asyncBlockCount = 0;

  constructor(
    protected readonly program: Program,
    protected readonly oracle: BuiltinOracle,
  ) {}

  protected withFnScope<T>(info: FnInfo, move: boolean, isAsync: boolean, body: () => T): T {
    const saved = this.fn;
    this.fn = new FnScope(info, saved, move, isAsync);
    try {
      return body();
    } finally {
      this.fn = saved;
    }
  }

  protected pushBlock(): Scope {
    const scope: Scope = { slots: [] };
    this.fn!.blocks.push({ names: new Map(), scope });
    return scope;
  }

  protected popBlock(): void {
    this.fn!.blocks.pop();
  }

  protected bind(name: string): number {
    const f = this.fn!;
    const slot = f.info.slotCount++;
    f.info.slotNames.push(name);
    const top = f.blocks[f.blocks.length - 1]!;
    top.names.set(name, slot);
    top.scope.slots.push(slot);
    return slot;
  }

  /** Finds a local; for closures, creates captures on the way. */
  protected lookup(name: string, fn: FnScope | null = this.fn): { depth: number; slot: number } | null {
    if (!fn) return null;
    for (let i = fn.blocks.length - 1; i >= 0; i--) {
      const slot = fn.blocks[i]!.names.get(name);
      if (slot !== undefined) return { depth: 0, slot };
    }
    const captured = fn.captureBySlot.get(name);
    if (captured !== undefined) {
      this.noteCaptureUse(fn, name);
      return { depth: 0, slot: captured };
    }
    if (!fn.parent || fn.info.futureName.startsWith('const ')) return null;
    const outer = this.lookup(name, fn.parent);
    if (!outer) return null;
    if (fn.move) {
      // A move closure / async move block copies the value into its own frame when it is created.
      const slot = fn.info.slotCount++;
      fn.info.slotNames.push(name);
      fn.info.captures.push({ name, from: outer, slot, mode: 'move', fields: [] });
      fn.captureBySlot.set(name, slot);
      this.noteCaptureUse(fn, name);
      return { depth: 0, slot };
    }
    return { depth: outer.depth + 1, slot: outer.slot };
  }

  /**
   * Set while resolving the base of a field read (`v.f`, not an assignment target): the field's name. A
   * move capture used only that way captures just its fields (edition 2021, see `FnInfo.captures`).
   */
  protected fieldRead: string | null = null;

  private noteCaptureUse(fn: FnScope, name: string): void {
    const cap = fn.info.captures.find((c) => c.name === name);
    if (!cap || cap.fields === null) return;
    const field = this.fieldRead;
    if (field === null) cap.fields = null;
    else if (!cap.fields!.includes(field)) cap.fields!.push(field);
  }

  protected similarLocal(name: string): string | null {
    const f = this.fn;
    if (!f) return null;
    for (const b of f.blocks) for (const n of b.names.keys()) if (withinOneEdit(n, name)) return n;
    return null;
  }

  // -------------------------------------------------------------------------- implemented by upper layers

  /** Declares and resolves the items of a block (a local `struct`, `use Enum::*`), or null if it has none. */
  protected abstract enterItemBlock(b: Block): ModScope | null;
}
