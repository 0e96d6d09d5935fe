/**
 * The `AsyncWriteExt` futures over any `AsyncWrite` (source.ts): `write`, `write_all`, `write_u8`..
 * (`write_int.rs`: the integer's bytes, written in full), `flush`, `shutdown`, and `tokio::io::copy`
 * (`io/util/copy.rs` `CopyBuffer`). Each mirrors its file in tokio 1.24 `io/util/`.
 */
import { SimFuture } from '../../../future';
import { PENDING, type PollOutcome } from '../../../poll';
import type { PollCx } from '../../../task';
import { okVal, UNIT } from '../../../values';
import type { World } from '../../../world';
import { customError, kindError } from '../../std/io/error';
import type { AsyncBufReadSrc, AsyncReadSrc, AsyncWriteSink } from './source';

/** `AsyncWriteExt::write`: one `poll_write`; how many bytes the writer took. */
export class WriteFuture extends SimFuture {
  constructor(
    world: World,
    private readonly sink: AsyncWriteSink,
    private readonly bytes: number[],
    site: number,
  ) {
    super(world, 'Write', site);
  }
  protected pollInner(cx: PollCx): PollOutcome {
    const r = this.sink.pollWrite(cx, this.bytes, 0);
    if (r === PENDING || typeof r !== 'number') return r;
    return okVal(r);
  }
  describeWait(): string {
    return `a write on ${this.sink.describeWrite()}`;
  }
}

/** `write_all` and `write_u8`..: `poll_write` until everything is taken; a write of 0 is `WriteZero`. */
export class WriteAllFuture extends SimFuture {
  private written = 0;
  constructor(
    world: World,
    private readonly sink: AsyncWriteSink,
    private readonly bytes: number[],
    site: number,
    name = 'WriteAll',
  ) {
    super(world, name, site);
  }
  protected pollInner(cx: PollCx): PollOutcome {
    while (this.written < this.bytes.length) {
      const r = this.sink.pollWrite(cx, this.bytes, this.written);
      if (r === PENDING || typeof r !== 'number') return r;
      if (r === 0) return kindError('WriteZero');
      this.written += r;
    }
    return okVal(UNIT);
  }
  describeWait(): string {
    return `write_all on ${this.sink.describeWrite()} (${this.written} of ${this.bytes.length} bytes taken)`;
  }
}

/** `flush` / `shutdown`: `poll_flush` / `poll_shutdown` until Ready. */
export class FlushFuture extends SimFuture {
  constructor(
    world: World,
    private readonly sink: AsyncWriteSink,
    private readonly shutdown: boolean,
    site: number,
  ) {
    super(world, shutdown ? 'Shutdown' : 'Flush', site);
  }
  protected pollInner(cx: PollCx): PollOutcome {
    const r = this.shutdown ? this.sink.pollShutdown(cx) : this.sink.pollFlush(cx);
    if (r === PENDING || r !== null) return r;
    return okVal(UNIT);
  }
  describeWait(): string {
    return `${this.shutdown ? 'shutdown' : 'flush'} of ${this.sink.describeWrite()}`;
  }
}

/** tokio's `io::util::DEFAULT_BUF_SIZE`: the buffer `copy` reads into. */
const COPY_BUF_SIZE = 8 * 1024;

/**
 * `tokio::io::copy(reader, writer)` (`io/util/copy.rs` `CopyBuffer::poll_copy`): read up to 8 KiB, write it
 * all out (reading more meanwhile if the writer is not ready and there is room), repeat until the
 * reader's EOF, flush; the number of bytes copied. A reader that goes Pending first flushes what was
 * written.
 */
export class CopyFuture extends SimFuture {
  private buf: number[] = [];
  private pos = 0;
  private readDone = false;
  private needFlush = false;
  private amt = 0;
  constructor(
    world: World,
    private readonly from: AsyncReadSrc,
    private readonly to: AsyncWriteSink,
    site: number,
  ) {
    super(world, 'Copy', site);
  }
  /** `poll_fill_buf`: reads after what the buffer holds; a read of nothing is the end. */
  private fill(cx: PollCx): ReturnType<AsyncReadSrc['pollRead']> {
    const r = this.from.pollRead(cx, COPY_BUF_SIZE - this.buf.length);
    if (r !== PENDING && Array.isArray(r)) {
      this.readDone = r.length === 0;
      for (const b of r) this.buf.push(b);
    }
    return r;
  }
  protected pollInner(cx: PollCx): PollOutcome {
    for (;;) {
      if (this.pos === this.buf.length && !this.readDone) {
        this.pos = 0;
        this.buf = [];
        const r = this.fill(cx);
        if (r === PENDING) {
          if (this.needFlush) {
            const f = this.to.pollFlush(cx);
            if (f !== null) return f;
            this.needFlush = false;
          }
          return PENDING;
        }
        if (!Array.isArray(r)) return r;
      }
      while (this.pos < this.buf.length) {
        const n = this.to.pollWrite(cx, this.buf, this.pos);
        if (n === PENDING) {
          if (!this.readDone && this.buf.length < COPY_BUF_SIZE) {
            const r = this.fill(cx);
            if (r !== PENDING && !Array.isArray(r)) return r;
          }
          return PENDING;
        }
        if (typeof n !== 'number') return n;
        if (n === 0) return customError('WriteZero', 'write zero byte into writer');
        this.pos += n;
        this.amt += n;
        this.needFlush = true;
      }
      if (this.pos === this.buf.length && this.readDone) {
        const f = this.to.pollFlush(cx);
        if (f !== null) return f;
        return okVal(this.amt);
      }
    }
  }
  describeWait(): string {
    return `io::copy from ${this.from.describeRead()} (${this.amt} bytes so far)`;
  }
}

/**
 * `tokio::io::copy_buf(reader, writer)` (`io/util/copy_buf.rs`): no buffer of its own; it writes what the
 * `AsyncBufRead`'s `poll_fill_buf` shows and `consume`s what the writer took, until the buffer comes back
 * empty (EOF), then flushes; the number of bytes copied.
 */
export class CopyBufFuture extends SimFuture {
  private amt = 0;
  constructor(
    world: World,
    private readonly from: AsyncBufReadSrc,
    private readonly to: AsyncWriteSink,
    site: number,
  ) {
    super(world, 'CopyBuf', site);
  }
  protected pollInner(cx: PollCx): PollOutcome {
    for (;;) {
      const buffer = this.from.pollFillBuf(cx);
      if (buffer === PENDING || !Array.isArray(buffer)) return buffer as PollOutcome;
      if (buffer.length === 0) {
        const f = this.to.pollFlush(cx);
        if (f !== null) return f;
        return okVal(this.amt);
      }
      const n = this.to.pollWrite(cx, buffer, 0);
      if (n === PENDING) return PENDING;
      if (typeof n !== 'number') return n;
      if (n === 0) return kindError('WriteZero');
      this.amt += n;
      this.from.consume(n);
    }
  }
  describeWait(): string {
    return `io::copy_buf from ${this.from.describeRead()} (${this.amt} bytes so far)`;
  }
}
