/**
 * `tokio::sync::oneshot` (spec §10.3): one value, sent synchronously. Sending wakes the receiver by
 * reference; dropping the sender without sending completes the receiver with `RecvError`; sending after the
 * receiver is gone returns the value back as `Err(v)`. Receiving spends coop budget.
 */
import { SimFuture } from '../../../future';
import { RObject, RTuple, UNIT, deref, errVal, okVal, type Value } from '../../../values';
import { WakerSlot } from '../../../waker';
import type { World } from '../../../world';
import type { InterpCore } from '../../../interp/core';
import { dropValue } from '../../../interp/drops';
import { shortDebug } from '../../../interp/async-future';
import { WaitQueue } from '../../../machine';
import { pollProceed, restoreBudget } from '../../../coop';
import { defineFn, defineMethods, type CallCtx } from '../../../interp/registry';
import { BLOCK_IN_RUNTIME } from './semaphore';
import { oneshotRecvError, oneshotTryRecvClosed, oneshotTryRecvEmpty } from './errors';
import { registerIntoFuture } from '../../../interp/into-future';
import { PENDING, type PollOutcome, type Gen } from '../../../poll';
import type { PollCx } from '../../../task';

class Oneshot {
  value: Value | undefined = undefined;
  valueSent = false;
  /** Complete without a value: the sender was dropped. */
  txDropped = false;
  rxClosed = false;
  readonly rxWaker: WakerSlot;
  readonly txWaker: WakerSlot;
  readonly threadWaiters = new WaitQueue();
  constructor(
    readonly world: World,
    readonly resource: number,
  ) {
    this.rxWaker = new WakerSlot(resource);
    this.txWaker = new WakerSlot(resource);
  }
  state(text: string): void {
    this.world.machine.emit('resource-state', { resource: this.resource, text });
  }
}

export class OneshotSender extends RObject {
  done = false;
  constructor(readonly ch: Oneshot) {
    super();
  }
  typeName(): string {
    return 'oneshot::Sender';
  }
  fmtDebug(): string {
    return 'Sender { inner: Some(Inner { .. }) }';
  }
  dropValue(): void {
    if (this.done) return;
    this.done = true;
    const c = this.ch;
    c.txDropped = true;
    c.state('sender dropped without sending');
    // `Drop for Sender` → `Inner::complete`: wakes the receiver by reference.
    c.rxWaker.wakeByRef(c.world);
    c.threadWaiters.notifyAll(c.world.machine);
  }
}

export class OneshotReceiver extends RObject {
  dropped = false;
  constructor(readonly ch: Oneshot) {
    super();
  }
  typeName(): string {
    return 'oneshot::Receiver';
  }
  fmtDebug(): string {
    return 'Receiver { inner: Some(Inner { .. }) }';
  }
  dropValue(interp: InterpCore): void {
    if (this.dropped) return;
    this.dropped = true;
    const c = this.ch;
    c.rxClosed = true;
    c.rxWaker.clear(c.world);
    c.state('receiver dropped');
    // `Drop for Receiver` → `Inner::close`: wakes a sender waiting in `closed()` by reference.
    c.txWaker.wakeByRef(c.world);
    if (c.value !== undefined) {
      const v = c.value;
      c.value = undefined;
      dropValue(interp, v);
    }
  }
}

const RECV_ERROR = oneshotRecvError;

/** Awaiting the `Receiver` itself. */
class OneshotRecvFuture extends SimFuture {
  constructor(
    world: World,
    readonly rx: OneshotReceiver,
    site: number,
    /** Awaited as `&mut rx`: finishing or dropping the await does not drop the receiver. */
    private readonly borrowed: boolean,
  ) {
    super(world, 'oneshot::Receiver', site);
  }
  protected pollInner(cx: PollCx): PollOutcome {
    const c = this.rx.ch;
    if (!pollProceed(this.world, cx, c.resource)) return PENDING;
    if (c.valueSent && c.value !== undefined) {
      const v = c.value;
      c.value = undefined;
      c.state('value received');
      return okVal(v);
    }
    if (c.txDropped) return errVal(RECV_ERROR());
    c.rxWaker.register(this.world, cx.waker);
    restoreBudget(this.world);
    return PENDING;
  }
  protected override onDrop(): void {
    if (!this.borrowed) this.world.interp.dropValue(this.rx);
  }
  describeWait(): string {
    return 'a oneshot value (the sender is alive but has not sent)';
  }
}

/** `Sender::closed()`: waits for the receiver to go away. */
class ClosedFuture extends SimFuture {
  constructor(
    world: World,
    readonly ch: Oneshot,
    site: number,
  ) {
    super(world, 'Closed', site);
  }
  protected pollInner(cx: PollCx): PollOutcome {
    if (this.ch.rxClosed) return UNIT;
    this.ch.txWaker.register(this.world, cx.waker);
    return PENDING;
  }
}

function txOf(ctx: CallCtx, v: Value): OneshotSender {
  const t = deref(v);
  if (t instanceof OneshotSender) return t;
  return ctx.interp.unsupported('expected a oneshot Sender');
}
function rxOf(ctx: CallCtx, v: Value): OneshotReceiver {
  const r = deref(v);
  if (r instanceof OneshotReceiver) return r;
  return ctx.interp.unsupported('expected a oneshot Receiver');
}

defineFn(['tokio::sync::oneshot::channel'], {
  pure: true,
  call: (ctx) => {
    const res = ctx.world.newResource('oneshot', 'oneshot::channel()', ctx.span.start);
    const ch = new Oneshot(ctx.world, res);
    return new RTuple([new OneshotSender(ch), new OneshotReceiver(ch)]);
  },
});

defineMethods(OneshotSender, 'tokio::sync::oneshot::Sender', {
  send: (ctx, self, [v]) => {
    const tx = txOf(ctx, self);
    ctx.consume();
    tx.done = true;
    const c = tx.ch;
    if (c.rxClosed) return errVal(v!);
    c.value = v!;
    c.valueSent = true;
    ctx.world.machine.emit('chan-push', { resource: c.resource, value: shortDebug(v!) });
    c.state('value sent');
    c.rxWaker.wakeByRef(ctx.world);
    c.threadWaiters.notifyAll(ctx.world.machine);
    return okVal(UNIT);
  },
  is_closed: (ctx, self) => txOf(ctx, self).ch.rxClosed,
  closed: (ctx, self) => new ClosedFuture(ctx.world, txOf(ctx, self).ch, ctx.span.start),
});

/** `Receiver::blocking_recv` for OS threads. */
function* blockingRecv(ctx: CallCtx, rx: OneshotReceiver): Gen<Value> {
  const c = rx.ch;
  const m = ctx.world.machine;
  if (m.current.entered) return ctx.interp.panic(BLOCK_IN_RUNTIME);
  for (;;) {
    if (c.valueSent && c.value !== undefined) {
      const v = c.value;
      c.value = undefined;
      return okVal(v);
    }
    if (c.txDropped) return errVal(RECV_ERROR());
    m.emit('block', { until: -1, what: 'blocking_recv on a oneshot channel', site: ctx.span.start });
    yield { kind: 'wait', queue: c.threadWaiters, what: 'blocking_recv on a oneshot channel' };
    m.emit('unblock', {});
  }
}

defineMethods(OneshotReceiver, 'tokio::sync::oneshot::Receiver', {
  /** `.await` on a Receiver goes through `IntoFuture`: see into-future.ts. */
  try_recv: (ctx, self) => {
    const c = rxOf(ctx, self).ch;
    if (c.valueSent && c.value !== undefined) {
      const v = c.value;
      c.value = undefined;
      return okVal(v);
    }
    if (c.txDropped || c.valueSent) return errVal(oneshotTryRecvClosed());
    return errVal(oneshotTryRecvEmpty());
  },
  close: (ctx, self) => {
    const c = rxOf(ctx, self).ch;
    c.rxClosed = true;
    c.txWaker.wakeByRef(ctx.world);
    return UNIT;
  },
  blocking_recv: (ctx, self) => {
    ctx.consume();
    return blockingRecv(ctx, rxOf(ctx, self));
  },
});

// A oneshot Receiver is itself a future: `rx.await`, `select! { v = &mut rx => .. }`.
registerIntoFuture((world, v, borrowed, site) =>
  v instanceof OneshotReceiver ? new OneshotRecvFuture(world, v, site, borrowed) : null,
);
