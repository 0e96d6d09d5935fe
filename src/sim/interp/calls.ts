/**
 * Calls: user fns (an async fn returns its unpolled future), closures, constructors, builtin functions from
 * the registry, and method calls — user methods on user types first, then builtin methods found by the
 * receiver's class, walking the auto-deref chain.
 */
import type { Block, Expr, FnItem } from '../../lang/ast';
import type { Span } from '../../lang/diagnostics';
import type { Gen, NativeResult } from '../poll';
import { isInt } from '../int';
import { deref, REnum, RRef, RStruct, TempPlace, typeNameOf, type Place, type Value } from '../values';
import { AsyncFnFuture } from './async-future';
import { RBuiltinFnValue, RClosure, RFnItem, RStructCtor, RVariantCtor } from './callables';
import { isGen } from './core';
import { dropValue } from './drops';
import { derefPlaceOf, Frame, SlotPlace } from './frame';
import { Places } from './places';
import { builtinFns, findMethod, type CallCtx } from './registry';
import { ReturnSignal } from './signals';

export abstract class Calls extends Places {
  /** Runs a closure as a thread body (std::thread::spawn, spawn_blocking). */
  *callForThread(callee: Value, args: Value[]): Gen<Value> {
    const r = this.callValue(callee, args, null);
    if (isGen(r)) return yield* r;
    return r;
  }

  /** Calls a user fn item. Async fns return their (unpolled) future; sync fns run their body. */
  callFnItem(item: FnItem, args: Value[], self: Value | null): NativeResult {
    const info = item.info!;
    const f = new Frame(info, null);
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
    try {
      return yield* this.block(body, f);
    } catch (e) {
      if (e instanceof ReturnSignal) return e.value;
      throw e;
    } finally {
      this.dropFrameSlots(f, 0);
    }
  }

  /** Calls any callable value: closures, fn items, constructors. */
  callValue(callee: Value, args: Value[], sp: Span | null): NativeResult {
    const c = deref(callee);
    if (c instanceof RClosure) return this.callClosure(c, args);
    if (c instanceof RFnItem) return this.callFnItem(c.item, args, null);
    if (c instanceof RStructCtor) return new RStruct(c.def, args);
    if (c instanceof RVariantCtor) return new REnum(c.enumName, c.variant, args, null, c.def);
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
    try {
      const body = c.node.body;
      return body.sync ? this.evs(body, f) : yield* this.ev(body, f);
    } catch (e) {
      if (e instanceof ReturnSignal) return e.value;
      throw e;
    } finally {
      // Only parameters and locals; captured values belong to the closure.
      for (let s = f.slots.length - 1; s >= 0; s--) {
        if (info.captures.some((cap) => cap.slot === s)) continue;
        if (f.owned[s]) {
          const v = f.slots[s]!;
          f.owned[s] = 0;
          dropValue(this, v);
        }
      }
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
          );
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
            this.program.enums.get(res.enumName) ?? null,
          );
        case 'builtin': {
          const fn = builtinFns.get(res.name);
          if (!fn) return this.unsupported(`\`${callee.segs.join('::')}\` cannot be called`, e.span);
          return fn.call(
            this.ctx(e.span, callee.generics, e, null, () => {}),
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
    if (cv instanceof RBuiltinFnValue)
      return builtinFns.get(cv.name)!.call(
        this.ctx(e.span, [], e, null, () => {}),
        args,
      );
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
    for (let depth = 0; depth < 16; depth++) {
      // User methods on user types.
      const x = v;
      if (x instanceof RStruct || x instanceof REnum) {
        const typeName = x instanceof RStruct ? x.def.name : x.enumName;
        const item = this.program.methods.get(`${typeName}::${name}`);
        if (item) {
          let self: Value;
          if (item.selfMode === 'value') {
            self = x;
            this.consumeReceiver(recv, depth);
          } else {
            self = new RRef(place ?? new TempPlace(x), item.selfMode === 'mut' || item.selfMode === 'pin');
            if (recv.temp && depth === 0 && typeof x === 'object') f.temps.push(x);
          }
          // A temporary the method was reached through (`m.lock().unwrap().method()`: the guard) drops at
          // the end of the statement, like any temporary.
          if (recv.temp && depth > 0 && typeof recv.value === 'object' && !recv.value.isCopy())
            f.temps.push(recv.value);
          return this.callFnItem(item, args, self);
        }
      }
      const m = findMethod(x, name);
      if (m) {
        let consumed = false;
        const ctx = this.ctx(e.span, e.generics, e, place, () => {
          consumed = true;
          this.consumeReceiver(recv, depth);
        });
        const r = m(ctx, x, args);
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
      const inner = typeof x === 'object' ? derefPlaceOf(x) : null;
      if (!inner) break;
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

  /** A self-by-value method consumed the receiver: its binding no longer owns it. */
  private consumeReceiver(recv: { place: Place; temp: boolean }, depth: number): void {
    if (depth === 0 && recv.place instanceof SlotPlace) recv.place.frame.owned[recv.place.slot] = 0;
  }
}
