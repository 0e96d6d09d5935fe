/**
 * Calls: user fns (an async fn returns its unpolled future), closures, constructors, builtin functions from
 * the registry, and method calls — user methods on user types first, then builtin methods found by the
 * receiver's class, walking the auto-deref chain.
 */
import { implementsProvidingTrait, userIterMethods } from './iterate';
import type { Block, Expr, FnItem, PathRes, Type, TypeRef } from '../../lang/ast';
import type { Span } from '../../lang/diagnostics';
import type { Gen, NativeResult } from '../poll';
import { isInt } from '../int';
import {
  copyOut,
  deref,
  REnum,
  RRef,
  RStruct,
  TempPlace,
  typeNameOf,
  type Place,
  type Value,
} from '../values';
import { AsyncFnFuture } from './async-future';
import { RBuiltinFnValue, RClosure, RFnItem, RNativeFn, RStructCtor, RVariantCtor } from './callables';
import { isGen } from './core';
import { derivedDefault } from './derive';
import { dropValue } from './drops';
import { derefPlaceOf, Frame, SlotPlace } from './frame';
import { Places } from './places';
import { arityMessage, builtinFns, findMethod, userFuturePoll, type CallCtx } from './registry';
import { ReturnSignal } from './signals';
import { bodyWeight, CALL_FRAMES } from './stack';
import { isHeld } from '../memory';

export abstract class Calls extends Places {
  /** Runs a closure as a thread body (std::thread::spawn, spawn_blocking). */
  *callForThread(callee: Value, args: Value[]): Gen<Value> {
    // Reported at the spawn that handed over the value (`thread::spawn(1)`), the current site.
    const r = this.callValue(callee, args, this.site);
    if (!isGen(r)) return r;
    // Each step of the thread resumes the body from the top of the JS stack (stack.ts).
    const saved = { frames: 0 };
    for (;;) {
      const x = this.resumeOnOwnStack(saved, () => r.next());
      if (x.done) return x.value;
      yield x.value;
    }
  }

  /**
   * Calls a user fn item. Async fns return their (unpolled) future; sync fns run their body. `selfKey` is
   * what `Self` is in a trait's default method or a blanket impl; `explicit` the turbofish types.
   */
  callFnItem(
    item: FnItem,
    args: Value[],
    self: Value | null,
    selfKey: string | null = null,
    explicit: readonly Type[] = [],
    expected: Type | null = null,
  ): NativeResult {
    const info = item.info!;
    const f = new Frame(info, null);
    if (selfKey !== null) f.selfKey = selfKey;
    if (info.typeArgs) f.typeArgs = this.traits.bindTypeArgs(item, args, explicit, expected);
    if (item.selfMode !== null) {
      // `self` (slot 0) by value owns the receiver; `&self`, `&mut self` and `Pin<&mut Self>` borrow it.
      f.bind(0, self!, item.selfMode === 'value');
    }
    if (args.length !== item.params.length)
      this.unsupported(
        `\`${item.name}\` takes ${item.params.length} argument(s) but ${args.length} were supplied`,
      );
    for (let i = 0; i < item.params.length; i++) {
      const p = item.params[i]!.pat;
      this.bindPattern(p, args[i]!, null, f, true);
    }
    if (item.async)
      return new AsyncFnFuture(this.world, this, info.futureName, item.body, f, item.span.start, item.ret);
    return this.runFnBody(item.body, f);
  }

  private *runFnBody(body: Block, f: Frame): Gen<Value> {
    // A call is a step of the budgets (without machine time, which statements and loops already charge):
    // `fib(40)`'s body has no statement, and a recursion without one must still be bounded.
    this.world.machine.step(0);
    const weight = CALL_FRAMES + bodyWeight(body);
    this.enterBody(weight);
    try {
      return yield* this.block(body, f);
    } catch (e) {
      if (e instanceof ReturnSignal) return e.value;
      throw e;
    } finally {
      this.dropFrameSlots(f, 0);
      // Temporaries of the body's tail expression (`m.lock().unwrap().take()` in `if let`) end with it.
      this.dropTemps(f, 0);
      this.leaveBody(weight);
    }
  }

  /** Calls any callable value: closures, fn items, constructors. */
  callValue(callee: Value, args: Value[], sp: Span | null): NativeResult {
    const c = deref(callee);
    if (c instanceof RClosure) return this.callClosure(c, args);
    if (c instanceof RFnItem) return this.callFnItem(c.item, args, null);
    if (c instanceof RStructCtor) return new RStruct(c.def, args);
    if (c instanceof RVariantCtor) return new REnum(c.enumName, c.variant, args, null, c.def);
    if (c instanceof RNativeFn) return c.run();
    // A builtin fn passed as a value: `.map(String::from)`, `.map(Some)`, `fold(f64::MIN, f64::max)`.
    if (c instanceof RBuiltinFnValue) {
      const fn = builtinFns.get(c.name);
      if (fn)
        return fn.call(
          this.ctx(sp ?? this.site ?? { start: 0, end: 0 }, [], null, null, () => {}),
          args,
        );
    }
    return this.unsupported(
      `this value of type \`${typeof c === 'object' ? c.typeName() : typeof c}\` cannot be called`,
      sp,
    );
  }

  *callClosure(c: RClosure, args: Value[]): Gen<Value> {
    const info = c.node.fn!;
    const f = new Frame(info, c.parent);
    for (const cap of info.captures) f.bind(cap.slot, c.captured[cap.slot]!, false);
    if (args.length !== c.node.params.length)
      this.unsupported(
        `this closure takes ${c.node.params.length} argument(s) but ${args.length} were supplied`,
        c.node.span,
      );
    for (let i = 0; i < args.length; i++) this.bindPattern(c.node.params[i]!.pat, args[i]!, null, f, true);
    this.world.machine.step(0);
    const weight = CALL_FRAMES + bodyWeight(c.node.body);
    this.enterBody(weight);
    try {
      const body = c.node.body;
      return body.sync ? this.evs(body, f) : yield* this.ev(body, f);
    } catch (e) {
      if (e instanceof ReturnSignal) return e.value;
      throw e;
    } finally {
      // A `move` closure's captures are its state (a counter's `count += 1`): keep what this call left.
      for (const cap of info.captures) c.captured[cap.slot] = f.slots[cap.slot]!;
      // Only parameters and locals; captured values belong to the closure.
      for (let s = f.slots.length - 1; s >= 0; s--) {
        if (info.captures.some((cap) => cap.slot === s)) continue;
        if (f.owned[s]) {
          const v = f.slots[s]!;
          f.owned[s] = 0;
          dropValue(this, v);
        }
      }
      this.dropTemps(f, 0);
      this.leaveBody(weight);
    }
  }

  protected syncResult(r: NativeResult, sp: Span): Value {
    if (!isGen(r)) return r;
    const x = r.next();
    if (!x.done) this.unsupported('this call would block or suspend where Pollscope did not expect it', sp);
    return x.value;
  }

  protected call(e: Extract<Expr, { k: 'call' }>, args: Value[], f: Frame): NativeResult {
    const callee = e.callee;
    this.site = e.span;
    if (callee.k === 'path') {
      const res = callee.res!;
      switch (res.kind) {
        case 'fn':
        case 'method':
          return this.callFnItem(
            res.item,
            args.slice(res.item.selfMode !== null ? 1 : 0),
            res.item.selfMode !== null ? args[0]! : null,
            null,
            callee.generics,
            e.expectTy ?? null,
          );
        case 'assoc':
          return this.callAssoc(res, args, e, f);
        case 'struct':
          if (args.length !== res.item.fields.length)
            this.unsupported(`\`${res.item.name}\` takes ${res.item.fields.length} field(s)`, e.span);
          return new RStruct(res.item, args);
        case 'variant':
          return new REnum(
            res.enumName,
            res.variant,
            args,
            null,
            this.program.enums.get(res.enumKey) ?? null,
          );
        case 'builtin': {
          const fn = builtinFns.get(res.name);
          if (!fn) return this.unsupported(`\`${callee.segs.join('::')}\` cannot be called`, e.span);
          if (fn.arity !== undefined && args.length !== fn.arity)
            this.unsupported(arityMessage(callee.segs.join('::'), fn.arity, args.length, false), e.span);
          return this.charged(
            fn.call(
              this.ctx(e.span, callee.generics, e, null, () => {}),
              args,
            ),
            null,
            args,
          );
        }
        default:
          break;
      }
    }
    const cv = callee.sync ? this.evs(callee, f) : null;
    if (cv === null)
      return this.unsupported('calling the result of this expression is not supported', e.span);
    if (cv instanceof RBuiltinFnValue) {
      const arity = builtinFns.get(cv.name)!.arity;
      if (arity !== undefined && args.length !== arity)
        this.unsupported(arityMessage(cv.name, arity, args.length, false), e.span);
      return this.charged(
        builtinFns.get(cv.name)!.call(
          this.ctx(e.span, [], e, null, () => {}),
          args,
        ),
        null,
        args,
      );
    }
    return this.callValue(cv, args, e.span);
  }

  ctx(
    span: Span,
    generics: CallCtx['generics'],
    node: Expr | null,
    place: Place | null,
    consume: () => void,
  ): CallCtx {
    return { interp: this, world: this.world, span, generics, node, place, consume };
  }

  protected method(
    e: Extract<Expr, { k: 'method' }>,
    recv: { place: Place; value: Value; temp: boolean; expr: Expr; frame: Frame },
    args: Value[],
    f: Frame,
  ): NativeResult {
    this.site = e.span;
    const name = e.name;
    // Walk the auto-deref chain: the value, then what it points at (references, Arc, Box, guards).
    let v = recv.value;
    let place: Place | null = recv.place;
    // The level the last auto-deref came from (an `Arc`), for `self: Arc<Self>` / `self: &Arc<Self>`.
    let outerV: Value | undefined;
    let outerPlace: Place | null = null;
    for (let depth = 0; depth < 16; depth++) {
      const x = v;
      // The program's methods on its own types (inherent, trait impls, defaults, blanket impls) come first.
      const own = x instanceof RStruct || (x instanceof REnum && x.def !== null);
      if (own) {
        const found = this.traits.forValue(x, name, e.expectTy ?? null);
        if (found?.k === 'fn' && found.fn.selfMode !== null) {
          if (name === 'poll' && found.impl?.traitKey === 'Future' && userFuturePoll.hook !== null) {
            const ctx = this.ctx(e.span, e.generics, e, place, () => {});
            const r = userFuturePoll.hook(ctx, place ? new RRef(place, true) : x, args);
            if (r !== null) return r;
          }
          if (found.fn.selfArc && outerV !== undefined)
            return this.callMethodItem(found.fn, found.selfKey, outerV, outerPlace, recv, depth - 1, args, f);
          return this.callMethodItem(found.fn, found.selfKey, x, place, recv, depth, args, f);
        }
      }
      let m = findMethod(x, name);
      if (m && own && userIterMethods.has(m) && !implementsProvidingTrait(this, x))
        m = findMethod(x, name, userIterMethods);
      if (m) {
        if (m.arity !== undefined && args.length !== m.arity)
          this.unsupported(arityMessage(name, m.arity, args.length, true), e.span);
        let consumed = false;
        const ctx = this.ctx(e.span, e.generics, e, place, () => {
          consumed = true;
          this.consumeReceiver(recv, depth);
        });
        const r = this.charged(m(ctx, x, args), x, args);
        // A receiver taken by value turned into something else (`into_bytes`, `into_iter`): what it held
        // is now the result's, or gone.
        if (consumed && r !== x && isHeld(x)) this.world.memory.release(x);
        if (!consumed && recv.temp && depth > 0 && typeof recv.value === 'object') f.temps.push(recv.value);
        else if (
          !consumed &&
          recv.temp &&
          depth === 0 &&
          typeof x === 'object' &&
          !x.isCopy() &&
          !isGen(r) &&
          r !== x
        )
          f.temps.push(x);
        return r;
      }
      // The program's own traits implemented for builtin types (`impl Describe for i32`).
      if (!own && x !== undefined && this.program.impls.length > 0) {
        const found = this.traits.forValue(x, name, e.expectTy ?? null);
        if (found?.k === 'fn' && found.fn.selfMode !== null)
          return this.callMethodItem(found.fn, found.selfKey, x, place, recv, depth, args, f);
      }
      const inner = typeof x === 'object' ? this.derefOf(x) : null;
      if (!inner) break;
      outerV = x;
      outerPlace = place;
      place = inner;
      v = inner.get();
    }
    const tn = typeof recv.value === 'object' ? deref(recv.value) : recv.value;
    if (tn === undefined)
      // Only a program rustc rejects gets here (a task that outlived a local it borrowed).
      return this.unsupported(`\`${name}\` is called on a value that was already dropped`, e.nameSpan);
    return this.unsupported(
      `no method \`${name}\` on a value of type \`${isInt(tn) ? 'integer' : typeNameOf(tn)}\` in Pollscope`,
      e.nameSpan,
    );
  }

  /**
   * Charges the memory budget (memory.ts) for what a builtin call built or grew: its receiver, the values
   * its `&mut` arguments point at, and its result. A builtin that may block or call a closure returns a
   * generator; those are charged when it finishes.
   */
  protected charged(r: NativeResult, recv: Value | null, args: Value[]): NativeResult {
    if (isGen(r)) return this.chargedWhenDone(r, recv, args);
    this.charge(recv, args, r);
    return r;
  }

  private *chargedWhenDone(g: Gen<Value>, recv: Value | null, args: Value[]): Gen<Value> {
    const v = yield* g;
    this.charge(recv, args, v);
    return v;
  }

  private charge(recv: Value | null, args: Value[], result: Value): void {
    const memory = this.world.memory;
    if (isHeld(recv)) memory.track(recv);
    for (const a of args)
      if (a instanceof RRef && a.mut) {
        const t = deref(a);
        if (isHeld(t)) memory.track(t);
      }
    if (isHeld(result)) memory.track(result);
  }

  /** Calls a program's method on a receiver found at auto-deref level `depth`: by value, `&self` or `&mut self`. */
  private callMethodItem(
    item: FnItem,
    selfKey: string,
    x: Value,
    place: Place | null,
    recv: { place: Place; value: Value; temp: boolean },
    depth: number,
    args: Value[],
    f: Frame,
  ): NativeResult {
    let self: Value;
    if (item.selfMode === 'value') {
      // `fn f(self)` on a Copy type takes a copy; otherwise it takes the receiver.
      self = copyOut(x);
      this.consumeReceiver(recv, depth);
    } else {
      self = new RRef(place ?? new TempPlace(x), item.selfMode === 'mut' || item.selfMode === 'pin');
      if (recv.temp && depth === 0 && typeof x === 'object') f.temps.push(x);
    }
    // A temporary the method was reached through (`m.lock().unwrap().method()`: the guard) drops at the
    // end of the statement, like any temporary.
    if (recv.temp && depth > 0 && typeof recv.value === 'object' && !recv.value.isCopy())
      f.temps.push(recv.value);
    return this.callFnItem(item, args, self, selfKey);
  }

  /** What a value derefs to: references, smart pointers, and a program's `impl Deref`. */
  derefOf(x: Value): Place | null {
    const p = derefPlaceOf(x);
    if (p || !(x instanceof RStruct || x instanceof REnum)) return p;
    const found = this.traits.forValue(x, 'deref');
    if (found?.k !== 'fn' || found.impl?.traitKey !== 'Deref') return null;
    const r = this.runUserSync(found.fn, [], new RRef(new TempPlace(x), false), found.selfKey);
    return r instanceof RRef ? r.place : new TempPlace(r);
  }

  /**
   * `Type::item(..)` found at run time: through the type a parameter or `Self` stands for, the type of the
   * first argument (`Trait::method(&x)`), or among several impls (`Type::from(x)` with many `From`s).
   */
  private callAssoc(
    res: Extract<PathRes, { kind: 'assoc' }>,
    args: Value[],
    e: Extract<Expr, { k: 'call' }>,
    f: Frame,
  ): NativeResult {
    const key = this.assocKey(res.ty, args, f, e.span, e.expectTy ?? null);
    const found = this.traits.findCall(key, res.name, args);
    if (found?.k === 'fn') {
      const item = found.fn;
      if (item.selfMode === null) return this.callFnItem(item, args, null, found.selfKey);
      return this.callFnItem(item, args.slice(1), args[0]!, found.selfKey);
    }
    if (found?.k === 'const')
      return this.unsupported(`\`${res.name}\` is a constant, not a function`, e.span);
    return this.deriveCall(key, res.name, args, e.span);
  }

  /** The key of the type an associated path goes through. */
  protected assocKey(ty: TypeRef, args: Value[], f: Frame, sp: Span, expected: Type | null): string {
    switch (ty.k) {
      case 'key':
        return ty.key;
      case 'self': {
        const k = f.findSelfKey();
        if (k === null) return this.unsupported('`Self` is not known here', sp);
        return k;
      }
      case 'param': {
        const k = f.findTypeArg(ty.name);
        if (k !== null) return k;
        return this.unsupported(
          `Pollscope cannot tell which type \`${ty.name}\` is in this call yet`,
          sp,
          `name it: \`f::<Type>(..)\`, or pass a value of type \`${ty.name}\``,
        );
      }
      case 'trait': {
        if (args.length > 0) return this.traits.keyOfValue(deref(args[0]!));
        const k = expected ? this.traits.keyOfType(expected) : null;
        if (k !== null) return k;
        return this.unsupported(
          'Pollscope cannot tell which type this call is for',
          sp,
          'write the type: `let x: Type = ..` or `Type::method()`',
        );
      }
    }
  }

  /** Items a derive (or a std default) provides when the program wrote none: `Type::default()`, `clone`. */
  private deriveCall(key: string, name: string, args: Value[], sp: Span): NativeResult {
    if (name === 'default' && args.length === 0) return this.defaultOf(key, sp);
    const recv = args[0];
    if (recv !== undefined) {
      // `Clone::clone(&x)`, `ToString::to_string(&x)`, `PartialOrd::partial_cmp(&a, &b)`: the method.
      let x: Value = recv;
      for (let i = 0; i < 16; i++) {
        const m = findMethod(x, name);
        if (m)
          return m(
            this.ctx(sp, [], null, null, () => {}),
            x,
            args.slice(1),
          );
        const inner = typeof x === 'object' ? this.derefOf(x) : null;
        if (!inner) break;
        x = inner.get();
      }
    }
    return this.unsupported(`no function or associated item named \`${name}\` found for \`${key}\``, sp);
  }

  /** `Default::default()` of a type: the program's `impl Default`, a derived one, or std's. */
  defaultOf(key: string, sp: Span): Value {
    const found = this.traits.find(key, 'default');
    if (found?.k === 'fn' && found.fn.selfMode === null)
      return this.runUserSync(found.fn, [], null, found.selfKey);
    return derivedDefault(
      {
        program: this.program,
        defaultOf: (k) => this.defaultOf(k, sp),
        keyOfType: (t) => this.traits.keyOfType(t),
        fail: (m) => this.unsupported(m, sp),
        ctx: (at) => this.ctx(at, [], null, null, () => {}),
      },
      key,
      sp,
    );
  }

  /**
   * `Target::from(v)` by the program's `impl From<X> for Target` whose X is v's type; null when there is
   * none (the value is then already of the target type: `T: From<T>`, `Box<dyn Error>` from an error).
   */
  convertFrom(v: Value, targetKey: string): Value | null {
    const x = deref(v);
    for (const r of this.traits.implsOf(targetKey, 'From')) {
      if (!this.traits.argMatches(r, 0, x)) continue;
      const from = r.item.fns.find((fn) => fn.name === 'from');
      if (from) return this.runUserSync(from, [v], null, r.selfKey);
    }
    return null;
  }

  /** A self-by-value method consumed the receiver: its binding no longer owns it. */
  private consumeReceiver(recv: { place: Place; temp: boolean }, depth: number): void {
    if (depth === 0 && recv.place instanceof SlotPlace) recv.place.frame.owned[recv.place.slot] = 0;
  }
}
