/**
 * Patterns: a pattern matched against a value of type `t` gives its bindings their types (`Some(n)` against
 * an `Option<u64>` makes `n` a `u64`), and its literals the scrutinee's type.
 */
import type { Lit, Pat } from '../ast';
import { numKindOf } from './kinds';
import { InferContext } from './context';
import { BOOL, CHAR, con, num, STR, UNKNOWN, type Ty } from './ty';

export abstract class PatInfer extends InferContext {
  protected litType(l: Lit): Ty {
    switch (l.t) {
      case 'int': {
        const k = numKindOf(l.suffix);
        return k ? num(k) : this.solver.freshInt();
      }
      case 'float': {
        const k = numKindOf(l.suffix);
        return k ? num(k) : this.solver.freshFloat();
      }
      case 'str':
        return STR;
      case 'bytestr':
        return con('Vec', [num(numKindOf('u8'))]);
      case 'bool':
        return BOOL;
      case 'char':
        return CHAR;
    }
  }

  protected pat(p: Pat, t: Ty): void {
    const s = this.solver;
    switch (p.k) {
      case 'wild':
      case 'rest':
        return;
      case 'bind':
        s.unify(this.slotTy(0, p.slot), t, 'binding');
        if (p.sub) this.pat(p.sub, t);
        return;
      case 'lit':
        s.unify(this.litType(p.value), t, 'literal pattern');
        return;
      case 'range':
        if (p.lo) s.unify(this.litType(p.lo), t, 'range pattern');
        if (p.hi) s.unify(this.litType(p.hi), t, 'range pattern');
        return;
      case 'ref':
        return this.pat(p.pat, t);
      case 'or':
        for (const a of p.alts) this.pat(a, t);
        return;
      case 'tuple':
        return this.items(p.items, t);
      case 'tstruct':
        return this.tupleStruct(p, t);
      case 'struct':
        return this.structPat(p, t);
      case 'path':
        return this.pathPat(p, t);
    }
  }

  /** `(a, b, ..)`: without a `..`, the scrutinee is a tuple of exactly these items. */
  private items(items: Pat[], t: Ty): void {
    const s = this.solver;
    const hasRest = items.some((q) => q.k === 'rest');
    let r = s.shallow(t);
    if (!hasRest && r.t === 'var') {
      const tuple = con(
        'tuple',
        items.map(() => s.fresh()),
      );
      s.unify(r, tuple, 'tuple pattern');
      r = tuple;
    }
    if (r.t === 'con' && r.name === 'tuple') {
      if (!hasRest) items.forEach((q, i) => this.pat(q, r.args[i] ?? UNKNOWN));
      else {
        const at = items.findIndex((q) => q.k === 'rest');
        items.forEach((q, i) => {
          const j = i < at ? i : r.args.length - (items.length - i);
          this.pat(q, r.args[j] ?? UNKNOWN);
        });
      }
      return;
    }
    for (const q of items) this.pat(q, UNKNOWN);
  }

  private tupleStruct(p: Extract<Pat, { k: 'tstruct' }>, t: Ty): void {
    const s = this.solver;
    const res = p.res;
    const payload = (types: Ty[]) => p.items.forEach((q, i) => this.pat(q, types[i] ?? UNKNOWN));
    if (res?.kind === 'builtin') {
      const env = new Map<string, Ty>();
      let whole: Ty | null = null;
      let inner: Ty[] = [];
      if (res.name === 'Some') {
        const a = s.fresh();
        whole = con('Option', [a]);
        inner = [a];
      } else if (res.name === 'Ok' || res.name === 'Err') {
        const a = s.fresh();
        const b = s.fresh();
        whole = con('Result', [a, b]);
        inner = [res.name === 'Ok' ? a : b];
      }
      void env;
      if (whole) {
        s.unify(whole, t, 'pattern');
        return payload(inner);
      }
      return payload([]);
    }
    if (res?.kind === 'variant') {
      s.unify({ t: 'adt', name: res.enumName }, t, 'variant pattern');
      const v = this.prog.enums.get(res.enumName)?.variants.find((x) => x.name === res.variant);
      return payload((v?.fields ?? []).map((f) => this.typeOf(f)));
    }
    if (res?.kind === 'struct') {
      s.unify({ t: 'adt', name: res.item.name }, t, 'struct pattern');
      return payload(res.item.fields.map((f) => this.typeOf(f.ty)));
    }
    payload([]);
  }

  private structPat(p: Extract<Pat, { k: 'struct' }>, t: Ty): void {
    const res = p.res;
    let fields: { name: string; ty: Ty }[] = [];
    if (res?.kind === 'struct') {
      this.solver.unify({ t: 'adt', name: res.item.name }, t, 'struct pattern');
      fields = res.item.fields.map((f) => ({ name: f.name, ty: this.typeOf(f.ty) }));
    } else if (res?.kind === 'variant') {
      this.solver.unify({ t: 'adt', name: res.enumName }, t, 'variant pattern');
      const v = this.prog.enums.get(res.enumName)?.variants.find((x) => x.name === res.variant);
      if (v?.named && v.fields) fields = v.named.map((n, i) => ({ name: n, ty: this.typeOf(v.fields![i]!) }));
    }
    for (const f of p.fields) this.pat(f.pat, fields.find((x) => x.name === f.name)?.ty ?? UNKNOWN);
  }

  private pathPat(p: Extract<Pat, { k: 'path' }>, t: Ty): void {
    const res = p.res;
    if (res?.kind === 'variant') this.solver.unify({ t: 'adt', name: res.enumName }, t, 'variant pattern');
    else if (res?.kind === 'const') this.solver.unify(this.typeOf(res.item.ty), t, 'const pattern');
    else if (res?.kind === 'builtin' && res.name === 'None')
      this.solver.unify(con('Option', [this.solver.fresh()]), t, 'pattern');
  }
}
