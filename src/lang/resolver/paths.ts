/**
 * Paths and patterns: `use` expansion, a path to a local, a user item, an enum variant or a builtin of the
 * runtime API, and the slots a pattern binds.
 */
import type { Pat, PathRes } from '../ast';
import { CompileError, type Span } from '../diagnostics';
import { PRELUDE_TYPES, ScopeResolver } from './scopes';

export abstract class PathResolver extends ScopeResolver {
  protected pattern(p: Pat): void {
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

  protected resolveVariant(path: string[]): PathRes | null {
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

  protected resolvePath(segs: string[], sp: Span): PathRes {
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
}
