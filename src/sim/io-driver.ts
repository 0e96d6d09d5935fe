/**
 * tokio's I/O driver (spec §8; `runtime/io/{driver.rs, scheduled_io.rs, registration.rs}`): one
 * `ScheduledIo` per socket with readiness bits and the tick of the event that set them, a reader and a
 * writer waker slot, and the driver turn that delivers the OS's edge-triggered events.
 *
 * The OS side (what epoll would report) is the simulated network (`net/network.ts`): it *raises* an event
 * for a source at the machine time the socket's state changes (data arrives, space frees up, a FIN or RST
 * lands). Events wait in the "epoll ready list" until a driver turn at or after that time takes them, one
 * event per source per turn with the bits OR-ed together, as epoll does for an edge-triggered fd that
 * became ready several times between two `epoll_wait`s. Turns happen only where tokio turns its driver:
 * park and park_yield (`TimeDriver.turn`), on whichever thread holds the driver.
 */
import type { Machine } from './machine';
import { WakerSlot, wakeBatch } from './waker';
import type { TaskHost, Waker } from './task';

/** tokio 1.24's `Ready` bits (`io/ready.rs`). */
export const READABLE = 0b0001;
export const WRITABLE = 0b0010;
export const READ_CLOSED = 0b0100;
export const WRITE_CLOSED = 0b1000;
const CLOSED = READ_CLOSED | WRITE_CLOSED;

export type Direction = 'read' | 'write';

/** `Direction::mask`: the readiness a direction cares about. */
export function directionMask(dir: Direction): number {
  return dir === 'read' ? READABLE | READ_CLOSED : WRITABLE | WRITE_CLOSED;
}

const READY_TEXT: string[] = Array.from({ length: 16 }, (_, bits) => {
  const words: string[] = [];
  if (bits & READABLE) words.push('readable');
  if (bits & WRITABLE) words.push('writable');
  if (bits & READ_CLOSED) words.push('read-closed');
  if (bits & WRITE_CLOSED) words.push('write-closed');
  return words.join(' | ');
});

/** `Ready`'s Debug-ish words, for the trace: "readable | read-closed". */
export function readyText(bits: number): string {
  return READY_TEXT[bits & 0xf]!;
}

/** `ReadyEvent`: what `poll_ready` saw, so a WouldBlock can clear exactly that. */
export interface ReadyEvent {
  readonly tick: number;
  readonly ready: number;
}

/** Max events one `epoll_wait` returns (`nevents`, tokio's `max_io_events_per_tick` default 1024). */
export const EVENTS_PER_TURN = 1024;

export class ScheduledIo {
  /** READINESS bits (tokio packs them with the tick in one atomic word). */
  readiness = 0;
  /** The driver tick of the event that last set the readiness (15 bits in tokio; u8 in `ReadyEvent`). */
  tick = 0;
  readonly reader: WakerSlot;
  readonly writer: WakerSlot;
  /** Deregistered (the socket was dropped): late events are ignored. */
  closed = false;
  /** `readiness(interest).await` waiters (`readable()`, `writable()`): the intrusive list, newest first. */
  readonly waiters: IoWaiter[] = [];
  /** The last state text published for the Reactor (publishing is skipped when nothing changed). */
  published = '';

  constructor(
    readonly resource: number,
    /** Text for the Reactor besides readiness ("3 bytes buffered"), from the socket. */
    readonly describe: () => string,
    /**
     * The driver it is registered with: the runtime that was current when the socket was made (tokio's
     * `Registration` keeps its `Handle`). Its events go there whichever runtime's thread polls it.
     */
    readonly driver: IoDriver,
  ) {
    this.reader = new WakerSlot(resource, 'read');
    this.writer = new WakerSlot(resource, 'write');
  }

  slot(dir: Direction): WakerSlot {
    return dir === 'read' ? this.reader : this.writer;
  }
}

/** A `Readiness` future's node in the waiter list (`scheduled_io.rs` `Waiter`). */
export interface IoWaiter {
  readonly interest: number;
  /** Its waker (`register`/`deregister` carry the interest's direction). */
  readonly slot: WakerSlot;
  isReady: boolean;
}

export function newWaiter(resource: number, dir: Direction): IoWaiter {
  return { interest: directionMask(dir), slot: new WakerSlot(resource, dir), isReady: false };
}

interface OsEvent {
  readonly io: ScheduledIo;
  readonly bits: number;
  readonly at: number;
}

export class IoDriver {
  /** The driver's turn counter (`Driver::tick`, a u8 that wraps). */
  private turnTick = 0;
  /** Events raised by the OS, in machine-time order (ties: raise order). */
  private queue: OsEvent[] = [];
  /** Any I/O source was ever registered: driver turns are traced from then on. */
  private active = false;
  /** Wakes the thread parked in the driver when an event lands at `at` (machine time). */
  onEvent: ((at: number) => void) | null = null;

  constructor(
    private readonly world: TaskHost,
    private readonly machine: Machine,
  ) {}

  /** Registering a source with mio (`Registration::new_with_interest_and_handle`). */
  register(resource: number, describe: () => string): ScheduledIo {
    this.active = true;
    const io = new ScheduledIo(resource, describe, this);
    this.publish(io);
    return io;
  }

  /** The source is deregistered and dropped: its wakers are released, later events are dropped. */
  deregister(io: ScheduledIo): void {
    if (io.closed) return;
    io.closed = true;
    io.reader.clear(this.world);
    io.writer.clear(this.world);
    for (const w of io.waiters.splice(0)) w.slot.clear(this.world);
  }

  /**
   * `Readiness::poll`: Ready with the event if the source already has readiness for `interest`, else
   * (the first time) push a waiter with a clone of the waker, or (later) keep waiting, replacing the waker
   * if another task polls. Returns null for Pending.
   */
  pollWaiter(io: ScheduledIo, w: IoWaiter, waker: Waker, first: boolean): ReadyEvent | null {
    if (first) {
      const ready = io.readiness & w.interest;
      if (ready) return { tick: io.tick, ready };
      w.slot.register(this.world, waker);
      io.waiters.unshift(w);
      this.publish(io);
      return null;
    }
    if (w.isReady) return { tick: io.tick, ready: io.readiness & w.interest };
    // Another task polling the same future replaces the waker (the slot keeps one that will_wake).
    w.slot.register(this.world, waker);
    return null;
  }

  /** A `Readiness` future dropped while waiting unlinks its waiter. */
  cancelWaiter(io: ScheduledIo, w: IoWaiter): void {
    const i = io.waiters.indexOf(w);
    if (i >= 0) io.waiters.splice(i, 1);
    w.slot.clear(this.world);
    this.publish(io);
  }

  /** The OS reports readiness `bits` for `io` at machine time `at` (epoll's ready list). */
  raise(io: ScheduledIo, bits: number, at: number): void {
    if (io.closed || bits === 0) return;
    const q = this.queue;
    let i = q.length;
    while (i > 0 && q[i - 1]!.at > at) i--;
    q.splice(i, 0, { io, bits, at });
    this.onEvent?.(at);
  }

  /** The machine time of the earliest event not yet delivered, or null. */
  nextEventAt(): number | null {
    return this.queue.length ? this.queue[0]!.at : null;
  }

  /** An event is waiting for a turn at or before `now` (so a blocking park returns at once). */
  hasEventBy(now: number): boolean {
    return this.queue.length > 0 && this.queue[0]!.at <= now;
  }

  /**
   * `Driver::turn`: take the events that have happened by `now` (at most 1024 sources), and for each set
   * its readiness with this turn's tick and wake the reader / writer it satisfies.
   */
  turn(now: number): void {
    if (!this.active) return;
    this.turnTick = (this.turnTick + 1) & 0xff;
    if (!this.hasEventBy(now)) {
      this.machine.emit('io-turn', { events: 0 });
      return;
    }
    const merged = new Map<ScheduledIo, number>();
    let taken = 0;
    while (taken < this.queue.length && this.queue[taken]!.at <= now) {
      const e = this.queue[taken]!;
      if (!merged.has(e.io) && merged.size === EVENTS_PER_TURN) break;
      merged.set(e.io, (merged.get(e.io) ?? 0) | e.bits);
      taken++;
    }
    this.queue.splice(0, taken);
    this.machine.emit('io-turn', { events: merged.size });
    for (const [io, bits] of merged) {
      if (io.closed) continue;
      // `set_readiness` then `ScheduledIo::wake`: the wakers are taken out of their slots under the
      // lock and woken after it is released. The published state already shows both.
      io.readiness |= bits;
      io.tick = this.turnTick;
      const wakers = this.takeWakers(io, bits);
      this.publish(io);
      this.machine.emit('io-ready', {
        resource: io.resource,
        ready: readyText(io.readiness),
        tick: io.tick,
      });
      wakeBatch(
        this.world,
        wakers.map((waker) => ({ waker, resource: io.resource })),
      );
    }
  }

  /**
   * The reader waker if the event is readable, the writer waker if it is writable, then every waiter
   * whose interest the event satisfies (drained from the list, newest first, and marked ready). They are
   * woken as one `WakeList`: 1.24 wakes each batch of 32 last-in first-out, latest in order.
   */
  private takeWakers(io: ScheduledIo, bits: number): Waker[] {
    const wakers: Waker[] = [];
    if (bits & (READABLE | READ_CLOSED) && io.reader.waker) {
      wakers.push(io.reader.waker);
      io.reader.waker = null;
    }
    if (bits & (WRITABLE | WRITE_CLOSED) && io.writer.waker) {
      wakers.push(io.writer.waker);
      io.writer.waker = null;
    }
    for (let i = 0; i < io.waiters.length;) {
      const w = io.waiters[i]!;
      if (!(w.interest & bits)) {
        i++;
        continue;
      }
      io.waiters.splice(i, 1);
      w.isReady = true;
      if (w.slot.waker) wakers.push(w.slot.waker);
      w.slot.waker = null;
    }
    return wakers;
  }

  /** `ScheduledIo::ready_event` (for `try_io`): the current readiness for `interest`, no waker. */
  readyEvent(io: ScheduledIo, interest: number): ReadyEvent {
    return { tick: io.tick, ready: io.readiness & interest };
  }

  /**
   * `ScheduledIo::poll_readiness`: the readiness for `dir`, or store the waker in that direction's slot
   * (last poller wins) and report Pending (null).
   */
  pollReadiness(io: ScheduledIo, dir: Direction, waker: Waker): ReadyEvent | null {
    const mask = directionMask(dir);
    const ready = io.readiness & mask;
    if (ready) return { tick: io.tick, ready };
    io.slot(dir).register(this.world, waker);
    this.publish(io);
    return null;
  }

  /**
   * `ScheduledIo::clear_readiness`: after WouldBlock, clear what the event saw — unless a newer event has
   * set the readiness since (its tick differs), and never the closed bits.
   */
  clearReadiness(io: ScheduledIo, ev: ReadyEvent): void {
    if (io.tick !== ev.tick) return;
    const cleared = ev.ready & ~CLOSED & io.readiness;
    if (!cleared) return;
    io.readiness &= ~cleared;
    this.machine.emit('io-clear', { resource: io.resource, ready: readyText(cleared), tick: ev.tick });
    this.publish(io);
  }

  /** The source's state in words, for the Reactor panel (emitted only when it changed). */
  publish(io: ScheduledIo): void {
    let text = `${io.readiness ? readyText(io.readiness) : 'not ready'} (tick ${io.tick}) · reader slot: ${slotText(io.reader)} · writer slot: ${slotText(io.writer)}`;
    let waiting = '';
    for (const w of io.waiters) {
      if (!w.slot.waker) continue;
      waiting += `${waiting ? ', ' : ''}task ${w.slot.waker.task.id} (${w.slot.dir === 'read' ? 'readable' : 'writable'})`;
    }
    if (waiting) text += ` · waiting on readiness: ${waiting}`;
    const extra = io.describe();
    if (extra) text += ` · ${extra}`;
    if (text === io.published) return;
    io.published = text;
    this.machine.emit('resource-state', { resource: io.resource, text });
  }
}

function slotText(s: WakerSlot): string {
  return s.waker ? `task ${s.waker.task.id}` : 'empty';
}
