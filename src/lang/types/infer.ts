/**
 * The numeric type pass: infers the type of every expression of a resolved program the way rustc does for
 * the primitives, and annotates each expression whose value is an integer or a float with its kind
 * (`Expr.nk`, kinds.ts) — an arithmetic operator with the kind it computes in, a cast with its target, a
 * literal with its type, a method call with its result. The interpreter reads `nk` and does no type work
 * at run time. `nk` absent (or 0) means unknown: exact arithmetic without overflow checks.
 *
 * Every function, method, closure and async block is inferred with its written signature; integer
 * variables nothing fixes become `i32` (rustc's fallback) unless they met code the pass cannot see (then
 * they stay unknown: see ty.ts).
 */
import type { Expr, FnItem } from '../ast';
import type { ResolvedProgram } from '../resolver/scopes';
import { constInfo } from '../resolver/scopes';
import { ExprInfer } from './expressions';
import { UNKNOWN, type Ty } from './ty';

export interface NumericTypes {
  /** Unifications that failed: a rule of the pass that does not match rustc (none for a compiled program). */
  mismatches: string[];
}

/** Annotates `prog`'s expressions with their numeric kinds (`Expr.nk`). */
export function inferNumericKinds(prog: ResolvedProgram): NumericTypes {
  return new NumericInfer(prog).run();
}

/** Containers whose element kind an expression's `nk` reports (`Option<u8>` → u8, for `parse` and `{:x?}`). */
const ELEMENT_OF = new Set(['Option', 'Result', 'Vec', 'VecDeque', 'Range', 'Iter']);

class NumericInfer extends ExprInfer {
  run(): NumericTypes {
    for (const f of this.prog.fns.values()) this.fnBody(f);
    const methods = new Set(this.prog.methods.values());
    for (const m of methods) this.fnBody(m);
    // Methods of trait impls (`impl Iterator for Fib { fn next(&mut self) .. }`) are not in `methods`.
    for (const r of this.prog.impls)
      for (const f of r.item.fns)
        if (!methods.has(f)) {
          methods.add(f);
          this.fnBody(f);
        }
    for (const c of this.prog.consts.values()) {
      this.withFrame(constInfo(c.name), UNKNOWN, () =>
        this.solver.unify(this.typeOf(c.ty), this.expr(c.value, this.typeOf(c.ty)), `const ${c.name}`),
      );
    }
    this.settleCollects();
    this.annotate();
    return { mismatches: this.solver.mismatches };
  }

  private fnBody(f: FnItem): void {
    if (!f.info) return;
    const saved = this.selfTy;
    this.selfTy = f.owner;
    try {
      const ret = this.typeOf(f.ret);
      this.withFrame(f.info, ret, () => {
        if (f.selfMode !== null)
          this.solver.unify(this.slotTy(0, 0), f.owner ? this.namedType(f.owner) : UNKNOWN, 'self');
        for (const p of f.params) this.pat(p.pat, this.typeOf(p.ty));
        this.solver.unify(ret, this.block(f.body), `fn ${f.name}`);
      });
    } finally {
      this.selfTy = saved;
    }
  }

  /**
   * `collect()` targets and `IntoIter` / `IntoFuture` arguments that became known later; what is still
   * unknown at the end is tainted.
   */
  private settleCollects(): void {
    for (let progress = true; progress;) {
      progress = this.settleProjections();
      for (let i = this.pendingCollects.length - 1; i >= 0; i--) {
        const c = this.pendingCollects[i]!;
        if (this.collectInto(c.into, c.item)) {
          this.pendingCollects.splice(i, 1);
          progress = true;
        }
      }
    }
    for (const c of this.pendingCollects) {
      this.solver.taint(c.into);
      this.solver.taint(c.item);
    }
    for (const p of this.projections) this.solver.taint(p.to);
  }

  private annotate(): void {
    for (const { e, ty } of this.typed) {
      const k = this.nodeKind(ty);
      const node = e as Expr & { nk?: number };
      if (k) node.nk = k;
      else delete node.nk;
    }
  }

  private nodeKind(ty: Ty): number {
    const s = this.solver;
    const t = s.shallow(ty);
    if (t.t === 'con' && ELEMENT_OF.has(t.name) && t.args[0]) return s.kindOf(t.args[0]);
    return s.kindOf(t);
  }
}
