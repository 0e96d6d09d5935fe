/**
 * The type a method call's value is expected to have, where the program says it: a `let` annotation
 * (`let s: HashSet<_> = it.collect();`), a fn's return type (its tail and its `return`s), a struct
 * literal's field, a user fn's parameter, and through `Ok(..)` / `Some(..)`, blocks, `if` and `match`.
 * rustc infers `collect`, `sum`, `product`, `partition`, `unzip` and `parse` targets from exactly these
 * (and a `HashMap::new()`'s value type, which `or_default` needs); the interpreter reads the annotation
 * (`expectTy` on the method or call node) where the turbofish is missing.
 * Only syntax is used: a type reached through a variable (`let s = ..; s` returned) is not followed.
 */
import { expandAlias, type Aliases } from '../aliases';
import type { Block, Expr, FnItem, Item, StructItem, Type } from '../ast';

export function annotateExpectedTypes(
  items: readonly Item[],
  structs: ReadonlyMap<string, StructItem>,
  programAliases: Aliases,
): void {
  aliases = programAliases;
  try {
    const v = new Annotator(structs);
    v.items(items);
  } finally {
    aliases = new Map();
  }
}

/** The type aliases of the program being annotated (`expectExpr` is a plain function). */
let aliases: Aliases = new Map();

class Annotator {
  /** The return type of the fn whose body is being walked (null inside closures and async blocks). */
  private ret: Type | null = null;

  constructor(private readonly structs: ReadonlyMap<string, StructItem>) {}

  /** Fns at any depth: top level, in impls, trait default methods, modules, and items inside blocks. */
  items(items: readonly Item[]): void {
    for (const item of items) {
      if (item.k === 'fn') this.fn(item);
      else if (item.k === 'impl' || item.k === 'trait') for (const f of item.fns) this.fn(f);
      else if (item.k === 'mod') this.items(item.items);
    }
  }

  fn(f: FnItem): void {
    this.ret = f.ret;
    if (f.ret && f.body.tail) expectExpr(f.body.tail, f.ret);
    this.block(f.body);
    this.ret = null;
  }

  private block(b: Block): void {
    for (const s of b.stmts) {
      if (s.k === 'let') {
        if (s.init && s.ty) expectExpr(s.init, s.ty);
        if (s.init) this.expr(s.init);
        if (s.else) this.block(s.else);
      } else if (s.k === 'expr') this.expr(s.expr);
      else if (s.k === 'item') this.nested(this.ret, () => this.items([s.item]));
    }
    if (b.tail) this.expr(b.tail);
  }

  private nested(ret: Type | null, f: () => void): void {
    const saved = this.ret;
    this.ret = ret;
    f();
    this.ret = saved;
  }

  private expr(e: Expr): void {
    const x = (c: Expr | null | undefined) => {
      if (c) this.expr(c);
    };
    switch (e.k) {
      case 'lit':
      case 'path':
      case 'continue':
        return;
      case 'unary':
      case 'ref':
      case 'cast':
      case 'try':
      case 'await':
      case 'pin':
      case 'field':
        return x(e.expr);
      case 'binary':
        x(e.left);
        return x(e.right);
      case 'assign':
        x(e.target);
        return x(e.value);
      case 'call':
        this.callArgs(e);
        x(e.callee);
        return e.args.forEach(x);
      case 'method':
        if (e.name === 'unwrap_or_default' && !e.expectTy) {
          const payload = typeArg(staticTypeOf(e.receiver), 0);
          if (payload) e.expectTy = payload;
        }
        x(e.receiver);
        return e.args.forEach(x);
      case 'index':
        x(e.expr);
        return x(e.index);
      case 'range':
        x(e.from);
        return x(e.to);
      case 'block':
        return this.block(e.block);
      case 'if':
        x(e.cond);
        this.block(e.then);
        return x(e.else);
      case 'let':
        return x(e.expr);
      case 'match':
        x(e.scrutinee);
        for (const a of e.arms) {
          x(a.guard);
          x(a.body);
        }
        return;
      case 'while':
        x(e.cond);
        return this.block(e.body);
      case 'loop':
        return this.block(e.body);
      case 'for':
        x(e.iter);
        return this.block(e.body);
      case 'break':
        return x(e.value);
      case 'return':
        if (e.value && this.ret) expectExpr(e.value, this.ret);
        return x(e.value);
      case 'closure':
        return this.nested(null, () => x(e.body));
      case 'async':
        return this.nested(null, () => this.block(e.block));
      case 'struct':
        this.structFields(e);
        e.fields.forEach((f) => x(f.value));
        return x(e.base);
      case 'tuple':
      case 'array':
        return e.items.forEach(x);
      case 'repeat':
        x(e.value);
        return x(e.count);
      case 'fmt':
        return e.args.forEach(x);
      case 'assert':
        e.args.forEach(x);
        return x(e.message);
      case 'matches':
        x(e.expr);
        return x(e.guard);
      case 'select':
        for (const b of e.branches) {
          x(b.fut);
          x(b.guard);
          x(b.body);
        }
        x(e.futures?.complete);
        x(e.futures?.default);
        return x(e.else);
      case 'join':
        return e.futs.forEach(x);
    }
  }

  /** A struct literal's fields have the declared field types. */
  private structFields(e: Extract<Expr, { k: 'struct' }>): void {
    const def =
      e.res?.kind === 'struct' ? e.res.item : (this.structs.get(e.path[e.path.length - 1]!) ?? null);
    if (!def) return;
    for (const fl of e.fields) {
      const fd = def.fields.find((d) => d.name === fl.name);
      if (fd) expectExpr(fl.value, fd.ty);
    }
    // `..Default::default()` is a value of the struct's own type.
    if (e.base) expectExpr(e.base, { k: 'path', segs: e.path, args: [], span: e.span });
  }

  /** A call to a user fn: each argument has its parameter's type. */
  private callArgs(e: Extract<Expr, { k: 'call' }>): void {
    const res = e.callee.k === 'path' ? e.callee.res : undefined;
    if (res?.kind !== 'fn' && res?.kind !== 'method') return;
    const skip = res.item.selfMode !== null ? 1 : 0;
    res.item.params.forEach((p, i) => {
      const a = e.args[i + skip];
      if (a && p.ty) expectExpr(a, p.ty);
    });
  }
}

/** Records that `e`'s value must have type `ty`, looking through blocks, branches and `Ok`/`Some`/`Err`. */
function expectExpr(e: Expr, written: Type): void {
  const ty = expandAlias(aliases, written);
  switch (e.k) {
    case 'method':
      e.expectTy ??= ty;
      return;
    case 'block':
      if (e.block.tail) expectExpr(e.block.tail, ty);
      return;
    case 'if':
      if (e.then.tail) expectExpr(e.then.tail, ty);
      if (e.else) expectExpr(e.else, ty);
      return;
    case 'match':
      for (const arm of e.arms) expectExpr(arm.body, ty);
      return;
    case 'tuple':
      if (ty.k === 'tuple' && ty.items.length === e.items.length)
        e.items.forEach((item, i) => expectExpr(item, ty.items[i]!));
      return;
    case 'await':
      // `let v: Vec<u32> = stream.collect().await`: the future's output is the collection (StreamExt).
      if (e.expr.k === 'method' && e.expr.name === 'collect') e.expr.expectTy ??= ty;
      return;
    case 'try':
      // `let x: T = s.parse()?`: the call returns `Result<T, _>` (rustc infers `parse::<T>` from it).
      if (e.expr.k === 'method')
        e.expr.expectTy ??= {
          k: 'path',
          segs: ['Result'],
          args: [ty, { k: 'infer', span: ty.span }],
          span: ty.span,
        };
      return;
    case 'call': {
      const name = e.callee.k === 'path' ? e.callee.segs[e.callee.segs.length - 1] : null;
      const head = ty.k === 'path' ? ty.segs[ty.segs.length - 1] : null;
      if (ty.k === 'path' && e.args.length === 1 && (name === 'Ok' || name === 'Some' || name === 'Err')) {
        let inner: Type | undefined;
        if ((name === 'Ok' && head === 'Result') || (name === 'Some' && head === 'Option'))
          inner = ty.args[0];
        else if (name === 'Err' && head === 'Result') inner = ty.args[1];
        if (inner) expectExpr(e.args[0]!, inner);
        return;
      }
      e.expectTy ??= ty;
      return;
    }
    default:
      return;
  }
}

/** The type of an expression when the syntax alone says it: a call of a user fn (awaited or not). */
function staticTypeOf(e: Expr): Type | null {
  if (e.k === 'await') return staticTypeOf(e.expr);
  if (e.k === 'call' && e.callee.k === 'path') {
    const res = e.callee.res;
    if (res?.kind === 'fn' || res?.kind === 'method') return res.item.ret;
  }
  return null;
}

function typeArg(ty: Type | null, i: number): Type | null {
  return ty && ty.k === 'path' ? (ty.args[i] ?? null) : null;
}
