/**
 * Expressions: the type of each, with Rust's rules for the primitives — both sides of an arithmetic or
 * comparison operator have one type (shifts excepted), a compound assignment has its target's type, a
 * literal takes the type its context gives it, a cast does not constrain its operand. An expression kind
 * this pass does not know is unknown, and every local it mentions is tainted.
 */
import type { Block, Expr, Stmt } from '../ast';
import { walkExpr } from '../walk';
import { CallInfer } from './calls';
import { BOOL, con, num, STR, UNIT, UNKNOWN, type Ty } from './ty';
import { numKindOf } from './kinds';

const COMPARISONS = new Set(['==', '!=', '<', '>', '<=', '>=']);

export abstract class ExprInfer extends CallInfer {
  protected block(b: Block): Ty {
    for (const s of b.stmts) this.stmt(s);
    if (b.tail) return this.expr(b.tail);
    // A block that ends in `break;`, `continue;` or `return ..;` never finishes: its type is `!`, which
    // fits any match arm (`Err(e) => { println!(..); break; }`).
    const last = b.stmts[b.stmts.length - 1];
    if (
      last?.k === 'expr' &&
      (last.expr.k === 'break' || last.expr.k === 'continue' || last.expr.k === 'return')
    )
      return this.solver.fresh();
    return UNIT;
  }

  private stmt(s: Stmt): void {
    switch (s.k) {
      case 'let': {
        const declared = s.ty ? this.typeOf(s.ty) : this.solver.fresh();
        if (s.init) this.solver.unify(declared, this.expr(s.init, declared), 'let');
        if (s.else) this.block(s.else);
        this.pat(s.pat, declared);
        return;
      }
      case 'expr':
        this.expr(s.expr);
        return;
      case 'item':
      case 'empty':
        return;
    }
  }

  protected expr(e: Expr, expected?: Ty): Ty {
    return this.record(e, this.exprInner(e, expected));
  }

  private exprInner(e: Expr, expected: Ty | undefined): Ty {
    const s = this.solver;
    switch (e.k) {
      case 'lit':
        return this.litType(e.value);
      case 'path':
        return this.pathType_(e);
      case 'unary':
        return e.op === '!' || e.op === '-' || e.op === '*' ? this.expr(e.expr) : UNKNOWN;
      case 'ref':
        return this.expr(e.expr, expected);
      case 'binary':
        return this.binary(e.op, this.expr(e.left), this.expr(e.right), e.op);
      case 'assign': {
        const target = this.expr(e.target);
        const value = this.expr(e.value, target);
        if (e.op === '=') s.unify(target, value, '=');
        else this.binary(e.op.slice(0, -1), target, value, e.op);
        return UNIT;
      }
      case 'cast':
        this.expr(e.expr);
        return this.typeOf(e.ty);
      case 'call':
        if (e.callee.k === 'path') return this.pathCall(e);
        return this.applyFnType(this.expr(e.callee), e.args, 'call');
      case 'method':
        return this.methodCall(e);
      case 'field':
        return this.field(this.expr(e.expr), e.name);
      case 'index':
        return this.index(e);
      case 'range': {
        const t = s.fresh();
        if (e.from) s.unify(t, this.expr(e.from), 'range');
        if (e.to) s.unify(t, this.expr(e.to), 'range');
        return con('Range', [t]);
      }
      case 'block':
        return this.labelled(e.label, false, () => this.block(e.block));
      case 'if': {
        this.cond(e.cond);
        const then = this.block(e.then);
        if (!e.else) return UNIT;
        const other = this.expr(e.else);
        s.unify(then, other, 'if');
        return then;
      }
      case 'let':
        this.cond(e);
        return BOOL;
      case 'match': {
        const scrutinee = this.expr(e.scrutinee);
        const result = s.fresh();
        for (const arm of e.arms) {
          this.pat(arm.pat, scrutinee);
          if (arm.guard) this.expr(arm.guard);
          s.unify(result, this.expr(arm.body), 'match arm');
        }
        return result;
      }
      case 'while':
        this.cond(e.cond);
        this.labelled(e.label, true, () => this.block(e.body));
        return UNIT;
      case 'loop':
        return this.labelled(e.label, true, () => {
          this.block(e.body);
        });
      case 'for': {
        this.pat(e.pat, this.itemOf(this.expr(e.iter)));
        this.labelled(e.label, true, () => this.block(e.body));
        return UNIT;
      }
      case 'break': {
        const target = this.breakTarget(e.label);
        const v = e.value ? this.expr(e.value) : UNIT;
        if (target) s.unify(target, v, 'break');
        return s.fresh();
      }
      case 'continue':
        return s.fresh();
      case 'return':
        s.unify(this.frame.ret, e.value ? this.expr(e.value, this.frame.ret) : UNIT, 'return');
        return s.fresh();
      case 'closure':
        return this.closure(e, expected);
      case 'async': {
        const ret = s.fresh();
        this.withFrame(e.fn!, ret, () => {
          this.captures(e.fn!);
          s.unify(ret, this.block(e.block), 'async block');
        });
        return con('Future', [ret]);
      }
      case 'await':
        return this.awaited(this.expr(e.expr));
      case 'try': {
        const inner = s.shallow(this.expr(e.expr));
        return inner.t === 'con' && (inner.name === 'Result' || inner.name === 'Option')
          ? inner.args[0]!
          : UNKNOWN;
      }
      case 'struct':
        return this.structLit(e);
      case 'tuple':
        return e.items.length === 0
          ? UNIT
          : con(
              'tuple',
              e.items.map((x) => this.expr(x)),
            );
      case 'array': {
        const item = s.fresh();
        for (const x of e.items) s.unify(item, this.expr(x, item), 'array');
        return con('Vec', [item]);
      }
      case 'repeat': {
        s.unify(this.expr(e.count), num(numKindOf('usize')), 'repeat count');
        return con('Vec', [this.expr(e.value)]);
      }
      case 'fmt':
        return this.fmt(e);
      case 'assert':
        for (const a of e.args) this.expr(a);
        if (e.message) this.expr(e.message);
        if (e.args.length === 2 && e.macro !== 'assert' && e.macro !== 'debug_assert')
          s.unify(this.typeOfRecorded(e.args[0]!), this.typeOfRecorded(e.args[1]!), e.macro);
        return UNIT;
      case 'matches':
        this.pat(e.pat, this.expr(e.expr));
        if (e.guard) this.expr(e.guard);
        return BOOL;
      case 'select':
        for (const b of e.branches) {
          const out = this.awaited(this.expr(b.fut));
          this.pat(b.pat, out);
          if (b.guard) this.expr(b.guard);
          this.expr(b.body);
        }
        if (e.else) this.expr(e.else);
        if (e.futures?.complete) this.expr(e.futures.complete);
        if (e.futures?.default) this.expr(e.futures.default);
        return UNKNOWN;
      case 'join':
        return con(
          'tuple',
          e.futs.map((f) => this.awaited(this.expr(f))),
        );
      case 'pin':
        return this.expr(e.expr);
      default:
        return this.opaque(e);
    }
  }

  /** An expression kind the pass does not model: unknown, and every local inside it is tainted. */
  private opaque(e: Expr): Ty {
    walkExpr(e, (x) => {
      if (x.k === 'path' && x.res?.kind === 'local') this.solver.taint(this.slotTy(x.res.depth, x.res.slot));
    });
    return UNKNOWN;
  }

  private typeOfRecorded(e: Expr): Ty {
    for (let i = this.typed.length - 1; i >= 0; i--) if (this.typed[i]!.e === e) return this.typed[i]!.ty;
    return UNKNOWN;
  }

  private pathType_(e: Extract<Expr, { k: 'path' }>): Ty {
    const res = e.res;
    if (!res) return UNKNOWN;
    switch (res.kind) {
      case 'local':
        return this.slotTy(res.depth, res.slot);
      case 'fn':
        return this.fnItemType(res.item, null);
      case 'method':
        return this.fnItemType(res.item, res.owner);
      case 'const':
        return this.typeOf(res.item.ty);
      case 'struct':
        return res.item.tuple && res.item.fields.length > 0
          ? {
              t: 'fn',
              params: res.item.fields.map((f) => this.typeOf(f.ty)),
              ret: { t: 'adt', name: res.item.name },
            }
          : { t: 'adt', name: res.item.name };
      case 'variant': {
        const adt: Ty = { t: 'adt', name: res.enumName };
        if (res.arity === 0 || res.arity === 'struct') return adt;
        const v = this.prog.enums.get(res.enumName)?.variants.find((x) => x.name === res.variant);
        return { t: 'fn', params: (v?.fields ?? []).map((f) => this.typeOf(f)), ret: adt };
      }
      case 'builtin': {
        const c = this.constType(res.name);
        if (c) return c;
        // A std function used as a value (`.map(Some)`): its signature as a fn type.
        const sig = this.fnSig(res.name);
        if (!sig) return UNKNOWN;
        const env = new Map<string, Ty>();
        return { t: 'fn', params: sig.params.map((p) => this.inst(p, env)), ret: this.inst(sig.ret, env) };
      }
      case 'assoc':
        // `T::CONST`, `<T as Trait>::f`: a trait's item, resolved at run time; the pass does not see it.
        return UNKNOWN;
    }
  }

  /**
   * `l op r` for the primitives: arithmetic and bit operators have one type on both sides and give it;
   * comparisons too, giving `bool`; shifts give the left type. A user type (operator overloading) or a
   * side the pass cannot see gives an unknown result, but a known numeric side still fixes the kind:
   * integers only combine with their own type.
   */
  private binary(op: string, l: Ty, r: Ty, where: string): Ty {
    const s = this.solver;
    if (op === '&&' || op === '||') {
      s.unify(l, BOOL, where);
      s.unify(r, BOOL, where);
      return BOOL;
    }
    const a = s.shallow(l);
    const b = s.shallow(r);
    if (op === '<<' || op === '>>') {
      if (!s.isIntLike(b)) s.taint(b);
      return a;
    }
    if (a.t === 'adt' || b.t === 'adt') {
      s.taint(a);
      s.taint(b);
      return COMPARISONS.has(op) ? BOOL : UNKNOWN;
    }
    if (a.t === 'con' && (a.name === 'Duration' || a.name === 'Instant')) {
      if (op === '*' || op === '/') s.taint(b);
      else if (COMPARISONS.has(op)) s.unify(a, b, where);
      else if (a.name === 'Instant' && op === '-' && b.t === 'con' && b.name === 'Instant')
        return con('Duration');
      else if (a.name === 'Duration') s.unify(a, b, where);
      return COMPARISONS.has(op) ? BOOL : a;
    }
    if (a.t === 'con' && a.name === 'str') {
      s.unify(b, STR, where);
      return COMPARISONS.has(op) ? BOOL : STR;
    }
    if (a.t === 'unknown' || b.t === 'unknown') {
      s.taint(a);
      s.taint(b);
      if (COMPARISONS.has(op)) return BOOL;
      return a.t === 'num' ? a : b.t === 'num' ? b : UNKNOWN;
    }
    s.unify(a, b, where);
    return COMPARISONS.has(op) ? BOOL : a;
  }

  private field(t: Ty, name: string): Ty {
    const r = this.solver.shallow(t);
    if (r.t === 'adt') {
      const st = this.prog.structs.get(r.name);
      const f = st?.fields.find((x) => x.name === name);
      return f ? this.typeOf(f.ty) : UNKNOWN;
    }
    if (r.t === 'con' && r.name === 'tuple' && /^\d+$/.test(name)) return r.args[Number(name)] ?? UNKNOWN;
    return UNKNOWN;
  }

  private index(e: Extract<Expr, { k: 'index' }>): Ty {
    const s = this.solver;
    const base = s.shallow(this.expr(e.expr));
    const usize = num(numKindOf('usize'));
    const i = e.index;
    if (base.t === 'con' && (base.name === 'Vec' || base.name === 'VecDeque')) {
      if (i.k === 'range') {
        s.unify(this.expr(i), con('Range', [usize]), 'slice index');
        return base;
      }
      s.unify(this.expr(i), usize, 'index');
      return base.args[0]!;
    }
    if (base.t === 'con' && base.name === 'str') {
      this.expr(i);
      return STR;
    }
    if (base.t === 'con' && (base.name === 'HashMap' || base.name === 'BTreeMap')) {
      s.unify(this.expr(i), base.args[0]!, 'map index');
      return base.args[1]!;
    }
    s.taint(this.expr(i));
    return UNKNOWN;
  }

  private cond(c: Expr): void {
    if (c.k === 'let') {
      this.pat(c.pat, this.expr(c.expr));
      this.record(c, BOOL);
    } else this.solver.unify(this.expr(c), BOOL, 'condition');
  }

  /** A loop or a labelled block: what `break` may target. A loop's value is what `break` gives it. */
  private labelled(label: string | null, loop: boolean, body: () => Ty | void): Ty {
    if (!loop && label === null) return body() as Ty;
    const ty = this.solver.fresh();
    this.frame.loops.push({ label, ty, loop });
    try {
      const v = body();
      if (!loop) this.solver.unify(ty, v as Ty, 'block');
      return ty;
    } finally {
      this.frame.loops.pop();
    }
  }

  private breakTarget(label: string | null): Ty | null {
    const loops = this.frame.loops;
    for (let i = loops.length - 1; i >= 0; i--) {
      const l = loops[i]!;
      if (label === null ? l.loop : l.label === label) return l.ty;
    }
    return null;
  }

  private closure(e: Extract<Expr, { k: 'closure' }>, expected: Ty | undefined): Ty {
    const s = this.solver;
    const exp = expected ? s.shallow(expected) : null;
    const want = exp && exp.t === 'fn' && exp.params.length === e.params.length ? exp : null;
    const params = e.params.map((p, i) => {
      const t = p.ty ? this.typeOf(p.ty) : s.fresh();
      if (want) s.unify(t, want.params[i]!, 'closure parameter');
      return t;
    });
    const ret = want ? want.ret : s.fresh();
    this.withFrame(e.fn!, ret, () => {
      this.captures(e.fn!);
      e.params.forEach((p, i) => this.pat(p.pat, params[i]!));
      s.unify(ret, this.expr(e.body, ret), 'closure body');
    });
    return { t: 'fn', params, ret };
  }

  /** A `move` closure or async block copies its captures into its own slots: same types. */
  private captures(info: NonNullable<Extract<Expr, { k: 'closure' }>['fn']>): void {
    for (const c of info.captures) {
      const outer = this.frames[this.frames.length - 2 - c.from.depth];
      const outerTy = outer ? (outer.slots[c.from.slot] ??= this.solver.fresh()) : UNKNOWN;
      this.solver.unify(this.slotTy(0, c.slot), outerTy, 'capture');
    }
  }

  private structLit(e: Extract<Expr, { k: 'struct' }>): Ty {
    const s = this.solver;
    const res = e.res;
    let fields: { name: string; ty: Ty }[] = [];
    let result: Ty = UNKNOWN;
    if (res?.kind === 'struct') {
      fields = res.item.fields.map((f) => ({ name: f.name, ty: this.typeOf(f.ty) }));
      result = { t: 'adt', name: res.item.name };
    } else if (res?.kind === 'variant') {
      const v = this.prog.enums.get(res.enumName)?.variants.find((x) => x.name === res.variant);
      if (v?.named && v.fields) fields = v.named.map((n, i) => ({ name: n, ty: this.typeOf(v.fields![i]!) }));
      result = { t: 'adt', name: res.enumName };
    }
    for (const f of e.fields) {
      const want = fields.find((x) => x.name === f.name)?.ty ?? UNKNOWN;
      s.unify(this.expr(f.value, want), want, `field ${f.name}`);
    }
    if (e.base) s.unify(this.expr(e.base), result, 'struct base');
    return result;
  }

  private fmt(e: Extract<Expr, { k: 'fmt' }>): Ty {
    const usize = num(numKindOf('usize'));
    const counts = new Set<number>();
    for (const p of e.pieces) {
      if (typeof p === 'string') continue;
      if (p.width !== null && typeof p.width === 'object') counts.add(p.width.arg);
      if (p.precision !== null && typeof p.precision === 'object') counts.add(p.precision.arg);
    }
    e.args.forEach((a, i) => {
      const t = this.expr(a);
      // `{:.*}` and `{:1$}` read a `usize` argument.
      if (counts.has(i)) this.solver.unify(t, usize, 'format count');
    });
    switch (e.macro) {
      case 'format':
        return STR;
      case 'println':
      case 'print':
      case 'eprintln':
      case 'eprint':
        return UNIT;
      default:
        return this.solver.fresh();
    }
  }
}
