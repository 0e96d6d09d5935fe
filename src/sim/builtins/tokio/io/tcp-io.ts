/**
 * A TCP stream and its halves as `AsyncRead` / `AsyncWrite` (source.ts), plus what only sockets have:
 * `readable()` / `writable()` and `try_read` / `try_write`. Flushing is a no-op for TCP; `shutdown` sends
 * FIN synchronously.
 */
import { SimFuture } from '../../../future';
import { defineMethods, type CallCtx } from '../../../interp/registry';
import { newWaiter, type Direction, type IoWaiter } from '../../../io-driver';
import { addrText, type Sys } from '../../../net/network';
import { PENDING, type PollOutcome } from '../../../poll';
import type { PollCx } from '../../../task';
import { okVal, UNIT, type Value } from '../../../values';
import type { World } from '../../../world';
import { osError } from '../../std/io/error';
import type { TcpSocket } from '../net/socket';
import {
  now,
  ROwnedReadHalf,
  ROwnedWriteHalf,
  RReadHalf,
  RTcpStream,
  RWriteHalf,
  socketOf,
} from '../net/socket';
import { bytesArg, defineIoMethods } from './ext';
import { bufferArg } from './read';
import {
  registerReader,
  registerWriter,
  type AsyncReadSrc,
  type AsyncWriteSink,
  type IoPoll,
} from './source';

const errnoResult = (r: Sys<null>): IoPoll<null> => ('err' in r ? osError(r.err) : null);

class TcpReader implements AsyncReadSrc {
  constructor(private readonly sock: TcpSocket) {}
  pollRead(cx: PollCx, len: number): IoPoll<number[]> {
    return this.sock.pollRead(cx, len);
  }
  describeRead(): string {
    return `TcpStream ${addrText(this.sock.ep.local)} (no data has arrived)`;
  }
}

class TcpWriter implements AsyncWriteSink {
  constructor(
    private readonly sock: TcpSocket,
    /** The owned write half, whose drop would otherwise shut down writing again. */
    private readonly half: ROwnedWriteHalf | null,
  ) {}
  pollWrite(cx: PollCx, bytes: readonly number[], from: number): IoPoll<number> {
    return this.sock.pollWrite(cx, bytes, from);
  }
  pollFlush(): null {
    return null;
  }
  pollShutdown(): IoPoll<null> {
    const r = this.sock.shutdown();
    if (this.half && 'ok' in r) this.half.shutdownOnDrop = false;
    return errnoResult(r);
  }
  describeWrite(): string {
    return `TcpStream ${addrText(this.sock.ep.local)} (the socket buffer is full)`;
  }
}

registerReader((x) => {
  if (x instanceof RTcpStream || x instanceof ROwnedReadHalf || x instanceof RReadHalf)
    return new TcpReader(x.sock);
  return null;
});
registerWriter((x) => {
  if (x instanceof RTcpStream || x instanceof RWriteHalf) return new TcpWriter(x.sock, null);
  if (x instanceof ROwnedWriteHalf) return new TcpWriter(x.sock, x);
  return null;
});

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
    const ev = this.sock.io.driver.pollWaiter(this.sock.io, this.waiter, cx.waker, this.state === 'init');
    if (!ev) {
      this.state = 'waiting';
      return PENDING;
    }
    this.state = 'done';
    return okVal(UNIT);
  }
  protected override onDrop(): void {
    if (this.state === 'waiting') this.sock.io.driver.cancelWaiter(this.sock.io, this.waiter);
  }
  describeWait(): string {
    return `TcpStream ${addrText(this.sock.ep.local)} to become ${this.dir === 'read' ? 'readable' : 'writable'}`;
  }
}

const socketReadMethods = {
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

const socketWriteMethods = {
  writable: (ctx: CallCtx, self: Value) =>
    new ReadinessFuture(ctx.world, socketOf(ctx, self, 'write'), 'write', ctx.span.start),
  try_write: (ctx: CallCtx, self: Value, [b]: Value[]) => {
    const sock = socketOf(ctx, self, 'write');
    const bytes = bytesArg(ctx, b!);
    const r = sock.tryIo('write', () => sock.ep.write(bytes, 0, now(ctx.world)));
    return 'ok' in r ? okVal(r.ok) : r;
  },
};

defineIoMethods(RTcpStream, 'tokio::net::TcpStream', { read: true, write: true });
defineIoMethods(ROwnedReadHalf, 'tokio::net::tcp::OwnedReadHalf', { read: true });
defineIoMethods(RReadHalf, 'tokio::net::tcp::ReadHalf', { read: true });
defineIoMethods(ROwnedWriteHalf, 'tokio::net::tcp::OwnedWriteHalf', { write: true });
defineIoMethods(RWriteHalf, 'tokio::net::tcp::WriteHalf', { write: true });
defineMethods(RTcpStream, 'tokio::net::TcpStream', { ...socketReadMethods, ...socketWriteMethods });
defineMethods(ROwnedReadHalf, 'tokio::net::tcp::OwnedReadHalf', socketReadMethods);
defineMethods(RReadHalf, 'tokio::net::tcp::ReadHalf', socketReadMethods);
defineMethods(ROwnedWriteHalf, 'tokio::net::tcp::OwnedWriteHalf', socketWriteMethods);
defineMethods(RWriteHalf, 'tokio::net::tcp::WriteHalf', socketWriteMethods);
