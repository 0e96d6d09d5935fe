/**
 * tokio's I/O traits as the simulator sees them: `AsyncRead` (`poll_read`), `AsyncBufRead`
 * (`poll_fill_buf` / `consume`) and `AsyncWrite` (`poll_write`, `poll_flush`, `poll_shutdown`). Every
 * readable or writable value (a TcpStream, a duplex pipe, a `File`, a `BufReader`, a `Vec<u8>`, a `&[u8]`,
 * a `Cursor`) is turned into one of these by a resolver its module registers, so the `AsyncReadExt` /
 * `AsyncWriteExt` futures (read.ts, write.ts) are written once, as tokio's `io/util/*.rs` are.
 */
import type { CallCtx } from '../../../interp/registry';
import type { PENDING } from '../../../poll';
import type { PollCx } from '../../../task';
import type { Place, REnum, Value } from '../../../values';
import { deref, RRef } from '../../../values';
import type { World } from '../../../world';

/** A poll's result: the value, Pending (a waker is registered), or `Err(io::Error)` (an `REnum`). */
export type IoPoll<T> = T | typeof PENDING | REnum;

export interface AsyncReadSrc {
  /** `poll_read` with `len` bytes of room: the bytes read (none at end of stream). */
  pollRead(cx: PollCx, len: number): IoPoll<number[]>;
  /** What a task waiting on it waits for (deadlock report). */
  describeRead(): string;
}

export interface AsyncBufReadSrc extends AsyncReadSrc {
  /** `poll_fill_buf`: the buffered bytes (none at end of stream); refills from the inner reader when empty. */
  pollFillBuf(cx: PollCx): IoPoll<readonly number[]>;
  /** `consume(n)`: `n` buffered bytes were used. */
  consume(n: number): void;
}

export interface AsyncWriteSink {
  /** `poll_write` of `bytes[from..]`: how many bytes were taken. */
  pollWrite(cx: PollCx, bytes: readonly number[], from: number): IoPoll<number>;
  pollFlush(cx: PollCx): IoPoll<null>;
  pollShutdown(cx: PollCx): IoPoll<null>;
  describeWrite(): string;
}

/**
 * Finds the I/O side of a value: `x` is the value behind references, `place` where the program keeps it
 * (a `&[u8]` reader advances by replacing itself), null when the value is a temporary.
 */
type Resolver<T> = (x: Value, place: Place | null, world: World) => T | null;

const readers: Resolver<AsyncReadSrc>[] = [];
const bufReaders: Resolver<AsyncBufReadSrc>[] = [];
const writers: Resolver<AsyncWriteSink>[] = [];

export function registerReader(r: Resolver<AsyncReadSrc>): void {
  readers.push(r);
}
export function registerBufReader(r: Resolver<AsyncBufReadSrc>): void {
  bufReaders.push(r);
}
export function registerWriter(r: Resolver<AsyncWriteSink>): void {
  writers.push(r);
}

/**
 * Where the reader or writer itself lives: through `&mut` references to it (`io::copy(&mut reader, ..)`),
 * not into a shared one: a `&[u8]` reader is itself a reference, and reading replaces it (in the place
 * that holds it) with the rest of the slice, leaving the bytes it points into alone.
 */
function placeOf(ctx: CallCtx, v: Value, receiver: boolean): Place | null {
  let p: Place | null = receiver ? ctx.place : null;
  let x = v;
  while (x instanceof RRef && x.mut) {
    p = x.place;
    x = p.get();
  }
  return p;
}

function find<T>(
  list: Resolver<T>[],
  ctx: CallCtx,
  v: Value,
  receiver: boolean,
  at: Place | null = null,
): T | null {
  const x = deref(v);
  const place = at ?? placeOf(ctx, v, receiver);
  for (const r of list) {
    const s = r(x, place, ctx.world);
    if (s) return s;
  }
  return null;
}

const typeOf = (v: Value): string => {
  const x = deref(v);
  return typeof x === 'object' ? x.typeName() : typeof x;
};

/** The `AsyncRead` behind a receiver (`receiver`: it is the method's `self`) or an argument. */
export function readerOf(ctx: CallCtx, v: Value, receiver = true): AsyncReadSrc {
  return (
    find(bufReaders, ctx, v, receiver) ??
    find(readers, ctx, v, receiver) ??
    ctx.interp.unsupported(`\`${typeOf(v)}\` is not an AsyncRead in Pollscope`)
  );
}

export function bufReaderOf(ctx: CallCtx, v: Value, receiver = true): AsyncBufReadSrc {
  return (
    find(bufReaders, ctx, v, receiver) ??
    ctx.interp.unsupported(
      `\`${typeOf(v)}\` is not an AsyncBufRead: wrap it in \`tokio::io::BufReader::new(..)\``,
    )
  );
}

export function writerOf(ctx: CallCtx, v: Value, receiver = true): AsyncWriteSink {
  return (
    find(writers, ctx, v, receiver) ??
    ctx.interp.unsupported(`\`${typeOf(v)}\` is not an AsyncWrite in Pollscope`)
  );
}

/** The reader / writer of a value if it is one (for wrappers); `at` is where the wrapper keeps it. */
export function maybeReader(ctx: CallCtx, v: Value, at: Place | null = null): AsyncReadSrc | null {
  return find(bufReaders, ctx, v, false, at) ?? find(readers, ctx, v, false, at);
}
export function maybeWriter(ctx: CallCtx, v: Value, at: Place | null = null): AsyncWriteSink | null {
  return find(writers, ctx, v, false, at);
}
