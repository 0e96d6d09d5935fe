/**
 * `tokio::sync::mpsc` (spec §10.2): bounded channels (a semaphore of `capacity` permits — a send waits for a
 * permit, FIFO across senders; a receive gives one back) and unbounded channels (sends never wait).
 *
 * The receiver's waker lives in an AtomicWaker slot: each send wakes it by value. The channel closes when
 * the last Sender is dropped (the receiver then drains and sees `None`) or when the Receiver is dropped or
 * closed (pending and future sends fail with `SendError`). `recv` spends coop budget.
 */
import { SimFuture } from '../../../future';
import { NONE, RObject, RTuple, UNIT, deref, errVal, okVal, some, type Value } from '../../../values';
import { WakerSlot } from '../../../waker';
import { slotsBytes, type Held } from '../../../memory';
import type { World } from '../../../world';
import type { InterpCore } from '../../../interp/core';
import { dropValue } from '../../../interp/drops';
import { shortDebug } from '../../../interp/async-future';
import { WaitQueue } from '../../../machine';
import { pollProceed, restoreBudget } from '../../../coop';
import { defineFn, defineMethods, type CallCtx } from '../../../interp/registry';
import { AcquireFuture, BatchSemaphore, BLOCK_IN_RUNTIME } from './semaphore';
import {
  mpscSendError,
  mpscTryRecvDisconnected,
  mpscTryRecvEmpty,
  mpscTrySendClosed,
  mpscTrySendFull,
} from './errors';
import { PENDING, type PollOutcome, type Gen } from '../../../poll';
import type { PollCx } from '../../../task';

/** The channel's state, shared by its handles. Held (memory.ts): its queue, a slot per queued value. */
export class Chan implements Held {
  readonly queue: Value[] = [];
  heldBytes = 0;
  readonly rxWaker: WakerSlot;
  txCount = 1;
  rxClosed = false;
  /** The Sender side closed (all senders dropped). */
  txClosed = false;
  /** Bounded channels: the semaphore of free slots. Unbounded: null. */
  readonly sem: BatchSemaphore | null;
  /** OS threads blocked in `blocking_recv` / `blocking_send`. */
  readonly threadWaiters = new WaitQueue();

  constructor(
    readonly world: World,
    readonly resource: number,
    readonly capacity: number | null,
  ) {
    this.rxWaker = new WakerSlot(resource);
    this.sem =
      capacity === null ? null : new BatchSemaphore(world, capacity, resource, () => this.describe());
    this.state();
  }

  describe(): string {
    const parts = [
      `${this.queue.length}${this.capacity === null ? '' : `/${this.capacity}`} queued`,
      `${this.txCount} sender${this.txCount === 1 ? '' : 's'}`,
    ];
    if (this.sem && this.sem.waiting) parts.push(`${this.sem.waiting} waiting to send`);
    if (this.rxClosed) parts.push('receiver closed');
    return parts.join(', ');
  }

  state(): void {
    this.world.machine.emit('chan-state', {
      resource: this.resource,
      queued: this.queue.length,
      senders: this.txCount,
      waiting: this.sem ? this.sem.waiting : 0,
    });
  }

  ownBytes(): number {
    return slotsBytes(this.queue.length, this.queue[0]);
  }

  push(v: Value): void {
    this.queue.push(v);
    // An unbounded channel that is only ever sent to ends in the memory limit (the values it holds were
    // charged when they were built; this is the queue's own slots).
    this.world.memory.track(this);
    this.world.machine.emit('chan-push', { resource: this.resource, value: shortDebug(v) });
    this.rxWaker.wake(this.world);
    this.threadWaiters.notifyAll(this.world.machine);
  }

  /** Pops a value and frees its slot (which may wake the oldest blocked sender). */
  pop(): Value | undefined {
    const v = this.queue.shift();
    if (v === undefined) return undefined;
    this.world.memory.track(this);
    this.world.machine.emit('chan-pop', { resource: this.resource });
    if (this.sem) this.sem.release(1);
    // The counters change on a receive too; without this an unbounded channel would show its count as of
    // the last send while it is drained.
    this.state();
    this.threadWaiters.notifyAll(this.world.machine);
    return v;
  }

  /** `Read::Closed`: the senders are gone and nothing is left. */
  get drained(): boolean {
    return this.queue.length === 0 && (this.txClosed || this.rxClosed);
  }

  closeRx(interp: InterpCore): void {
    if (this.rxClosed) return;
    this.rxClosed = true;
    this.sem?.close();
    this.state();
    this.threadWaiters.notifyAll(this.world.machine);
    void interp;
  }
}

export class RSender extends RObject {
  private dropped = false;
  constructor(readonly chan: Chan) {
    super();
  }
  typeName(): string {
    return this.chan.capacity === null ? 'UnboundedSender' : 'Sender';
  }
  fmtDebug(): string {
    return `${this.typeName()} { chan: Tx { .. } }`;
  }
  cloneValue(): Value {
    this.chan.txCount++;
    this.chan.state();
    return new RSender(this.chan);
  }
  dropValue(): void {
    if (this.dropped) return;
    this.dropped = true;
    const c = this.chan;
    c.txCount--;
    c.state();
    if (c.txCount === 0) {
      c.txClosed = true;
      c.rxWaker.wake(c.world);
      c.threadWaiters.notifyAll(c.world.machine);
    }
  }
}

export class RReceiver extends RObject {
  private dropped = false;
  constructor(readonly chan: Chan) {
    super();
  }
  typeName(): string {
    return this.chan.capacity === null ? 'UnboundedReceiver' : 'Receiver';
  }
  fmtDebug(): string {
    return `${this.typeName()} { chan: Rx { .. } }`;
  }
  dropValue(interp: InterpCore): void {
    if (this.dropped) return;
    this.dropped = true;
    const c = this.chan;
    c.closeRx(interp);
    c.rxWaker.clear(c.world);
    for (let v = c.pop(); v !== undefined; v = c.pop()) dropValue(interp, v);
    c.world.machine.emit('resource-drop', { resource: c.resource });
  }
}

/** `Receiver::recv()` (chan.rs `Rx::recv`). */
class RecvFuture extends SimFuture {
  constructor(
    world: World,
    readonly chan: Chan,
    site: number,
  ) {
    super(world, 'Recv', site);
  }

  protected pollInner(cx: PollCx): PollOutcome {
    const c = this.chan;
    if (!pollProceed(this.world, cx, c.resource)) return PENDING;
    const tryRecv = (): Value | null => {
      const v = c.pop();
      if (v !== undefined) return some(v);
      if (c.txClosed) return NONE;
      return null;
    };
    const first = tryRecv();
    if (first !== null) return first;
    c.rxWaker.register(this.world, cx.waker);
    const second = tryRecv();
    if (second !== null) return second;
    // `rx_closed && semaphore.is_idle()`: no value is queued and no permit (a reserved slot) is out.
    if (c.rxClosed && (!c.sem || c.sem.permits === c.capacity)) return NONE;
    restoreBudget(this.world);
    return PENDING;
  }

  describeWait(): string {
    return `Recv on an mpsc channel (${this.chan.describe()})`;
  }
}

const SEND_ERROR = mpscSendError;

function senderOf(ctx: CallCtx, v: Value): RSender {
  const s = deref(v);
  if (s instanceof RSender) return s;
  return ctx.interp.unsupported('expected an mpsc Sender');
}

function receiverOf(ctx: CallCtx, v: Value): RReceiver {
  const r = deref(v);
  if (r instanceof RReceiver) return r;
  return ctx.interp.unsupported('expected an mpsc Receiver');
}

function newChannel(ctx: CallCtx, capacity: number | null): Value {
  if (capacity !== null && capacity < 1) ctx.interp.panic('mpsc bounded channel requires buffer > 0');
  const res = ctx.world.newResource(
    'mpsc',
    capacity === null ? 'mpsc::unbounded_channel()' : `mpsc::channel(${capacity})`,
    ctx.span.start,
  );
  const chan = new Chan(ctx.world, res, capacity);
  return new RTuple([new RSender(chan), new RReceiver(chan)]);
}

defineFn(['tokio::sync::mpsc::channel'], {
  pure: true,
  call: (ctx, [n]) => {
    const cap = deref(n!);
    if (typeof cap !== 'number') return ctx.interp.unsupported('mpsc::channel needs a capacity');
    return newChannel(ctx, cap);
  },
});
defineFn(['tokio::sync::mpsc::unbounded_channel'], { pure: true, call: (ctx) => newChannel(ctx, null) });

defineMethods(RSender, 'tokio::sync::mpsc::Sender / tokio::sync::mpsc::UnboundedSender', {
  send: (ctx, self, [v]) => {
    const s = senderOf(ctx, self);
    const c = s.chan;
    if (c.sem === null) {
      // UnboundedSender::send is synchronous.
      if (c.rxClosed) return errVal(SEND_ERROR(v!));
      c.push(v!);
      c.state();
      return okVal(UNIT);
    }
    // Sender::send = reserve().await (one permit, FIFO) then push.
    return new AcquireFuture(ctx.world, c.sem, 1, 'Send', ctx.span.start, (granted) => {
      if (!granted) return errVal(SEND_ERROR(v!));
      c.push(v!);
      c.state();
      return okVal(UNIT);
    });
  },
  try_send: (ctx, self, [v]) => {
    const c = senderOf(ctx, self).chan;
    if (c.sem === null) return ctx.interp.unsupported('`try_send` is for bounded channels');
    const r = c.sem.tryAcquire(1);
    if (r === 'closed') return errVal(mpscTrySendClosed(v!));
    if (r === 'none') return errVal(mpscTrySendFull(v!));
    c.push(v!);
    c.state();
    return okVal(UNIT);
  },
  blocking_send: (ctx, self, [v]) => blockingSend(ctx, senderOf(ctx, self).chan, v!),
  is_closed: (ctx, self) => senderOf(ctx, self).chan.rxClosed,
  capacity: (ctx, self) => {
    const c = senderOf(ctx, self).chan;
    return c.sem ? c.sem.permits : 0;
  },
  max_capacity: (ctx, self) => senderOf(ctx, self).chan.capacity ?? 0,
  same_channel: (ctx, self, [o]) => senderOf(ctx, self).chan === senderOf(ctx, o!).chan,
});

defineMethods(RReceiver, 'tokio::sync::mpsc::Receiver / tokio::sync::mpsc::UnboundedReceiver', {
  recv: (ctx, self) => new RecvFuture(ctx.world, receiverOf(ctx, self).chan, ctx.span.start),
  try_recv: (ctx, self) => {
    const c = receiverOf(ctx, self).chan;
    const v = c.pop();
    if (v !== undefined) return okVal(v);
    // `chan.rs Rx::try_recv`: only the list's TX_CLOSED bit (the last Sender dropped) is Disconnected;
    // `rx.close()` closes the semaphore alone, so with a Sender alive an empty channel is `Empty`.
    if (c.txClosed) return errVal(mpscTryRecvDisconnected());
    return errVal(mpscTryRecvEmpty());
  },
  blocking_recv: (ctx, self) => blockingRecv(ctx, receiverOf(ctx, self).chan),
  close: (ctx, self) => {
    receiverOf(ctx, self).chan.closeRx(ctx.interp);
    return UNIT;
  },
});

/** `Receiver::blocking_recv`: for OS threads; blocks the thread until a value or the close. */
function* blockingRecv(ctx: CallCtx, c: Chan): Gen<Value> {
  const m = ctx.world.machine;
  if (m.current.entered) return ctx.interp.panic(BLOCK_IN_RUNTIME);
  for (;;) {
    const v = c.pop();
    if (v !== undefined) return some(v);
    if (c.txClosed) return NONE;
    m.emit('block', { until: -1, what: 'blocking_recv on an mpsc channel', site: ctx.span.start });
    yield { kind: 'wait', queue: c.threadWaiters, what: 'blocking_recv on an mpsc channel' };
    m.emit('unblock', {});
  }
}

function* blockingSend(ctx: CallCtx, c: Chan, v: Value): Gen<Value> {
  const m = ctx.world.machine;
  if (m.current.entered) return ctx.interp.panic(BLOCK_IN_RUNTIME);
  for (;;) {
    if (c.rxClosed) return errVal(SEND_ERROR(v));
    if (c.sem === null || c.sem.tryAcquire(1) === 'ok') {
      c.push(v);
      c.state();
      return okVal(UNIT);
    }
    m.emit('block', { until: -1, what: 'blocking_send on a full mpsc channel', site: ctx.span.start });
    yield { kind: 'wait', queue: c.threadWaiters, what: 'blocking_send on a full mpsc channel' };
    m.emit('unblock', {});
  }
}
