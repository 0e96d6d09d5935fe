/**
 * `tokio::io`'s extension traits as methods: `AsyncReadExt` (`read`, `read_exact`, `read_to_end`,
 * `read_to_string`, `read_buf`, `read_u8`..), `AsyncBufReadExt` (`read_line`, `read_until`, `lines`) and
 * `AsyncWriteExt` (`write`, `write_all`, `write_u8`.., `flush`, `shutdown`) for every readable / writable
 * type (`defineIoMethods`), and `tokio::io::copy`. The futures are in read.ts / write.ts; the types find
 * their I/O side through source.ts.
 */
import { big, norm } from '../../../int';
import { defineFn, defineMethods, type CallCtx, type MethodImpl } from '../../../interp/registry';
import type { Value } from '../../../values';
import { deref, RString, RVec } from '../../../values';
import { num } from '../../support';
import { RLines } from './lines';
import {
  bufferArg,
  placeArg,
  ReadBufFuture,
  ReadExactFuture,
  ReadFuture,
  ReadIntFuture,
  ReadLineFuture,
  ReadToEndFuture,
  ReadUntilFuture,
} from './read';
import { bufReaderOf, readerOf, writerOf } from './source';
import { RTake, takeMethod } from './take';
import { CopyBufFuture, CopyFuture, FlushFuture, WriteAllFuture, WriteFuture } from './write';

/** The bytes of a `&[u8]` argument: a byte string, an array, a Vec, a slice. */
export function bytesArg(ctx: CallCtx, v: Value): number[] {
  const x = deref(v);
  if (x instanceof RVec) {
    // Only u8s: a program that would not compile (`&[..n]`, a slice of ranges) must not reach the network.
    const bytes = x.items.map((b) => deref(b));
    if (bytes.every((b): b is number => typeof b === 'number' && b >= 0 && b <= 255)) return bytes;
    return ctx.interp.unsupported('expected a byte buffer (`&[u8]`)');
  }
  if (typeof x === 'string' || x instanceof RString)
    return ctx.interp.unsupported('write needs bytes: use `b"..."` or `.as_bytes()`');
  return ctx.interp.unsupported('expected a byte buffer (`&[u8]`)');
}

/** The integer types `read_*` / `write_*` know: bytes and signedness. */
const INT_TYPES: [string, number, boolean][] = [
  ['u8', 1, false],
  ['i8', 1, true],
  ['u16', 2, false],
  ['i16', 2, true],
  ['u32', 4, false],
  ['i32', 4, true],
  ['u64', 8, false],
  ['i64', 8, true],
  ['u128', 16, false],
  ['i128', 16, true],
];

/** Big-endian (or little-endian) two's complement bytes of `x` in `size` bytes (`put_u32` etc.). */
function encodeInt(x: number | bigint, size: number, le: boolean): number[] {
  let b = BigInt.asUintN(size * 8, big(x));
  const out: number[] = [];
  for (let i = 0; i < size; i++) {
    out.push(Number(b & 0xffn));
    b >>= 8n;
  }
  return le ? out : out.reverse();
}

function decodeInt(bytes: number[], signed: boolean, le: boolean): Value {
  const bs = le ? [...bytes].reverse() : bytes;
  let b = 0n;
  for (const x of bs) b = (b << 8n) | BigInt(x);
  return norm(signed ? BigInt.asIntN(bytes.length * 8, b) : b);
}

const site = (ctx: CallCtx) => ctx.span.start;

const readMethods: Record<string, MethodImpl> = {
  /** `AsyncReadExt::take(limit)` (take.ts). */
  take: (ctx, self, [n]) => takeMethod(ctx, self, n!),
  read: (ctx, self, [buf]) => new ReadFuture(ctx.world, readerOf(ctx, self), bufferArg(ctx, buf!), site(ctx)),
  read_exact: (ctx, self, [buf]) =>
    new ReadExactFuture(ctx.world, readerOf(ctx, self), bufferArg(ctx, buf!), site(ctx)),
  read_to_end: (ctx, self, [out]) =>
    new ReadToEndFuture(
      ctx.world,
      readerOf(ctx, self),
      placeArg(ctx, out!, '`&mut` of a Vec<u8>'),
      false,
      site(ctx),
    ),
  read_to_string: (ctx, self, [out]) =>
    new ReadToEndFuture(
      ctx.world,
      readerOf(ctx, self),
      placeArg(ctx, out!, '`&mut` of a String'),
      true,
      site(ctx),
    ),
  read_buf: (ctx, self, [out]) =>
    new ReadBufFuture(ctx.world, readerOf(ctx, self), placeArg(ctx, out!, '`&mut` of a Vec<u8>'), site(ctx)),
};
for (const [name, size, signed] of INT_TYPES)
  for (const le of [false, true])
    readMethods[`read_${name}${le ? '_le' : ''}`] = (ctx, self) =>
      new ReadIntFuture(ctx.world, readerOf(ctx, self), size, (b) => decodeInt(b, signed, le), site(ctx));

const bufReadMethods: Record<string, MethodImpl> = {
  read_line: (ctx, self, [out]) =>
    new ReadLineFuture(
      ctx.world,
      bufReaderOf(ctx, self),
      placeArg(ctx, out!, '`&mut` of a String'),
      site(ctx),
    ),
  read_until: (ctx, self, [delim, out]) =>
    new ReadUntilFuture(
      ctx.world,
      bufReaderOf(ctx, self),
      num(ctx, delim, 'a byte'),
      placeArg(ctx, out!, '`&mut` of a Vec<u8>'),
      site(ctx),
    ),
  lines: (ctx, self) => {
    ctx.consume();
    return new RLines(ctx.world, bufReaderOf(ctx, self, false), deref(self), site(ctx));
  },
};

const writeMethods: Record<string, MethodImpl> = {
  write: (ctx, self, [b]) => new WriteFuture(ctx.world, writerOf(ctx, self), bytesArg(ctx, b!), site(ctx)),
  write_all: (ctx, self, [b]) =>
    new WriteAllFuture(ctx.world, writerOf(ctx, self), bytesArg(ctx, b!), site(ctx)),
  flush: (ctx, self) => new FlushFuture(ctx.world, writerOf(ctx, self), false, site(ctx)),
  shutdown: (ctx, self) => new FlushFuture(ctx.world, writerOf(ctx, self), true, site(ctx)),
};
for (const [name, size] of INT_TYPES)
  for (const le of [false, true])
    writeMethods[`write_${name}${le ? '_le' : ''}`] = (ctx, self, [v]) =>
      new WriteAllFuture(
        ctx.world,
        writerOf(ctx, self),
        encodeInt(deref(v!) as number | bigint, size, le),
        site(ctx),
        'WriteInt',
      );

/** Gives a type (`rust`: its Rust path, for docs/supported.md) the extension methods of the I/O traits it implements. */
export function defineIoMethods(
  cls: abstract new (...args: never[]) => object,
  rust: string,
  traits: { read?: boolean; bufRead?: boolean; write?: boolean },
): void {
  defineMethods(cls, rust, {
    ...(traits.read || traits.bufRead ? readMethods : {}),
    ...(traits.bufRead ? bufReadMethods : {}),
    ...(traits.write ? writeMethods : {}),
  });
}

defineFn(['tokio::io::copy'], {
  pure: true,
  call: (ctx, [r, w]) =>
    new CopyFuture(ctx.world, readerOf(ctx, r!, false), writerOf(ctx, w!, false), site(ctx)),
});

defineIoMethods(RTake, 'tokio::io::Take', { bufRead: true });

defineFn(['tokio::io::copy_buf'], {
  pure: true,
  arity: 2,
  call: (ctx, [r, w]) =>
    new CopyBufFuture(ctx.world, bufReaderOf(ctx, r!, false), writerOf(ctx, w!, false), site(ctx)),
});
