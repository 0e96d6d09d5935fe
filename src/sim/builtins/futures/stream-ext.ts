/**
 * `StreamExt` (futures-util 0.3.21 and tokio-stream 0.1.9): the methods every stream has, registered on
 * `SimStream` and — for a program's `impl Stream for T` — on the program's own types. Consumers (`collect`,
 * `fold`, `for_each`, `count`) are futures that pull the stream until it ends.
 */
import { SimFuture, type SimFuture as SimFutureT } from '../../future';
import type { InterpCore } from '../../interp/core';
import { addUserTraitCheck } from '../../interp/iterate';
import { defineFn, defineMethods, findMethod, type CallCtx, type MethodImpl } from '../../interp/registry';
import { BLOCKED, PENDING, type PollOutcome } from '../../poll';
import type { PollCx } from '../../task';
import {
  deref,
  errVal,
  NONE,
  okVal,
  RDuration,
  REnum,
  RRef,
  RStruct,
  RTuple,
  some,
  UNIT,
  type Value,
} from '../../values';
import type { World } from '../../world';
import { expectedType, fromItems, typeHead } from '../std/iter/collect';
import { num } from '../support';
import { BufferStream } from './futures-unordered';
import {
  ChainStream,
  EnumerateStream,
  FilterStream,
  FuseStream,
  MapStream,
  MergeStream,
  TakeSkipStream,
  ThenStream,
  ThrottleStream,
  TimeoutStream,
} from './stream-adapters';
import { ChunksStream, InspectStream, WhileStream, ZipStream } from './stream-adapters-more';
import {
  FlattenStream,
  PeekableStream,
  PeekFuture,
  ScanStream,
  SelectNextSomeFuture,
} from './stream-adapters-nested';
import { MapResultStream, TryCollectFuture, TryNextFuture } from './stream-try';
import { ForEachConcurrentFuture, limitOf } from './for-each-concurrent';
import { asFutureOrValue, callNow, isUserStream, NextFuture, pollFut, SimStream, streamOf } from './stream';

function isFut(v: unknown): v is SimFutureT {
  return v instanceof SimFuture;
}

type Kind = 'Collect' | 'Fold' | 'ForEach' | 'Count' | 'Any' | 'All';

/** A consumer: pulls its stream on every poll until `None` (or a pending child), then finishes. */
class ConsumeFuture extends SimFuture {
  private acc: Value;
  private readonly items: Value[] = [];
  private pending: SimFutureT | null = null;
  /** A collect into `Result` / `Option` that met an `Err` / `None`. */
  private early: Value | null = null;

  constructor(
    world: World,
    private readonly interp: InterpCore,
    private readonly ctx: CallCtx,
    private readonly stream: SimStream,
    private readonly kind: Kind,
    init: Value,
    private readonly f: Value | null,
  ) {
    super(world, kind, ctx.span.start);
    this.acc = init;
  }

  private step(item: Value): Value | SimFutureT {
    switch (this.kind) {
      case 'Collect': {
        // tokio_stream's `FromStream` for `Result<C, E>` (and `Option<C>`): stops at the first `Err`.
        const head = typeHead(expectedType(this.ctx));
        const e = deref(item);
        if ((head === 'Result' || head === 'Option') && e instanceof REnum) {
          if (e.variant === 'Err' || e.variant === 'None')
            this.early = head === 'Result' ? errVal(e.values[0]!) : NONE;
          else this.items.push(e.values[0]!);
        } else this.items.push(item);
        return this.acc;
      }
      case 'Count':
        return (this.acc as number) + 1;
      case 'Fold':
        return asFutureOrValue(
          this.interp,
          callNow(this.interp, this.f!, [this.acc, item], this.ctx.span),
          this.ctx.span,
        );
      case 'ForEach':
      case 'Any':
      case 'All':
        return asFutureOrValue(
          this.interp,
          callNow(this.interp, this.f!, [item], this.ctx.span),
          this.ctx.span,
        );
    }
  }

  /** `any` / `all`: the answer once an item decides it (`any` at the first true, `all` at the first false). */
  private decided(v: Value): boolean {
    if (this.kind === 'Any') return deref(v) === true;
    if (this.kind === 'All') return deref(v) !== true;
    return false;
  }

  protected pollInner(cx: PollCx): PollOutcome {
    for (;;) {
      if (this.pending) {
        const r = this.pollPending(cx);
        if (r === PENDING || r === BLOCKED) return r;
        if (this.decided(r)) return this.kind === 'Any';
        continue;
      }
      const r = this.stream.pollNext(cx, this);
      if (r === PENDING || r === BLOCKED) return r;
      const o = deref(r) as unknown as { variant: string; values: Value[] };
      if (o.variant === 'None') return this.finish();
      const next = this.step(o.values[0]!);
      if (isFut(next)) this.pending = next;
      else if (this.early !== null) {
        for (const x of this.items) this.interp.dropValue(x);
        return this.early;
      } else if (this.decided(next)) return this.kind === 'Any';
      else if (this.kind !== 'ForEach') this.acc = next;
    }
  }

  private pollPending(cx: PollCx): PollOutcome {
    const r = pollFut(this.world, this, this.pending!, cx);
    if (r === PENDING || r === BLOCKED) return r;
    this.pending!.drop();
    this.pending = null;
    if (this.kind === 'Fold') this.acc = r;
    return r;
  }

  private finish(): Value {
    switch (this.kind) {
      case 'Collect': {
        const ty = expectedType(this.ctx);
        const head = typeHead(ty);
        if (head !== 'Result' && head !== 'Option') return fromItems(this.interp, this.items, ty);
        const c = fromItems(this.interp, this.items, ty?.k === 'path' ? (ty.args[0] ?? null) : null);
        return head === 'Result' ? okVal(c) : some(c);
      }
      case 'Any':
        return false;
      case 'All':
        return true;
      default:
        return this.acc;
    }
  }

  protected override onDrop(): void {
    this.pending?.drop();
    this.stream.dropValue(this.interp);
  }
}

function durationNs(ctx: CallCtx, v: Value | undefined): number {
  const d = v === undefined ? undefined : deref(v);
  if (d instanceof RDuration) return d.ns;
  return ctx.interp.unsupported('expected a `Duration`', ctx.span);
}

/** The stream a method's receiver is; `&mut stream` and pinned streams are the stream itself. */
function recv(ctx: CallCtx, self: Value): SimStream {
  const x = deref(self);
  if (x instanceof SimStream) return x;
  const place = ctx.place ? new RRef(ctx.place, true) : null;
  return streamOf(ctx.interp, self, ctx.span, place);
}

/** A method that turns the stream into an adapter (takes `self` by value). */
function adapt(make: (ctx: CallCtx, s: SimStream, args: Value[]) => SimStream): MethodImpl {
  return (ctx, self, args) => {
    const s = recv(ctx, self);
    ctx.consume();
    return make(ctx, s, args);
  };
}

function consume(kind: Kind): MethodImpl {
  return (ctx, self, args) => {
    const s = recv(ctx, self);
    ctx.consume();
    const init: Value = kind === 'Collect' ? UNIT : kind === 'Count' ? 0 : kind === 'Fold' ? args[0]! : UNIT;
    const f = kind === 'Fold' ? args[1]! : kind === 'Collect' || kind === 'Count' ? null : args[0]!;
    const fut = new ConsumeFuture(ctx.world, ctx.interp, ctx, s, kind, init, f);
    return fut;
  };
}

export const STREAM_METHODS: Record<string, MethodImpl> = {
  /** `StreamExt::next`: a future polling the stream once per poll (the stream stays where it is). */
  next: (ctx, self) => new NextFuture(ctx.world, recv(ctx, self), ctx.span.start),
  map: adapt((ctx, s, [f]) => new MapStream(ctx.world, ctx.interp, ctx.span, s, f!)),
  filter: adapt((ctx, s, [f]) => new FilterStream(ctx.world, ctx.interp, ctx.span, s, f!, false)),
  filter_map: adapt((ctx, s, [f]) => new FilterStream(ctx.world, ctx.interp, ctx.span, s, f!, true)),
  then: adapt((ctx, s, [f]) => new ThenStream(ctx.world, ctx.interp, ctx.span, s, f!)),
  take: adapt((ctx, s, [n]) => new TakeSkipStream(ctx.world, ctx.interp, ctx.span, s, num(ctx, n), true)),
  skip: adapt((ctx, s, [n]) => new TakeSkipStream(ctx.world, ctx.interp, ctx.span, s, num(ctx, n), false)),
  enumerate: adapt((ctx, s) => new EnumerateStream(ctx.world, ctx.interp, ctx.span, s)),
  fuse: adapt((ctx, s) => new FuseStream(ctx.world, ctx.interp, ctx.span, s)),
  chain: adapt((ctx, s, [o]) => new ChainStream(ctx.world, ctx.interp, ctx.span, s, recv(ctx, o!))),
  merge: adapt((ctx, s, [o]) => new MergeStream(ctx.world, ctx.interp, ctx.span, s, recv(ctx, o!))),
  timeout: adapt((ctx, s, [d]) => new TimeoutStream(ctx.world, ctx.interp, ctx.span, s, durationNs(ctx, d))),
  throttle: adapt(
    (ctx, s, [d]) => new ThrottleStream(ctx.world, ctx.interp, ctx.span, s, durationNs(ctx, d)),
  ),
  buffer_unordered: adapt(
    (ctx, s, [n]) => new BufferStream(ctx.world, ctx.interp, ctx.span, s, num(ctx, n), false),
  ),
  buffered: adapt((ctx, s, [n]) => new BufferStream(ctx.world, ctx.interp, ctx.span, s, num(ctx, n), true)),
  /** `boxed()` / `boxed_local()`: a `Pin<Box<dyn Stream>>` is the stream itself here. */
  boxed: adapt((_ctx, s) => s),
  boxed_local: adapt((_ctx, s) => s),
  collect: consume('Collect'),
  fold: consume('Fold'),
  for_each: consume('ForEach'),
  for_each_concurrent: (ctx, self, [limit, f]) => {
    const s = recv(ctx, self);
    ctx.consume();
    return new ForEachConcurrentFuture(ctx.world, ctx.interp, ctx.span, s, limitOf(limit), f!);
  },
  count: consume('Count'),
  any: consume('Any'),
  all: consume('All'),
  take_while: adapt((ctx, s, [f]) => new WhileStream(ctx.world, ctx.interp, ctx.span, s, f!, true)),
  skip_while: adapt((ctx, s, [f]) => new WhileStream(ctx.world, ctx.interp, ctx.span, s, f!, false)),
  inspect: adapt((ctx, s, [f]) => new InspectStream(ctx.world, ctx.interp, ctx.span, s, f!)),
  zip: adapt((ctx, s, [o]) => new ZipStream(ctx.world, ctx.interp, ctx.span, s, recv(ctx, o!))),
  chunks: adapt((ctx, s, [n]) => new ChunksStream(ctx.world, ctx.interp, ctx.span, s, num(ctx, n))),
  flatten: adapt((ctx, s) => new FlattenStream(ctx.world, ctx.interp, ctx.span, s)),
  /** `flat_map(f)`: `map(f).flatten()` (futures' FlatMap is exactly that). */
  flat_map: adapt(
    (ctx, s, [f]) =>
      new FlattenStream(
        ctx.world,
        ctx.interp,
        ctx.span,
        new MapStream(ctx.world, ctx.interp, ctx.span, s, f!),
        'FlatMap',
      ),
  ),
  scan: adapt((ctx, s, [init, f]) => new ScanStream(ctx.world, ctx.interp, ctx.span, s, init!, f!)),
  peekable: adapt((ctx, s) => new PeekableStream(ctx.world, ctx.interp, ctx.span, s)),
  /** `select_next_some()`: for `futures::select!` loops over fused streams. */
  select_next_some: (ctx, self) => {
    const s = recv(ctx, self);
    // futures requires `Self: FusedStream`: without it the end of the stream could never be seen.
    if (!s.fusedStream)
      return ctx.interp.unsupported(
        `\`select_next_some\` needs a fused stream, and a \`${s.typeName()}\` is not one`,
        ctx.span,
        'call `.fuse()` on the stream first (rustc requires `FusedStream` here)',
      );
    return new SelectNextSomeFuture(ctx.world, s, ctx.span.start);
  },
  /** `try_next()` (tokio_stream's StreamExt; futures' TryStreamExt). */
  try_next: (ctx, self) => new TryNextFuture(ctx.world, ctx.interp, recv(ctx, self), ctx.span),
  size_hint: (ctx, self) => {
    const [lo, hi] = recv(ctx, self).sizeHint();
    return new RTuple([lo, hi === null ? NONE : some(hi)]);
  },
};

defineMethods(SimStream, 'futures::stream::StreamExt / tokio_stream::StreamExt', STREAM_METHODS);

/** `TryStreamExt` (futures-util `stream/try_stream`): streams of `Result`s. */
defineMethods(SimStream, 'futures::stream::TryStreamExt', {
  try_next: STREAM_METHODS.try_next!,
  try_collect: (ctx, self) => {
    const s = recv(ctx, self);
    ctx.consume();
    return new TryCollectFuture(ctx.world, ctx.interp, ctx, s);
  },
  map_ok: adapt((ctx, s, [f]) => new MapResultStream(ctx.world, ctx.interp, ctx.span, s, f!, 'Ok')),
  map_err: adapt((ctx, s, [f]) => new MapResultStream(ctx.world, ctx.interp, ctx.span, s, f!, 'Err')),
});

/** A pinned stream's `as_mut()` (`Pin<&mut S>`): the stream where it lives, by reference. */
defineMethods(SimStream, 'std::pin::Pin', {
  as_mut: (ctx, self) => {
    if (self instanceof RRef) return self;
    if (ctx.place) return new RRef(ctx.place, true);
    return ctx.interp.unsupported('`as_mut` needs the stream in a variable', ctx.span);
  },
});

/** `FusedStream::is_terminated` of the fused streams (false for the others, which rustc would refuse). */
defineMethods(SimStream, 'futures::stream::FusedStream', {
  is_terminated: (ctx, self) => recv(ctx, self).isTerminated(),
});

/** `Peekable::peek()`: `Option<&Item>` without taking it. */
defineMethods(PeekableStream, 'futures::stream::Peekable', {
  peek: (ctx, self) => new PeekFuture(ctx.world, recv(ctx, self) as PeekableStream, ctx.span.start),
});

/**
 * A program's `impl Stream for T` gets `StreamExt`: the same methods on its own types. A type that is not
 * a stream falls through to what was registered before (the `Iterator` methods of a user iterator).
 */
const userStreamMethods: Record<string, MethodImpl> = {};
for (const [name, m] of Object.entries(STREAM_METHODS)) {
  const before = findMethod(Object.create(RStruct.prototype) as Value, name);
  userStreamMethods[name] = (ctx, self, args) => {
    if (isUserStream(ctx.interp, deref(self))) return m(ctx, self, args);
    if (before) return before(ctx, self, args);
    const x = deref(self);
    return ctx.interp.unsupported(
      `no method \`${name}\` on a value of type \`${typeof x === 'object' ? x.typeName() : typeof x}\` in Pollscope`,
    );
  };
}
defineMethods(RStruct, 'futures::stream::StreamExt / tokio_stream::StreamExt', userStreamMethods);
addUserTraitCheck(Object.values(userStreamMethods), isUserStream);

/** futures' `stream::select(a, b)` (`stream/select.rs`): round robin from the first, each side fused. */
defineFn(['futures::stream::select'], {
  pure: false,
  arity: 2,
  call: (ctx, [a, b]) =>
    new MergeStream(ctx.world, ctx.interp, ctx.span, recv(ctx, a!), recv(ctx, b!), 'Select'),
});
