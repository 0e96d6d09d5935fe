/**
 * The simulated loopback network: what the kernel does for TCP sockets on 127.0.0.1, deterministic.
 *
 * Each connection is two endpoints; data written at one lands in the other's receive buffer after the
 * configured latency plus its size over the bandwidth, in order. A write takes only what fits in the
 * socket buffers (send + receive), so a writer facing a reader that does not read sees short writes and
 * then WouldBlock; reading frees the space and, after one latency (the ACK), makes the writer writable
 * again. Connect is a handshake of two latencies; a port nobody listens on answers with a RST
 * (ECONNREFUSED). Closing a socket sends FIN, or RST if unread data was still in its receive buffer, as
 * Linux does; writing to a peer that is gone draws a RST back, so the next write fails with EPIPE (after
 * the peer's FIN) or ECONNRESET.
 *
 * Socket state changes are known in advance (a segment sent now arrives at a computed time), so every
 * change is both recorded with its time (readers see it once their clock has reached it) and raised as
 * an epoll event for that time (`IoDriver.raise`).
 */
import type { IoDriver, ScheduledIo } from '../io-driver';
import { READABLE, READ_CLOSED, WRITABLE, WRITE_CLOSED } from '../io-driver';
import type { NetConfig } from '../config';

/** Linux errno values and their `io::ErrorKind`s (what `std::io::Error` prints), for sockets and files. */
export const ERRNO = {
  ENOENT: { code: 2, kind: 'NotFound', message: 'No such file or directory' },
  EBADF: { code: 9, kind: 'Uncategorized', message: 'Bad file descriptor' },
  EEXIST: { code: 17, kind: 'AlreadyExists', message: 'File exists' },
  ENOTDIR: { code: 20, kind: 'NotADirectory', message: 'Not a directory' },
  EISDIR: { code: 21, kind: 'IsADirectory', message: 'Is a directory' },
  EINVAL: { code: 22, kind: 'InvalidInput', message: 'Invalid argument' },
  ENOTEMPTY: { code: 39, kind: 'DirectoryNotEmpty', message: 'Directory not empty' },
  EPIPE: { code: 32, kind: 'BrokenPipe', message: 'Broken pipe' },
  EADDRINUSE: { code: 98, kind: 'AddrInUse', message: 'Address already in use' },
  EADDRNOTAVAIL: { code: 99, kind: 'AddrNotAvailable', message: 'Cannot assign requested address' },
  ECONNRESET: { code: 104, kind: 'ConnectionReset', message: 'Connection reset by peer' },
  ENOTCONN: { code: 107, kind: 'NotConnected', message: 'Transport endpoint is not connected' },
  ECONNREFUSED: { code: 111, kind: 'ConnectionRefused', message: 'Connection refused' },
} as const;
export type Errno = keyof typeof ERRNO;

/** A syscall's result: a value, WouldBlock, or an errno. */
export type Sys<T> = { readonly ok: T } | { readonly wouldBlock: true } | { readonly err: Errno };
const WOULD_BLOCK = { wouldBlock: true } as const;

export interface SockAddr {
  readonly ip: string;
  readonly port: number;
}

export function addrText(a: SockAddr): string {
  return `${a.ip}:${a.port}`;
}

/** Bytes on their way to an endpoint, arriving at `at` (machine time). */
interface Segment {
  readonly bytes: number[];
  readonly at: number;
}

/** One direction of a connection: what travels towards an endpoint and what has arrived. */
class Inbound {
  /** Segments in flight, in arrival order. */
  readonly flight: Segment[] = [];
  /** Arrived bytes; the unread ones start at `head` (a cursor, so big transfers stay linear). */
  private bytes: number[] = [];
  private head = 0;
  /** When the peer's FIN arrives (after all its data), or null. */
  finAt: number | null = null;
  /** The writer filled the buffers (short write or WouldBlock): space freed later raises WRITABLE. */
  writerStalled = false;
  /** The last segment's arrival, so later segments queue behind it. */
  lastAt = 0;
  private inFlight = 0;

  /** Moves the segments that have arrived by `now` into the buffer. */
  settle(now: number): void {
    while (this.flight.length && this.flight[0]!.at <= now) {
      const s = this.flight.shift()!;
      this.inFlight -= s.bytes.length;
      for (const b of s.bytes) this.bytes.push(b);
    }
  }

  send(bytes: number[], at: number): void {
    this.flight.push({ bytes, at });
    this.inFlight += bytes.length;
  }

  /** Takes up to `len` arrived bytes. */
  take(len: number): number[] {
    const out = this.bytes.slice(this.head, this.head + len);
    this.head += out.length;
    if (this.head > 4096 && this.head * 2 > this.bytes.length) {
      this.bytes = this.bytes.slice(this.head);
      this.head = 0;
    }
    return out;
  }

  /** Arrived, unread bytes. */
  get buffered(): number {
    return this.bytes.length - this.head;
  }

  get flightBytes(): number {
    return this.inFlight;
  }

  /** Bytes in flight or unread: what counts against the buffers. */
  get used(): number {
    return this.buffered + this.inFlight;
  }
}

export class Endpoint {
  /** The I/O driver registration, once the socket is wrapped in a tokio type. */
  io: ScheduledIo | null = null;
  peer: Endpoint | null = null;
  /** Data travelling towards this endpoint. */
  readonly inbound = new Inbound();
  /** When the handshake completes for this side (machine time). */
  connectedAt = Infinity;
  /** `sk_err`, reported once by the next syscall (then gone), and when it lands. */
  private pendingErr: { err: Errno; at: number } | null = null;
  /** We sent FIN (`shutdown(Write)` or close). */
  wrShut = false;
  /** A RST reached us: everything fails or reads EOF from then on. */
  private resetAt = Infinity;
  /** Closed by the program (dropped): arriving data draws a RST. */
  closed = false;

  constructor(
    private readonly net: Network,
    readonly local: SockAddr,
    public remote: SockAddr,
  ) {}

  /** What the Reactor shows besides readiness. */
  describe(now: number): string {
    this.inbound.settle(now);
    const parts: string[] = [];
    const n = this.inbound.buffered;
    if (n) parts.push(`${n} byte${n === 1 ? '' : 's'} to read`);
    const inFlight = this.inbound.flightBytes;
    if (inFlight) parts.push(`${inFlight} in flight`);
    if (this.inbound.finAt !== null && this.inbound.finAt <= now) parts.push('peer closed (FIN)');
    if (this.resetAt <= now) parts.push('reset (RST)');
    return parts.join(', ');
  }

  private raise(bits: number, at: number): void {
    if (this.io) this.io.driver.raise(this.io, bits, at);
  }

  /** What epoll reports when the socket is first registered (the current state). */
  initialReadiness(now: number): number {
    this.inbound.settle(now);
    let bits = 0;
    if (this.resetAt <= now) return READABLE | WRITABLE | READ_CLOSED | WRITE_CLOSED;
    if (this.inbound.buffered) bits |= READABLE;
    if (this.inbound.finAt !== null && this.inbound.finAt <= now) bits |= READABLE | READ_CLOSED;
    if (this.connectedAt <= now && !this.wrShut) bits |= WRITABLE;
    return bits;
  }

  /** The state changes already scheduled for later (raised again now that the socket is registered). */
  raiseScheduled(now: number): void {
    const init = this.initialReadiness(now);
    if (init) this.raise(init, now);
    if (this.connectedAt > now && this.connectedAt < Infinity) this.raise(WRITABLE, this.connectedAt);
    for (const s of this.inbound.flight) this.raise(READABLE, s.at);
    const fin = this.inbound.finAt;
    if (fin !== null && fin > now) this.raise(READABLE | READ_CLOSED, fin);
    if (this.pendingErr && this.pendingErr.at > now) this.raise(ALL, this.pendingErr.at);
  }

  /** Delivers bytes from the peer: they arrive after latency and transfer time, behind earlier ones. */
  receive(bytes: number[], now: number): void {
    const cfg = this.net.config;
    const at = Math.max(now + cfg.latencyNs, this.inbound.lastAt) + Math.ceil(bytes.length / cfg.bytesPerNs);
    this.inbound.lastAt = at;
    if (this.closed) {
      // Data for a closed socket: the kernel answers with a RST.
      this.peer?.reset(at + cfg.latencyNs, this.peer.inbound.finAt !== null ? 'EPIPE' : 'ECONNRESET');
      return;
    }
    this.inbound.send(bytes, at);
    this.raise(READABLE, at);
  }

  /** The peer's FIN reaches us after its data. */
  receiveFin(now: number): void {
    const at = Math.max(now + this.net.config.latencyNs, this.inbound.lastAt);
    this.inbound.finAt = at;
    this.raise(READABLE | READ_CLOSED, at);
  }

  /** A RST reaches us at `at` (`tcp_reset`: the error depends on whether we had seen the peer's FIN). */
  reset(at: number, err: Errno): void {
    if (this.resetAt <= at) return;
    this.resetAt = at;
    this.pendingErr = { err, at };
    this.raise(ALL, at);
  }

  /** Marks the connection established for this side at `at` (raises WRITABLE then). */
  established(at: number): void {
    this.connectedAt = at;
    this.raise(WRITABLE, at);
  }

  /** `getsockopt(SO_ERROR)` (`take_error`): the pending error, consumed. */
  takeError(now: number): Errno | null {
    if (!this.pendingErr || this.pendingErr.at > now) return null;
    const e = this.pendingErr.err;
    this.pendingErr = null;
    return e;
  }

  /** `read(2)` into a buffer of `len` bytes. */
  read(len: number, now: number): Sys<number[]> {
    const inb = this.inbound;
    inb.settle(now);
    if (inb.buffered) {
      const bytes = inb.take(len);
      if (inb.writerStalled && bytes.length > 0) {
        // The freed space reaches the writer with our ACK.
        inb.writerStalled = false;
        this.peer?.raiseWritable(now + this.net.config.latencyNs);
      }
      return { ok: bytes };
    }
    if (len === 0) return { ok: [] };
    const err = this.takeError(now);
    if (err) return { err };
    if (this.resetAt <= now) return { ok: [] };
    if (inb.finAt !== null && inb.finAt <= now) return { ok: [] };
    if (this.connectedAt > now) return { err: 'ENOTCONN' };
    return WOULD_BLOCK;
  }

  raiseWritable(at: number): void {
    this.raise(WRITABLE, at);
  }

  /** `write(2)` of `bytes[from..]`: takes what fits in the buffers. */
  write(bytes: readonly number[], from: number, now: number): Sys<number> {
    const err = this.takeError(now);
    if (err) return { err };
    if (this.wrShut || this.resetAt <= now) return { err: 'EPIPE' };
    if (this.connectedAt > now) return { err: 'ENOTCONN' };
    const peer = this.peer;
    if (!peer) return { err: 'ENOTCONN' };
    const len = bytes.length - from;
    if (len <= 0) return { ok: 0 };
    peer.inbound.settle(now);
    const room = this.net.config.sendBuffer + this.net.config.recvBuffer - peer.inbound.used;
    if (room <= 0) {
      peer.inbound.writerStalled = true;
      return WOULD_BLOCK;
    }
    const n = Math.min(room, len);
    if (n < len) peer.inbound.writerStalled = true;
    peer.receive(bytes.slice(from, from + n), now);
    return { ok: n };
  }

  /** `shutdown(Write)`: FIN to the peer. */
  shutdownWrite(now: number): void {
    if (this.wrShut) return;
    this.wrShut = true;
    if (this.peer && this.connectedAt <= now && this.resetAt > now) this.peer.receiveFin(now);
  }

  /** `close(2)` on drop: RST if we leave unread data behind, else FIN. */
  close(now: number): void {
    if (this.closed) return;
    this.closed = true;
    this.inbound.settle(now);
    const peer = this.peer;
    if (peer && this.connectedAt <= now && this.resetAt > now) {
      if (this.inbound.used) peer.reset(now + this.net.config.latencyNs, 'ECONNRESET');
      else this.shutdownWrite(now);
    }
    this.wrShut = true;
  }
}

const ALL = READABLE | WRITABLE | READ_CLOSED | WRITE_CLOSED;

export class Listener {
  /** Connections whose handshake completed (or will, at their time), in order. */
  private readonly backlog: Endpoint[] = [];
  io: ScheduledIo | null = null;
  closed = false;

  constructor(
    private readonly net: Network,
    readonly addr: SockAddr,
  ) {}

  /** A client's SYN: the server side is ready to accept at `at`. */
  enqueue(server: Endpoint, at: number): void {
    this.backlog.push(server);
    if (this.io) this.io.driver.raise(this.io, READABLE, at);
  }

  /** `accept(2)`: the first established connection, or WouldBlock. */
  accept(now: number): Sys<Endpoint> {
    const e = this.backlog[0];
    if (!e || e.connectedAt > now) return WOULD_BLOCK;
    this.backlog.shift();
    return { ok: e };
  }

  raiseScheduled(now: number): void {
    if (!this.io) return;
    for (const e of this.backlog) this.io.driver.raise(this.io, READABLE, Math.max(now, e.connectedAt));
  }

  describe(now: number): string {
    const n = this.backlog.filter((e) => e.connectedAt <= now).length;
    return n ? `${n} connection${n === 1 ? '' : 's'} waiting to be accepted` : '';
  }

  /** Dropped: unaccepted connections are reset, the port is free again. */
  close(now: number): void {
    if (this.closed) return;
    this.closed = true;
    this.net.unbind(this);
    for (const e of this.backlog) {
      e.closed = true;
      e.peer?.reset(Math.max(now, e.connectedAt) + this.net.config.latencyNs, 'ECONNRESET');
    }
    this.backlog.length = 0;
  }
}

export class Network {
  private readonly listeners = new Map<number, Listener>();
  /** Ports taken by connected sockets (ephemeral) and listeners. */
  private readonly used = new Set<number>();
  private nextEphemeral: number;

  constructor(
    readonly driver: IoDriver,
    readonly config: NetConfig,
    /** The first ephemeral port (Linux picks from 32768–60999; seeded for determinism). */
    firstEphemeral: number,
  ) {
    this.nextEphemeral = firstEphemeral;
  }

  /** `bind(2)` + `listen(2)`. Port 0 picks an ephemeral port. */
  bind(addr: SockAddr): Sys<Listener> {
    if (addr.ip !== '127.0.0.1' && addr.ip !== '0.0.0.0') return { err: 'EADDRNOTAVAIL' };
    const port = addr.port === 0 ? this.ephemeral() : addr.port;
    if (this.used.has(port)) return { err: 'EADDRINUSE' };
    const l = new Listener(this, { ip: addr.ip, port });
    this.listeners.set(port, l);
    this.used.add(port);
    return { ok: l };
  }

  unbind(l: Listener): void {
    if (this.listeners.get(l.addr.port) === l) {
      this.listeners.delete(l.addr.port);
      this.used.delete(l.addr.port);
    }
  }

  /** A non-blocking `connect(2)`: the client endpoint; the handshake finishes after two latencies. */
  connect(to: SockAddr, now: number): Endpoint {
    const local: SockAddr = { ip: '127.0.0.1', port: this.ephemeral() };
    this.used.add(local.port);
    const client = new Endpoint(this, local, to);
    const done = now + 2 * this.config.latencyNs;
    const listener = to.ip === '127.0.0.1' || to.ip === '0.0.0.0' ? this.listeners.get(to.port) : undefined;
    if (!listener) {
      client.reset(done, 'ECONNREFUSED'); // the SYN is answered with a RST
      return client;
    }
    const server = new Endpoint(this, { ip: '127.0.0.1', port: to.port }, local);
    client.peer = server;
    server.peer = client;
    server.connectedAt = done;
    client.established(done);
    listener.enqueue(server, done);
    return client;
  }

  private ephemeral(): number {
    while (this.used.has(this.nextEphemeral)) this.nextEphemeral++;
    return this.nextEphemeral++;
  }
}
