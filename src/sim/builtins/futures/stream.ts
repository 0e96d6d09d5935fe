/**
 * The `Stream` protocol (`futures_core::Stream::poll_next`) as the simulator runs it: every stream value
 * (a `stream::iter`, a `ReceiverStream`, an adapter, `FuturesUnordered`, a program's `impl Stream`) is a
 * `SimStream` whose `pollNext` returns `Some(item)` / `None` (an `Option` value), `PENDING` or `BLOCKED`.
 *
 * A stream is not a future: it is polled by the future that consumes it (`next()`, `collect()`, `fold`),
 * and that future is the `owner` every child future the stream polls is recorded under (`poll-child`), so
 * the trace shows which child a combinator polled. A poll that returned `BLOCKED` is resumed by polling
 * again: streams keep the child they were polling and poll it again, which resumes it.
 */
import type { Span } from '../../../lang/diagnostics';
import { SimFuture, pollChild } from '../../future';
import { isGen, type InterpCore } from '../../interp/core';
import { intoFuture, RContext } from '../../interp/into-future';
import { BLOCKED, PENDING, type PollOutcome } from '../../poll';
import type { PollCx } from '../../task';
import { deref, NONE, REnum, RObject, RRef, RStruct, RTuple, some, type Value } from '../../values';
import type { World } from '../../world';

export abstract class SimStream extends RObject {
  constructor(
    readonly world: World,
    readonly interp: InterpCore,
    /** Where the stream was made, for messages. */
    readonly span: Span,
  ) {
    super();
  }

  /** `Stream::poll_next`: `Some(item)` / `None`, `PENDING` (a waker is registered) or `BLOCKED`. */
  abstract pollNext(cx: PollCx, owner: SimFuture): PollOutcome;

  /** `Stream::size_hint`. */
  sizeHint(): [number, number | null] {
    return [0, null];
  }

  /** `FusedStream::is_terminated`: only fused streams know (`fuse()`); the rest say false. */
  isTerminated(): boolean {
    return false;
  }

  /** Implements futures' `FusedStream` (`Fuse`, `Peekable`, `FuturesUnordered` / `FuturesOrdered`). */
  get fusedStream(): boolean {
    return false;
  }

  /** Dropping a stream drops the futures and resources it holds. */
  dropValue(_interp: InterpCore): void {}

  fmtDebug(): string {
    return `${this.typeName()} { .. }`;
  }
}

/** `Poll<Option<T>>` of a child stream as the adapters read it. */
export function isSome(v: PollOutcome): v is REnum {
  return v instanceof REnum && v.variant === 'Some';
}
export function isNone(v: PollOutcome): boolean {
  return v instanceof REnum && v.enumName === 'Option' && v.variant === 'None';
}
export { NONE, some };

/**
 * Calls a program's closure from inside a poll (a `map` or `filter` closure). A closure that blocks its
 * thread there is refused: the stream would have to resume the closure's own frame.
 */
export function callNow(interp: InterpCore, f: Value, args: Value[], sp: Span): Value {
  const r = interp.callValue(f, args, sp);
  if (!isGen(r)) return r;
  const s = r.next();
  if (s.done) return s.value;
  return interp.unsupported(
    'a stream closure that blocks its thread or awaits is not supported by Pollscope yet',
    sp,
    'use `then` with an async closure body for work that waits',
  );
}

/**
 * What `futures`' async-closure adapters (`filter`, `fold`, `for_each`) get back: a future to await, or —
 * `tokio_stream::StreamExt`'s synchronous versions of the same methods — the value itself.
 */
export function asFutureOrValue(interp: InterpCore, v: Value, sp: Span): SimFuture | Value {
  const x = v instanceof RRef ? deref(v) : v;
  if (x instanceof SimFuture) return x;
  if (
    (x instanceof RStruct || x instanceof REnum) &&
    x.def &&
    interp.program.futureImpls.has(x.def.key ?? x.def.name)
  )
    return intoFuture(interp, x, sp);
  return v;
}

/** A program's `impl Stream for T`: each poll calls its `poll_next(self: Pin<&mut Self>, cx)`. */
export class UserStream extends SimStream {
  private gen: Generator<unknown, Value, undefined> | null = null;

  constructor(
    world: World,
    interp: InterpCore,
    sp: Span,
    private readonly self: RRef,
    private readonly name: string,
  ) {
    super(world, interp, sp);
  }

  typeName(): string {
    return this.name;
  }

  pollNext(cx: PollCx): PollOutcome {
    if (!this.gen) {
      const value = deref(this.self);
      const found = this.interp.traits.forValue(value, 'poll_next');
      if (found?.k !== 'fn')
        return this.interp.unsupported(`\`${this.name}\` has no \`poll_next\``, this.span);
      const r = this.interp.callFnItem(found.fn, [new RContext(cx)], this.self, found.selfKey);
      if (!isGen(r)) return this.settle(r);
      this.gen = r as Generator<unknown, Value, undefined>;
    }
    const r = this.gen.next();
    if (!r.done) {
      if (r.value === PENDING)
        return this.interp.unsupported('`.await` inside `Stream::poll_next` is not allowed', this.span);
      this.interp.setBlockRequest(r.value as never);
      return BLOCKED;
    }
    this.gen = null;
    return this.settle(r.value);
  }

  private settle(v: Value): PollOutcome {
    const out = deref(v);
    if (out instanceof REnum && out.enumName === 'Poll') {
      if (out.variant === 'Pending') return PENDING;
      return out.values[0]!;
    }
    return this.interp.unsupported(
      '`Stream::poll_next` must return `Poll::Ready(..)` or `Poll::Pending`',
      this.span,
    );
  }

  override sizeHint(): [number, number | null] {
    const found = this.interp.traits.forValue(deref(this.self), 'size_hint');
    if (found?.k !== 'fn') return [0, null];
    const r = this.interp.runUserSync(found.fn, [], this.self, found.selfKey);
    const t = deref(r);
    if (t instanceof RTuple && typeof t.items[0] === 'number') {
      const hi = deref(t.items[1]!);
      return [t.items[0], hi instanceof REnum && hi.variant === 'Some' ? (hi.values[0] as number) : null];
    }
    return [0, null];
  }
}

/** Whether a program's type implements `Stream` (has a `poll_next`). */
export function isUserStream(interp: InterpCore, v: Value): v is RStruct | REnum {
  if (!(v instanceof RStruct || (v instanceof REnum && v.def !== null))) return false;
  const found = interp.traits.forValue(v, 'poll_next');
  return found?.k === 'fn' && found.fn.selfMode !== null;
}

/** The stream a value is: a stream itself, a reference to one, or a program's `impl Stream` value. */
export function streamOf(interp: InterpCore, v: Value, sp: Span, place: RRef | null = null): SimStream {
  const x = deref(v);
  if (x instanceof SimStream) return x;
  if (isUserStream(interp, x)) {
    const ref = v instanceof RRef ? v : (place ?? new RRef({ get: () => x, set: () => {} }, true));
    const name = x instanceof RStruct ? x.def.name : (x as REnum).enumName;
    return new UserStream(interp.world, interp, sp, ref, name);
  }
  const t = typeof x === 'object' ? x.typeName() : typeof x;
  return interp.unsupported(`\`${t}\` is not a stream`, sp);
}

/** `StreamExt::next()`: a future that polls the stream once per poll and returns its `Option`. */
export class NextFuture extends SimFuture {
  constructor(
    world: World,
    private readonly stream: SimStream,
    site: number,
  ) {
    super(world, 'Next', site);
  }

  protected pollInner(cx: PollCx): PollOutcome {
    const r = this.stream.pollNext(cx, this);
    if (r !== PENDING && r !== BLOCKED) this.child = null;
    return r;
  }

  describeWait(): string {
    return `the next item of a ${this.stream.typeName()} stream`;
  }

  /** futures' `Next<St: FusedStream>`: terminated once its stream is (a `select!` skips it then). */
  override isTerminated(): boolean {
    return this.done || this.stream.isTerminated();
  }
}

/** Polls a child future on behalf of a stream, recorded under the consuming future. */
export function pollFut(world: World, owner: SimFuture, f: SimFuture, cx: PollCx): PollOutcome {
  // The owner's `child` is what a deadlock report and the future tree show it waiting on: the last child
  // left pending (a FuturesUnordered has several; the report names one).
  const r = pollChild(world, owner, f, cx);
  if (r === PENDING) owner.child = f;
  else if (owner.child === f) owner.child = null;
  return r;
}
