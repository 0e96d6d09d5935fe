/**
 * Reserving a slot of a bounded `tokio::sync::mpsc` channel before sending (tokio 1.24
 * `sync/mpsc/bounded.rs`): `reserve().await` waits for a permit of the channel's semaphore (FIFO with
 * `send`) and returns a `Permit`, whose `send(v)` cannot fail or wait; `try_reserve()` fails with
 * `TrySendError::Full(())` / `Closed(())`. The owned forms (`reserve_owned`, `try_reserve_owned`) take the
 * `Sender` by value and give it back from `OwnedPermit::send` / `release`. Dropping an unused permit returns
 * the slot (and wakes the receiver if that was the last thing keeping a closed channel open).
 */
import { dropValue } from '../../../interp/drops';
import type { InterpCore } from '../../../interp/core';
import { defineMethods, type CallCtx } from '../../../interp/registry';
import { deref, errVal, okVal, RObject, UNIT, type Value } from '../../../values';
import { AcquireFuture } from './semaphore';
import { mpscSendError, mpscTrySendClosed, mpscTrySendFull } from './errors';
import { RSender, type Chan } from './mpsc';

/** `Permit<'_, T>` / `OwnedPermit<T>`: one reserved slot of the channel. */
export class MpscPermit extends RObject {
  private used = false;
  constructor(
    readonly chan: Chan,
    /** `OwnedPermit`: the Sender it holds (given back by `send` / `release`). */
    readonly sender: RSender | null,
  ) {
    super();
  }
  typeName(): string {
    return this.sender ? 'OwnedPermit' : 'Permit';
  }
  fmtDebug(): string {
    return `${this.typeName()} { chan: Tx { .. } }`;
  }
  /** `Permit::send`: the slot is already ours, so the value goes straight into the queue. */
  send(v: Value): void {
    this.used = true;
    this.chan.push(v);
    this.chan.state();
  }
  /** Gives the slot back without sending. */
  release(): void {
    if (this.used) return;
    this.used = true;
    this.chan.sem!.release(1);
    // `if semaphore.is_closed() && semaphore.is_idle() { chan.wake_rx() }`
    if (this.chan.rxClosed || this.chan.txClosed) this.chan.rxWaker.wake(this.chan.world);
  }
  dropValue(interp: InterpCore): void {
    if (this.used) return;
    this.release();
    if (this.sender) dropValue(interp, this.sender);
  }
}

function boundedSender(ctx: CallCtx, v: Value, method: string): RSender {
  const s = deref(v);
  if (s instanceof RSender && s.chan.sem) return s;
  return ctx.interp.unsupported(`\`${method}\` is a method of a bounded mpsc \`Sender\``, ctx.span);
}

function reserve(ctx: CallCtx, s: RSender, owned: boolean): Value {
  const c = s.chan;
  return new AcquireFuture(ctx.world, c.sem!, 1, 'Reserve', ctx.span.start, (granted) => {
    if (granted) return okVal(new MpscPermit(c, owned ? s : null));
    // The owned form consumed the Sender: `reserve_owned` gives `SendError(())` and drops it.
    if (owned) dropValue(ctx.interp, s);
    return errVal(mpscSendError(UNIT));
  });
}

function tryReserve(_ctx: CallCtx, s: RSender, owned: boolean): Value {
  const c = s.chan;
  const r = c.sem!.tryAcquire(1);
  if (r === 'ok') return okVal(new MpscPermit(c, owned ? s : null));
  // `try_reserve_owned` hands the Sender back in the error; `try_reserve` gives `()`.
  const payload = owned ? s : UNIT;
  return errVal(r === 'closed' ? mpscTrySendClosed(payload) : mpscTrySendFull(payload));
}

defineMethods(RSender, 'tokio::sync::mpsc::Sender', {
  reserve: (ctx, self) => reserve(ctx, boundedSender(ctx, self, 'reserve'), false),
  try_reserve: (ctx, self) => tryReserve(ctx, boundedSender(ctx, self, 'try_reserve'), false),
  reserve_owned: (ctx, self) => {
    const s = boundedSender(ctx, self, 'reserve_owned');
    ctx.consume();
    return reserve(ctx, s, true);
  },
  try_reserve_owned: (ctx, self) => {
    const s = boundedSender(ctx, self, 'try_reserve_owned');
    ctx.consume();
    return tryReserve(ctx, s, true);
  },
});

function permitOf(ctx: CallCtx, v: Value): MpscPermit {
  const p = deref(v);
  if (p instanceof MpscPermit) return p;
  return ctx.interp.unsupported('expected an mpsc Permit', ctx.span);
}

defineMethods(MpscPermit, 'tokio::sync::mpsc::Permit', {
  /** `Permit::send(self, v)`; `OwnedPermit::send(self, v) -> Sender<T>`. */
  send: (ctx, self, [v]) => {
    const p = permitOf(ctx, self);
    ctx.consume();
    p.send(v!);
    return p.sender ?? UNIT;
  },
  /** `OwnedPermit::release(self) -> Sender<T>`. */
  release: (ctx, self) => {
    const p = permitOf(ctx, self);
    if (!p.sender) return ctx.interp.unsupported('`release` is a method of `OwnedPermit`', ctx.span);
    ctx.consume();
    p.release();
    return p.sender;
  },
});
