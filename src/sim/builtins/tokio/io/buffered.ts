/**
 * `tokio::io::BufReader` and `BufWriter` (`io/util/buf_reader.rs`, `buf_writer.rs`), over any reader /
 * writer (a duplex half, a TCP half, a `File`, a `Cursor`). Both hold 8 KiB by default
 * (`with_capacity` for another size).
 *
 * - `BufReader` fills its buffer with one `poll_read` of its capacity when it is empty and serves reads
 *   and lines from it; a read at least as big as the buffer, when the buffer is empty, bypasses it.
 * - `BufWriter` keeps writes in memory until one would overflow the buffer (then it writes the buffer
 *   out first) or the program flushes; a write at least as big as the buffer goes straight through.
 *   Dropping it without `flush` loses what it still holds, as in tokio.
 * Each also passes the other direction through to what it wraps.
 */
import type { SelfFormatting } from '../../../format';
import type { InterpCore } from '../../../interp/core';
import { dropValue } from '../../../interp/drops';
import { defineFn, defineMethods, type CallCtx } from '../../../interp/registry';
import { PENDING } from '../../../poll';
import type { PollCx } from '../../../task';
import { deref, RObject, RVec, type Place, type Value } from '../../../values';
import { customError } from '../../std/io/error';
import { num } from '../../support';
import { defineIoMethods } from './ext';
import {
  maybeReader,
  maybeWriter,
  registerBufReader,
  registerReader,
  registerWriter,
  type AsyncBufReadSrc,
  type AsyncReadSrc,
  type AsyncWriteSink,
  type IoPoll,
} from './source';

/** `io::util::DEFAULT_BUF_SIZE`. */
const DEFAULT_BUF_SIZE = 8 * 1024;

/** The wrapped value, kept in a place of its own (a `&[u8]` reader advances by replacing itself). */
class Wrapped {
  value: Value;
  readonly place: Place;
  constructor(v: Value) {
    this.value = v;
    this.place = { get: () => this.value, set: (x) => (this.value = x) };
  }
}

function innerReader(ctx: CallCtx, w: Wrapped): AsyncReadSrc | null {
  return maybeReader(ctx, w.place.get(), w.place);
}
function innerWriter(ctx: CallCtx, w: Wrapped): AsyncWriteSink | null {
  return maybeWriter(ctx, w.place.get(), w.place);
}

export class RBufReader extends RObject implements SelfFormatting, AsyncBufReadSrc {
  buf: number[] = [];
  pos = 0;
  constructor(
    readonly inner: Wrapped,
    readonly reader: AsyncReadSrc,
    readonly writer: AsyncWriteSink | null,
    readonly capacity: number,
  ) {
    super();
  }
  typeName(): string {
    return 'BufReader';
  }
  fmtDebug(): string {
    return `BufReader { reader: .., buffer: ${this.pos}/${this.buf.length} }`;
  }
  dropValue(interp: InterpCore): void {
    dropValue(interp, this.inner.value);
  }
  pollRead(cx: PollCx, len: number): IoPoll<number[]> {
    if (this.pos >= this.buf.length && len >= this.capacity) {
      const r = this.reader.pollRead(cx, len);
      if (r !== PENDING) {
        this.buf = [];
        this.pos = 0;
      }
      return r;
    }
    const rem = this.pollFillBuf(cx);
    if (rem === PENDING || !Array.isArray(rem)) return rem as IoPoll<number[]>;
    const amt = Math.min(rem.length, len);
    this.consume(amt);
    return rem.slice(0, amt);
  }
  pollFillBuf(cx: PollCx): IoPoll<readonly number[]> {
    if (this.pos >= this.buf.length) {
      const r = this.reader.pollRead(cx, this.capacity);
      if (r === PENDING || !Array.isArray(r)) return r;
      this.buf = r;
      this.pos = 0;
    }
    return this.buf.slice(this.pos);
  }
  consume(n: number): void {
    this.pos = Math.min(this.pos + n, this.buf.length);
  }
  describeRead(): string {
    return `a BufReader over ${this.reader.describeRead()}`;
  }
}

export class RBufWriter extends RObject implements SelfFormatting, AsyncWriteSink {
  buf: number[] = [];
  private written = 0;
  constructor(
    readonly inner: Wrapped,
    readonly writer: AsyncWriteSink,
    readonly reader: AsyncReadSrc | null,
    readonly capacity: number,
  ) {
    super();
  }
  typeName(): string {
    return 'BufWriter';
  }
  fmtDebug(): string {
    return `BufWriter { writer: .., buffer: ${this.buf.length}/${this.capacity}, written: ${this.written} }`;
  }
  dropValue(interp: InterpCore): void {
    dropValue(interp, this.inner.value);
  }
  /** `flush_buf`: write the buffer out; what was taken leaves it even when a write fails. */
  private flushBuf(cx: PollCx): IoPoll<null> {
    let ret: IoPoll<null> = null;
    while (this.written < this.buf.length) {
      const n = this.writer.pollWrite(cx, this.buf, this.written);
      if (n === PENDING) return PENDING;
      if (typeof n !== 'number') {
        ret = n;
        break;
      }
      if (n === 0) {
        ret = customError('WriteZero', 'failed to write the buffered data');
        break;
      }
      this.written += n;
    }
    if (this.written > 0) this.buf = this.buf.slice(this.written);
    this.written = 0;
    return ret;
  }
  pollWrite(cx: PollCx, bytes: readonly number[], from: number): IoPoll<number> {
    const len = bytes.length - from;
    if (this.buf.length + len > this.capacity) {
      const r = this.flushBuf(cx);
      if (r !== null) return r;
    }
    if (len >= this.capacity) return this.writer.pollWrite(cx, bytes, from);
    for (let i = from; i < bytes.length; i++) this.buf.push(bytes[i]!);
    return len;
  }
  pollFlush(cx: PollCx): IoPoll<null> {
    const r = this.flushBuf(cx);
    if (r !== null) return r;
    return this.writer.pollFlush(cx);
  }
  pollShutdown(cx: PollCx): IoPoll<null> {
    const r = this.flushBuf(cx);
    if (r !== null) return r;
    return this.writer.pollShutdown(cx);
  }
  describeWrite(): string {
    return `a BufWriter over ${this.writer.describeWrite()}`;
  }
}

registerBufReader((x) => (x instanceof RBufReader ? x : null));
registerWriter((x) => (x instanceof RBufReader ? x.writer : null));
registerWriter((x) => (x instanceof RBufWriter ? x : null));
registerReader((x) => (x instanceof RBufWriter ? x.reader : null));
defineIoMethods(RBufReader, 'tokio::io::BufReader', { bufRead: true, write: true });
defineIoMethods(RBufWriter, 'tokio::io::BufWriter', { read: true, write: true });

function newBufReader(ctx: CallCtx, inner: Value, capacity: number): RBufReader {
  const w = new Wrapped(inner);
  const r = innerReader(ctx, w);
  if (!r) return ctx.interp.unsupported(`\`BufReader::new\` needs an AsyncRead, found \`${typeOf(inner)}\``);
  return new RBufReader(w, r, innerWriter(ctx, w), capacity);
}

function newBufWriter(ctx: CallCtx, inner: Value, capacity: number): RBufWriter {
  const w = new Wrapped(inner);
  const wr = innerWriter(ctx, w);
  if (!wr)
    return ctx.interp.unsupported(`\`BufWriter::new\` needs an AsyncWrite, found \`${typeOf(inner)}\``);
  return new RBufWriter(w, wr, innerReader(ctx, w), capacity);
}

const typeOf = (v: Value): string => {
  const x = deref(v);
  return typeof x === 'object' ? x.typeName() : typeof x;
};

defineFn(['tokio::io::BufReader::new'], {
  pure: true,
  arity: 1,
  call: (ctx, [inner]) => newBufReader(ctx, inner!, DEFAULT_BUF_SIZE),
});
defineFn(['tokio::io::BufReader::with_capacity'], {
  pure: true,
  arity: 2,
  call: (ctx, [cap, inner]) => newBufReader(ctx, inner!, Math.max(1, num(ctx, cap, 'a capacity'))),
});
defineFn(['tokio::io::BufWriter::new'], {
  pure: true,
  arity: 1,
  call: (ctx, [inner]) => newBufWriter(ctx, inner!, DEFAULT_BUF_SIZE),
});
defineFn(['tokio::io::BufWriter::with_capacity'], {
  pure: true,
  arity: 2,
  call: (ctx, [cap, inner]) => newBufWriter(ctx, inner!, num(ctx, cap, 'a capacity')),
});

const wrapperMethods = (bufOf: (x: RBufReader | RBufWriter) => number[]) => ({
  get_ref: (_c: CallCtx, self: Value) => (deref(self) as RBufReader | RBufWriter).inner.value,
  get_mut: (_c: CallCtx, self: Value) => (deref(self) as RBufReader | RBufWriter).inner.value,
  into_inner: (ctx: CallCtx, self: Value) => {
    ctx.consume();
    return (deref(self) as RBufReader | RBufWriter).inner.value;
  },
  buffer: (_c: CallCtx, self: Value) => new RVec(bufOf(deref(self) as RBufReader | RBufWriter)),
});
defineMethods(
  RBufReader,
  'tokio::io::BufReader',
  wrapperMethods((x) => (x as RBufReader).buf.slice((x as RBufReader).pos)),
);
defineMethods(
  RBufWriter,
  'tokio::io::BufWriter',
  wrapperMethods((x) => (x as RBufWriter).buf.slice()),
);

/**
 * `tokio::io::BufStream` (`io/util/buf_stream.rs`): `BufReader<BufWriter<RW>>`, so reads come through a
 * read buffer and writes wait in a write buffer until `flush` (or until it is full).
 */
class RBufStream extends RBufReader {
  override typeName(): string {
    return 'BufStream';
  }
  override fmtDebug(): string {
    return `BufStream { inner: ${super.fmtDebug()} }`;
  }
  /** The stream inside both buffers. */
  get stream(): Wrapped {
    return (this.inner.value as RBufWriter).inner;
  }
}
defineIoMethods(RBufStream, 'tokio::io::BufStream', { bufRead: true, write: true });

function newBufStream(ctx: CallCtx, inner: Value, readCap: number, writeCap: number): RBufStream {
  const w = new Wrapped(newBufWriter(ctx, inner, writeCap));
  const r = innerReader(ctx, w);
  if (!r) return ctx.interp.unsupported(`\`BufStream::new\` needs an AsyncRead, found \`${typeOf(inner)}\``);
  return new RBufStream(w, r, innerWriter(ctx, w), readCap);
}
defineFn(['tokio::io::BufStream::new'], {
  pure: true,
  arity: 1,
  call: (ctx, [inner]) => newBufStream(ctx, inner!, DEFAULT_BUF_SIZE, DEFAULT_BUF_SIZE),
});
defineFn(['tokio::io::BufStream::with_capacity'], {
  pure: true,
  arity: 3,
  call: (ctx, [rc, wc, inner]) =>
    newBufStream(ctx, inner!, Math.max(1, num(ctx, rc, 'a capacity')), num(ctx, wc, 'a capacity')),
});
const bufStreamOf = (self: Value): RBufStream => deref(self) as RBufStream;
defineMethods(RBufStream, 'tokio::io::BufStream', {
  get_ref: (_c, self) => bufStreamOf(self).stream.value,
  get_mut: (_c, self) => bufStreamOf(self).stream.value,
  /** `into_inner`: what both buffers still hold is lost, as in tokio. */
  into_inner: (ctx, self) => {
    ctx.consume();
    return bufStreamOf(self).stream.value;
  },
});
