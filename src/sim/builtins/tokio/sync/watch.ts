/**
 * `tokio::sync::watch` (spec §10.4): one value and a version. `send` replaces the value and wakes every
 * receiver waiting in `changed()`; values are not queued, so a slow receiver sees only the latest.
 * `changed()` requests a notification *then* checks the version (tokio's order, to avoid a lost wake).
 * 1.24 has one internal Notify; latest has 8 and each `changed()` picks one at random (#5464), and makes
 * `changed()` spend coop budget (#6846).
 */
import { SimFuture, pollChild } from '../../../future';
import { RObject, RTuple, UNIT, deref, errVal, okVal, type Place, type Value } from '../../../values';
import { debug, display } from '../../../format';
import { shortDebug } from '../../../interp/async-future';
import { dropValue } from '../../../interp/drops';
import type { World } from '../../../world';
import { pollProceed, restoreBudget } from '../../../coop';
import { defineFn, defineMethods, takes, type CallCtx } from '../../../interp/registry';
import { watchRecvError, watchSendError } from './errors';
import { NotifiedFuture, RNotify } from './notify';
import { PENDING, type PollOutcome, type Gen } from '../../../poll';
import type { PollCx } from '../../../task';

class WatchShared {
  version = 0;
  closed = false;
  rxCount = 1;
  txCount = 1;
  readonly notifiers: RNotify[];
  readonly txClosedNotify: RNotify;
  constructor(
    readonly world: World,
    public value: Value,
    readonly resource: number,
  ) {
    const n = world.profile === 'latest' ? 8 : 1;
    this.notifiers = Array.from({ length: n }, () => new RNotify(world, -1, resource));
    this.txClosedNotify = new RNotify(world, -1, resource);
    this.state();
  }
  state(): void {
    this.world.machine.emit('resource-state', {
      resource: this.resource,
      text: `value = ${shortDebug(this.value)} (version ${this.version})${this.closed ? ', sender dropped' : ''}`,
    });
  }
  notifyRx(): void {
    for (const n of this.notifiers) n.notifyWaiters();
  }
  pickNotifier(): RNotify {
    return this.notifiers.length === 1
      ? this.notifiers[0]!
      : this.notifiers[this.world.machine.current.rng.nextN(8)]!;
  }
  cell(): Place {
    return { get: () => this.value, set: (v) => (this.value = v) };
  }
}

export class WatchSender extends RObject {
  private dropped = false;
  constructor(readonly shared: WatchShared) {
    super();
  }
  typeName(): string {
    return 'watch::Sender';
  }
  fmtDebug(): string {
    return `Sender { shared: Shared { value: RwLock { data: ${debug(this.shared.value, false)}, .. }, version: Version(${this.shared.version}), .. } }`;
  }
  cloneValue(): Value {
    this.shared.txCount++;
    return new WatchSender(this.shared);
  }
  dropValue(): void {
    if (this.dropped) return;
    this.dropped = true;
    const s = this.shared;
    if (--s.txCount > 0) return;
    s.closed = true;
    s.state();
    s.notifyRx();
  }
}

export class WatchReceiver extends RObject {
  private dropped = false;
  constructor(
    readonly shared: WatchShared,
    public version: number,
  ) {
    super();
  }
  typeName(): string {
    return 'watch::Receiver';
  }
  fmtDebug(): string {
    return `Receiver { shared: Shared { value: ${debug(this.shared.value, false)}, version: Version(${this.shared.version}), .. }, version: Version(${this.version}) }`;
  }
  cloneValue(): Value {
    this.shared.rxCount++;
    return new WatchReceiver(this.shared, this.version);
  }
  dropValue(): void {
    if (this.dropped) return;
    this.dropped = true;
    if (--this.shared.rxCount === 0) this.shared.txClosedNotify.notifyWaiters();
  }
}

/** `watch::Ref`: a read guard that derefs to the value. */
class WatchRef extends RObject {
  constructor(
    readonly shared: WatchShared,
    readonly changed: boolean,
  ) {
    super();
  }
  typeName(): string {
    return 'Ref';
  }
  derefPlace(): Place {
    return this.shared.cell();
  }
  fmtDebug(pretty: boolean): string {
    return debug(this.shared.value, pretty);
  }
  fmtDisplay(): string {
    return display(this.shared.value);
  }
  override isCopy(): boolean {
    return false;
  }
}

const WATCH_RECV_ERROR = watchRecvError;

/** `Receiver::changed()` as its async loop: request a Notified, check the version, await. */
class ChangedFuture extends SimFuture {
  private notified: NotifiedFuture | null = null;
  constructor(
    world: World,
    readonly rx: WatchReceiver,
    site: number,
  ) {
    super(world, 'Changed', site);
  }
  protected pollInner(cx: PollCx): PollOutcome {
    const cooperative = this.world.profile === 'latest';
    if (cooperative && !pollProceed(this.world, cx, this.rx.shared.resource)) return PENDING;
    for (;;) {
      if (!this.notified) {
        this.notified = new NotifiedFuture(this.world, this.rx.shared.pickNotifier(), -1);
        const s = this.rx.shared;
        if (this.rx.version !== s.version) {
          this.rx.version = s.version;
          this.dropNotified();
          return okVal(UNIT);
        }
        if (s.closed) {
          this.dropNotified();
          return errVal(WATCH_RECV_ERROR());
        }
      }
      const r = pollChild(this.world, this, this.notified, cx);
      if (r === PENDING) {
        if (cooperative) restoreBudget(this.world);
        return PENDING;
      }
      this.dropNotified();
    }
  }
  private dropNotified(): void {
    this.notified?.drop();
    this.notified = null;
  }
  protected override onDrop(): void {
    this.dropNotified();
  }
  describeWait(): string {
    return 'a watch channel to change (changed().await)';
  }
}

class TxClosedFuture extends SimFuture {
  private notified: NotifiedFuture | null = null;
  constructor(
    world: World,
    readonly shared: WatchShared,
    site: number,
  ) {
    super(world, 'Closed', site);
  }
  protected pollInner(cx: PollCx): PollOutcome {
    for (;;) {
      if (this.shared.rxCount === 0) return UNIT;
      this.notified ??= new NotifiedFuture(this.world, this.shared.txClosedNotify, -1);
      if (pollChild(this.world, this, this.notified, cx) === PENDING) return PENDING;
      this.notified.drop();
      this.notified = null;
    }
  }
}

function txOf(ctx: CallCtx, v: Value): WatchSender {
  const t = deref(v);
  if (t instanceof WatchSender) return t;
  return ctx.interp.unsupported('expected a watch Sender');
}
function rxOf(ctx: CallCtx, v: Value): WatchReceiver {
  const r = deref(v);
  if (r instanceof WatchReceiver) return r;
  return ctx.interp.unsupported('expected a watch Receiver');
}

function replace(ctx: CallCtx, s: WatchShared, v: Value): Value {
  const old = s.value;
  s.value = v;
  s.version += 2;
  ctx.world.machine.emit('chan-push', { resource: s.resource, value: shortDebug(v) });
  s.state();
  s.notifyRx();
  return old;
}

defineFn(['tokio::sync::watch::channel'], {
  pure: true,
  call: (ctx, [init]) => {
    const res = ctx.world.newResource('watch', 'watch::channel', ctx.span.start);
    const shared = new WatchShared(ctx.world, init!, res);
    return new RTuple([new WatchSender(shared), new WatchReceiver(shared, 0)]);
  },
});

defineMethods(WatchSender, 'tokio::sync::watch::Sender', {
  send: takes(1, (ctx, self, [v]) => {
    const s = txOf(ctx, self).shared;
    if (s.rxCount === 0) return errVal(watchSendError(v!));
    dropValue(ctx.interp, replace(ctx, s, v!));
    return okVal(UNIT);
  }),
  send_replace: takes(1, (ctx, self, [v]) => replace(ctx, txOf(ctx, self).shared, v!)),
  send_modify: takes(1, (ctx, self, [f]) => sendModify(ctx, txOf(ctx, self).shared, f!)),
  borrow: (ctx, self) => new WatchRef(txOf(ctx, self).shared, false),
  subscribe: (ctx, self) => {
    const s = txOf(ctx, self).shared;
    s.rxCount++;
    return new WatchReceiver(s, s.version);
  },
  receiver_count: (ctx, self) => txOf(ctx, self).shared.rxCount,
  is_closed: (ctx, self) => txOf(ctx, self).shared.rxCount === 0,
  closed: (ctx, self) => new TxClosedFuture(ctx.world, txOf(ctx, self).shared, ctx.span.start),
});

function* sendModify(ctx: CallCtx, s: WatchShared, f: Value): Gen<Value> {
  const r = ctx.interp.callValue(f, [new RefMut(s)], ctx.span);
  if (
    typeof r === 'object' &&
    r !== null &&
    'next' in r &&
    typeof (r as Gen<Value>).next === 'function' &&
    !(r instanceof RObject)
  )
    yield* r as Gen<Value>;
  s.version += 2;
  s.state();
  s.notifyRx();
  return UNIT;
}

class RefMut extends RObject {
  constructor(readonly shared: WatchShared) {
    super();
  }
  typeName(): string {
    return '&mut T';
  }
  derefPlace(): Place {
    return this.shared.cell();
  }
}

defineMethods(WatchReceiver, 'tokio::sync::watch::Receiver', {
  changed: (ctx, self) => new ChangedFuture(ctx.world, rxOf(ctx, self), ctx.span.start),
  borrow: (ctx, self) => new WatchRef(rxOf(ctx, self).shared, false),
  borrow_and_update: (ctx, self) => {
    const rx = rxOf(ctx, self);
    const changed = rx.version !== rx.shared.version;
    rx.version = rx.shared.version;
    return new WatchRef(rx.shared, changed);
  },
  has_changed: (ctx, self) => {
    const rx = rxOf(ctx, self);
    if (rx.shared.closed && rx.version === rx.shared.version) return errVal(WATCH_RECV_ERROR());
    return okVal(rx.version !== rx.shared.version);
  },
  mark_changed: (ctx, self) => {
    rxOf(ctx, self).version = -1;
    return UNIT;
  },
});

defineMethods(WatchRef, 'tokio::sync::watch::Ref', {
  has_changed: (_ctx, self) => (deref(self) as WatchRef).changed,
});
