/**
 * Items: declaring them in their module or block (`namespaces.ts`), registering impls by the key of their
 * self type, then resolving each function body, constant and trait default method in its scope.
 */
import type { Block, ConstItem, FnItem, ImplItem, Item, TraitItem } from '../ast';
import { CompileError, type Span } from '../diagnostics';
import { collectAliases } from '../aliases';
import { annotateExpectedTypes } from './expected-types';
import { ExprResolver } from './expressions';
import { ModScope } from './namespaces';
import type { ImplRecord, ResolvedProgram } from './scopes';
import { capitalize, constInfo, newInfo } from './scopes';

/**
 * The std traits a program may implement. Each is honoured where Rust uses it (formatting, operators,
 * comparisons, conversions, `?`, iteration, drops, `.await`); any other std trait is refused before the run.
 */
export const STD_TRAITS = new Set([
  'Future',
  // std::task::Wake and futures' ArcWake: a program's own waker (sim/builtins/exec/user-waker.ts).
  'Wake',
  'ArcWake',
  'Iterator',
  'Drop',
  'Display',
  'Debug',
  'Default',
  'Clone',
  'Copy',
  'PartialEq',
  'Eq',
  'PartialOrd',
  'Ord',
  'Hash',
  'Error',
  'From',
  'TryFrom',
  'Deref',
  'AsRef',
  'Send',
  'Sync',
  'Unpin',
  // futures_core::Stream (tokio_stream re-exports it): builtins/futures gives such a type `StreamExt`.
  'Stream',
  // core::ops, run by the operators (sim/interp/user-ops.ts).
  ...['Add', 'Sub', 'Mul', 'Div', 'Rem', 'BitAnd', 'BitOr', 'BitXor', 'Shl', 'Shr'].flatMap((t) => [
    t,
    `${t}Assign`,
  ]),
  'Neg',
  'Not',
  'Index',
  'IndexMut',
  // Static fns that std calls: `str::parse`, `Iterator::sum` / `product` (builtins/std/convert.ts).
  'FromStr',
  'Sum',
  'Product',
  // `for x in value` / `for x in &value` through the program's impl (interp/iterate.ts).
  'IntoIterator',
]);

export abstract class ItemResolver extends ExprResolver {
  /** Impls declared but not registered yet (their self type may be declared after them). */
  private pendingImpls: { item: ImplItem; scope: ModScope }[] = [];

  private blockCount = 0;

  run(): ResolvedProgram {
    this.declare(this.program.items, this.root);
    this.finishDeclaring();
    const main = this.root.items.get('main');
    if (!main || main.k !== 'fn')
      throw new CompileError(
        'this program has no `main` function',
        { start: 0, end: 0 },
        'add `#[tokio::main] async fn main() { .. }`',
      );
    this.resolveBodies(this.root);
    annotateExpectedTypes(this.program.items, this.structs, collectAliases(this.program));
    return {
      program: this.program,
      fns: this.fns,
      structs: this.structs,
      enums: this.enums,
      consts: this.consts,
      traits: this.traits,
      methods: this.methods,
      impls: this.impls,
      futureImpls: this.futureImpls,
      dropImpls: this.dropImpls,
      main: main.item,
    };
  }

  /** The items of a block get a scope of their own, declared and resolved before the block's statements. */
  protected enterItemBlock(b: Block): ModScope | null {
    const items = b.stmts.flatMap((s) => (s.k === 'item' ? [s.item] : []));
    if (items.length === 0) return null;
    const scope = new ModScope(this.scope, [...this.scope.path, `{${++this.blockCount}}`], false);
    this.declare(items, scope);
    this.finishDeclaring();
    // Items see neither the enclosing function's locals nor its generics.
    const saved = { fn: this.fn, selfRef: this.selfRef, typeParams: this.typeParams };
    this.fn = null;
    this.selfRef = null;
    this.typeParams = new Set();
    try {
      this.resolveBodies(scope);
    } finally {
      this.fn = saved.fn;
      this.selfRef = saved.selfRef;
      this.typeParams = saved.typeParams;
    }
    return scope;
  }

  private declare(items: Item[], scope: ModScope): void {
    for (const item of items) {
      switch (item.k) {
        case 'fn':
        case 'struct':
        case 'enum':
        case 'const':
        case 'trait': {
          this.declareName(scope, item.name, item.k === 'fn' ? item.nameSpan : item.span);
          item.key = scope.keyOf(item.name);
          if (item.k === 'fn') {
            scope.items.set(item.name, { k: 'fn', item });
            this.fns.set(item.key, item);
          } else if (item.k === 'struct') {
            scope.items.set(item.name, { k: 'struct', item });
            this.structs.set(item.key, item);
          } else if (item.k === 'enum') {
            scope.items.set(item.name, { k: 'enum', item });
            this.enums.set(item.key, item);
          } else if (item.k === 'const') {
            scope.items.set(item.name, { k: 'const', item });
            this.consts.set(item.key, item);
          } else {
            scope.items.set(item.name, { k: 'trait', item });
            this.traits.set(item.key, item);
          }
          break;
        }
        case 'type':
          this.declareName(scope, item.name, item.span);
          scope.items.set(item.name, { k: 'alias', item, scope });
          break;
        case 'mod': {
          this.declareName(scope, item.name, item.span);
          const inner = new ModScope(scope, [...scope.path, item.name], true);
          scope.items.set(item.name, { k: 'mod', scope: inner });
          this.declare(item.items, inner);
          break;
        }
        case 'impl':
          this.pendingImpls.push({ item, scope });
          break;
        case 'use':
          for (const p of item.paths) {
            if (p.alias === '*') scope.globs.push({ path: p.path.slice(0, -1), span: p.span });
            else if (p.alias !== '_') scope.uses.set(p.alias, { path: p.path, span: p.span });
          }
          break;
      }
    }
  }

  private declareName(scope: ModScope, name: string, sp: Span): void {
    if (scope.items.has(name)) throw new CompileError(`the name \`${name}\` is defined more than once`, sp);
  }

  /** After a module tree or a block is declared: every `use` must name something, impls get their keys. */
  private finishDeclaring(): void {
    const pending = this.pendingImpls;
    this.pendingImpls = [];
    for (const { item, scope } of pending) this.registerImpl(item, scope);
  }

  private checkUses(scope: ModScope): void {
    const check = (path: string[], sp: Span) => {
      const root = path[0]!;
      if (root === 'crate' || root === 'self' || root === 'super' || this.oracle.crates.has(root)) return;
      if (this.lookupName(root, scope)) return;
      throw new CompileError(
        `the crate \`${root}\` is not available in Pollscope`,
        sp,
        `the crates a program can use: ${[...this.oracle.crates].map((c) => `\`${c}\``).join(', ')}`,
      );
    };
    for (const u of scope.uses.values()) check(u.path, u.span);
    for (const g of scope.globs) check(g.path, g.span);
  }

  private registerImpl(item: ImplItem, scope: ModScope): void {
    const savedScope = this.scope;
    const savedParams = this.typeParams;
    this.scope = scope;
    this.typeParams = new Set(item.generics.map((g) => g.name));
    try {
      const self = this.typeRefOf(item.selfType);
      const blanket = self?.k === 'param' ? (item.generics.find((g) => g.name === self.name) ?? null) : null;
      const selfKey = self?.k === 'key' ? self.key : null;
      if (selfKey === null && blanket === null)
        throw new CompileError(
          `\`impl\` for \`${item.selfTy}\` is not supported by Pollscope yet`,
          item.span,
          'implement for a struct, an enum, a builtin type or every `T` with bounds',
        );
      let trait: TraitItem | null = null;
      let traitKey: string | null = null;
      if (item.traitType && item.traitType.k === 'path') {
        const r = this.resolveSegs(item.traitType.segs);
        if (r?.k === 'entry' && r.entry.k === 'trait') {
          trait = r.entry.item;
          traitKey = trait.key!;
        } else {
          traitKey = item.trait!;
          if (!STD_TRAITS.has(traitKey))
            throw new CompileError(
              `\`impl ${traitKey} for ${item.selfTy}\` is not supported by Pollscope yet`,
              item.span,
              `the std traits a program can implement: ${[...STD_TRAITS].join(', ')}`,
            );
        }
      }
      const traitArgs =
        item.traitType?.k === 'path'
          ? item.traitType.args.map((a) => {
              const t = this.typeRefOf(a);
              return t?.k === 'key' ? t.key : null;
            })
          : [];
      const record: ImplRecord = { item, selfKey, blanket, traitKey, trait, traitArgs };
      this.impls.push(record);
      this.implScope.set(item, scope);
      if (selfKey !== null && traitKey === null) {
        for (const f of item.fns) {
          const key = `${selfKey}::${f.name}`;
          if (this.methods.has(key))
            throw new CompileError(`duplicate definitions with name \`${f.name}\``, f.nameSpan);
          this.methods.set(key, f);
        }
      }
      if (traitKey === 'Future' && trait === null) {
        if (selfKey === null) throw new CompileError('`impl Future` needs a concrete type', item.span);
        this.futureImpls.add(selfKey);
        if (!item.fns.some((f) => f.name === 'poll'))
          throw new CompileError('`impl Future` needs a `poll` method', item.span);
      }
      if (traitKey === 'Drop' && trait === null && selfKey !== null) this.dropImpls.add(selfKey);
    } finally {
      this.scope = savedScope;
      this.typeParams = savedParams;
    }
  }

  /** Resolves the bodies declared in a scope (and, for modules, in the modules inside it). */
  private resolveBodies(scope: ModScope): void {
    this.checkUses(scope);
    const saved = this.scope;
    this.scope = scope;
    try {
      for (const e of scope.items.values()) {
        if (e.k === 'fn') this.resolveFn(e.item, null);
        else if (e.k === 'const') this.resolveConst(e.item);
        else if (e.k === 'trait') this.resolveTrait(e.item);
        else if (e.k === 'enum')
          for (const v of e.item.variants)
            if (v.disc) {
              const disc = v.disc;
              this.withFnScope(constInfo(v.name), false, false, () => this.expr(disc, 'move'));
            }
      }
      for (const r of this.impls) if (this.implScope.get(r.item) === scope) this.resolveImpl(r);
    } finally {
      this.scope = saved;
    }
    for (const e of scope.items.values()) if (e.k === 'mod') this.resolveBodies(e.scope);
  }

  /** Which scope resolves each impl's bodies: the scope it was declared in. */
  private readonly implScope = new Map<ImplItem, ModScope>();

  private resolveImpl(r: ImplRecord): void {
    const savedSelf = this.selfRef;
    const savedParams = this.typeParams;
    this.selfRef = r.selfKey !== null ? { k: 'key', key: r.selfKey } : { k: 'self' };
    this.typeParams = new Set(r.item.generics.map((g) => g.name));
    if (r.blanket) this.typeParams.delete(r.blanket.name);
    try {
      for (const c of r.item.consts) this.resolveConst(c);
      for (const f of r.item.fns) this.resolveFn(f, r.item.selfTy);
    } finally {
      this.selfRef = savedSelf;
      this.typeParams = savedParams;
    }
  }

  private resolveTrait(t: TraitItem): void {
    const savedSelf = this.selfRef;
    const savedParams = this.typeParams;
    this.selfRef = { k: 'self' };
    this.typeParams = new Set(t.generics.map((g) => g.name));
    try {
      for (const c of t.consts)
        if (c.value) {
          const value = c.value;
          this.withFnScope(constInfo(c.name), false, false, () => this.expr(value, 'move'));
        }
      for (const f of t.fns) this.resolveFn(f, t.name);
    } finally {
      this.selfRef = savedSelf;
      this.typeParams = savedParams;
    }
  }

  private resolveConst(c: ConstItem): void {
    this.withFnScope(constInfo(c.name), false, false, () => this.expr(c.value, 'move'));
  }

  private resolveFn(f: FnItem, owner: string | null): void {
    const info = newInfo(owner ? `${owner}${capitalize(f.name)}Future` : `${capitalize(f.name)}Future`);
    f.info = info;
    const savedParams = this.typeParams;
    const savedRet = this.retTy;
    this.typeParams = new Set([...savedParams, ...f.generics.map((g) => g.name)]);
    this.retTy = f.ret;
    try {
      this.withFnScope(info, false, f.async, () => {
        this.pushBlock();
        if (f.selfMode !== null) this.bind('self');
        for (const p of f.params) this.pattern(p.pat);
        this.block(f.body, 'move');
        this.popBlock();
      });
    } finally {
      this.typeParams = savedParams;
      this.retTy = savedRet;
    }
  }
}
