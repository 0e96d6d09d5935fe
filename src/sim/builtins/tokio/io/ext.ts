/**
 * `tokio::io`: the `AsyncReadExt` / `AsyncWriteExt` methods on streams and halves (`read`, `read_exact`,
 * `read_to_end`, `write`, `write_all`, `flush`, `shutdown`), `readable()` / `writable()`, `io::split` and
 * `io::copy`.
 */
import { utf8Decode } from '../../../../base';
import { SimFuture } from '../../../future';
import { defineFn, defineMethods, type CallCtx } from '../../../interp/registry';
import { newWaiter, type Direction, type IoWaiter } from '../../../io-driver';
import { addrText, type Sys } from '../../../net/network';
import { PENDING, type PollOutcome } from '../../../poll';
import type { PollCx } from '../../../task';
import type { Place } from '../../../values';
import { deref, okVal, RRef, RString, RTuple, RVec, UNIT, type Value } from '../../../values';
import type { World } from '../../../world';
import { slotsBytes } from '../../../memory';
import { customError, kindError, osError, simpleError } from '../../std/io/error';
import type { TcpSocket } from '../net/socket';
import {
  now,
  ROwnedReadHalf,
  ROwnedWriteHalf,
  RReadHalf,
  RTcpStream,
  RWriteHalf,
  SharedStream,
  socketOf,
} from '../net/socket';

/** The bytes of a `&[u8]` argument: a byte string, an array, a Vec, a slice. */
export function bytesArg(ctx: CallCtx, v: Value): number[] {
  const x = deref(v);
  if (x instanceof RVec) {
    // Only u8s: a program that would not compile (`&[..n]`, a slice of ranges) must not reach the network.
    const bytes = x.items.map((b) => deref(b));
    if (bytes.every((b): b is number => typeof b === 'number' && b >= 0 && b <= 255)) return bytes;
    return ctx.interp.unsupported('expected a byte buffer (`&[u8]`)');
  }
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
      if (this.asString) {
        // The bytes wait here until EOF: a peer that never stops sending ends in the memory limit.
        this.world.memory.reserve(slotsBytes(this.bytes.length + r.length, 0));
        for (const b of r) this.bytes.push(b);
      } else {
        const v = deref(this.out.get()) as RVec;
        for (const b of r) v.items.push(b);
        this.world.memory.track(v);
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
    if (s instanceof RString) {
      this.world.memory.reserveString(s.s.length + text.length);
      s.s += text;
      this.world.memory.track(s);
    }
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

defineMethods(RTcpStream, 'tokio::net::TcpStream', { ...readMethods, ...writeMethods });
defineMethods(ROwnedReadHalf, 'tokio::net::tcp::OwnedReadHalf', readMethods);
defineMethods(RReadHalf, 'tokio::net::tcp::ReadHalf', readMethods);
defineMethods(ROwnedWriteHalf, 'tokio::net::tcp::OwnedWriteHalf', writeMethods);
defineMethods(RWriteHalf, 'tokio::net::tcp::WriteHalf', writeMethods);
