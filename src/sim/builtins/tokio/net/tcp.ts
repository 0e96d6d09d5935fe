/**
 * `tokio::net::{TcpListener, TcpStream}` over the simulated loopback network (`net/network.ts`) and the
 * I/O driver (`io-driver.ts`): `bind`, `accept`, `connect`, addresses and `split` / `into_split`. Reading
 * and writing are tokio/io/ext.ts.
 */
import type { SelfFormatting } from '../../../format';
import { SimFuture } from '../../../future';
import { defineFn, defineMethods, type CallCtx } from '../../../interp/registry';
import type { ScheduledIo } from '../../../io-driver';
import { addrText, type Endpoint, type Listener, type SockAddr } from '../../../net/network';
import { PENDING, type PollOutcome } from '../../../poll';
import type { PollCx } from '../../../task';
import type { REnum } from '../../../values';
import { deref, okVal, RObject, RTuple, UNIT, type Value } from '../../../values';
import type { World } from '../../../world';
import { osError } from '../../std/io/error';
import { RSocketAddr, toSocketAddr } from './addr';
import {
  now,
  pollReady,
  ROwnedReadHalf,
  ROwnedWriteHalf,
  RReadHalf,
  RTcpStream,
  RWriteHalf,
  SharedStream,
  socketOf,
  TcpSocket,
} from './socket';

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
    this.io = world.io.register(res, () => listener.describe(now(world)));
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
    this.io.driver.deregister(this.io);
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
        this.l.io.driver.publish(this.l.io);
        const stream = new RTcpStream(new TcpSocket(w, r.ok, this.site));
        return okVal(new RTuple([stream, new RSocketAddr(r.ok.remote)]));
      }
      if ('err' in r) return osError(r.err);
      this.l.io.driver.clearReadiness(this.l.io, ev);
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

defineMethods(RTcpListener, 'tokio::net::TcpListener', {
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

defineMethods(RTcpStream, 'tokio::net::TcpStream', {
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
for (const [cls, rust] of [
  [ROwnedReadHalf, 'tokio::net::tcp::OwnedReadHalf'],
  [ROwnedWriteHalf, 'tokio::net::tcp::OwnedWriteHalf'],
  [RReadHalf, 'tokio::net::tcp::ReadHalf'],
  [RWriteHalf, 'tokio::net::tcp::WriteHalf'],
] as const)
  defineMethods(cls, rust, { local_addr: localAddr, peer_addr: peerAddr });
