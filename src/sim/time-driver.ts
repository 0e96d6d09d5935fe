/**
 * tokio's time driver (spec §7): 1 ms ticks, deadlines rounded up to the next tick, timers fired in deadline
 * order and, for equal deadlines, in registration order; a paused clock that auto-advances only when the
 * runtime has nothing else to do; and the driver's "unpark token" (the mio waker) that makes the next park
 * return at once.
 *
 * A binary heap keyed by (tick, registration sequence) reproduces the hierarchical wheel's firing order
 * (spec §7.2, §12.4) without modelling its levels.
 */
import { NS_PER_MS } from '../base';
import { IoDriver } from './io-driver';
import type { Machine } from './machine';
import { WakerSlot } from './waker';
import type { TaskHost, Waker } from './task';

export class TimerEntry {
  tick = 0;
  /** Wheel registration order, for FIFO among equal deadlines. */
  seq = 0;
  registered = false;
  fired = false;
  heapIndex = -1;
  readonly slot: WakerSlot;

  constructor(
    readonly resource: number,
    /** Tokio-time deadline in ns (before rounding to ticks). */
    public deadline: number,
  ) {
    this.slot = new WakerSlot(resource);
  }
}

export class TimeDriver {
  /** Tokio time at which the runtime was built; ticks count from here. */
  readonly start: number;
  /** Frozen tokio time while paused (tokio's `Clock::base`). */
  private base: number;
  /** The wheel's last processed tick (`lock.elapsed`). */
  elapsed = 0;
  /** The earliest deadline the parked driver knows about (`next_wake`). */
  nextWake: number | null = null;
  /** `spawn_blocking` tasks in flight inhibit auto-advance (spec §6.1 test-util). */
  inhibit = 0;
  /** A pending unpark of the I/O driver (the mio waker): the next driver turn consumes it; a park returns at once. */
  ioToken = false;
  /** `did_wake` (test-util): the driver was unparked since the last auto-advance check. */
  private didWake = false;
  private heap: TimerEntry[] = [];
  private seq = 0;
  /** The I/O half of the driver: every turn polls it first, as tokio's time driver parks on the IoStack. */
  readonly io: IoDriver;

  constructor(
    private readonly world: TaskHost,
    private readonly machine: Machine,
    /** The clock is frozen (`start_paused`, `time::pause`); `resume` thaws it. */
    public paused: boolean,
    startNs: number,
  ) {
    this.start = startNs;
    this.base = startNs;
    this.io = new IoDriver(world, machine);
    // An epoll event wakes the thread blocked in the driver when it lands (not before).
    this.io.onEvent = (at) => this.onIoEvent?.(at);
  }

  /** Tokio time now, as seen by the current thread. */
  now(): number {
    return this.paused ? this.base : this.machine.current.clock + this.offset;
  }

  /**
   * Tokio time minus machine time while the clock runs: 0 until a `time::pause` / `advance` / `resume`
   * leaves tokio time ahead (tokio's `Clock`: `base + unfrozen.elapsed()`).
   */
  private offset = 0;

  /** `time::pause()` (`Clock::pause`): freeze tokio time where it is. */
  pause(): void {
    this.base = this.now();
    this.paused = true;
  }

  /** `time::resume()`: tokio time flows again from the frozen instant. */
  resume(): void {
    this.offset = this.base - this.machine.current.clock;
    this.paused = false;
  }

  /** `TimeSource::deadline_to_tick`: round up to the next whole millisecond. */
  deadlineToTick(deadline: number): number {
    return Math.max(0, Math.floor((deadline + 999_999 - this.start) / NS_PER_MS));
  }

  nowTick(): number {
    return Math.max(0, Math.floor((this.now() - this.start) / NS_PER_MS));
  }

  get pending(): number {
    return this.heap.length;
  }

  /** The earliest armed tick, or null. */
  nextExpiration(): number | null {
    return this.heap.length ? this.heap[0]!.tick : null;
  }

  /**
   * `Handle::reregister` (time/mod.rs L339-384): arm `entry` at its deadline. Returns true if the deadline
   * has already elapsed, in which case the entry fired at once.
   */
  register(entry: TimerEntry, task: number): boolean {
    this.remove(entry);
    entry.tick = this.deadlineToTick(entry.deadline);
    entry.registered = true;
    if (entry.tick <= this.elapsed) {
      // `InsertError::Elapsed`: the entry fires at once and its stored waker (if a poll left one) is woken
      // — "we might reset _after_ a poll, and otherwise the task won't be awoken to poll again".
      entry.fired = true;
      const w = entry.slot.waker;
      entry.slot.waker = null;
      this.machine.emit('timer-fire', { resource: entry.resource, task: w ? w.task.id : task });
      if (w) w.wake(this.world, entry.resource);
      return true;
    }
    entry.seq = this.seq++;
    this.push(entry);
    this.machine.emit('timer-arm', {
      resource: entry.resource,
      task,
      deadline: this.start + entry.tick * NS_PER_MS,
    });
    // reregister unparks only the I/O driver, so it leaves `did_wake` alone.
    if (this.nextWake === null || entry.tick < this.nextWake) this.ioUnpark();
    return false;
  }

  /** Dropping a Sleep removes its entry (`clear_entry`). */
  cancel(entry: TimerEntry): void {
    if (entry.heapIndex >= 0) {
      this.remove(entry);
      this.machine.emit('timer-cancel', { resource: entry.resource });
    }
    entry.slot.clear(this.world);
  }

  /** `IoHandle::unpark`: leaves a token so the next park returns at once, and wakes a parked driver. */
  ioUnpark(): void {
    this.ioToken = true;
    this.onUnpark?.();
  }

  /** `driver::Handle::unpark` (remote schedule, the block_on waker): also records `did_wake`. */
  driverUnpark(): void {
    this.didWake = true;
    this.ioUnpark();
  }
  /** Set by the scheduler: wakes the thread parked in this driver. */
  onUnpark: (() => void) | null = null;
  /** Set by the scheduler: wakes the thread parked in this driver at machine time `at` (an I/O event). */
  onIoEvent: ((at: number) => void) | null = null;

  /** `Handle::process`: fires every timer due at the current tick, waking in FIFO order. */
  process(): void {
    let now = this.nowTick();
    if (now < this.elapsed) now = this.elapsed;
    const wakers: { w: Waker; resource: number }[] = [];
    while (this.heap.length && this.heap[0]!.tick <= now) {
      const e = this.pop();
      e.fired = true;
      const w = e.slot.waker;
      e.slot.waker = null;
      this.machine.emit('timer-fire', { resource: e.resource, task: w ? w.task.id : -1 });
      if (w) wakers.push({ w, resource: e.resource });
    }
    this.elapsed = now;
    this.nextWake = this.nextExpiration();
    for (const { w, resource } of wakers) w.wake(this.world, resource);
  }

  /**
   * The paused clock's auto-advance (spec §7.6): when the driver would block with a timer pending and
   * nothing unparked it, jump tokio time to that timer. Returns true if time advanced.
   */
  private get canAutoAdvance(): boolean {
    return this.paused && this.inhibit === 0;
  }

  /**
   * One driver turn (`time::Driver::park_internal`, time/mod.rs L175-218). With `mayBlock` false this is
   * `park_timeout(0)`. Returns 'done' if the turn is over (timers processed), or when the thread must block
   * until (machine time; Infinity = until unparked) — then call `afterBlockingPark` when it resumes.
   */
  turn(mayBlock: boolean): 'done' | { until: number } {
    const timeout = this.parkTimeout();
    const now = this.machine.current.clock;
    const io = this.io;
    // epoll_wait returns at once when an event is already waiting, whatever the timeout.
    if (!mayBlock || timeout === 0 || io.hasEventBy(now)) return this.finishTurn();
    const ioNext = io.nextEventAt();
    if (timeout !== null && this.canAutoAdvance) {
      // park_thread_timeout with a paused clock: a zero-timeout I/O poll, then jump time unless woken.
      // Bytes still on the simulated wire count as "not idle": the driver waits for them rather than
      // jumping (on real loopback they would already be there).
      if (ioNext !== null) return { until: ioNext };
      this.ioToken = false;
      io.turn(now);
      const woke = this.didWake;
      this.didWake = false;
      if (!woke) this.advanceAuto(timeout);
      this.process();
      return 'done';
    }
    if (this.ioToken) return this.finishTurn();
    const timerUntil = timeout === null ? Infinity : now + timeout;
    return { until: ioNext === null ? timerUntil : Math.min(timerUntil, ioNext) };
  }

  /** The rest of a turn: consume the unpark token, deliver I/O events, fire due timers. */
  private finishTurn(): 'done' {
    this.ioToken = false;
    this.io.turn(this.machine.current.clock);
    this.process();
    return 'done';
  }

  afterBlockingPark(): void {
    this.finishTurn();
  }

  /** The timeout the next park would use, without side effects (for the trace). */
  parkTimeoutPeek(): number | null {
    const next = this.nextExpiration();
    if (next === null) return null;
    return Math.max(0, next - this.nowTick()) * NS_PER_MS;
  }

  private advanceAuto(ns: number): void {
    this.base += ns;
    this.machine.emit('time-advance', { now: this.base - this.start, auto: 1 });
  }

  /** `tokio::time::advance`: moves the paused clock forward by `ns`. */
  advance(ns: number): void {
    this.base += ns;
    this.machine.emit('time-advance', { now: this.base - this.start, auto: 0 });
  }

  /** How long the driver may block: ns until the next timer tick (from now), 0 if due, null if none. */
  parkTimeout(): number | null {
    const next = this.nextExpiration();
    this.nextWake = next;
    if (next === null) return null;
    const now = this.nowTick();
    return Math.max(0, next - now) * NS_PER_MS;
  }

  // ------------------------------------------------------------------------------------------ heap

  private less(a: TimerEntry, b: TimerEntry): boolean {
    return a.tick < b.tick || (a.tick === b.tick && a.seq < b.seq);
  }

  private push(e: TimerEntry): void {
    e.heapIndex = this.heap.length;
    this.heap.push(e);
    this.up(e.heapIndex);
  }

  private pop(): TimerEntry {
    const top = this.heap[0]!;
    this.removeAt(0);
    return top;
  }

  private remove(e: TimerEntry): void {
    if (e.heapIndex >= 0) this.removeAt(e.heapIndex);
  }

  private removeAt(i: number): void {
    const e = this.heap[i]!;
    const last = this.heap.pop()!;
    e.heapIndex = -1;
    if (i < this.heap.length) {
      this.heap[i] = last;
      last.heapIndex = i;
      this.up(i);
      this.down(last.heapIndex);
    }
  }

  private up(i: number): void {
    const h = this.heap;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!this.less(h[i]!, h[p]!)) break;
      this.swap(i, p);
      i = p;
    }
  }

  private down(i: number): void {
    const h = this.heap;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < h.length && this.less(h[l]!, h[m]!)) m = l;
      if (r < h.length && this.less(h[r]!, h[m]!)) m = r;
      if (m === i) return;
      this.swap(i, m);
      i = m;
    }
  }

  private swap(i: number, j: number): void {
    const h = this.heap;
    const a = h[i]!;
    const b = h[j]!;
    h[i] = b;
    h[j] = a;
    a.heapIndex = j;
    b.heapIndex = i;
  }
}
