/**
 * Expressions: `ev` for those that may suspend or block (a generator), `evs` for those the resolver marked
 * `sync` (plain recursion), and the leaves — literals, paths, operators, assignment, struct literals,
 * ranges, `?`. A new expression kind gets a case in both switches (or only in `ev` if it can suspend).
 */
import { isUserValue, userAssign, userBinary, userUnary } from './user-ops';
import { makeStruct } from './struct-literal';
import { literal } from './literal';
import type { Expr } from '../../lang/ast';
import type { Span } from '../../lang/diagnostics';
import { LimitError } from '../machine';
import { isHeld, slotsBytes } from '../memory';
import type { Gen } from '../poll';
import { intBinary, intNeg, intNot, isInt, MAX_N, MIN_N, type Int } from '../int';
import {
  copyOut,
  deref,
  F32,
  F64,
  float,
  NONE,
  REnum,
  RRange,
  RRef,
  RString,
  RStruct,
  RTuple,
  RVec,
  UNIT,
  type Place,
  type Value,
} from '../values';
import { RBuiltinFnValue, RFnItem, RStructCtor, RVariantCtor } from './callables';
import { cloneValue } from './clone';
import { isGen } from './core';
import { dropValue } from './drops';
import type { Frame } from './frame';
import { derefOnce, isPlaceExpr, SlotPlace } from './frame';
import { intoFuture } from './into-future';
import { Macros } from './macros';
import { arith, cast, compare, equals, truthy } from './ops';
import { matches } from './patterns';
import { builtinConsts, builtinFns } from './registry';
import { BreakSignal, ContinueSignal, ReturnSignal } from './signals';

export abstract class Expressions extends Macros {
  /** Evaluates an expression that may suspend or block. */
  *ev(e: Expr, f: Frame): Gen<Value> {
    if (e.sync) return this.evs(e, f);
    switch (e.k) {
      case 'block':
        return yield* this.labeledBlock(e.block, e.label, f);
      case 'if': {
        const c = e.cond;
        if (c.k === 'let') {
          const scope = c.scope!;
          try {
            const { value, place, fromPlace } = yield* this.scrutinee(c.expr, f);
            if (!matches(c.pat, value, this.constLookup)) {
              this.dropScope(scope.slots, f);
              return e.else ? yield* this.ev(e.else, f) : UNIT;
            }
            this.bindScrutinee(c.pat, value, place, fromPlace, c.expr, f);
            return yield* this.block(e.then, f);
          } finally {
            this.dropScope(scope.slots, f);
          }
        }
        const mark = f.temps.length;
        const cv = c.sync ? this.evs(c, f) : yield* this.ev(c, f);
        this.dropTemps(f, mark);
        if (truthy(cv, (m) => this.panic(m, c.span))) return yield* this.block(e.then, f);
        return e.else ? yield* this.ev(e.else, f) : UNIT;
      }
      case 'match':
        return yield* this.match(e, f);
      case 'while':
        return yield* this.whileLoop(e, f);
      case 'loop':
        return yield* this.loop(e.body, e.label, f);
      case 'for':
        return yield* this.forLoop(e, f);
      case 'await': {
        // Evaluated here rather than in a generator of its own: one level less to resume on every poll.
        const v = e.expr.sync ? this.evs(e.expr, f) : yield* this.ev(e.expr, f);
        return yield* this.awaitFuture(intoFuture(this, v, e.expr.span), e.suspend!, e.span);
      }
      case 'select':
        return yield* this.select(e, f);
      case 'join':
        return yield* this.join(e, f);
      case 'unary': {
        const v = yield* this.ev(e.expr, f);
        this.borrowTemp(e.expr, v, f);
        return this.unary(e, v);
      }
      case 'binary': {
        if (e.op === '&&' || e.op === '||') {
          const l = yield* this.ev(e.left, f);
          const lb = truthy(l, (m) => this.panic(m, e.span));
          if (e.op === '&&' ? !lb : lb) return lb;
          return truthy(yield* this.ev(e.right, f), (m) => this.panic(m, e.span));
        }
        const l = yield* this.ev(e.left, f);
        const r = yield* this.ev(e.right, f);
        this.borrowTemp(e.left, l, f);
        this.borrowTemp(e.right, r, f);
        return this.binary(e, l, r);
      }
      case 'assign': {
        const v = yield* this.ev(e.value, f);
        const p = yield* this.place(e.target, f);
        this.assign(e.op, p, v, e.span, e.target);
        return UNIT;
      }
      case 'call': {
        const args: Value[] = [];
        for (const a of e.args) args.push(a.sync ? this.evs(a, f) : yield* this.ev(a, f));
        const r = this.call(e, args, f);
        return isGen(r) ? yield* r : r;
      }
      case 'method': {
        const r0 = e.receiver;
        // A receiver that is not a place (`rx.recv().await.unwrap()`) is evaluated here, without
        // `receiver`'s generator in between.
        const recv = r0.sync
          ? this.receiverSync(r0, f)
          : isPlaceExpr(r0)
            ? yield* this.receiver(r0, f)
            : this.tempReceiver(yield* this.ev(r0, f), r0, f);
        const args: Value[] = [];
        for (const a of e.args) args.push(a.sync ? this.evs(a, f) : yield* this.ev(a, f));
        const r = this.method(e, recv, args, f);
        return isGen(r) ? yield* r : r;
      }
      case 'field': {
        const p = yield* this.place(e, f);
        return this.readPlace(p, e);
      }
      case 'index': {
        const p = yield* this.place(e, f);
        return this.readPlace(p, e);
      }
      case 'ref': {
        const p = yield* this.place(e.expr, f);
        return this.makeRef(p, e.mut, e.expr, f);
      }
      case 'cast':
        return this.castValue(yield* this.ev(e.expr, f), e);
      case 'range': {
        const from = e.from ? yield* this.ev(e.from, f) : null;
        const to = e.to ? yield* this.ev(e.to, f) : null;
        return this.makeRange(from, to, e.inclusive);
      }
      case 'try':
        return this.tryOp(yield* this.ev(e.expr, f), e, f);
      case 'break': {
        const v = e.value ? yield* this.ev(e.value, f) : UNIT;
        throw new BreakSignal(e.label, v);
      }
      case 'return': {
        const v = e.value ? yield* this.ev(e.value, f) : UNIT;
        throw new ReturnSignal(v);
      }
      case 'struct': {
        const vals: Value[] = [];
        for (const fl of e.fields) vals.push(yield* this.ev(fl.value, f));
        const base = e.base ? yield* this.ev(e.base, f) : null;
        return makeStruct(this, e, vals, base);
      }
      case 'tuple': {
        const items: Value[] = [];
        for (const x of e.items) items.push(yield* this.ev(x, f));
        return items.length === 0 ? UNIT : new RTuple(items);
      }
      case 'array': {
        const items: Value[] = [];
        for (const x of e.items) items.push(yield* this.ev(x, f));
        return this.tracked(new RVec(items, !e.vec));
      }
      case 'repeat': {
        const v = yield* this.ev(e.value, f);
        const n = yield* this.ev(e.count, f);
        this.site = e.span;
        return this.repeat(v, n, e.vec);
      }
      case 'fmt': {
        const dest = e.dest ? new RRef(yield* this.place(e.dest, f), true) : null;
        const args: Value[] = [];
        for (const a of e.args) {
          const v = yield* this.ev(a, f);
          this.borrowTemp(a, v, f);
          args.push(v);
        }
        return this.fmtMacro(e, args, dest);
      }
      case 'assert': {
        const args: Value[] = [];
        for (const a of e.args) args.push(yield* this.ev(a, f));
        const msg = e.message ? yield* this.ev(e.message, f) : null;
        return this.assertMacro(e, args, msg);
      }
      case 'matches': {
        const v = yield* this.ev(e.expr, f);
        return this.matchesMacro(e, v, f);
      }
      case 'pin':
        // `pin!(fut)` pins the binding where it is: what comes out is a `Pin<&mut _>` to it (nothing to
        // drop; `let mut fut = pin!(fut);` polls the original in place).
        if (e.expr.k === 'path') return new RRef(this.placeSync(e.expr, f), true);
        return yield* this.ev(e.expr, f);
      default:
        return this.evs(e, f);
    }
  }

  /** Evaluates an expression the resolver marked `sync` (it cannot suspend or block). */
  evs(e: Expr, f: Frame): Value {
    switch (e.k) {
      case 'lit':
        return literal(e);
      case 'path':
        return this.path(e, f);
      case 'unary': {
        const v = this.evs(e.expr, f);
        this.borrowTemp(e.expr, v, f);
        return this.unary(e, v);
      }
      case 'binary': {
        if (e.op === '&&' || e.op === '||') {
          const lb = truthy(this.evs(e.left, f), (m) => this.panic(m, e.span));
          if (e.op === '&&' ? !lb : lb) return lb;
          return truthy(this.evs(e.right, f), (m) => this.panic(m, e.span));
        }
        const l = this.evs(e.left, f);
        const r = this.evs(e.right, f);
        this.borrowTemp(e.left, l, f);
        this.borrowTemp(e.right, r, f);
        return this.binary(e, l, r);
      }
      case 'assign': {
        const v = this.evs(e.value, f);
        this.assign(e.op, this.placeSync(e.target, f), v, e.span, e.target);
        return UNIT;
      }
      case 'call': {
        const args: Value[] = [];
        for (const a of e.args) args.push(this.evs(a, f));
        return this.syncResult(this.call(e, args, f), e.span);
      }
      case 'method': {
        const recv = this.receiverSync(e.receiver, f);
        const args: Value[] = [];
        for (const a of e.args) args.push(this.evs(a, f));
        return this.syncResult(this.method(e, recv, args, f), e.span);
      }
      case 'field':
      case 'index':
        return this.readPlace(this.placeSync(e, f), e);
      case 'ref':
        return this.makeRef(this.placeSync(e.expr, f), e.mut, e.expr, f);
      case 'cast':
        return this.castValue(this.evs(e.expr, f), e);
      case 'range':
        return this.makeRange(
          e.from ? this.evs(e.from, f) : null,
          e.to ? this.evs(e.to, f) : null,
          e.inclusive,
        );
      case 'try':
        return this.tryOp(this.evs(e.expr, f), e, f);
      case 'break':
        throw new BreakSignal(e.label, e.value ? this.evs(e.value, f) : UNIT);
      case 'continue':
        throw new ContinueSignal(e.label);
      case 'return':
        throw new ReturnSignal(e.value ? this.evs(e.value, f) : UNIT);
      case 'closure':
        return this.makeClosure(e, f);
      case 'async':
        return this.makeAsyncBlock(e, f);
      case 'struct': {
        const vals = e.fields.map((fl) => this.evs(fl.value, f));
        return makeStruct(this, e, vals, e.base ? this.evs(e.base, f) : null);
      }
      case 'tuple': {
        const items = e.items.map((x) => this.evs(x, f));
        return items.length === 0 ? UNIT : new RTuple(items);
      }
      case 'array':
        return this.tracked(
          new RVec(
            e.items.map((x) => this.evs(x, f)),
            !e.vec,
          ),
        );
      case 'repeat': {
        const v = this.evs(e.value, f);
        const n = this.evs(e.count, f);
        this.site = e.span;
        return this.repeat(v, n, e.vec);
      }
      case 'fmt': {
        const dest = e.dest ? new RRef(this.placeSync(e.dest, f), true) : null;
        return this.fmtMacro(
          e,
          e.args.map((a) => {
            const v = this.evs(a, f);
            this.borrowTemp(a, v, f);
            return v;
          }),
          dest,
        );
      }
      case 'assert':
        return this.assertMacro(
          e,
          e.args.map((a) => this.evs(a, f)),
          e.message ? this.evs(e.message, f) : null,
        );
      case 'matches':
        return this.matchesMacro(e, this.evs(e.expr, f), f);
      case 'pin':
        if (e.expr.k === 'path') return new RRef(this.placeSync(e.expr, f), true);
        return this.evs(e.expr, f);
      default:
        // Block-like expressions are never marked sync, but constants and closures may reach here.
        return this.runSync(this.ev({ ...e, sync: false } as Expr, f));
    }
  }

  private path(e: Extract<Expr, { k: 'path' }>, f: Frame): Value {
    const res = e.res!;
    switch (res.kind) {
      case 'local': {
        const fr = res.depth === 0 ? f : f.up(res.depth);
        const v = fr.slots[res.slot];
        if (v === undefined) this.unsupported(`use of \`${res.name}\` after it was moved or dropped`, e.span);
        if (e.use === 'move' && typeof v === 'object') {
          // A move takes ownership; a Copy aggregate is duplicated instead (the local stays usable).
          if (fr.owned[res.slot]) fr.owned[res.slot] = 0;
          else return copyOut(v);
        }
        return v;
      }
      case 'fn':
        return new RFnItem(res.item);
      case 'method':
        return new RFnItem(res.item);
      case 'const':
        return this.constValue(res.item);
      case 'struct':
        return res.item.tuple && res.item.fields.length === 0
          ? new RStruct(res.item, [])
          : new RStructCtor(res.item);
      case 'variant': {
        const def = this.program.enums.get(res.enumKey) ?? null;
        if (res.arity === 0) return new REnum(res.enumName, res.variant, [], null, def);
        return new RVariantCtor(res.enumName, res.variant, def);
      }
      case 'assoc': {
        const key = this.assocKey(res.ty, [], f, e.span, null);
        const found = this.traits.find(key, res.name);
        if (found?.k === 'const') return this.assocConstValue(found.owner, found.value, found.selfKey);
        if (found?.k === 'fn') return new RFnItem(found.fn);
        return this.unsupported(`no associated item named \`${res.name}\` found for \`${key}\``, e.span);
      }
      case 'builtin': {
        const c = builtinConsts.get(res.name);
        if (c) return c.value();
        const fn = builtinFns.get(res.name);
        if (fn) return new RBuiltinFnValue(res.name);
        return this.unsupported(`\`${e.segs.join('::')}\` is not supported by Pollscope`, e.span);
      }
    }
  }

  private unary(e: Extract<Expr, { k: 'unary' }>, v: Value): Value {
    const x = deref(v);
    if (e.op !== '*' && typeof x === 'object' && isUserValue(x)) {
      const u = userUnary(this, e.op, v);
      if (u !== undefined) return u;
    }
    switch (e.op) {
      case '-':
        if (isInt(x)) return this.intResult(intNeg(x, e.nk ?? 0), e.span);
        if (x instanceof F64) return float(-x.v, x instanceof F32);
        return this.panic(`cannot negate ${typeof x === 'object' ? x.typeName() : typeof x}`, e.span);
      case '!':
        if (typeof x === 'boolean') return !x;
        if (isInt(x)) return intNot(x, e.nk ?? 0);
        return this.panic('cannot apply `!`', e.span);
      case '*':
        return copyOut(derefOnce(v));
    }
  }

  /** An integer operation's result, or its overflow message raised as a panic here. */
  private intResult(r: Int | string, sp: Span): Value {
    return typeof r === 'string' ? this.panic(r, sp) : r;
  }

  /**
   * A binary operator. Two safe integers (the common case) are handled here without allocating: the result
   * is checked against the range of the operation's kind (`e.nk`, from the type pass; unknown: no check),
   * and anything beyond a safe integer goes to the exact path (int.ts).
   */
  private binary(e: Extract<Expr, { k: 'binary' }>, l: Value, r: Value): Value {
    const op = e.op;
    const a = typeof l === 'object' ? deref(l) : l;
    const b = typeof r === 'object' ? deref(r) : r;
    if (typeof a === 'number' && typeof b === 'number') {
      let x: number;
      switch (op) {
        case '+':
          x = a + b;
          break;
        case '-':
          x = a - b;
          break;
        case '*':
          x = a * b + 0;
          break;
        case '<':
          return a < b;
        case '>':
          return a > b;
        case '<=':
          return a <= b;
        case '>=':
          return a >= b;
        case '==':
          return a === b;
        case '!=':
          return a !== b;
        default:
          return this.intResult(intBinary(op, a, b, e.nk ?? 0), e.span);
      }
      const k = e.nk ?? 0;
      if (Number.isSafeInteger(x) && x >= MIN_N[k]! && x <= MAX_N[k]!) return x;
      return this.intResult(intBinary(op, a, b, k), e.span);
    }
    if (a instanceof F64 && b instanceof F64) {
      // Directly, so that NaN compares false both ways.
      switch (op) {
        case '<':
          return a.v < b.v;
        case '>':
          return a.v > b.v;
        case '<=':
          return a.v <= b.v;
        case '>=':
          return a.v >= b.v;
      }
    }
    const panic = (m: string) => this.panic(m, e.span);
    switch (op) {
      case '==':
        return equals(a, b);
      case '!=':
        return !equals(a, b);
      case '<':
        return compare(a, b, (m) => this.panic(m, e.span)) < 0;
      case '>':
        return compare(a, b, (m) => this.panic(m, e.span)) > 0;
      case '<=':
        return compare(a, b, (m) => this.panic(m, e.span)) <= 0;
      case '>=':
        return compare(a, b, (m) => this.panic(m, e.span)) >= 0;
      default:
        if (op === '+' && l instanceof RString)
          return this.appendTo(l, r) ?? arith(op, l, r, panic, e.nk ?? 0);
        // An operator on a program's type is its `impl Add` (Sub, Mul, …).
        if (typeof l === 'object' && isUserValue(l)) {
          const u = userBinary(this, op, l, r);
          if (u !== undefined) return u;
        }
        return arith(op, a, b, panic, e.nk ?? 0);
    }
  }

  /**
   * `String + &str` and `s += &str`: Rust appends to the left string's buffer, and so do we, after checking
   * the memory budget (a doubling loop must end in the limit, not in the engine's string-length RangeError).
   * Returns null when the right side is not a string (arith reports that).
   */
  private appendTo(s: RString, r: Value): RString | null {
    const add = deref(r);
    const text = typeof add === 'string' ? add : add instanceof RString ? add.s : null;
    if (text === null) return null;
    this.world.memory.reserveString(s.s.length + text.length);
    s.s += text;
    this.world.memory.track(s);
    return s;
  }

  private assign(op: string, p: Place, v: Value, sp: Span, target: Expr): void {
    if (op === '=') {
      const old = p.get();
      // Assigning drops the old value (unless the place was moved out or never initialised).
      const ownedSlot = p instanceof SlotPlace ? p.frame.owned[p.slot] === 1 : true;
      p.set(v);
      if (old !== undefined && ownedSlot && old !== v) dropValue(this, old);
      return;
    }
    const cur = p.get();
    if (cur === undefined) this.unsupported('compound assignment to an uninitialised place', target.span);
    const x = deref(cur);
    const y = typeof v === 'object' ? deref(v) : v;
    // The operation computes in the target's kind (`x += 1` on a `u8` checks the `u8` range).
    const k = target.nk ?? 0;
    let nv: Value;
    if (typeof x === 'number' && typeof y === 'number' && (op === '+=' || op === '-=' || op === '*=')) {
      const n = op === '+=' ? x + y : op === '-=' ? x - y : x * y + 0;
      nv =
        Number.isSafeInteger(n) && n >= MIN_N[k]! && n <= MAX_N[k]!
          ? n
          : this.intResult(intBinary(op.slice(0, -1), x, y, k), sp);
    } else {
      const base = op.slice(0, -1);
      if (typeof x === 'object' && isUserValue(x) && userAssign(this, base, p, v)) return;
      if (x instanceof RString && base === '+') {
        if (this.appendTo(x, v) === null) this.appendTo(x, String(y));
        return;
      }
      nv = arith(base, x, y, (m) => this.panic(m, sp), k);
    }
    if (cur instanceof RRef) cur.place.set(nv);
    else p.set(nv);
  }

  /** `expr as Type`; a fieldless enum casts through its discriminant (`Status::NotFound as u16`). */
  private castValue(v: Value, e: Extract<Expr, { k: 'cast' }>): Value {
    const x = deref(v);
    const n =
      x instanceof REnum && x.def !== null && x.values.length === 0 ? this.discriminant(x.def, x.variant) : v;
    return cast(n, e.ty, e.nk ?? 0, (m) => this.panic(m, e.span));
  }

  private makeRange(from: Value | null, to: Value | null, inclusive: boolean): Value {
    return new RRange(from === null ? null : deref(from), to === null ? null : deref(to), inclusive);
  }

  private tryOp(v: Value, e: Expr, f: Frame): Value {
    const x = deref(v);
    if (x instanceof REnum) {
      if (x.variant === 'Ok' || x.variant === 'Some') return x.values[0]!;
      if (x.variant === 'Err') {
        // `?` converts the error into the fn's error type by `From` (`impl From<ParseIntError> for AppError`).
        let err = x.values[0]!;
        if (e.k === 'try' && e.errTy) {
          const key = this.assocKey(e.errTy, [], f, e.span, null);
          err = this.convertFrom(err, key) ?? err;
        }
        throw new ReturnSignal(new REnum('Result', 'Err', [err]));
      }
      if (x.variant === 'None') throw new ReturnSignal(NONE);
    }
    return this.unsupported('`?` needs a Result or an Option', e.span);
  }

  private repeat(v: Value, n: Value, vec: boolean): Value {
    const count = deref(n);
    if (typeof count !== 'number')
      return this.unsupported(
        typeof count === 'bigint'
          ? `a vector of ${count} elements is larger than Pollscope allows`
          : 'array length must be an integer',
      );
    // Checked before a single element is built: `vec![x; n]` for a huge n must end in the memory limit, not
    // in the engine's "Invalid array length" or an exhausted heap. Each clone of a growable `x` (a String, a
    // Vec) is charged on its own as it is made.
    this.world.memory.reserve(slotsBytes(count, v) + (isHeld(v) ? (count - 1) * v.ownBytes() : 0));
    if (count > 10_000_000)
      throw new LimitError(`a vector of ${count} elements is larger than Pollscope allows`);
    const items: Value[] = [];
    for (let i = 0; i < count; i++) items.push(i === 0 ? v : cloneValue(this, v));
    return this.tracked(new RVec(items, !vec));
  }

  /** Charges a value built here to the memory budget (memory.ts). */
  private tracked<V extends Value>(v: V): V {
    this.world.memory.trackValue(v);
    return v;
  }
}
