/**
 * Paths and patterns: `use` expansion, a path to a local, a user item (through modules, blocks, enums and
 * types), an associated item found at run time, or a builtin of the runtime API; and the slots a pattern
 * binds.
 */
import type { EnumItem, Pat, PathRes, Type, TypeRef } from '../ast';
import { CompileError, type Span } from '../diagnostics';
import type { ModScope } from './namespaces';
import { builtinTypeKey, isBuiltinTypeName, type ItemEntry, type UseEntry } from './namespaces';
import { PRELUDE_TYPES, ScopeResolver } from './scopes';

/** What a path names before it becomes a `PathRes`. */
export type Resolution =
  | { k: 'entry'; entry: ItemEntry }
  | { k: 'variant'; item: EnumItem; variant: EnumItem['variants'][number] }
  | { k: 'assoc'; ty: TypeRef; name: string }
  | { k: 'type'; ty: TypeRef }
  | { k: 'builtin'; path: string[] };

/** Std traits whose items a program may call through the trait's path (`Default::default()`). */
const STD_TRAIT_PATHS = new Set([
  'Default',
  'Clone',
  'ToString',
  'From',
  'Into',
  'PartialEq',
  'PartialOrd',
  'Ord',
  'Iterator',
  'FromStr',
  'Add',
  'Sub',
  'Mul',
  'Div',
  'Neg',
]);

export abstract class PathResolver extends ScopeResolver {
  /** `use` declarations being followed, so `use a::b; use b::a;` loops end. */
  private following = new Set<UseEntry>();

  // ------------------------------------------------------------------------------------ item namespaces

  /** A name as seen from `from`: its own items and imports, then those of the enclosing scopes. */
  protected lookupName(name: string, from: ModScope = this.scope): Resolution | null {
    for (let s: ModScope | null = from; s; s = s.parent) {
      const r = this.lookupIn(s, name);
      if (r) return r;
    }
    return null;
  }

  /** A name declared in, or imported into, exactly this scope. */
  protected lookupIn(s: ModScope, name: string): Resolution | null {
    const e = s.items.get(name);
    if (e) return { k: 'entry', entry: e };
    const u = s.uses.get(name);
    if (u) return this.followUse(u, s);
    for (const g of s.globs) {
      if (this.following.has(g)) continue;
      this.following.add(g);
      try {
        const target = this.resolveSegs(g.path, s);
        if (target?.k === 'entry' && target.entry.k === 'mod') {
          const r = this.lookupIn(target.entry.scope, name);
          if (r) return r;
        }
        if (target?.k === 'entry' && target.entry.k === 'enum') {
          const v = target.entry.item.variants.find((x) => x.name === name);
          if (v) return { k: 'variant', item: target.entry.item, variant: v };
        }
      } finally {
        this.following.delete(g);
      }
    }
    return null;
  }

  private followUse(u: UseEntry, s: ModScope): Resolution | null {
    if (this.following.has(u)) return null;
    this.following.add(u);
    try {
      return this.resolveSegs(u.path, s);
    } finally {
      this.following.delete(u);
    }
  }

  /** Resolves a whole path from `from`: null when a user module or type does not have the next segment. */
  protected resolveSegs(segs: readonly string[], from: ModScope = this.scope): Resolution | null {
    const first = segs[0]!;
    let cur: Resolution | null;
    if (first === 'crate') cur = { k: 'entry', entry: { k: 'mod', scope: from.root() } };
    else if (first === 'self' && segs.length > 1)
      cur = { k: 'entry', entry: { k: 'mod', scope: from.module() } };
    else if (first === 'super') {
      const parent = from.module().parent?.module();
      if (!parent) return null;
      cur = { k: 'entry', entry: { k: 'mod', scope: parent } };
    } else if (first === 'Self') cur = this.selfRef ? { k: 'type', ty: this.selfRef } : null;
    else if (this.typeParams.has(first)) cur = { k: 'type', ty: { k: 'param', name: first } };
    else cur = this.lookupName(first, from) ?? { k: 'builtin', path: [first] };
    for (let i = 1; i < segs.length && cur; i++) cur = this.step(cur, segs[i]!);
    return cur;
  }

  private step(cur: Resolution, seg: string): Resolution | null {
    switch (cur.k) {
      case 'builtin':
        return { k: 'builtin', path: [...cur.path, seg] };
      case 'type':
        return { k: 'assoc', ty: cur.ty, name: seg };
      case 'variant':
      case 'assoc':
        return null;
      case 'entry': {
        const e = cur.entry;
        switch (e.k) {
          case 'mod':
            if (seg === 'super') {
              const parent = e.scope.parent?.module();
              return parent ? { k: 'entry', entry: { k: 'mod', scope: parent } } : null;
            }
            return this.lookupIn(e.scope, seg);
          case 'enum': {
            const v = e.item.variants.find((x) => x.name === seg);
            if (v) return { k: 'variant', item: e.item, variant: v };
            return { k: 'assoc', ty: { k: 'key', key: e.item.key! }, name: seg };
          }
          case 'struct':
            return { k: 'assoc', ty: { k: 'key', key: e.item.key! }, name: seg };
          case 'trait':
            return { k: 'assoc', ty: { k: 'trait', trait: e.item.key! }, name: seg };
          case 'alias': {
            const target = this.aliasTarget(e);
            return target ? this.step(target, seg) : null;
          }
          default:
            return null;
        }
      }
    }
  }

  /** What a type alias stands for, resolved where the alias was declared. */
  private aliasTarget(e: Extract<ItemEntry, { k: 'alias' }>): Resolution | null {
    const ty = e.item.ty;
    if (ty.k === 'path') {
      const r = this.resolveSegs(ty.segs, e.scope);
      if (r?.k === 'builtin' || r?.k === 'entry' || r?.k === 'type') return r;
      return null;
    }
    const key = builtinTypeKey(ty);
    return key ? { k: 'type', ty: { k: 'key', key } } : null;
  }

  /**
   * The type a written type stands for, as impls are found by it: a user type's key, a builtin type's
   * name, a type parameter, or `Self`. Null for what has no impls of its own (`dyn Trait`, `impl Trait`).
   */
  protected typeRefOf(ty: Type, from: ModScope = this.scope): TypeRef | null {
    if (ty.k === 'path') {
      const r = this.resolveSegs(ty.segs, from);
      if (r?.k === 'entry') {
        const e = r.entry;
        if (e.k === 'struct' || e.k === 'enum') return { k: 'key', key: e.item.key! };
        if (e.k === 'alias') return this.typeRefOf(e.item.ty, e.scope);
        return null;
      }
      if (r?.k === 'type') return r.ty;
      const last = ty.segs[ty.segs.length - 1]!;
      if (r?.k === 'builtin' && isBuiltinTypeName(last)) return { k: 'key', key: last };
      return null;
    }
    if (ty.k === 'ref') return this.typeRefOf(ty.ty, from);
    const key = builtinTypeKey(ty);
    return key ? { k: 'key', key } : null;
  }

  // ------------------------------------------------------------------------------------ patterns

  protected pattern(p: Pat): void {
    switch (p.k) {
      case 'bind':
        if (p.sub) this.pattern(p.sub);
        p.slot = this.bind(p.name);
        break;
      case 'tuple':
      case 'slice':
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
      case 'slice':
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
    const r = this.resolveSegs(path);
    if (r?.k === 'entry') {
      const e = r.entry;
      if (e.k === 'const') return { kind: 'const', item: e.item };
      if (e.k === 'struct') return { kind: 'struct', item: e.item };
    }
    if (r?.k === 'variant') return variantRes(r.item, r.variant);
    if (r?.k === 'type' && r.ty.k === 'key' && this.structs.has(r.ty.key))
      return { kind: 'struct', item: this.structs.get(r.ty.key)! };
    if (r?.k === 'assoc') return { kind: 'assoc', ty: r.ty, name: r.name, trait: null };
    if (r?.k === 'builtin') {
      const b = this.resolveBuiltinPath(r.path);
      if (b) return { kind: 'builtin', name: b };
    }
    throw new CompileError(`cannot find \`${path.join('::')}\` in this scope`, sp);
  }

  /** A struct literal's path: a struct, `Self`, or a struct-like enum variant. */
  protected resolveStructPath(path: string[]): PathRes | null {
    const r = this.resolveSegs(path);
    if (r?.k === 'entry' && r.entry.k === 'struct') return { kind: 'struct', item: r.entry.item };
    if (r?.k === 'entry' && r.entry.k === 'alias') {
      const t = this.typeRefOf(r.entry.item.ty, r.entry.scope);
      if (t?.k === 'key' && this.structs.has(t.key))
        return { kind: 'struct', item: this.structs.get(t.key)! };
    }
    if (r?.k === 'type' && r.ty.k === 'key' && this.structs.has(r.ty.key))
      return { kind: 'struct', item: this.structs.get(r.ty.key)! };
    if (r?.k === 'variant') return variantRes(r.item, r.variant);
    return null;
  }

  // ------------------------------------------------------------------------------------ expression paths

  /** A builtin path: as written (after `use` expansion), or under a glob import of a builtin module. */
  private resolveBuiltinPath(path: readonly string[]): string | null {
    const direct = this.oracle.resolve(path);
    if (direct) return direct;
    for (let s: ModScope | null = this.scope; s; s = s.parent)
      for (const g of s.globs) {
        const b = this.oracle.resolve([...g.path, ...path]);
        if (b) return b;
      }
    return null;
  }

  protected resolvePath(segs: string[], sp: Span, qtrait: string | null = null): PathRes {
    if (segs.length === 1) {
      const name = segs[0]!;
      const local = this.lookup(name);
      if (local) return { kind: 'local', depth: local.depth, slot: local.slot, name };
      if (name === 'self') throw new CompileError('`self` is only available in methods', sp);
    }
    const r = this.resolveSegs(segs);
    if (r?.k === 'entry') {
      const e = r.entry;
      switch (e.k) {
        case 'fn':
          return { kind: 'fn', item: e.item };
        case 'const':
          return { kind: 'const', item: e.item };
        case 'struct':
          return { kind: 'struct', item: e.item };
        default:
          throw new CompileError(`expected a value, found the ${entryKind(e)} \`${segs.join('::')}\``, sp);
      }
    }
    if (r?.k === 'variant') return variantRes(r.item, r.variant);
    if (r?.k === 'type') {
      if (r.ty.k === 'key' && this.structs.has(r.ty.key))
        return { kind: 'struct', item: this.structs.get(r.ty.key)! };
      throw new CompileError(`\`${segs.join('::')}\` is a type, not a value`, sp);
    }
    if (r?.k === 'assoc') return this.assocRes(r.ty, r.name, qtrait, segs, sp);
    if (r?.k === 'builtin') {
      const builtin = this.resolveBuiltinPath(r.path);
      if (builtin) return { kind: 'builtin', name: builtin };
      // A program's own trait implemented for a builtin type: `i32::describe(&5)`, `<u8 as Tr>::X`.
      if (segs.length === 2 && isBuiltinTypeName(segs[0]!) && this.anyImplProvides(segs[1]!))
        return { kind: 'assoc', ty: { k: 'key', key: segs[0]! }, name: segs[1]!, trait: qtrait };
      // A std trait's item called through the trait (`Default::default()`, `Clone::clone(&x)`): the type
      // is the first argument's, or the one the program expects (`let c: Config = Default::default()`).
      const trait = r.path[r.path.length - 2];
      if (
        trait !== undefined &&
        STD_TRAIT_PATHS.has(trait) &&
        (r.path.length === 2 || r.path[0] === 'std' || r.path[0] === 'core')
      )
        return { kind: 'assoc', ty: { k: 'trait', trait }, name: r.path[r.path.length - 1]!, trait };
    }
    if (segs.length === 1) {
      if (PRELUDE_TYPES.has(segs[0]!)) throw new CompileError(`\`${segs[0]}\` is not a value`, sp);
      const similar = this.similarLocal(segs[0]!);
      throw new CompileError(
        `cannot find value \`${segs[0]}\` in this scope`,
        sp,
        similar ? `a local variable with a similar name exists: \`${similar}\`` : undefined,
      );
    }
    const root = r?.k === 'builtin' ? r.path[0]! : segs[0]!;
    if (this.oracle.crates.has(root) || root === 'std' || root === 'tokio')
      throw new CompileError(
        `\`${segs.join('::')}\` is not supported by Pollscope yet`,
        sp,
        'see docs/supported.md for the std and tokio API Pollscope supports',
      );
    // `futures::task::noop_waker()`, `mem::swap(..)` without a `use`: rustc's words, and what is available.
    if (r?.k === 'builtin' && segs.length > 1 && /^[a-z_][a-z0-9_]*$/.test(root) && !isBuiltinTypeName(root))
      throw new CompileError(
        `failed to resolve: use of undeclared crate or module \`${root}\``,
        sp,
        `the crates Pollscope provides are ${[...this.oracle.crates].join(', ')} (see docs/supported.md)`,
      );
    throw new CompileError(`cannot find \`${segs.join('::')}\` in this scope`, sp);
  }

  /** `Type::item`: an inherent method now, or an item of a trait impl chosen at run time. */
  private assocRes(ty: TypeRef, name: string, qtrait: string | null, segs: string[], sp: Span): PathRes {
    if (ty.k === 'key') {
      const m = this.methods.get(`${ty.key}::${name}`);
      if (m && qtrait === null) return { kind: 'method', item: m, owner: ty.key };
      if (!this.typeProvides(ty.key, name)) {
        const what = this.structs.has(ty.key) ? 'struct' : this.enums.has(ty.key) ? 'enum' : 'type';
        throw new CompileError(
          `no function or associated item named \`${name}\` found for ${what} \`${segs.slice(0, -1).join('::')}\``,
          sp,
        );
      }
    }
    if (ty.k === 'param') {
      // The item is found through the type the parameter stands for in each call.
      let f = this.fn;
      while (f?.parent) f = f.parent;
      if (f) f.info.typeArgs = true;
    }
    if (ty.k === 'trait' && !this.traitProvides(ty.trait, name))
      throw new CompileError(`cannot find \`${name}\` in trait \`${segs.slice(0, -1).join('::')}\``, sp);
    return { kind: 'assoc', ty, name, trait: qtrait };
  }

  /** Whether some impl of the type with this key (or a trait it implements, or a blanket impl) has `name`. */
  protected typeProvides(key: string, name: string): boolean {
    if (this.methods.has(`${key}::${name}`)) return true;
    const def = this.structs.get(key) ?? this.enums.get(key);
    if (def && def.derives.some((d) => DERIVED_ITEMS[d]?.includes(name))) return true;
    // Methods of std traits every type reaches (`Type::to_string(&x)`, `Type::clone(&x)`).
    if (UNIVERSAL_ITEMS.has(name)) return true;
    for (const r of this.impls) {
      if (r.selfKey !== key && r.blanket === null) continue;
      if (r.item.fns.some((f) => f.name === name) || r.item.consts.some((c) => c.name === name)) return true;
      if (r.trait && this.traitProvides(r.trait.key!, name)) return true;
      // A std trait's default items (`Default::default`, `From::from` on a blanket impl) are the program's.
      if (r.trait === null && r.traitKey !== null) return true;
    }
    return false;
  }

  protected traitProvides(traitKey: string, name: string, seen = new Set<string>()): boolean {
    const t = this.traits.get(traitKey);
    if (!t || seen.has(traitKey)) return false;
    seen.add(traitKey);
    if (t.fns.some((f) => f.name === name) || t.required.some((f) => f.name === name)) return true;
    if (t.consts.some((c) => c.name === name)) return true;
    return t.supers.some((s) => {
      const r = s.k === 'path' ? this.resolveSegs(s.segs) : null;
      return r?.k === 'entry' && r.entry.k === 'trait' && this.traitProvides(r.entry.item.key!, name, seen);
    });
  }

  protected anyImplProvides(name: string): boolean {
    return this.impls.some(
      (r) =>
        r.item.fns.some((f) => f.name === name) ||
        (r.trait !== null && this.traitProvides(r.trait.key!, name)),
    );
  }
}

/** What a `#[derive(..)]` gives a type, by trait. */
const DERIVED_ITEMS: Record<string, string[]> = {
  Default: ['default'],
  Clone: ['clone', 'clone_from'],
  PartialEq: ['eq', 'ne'],
  PartialOrd: ['partial_cmp', 'lt', 'le', 'gt', 'ge'],
  Ord: ['cmp', 'max', 'min', 'clamp'],
  Debug: ['fmt'],
  Hash: ['hash'],
};

const UNIVERSAL_ITEMS = new Set(['to_string', 'to_owned', 'into', 'try_into', 'from', 'try_from']);

export function variantRes(item: EnumItem, v: EnumItem['variants'][number]): PathRes {
  return {
    kind: 'variant',
    enumName: item.name,
    enumKey: item.key!,
    variant: v.name,
    arity: v.named ? 'struct' : (v.fields?.length ?? 0),
  };
}

function entryKind(e: ItemEntry): string {
  switch (e.k) {
    case 'mod':
      return 'module';
    case 'alias':
      return 'type alias';
    default:
      return e.k;
  }
}
