/**
 * The bottom layer of the resolver: the item tables, function scopes (a frame per fn, closure and async
 * block) with their block scopes and slots, binding and looking up names, and what the resolver hands to
 * sim/ (`ResolvedProgram`) and asks of it (`BuiltinOracle`).
 *
 * The resolver is one class split over files, each file one layer: scopes → paths → expressions → items →
 * resolve.ts. A layer calls the layers below it directly and the ones above it through the abstract methods
 * declared here, so no file imports a file above it.
 */
import type { ConstItem, EnumItem, FnInfo, FnItem, Program, Scope, StructItem } from '../ast';

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

export interface ResolvedProgram {
  program: Program;
  fns: Map<string, FnItem>;
  structs: Map<string, StructItem>;
  enums: Map<string, EnumItem>;
  consts: Map<string, ConstItem>;
  /** `Type::method` → fn, for inherent impls and `impl Future`/`impl Drop`. */
  methods: Map<string, FnItem>;
  /** Types with `impl Future for T`. */
  futureImpls: Set<string>;
  /** Types with `impl Drop for T`. */
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

  protected futureImpls = new Set<string>();

  protected dropImpls = new Set<string>();

  /** Local alias → full path, from `use`. */
  protected imports = new Map<string, string[]>();

  protected globs: string[][] = [];

  protected fn: FnScope | null = null;

  protected selfTy: string | null = null;

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
    if (captured !== undefined) return { depth: 0, slot: captured };
    if (!fn.parent || fn.info.futureName.startsWith('const ')) return null;
    const outer = this.lookup(name, fn.parent);
    if (!outer) return null;
    if (fn.move) {
      // A move closure / async move block copies the value into its own frame when it is created.
      const slot = fn.info.slotCount++;
      fn.info.slotNames.push(name);
      fn.info.captures.push({ name, from: outer, slot, mode: 'move' });
      fn.captureBySlot.set(name, slot);
      return { depth: 0, slot };
    }
    return { depth: outer.depth + 1, slot: outer.slot };
  }

  protected similarLocal(name: string): string | null {
    const f = this.fn;
    if (!f) return null;
    for (const b of f.blocks) for (const n of b.names.keys()) if (withinOneEdit(n, name)) return n;
    return null;
  }

  // -------------------------------------------------------------------------- implemented by upper layers
}
