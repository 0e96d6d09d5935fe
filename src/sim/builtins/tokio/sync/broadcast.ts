/**
 * `tokio::sync::broadcast` (spec §10.5): a ring of `capacity.next_power_of_two()` slots; every receiver sees
 * every value. A receiver that falls more than the capacity behind gets `Lagged(n)` and jumps to the
 * oldest value still held. `send` fails only when there are no receivers, and returns how many there are.
 * Waiting receivers are woken FIFO. latest makes `recv` spend coop budget (#6870).
 */
import { SimFuture } from '../../../future';
import { RObject, RTuple, deref, errVal, okVal, type Value } from '../../../values';
import { cloneValue } from '../../../interp/clone';
import { shortDebug } from '../../../interp/async-future';
import type { World } from '../../../world';
import { slotsBytes, type Held } from '../../../memory';
import { pollProceed, restoreBudget } from '../../../coop';
import { defineFn, defineMethods, type CallCtx } from '../../../interp/registry';
import {
  broadcastRecvClosed,
  broadcastRecvLagged,
  broadcastSendError,
  broadcastTryRecvClosed,
  broadcastTryRecvEmpty,
  broadcastTryRecvLagged,
} from './errors';
import { PENDING, type PollOutcome } from '../../../poll';
import type { Waker, PollCx } from '../../../task';
import { wakeBatch } from '../../../waker';

/** Held (memory.ts): the values it retains, a map entry each (a huge capacity retains every value sent). */
class BroadcastShared implements Held {
  /** Values by position; only the last `capacity` are retained. */
  readonly values = new Map<number, Value>();
  heldBytes = 0;
  ownBytes(): number {
    return slotsBytes(this.values.size, this.values.values().next().value) + 32 * this.values.size;
  }
  tail = 0;
  rxCount = 1;
  txCount = 1;
  closed = false;
  readonly waiters: { rx: BroadcastReceiver; waker: Waker }[] = [];
  constructor(
    readonly world: World,
    readonly capacity: number,
    readonly resource: number,
  ) {
    this.state();
  }
  state(): void {
    const held = Math.min(this.tail, this.capacity);
    this.world.machine.emit('resource-state', {
      resource: this.resource,
      text: `${held}/${this.capacity} held, ${this.rxCount} receiver${this.rxCount === 1 ? '' : 's'}${this.closed ? ', closed' : ''}`,
    });
  }
  wakeAll(): void {
    const ws = this.waiters.splice(0).map(({ waker }) => ({ waker, resource: this.resource }));
    // 1.24 wakes broadcast receivers directly in FIFO order (not through the LIFO WakeList).
    if (this.world.profile === '1.24') for (const { waker, resource } of ws) waker.wake(this.world, resource);
    else wakeBatch(this.world, ws);
  }
}

export class BroadcastSender extends RObject {
  private dropped = false;
  constructor(readonly shared: BroadcastShared) {
    super();
  }
  typeName(): string {
    return 'broadcast::Sender';
  }
  fmtDebug(): string {
    return 'Sender { .. }';
  }
  cloneValue(): Value {
    this.shared.txCount++;
    return new BroadcastSender(this.shared);
  }
  dropValue(): void {
    if (this.dropped) return;
    this.dropped = true;
    const s = this.shared;
    if (--s.txCount > 0) return;
    s.closed = true;
    s.state();
    s.wakeAll();
  }
}

export class BroadcastReceiver extends RObject {
  private dropped = false;
  constructor(
    readonly shared: BroadcastShared,
    public next: number,
  ) {
    super();
  }
  typeName(): string {
    return 'broadcast::Receiver';
  }
  fmtDebug(): string {
    return `Receiver { shared: .., next: ${this.next} }`;
  }
  cloneValue(): Value {
    this.shared.rxCount++;
    return new BroadcastReceiver(this.shared, this.next);
  }
  dropValue(): void {
    if (this.dropped) return;
    this.dropped = true;
    this.shared.rxCount--;
    const i = this.shared.waiters.findIndex((w) => w.rx === this);
    if (i >= 0) this.shared.waiters.splice(i, 1)[0]!.waker.drop(this.shared.world);
    this.shared.state();
  }

  /** `recv_ref`: a value, `Lagged(n)`, `Closed`, or null (nothing yet). */
  tryRecv(world: World, asTry = false): Value | null {
    const s = this.shared;
    const oldest = s.tail - s.capacity;
    if (this.next < oldest) {
      const missed = oldest - this.next;
      this.next = oldest;
      return errVal(asTry ? broadcastTryRecvLagged(missed) : broadcastRecvLagged(missed));
    }
    if (this.next < s.tail) {
      const v = s.values.get(this.next)!;
      this.next++;
      return okVal(cloneValue(world.interp, v));
    }
    if (s.closed) return errVal(asTry ? broadcastTryRecvClosed() : broadcastRecvClosed());
    return null;
  }
}

class BroadcastRecvFuture extends SimFuture {
  constructor(
    world: World,
    readonly rx: BroadcastReceiver,
    site: number,
  ) {
    super(world, 'Recv', site);
  }
  protected pollInner(cx: PollCx): PollOutcome {
    const coop = this.world.profile === 'latest';
    if (coop && !pollProceed(this.world, cx, this.rx.shared.resource)) return PENDING;
    const r = this.rx.tryRecv(this.world);
    if (r !== null) return r;
    const s = this.rx.shared;
    const mine = s.waiters.find((w) => w.rx === this.rx);
    if (!mine) {
      s.waiters.push({ rx: this.rx, waker: cx.waker.clone(this.world) });
      this.world.machine.emit('register', { task: cx.task.id, resource: s.resource, dir: '-' });
    } else if (!mine.waker.willWake(cx.waker)) {
      mine.waker.drop(this.world);
      mine.waker = cx.waker.clone(this.world);
    }
    if (coop) restoreBudget(this.world);
    return PENDING;
  }
  protected override onDrop(): void {
    const s = this.rx.shared;
    const i = s.waiters.findIndex((w) => w.rx === this.rx);
    if (i >= 0) s.waiters.splice(i, 1)[0]!.waker.drop(this.world);
  }
  describeWait(): string {
    return 'a broadcast value (recv().await)';
  }
}

function txOf(ctx: CallCtx, v: Value): BroadcastSender {
  const t = deref(v);
  if (t instanceof BroadcastSender) return t;
  return ctx.interp.unsupported('expected a broadcast Sender');
}
function rxOf(ctx: CallCtx, v: Value): BroadcastReceiver {
  const r = deref(v);
  if (r instanceof BroadcastReceiver) return r;
  return ctx.interp.unsupported('expected a broadcast Receiver');
}

function nextPowerOfTwo(n: number): number {
  let p = 1;
  while (p < n) p *= 2;
  return p;
}

defineFn(['tokio::sync::broadcast::channel'], {
  pure: true,
  call: (ctx, [n]) => {
    const cap = deref(n!);
    if (typeof cap !== 'number' || cap < 1) return ctx.interp.panic('capacity is empty');
    const capacity = nextPowerOfTwo(cap);
    const res = ctx.world.newResource('broadcast', `broadcast::channel(${cap})`, ctx.span.start);
    const shared = new BroadcastShared(ctx.world, capacity, res);
    return new RTuple([new BroadcastSender(shared), new BroadcastReceiver(shared, 0)]);
  },
});

defineMethods(BroadcastSender, 'tokio::sync::broadcast::Sender', {
  send: (ctx, self, [v]) => {
    const s = txOf(ctx, self).shared;
    if (s.rxCount === 0) return errVal(broadcastSendError(v!));
    s.values.set(s.tail, v!);
    s.values.delete(s.tail - s.capacity);
    ctx.world.memory.track(s);
    s.tail++;
    ctx.world.machine.emit('chan-push', { resource: s.resource, value: shortDebug(v!) });
    s.state();
    s.wakeAll();
    return okVal(s.rxCount);
  },
  subscribe: (ctx, self) => {
    const s = txOf(ctx, self).shared;
    s.rxCount++;
    s.state();
    return new BroadcastReceiver(s, s.tail);
  },
  receiver_count: (ctx, self) => txOf(ctx, self).shared.rxCount,
  len: (ctx, self) => {
    const s = txOf(ctx, self).shared;
    return Math.min(s.tail, s.capacity);
  },
});

defineMethods(BroadcastReceiver, 'tokio::sync::broadcast::Receiver', {
  recv: (ctx, self) => new BroadcastRecvFuture(ctx.world, rxOf(ctx, self), ctx.span.start),
  try_recv: (ctx, self) => {
    const r = rxOf(ctx, self).tryRecv(ctx.world, true);
    return r ?? errVal(broadcastTryRecvEmpty());
  },
  resubscribe: (ctx, self) => {
    const s = rxOf(ctx, self).shared;
    s.rxCount++;
    return new BroadcastReceiver(s, s.tail);
  },
  len: (ctx, self) => {
    const rx = rxOf(ctx, self);
    return rx.shared.tail - Math.max(rx.next, rx.shared.tail - rx.shared.capacity);
  },
  is_empty: (ctx, self) => rxOf(ctx, self).next >= rxOf(ctx, self).shared.tail,
});
