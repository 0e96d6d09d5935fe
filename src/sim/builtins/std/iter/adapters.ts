/**
 * Iterator adapters, lazy as in Rust: building one runs nothing; each `next` pulls from the inner iterator
 * only as much as it needs (core/src/iter/adapters/*.rs). Adapters own their inner iterator and their
 * closure: dropping the adapter drops both (a closure that captured a `Sender` closes the channel).
 * This file: the `Adapter` base and the adapters that call closures (`map`, `filter`, `filter_map`,
 * `inspect`, `take_while`, `skip_while`, `map_while`, `scan`, `flat_map`/`flatten`), written once as
 * generators driven synchronously until a closure actually suspends (`settle`). The others are in
 * adapters-plain.ts.
 */
import type { InterpCore } from '../../../interp/core';
import {
  callFn,
  DONE,
  pull,
  pullBack,
  RIter,
  run,
  settle,
  andThen,
  type Pull,
  type Step,
} from '../../../interp/iter-protocol';
import { intoIter } from '../../../interp/iterate';
import type { Gen } from '../../../poll';
import { deref, isCopy, REnum, RRef, TempPlace, type Value } from '../../../values';

/** A shared reference to an item, as closures of `filter`, `inspect`, `take_while`, `find` receive it. */
export function refTo(v: Value): Value {
  return isCopy(v) || v instanceof RRef ? v : new RRef(new TempPlace(v), false);
}

/** The payload of `Some(x)`, or null for `None`; anything else is a program error. */
export function optionPayload(cx: InterpCore, v: Value, what: string): Value | null {
  const o = deref(v);
  if (o instanceof REnum && o.enumName === 'Option') return o.variant === 'Some' ? o.values[0]! : null;
  return cx.unsupported(`the closure given to \`${what}\` must return an Option`);
}

/** The truth of a closure's result. */
export function isTrue(cx: InterpCore, v: Value, what: string): boolean {
  const b = deref(v);
  if (typeof b === 'boolean') return b;
  return cx.unsupported(`the closure given to \`${what}\` must return a bool`);
}

/** The base of adapters over one inner iterator, owning it and some values (closures, state). */
export abstract class Adapter extends RIter {
  constructor(
    protected readonly inner: RIter,
    protected readonly owned: Value[] = [],
  ) {
    super();
  }
  override dropValue(interp: InterpCore): void {
    interp.dropValue(this.inner);
    for (const v of this.owned) interp.dropValue(v);
  }
  override isDoubleEnded(): boolean {
    return this.inner.isDoubleEnded();
  }
}

export class MapIter extends Adapter {
  constructor(
    inner: RIter,
    private readonly f: Value,
  ) {
    super(inner, [f]);
  }
  typeName(): string {
    return 'Map';
  }
  next(cx: InterpCore): Pull {
    return andThen(this.inner.next(cx), (v) => (v === DONE ? DONE : callFn(cx, this.f, [v])));
  }
  override nextBack(cx: InterpCore): Pull {
    return andThen(this.inner.nextBack(cx), (v) => (v === DONE ? DONE : callFn(cx, this.f, [v])));
  }
  override exactLen(): number | null {
    return this.inner.exactLen();
  }
  override sizeHint(): [number, number | null] {
    return this.inner.sizeHint();
  }
  override fork(cx: InterpCore): RIter | null {
    const i = this.inner.fork(cx);
    return i && new MapIter(i, this.f);
  }
}

/** Adapters whose `next` is a generator calling closures: `filter`, `inspect`, `take_while`, … */
abstract class GenAdapter extends Adapter {
  protected abstract pullFront(cx: InterpCore): Gen<Step>;
  protected pullBackGen(cx: InterpCore): Gen<Step> {
    return run(super.nextBack(cx));
  }
  next(cx: InterpCore): Pull {
    return settle(this.pullFront(cx));
  }
  override nextBack(cx: InterpCore): Pull {
    return settle(this.pullBackGen(cx));
  }
}

export class FilterIter extends GenAdapter {
  constructor(
    inner: RIter,
    private readonly pred: Value,
    private readonly label = 'Filter',
  ) {
    super(inner, [pred]);
  }
  typeName(): string {
    return this.label;
  }
  private *keep(cx: InterpCore, back: boolean): Gen<Step> {
    for (;;) {
      const v = back ? yield* pullBack(cx, this.inner) : yield* pull(cx, this.inner);
      if (v === DONE) return DONE;
      if (isTrue(cx, yield* run(callFn(cx, this.pred, [refTo(v)])), 'filter')) return v;
      cx.dropValue(v);
    }
  }
  protected pullFront(cx: InterpCore): Gen<Step> {
    return this.keep(cx, false);
  }
  protected override pullBackGen(cx: InterpCore): Gen<Step> {
    return this.keep(cx, true);
  }
  override sizeHint(): [number, number | null] {
    return [0, this.inner.sizeHint()[1]];
  }
  override fork(cx: InterpCore): RIter | null {
    const i = this.inner.fork(cx);
    return i && new FilterIter(i, this.pred, this.label);
  }
}

export class FilterMapIter extends GenAdapter {
  constructor(
    inner: RIter,
    private readonly f: Value,
  ) {
    super(inner, [f]);
  }
  typeName(): string {
    return 'FilterMap';
  }
  private *find(cx: InterpCore, back: boolean): Gen<Step> {
    for (;;) {
      const v = back ? yield* pullBack(cx, this.inner) : yield* pull(cx, this.inner);
      if (v === DONE) return DONE;
      const r = optionPayload(cx, yield* run(callFn(cx, this.f, [v])), 'filter_map');
      if (r !== null) return r;
    }
  }
  protected pullFront(cx: InterpCore): Gen<Step> {
    return this.find(cx, false);
  }
  protected override pullBackGen(cx: InterpCore): Gen<Step> {
    return this.find(cx, true);
  }
  override sizeHint(): [number, number | null] {
    return [0, this.inner.sizeHint()[1]];
  }
}

export class InspectIter extends GenAdapter {
  constructor(
    inner: RIter,
    private readonly f: Value,
  ) {
    super(inner, [f]);
  }
  typeName(): string {
    return 'Inspect';
  }
  private *look(cx: InterpCore, back: boolean): Gen<Step> {
    const v = back ? yield* pullBack(cx, this.inner) : yield* pull(cx, this.inner);
    if (v !== DONE) yield* run(callFn(cx, this.f, [refTo(v)]));
    return v;
  }
  protected pullFront(cx: InterpCore): Gen<Step> {
    return this.look(cx, false);
  }
  protected override pullBackGen(cx: InterpCore): Gen<Step> {
    return this.look(cx, true);
  }
  override exactLen(): number | null {
    return this.inner.exactLen();
  }
}

export class TakeWhileIter extends GenAdapter {
  private done = false;
  constructor(
    inner: RIter,
    private readonly pred: Value,
  ) {
    super(inner, [pred]);
  }
  typeName(): string {
    return 'TakeWhile';
  }
  override isDoubleEnded(): boolean {
    return false;
  }
  protected *pullFront(cx: InterpCore): Gen<Step> {
    if (this.done) return DONE;
    const v = yield* pull(cx, this.inner);
    if (v === DONE) return DONE;
    if (isTrue(cx, yield* run(callFn(cx, this.pred, [refTo(v)])), 'take_while')) return v;
    this.done = true;
    cx.dropValue(v);
    return DONE;
  }
}

export class SkipWhileIter extends GenAdapter {
  private skipping = true;
  constructor(
    inner: RIter,
    private readonly pred: Value,
  ) {
    super(inner, [pred]);
  }
  typeName(): string {
    return 'SkipWhile';
  }
  protected *pullFront(cx: InterpCore): Gen<Step> {
    for (;;) {
      const v = yield* pull(cx, this.inner);
      if (v === DONE || !this.skipping) return v;
      if (!isTrue(cx, yield* run(callFn(cx, this.pred, [refTo(v)])), 'skip_while')) {
        this.skipping = false;
        return v;
      }
      cx.dropValue(v);
    }
  }
  protected override pullBackGen(cx: InterpCore): Gen<Step> {
    return run(this.inner.nextBack(cx));
  }
}

export class MapWhileIter extends GenAdapter {
  private done = false;
  constructor(
    inner: RIter,
    private readonly f: Value,
  ) {
    super(inner, [f]);
  }
  typeName(): string {
    return 'MapWhile';
  }
  override isDoubleEnded(): boolean {
    return false;
  }
  protected *pullFront(cx: InterpCore): Gen<Step> {
    if (this.done) return DONE;
    const v = yield* pull(cx, this.inner);
    if (v === DONE) return DONE;
    const r = optionPayload(cx, yield* run(callFn(cx, this.f, [v])), 'map_while');
    if (r !== null) return r;
    this.done = true;
    return DONE;
  }
}

/** `scan(init, |state, x| ..)`: the closure gets `&mut state`; `None` ends the iteration. */
export class ScanIter extends GenAdapter {
  private readonly state: Value[];
  constructor(
    inner: RIter,
    init: Value,
    private readonly f: Value,
  ) {
    super(inner, [f]);
    this.state = [init];
    this.owned.push(init);
  }
  typeName(): string {
    return 'Scan';
  }
  override isDoubleEnded(): boolean {
    return false;
  }
  protected *pullFront(cx: InterpCore): Gen<Step> {
    const v = yield* pull(cx, this.inner);
    if (v === DONE) return DONE;
    const st = new RRef(
      {
        get: () => this.state[0]!,
        set: (x) => {
          this.state[0] = x;
          this.owned[1] = x;
        },
      },
      true,
    );
    const r = optionPayload(cx, yield* run(callFn(cx, this.f, [st, v])), 'scan');
    return r === null ? DONE : r;
  }
}

/** `flat_map(f)` and `flatten()`: each item (mapped by `f`) becomes an iterator, drained in turn. */
export class FlattenIter extends GenAdapter {
  private front: RIter | null = null;
  private back: RIter | null = null;
  constructor(
    inner: RIter,
    private readonly f: Value | null,
  ) {
    super(inner, f === null ? [] : [f]);
  }
  typeName(): string {
    return this.f === null ? 'Flatten' : 'FlatMap';
  }
  private *sub(cx: InterpCore, v: Value): Gen<RIter> {
    const x = this.f === null ? v : yield* run(callFn(cx, this.f, [v]));
    return intoIter(cx, x);
  }
  protected *pullFront(cx: InterpCore): Gen<Step> {
    for (;;) {
      if (this.front) {
        const v = yield* pull(cx, this.front);
        if (v !== DONE) return v;
        cx.dropValue(this.front);
        this.front = null;
      }
      const o = yield* pull(cx, this.inner);
      if (o === DONE) {
        if (!this.back) return DONE;
        const v = yield* pull(cx, this.back);
        if (v === DONE) this.back = null;
        return v;
      }
      this.front = yield* this.sub(cx, o);
    }
  }
  protected override *pullBackGen(cx: InterpCore): Gen<Step> {
    for (;;) {
      if (this.back) {
        const v = yield* pullBack(cx, this.back);
        if (v !== DONE) return v;
        cx.dropValue(this.back);
        this.back = null;
      }
      const o = yield* pullBack(cx, this.inner);
      if (o === DONE) {
        if (!this.front) return DONE;
        const v = yield* pullBack(cx, this.front);
        if (v === DONE) this.front = null;
        return v;
      }
      this.back = yield* this.sub(cx, o);
    }
  }
  override dropValue(interp: InterpCore): void {
    if (this.front) interp.dropValue(this.front);
    if (this.back) interp.dropValue(this.back);
    super.dropValue(interp);
  }
}
