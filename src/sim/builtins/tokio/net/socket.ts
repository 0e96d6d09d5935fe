/**
 * A TCP socket's registration with the I/O driver, and the values that hold one: `TcpStream` and its owned
 * and borrowed halves.
 *
 * Every socket operation follows `Registration::poll_io` (spec §8): spend coop budget, check the
 * direction's readiness (or store the waker in that direction's slot and return Pending), try the
 * syscall, and on WouldBlock clear the readiness the attempt saw and go round again. A short read or a
 * short write also clears it (`PollEvented::poll_read`/`poll_write` on unix: the buffer is drained/full).
 */
import { pollProceed, restoreBudget } from '../../../coop';
import type { SelfFormatting } from '../../../format';
import type { CallCtx } from '../../../interp/registry';
import { directionMask, type Direction, type ReadyEvent, type ScheduledIo } from '../../../io-driver';
import { addrText, type Endpoint, type Sys } from '../../../net/network';
import { PENDING } from '../../../poll';
import type { PollCx } from '../../../task';
import type { REnum } from '../../../values';
import { deref, RObject, type Value } from '../../../values';
import type { World } from '../../../world';
import { kindError, osError } from '../../std/io/error';

export const now = (world: World) => world.machine.current.clock;

/** `Registration::poll_ready`: coop budget, then the direction's readiness or Pending with the waker stored. */
export function pollReady(world: World, cx: PollCx, io: ScheduledIo, dir: Direction): ReadyEvent | null {
  if (!pollProceed(world, cx, io.resource)) return null;
  const ev = io.driver.pollReadiness(io, dir, cx.waker);
  if (!ev) {
    restoreBudget(world);
    return null;
  }
  return ev;
}

/** A connected stream's registration: the endpoint and its ScheduledIo. */
export class TcpSocket {
  readonly io: ScheduledIo;
  closed = false;

  constructor(
    readonly world: World,
    readonly ep: Endpoint,
    site: number,
  ) {
    const res = world.newResource(
      'tcp-stream',
      `TcpStream ${addrText(ep.local)} → ${addrText(ep.remote)}`,
      site,
    );
    this.io = world.io.register(res, () => ep.describe(now(world)));
    ep.io = this.io;
    ep.raiseScheduled(now(world));
  }

  /** `PollEvented::poll_read` with a buffer of `len` bytes: the bytes read, or Pending, or an io error. */
  pollRead(cx: PollCx, len: number): number[] | typeof PENDING | REnum {
    const w = this.world;
    for (;;) {
      const ev = pollReady(w, cx, this.io, 'read');
      if (!ev) return PENDING;
      const r = this.ep.read(len, now(w));
      if ('ok' in r) {
        if (r.ok.length > 0 && r.ok.length < len) this.io.driver.clearReadiness(this.io, ev);
        this.io.driver.publish(this.io);
        return r.ok;
      }
      if ('err' in r) return osError(r.err);
      this.io.driver.clearReadiness(this.io, ev);
    }
  }

  /** `PollEvented::poll_write`: how many bytes were taken, or Pending, or an io error. */
  pollWrite(cx: PollCx, bytes: readonly number[], from = 0): number | typeof PENDING | REnum {
    const w = this.world;
    for (;;) {
      const ev = pollReady(w, cx, this.io, 'write');
      if (!ev) return PENDING;
      const r = this.ep.write(bytes, from, now(w));
      if ('ok' in r) {
        if (r.ok > 0 && r.ok < bytes.length - from) this.io.driver.clearReadiness(this.io, ev);
        this.io.driver.publish(this.io);
        return r.ok;
      }
      if ('err' in r) return osError(r.err);
      this.io.driver.clearReadiness(this.io, ev);
    }
  }

  /**
   * `Registration::try_io`: no readiness is a plain `WouldBlock` error; otherwise try the syscall, and if
   * the socket would block after all, clear the readiness it had and return `WouldBlock` again (1.24
   * replaces the OS's EAGAIN with the bare kind).
   */
  tryIo<T>(dir: Direction, f: () => Sys<T>): { ok: T } | REnum {
    const ev = this.io.driver.readyEvent(this.io, directionMask(dir));
    if (!ev.ready) return kindError('WouldBlock');
    const r = f();
    if ('ok' in r) {
      this.io.driver.publish(this.io);
      return r;
    }
    if ('err' in r) return osError(r.err);
    this.io.driver.clearReadiness(this.io, ev);
    return kindError('WouldBlock');
  }

  /** `shutdown(Write)` (`poll_shutdown`): synchronous; errors if the socket never connected. */
  shutdown(): Sys<null> {
    const t = now(this.world);
    if (this.ep.connectedAt > t) return { err: 'ENOTCONN' };
    this.ep.shutdownWrite(t);
    this.io.driver.publish(this.io);
    return { ok: null };
  }

  /** Dropping the last owner: close(2) and deregister from the driver. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.ep.close(now(this.world));
    this.io.driver.deregister(this.io);
    this.world.machine.emit('resource-drop', { resource: this.io.resource });
  }
}

export class RTcpStream extends RObject implements SelfFormatting {
  constructor(readonly sock: TcpSocket) {
    super();
  }
  typeName(): string {
    return 'TcpStream';
  }
  fmtDebug(): string {
    const ep = this.sock.ep;
    return `TcpStream { addr: ${addrText(ep.local)}, peer: ${addrText(ep.remote)}, fd: ${this.sock.io.resource} }`;
  }
  dropValue(): void {
    this.sock.close();
  }
}

/**
 * Halves that share the stream (an `Arc`): `into_split`'s, whose write half shuts down writing when
 * dropped, and `tokio::io::split`'s (`ReadHalf`/`WriteHalf` behind a lock), whose do not. The stream
 * closes when both are gone.
 */
export class SharedStream {
  owners = 2;
  constructor(
    readonly sock: TcpSocket,
    /** `tokio::io::split` rather than `TcpStream::into_split`. */
    readonly generic = false,
  ) {}
  release(): void {
    if (--this.owners === 0) this.sock.close();
  }
}

export class ROwnedReadHalf extends RObject {
  private dropped = false;
  constructor(readonly shared: SharedStream) {
    super();
  }
  get sock(): TcpSocket {
    return this.shared.sock;
  }
  typeName(): string {
    return this.shared.generic ? 'ReadHalf<TcpStream>' : 'OwnedReadHalf';
  }
  dropValue(): void {
    if (this.dropped) return;
    this.dropped = true;
    this.shared.release();
  }
}

export class ROwnedWriteHalf extends RObject {
  private dropped = false;
  shutdownOnDrop: boolean;
  constructor(readonly shared: SharedStream) {
    super();
    this.shutdownOnDrop = !shared.generic;
  }
  get sock(): TcpSocket {
    return this.shared.sock;
  }
  typeName(): string {
    return this.shared.generic ? 'WriteHalf<TcpStream>' : 'OwnedWriteHalf';
  }
  dropValue(): void {
    if (this.dropped) return;
    this.dropped = true;
    if (this.shutdownOnDrop) this.sock.shutdown();
    this.shared.release();
  }
}

/** `split`'s borrowed halves: nothing happens when they are dropped. */
export class RReadHalf extends RObject {
  constructor(readonly sock: TcpSocket) {
    super();
  }
  typeName(): string {
    return 'ReadHalf';
  }
}

export class RWriteHalf extends RObject {
  constructor(readonly sock: TcpSocket) {
    super();
  }
  typeName(): string {
    return 'WriteHalf';
  }
}

/** The socket behind anything readable or writable, following references. */
export function socketOf(ctx: CallCtx, v: Value, dir: Direction): TcpSocket {
  const x = deref(v);
  if (x instanceof RTcpStream) return x.sock;
  if (dir === 'read' && (x instanceof ROwnedReadHalf || x instanceof RReadHalf)) return x.sock;
  if (dir === 'write' && (x instanceof ROwnedWriteHalf || x instanceof RWriteHalf)) return x.sock;
  return ctx.interp.unsupported(
    `expected a TcpStream or its ${dir} half, found \`${typeof x === 'object' ? x.typeName() : typeof x}\``,
  );
}
