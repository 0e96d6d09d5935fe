/**
 * Name resolution and frame layout.
 *
 * - Every binding gets a slot in its function's frame; closures and async blocks get their own frame and a
 *   capture list (by move or by reference).
 * - Every path expression is resolved: a local (frame depth + slot), a user item, or a builtin of the
 *   runtime API (the `BuiltinOracle` comes from sim/, which owns that API).
 * - Every `.await` / `select!` / `join!` in an async body becomes a numbered suspend point with the slots
 *   alive across it: the variants of the generated future enum (`Suspend0 { .. }`, …).
 * - Every path expression learns whether its value is moved out or only borrowed, so the interpreter can run
 *   Rust's drops at the right time.
 * - Each expression is marked `sync` when it can neither suspend nor block its thread; the interpreter
 *   evaluates such subtrees without generators.
 */
import type {
  Block,
  ConstItem,
  EnumItem,
  Expr,
  FnInfo,
  FnItem,
  ImplItem,
  Item,
  MatchArm,
  Pat,
  PathRes,
  Program,
  Scope,
  StructItem,
} from './ast';
import { CompileError, type Span } from './diagnostics';

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

const PRELUDE_TYPES = new Set(['Self']);

export function resolveProgram(program: Program, oracle: BuiltinOracle): ResolvedProgram {
  return new Resolver(program, oracle).run();
}

class Resolver {
  private fns = new Map<string, FnItem>();
  private structs = new Map<string, StructItem>();
  private enums = new Map<string, EnumItem>();
  private consts = new Map<string, ConstItem>();
  private methods = new Map<string, FnItem>();
  private futureImpls = new Set<string>();
  private dropImpls = new Set<string>();
  /** Local alias → full path, from `use`. */
  private imports = new Map<string, string[]>();
  private globs: string[][] = [];
  private fn: FnScope | null = null;
  private selfTy: string | null = null;
  private asyncBlockCount = 0;

  constructor(
    private readonly program: Program,
    private readonly oracle: BuiltinOracle,
  ) {}

  run(): ResolvedProgram {
    const all = this.collectItems(this.program.items);
    for (const item of all) this.declare(item);
    const main = this.fns.get('main');
    if (!main)
      throw new CompileError(
        'this program has no `main` function',
        { start: 0, end: 0 },
        'add `#[tokio::main] async fn main() { .. }`',
      );
    for (const item of all) {
      if (item.k === 'fn') this.resolveFn(item, null);
      if (item.k === 'impl') {
        this.selfTy = item.selfTy;
        for (const f of item.fns) this.resolveFn(f, item.selfTy);
        this.selfTy = null;
      }
      if (item.k === 'const') {
        this.withFnScope(constInfo(item.name), false, false, () => this.expr(item.value, 'move'));
      }
    }
    return {
      program: this.program,
      fns: this.fns,
      structs: this.structs,
      enums: this.enums,
      consts: this.consts,
      methods: this.methods,
      futureImpls: this.futureImpls,
      dropImpls: this.dropImpls,
      main,
    };
  }

  /** Items nested in function bodies are hoisted to the top level (names must be unique). */
  private collectItems(items: Item[]): Item[] {
    const out: Item[] = [];
    const visitBlock = (b: Block) => {
      for (const s of b.stmts) {
        if (s.k === 'item') {
          out.push(s.item);
          if (s.item.k === 'fn') visitBlock(s.item.body);
        }
      }
    };
    for (const item of items) {
      out.push(item);
      if (item.k === 'fn') visitBlock(item.body);
      if (item.k === 'impl') item.fns.forEach((f) => visitBlock(f.body));
    }
    return out;
  }

  private declare(item: Item): void {
    const dup = (name: string, sp: Span) => {
      if (this.fns.has(name) || this.structs.has(name) || this.enums.has(name) || this.consts.has(name))
        throw new CompileError(`the name \`${name}\` is defined more than once`, sp);
    };
    switch (item.k) {
      case 'fn':
        dup(item.name, item.nameSpan);
        this.fns.set(item.name, item);
        break;
      case 'struct':
        dup(item.name, item.span);
        this.structs.set(item.name, item);
        break;
      case 'enum':
        dup(item.name, item.span);
        this.enums.set(item.name, item);
        break;
      case 'const':
        dup(item.name, item.span);
        this.consts.set(item.name, item);
        break;
      case 'impl':
        this.declareImpl(item);
        break;
      case 'use':
        for (const p of item.paths) {
          const root = p.path[0]!;
          if (root !== 'crate' && root !== 'self' && root !== 'super' && !this.oracle.crates.has(root))
            throw new CompileError(
              `the crate \`${root}\` is not available in Pollscope`,
              p.span,
              'only `std` and `tokio` can be used',
            );
          if (p.alias === '*') this.globs.push(p.path.slice(0, -1));
          else if (p.alias !== '_')
            this.imports.set(p.alias, root === 'crate' || root === 'self' ? p.path.slice(1) : p.path);
        }
        break;
    }
  }

  private declareImpl(item: ImplItem): void {
    const trait = item.trait === null ? null : item.trait.split('::').pop()!.replace(/<.*$/, '');
    if (trait === 'Future') {
      this.futureImpls.add(item.selfTy);
      if (!item.fns.some((f) => f.name === 'poll'))
        throw new CompileError('`impl Future` needs a `poll` method', item.span);
    } else if (trait === 'Drop') {
      this.dropImpls.add(item.selfTy);
    } else if (
      trait !== null &&
      trait !== 'Display' &&
      trait !== 'Debug' &&
      trait !== 'Default' &&
      trait !== 'Clone'
    ) {
      throw new CompileError(
        `\`impl ${trait} for ${item.selfTy}\` is not supported by Pollscope`,
        item.span,
        'supported trait impls: Future, Drop, Display, Debug, Default, Clone',
      );
    }
    for (const f of item.fns) {
      const key = `${item.selfTy}::${trait === 'Display' || trait === 'Debug' ? `<${trait}>::` : ''}${f.name}`;
      if (this.methods.has(key))
        throw new CompileError(`duplicate definitions with name \`${f.name}\``, f.nameSpan);
      this.methods.set(key, f);
    }
  }

  // ------------------------------------------------------------------------------------------ functions

  private resolveFn(f: FnItem, owner: string | null): void {
    const info = newInfo(owner ? `${owner}${capitalize(f.name)}Future` : `${capitalize(f.name)}Future`);
    f.info = info;
    this.withFnScope(info, false, f.async, () => {
      this.pushBlock();
      if (f.selfMode !== null) this.bind('self');
      for (const p of f.params) this.pattern(p.pat);
      this.block(f.body, 'move');
      this.popBlock();
    });
  }

  private withFnScope<T>(info: FnInfo, move: boolean, isAsync: boolean, body: () => T): T {
    const saved = this.fn;
    this.fn = new FnScope(info, saved, move, isAsync);
    try {
      return body();
    } finally {
      this.fn = saved;
    }
  }

  private pushBlock(): Scope {
    const scope: Scope = { slots: [] };
    this.fn!.blocks.push({ names: new Map(), scope });
    return scope;
  }
  private popBlock(): void {
    this.fn!.blocks.pop();
  }

  private bind(name: string): number {
    const f = this.fn!;
    const slot = f.info.slotCount++;
    f.info.slotNames.push(name);
    const top = f.blocks[f.blocks.length - 1]!;
    top.names.set(name, slot);
    top.scope.slots.push(slot);
    return slot;
  }

  /** Finds a local; for closures, creates captures on the way. */
  private lookup(name: string, fn: FnScope | null = this.fn): { depth: number; slot: number } | null {
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

  // ------------------------------------------------------------------------------------------ blocks, statements

  private block(b: Block, use: 'move' | 'ref'): boolean {
    b.scope = this.pushBlock();
    let sync = true;
    for (const s of b.stmts) {
      switch (s.k) {
        case 'let': {
          if (s.init) sync = this.expr(s.init, 'move') && sync;
          if (s.else) sync = this.block(s.else, 'move') && sync;
          this.pattern(s.pat);
          break;
        }
        case 'expr':
          sync = this.expr(s.expr, 'move') && sync;
          break;
        case 'item':
        case 'empty':
          break;
      }
    }
    if (b.tail) sync = this.expr(b.tail, use) && sync;
    this.popBlock();
    return sync;
  }

  private pattern(p: Pat): void {
    switch (p.k) {
      case 'bind':
        if (p.sub) this.pattern(p.sub);
        p.slot = this.bind(p.name);
        break;
      case 'tuple':
        p.items.forEach((q) => this.pattern(q));
        break;
      case 'tstruct':
        p.res = this.resolvePatPath(p.path, p.span);
        p.items.forEach((q) => this.pattern(q));
        break;
      case 'struct':
        p.res = this.resolvePatPath(p.path, p.span);
        p.fields.forEach((f) => this.pattern(f.pat));
        break;
      case 'ref':
        this.pattern(p.pat);
        break;
      case 'or': {
        // Every alternative must bind the same names to the same slots.
        const before = this.fn!.info.slotCount;
        this.pattern(p.alts[0]!);
        const top = this.fn!.blocks[this.fn!.blocks.length - 1]!;
        const bound = new Map([...top.names].filter(([, s]) => s >= before));
        for (const alt of p.alts.slice(1)) this.patternWithSlots(alt, bound);
        break;
      }
      case 'path':
        p.res = this.resolvePatPath(p.path, p.span);
        break;
      case 'wild':
      case 'rest':
      case 'lit':
      case 'range':
        break;
    }
  }

  /** An or-pattern alternative reuses the slots the first alternative bound. */
  private patternWithSlots(p: Pat, bound: Map<string, number>): void {
    switch (p.k) {
      case 'bind': {
        const slot = bound.get(p.name);
        if (slot === undefined)
          throw new CompileError(`variable \`${p.name}\` is not bound in all patterns`, p.span);
        p.slot = slot;
        if (p.sub) this.patternWithSlots(p.sub, bound);
        break;
      }
      case 'tuple':
        p.items.forEach((q) => this.patternWithSlots(q, bound));
        break;
      case 'tstruct':
        p.res = this.resolvePatPath(p.path, p.span);
        p.items.forEach((q) => this.patternWithSlots(q, bound));
        break;
      case 'struct':
        p.res = this.resolvePatPath(p.path, p.span);
        p.fields.forEach((f) => this.patternWithSlots(f.pat, bound));
        break;
      case 'ref':
        this.patternWithSlots(p.pat, bound);
        break;
      case 'or':
        p.alts.forEach((a) => this.patternWithSlots(a, bound));
        break;
      case 'path':
        p.res = this.resolvePatPath(p.path, p.span);
        break;
      default:
        break;
    }
  }

  private resolvePatPath(path: string[], sp: Span): PathRes {
    const last = path[path.length - 1]!;
    if (path.length === 1 && this.consts.has(last)) return { kind: 'const', item: this.consts.get(last)! };
    const structName = path.length === 1 && last === 'Self' ? this.selfTy : last;
    if (path.length === 1 && structName !== null && this.structs.has(structName))
      return { kind: 'struct', item: this.structs.get(structName)! };
    const variant = this.resolveVariant(path.map((s) => (s === 'Self' ? (this.selfTy ?? s) : s)));
    if (variant) return variant;
    const full = this.expandPath(path);
    const b = this.oracle.resolve(full);
    if (b) return { kind: 'builtin', name: b };
    throw new CompileError(`cannot find \`${path.join('::')}\` in this scope`, sp);
  }

  private resolveVariant(path: string[]): PathRes | null {
    let enumName: string | undefined;
    let variant: string | undefined;
    if (path.length >= 2) {
      enumName = path[path.length - 2] === 'Self' ? (this.selfTy ?? undefined) : path[path.length - 2];
      variant = path[path.length - 1];
    } else {
      const imported = this.imports.get(path[0]!);
      if (imported && imported.length >= 2) {
        enumName = imported[imported.length - 2];
        variant = imported[imported.length - 1];
      }
    }
    if (enumName === undefined || variant === undefined) return null;
    const e = this.enums.get(enumName);
    if (!e) return null;
    const v = e.variants.find((x) => x.name === variant);
    if (!v) return null;
    return {
      kind: 'variant',
      enumName: e.name,
      variant: v.name,
      arity: v.named ? 'struct' : (v.fields?.length ?? 0),
    };
  }

  /** Expands the first segment through `use` imports. */
  private expandPath(path: readonly string[]): string[] {
    const first = path[0]!;
    const imported = this.imports.get(first);
    if (imported) return [...imported, ...path.slice(1)];
    if (first === 'crate' || first === 'self') return path.slice(1);
    return [...path];
  }

  private resolveBuiltinPath(path: readonly string[]): string | null {
    const direct = this.oracle.resolve(this.expandPath(path));
    if (direct) return direct;
    for (const g of this.globs) {
      const b = this.oracle.resolve([...g, ...path]);
      if (b) return b;
    }
    return null;
  }

  // ------------------------------------------------------------------------------------------ expressions

  /**
   * Resolves an expression; `use` says whether its value is moved out ('move') or borrowed ('ref').
   * Returns whether the expression is `sync` (cannot suspend the future or block the thread).
   */
  private expr(e: Expr, use: 'move' | 'ref'): boolean {
    const sync = this.exprInner(e, use);
    (e as { sync?: boolean }).sync = sync;
    return sync;
  }

  private exprInner(e: Expr, use: 'move' | 'ref'): boolean {
    switch (e.k) {
      case 'lit':
        return true;
      case 'path':
        e.res = this.resolvePath(e.segs, e.span);
        e.use = use;
        return true;
      case 'unary':
        return this.expr(e.expr, 'ref');
      case 'ref':
        return this.expr(e.expr, 'ref');
      case 'binary': {
        // Resolve both sides before combining: a short-circuiting `&&` would leave the right side
        // unresolved whenever the left one is not sync (`f() + x`).
        const l = this.expr(e.left, 'ref');
        const r = this.expr(e.right, 'ref');
        return l && r;
      }
      case 'assign': {
        const v = this.expr(e.value, 'move');
        return this.expr(e.target, 'ref') && v;
      }
      case 'cast':
        return this.expr(e.expr, 'ref');
      case 'call': {
        let sync = true;
        let calleeSync = true;
        if (e.callee.k === 'path') {
          this.expr(e.callee, 'ref');
          const res = e.callee.res!;
          if (res.kind === 'builtin') calleeSync = this.oracle.pure(res.name);
          else if (res.kind === 'local') calleeSync = false;
          else if (res.kind === 'fn' || res.kind === 'method') calleeSync = res.item.async ? true : false;
          else if (res.kind === 'variant' && typeof res.arity === 'number' && res.arity !== e.args.length)
            // Nothing checks a variant's arity at run time: `E::A()` would build an `A` with no payload.
            throw new CompileError(
              `this enum variant takes ${res.arity} field(s) but ${e.args.length} were supplied`,
              e.span,
            );
        } else {
          this.expr(e.callee, 'ref');
          calleeSync = false;
        }
        for (const a of e.args) sync = this.expr(a, 'move') && sync;
        return sync && calleeSync;
      }
      case 'method': {
        let sync = this.expr(e.receiver, 'ref');
        for (const a of e.args) sync = this.expr(a, 'move') && sync;
        // Methods can run user code (user impls, closures passed in) or block (std Mutex::lock).
        return sync && PURE_METHODS.has(e.name) && !this.oracle.blockingMethods.has(e.name);
      }
      case 'field':
        return this.expr(e.expr, 'ref');
      case 'index': {
        const x = this.expr(e.expr, 'ref');
        const i = this.expr(e.index, 'ref');
        return x && i;
      }
      case 'range': {
        const a = e.from ? this.expr(e.from, 'move') : true;
        const b = e.to ? this.expr(e.to, 'move') : true;
        return a && b;
      }
      case 'block':
        if (e.label === null) return this.block(e.block, use);
        return this.jumpTarget(e.label, false, () => this.block(e.block, use));
      case 'if': {
        this.pushBlock();
        const c = this.cond(e.cond);
        const t = this.block(e.then, use);
        this.popBlock();
        const el = e.else ? this.expr(e.else, use) : true;
        return c && t && el;
      }
      case 'let':
        // Only reached through cond().
        throw new CompileError('`let` expressions are only allowed in `if` and `while` conditions', e.span);
      case 'match': {
        let sync = this.expr(e.scrutinee, 'ref');
        for (const arm of e.arms) sync = this.arm(arm, use) && sync;
        return sync;
      }
      case 'while': {
        e.scope = this.pushBlock();
        const c = this.cond(e.cond);
        const b = this.jumpTarget(e.label, true, () => this.block(e.body, 'move'));
        this.popBlock();
        return c && b;
      }
      case 'loop':
        return this.jumpTarget(e.label, true, () => this.block(e.body, 'move'));
      case 'for': {
        const it = this.expr(e.iter, 'move');
        e.scope = this.pushBlock();
        this.pattern(e.pat);
        const b = this.jumpTarget(e.label, true, () => this.block(e.body, 'move'));
        this.popBlock();
        return it && b;
      }
      case 'break':
        this.checkJump('break', e.label, e.span);
        return e.value ? this.expr(e.value, 'move') : true;
      case 'continue':
        this.checkJump('continue', e.label, e.span);
        return true;
      case 'return':
        return e.value ? this.expr(e.value, 'move') : true;
      case 'closure': {
        const info = newInfo('closure');
        e.fn = info;
        this.withFnScope(info, e.move, false, () => {
          this.pushBlock();
          for (const p of e.params) this.pattern(p.pat);
          this.expr(e.body, 'move');
          this.popBlock();
        });
        return true;
      }
      case 'async': {
        const line = lineOf(this.program.source, e.span.start);
        const info = newInfo(`AsyncBlock${line}Future`);
        this.asyncBlockCount++;
        e.fn = info;
        this.withFnScope(info, e.move, true, () => {
          this.block(e.block, 'move');
        });
        return true;
      }
      case 'await': {
        this.requireAsync(e.span, '.await');
        this.expr(e.expr, 'move');
        e.suspend = this.suspendPoint(e.span);
        return false;
      }
      case 'try':
        return this.expr(e.expr, 'move');
      case 'struct': {
        const name = e.path.length === 1 && e.path[0] === 'Self' ? this.selfTy : e.path[e.path.length - 1]!;
        if (name && this.structs.has(name) && e.path.length === 1)
          e.res = { kind: 'struct', item: this.structs.get(name)! };
        else {
          const v = this.resolveVariant(e.path.map((s) => (s === 'Self' ? (this.selfTy ?? s) : s)));
          if (!v) throw new CompileError(`cannot find struct \`${e.path.join('::')}\` in this scope`, e.span);
          e.res = v;
        }
        let sync = true;
        for (const f of e.fields) sync = this.expr(f.value, 'move') && sync;
        if (e.base) sync = this.expr(e.base, 'move') && sync;
        return sync;
      }
      case 'tuple':
      case 'array': {
        let sync = true;
        for (const x of e.items) sync = this.expr(x, 'move') && sync;
        return sync;
      }
      case 'repeat': {
        const v = this.expr(e.value, 'move');
        const n = this.expr(e.count, 'move');
        return v && n;
      }
      case 'fmt': {
        let sync = true;
        for (const a of e.args) sync = this.expr(a, 'ref') && sync;
        // A user `impl Display` runs user code while formatting.
        return sync;
      }
      case 'assert': {
        let sync = true;
        for (const a of e.args) sync = this.expr(a, 'ref') && sync;
        if (e.message) sync = this.expr(e.message, 'ref') && sync;
        return sync;
      }
      case 'matches': {
        const s = this.expr(e.expr, 'ref');
        e.scope = this.pushBlock();
        this.pattern(e.pat);
        const g = e.guard ? this.expr(e.guard, 'ref') : true;
        this.popBlock();
        return s && g;
      }
      case 'select': {
        this.requireAsync(e.span, 'select!');
        for (const b of e.branches) {
          this.expr(b.fut, 'move');
          if (b.guard) this.expr(b.guard, 'ref');
        }
        e.suspend = this.suspendPoint(e.span);
        for (const b of e.branches) {
          b.scope = this.pushBlock();
          this.pattern(b.pat);
          this.expr(b.body, use);
          this.popBlock();
        }
        if (e.else) this.expr(e.else, use);
        return false;
      }
      case 'join': {
        this.requireAsync(e.span, e.tryJoin ? 'try_join!' : 'join!');
        for (const f of e.futs) this.expr(f, 'move');
        e.suspend = this.suspendPoint(e.span);
        return false;
      }
      case 'pin':
        // `pin!(fut)` pins the binding in place (it shadows it with `Pin<&mut _>`): nothing moves.
        return this.expr(e.expr, e.expr.k === 'path' ? 'ref' : use);
    }
  }

  private arm(arm: MatchArm, use: 'move' | 'ref'): boolean {
    arm.scope = this.pushBlock();
    this.pattern(arm.pat);
    const g = arm.guard ? this.expr(arm.guard, 'ref') : true;
    const b = this.expr(arm.body, use);
    this.popBlock();
    return g && b;
  }

  /** An `if`/`while` condition; `let` patterns bind into the enclosing (already pushed) block. */
  private cond(c: Expr): boolean {
    if (c.k === 'let') {
      const s = this.expr(c.expr, 'ref');
      c.scope = this.fn!.blocks[this.fn!.blocks.length - 1]!.scope;
      this.pattern(c.pat);
      (c as { sync?: boolean }).sync = s;
      return s;
    }
    return this.expr(c, 'move');
  }

  /** Resolves the body of a loop or labelled block, which `break` (and, for loops, `continue`) may target. */
  private jumpTarget<T>(label: string | null, loop: boolean, body: () => T): T {
    const targets = this.fn!.jumpTargets;
    targets.push({ label, loop });
    try {
      return body();
    } finally {
      targets.pop();
    }
  }

  /**
   * A `break` or `continue` must have somewhere to go in its own function body (closures and async blocks
   * are bodies of their own), as rustc checks; the interpreter relies on it.
   */
  private checkJump(what: 'break' | 'continue', label: string | null, sp: Span): void {
    const targets = this.fn!.jumpTargets;
    if (label !== null) {
      let target: { label: string | null; loop: boolean } | undefined;
      for (let i = targets.length - 1; i >= 0 && !target; i--)
        if (targets[i]!.label === label) target = targets[i];
      if (!target) throw new CompileError(`use of undeclared label \`${label}\``, sp);
      if (what === 'continue' && !target.loop)
        throw new CompileError(
          `\`continue\` pointing to a labeled block`,
          sp,
          'labeled blocks cannot be `continue`d',
        );
      return;
    }
    const inner = targets[targets.length - 1];
    if (inner === undefined)
      throw new CompileError(
        what === 'break' ? '`break` outside of a loop or labeled block' : '`continue` outside of a loop',
        sp,
        this.fn!.parent
          ? 'a closure or async block is a body of its own: it cannot leave a loop around it'
          : undefined,
      );
    if (!inner.loop)
      throw new CompileError(
        `unlabeled \`${what}\` inside of a labeled block`,
        sp,
        `name the target: \`${what} ${inner.label}\``,
      );
  }

  private requireAsync(sp: Span, what: string): void {
    if (!this.fn!.isAsync)
      throw new CompileError(
        `\`${what}\` is only allowed inside \`async\` functions and blocks`,
        sp,
        'make the enclosing function `async fn`, or use an `async` block',
      );
  }

  private suspendPoint(sp: Span): number {
    const info = this.fn!.info;
    const live: number[] = [];
    for (const b of this.fn!.blocks) for (const s of b.scope.slots) live.push(s);
    for (const c of info.captures) if (!live.includes(c.slot)) live.push(c.slot);
    info.suspends.push({ span: sp, live: live.sort((a, b) => a - b) });
    return info.suspends.length - 1;
  }

  private resolvePath(segs: string[], sp: Span): PathRes {
    if (segs.length === 1) {
      const name = segs[0]!;
      const local = this.lookup(name);
      if (local) return { kind: 'local', depth: local.depth, slot: local.slot, name };
      if (name === 'self') throw new CompileError('`self` is only available in methods', sp);
      const f = this.fns.get(name);
      if (f) return { kind: 'fn', item: f };
      const c = this.consts.get(name);
      if (c) return { kind: 'const', item: c };
      const s = this.structs.get(name);
      if (s) return { kind: 'struct', item: s };
    }
    // `Type::method`, `Self::method`.
    if (segs.length === 2) {
      const ty = segs[0] === 'Self' ? this.selfTy : segs[0]!;
      if (ty !== null) {
        const m = this.methods.get(`${ty}::${segs[1]}`);
        if (m) return { kind: 'method', item: m, owner: ty };
      }
    }
    if (segs.length === 1 && segs[0] === 'Self' && this.selfTy && this.structs.has(this.selfTy))
      return { kind: 'struct', item: this.structs.get(this.selfTy)! };
    const variant = this.resolveVariant(segs.map((s) => (s === 'Self' ? (this.selfTy ?? s) : s)));
    if (variant) return variant;
    const builtin = this.resolveBuiltinPath(segs);
    if (builtin) return { kind: 'builtin', name: builtin };
    if (segs.length === 1) {
      if (PRELUDE_TYPES.has(segs[0]!)) throw new CompileError(`\`${segs[0]}\` is not a value`, sp);
      const similar = this.similarLocal(segs[0]!);
      throw new CompileError(
        `cannot find value \`${segs[0]}\` in this scope`,
        sp,
        similar ? `a local variable with a similar name exists: \`${similar}\`` : undefined,
      );
    }
    const root = this.expandPath(segs)[0]!;
    if (this.oracle.crates.has(root) || root === 'std' || root === 'tokio')
      throw new CompileError(
        `\`${segs.join('::')}\` is not supported by Pollscope`,
        sp,
        'see the README for the supported tokio and std API',
      );
    if (segs.length === 2 && this.structs.has(segs[0]!))
      throw new CompileError(`no function \`${segs[1]}\` found for struct \`${segs[0]}\``, sp);
    throw new CompileError(`cannot find \`${segs.join('::')}\` in this scope`, sp);
  }

  private similarLocal(name: string): string | null {
    const f = this.fn;
    if (!f) return null;
    for (const b of f.blocks) for (const n of b.names.keys()) if (editDistance(n, name) <= 1) return n;
    return null;
  }
}

/** Methods that can be evaluated without generators: no user code, no blocking, no futures polled. */
const PURE_METHODS = new Set([
  'len',
  'is_empty',
  'clone',
  'to_string',
  'to_owned',
  'as_str',
  'as_millis',
  'as_secs',
  'as_micros',
  'as_nanos',
  'as_secs_f64',
  'is_some',
  'is_none',
  'is_ok',
  'is_err',
  'unwrap_or',
  'push',
  'push_str',
  'contains',
  'abs',
  'min',
  'max',
  'pow',
  'wrapping_add',
  'wrapping_sub',
  'wrapping_mul',
  'saturating_sub',
  'saturating_add',
  'checked_add',
  'checked_sub',
  'to_uppercase',
  'to_lowercase',
  'trim',
  'starts_with',
  'ends_with',
  'get',
  'first',
  'last',
  'pop',
  'insert',
  'remove',
  'clear',
  'is_finished',
  'elapsed',
  'duration_since',
  'will_wake',
  'as_ref',
  'as_mut',
  'iter',
  'chars',
  'bytes',
  'rev',
  'sum',
  'count',
  'unwrap',
  'expect',
  'borrow',
  'is_cancelled',
  'is_panic',
  'fetch_add',
  'fetch_sub',
  'load',
  'store',
  'take',
  'split_whitespace',
  'lines',
  'is_closed',
  'capacity',
  'available_permits',
  'receiver_count',
  'sender_count',
  'swap',
  'sort',
  'reverse',
  'extend',
  'join',
  'contains_key',
  'keys',
  'values',
  'with_capacity',
  'checked_div',
  'as_bytes',
]);

function newInfo(futureName: string): FnInfo {
  return { slotCount: 0, slotNames: [], captures: [], suspends: [], futureName };
}

function constInfo(name: string): FnInfo {
  return newInfo(`const ${name}`);
}

function capitalize(s: string): string {
  return s
    .split('_')
    .map((p) => (p ? p[0]!.toUpperCase() + p.slice(1) : ''))
    .join('');
}

function lineOf(src: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < src.length; i++) if (src.charCodeAt(i) === 10) line++;
  return line;
}

function editDistance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 1) return 2;
  const dp = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 0; j <= b.length; j++) dp[0]![j] = j;
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++)
      dp[i]![j] = Math.min(
        dp[i - 1]![j]! + 1,
        dp[i]![j - 1]! + 1,
        dp[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
  return dp[a.length]![b.length]!;
}
