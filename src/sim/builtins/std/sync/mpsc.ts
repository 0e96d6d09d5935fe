/**
 * `std::sync::mpsc`: OS-thread channels. `channel()` is unbounded, `sync_channel(n)` holds at most `n`
 * values (a full channel blocks the sending *thread*; `sync_channel(0)` is a rendezvous: `send` returns once
 * a receiver took the value). `recv` blocks the receiving thread; it returns `Err(RecvError)` once the
 * channel is empty and every sender is gone, and a `recv` nothing can ever satisfy is a deadlock the run
 * names. Inside async code every blocking call stalls the runtime thread, which is the lesson.
 *
 * Errors print as std's (`library/std/src/sync/mpsc/mod.rs`): `RecvError` "receiving on a closed channel",
 * `TryRecvError::{Empty, Disconnected}`, `RecvTimeoutError::{Timeout, Disconnected}`, `SendError(..)`
 * "sending on a closed channel" (Debug `SendError { .. }`), `TrySendError::{Full(..), Disconnected(..)}`
 * (Debug `TrySendError::Full(..)`), as rustc 1.95's std prints them.
 */
import { debug } from '../../../format';
import type { InterpCore } from '../../../interp/core';
import { dropValue } from '../../../interp/drops';
import { DONE, RIter, type Pull } from '../../../interp/iter-protocol';
import { registerIntoIter } from '../../../interp/iterate';
import { defineConst, defineFn, defineMethods, takes, type CallCtx } from '../../../interp/registry';
import { WaitQueue } from '../../../machine';
import type { Gen } from '../../../poll';
import { deref, errVal, okVal, RDuration, RObject, RTuple, UNIT, type Value } from '../../../values';
import type { World } from '../../../world';
import { ErrorValue } from '../../error-value';
import { num } from '../../support';

const MPSC = 'std::sync::mpsc';

/** The channel both ends share. */
class StdChannel {
  readonly queue: Value[] = [];
  senders = 1;
  receiverAlive = true;
  /** Values taken by the receiver so far (a rendezvous sender waits until its value is taken). */
  taken = 0;
  /** Values sent so far. */
  sent = 0;
  /** Threads waiting in `recv` / in `send` (full buffer or rendezvous). */
  readonly receivers = new WaitQueue();
  readonly sendersWaiting = new WaitQueue();
  readonly resource: number;

  constructor(
    readonly world: World,
    /** null: unbounded (`channel`); n: `sync_channel(n)`. */
    readonly cap: number | null,
    site: number,
  ) {
    this.resource = world.newResource(
      'mpsc',
      cap === null ? 'std mpsc::channel' : `std mpsc::sync_channel(${cap})`,
      site,
    );
  }

  publish(): void {
    this.world.machine.emit('chan-state', {
      resource: this.resource,
      queued: this.queue.length,
      senders: this.senders,
      waiting: this.receivers.length,
    });
  }

  push(v: Value): void {
    this.queue.push(v);
    this.sent++;
    this.world.machine.emit('chan-push', { resource: this.resource, value: debug(v, false).slice(0, 80) });
    this.publish();
    this.receivers.notifyAll(this.world.machine);
  }

  take(): Value {
    const v = this.queue.shift()!;
    this.taken++;
    this.world.machine.emit('chan-pop', { resource: this.resource });
    this.publish();
    this.sendersWaiting.notifyAll(this.world.machine);
    return v;
  }

  /** A bounded channel with no room: `sync_channel(n)` holds `n` values (and a rendezvous none). */
  get full(): boolean {
    return this.cap !== null && this.queue.length >= Math.max(1, this.cap);
  }
}

export class StdSender extends RObject {
  private dropped = false;
  constructor(
    readonly chan: StdChannel,
    readonly sync: boolean,
  ) {
    super();
  }
  typeName(): string {
    return this.sync ? 'SyncSender' : 'Sender';
  }
  fmtDebug(): string {
    return this.sync ? 'SyncSender { .. }' : 'Sender { .. }';
  }
  cloneValue(): StdSender {
    this.chan.senders++;
    this.chan.publish();
    return new StdSender(this.chan, this.sync);
  }
  dropValue(): void {
    if (this.dropped) return;
    this.dropped = true;
    const c = this.chan;
    c.senders--;
    c.publish();
    // The last sender gone: a blocked `recv` returns Err(RecvError).
    if (c.senders === 0) c.receivers.notifyAll(c.world.machine);
  }
}

export class StdReceiver extends RObject {
  private dropped = false;
  constructor(readonly chan: StdChannel) {
    super();
  }
  typeName(): string {
    return 'Receiver';
  }
  fmtDebug(): string {
    return 'Receiver { .. }';
  }
  dropValue(interp: InterpCore): void {
    if (this.dropped) return;
    this.dropped = true;
    const c = this.chan;
    c.receiverAlive = false;
    // Buffered values are dropped with the channel's last end; senders blocked on a full buffer fail.
    for (const v of c.queue.splice(0)) dropValue(interp, v);
    c.publish();
    c.sendersWaiting.notifyAll(c.world.machine);
    c.world.machine.emit('resource-drop', { resource: c.resource });
  }
}

/** `rx.iter()` / `for v in rx` / `for v in &rx`: `recv` until the channel is closed. */
class RecvIter extends RIter {
  constructor(
    private readonly ctx: CallCtx,
    private readonly chan: StdChannel,
    private readonly blocking: boolean,
  ) {
    super();
  }
  typeName(): string {
    return this.blocking ? 'Iter' : 'TryIter';
  }
  next(_cx: InterpCore): Pull {
    const c = this.chan;
    if (c.queue.length > 0) return c.take();
    if (!this.blocking || c.senders === 0) return DONE;
    return (function* (ctx: CallCtx): Gen<Value | typeof DONE> {
      const r = yield* recv(ctx, c, null);
      return r.kind === 'ok' ? r.v : DONE;
    })(this.ctx);
  }
}

const recvError = () => new ErrorValue('RecvError', 'RecvError', [], 'receiving on a closed channel');
const tryRecvEmpty = () => new ErrorValue('TryRecvError', 'Empty', [], 'receiving on an empty channel');
const tryRecvDisconnected = () =>
  new ErrorValue('TryRecvError', 'Disconnected', [], 'receiving on a closed channel');
const timeoutTimeout = () =>
  new ErrorValue('RecvTimeoutError', 'Timeout', [], 'timed out waiting on channel');
const timeoutDisconnected = () =>
  new ErrorValue('RecvTimeoutError', 'Disconnected', [], 'channel is empty and sending half is closed');

/** `SendError<T>(pub T)`: Debug `SendError { .. }`, the value inside for `.0` and patterns. */
class StdSendError extends ErrorValue {
  constructor(v: Value) {
    super('SendError', 'SendError', [v], 'sending on a closed channel');
  }
  fmtDebug(): string {
    return 'SendError { .. }';
  }
}

/** `TrySendError::{Full(T), Disconnected(T)}`: Debug `TrySendError::Full(..)`. */
class StdTrySendError extends ErrorValue {
  constructor(variant: 'Full' | 'Disconnected', v: Value) {
    super(
      'TrySendError',
      variant,
      [v],
      variant === 'Full' ? 'sending on a full channel' : 'sending on a closed channel',
    );
  }
  fmtDebug(): string {
    return `TrySendError::${this.variant}(..)`;
  }
}

type RecvResult = { kind: 'ok'; v: Value } | { kind: 'disconnected' } | { kind: 'timeout' };

/** `Receiver::recv` / `recv_timeout`: blocks the thread until a value, the last sender's drop, or the deadline. */
function* recv(ctx: CallCtx, c: StdChannel, timeoutNs: number | null): Gen<RecvResult> {
  const m = ctx.world.machine;
  const deadline = timeoutNs === null ? Infinity : m.current.clock + timeoutNs;
  for (;;) {
    if (c.queue.length > 0) return { kind: 'ok', v: c.take() };
    if (c.senders === 0) return { kind: 'disconnected' };
    const left = deadline - m.current.clock;
    if (left <= 0) return { kind: 'timeout' };
    const what =
      timeoutNs === null
        ? 'std mpsc Receiver::recv (waiting for a value or for every Sender to be dropped)'
        : 'std mpsc Receiver::recv_timeout';
    m.emit('block', { until: deadline === Infinity ? -1 : deadline, what, site: ctx.span.start });
    // What a deadlock report says: the Senders keeping recv() waiting (mini-tokio's loop hangs when main
    // still holds one). A drop of the last one wakes the receiver, so the count is current when it matters.
    const alive =
      timeoutNs === null
        ? `${what}: ${c.senders} Sender${c.senders === 1 ? ' is' : 's are'} still alive, and a Sender this thread holds itself can never send`
        : what;
    yield {
      kind: 'wait',
      queue: c.receivers,
      what: alive,
      ...(deadline === Infinity ? {} : { timeoutNs: left }),
    };
    m.emit('unblock', {});
  }
}

/** `Sender::send` (never blocks) / `SyncSender::send` (blocks while the buffer is full; a rendezvous until taken). */
function* send(ctx: CallCtx, s: StdSender, v: Value): Gen<Value> {
  const c = s.chan;
  const m = ctx.world.machine;
  while (c.receiverAlive && c.full) {
    const what = 'std mpsc SyncSender::send (the channel is full)';
    m.emit('block', { until: -1, what, site: ctx.span.start });
    yield { kind: 'wait', queue: c.sendersWaiting, what };
    m.emit('unblock', {});
  }
  if (!c.receiverAlive) return errVal(new StdSendError(v));
  c.push(v);
  if (c.cap === 0) {
    // A rendezvous: the send completes when the receiver has taken this value.
    const mine = c.sent;
    while (c.taken < mine && c.receiverAlive) {
      const what = 'std mpsc SyncSender::send (sync_channel(0): waiting for the receiver to take it)';
      m.emit('block', { until: -1, what, site: ctx.span.start });
      yield { kind: 'wait', queue: c.sendersWaiting, what };
      m.emit('unblock', {});
    }
  }
  return okVal(UNIT);
}

function senderOf(ctx: CallCtx, v: Value): StdSender {
  const x = deref(v);
  if (x instanceof StdSender) return x;
  return ctx.interp.unsupported('expected a std mpsc Sender');
}

function receiverOf(ctx: CallCtx, v: Value): StdReceiver {
  const x = deref(v);
  if (x instanceof StdReceiver) return x;
  return ctx.interp.unsupported('expected a std mpsc Receiver');
}

function pair(ctx: CallCtx, cap: number | null): Value {
  const c = new StdChannel(ctx.world, cap, ctx.span.start);
  c.publish();
  return new RTuple([new StdSender(c, cap !== null), new StdReceiver(c)]);
}

defineFn([`${MPSC}::channel`], { pure: true, call: (ctx) => pair(ctx, null) });
defineFn([`${MPSC}::sync_channel`], { pure: true, call: (ctx, [n]) => pair(ctx, num(ctx, n)) });

defineMethods(StdSender, 'std::sync::mpsc::Sender', {
  send: takes(1, (ctx, self, [v]) => send(ctx, senderOf(ctx, self), v!)),
  try_send: takes(1, (ctx, self, [v]) => {
    const c = senderOf(ctx, self).chan;
    if (!c.receiverAlive) return errVal(new StdTrySendError('Disconnected', v!));
    // A rendezvous succeeds only when a receiver is already waiting.
    if (c.full || (c.cap === 0 && c.receivers.length === 0)) return errVal(new StdTrySendError('Full', v!));
    c.push(v!);
    return okVal(UNIT);
  }),
});

function* recvValue(ctx: CallCtx, c: StdChannel): Gen<Value> {
  const r = yield* recv(ctx, c, null);
  return r.kind === 'ok' ? okVal(r.v) : errVal(recvError());
}

function* recvTimeout(ctx: CallCtx, c: StdChannel, ns: number): Gen<Value> {
  const r = yield* recv(ctx, c, ns);
  if (r.kind === 'ok') return okVal(r.v);
  return errVal(r.kind === 'timeout' ? timeoutTimeout() : timeoutDisconnected());
}

defineMethods(StdReceiver, 'std::sync::mpsc::Receiver', {
  recv: (ctx, self) => recvValue(ctx, receiverOf(ctx, self).chan),
  try_recv: (ctx, self) => {
    const c = receiverOf(ctx, self).chan;
    if (c.queue.length > 0) return okVal(c.take());
    return errVal(c.senders === 0 ? tryRecvDisconnected() : tryRecvEmpty());
  },
  recv_timeout: (ctx, self, [d]) => {
    const x = deref(d!);
    if (!(x instanceof RDuration)) return ctx.interp.unsupported('`recv_timeout` takes a Duration');
    return recvTimeout(ctx, receiverOf(ctx, self).chan, x.ns);
  },
  iter: (ctx, self) => new RecvIter(ctx, receiverOf(ctx, self).chan, true),
  try_iter: (ctx, self) => new RecvIter(ctx, receiverOf(ctx, self).chan, false),
});

registerIntoIter(StdReceiver, (cx, v) => {
  const ctx = { interp: cx, world: cx.world, span: cx.site ?? { start: -1, end: -1 } } as CallCtx;
  return new RecvIter(ctx, (v as StdReceiver).chan, true);
});

for (const [name, make] of [
  ['TryRecvError::Empty', tryRecvEmpty],
  ['TryRecvError::Disconnected', tryRecvDisconnected],
  ['RecvTimeoutError::Timeout', timeoutTimeout],
  ['RecvTimeoutError::Disconnected', timeoutDisconnected],
  ['RecvError', recvError],
] as const)
  defineConst([`${MPSC}::${name}`], { value: make });
defineFn([`${MPSC}::SendError`], { pure: true, call: (_c, [v]) => new StdSendError(v!) });
defineFn([`${MPSC}::TrySendError::Full`], { pure: true, call: (_c, [v]) => new StdTrySendError('Full', v!) });
defineFn([`${MPSC}::TrySendError::Disconnected`], {
  pure: true,
  call: (_c, [v]) => new StdTrySendError('Disconnected', v!),
});
