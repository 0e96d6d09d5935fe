/**
 * `std::io::BufReader` and `std::io::BufWriter` over a std `File` (library/std/src/io/buffered): the
 * blocking, synchronous ones, for reading a file line by line (`lines()`, `read_line`) and writing it
 * with `writeln!`. The reader refills its 8 KiB buffer with one blocking `read` system call when it is
 * empty; the writer keeps writes until they would overflow its buffer, `flush`, or its drop (which
 * flushes, ignoring errors, as std's `Drop for BufWriter` does). Only a std `File` inside is supported.
 */
import { utf8Decode, utf8Encode } from '../../../../base';
import { FS_SYSCALL_COST_NS } from '../../../costs';
import type { InterpCore } from '../../../interp/core';
import { defineFn, defineMethods, type CallCtx } from '../../../interp/registry';
import { DONE, RIter, type Pull } from '../../../interp/iter-protocol';
import type { Gen } from '../../../poll';
import { deref, okVal, RObject, RString, RVec, UNIT, type Value } from '../../../values';
import type { World } from '../../../world';
import { simpleError } from '../../std/io/error';
import { num } from '../../support';
import { bytesArg } from '../io/ext';
import { placeArg } from '../io/read';
import { RStdFile } from './std-file';

/** std's `DEFAULT_BUF_SIZE`. */
const DEFAULT_BUF_SIZE = 8 * 1024;

const isErr = (v: Value): boolean => (v as { variant?: string }).variant === 'Err';

/** One blocking system call on `world`'s current thread, then `op`. */
function* syscall(world: World, site: number, what: string, op: () => Value): Gen<Value> {
  const m = world.machine;
  m.emit('block', { until: m.current.clock + FS_SYSCALL_COST_NS, what, site });
  yield { kind: 'sleep', ns: FS_SYSCALL_COST_NS, what };
  m.emit('unblock', {});
  return op();
}

function fileArg(ctx: CallCtx, v: Value | undefined, what: string): RStdFile {
  const f = v === undefined ? undefined : deref(v);
  if (f instanceof RStdFile) return f;
  const t = f === undefined ? 'nothing' : typeof f === 'object' ? f.typeName() : typeof f;
  return ctx.interp.unsupported(
    `\`${what}\` over \`${t}\` is not supported by Pollscope yet (a std \`File\` is)`,
    ctx.span,
  );
}

export class RStdBufReader extends RObject {
  private buf: number[] = [];
  private pos = 0;
  constructor(
    readonly world: World,
    readonly file: RStdFile,
    readonly capacity: number,
  ) {
    super();
  }
  typeName(): string {
    return 'BufReader';
  }
  dropValue(interp: InterpCore): void {
    interp.dropValue(this.file);
  }
  /** `fill_buf`: the buffered bytes, refilled by one blocking read when empty (none at EOF); or an Err. */
  *fill(site: number): Gen<number[] | Value> {
    if (this.pos < this.buf.length) return this.buf.slice(this.pos);
    const what = `read of File ${JSON.stringify(this.file.path)} into a BufReader (a blocking system call)`;
    const r = yield* syscall(this.world, site, what, () => this.file.readBytes(this.capacity));
    if (isErr(r)) return r;
    this.buf = ((r as unknown as { values: RVec[] }).values[0]!.items as number[]).slice();
    this.pos = 0;
    return this.buf.slice();
  }
  /** `read_until(b'\n')`: bytes up to and including the newline (none at EOF), or an Err. */
  *readLine(site: number): Gen<number[] | Value> {
    const out: number[] = [];
    for (;;) {
      const avail = yield* this.fill(site);
      if (!Array.isArray(avail)) return avail;
      if (avail.length === 0) return out;
      const nl = avail.indexOf(10);
      const take = nl >= 0 ? nl + 1 : avail.length;
      for (let i = 0; i < take; i++) out.push(avail[i]!);
      this.pos += take;
      if (nl >= 0) return out;
    }
  }
}

/** Bytes as a `String`, or std's InvalidData error. */
function asText(bytes: number[]): { ok: string } | { err: Value } {
  const { text, valid } = utf8Decode(bytes);
  return valid ? { ok: text } : { err: simpleError('InvalidData', 'stream did not contain valid UTF-8') };
}

/** One item of `lines()`: the next line without its `\n` / `\r\n`, `DONE` at EOF, or an Err. */
function* nextLine(reader: RStdBufReader, site: number): Gen<Value | typeof DONE> {
  const r = yield* reader.readLine(site);
  if (!Array.isArray(r)) return r;
  if (r.length === 0) return DONE;
  if (r[r.length - 1] === 10) {
    r.pop();
    if (r[r.length - 1] === 13) r.pop();
  }
  const t = asText(r);
  return 'err' in t ? t.err : okVal(new RString(t.ok));
}

/** `BufRead::lines()`: `io::Result<String>` per line, without the `\n` (or `\r\n`). */
class StdLines extends RIter {
  constructor(
    private readonly reader: RStdBufReader,
    private readonly site: number,
  ) {
    super();
  }
  typeName(): string {
    return 'Lines';
  }
  next(_cx: InterpCore): Pull {
    return nextLine(this.reader, this.site);
  }
  override dropValue(interp: InterpCore): void {
    this.reader.dropValue(interp);
  }
}

const readerOf = (self: Value): RStdBufReader => deref(self) as RStdBufReader;

defineFn(['std::io::BufReader::new'], {
  pure: true,
  arity: 1,
  call: (ctx, [f]) => new RStdBufReader(ctx.world, fileArg(ctx, f, 'BufReader::new'), DEFAULT_BUF_SIZE),
});
defineFn(['std::io::BufReader::with_capacity'], {
  pure: true,
  arity: 2,
  call: (ctx, [c, f]) =>
    new RStdBufReader(ctx.world, fileArg(ctx, f, 'BufReader::with_capacity'), Math.max(1, num(ctx, c))),
});
defineMethods(RStdBufReader, 'std::io::BufReader', {
  lines: (ctx, self) => {
    ctx.consume();
    return new StdLines(readerOf(self), ctx.span.start);
  },
  read_line: function* (ctx, self, [out]) {
    const place = placeArg(ctx, out!, '`&mut String`');
    const r = yield* readerOf(self).readLine(ctx.span.start);
    if (!Array.isArray(r)) return r;
    const t = asText(r);
    if ('err' in t) return t.err;
    (deref(place.get()) as RString).s += t.ok;
    return okVal(r.length);
  },
  read_to_string: function* (ctx, self, [out]) {
    const place = placeArg(ctx, out!, '`&mut String`');
    const all: number[] = [];
    const reader = readerOf(self);
    for (;;) {
      const r = yield* reader.readLine(ctx.span.start);
      if (!Array.isArray(r)) return r;
      if (r.length === 0) break;
      for (const b of r) all.push(b);
    }
    const t = asText(all);
    if ('err' in t) return t.err;
    (deref(place.get()) as RString).s += t.ok;
    return okVal(all.length);
  },
  get_ref: (_c, self) => readerOf(self).file,
  into_inner: (ctx, self) => {
    ctx.consume();
    return readerOf(self).file;
  },
});

export class RStdBufWriter extends RObject {
  buf: number[] = [];
  constructor(
    readonly world: World,
    readonly file: RStdFile,
    readonly capacity: number,
  ) {
    super();
  }
  typeName(): string {
    return 'BufWriter';
  }
  /** `write!` / `writeln!` (interp/macros.ts): into the buffer; a full buffer is written out first. */
  writeText(text: string): Value {
    const bytes = utf8Encode(text);
    if (this.buf.length + bytes.length > this.capacity) {
      this.world.machine.spend(FS_SYSCALL_COST_NS);
      const r = this.file.writeBytes(this.buf.splice(0));
      if (isErr(r)) return r;
    }
    for (const b of bytes) this.buf.push(b);
    return okVal(UNIT);
  }
  *flush(site: number): Gen<Value> {
    if (this.buf.length === 0) return okVal(UNIT);
    const what = `write of ${this.buf.length} buffered bytes to File ${JSON.stringify(this.file.path)} (a blocking system call)`;
    const r = yield* syscall(this.world, site, what, () => this.file.writeBytes(this.buf.splice(0)));
    return isErr(r) ? r : okVal(UNIT);
  }
  /** std's `Drop for BufWriter`: what is still buffered is written, errors ignored. */
  dropValue(interp: InterpCore): void {
    if (this.buf.length > 0) {
      this.world.machine.spend(FS_SYSCALL_COST_NS);
      this.file.writeBytes(this.buf.splice(0));
    }
    interp.dropValue(this.file);
  }
}

const writerOf = (self: Value): RStdBufWriter => deref(self) as RStdBufWriter;
defineFn(['std::io::BufWriter::new'], {
  pure: true,
  arity: 1,
  call: (ctx, [f]) => new RStdBufWriter(ctx.world, fileArg(ctx, f, 'BufWriter::new'), DEFAULT_BUF_SIZE),
});
defineFn(['std::io::BufWriter::with_capacity'], {
  pure: true,
  arity: 2,
  call: (ctx, [c, f]) =>
    new RStdBufWriter(ctx.world, fileArg(ctx, f, 'BufWriter::with_capacity'), num(ctx, c)),
});
defineMethods(RStdBufWriter, 'std::io::BufWriter', {
  write_all: function* (ctx, self, [b]) {
    const w = writerOf(self);
    const bytes = bytesArg(ctx, b!);
    if (w.buf.length + bytes.length > w.capacity) {
      const r = yield* w.flush(ctx.span.start);
      if (isErr(r)) return r;
    }
    if (bytes.length >= w.capacity) {
      const what = `write of ${bytes.length} bytes to File ${JSON.stringify(w.file.path)} (a blocking system call)`;
      const r = yield* syscall(w.world, ctx.span.start, what, () => w.file.writeBytes(bytes));
      return isErr(r) ? r : okVal(UNIT);
    }
    for (const x of bytes) w.buf.push(x);
    return okVal(UNIT);
  },
  flush: (ctx, self) => writerOf(self).flush(ctx.span.start),
  get_ref: (_c, self) => writerOf(self).file,
  buffer: (_c, self) => new RVec(writerOf(self).buf.slice()),
});
