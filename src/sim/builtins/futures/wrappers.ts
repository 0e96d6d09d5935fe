/**
 * `tokio_stream::wrappers` (tokio-stream 0.1.9): `ReceiverStream`, `UnboundedReceiverStream`,
 * `IntervalStream`, `BroadcastStream`. Each `poll_next` is the wrapped value's own poll (`poll_recv`,
 * `poll_tick`, the boxed `recv()` future of BroadcastStream): here, the future the wrapped value's `recv` /
 * `tick` method returns, kept across polls until it is ready, so the receiver's waker is registered by the
 * channel itself (who woke the task shows in the trace as the channel or the timer).
 */
import type { Span } from '../../../lang/diagnostics';
import type { SimFuture } from '../../future';
import { cloneValue } from '../../interp/clone';
import type { InterpCore } from '../../interp/core';
import { defineFn, defineMethods, findMethod, type CallCtx } from '../../interp/registry';
import { BLOCKED, PENDING, type PollOutcome } from '../../poll';
import type { PollCx } from '../../task';
import type { REnum } from '../../values';
import { deref, errVal, NONE, some, type Value } from '../../values';
import type { World } from '../../world';
import { ErrorValue } from '../error-value';
import { pollFut, SimStream } from './stream';

type Kind =
  'ReceiverStream' | 'UnboundedReceiverStream' | 'IntervalStream' | 'BroadcastStream' | 'WatchStream';

const METHOD: Record<Kind, string> = {
  ReceiverStream: 'recv',
  UnboundedReceiverStream: 'recv',
  IntervalStream: 'tick',
  BroadcastStream: 'recv',
  WatchStream: 'changed',
};

export class WrapperStream extends SimStream {
  private fut: SimFuture | null = null;
  /** WatchStream's first item is the current value, without waiting (`new` starts with a ready future). */
  private initial = true;

  constructor(
    world: World,
    interp: InterpCore,
    sp: Span,
    private readonly kind: Kind,
    readonly wrapped: Value,
  ) {
    super(world, interp, sp);
  }

  typeName(): string {
    return this.kind;
  }

  pollNext(cx: PollCx, owner: SimFuture): PollOutcome {
    if (this.kind === 'WatchStream' && this.initial) {
      this.initial = false;
      return some(this.watchValue());
    }
    if (!this.fut) {
      const name = METHOD[this.kind];
      const m = findMethod(this.wrapped, name);
      if (!m) return this.interp.unsupported(`\`${this.kind}\` wraps a value without \`${name}\``, this.span);
      this.fut = m(this.ctx(), this.wrapped, []) as SimFuture;
    }
    const r = pollFut(this.world, owner, this.fut, cx);
    if (r === PENDING || r === BLOCKED) return r;
    this.fut.drop();
    this.fut = null;
    switch (this.kind) {
      case 'IntervalStream':
        return some(r);
      case 'WatchStream':
        return (deref(r) as REnum).variant === 'Ok' ? some(this.watchValue()) : NONE;
      case 'BroadcastStream': {
        const o = deref(r) as REnum;
        if (o.variant === 'Ok') return some(r);
        const e = deref(o.values[0]!) as ErrorValue;
        if (e.variant === 'Closed') return NONE;
        const n = e.values[0]!;
        return some(
          errVal(new ErrorValue('BroadcastStreamRecvError', 'Lagged', [n], `channel lagged by ${String(n)}`)),
        );
      }
      default:
        return r;
    }
  }

  private ctx(): CallCtx {
    return {
      interp: this.interp,
      world: this.world,
      span: this.span,
      generics: [],
      node: null,
      place: null,
      consume: () => {},
    };
  }

  /** `(*rx.borrow_and_update()).clone()`. */
  private watchValue(): Value {
    const m = findMethod(this.wrapped, 'borrow_and_update');
    if (!m)
      return this.interp.unsupported('`WatchStream` wraps a value without `borrow_and_update`', this.span);
    const guard = m(this.ctx(), this.wrapped, []) as Value & { derefPlace?: () => { get(): Value } };
    const place = typeof guard === 'object' ? guard.derefPlace?.() : undefined;
    if (!place) return this.interp.unsupported('`WatchStream`: the borrow has no value', this.span);
    return cloneValue(this.interp, place.get());
  }

  override fmtDebug(): string {
    return `${this.kind} { inner: .. }`;
  }

  override dropValue(interp: InterpCore): void {
    this.fut?.drop();
    this.fut = null;
    interp.dropValue(this.wrapped);
  }
}

function wrap(kind: Kind) {
  return (ctx: CallCtx, [v]: Value[]) => new WrapperStream(ctx.world, ctx.interp, ctx.span, kind, v!);
}

/** `ReceiverStream::new(rx)` (`wrappers/mpsc_bounded.rs`): `poll_next` is `rx.poll_recv(cx)`. */
defineFn(['tokio_stream::wrappers::ReceiverStream::new'], {
  pure: true,
  arity: 1,
  call: wrap('ReceiverStream'),
});
/** `UnboundedReceiverStream::new(rx)` (`wrappers/mpsc_unbounded.rs`). */
defineFn(['tokio_stream::wrappers::UnboundedReceiverStream::new'], {
  pure: true,
  arity: 1,
  call: wrap('UnboundedReceiverStream'),
});
/** `IntervalStream::new(interval)` (`wrappers/interval.rs`): `interval.poll_tick(cx).map(Some)`. */
defineFn(['tokio_stream::wrappers::IntervalStream::new'], {
  pure: true,
  arity: 1,
  call: wrap('IntervalStream'),
});
/**
 * `BroadcastStream::new(rx)` (`wrappers/broadcast.rs`): `Ok(v)` items, `Err(Lagged(n))` for missed
 * messages, and the end of the stream when the channel is closed.
 */
defineFn(['tokio_stream::wrappers::BroadcastStream::new'], {
  pure: true,
  arity: 1,
  call: wrap('BroadcastStream'),
});

/**
 * `WatchStream::new(rx)` (`wrappers/watch.rs`): the current value at once, then the value after each
 * `changed()`; the end when the sender is gone.
 */
defineFn(['tokio_stream::wrappers::WatchStream::new'], { pure: true, arity: 1, call: wrap('WatchStream') });

defineMethods(
  WrapperStream,
  'tokio_stream::wrappers::{ReceiverStream, UnboundedReceiverStream, IntervalStream, BroadcastStream, WatchStream}',
  {
    into_inner: (ctx, self) => {
      ctx.consume();
      return (self as WrapperStream).wrapped;
    },
  },
);
