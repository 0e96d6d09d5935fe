/**
 * Calls and method calls: a user fn's written signature, a std signature (std-sigs.ts) instantiated for
 * the receiver and the turbofish, or — for anything the pass cannot see — an unknown result with the
 * arguments tainted. Also `collect()`, whose item type follows the collection it builds.
 */
import type { Expr, FnItem, Type } from '../ast';
import { PatInfer } from './patterns';
import { instantiate, type Sig, type Tmpl } from './sigs';
import { con, UNKNOWN, type Ty } from './ty';

export abstract class CallInfer extends PatInfer {
  /** `collect()` results whose collection type was not known yet: (collection, item). */
  protected readonly pendingCollects: { into: Ty; item: Ty }[] = [];
  /** `IntoIter<T>` / `IntoFuture<T>` arguments whose type was not known yet (sigs.ts `Projector`). */
  protected readonly projections: { kind: 'item' | 'output'; from: Ty; to: Ty }[] = [];

  /** The arguments of a call the pass cannot see: inferred, and tainted. */
  protected opaqueArgs(args: Expr[]): Ty {
    for (const a of args) this.solver.taint(this.expr(a));
    return UNKNOWN;
  }

  /** A user fn's type as a value: its parameters and result (an async fn returns a future). */
  protected fnItemType(item: FnItem, owner: string | null): Ty {
    const saved = this.selfTy;
    this.selfTy = owner ?? item.owner;
    try {
      const params = item.params.map((p) => this.typeOf(p.ty));
      if (item.selfMode !== null) params.unshift(this.selfTy ? this.namedType(this.selfTy) : UNKNOWN);
      const ret = this.typeOf(item.ret);
      return { t: 'fn', params, ret: item.async ? con('Future', [ret]) : ret };
    } finally {
      this.selfTy = saved;
    }
  }

  /** Calls a value of type `callee` with `args`. */
  protected applyFnType(callee: Ty, args: Expr[], where: string): Ty {
    const f = this.solver.shallow(callee);
    if (f.t !== 'fn' || f.params.length !== args.length) return this.opaqueArgs(args);
    args.forEach((a, i) => this.solver.unify(this.expr(a, f.params[i]), f.params[i]!, where));
    return f.ret;
  }

  /**
   * Applies a std signature: unifies the arguments with its parameters (closures are inferred with the
   * parameter types they will receive), binds the turbofish, and returns the result type.
   */
  protected applySig(sig: Sig, env: Map<string, Ty>, args: Expr[], generics: Type[], where: string): Ty {
    const s = this.solver;
    sig.generics.forEach((g, i) => {
      const ty = generics[i];
      if (ty) s.unify(this.inst({ k: 'name', n: g, args: [] }, env), this.typeOf(ty), where);
    });
    if (args.length !== sig.params.length) return this.opaqueArgs(args);
    args.forEach((a, i) => {
      const pt = this.inst(sig.params[i]!, env);
      s.unify(this.expr(a, pt), pt, where);
    });
    this.settleProjections();
    return this.result(sig.ret, env);
  }

  /** A signature's type, its `IntoIter` / `IntoFuture` parts linked through `projections`. */
  protected inst(t: Tmpl, env: Map<string, Ty>): Ty {
    return instantiate(t, env, this.solver, (kind, from, to) => this.projections.push({ kind, from, to }));
  }

  /** Links the item / output types of the projections whose source type is known now. */
  protected settleProjections(): boolean {
    let progress = false;
    for (let i = this.projections.length - 1; i >= 0; i--) {
      const p = this.projections[i]!;
      const from = this.solver.shallow(p.from);
      if (from.t === 'var') continue;
      this.solver.unify(p.kind === 'item' ? this.itemOf(from) : this.awaited(from), p.to, 'projection');
      this.projections.splice(i, 1);
      progress = true;
    }
    return progress;
  }

  private result(ret: Tmpl, env: Map<string, Ty>): Ty {
    if (ret.k === 'name' && ret.n === 'Collect') {
      const into = this.inst(ret.args[0]!, env);
      const item = this.inst(ret.args[1]!, env);
      if (!this.collectInto(into, item)) this.pendingCollects.push({ into, item });
      return into;
    }
    return this.inst(ret, env);
  }

  /** The output of `.await` on a value of type `t`. */
  protected awaited(t: Ty): Ty {
    const f = this.solver.shallow(t);
    if (f.t !== 'con') return UNKNOWN;
    switch (f.name) {
      case 'Future':
      case 'LockOut':
        return f.args[0]!;
      case 'JoinHandle':
      case 'OneshotReceiver':
        return con('Result', [f.args[0]!, UNKNOWN]);
      default:
        return UNKNOWN;
    }
  }

  /** Links a collection's item type to the iterator's; false while the collection type is not known. */
  protected collectInto(into: Ty, item: Ty): boolean {
    const s = this.solver;
    const c = s.shallow(into);
    if (c.t === 'var') return false;
    if (c.t !== 'con') {
      s.taint(item);
      return true;
    }
    switch (c.name) {
      case 'Vec':
      case 'VecDeque':
      case 'HashSet':
      case 'BTreeSet':
      case 'BinaryHeap':
        s.unify(c.args[0]!, item, 'collect');
        return true;
      case 'HashMap':
      case 'BTreeMap':
        s.unify(con('tuple', [c.args[0]!, c.args[1]!]), item, 'collect');
        return true;
      case 'Result':
      case 'Option': {
        // `collect::<Result<Vec<T>, E>>()` over `Result<T, E>` items.
        const inner = s.fresh();
        s.unify(
          item,
          c.name === 'Result' ? con('Result', [inner, c.args[1]!]) : con('Option', [inner]),
          'collect',
        );
        if (!this.collectInto(c.args[0]!, inner))
          this.pendingCollects.push({ into: c.args[0]!, item: inner });
        return true;
      }
      case 'str':
        return true;
      default:
        s.taint(item);
        return true;
    }
  }

  /** The item type of something iterable (`for x in v`, `zip(v)`). */
  protected itemOf(t: Ty): Ty {
    const c = this.solver.shallow(t);
    if (c.t !== 'con') return UNKNOWN;
    switch (c.name) {
      case 'Vec':
      case 'VecDeque':
      case 'HashSet':
      case 'BTreeSet':
      case 'BinaryHeap':
      case 'Iter':
      case 'Range':
      case 'Option':
        return c.args[0]!;
      case 'HashMap':
      case 'BTreeMap':
        return con('tuple', [c.args[0]!, c.args[1]!]);
      case 'MpscReceiver':
        return UNKNOWN;
      default:
        return UNKNOWN;
    }
  }

  /** `recv.name(args)`: user methods on user types, std signatures on std types and primitives. */
  protected methodCall(e: Extract<Expr, { k: 'method' }>): Ty {
    const s = this.solver;
    const recv = s.shallow(this.expr(e.receiver));
    const where = `.${e.name}()`;
    if (recv.t === 'adt') {
      const item = this.prog.methods.get(`${recv.name}::${e.name}`);
      if (item && item.selfMode !== null) {
        const f = this.fnItemType(item, recv.name) as Extract<Ty, { t: 'fn' }>;
        return this.applyFnType({ t: 'fn', params: f.params.slice(1), ret: f.ret }, e.args, where);
      }
      if ((e.name === 'clone' || e.name === 'to_owned') && e.args.length === 0) return recv;
      return this.opaqueArgs(e.args);
    }
    let table: string | null = null;
    if (recv.t === 'con') table = recv.name;
    else if (s.isIntLike(recv)) table = 'int';
    else if (s.isNumLike(recv)) table = 'float';
    if (recv.t === 'con' && recv.name === 'tuple' && e.name === 'clone') return recv;
    const sig = table === null ? null : this.methodSig(table, e.name);
    if (!sig) return this.opaqueArgs(e.args);
    return this.applySig(sig, this.recvEnv(recv), e.args, e.generics, where);
  }

  /** A call through a path: a user fn or method, a constructor, or a builtin function. */
  protected pathCall(e: Extract<Expr, { k: 'call' }>): Ty {
    const callee = e.callee as Extract<Expr, { k: 'path' }>;
    const res = callee.res!;
    const where = `${callee.segs.join('::')}()`;
    switch (res.kind) {
      case 'fn':
      case 'method':
        return this.applyFnType(
          this.fnItemType(res.item, res.kind === 'method' ? res.owner : null),
          e.args,
          where,
        );
      case 'struct':
        return this.applyFnType(
          {
            t: 'fn',
            params: res.item.fields.map((f) => this.typeOf(f.ty)),
            ret: { t: 'adt', name: res.item.name },
          },
          e.args,
          where,
        );
      case 'variant': {
        const v = this.prog.enums.get(res.enumName)?.variants.find((x) => x.name === res.variant);
        return this.applyFnType(
          {
            t: 'fn',
            params: (v?.fields ?? []).map((f) => this.typeOf(f)),
            ret: { t: 'adt', name: res.enumName },
          },
          e.args,
          where,
        );
      }
      case 'builtin': {
        const sig = this.fnSig(res.name);
        if (!sig) return this.opaqueArgs(e.args);
        return this.applySig(sig, new Map(), e.args, callee.generics, where);
      }
      case 'local':
        return this.applyFnType(this.expr(callee), e.args, where);
      default:
        return this.applyFnType(this.expr(callee), e.args, where);
    }
  }
}
