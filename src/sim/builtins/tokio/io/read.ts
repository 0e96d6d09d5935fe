/**
 * The `AsyncReadExt` / `AsyncBufReadExt` futures over any `AsyncRead` (source.ts): `read`, `read_exact`,
 * `read_to_end`, `read_to_string`, `read_buf`, `read_u8`..`read_u64`/`read_i*`, `read_until`, `read_line`.
 * Each mirrors its file in tokio 1.24 `io/util/`.
 */
import { utf8Decode } from '../../../../base';
import { SimFuture } from '../../../future';
import type { CallCtx } from '../../../interp/registry';
import { slotsBytes } from '../../../memory';
import { PENDING, type PollOutcome } from '../../../poll';
import type { PollCx } from '../../../task';
import type { Place, Value } from '../../../values';
import { deref, okVal, RRef, RString, RVec } from '../../../values';
import type { World } from '../../../world';
import { customError, kindError, simpleError } from '../../std/io/error';
import type { AsyncBufReadSrc, AsyncReadSrc } from './source';

/** The place behind a `&mut` argument (a read writes through it; a slice writes back into its array). */
export function placeArg(ctx: CallCtx, v: Value, what: string): Place {
  if (v instanceof RRef) return v.place;
  return ctx.interp.unsupported(`expected ${what}`);
}

export interface ByteBuf {
  get(): RVec;
  set(x: RVec): void;
}

/** The `&mut [u8]` / `&mut Vec<u8>` a read fills. */
export function bufferArg(ctx: CallCtx, v: Value): ByteBuf {
  const place = placeArg(ctx, v, 'a mutable byte buffer (`&mut buf`)');
  if (!(deref(v) instanceof RVec))
    return ctx.interp.unsupported('expected a mutable byte buffer (`&mut buf`)');
  return {
    get: () => deref(place.get()) as RVec,
    set: (x) => place.set(x),
  };
}

const isErr = (r: unknown): boolean => typeof r === 'object' && r !== null && !Array.isArray(r);

/** `AsyncReadExt::read` (`io/util/read.rs`): one `poll_read` into the buffer; the count read (0 at EOF). */
export class ReadFuture extends SimFuture {
  constructor(
    world: World,
    private readonly src: AsyncReadSrc,
    private readonly buf: ByteBuf,
    site: number,
  ) {
    super(world, 'Read', site);
  }
  protected pollInner(cx: PollCx): PollOutcome {
    const target = this.buf.get();
    const r = this.src.pollRead(cx, target.items.length);
    if (r === PENDING || !Array.isArray(r)) return r;
    for (let i = 0; i < r.length; i++) target.items[i] = r[i]!;
    this.buf.set(target);
    return okVal(r.length);
  }
  describeWait(): string {
    return `a read on ${this.src.describeRead()}`;
  }
}

/** `read_exact` (`io/util/read_exact.rs`): fills the whole buffer; EOF first is `early eof`. */
export class ReadExactFuture extends SimFuture {
  private filled = 0;
  constructor(
    world: World,
    private readonly src: AsyncReadSrc,
    private readonly buf: ByteBuf,
    site: number,
  ) {
    super(world, 'ReadExact', site);
  }
  protected pollInner(cx: PollCx): PollOutcome {
    const target = this.buf.get();
    const len = target.items.length;
    while (this.filled < len) {
      const r = this.src.pollRead(cx, len - this.filled);
      if (r === PENDING || !Array.isArray(r)) return r;
      if (r.length === 0) return customError('UnexpectedEof', 'early eof');
      for (let i = 0; i < r.length; i++) target.items[this.filled + i] = r[i]!;
      this.filled += r.length;
      this.buf.set(target);
    }
    return okVal(len);
  }
  describeWait(): string {
    return `read_exact on ${this.src.describeRead()} (${this.filled} bytes so far)`;
  }
}

/** `read_to_end` / `read_to_string`: reads until EOF, growing the Vec as tokio 1.24 does (32 bytes at least). */
export class ReadToEndFuture extends SimFuture {
  private cap: number;
  private read = 0;
  private readonly bytes: number[] = [];
  constructor(
    world: World,
    private readonly src: AsyncReadSrc,
    private readonly out: Place,
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
      const r = this.src.pollRead(cx, this.cap - len);
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
    appendString(this.world, this.out, text);
    return okVal(this.read);
  }
  describeWait(): string {
    return `${this.name === 'ReadToEnd' ? 'read_to_end' : 'read_to_string'} on ${this.src.describeRead()} (until EOF)`;
  }
}

function appendString(world: World, out: Place, text: string): void {
  const s = deref(out.get());
  if (s instanceof RString) {
    world.memory.reserveString(s.s.length + text.length);
    s.s += text;
    world.memory.track(s);
  }
}

/**
 * The spare room `read_buf` offers in a `Vec<u8>` (`BufMut::chunk_mut`): its capacity minus its length, and
 * 64 more when it is full. Pollscope does not keep a Vec's capacity, so this assumes the amortized growth
 * from 64 bytes a Vec that only `read_buf` fills has (64, 128, 256, ..).
 */
function spareRoom(len: number): number {
  let cap = 64;
  while (cap <= len) cap *= 2;
  return cap - len;
}

/** `read_buf` (`io/util/read_buf.rs`): one `poll_read` appended to a `Vec<u8>`; the count (0 at EOF). */
export class ReadBufFuture extends SimFuture {
  constructor(
    world: World,
    private readonly src: AsyncReadSrc,
    private readonly out: Place,
    site: number,
  ) {
    super(world, 'ReadBuf', site);
  }
  protected pollInner(cx: PollCx): PollOutcome {
    const v = deref(this.out.get());
    if (!(v instanceof RVec)) return this.world.panic('read_buf needs a `&mut Vec<u8>`');
    const r = this.src.pollRead(cx, spareRoom(v.items.length));
    if (r === PENDING || !Array.isArray(r)) return r;
    for (const b of r) v.items.push(b);
    this.world.memory.track(v);
    return okVal(r.length);
  }
  describeWait(): string {
    return `read_buf on ${this.src.describeRead()}`;
  }
}

/** `read_u8`, `read_u32`, `read_i64_le`, ... (`io/util/read_int.rs`): exactly `size` bytes, decoded. */
export class ReadIntFuture extends SimFuture {
  private readonly bytes: number[] = [];
  constructor(
    world: World,
    private readonly src: AsyncReadSrc,
    private readonly size: number,
    private readonly decode: (bytes: number[]) => Value,
    site: number,
  ) {
    super(world, 'ReadInt', site);
  }
  protected pollInner(cx: PollCx): PollOutcome {
    while (this.bytes.length < this.size) {
      const r = this.src.pollRead(cx, this.size - this.bytes.length);
      if (r === PENDING || !Array.isArray(r)) return r;
      if (r.length === 0) return kindError('UnexpectedEof');
      for (const b of r) this.bytes.push(b);
    }
    return okVal(this.decode(this.bytes));
  }
  describeWait(): string {
    return `a ${this.size}-byte integer from ${this.src.describeRead()}`;
  }
}

/**
 * `read_until_internal` (`io/util/read_until.rs`): take buffered bytes up to and including `delim`,
 * refilling the buffer until it is found or the reader is at EOF. What was taken stays in `into` across
 * a Pending (tokio keeps it in the caller's buffer); the result is `into`'s length.
 */
export function pollReadUntil(
  cx: PollCx,
  src: AsyncBufReadSrc,
  delim: number,
  into: number[],
  world: World,
): number | typeof PENDING | Value {
  for (;;) {
    const avail = src.pollFillBuf(cx);
    if (avail === PENDING) return PENDING;
    if (isErr(avail)) return avail as Value;
    const bytes = avail as readonly number[];
    const i = bytes.indexOf(delim);
    const used = i >= 0 ? i + 1 : bytes.length;
    world.memory.reserve(slotsBytes(into.length + used, 0));
    for (let k = 0; k < used; k++) into.push(bytes[k]!);
    src.consume(used);
    if (i >= 0 || used === 0) return into.length;
  }
}

/** `read_until(delim, &mut vec)`: the count appended (0 at EOF). */
export class ReadUntilFuture extends SimFuture {
  private readonly bytes: number[] = [];
  constructor(
    world: World,
    private readonly src: AsyncBufReadSrc,
    private readonly delim: number,
    private readonly out: Place,
    site: number,
  ) {
    super(world, 'ReadUntil', site);
  }
  protected pollInner(cx: PollCx): PollOutcome {
    const r = pollReadUntil(cx, this.src, this.delim, this.bytes, this.world);
    this.flush();
    if (r === PENDING || typeof r !== 'number') return r;
    return okVal(this.bytes.length);
  }
  private flushed = 0;
  /** The bytes land in the caller's Vec as they are read (tokio extends it in place). */
  private flush(): void {
    const v = deref(this.out.get());
    if (!(v instanceof RVec)) return;
    for (let k = this.flushed; k < this.bytes.length; k++) v.items.push(this.bytes[k]!);
    this.flushed = this.bytes.length;
    this.world.memory.track(v);
  }
  describeWait(): string {
    return `read_until on ${this.src.describeRead()}`;
  }
}

/** `read_line(&mut string)` (`io/util/read_line.rs`): appends one line with its `\n`; the byte count. */
export class ReadLineFuture extends SimFuture {
  private readonly bytes: number[] = [];
  constructor(
    world: World,
    private readonly src: AsyncBufReadSrc,
    private readonly out: Place,
    site: number,
  ) {
    super(world, 'ReadLine', site);
  }
  protected pollInner(cx: PollCx): PollOutcome {
    const r = pollLine(cx, this.src, this.bytes, this.world);
    if (r === PENDING || typeof r !== 'number') return r;
    const { text, valid } = utf8Decode(this.bytes);
    if (!valid) return simpleError('InvalidData', 'stream did not contain valid UTF-8');
    appendString(this.world, this.out, text);
    return okVal(this.bytes.length);
  }
  describeWait(): string {
    return `read_line on ${this.src.describeRead()} (no full line yet)`;
  }
}

/** Reads up to and including the next `\n` (or to EOF) into `bytes`; their total count. */
export function pollLine(
  cx: PollCx,
  src: AsyncBufReadSrc,
  bytes: number[],
  world: World,
): number | typeof PENDING | Value {
  return pollReadUntil(cx, src, 10, bytes, world);
}
