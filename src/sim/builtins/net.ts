/**
 * `tokio::net::{TcpListener, TcpStream}` and their halves, over the simulated loopback network
 * (`net/network.ts`) and the I/O driver (`io-driver.ts`).
 *
 * Every socket operation follows `Registration::poll_io` (spec §8): spend coop budget, check the
 * direction's readiness (or store the waker in that direction's slot and return Pending), try the
 * syscall, and on WouldBlock clear the readiness the attempt saw and go round again. A short read or a
 * short write also clears it (`PollEvented::poll_read`/`poll_write` on unix: the buffer is drained/full).
 */
import { utf8Decode } from '../../base';
import { SimFuture } from '../future';
import {
  directionMask,
  newWaiter,
  type Direction,
  type IoWaiter,
  type ReadyEvent,
  type ScheduledIo,
} from '../io-driver';
import { addrText, type Endpoint, type Listener, type SockAddr, type Sys } from '../net/network';
import type { SelfFormatting } from '../format';
import type { Place, REnum } from '../values';
import { RObject, RRef, RString, RTuple, RVec, UNIT, deref, okVal, type Value } from '../values';
import type { World } from '../world';
import { pollProceed, restoreBudget } from '../coop';
import { str } from './core';
import { customError, kindError, osError, simpleError } from './io-error';
import { defineFn, defineMethods, type CallCtx } from '../interp/registry';
import { PENDING, type PollOutcome } from '../poll';
import type { PollCx } from '../task';

// ------------------------------------------------------------------------------------------ addresses

export class RSocketAddr extends RObject implements SelfFormatting {
  constructor(readonly addr: SockAddr) {
    super();
  }
  typeName(): string {
    return 'SocketAddr';
  }
  fmtDisplay(): string {
    return addrText(this.addr);
  }
  fmtDebug(): string {
    return addrText(this.addr);
  }
  override isCopy(): boolean {
    return true;
  }
}

class RIpAddr extends RObject implements SelfFormatting {
  constructor(readonly ip: string) {
    super();
  }
  typeName(): string {
    return 'IpAddr';
  }
  fmtDisplay(): string {
    return this.ip;
  }
  fmtDebug(): string {
    return this.ip;
  }
  override isCopy(): boolean {
    return true;
  }
}

defineMethods(RSocketAddr, {
  port: (_c, self) => (deref(self) as RSocketAddr).addr.port,
  ip: (_c, self) => new RIpAddr((deref(self) as RSocketAddr).addr.ip),
  is_ipv4: () => true,
  is_ipv6: () => false,
});

/**
 * `ToSocketAddrs`: a `"IP:PORT"` string, a `SocketAddr`, or `(ip, port)`. Anything that is not an IPv4
 * literal goes to DNS in tokio (on the blocking pool); std's parser then rejects a bad port with
 * `invalid port value` and a missing one with `invalid socket address`. Pollscope's loopback has no DNS.
 */
function toSocketAddr(ctx: CallCtx, v: Value): SockAddr | REnum {
  const x = deref(v);
  if (x instanceof RSocketAddr) return x.addr;
  if (x instanceof RTuple && x.items.length === 2) {
    const host = str(x.items[0]!);
    const port = deref(x.items[1]!);
    if (host !== null && typeof port === 'number') return parseAddr(ctx, `${host}:${port}`);
  }
  const s = str(x);
  if (s === null) return ctx.interp.unsupported('expected an address like "127.0.0.1:8080"');
  return parseAddr(ctx, s);
}

const IPV4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;

function parseAddr(ctx: CallCtx, s: string): SockAddr | REnum {
  const colon = s.lastIndexOf(':');
  if (colon < 0) return simpleError('InvalidInput', 'invalid socket address');
  const host = s.slice(0, colon);
  const portText = s.slice(colon + 1);
  if (!/^\d+$/.test(portText) || Number(portText) > 65535)
    return simpleError('InvalidInput', 'invalid port value');
  const m = IPV4.exec(host);
  if (!m || m.slice(1).some((o) => Number(o) > 255)) {
    if (host === 'localhost')
      return ctx.interp.unsupported(
        'Pollscope’s network has no DNS: write the address as "127.0.0.1:PORT" instead of "localhost:PORT"',
      );
    return ctx.interp.unsupported(
      `Pollscope’s network is loopback only: \`${s}\` is not an IPv4 address (use "127.0.0.1:PORT")`,
    );
  }
  return { ip: host, port: Number(portText) };
}

// ------------------------------------------------------------------------------------------ sockets

const now = (world: World) => world.machine.current.clock;

/** `Registration::poll_ready`: coop budget, then the direction's readiness or Pending with the waker stored. */
function pollReady(world: World, cx: PollCx, io: ScheduledIo, dir: Direction): ReadyEvent | null {
  if (!pollProceed(world, cx, io.resource)) return null;
  const ev = world.time.io.pollReadiness(io, dir, cx.waker);
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
    this.io = world.time.io.register(res, () => ep.describe(now(world)));
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
        if (r.ok.length > 0 && r.ok.length < len) w.time.io.clearReadiness(this.io, ev);
        w.time.io.publish(this.io);
        return r.ok;
      }
      if ('err' in r) return osError(r.err);
      w.time.io.clearReadiness(this.io, ev);
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
        if (r.ok > 0 && r.ok < bytes.length - from) w.time.io.clearReadiness(this.io, ev);
        w.time.io.publish(this.io);
        return r.ok;
      }
      if ('err' in r) return osError(r.err);
      w.time.io.clearReadiness(this.io, ev);
    }
  }

  /**
   * `Registration::try_io`: no readiness is a plain `WouldBlock` error; otherwise try the syscall, and if
   * the socket would block after all, clear the readiness it had and return `WouldBlock` again (1.24
   * replaces the OS's EAGAIN with the bare kind).
   */
  tryIo<T>(dir: Direction, f: () => Sys<T>): { ok: T } | REnum {
    const w = this.world;
    const ev = w.time.io.readyEvent(this.io, directionMask(dir));
    if (!ev.ready) return kindError('WouldBlock');
    const r = f();
    if ('ok' in r) {
      w.time.io.publish(this.io);
      return r;
    }
    if ('err' in r) return osError(r.err);
    w.time.io.clearReadiness(this.io, ev);
    return kindError('WouldBlock');
  }

  /** `shutdown(Write)` (`poll_shutdown`): synchronous; errors if the socket never connected. */
  shutdown(): Sys<null> {
    const t = now(this.world);
    if (this.ep.connectedAt > t) return { err: 'ENOTCONN' };
    this.ep.shutdownWrite(t);
    this.world.time.io.publish(this.io);
    return { ok: null };
  }

  /** Dropping the last owner: close(2) and deregister from the driver. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.ep.close(now(this.world));
    this.world.time.io.deregister(this.io);
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
class SharedStream {
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

// ------------------------------------------------------------------------------------------ listener

export class RTcpListener extends RObject implements SelfFormatting {
  readonly io: ScheduledIo;
  private dropped = false;

  constructor(
    readonly world: World,
    readonly listener: Listener,
    site: number,
  ) {
    super();
    const res = world.newResource('tcp-listener', `TcpListener ${addrText(listener.addr)}`, site);
    this.io = world.time.io.register(res, () => listener.describe(now(world)));
    listener.io = this.io;
    listener.raiseScheduled(now(world));
  }
  typeName(): string {
    return 'TcpListener';
  }
  fmtDebug(): string {
    return `TcpListener { addr: ${addrText(this.listener.addr)}, fd: ${this.io.resource} }`;
  }
  dropValue(): void {
    if (this.dropped) return;
    this.dropped = true;
    this.listener.close(now(this.world));
    this.world.time.io.deregister(this.io);
    this.world.machine.emit('resource-drop', { resource: this.io.resource });
  }
}

/** `TcpListener::bind(addr)`: resolves the address, binds and listens on the first poll. */
class BindFuture extends SimFuture {
  constructor(
    world: World,
    private readonly addr: SockAddr | REnum,
    private readonly site: number,
  ) {
    super(world, 'Bind', site);
  }
  protected pollInner(): PollOutcome {
    if (!('ip' in this.addr)) return this.addr;
    const r = this.world.net.bind(this.addr);
    if ('err' in r) return osError(r.err);
    if ('wouldBlock' in r) return PENDING;
    return okVal(new RTcpListener(this.world, r.ok, this.site));
  }
}

/** `TcpListener::accept()`: `poll_read_io(|| accept())`, then the new stream registers with the driver. */
class AcceptFuture extends SimFuture {
  constructor(
    world: World,
    private readonly l: RTcpListener,
    private readonly site: number,
  ) {
    super(world, 'Accept', site);
  }
  protected pollInner(cx: PollCx): PollOutcome {
    const w = this.world;
    for (;;) {
      const ev = pollReady(w, cx, this.l.io, 'read');
      if (!ev) return PENDING;
      const r = this.l.listener.accept(now(w));
      if ('ok' in r) {
        w.time.io.publish(this.l.io);
        const stream = new RTcpStream(new TcpSocket(w, r.ok, this.site));
        return okVal(new RTuple([stream, new RSocketAddr(r.ok.remote)]));
      }
      if ('err' in r) return osError(r.err);
      w.time.io.clearReadiness(this.l.io, ev);
    }
  }
  describeWait(): string {
    return `accept on ${addrText(this.l.listener.addr)} (no client has connected)`;
  }
}

/**
 * `TcpStream::connect(addr)`: a non-blocking connect (the SYN goes out on the first poll), registration,
 * `poll_write_ready` until the handshake ends, then `take_error` (a RST means ECONNREFUSED).
 */
class ConnectFuture extends SimFuture {
  private sock: TcpSocket | null = null;

  constructor(
    world: World,
    private readonly addr: SockAddr | REnum,
    private readonly site: number,
  ) {
    super(world, 'Connect', site);
  }
  protected pollInner(cx: PollCx): PollOutcome {
    if (!('ip' in this.addr)) return this.addr;
    const w = this.world;
    this.sock ??= new TcpSocket(w, w.net.connect(this.addr, now(w)), this.site);
    const ev = pollReady(w, cx, this.sock.io, 'write');
    if (!ev) return PENDING;
    const sock = this.sock;
    this.sock = null;
    const err = sock.ep.takeError(now(w));
    if (err) {
      sock.close();
      return osError(err);
    }
    return okVal(new RTcpStream(sock));
  }
  protected override onDrop(): void {
    this.sock?.close();
  }
  describeWait(): string {
    return 'a TCP connect (the handshake is under way)';
  }
}

defineFn(['tokio::net::TcpListener::bind'], {
  pure: true,
  call: (ctx, [addr]) => new BindFuture(ctx.world, toSocketAddr(ctx, addr!), ctx.span.start),
});

defineFn(['tokio::net::TcpStream::connect'], {
  pure: true,
  call: (ctx, [addr]) => new ConnectFuture(ctx.world, toSocketAddr(ctx, addr!), ctx.span.start),
});

function listenerOf(ctx: CallCtx, v: Value): RTcpListener {
  const x = deref(v);
  if (x instanceof RTcpListener) return x;
  return ctx.interp.unsupported('expected a TcpListener');
}

defineMethods(RTcpListener, {
  accept: (ctx, self) => new AcceptFuture(ctx.world, listenerOf(ctx, self), ctx.span.start),
  local_addr: (ctx, self) => okVal(new RSocketAddr(listenerOf(ctx, self).listener.addr)),
});

const addrMethods = (pick: (ep: Endpoint) => SockAddr) => (ctx: CallCtx, self: Value) => {
  const x = deref(self);
  const sock =
    x instanceof RTcpStream || x instanceof ROwnedReadHalf || x instanceof ROwnedWriteHalf
      ? x.sock
      : x instanceof RReadHalf || x instanceof RWriteHalf
        ? x.sock
        : null;
  if (!sock) return ctx.interp.unsupported('expected a TcpStream');
  return okVal(new RSocketAddr(pick(sock.ep)));
};
const localAddr = addrMethods((ep) => ep.local);
const peerAddr = addrMethods((ep) => ep.remote);

defineMethods(RTcpStream, {
  local_addr: localAddr,
  peer_addr: peerAddr,
  set_nodelay: () => okVal(UNIT),
  nodelay: () => okVal(false),
  into_split: (ctx, self) => {
    ctx.consume();
    const shared = new SharedStream(socketOf(ctx, self, 'read'));
    return new RTuple([new ROwnedReadHalf(shared), new ROwnedWriteHalf(shared)]);
  },
  split: (ctx, self) => {
    const sock = socketOf(ctx, self, 'read');
    return new RTuple([new RReadHalf(sock), new RWriteHalf(sock)]);
  },
});
for (const cls of [ROwnedReadHalf, ROwnedWriteHalf, RReadHalf, RWriteHalf])
  defineMethods(cls, { local_addr: localAddr, peer_addr: peerAddr });

// ------------------------------------------------------------------------------------------ the read / write futures

/** The bytes of a `&[u8]` argument: a byte string, an array, a Vec, a slice. */
export function bytesArg(ctx: CallCtx, v: Value): number[] {
  const x = deref(v);
  if (x instanceof RVec) return x.items.map((b) => deref(b) as number);
  if (typeof x === 'string' || x instanceof RString)
    return ctx.interp.unsupported('write needs bytes: use `b"..."` or `.as_bytes()`');
  return ctx.interp.unsupported('expected a byte buffer (`&[u8]`)');
}

/** The place behind a `&mut` argument (a read writes through it; a slice writes back into its array). */
function placeArg(ctx: CallCtx, v: Value, what: string): Place {
  if (v instanceof RRef) return v.place;
  return ctx.interp.unsupported(`expected ${what}`);
}

/** The `&mut [u8]` / `&mut Vec<u8>` a read fills. */
function bufferArg(ctx: CallCtx, v: Value): { get(): RVec; set(x: RVec): void } {
  const place = placeArg(ctx, v, 'a mutable byte buffer (`&mut buf`)');
  if (!(deref(v) instanceof RVec))
    return ctx.interp.unsupported('expected a mutable byte buffer (`&mut buf`)');
  return {
    get: () => deref(place.get()) as RVec,
    set: (x) => place.set(x),
  };
}

/** `AsyncReadExt::read`: one `poll_read` into the buffer; the count read (0 at end of stream). */
class ReadFuture extends SimFuture {
  constructor(
    world: World,
    private readonly sock: TcpSocket,
    private readonly buf: { get(): RVec; set(x: RVec): void },
    site: number,
  ) {
    super(world, 'Read', site);
  }
  protected pollInner(cx: PollCx): PollOutcome {
    const target = this.buf.get();
    const r = this.sock.pollRead(cx, target.items.length);
    if (r === PENDING || !Array.isArray(r)) return r;
    for (let i = 0; i < r.length; i++) target.items[i] = r[i]!;
    this.buf.set(target);
    return okVal(r.length);
  }
  describeWait(): string {
    return `a read on TcpStream ${addrText(this.sock.ep.local)} (no data has arrived)`;
  }
}

/** `read_exact`: fills the whole buffer, keeping what each poll read; EOF first is `early eof`. */
class ReadExactFuture extends SimFuture {
  private filled = 0;
  constructor(
    world: World,
    private readonly sock: TcpSocket,
    private readonly buf: { get(): RVec; set(x: RVec): void },
    site: number,
  ) {
    super(world, 'ReadExact', site);
  }
  protected pollInner(cx: PollCx): PollOutcome {
    const target = this.buf.get();
    const len = target.items.length;
    while (this.filled < len) {
      const r = this.sock.pollRead(cx, len - this.filled);
      if (r === PENDING || !Array.isArray(r)) return r;
      if (r.length === 0) return customError('UnexpectedEof', 'early eof');
      for (let i = 0; i < r.length; i++) target.items[this.filled + i] = r[i]!;
      this.filled += r.length;
      this.buf.set(target);
    }
    return okVal(len);
  }
  describeWait(): string {
    return `read_exact on TcpStream ${addrText(this.sock.ep.local)} (${this.filled} bytes so far)`;
  }
}

/** `read_to_end` / `read_to_string`: reads until EOF, growing the Vec as tokio 1.24 does (32 bytes at least). */
class ReadToEndFuture extends SimFuture {
  private cap: number;
  private read = 0;
  private readonly bytes: number[] = [];
  constructor(
    world: World,
    private readonly sock: TcpSocket,
    private readonly out: { get(): Value; set(x: Value): void },
    private readonly asString: boolean,
    site: number,
  ) {
    super(world, asString ? 'ReadToString' : 'ReadToEnd', site);
    const cur = deref(out.get());
    this.cap = cur instanceof RVec ? cur.items.length : 0;
  }
  protected pollInner(cx: PollCx): PollOutcome {
    for (;;) {
      const len = this.read + (this.asString ? 0 : this.baseLen());
      if (this.cap - len < 32) this.cap = Math.max(this.cap * 2, len + 32);
      const r = this.sock.pollRead(cx, this.cap - len);
      if (r === PENDING || !Array.isArray(r)) return r;
      if (r.length === 0) return this.finish();
      this.read += r.length;
      if (this.asString) for (const b of r) this.bytes.push(b);
      else {
        const v = deref(this.out.get()) as RVec;
        for (const b of r) v.items.push(b);
      }
    }
  }
  private baseLen(): number {
    const v = deref(this.out.get());
    return v instanceof RVec ? v.items.length - this.read : 0;
  }
  private finish(): PollOutcome {
    if (!this.asString) return okVal(this.read);
    const { text, valid } = utf8Decode(this.bytes);
    if (!valid) return simpleError('InvalidData', 'stream did not contain valid UTF-8');
    const s = deref(this.out.get());
    if (s instanceof RString) s.s += text;
    return okVal(this.read);
  }
}

/** `AsyncWriteExt::write`: one `poll_write`; how many bytes the socket took. */
class WriteFuture extends SimFuture {
  constructor(
    world: World,
    private readonly sock: TcpSocket,
    private readonly bytes: number[],
    site: number,
  ) {
    super(world, 'Write', site);
  }
  protected pollInner(cx: PollCx): PollOutcome {
    const r = this.sock.pollWrite(cx, this.bytes);
    if (r === PENDING || typeof r !== 'number') return r;
    return okVal(r);
  }
}

/** `write_all`: `poll_write` until everything is taken; a write of 0 is `WriteZero`. */
class WriteAllFuture extends SimFuture {
  private done_ = 0;
  constructor(
    world: World,
    private readonly sock: TcpSocket,
    private readonly bytes: number[],
    site: number,
  ) {
    super(world, 'WriteAll', site);
  }
  protected pollInner(cx: PollCx): PollOutcome {
    while (this.done_ < this.bytes.length) {
      const r = this.sock.pollWrite(cx, this.bytes, this.done_);
      if (r === PENDING || typeof r !== 'number') return r;
      if (r === 0) return kindError('WriteZero');
      this.done_ += r;
    }
    return okVal(UNIT);
  }
  describeWait(): string {
    return `write_all on TcpStream ${addrText(this.sock.ep.local)} (the socket buffer is full)`;
  }
}

/**
 * `readable()` / `writable()` (`Registration::readiness`, the `Readiness` future): Ready at once if the
 * source already has that readiness, else a waiter in the source's list until an event satisfies it.
 * Unlike the poll slots, any number of tasks can wait.
 */
class ReadinessFuture extends SimFuture {
  private readonly waiter: IoWaiter;
  private state: 'init' | 'waiting' | 'done' = 'init';
  constructor(
    world: World,
    private readonly sock: TcpSocket,
    private readonly dir: Direction,
    site: number,
  ) {
    super(world, dir === 'read' ? 'Readable' : 'Writable', site);
    this.waiter = newWaiter(sock.io.resource, dir);
  }
  protected pollInner(cx: PollCx): PollOutcome {
    const ev = this.world.time.io.pollWaiter(this.sock.io, this.waiter, cx.waker, this.state === 'init');
    if (!ev) {
      this.state = 'waiting';
      return PENDING;
    }
    this.state = 'done';
    return okVal(UNIT);
  }
  protected override onDrop(): void {
    if (this.state === 'waiting') this.world.time.io.cancelWaiter(this.sock.io, this.waiter);
  }
  describeWait(): string {
    return `TcpStream ${addrText(this.sock.ep.local)} to become ${this.dir === 'read' ? 'readable' : 'writable'}`;
  }
}

/** tokio's `io::util::DEFAULT_BUF_SIZE`: the buffer `copy` reads into. */
const COPY_BUF_SIZE = 8 * 1024;

/**
 * `tokio::io::copy(reader, writer)` (`io/util/copy.rs` `CopyBuffer`): read up to 8 KiB, write it all out,
 * repeat until the reader's EOF; the number of bytes copied. Flushing is a no-op for TCP.
 */
class CopyFuture extends SimFuture {
  private buf: number[] = [];
  private pos = 0;
  private readDone = false;
  private amt = 0;
  constructor(
    world: World,
    private readonly from: TcpSocket,
    private readonly to: TcpSocket,
    site: number,
  ) {
    super(world, 'Copy', site);
  }
  protected pollInner(cx: PollCx): PollOutcome {
    for (;;) {
      if (this.pos === this.buf.length && !this.readDone) {
        const r = this.from.pollRead(cx, COPY_BUF_SIZE);
        if (r === PENDING || !Array.isArray(r)) return r;
        if (r.length === 0) this.readDone = true;
        else {
          this.buf = r;
          this.pos = 0;
        }
      }
      while (this.pos < this.buf.length) {
        const n = this.to.pollWrite(cx, this.buf, this.pos);
        if (n === PENDING || typeof n !== 'number') return n;
        if (n === 0) return customError('WriteZero', 'write zero byte into writer');
        this.pos += n;
        this.amt += n;
      }
      if (this.readDone) return okVal(this.amt);
    }
  }
  describeWait(): string {
    return `io::copy from TcpStream ${addrText(this.from.ep.local)} (${this.amt} bytes so far)`;
  }
}

defineFn(['tokio::io::split'], {
  pure: true,
  call: (ctx, [stream]) => {
    const x = deref(stream!);
    if (!(x instanceof RTcpStream)) return ctx.interp.unsupported('tokio::io::split takes a TcpStream here');
    const shared = new SharedStream(x.sock, true);
    return new RTuple([new ROwnedReadHalf(shared), new ROwnedWriteHalf(shared)]);
  },
});

defineFn(['tokio::io::copy'], {
  pure: true,
  call: (ctx, [r, w]) =>
    new CopyFuture(ctx.world, socketOf(ctx, r!, 'read'), socketOf(ctx, w!, 'write'), ctx.span.start),
});

/** `flush` (a no-op for TCP) and `shutdown` (FIN, synchronous): Ready on the first poll. */
class ImmediateFuture extends SimFuture {
  constructor(
    world: World,
    name: string,
    private readonly run: () => Value,
    site: number,
  ) {
    super(world, name, site);
  }
  protected pollInner(): PollOutcome {
    return this.run();
  }
}

const errnoResult = (r: Sys<null>): Value => ('err' in r ? osError(r.err) : okVal(UNIT));

const readMethods = {
  read: (ctx: CallCtx, self: Value, [buf]: Value[]) =>
    new ReadFuture(ctx.world, socketOf(ctx, self, 'read'), bufferArg(ctx, buf!), ctx.span.start),
  read_exact: (ctx: CallCtx, self: Value, [buf]: Value[]) =>
    new ReadExactFuture(ctx.world, socketOf(ctx, self, 'read'), bufferArg(ctx, buf!), ctx.span.start),
  read_to_end: (ctx: CallCtx, self: Value, [out]: Value[]) =>
    new ReadToEndFuture(
      ctx.world,
      socketOf(ctx, self, 'read'),
      placeArg(ctx, out!, '`&mut` of a Vec<u8> or String'),
      false,
      ctx.span.start,
    ),
  read_to_string: (ctx: CallCtx, self: Value, [out]: Value[]) =>
    new ReadToEndFuture(
      ctx.world,
      socketOf(ctx, self, 'read'),
      placeArg(ctx, out!, '`&mut` of a Vec<u8> or String'),
      true,
      ctx.span.start,
    ),
  readable: (ctx: CallCtx, self: Value) =>
    new ReadinessFuture(ctx.world, socketOf(ctx, self, 'read'), 'read', ctx.span.start),
  try_read: (ctx: CallCtx, self: Value, [buf]: Value[]) => {
    const sock = socketOf(ctx, self, 'read');
    const b = bufferArg(ctx, buf!);
    const target = b.get();
    const r = sock.tryIo('read', () => sock.ep.read(target.items.length, now(ctx.world)));
    if (!('ok' in r)) return r;
    for (let i = 0; i < r.ok.length; i++) target.items[i] = r.ok[i]!;
    b.set(target);
    return okVal(r.ok.length);
  },
};

const writeMethods = {
  write: (ctx: CallCtx, self: Value, [b]: Value[]) =>
    new WriteFuture(ctx.world, socketOf(ctx, self, 'write'), bytesArg(ctx, b!), ctx.span.start),
  write_all: (ctx: CallCtx, self: Value, [b]: Value[]) =>
    new WriteAllFuture(ctx.world, socketOf(ctx, self, 'write'), bytesArg(ctx, b!), ctx.span.start),
  writable: (ctx: CallCtx, self: Value) =>
    new ReadinessFuture(ctx.world, socketOf(ctx, self, 'write'), 'write', ctx.span.start),
  try_write: (ctx: CallCtx, self: Value, [b]: Value[]) => {
    const sock = socketOf(ctx, self, 'write');
    const bytes = bytesArg(ctx, b!);
    const r = sock.tryIo('write', () => sock.ep.write(bytes, 0, now(ctx.world)));
    return 'ok' in r ? okVal(r.ok) : r;
  },
  flush: (ctx: CallCtx, self: Value) => {
    socketOf(ctx, self, 'write');
    return new ImmediateFuture(ctx.world, 'Flush', () => okVal(UNIT), ctx.span.start);
  },
  shutdown: (ctx: CallCtx, self: Value) => {
    const x = deref(self);
    const sock = socketOf(ctx, self, 'write');
    return new ImmediateFuture(
      ctx.world,
      'Shutdown',
      () => {
        const r = sock.shutdown();
        if (x instanceof ROwnedWriteHalf && 'ok' in r) x.shutdownOnDrop = false;
        return errnoResult(r);
      },
      ctx.span.start,
    );
  },
};

defineMethods(RTcpStream, { ...readMethods, ...writeMethods });
defineMethods(ROwnedReadHalf, readMethods);
defineMethods(RReadHalf, readMethods);
defineMethods(ROwnedWriteHalf, writeMethods);
defineMethods(RWriteHalf, writeMethods);
