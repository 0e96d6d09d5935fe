/**
 * `tokio::io::duplex(max_buf_size)` (`io/util/mem.rs`): two `DuplexStream`s joined by two one-way pipes.
 * Each pipe holds at most `max_buf_size` bytes: a writer that finds it full stores its waker and waits
 * (back-pressure), a reader that finds it empty waits; each side wakes the other when it makes room or
 * data. Reads and writes spend coop budget. Dropping a stream closes both pipes: the peer reads EOF once
 * the buffer is drained, and its writes fail with `BrokenPipe`.
 */
import { pollProceed, restoreBudget } from '../../../coop';
import type { SelfFormatting } from '../../../format';
import { defineFn } from '../../../interp/registry';
import { PENDING } from '../../../poll';
import type { PollCx } from '../../../task';
import { RObject, RTuple } from '../../../values';
import { WakerSlot } from '../../../waker';
import type { World } from '../../../world';
import { kindError } from '../../std/io/error';
import { num } from '../../support';
import { defineIoMethods } from './ext';
import {
  registerReader,
  registerWriter,
  type AsyncReadSrc,
  type AsyncWriteSink,
  type IoPoll,
} from './source';

/** One direction: `Pipe` (a `BytesMut` buffer, `is_closed`, the read and write wakers). */
class Pipe {
  buffer: number[] = [];
  isClosed = false;
  readonly readWaker: WakerSlot;
  readonly writeWaker: WakerSlot;
  constructor(
    private readonly world: World,
    readonly resource: number,
    readonly maxBufSize: number,
  ) {
    this.readWaker = new WakerSlot(resource, 'read');
    this.writeWaker = new WakerSlot(resource, 'write');
  }

  private state(): void {
    const text = `${this.buffer.length}/${this.maxBufSize} bytes buffered${this.isClosed ? ', closed' : ''}`;
    this.world.machine.emit('resource-state', { resource: this.resource, text });
  }

  closeWrite(): void {
    this.isClosed = true;
    this.state();
    this.readWaker.wake(this.world);
  }

  closeRead(): void {
    this.isClosed = true;
    this.state();
    this.writeWaker.wake(this.world);
  }

  /** `poll_read`: coop, then the buffered bytes (waking the writer), EOF when closed, or Pending. */
  pollRead(cx: PollCx, len: number): IoPoll<number[]> {
    if (!pollProceed(this.world, cx, this.resource)) return PENDING;
    if (this.buffer.length > 0) {
      const max = Math.min(this.buffer.length, len);
      const out = this.buffer.slice(0, max);
      this.buffer = this.buffer.slice(max);
      this.state();
      if (max > 0) this.writeWaker.wake(this.world);
      return out;
    }
    if (this.isClosed) return [];
    this.readWaker.register(this.world, cx.waker);
    restoreBudget(this.world);
    return PENDING;
  }

  /** `poll_write`: coop, `BrokenPipe` when closed, Pending when full, else as much as fits (waking the reader). */
  pollWrite(cx: PollCx, bytes: readonly number[], from: number): IoPoll<number> {
    if (!pollProceed(this.world, cx, this.resource)) return PENDING;
    if (this.isClosed) return kindError('BrokenPipe');
    const avail = this.maxBufSize - this.buffer.length;
    if (avail === 0) {
      this.writeWaker.register(this.world, cx.waker);
      restoreBudget(this.world);
      return PENDING;
    }
    const len = Math.min(bytes.length - from, avail);
    for (let i = 0; i < len; i++) this.buffer.push(bytes[from + i]!);
    this.state();
    this.readWaker.wake(this.world);
    return len;
  }
}

export class RDuplexStream extends RObject implements SelfFormatting, AsyncReadSrc, AsyncWriteSink {
  private dropped = false;
  constructor(
    readonly read: Pipe,
    readonly write: Pipe,
    private readonly label: string,
  ) {
    super();
  }
  typeName(): string {
    return 'DuplexStream';
  }
  fmtDebug(): string {
    return 'DuplexStream { .. }';
  }
  /** `impl Drop for DuplexStream`: close the write pipe (the peer reads EOF) and the read pipe. */
  dropValue(): void {
    if (this.dropped) return;
    this.dropped = true;
    this.write.closeWrite();
    this.read.closeRead();
  }
  pollRead(cx: PollCx, len: number): IoPoll<number[]> {
    return this.read.pollRead(cx, len);
  }
  pollWrite(cx: PollCx, bytes: readonly number[], from: number): IoPoll<number> {
    return this.write.pollWrite(cx, bytes, from);
  }
  pollFlush(): null {
    return null;
  }
  /** `poll_shutdown`: closes the write pipe, so the peer reads EOF. */
  pollShutdown(): null {
    this.write.closeWrite();
    return null;
  }
  describeRead(): string {
    return `${this.label} (its pipe is empty)`;
  }
  describeWrite(): string {
    return `${this.label} (its pipe is full: ${this.write.maxBufSize} bytes)`;
  }
}

registerReader((x) => (x instanceof RDuplexStream ? x : null));
registerWriter((x) => (x instanceof RDuplexStream ? x : null));
defineIoMethods(RDuplexStream, 'tokio::io::DuplexStream', { read: true, write: true });

defineFn(['tokio::io::duplex'], {
  pure: true,
  arity: 1,
  call: (ctx, [size]) => {
    const max = num(ctx, size, 'a buffer size');
    const w = ctx.world;
    const site = ctx.span.start;
    // As in mem.rs: the first stream reads `one` and writes `two`, the second the other way round.
    const one = new Pipe(w, w.newResource('duplex', `duplex(${max}) pipe B → A`, site), max);
    const two = new Pipe(w, w.newResource('duplex', `duplex(${max}) pipe A → B`, site), max);
    return new RTuple([
      new RDuplexStream(one, two, `DuplexStream A of duplex(${max})`),
      new RDuplexStream(two, one, `DuplexStream B of duplex(${max})`),
    ]);
  },
});
