/**
 * `std::fs::File` and std's `OpenOptions` on the run's in-memory file system, with `std::io::Read`
 * (`read`, `read_to_end`, `read_to_string`) and `std::io::Write` (`write`, `write_all`, `flush`, `write!` /
 * `writeln!`). Unlike tokio's `File` these are plain system calls: each one blocks the thread that makes it
 * for `FS_SYSCALL_COST_NS` (a `block` on the timeline), so called from a task it holds the worker, as
 * tokio's docs warn — the way to keep a worker free is `spawn_blocking` or `tokio::fs`.
 */
import { utf8Decode, utf8Encode } from '../../../../base';
import { FS_SYSCALL_COST_NS } from '../../../costs';
import { defineFn, defineMethods, type CallCtx } from '../../../interp/registry';
import type { Gen } from '../../../poll';
import { deref, okVal, RObject, RVec, UNIT, type RString, type Value } from '../../../values';
import type { World } from '../../../world';
import { osError, simpleError } from '../../std/io/error';
import { bytesArg } from '../io/ext';
import { placeArg } from '../io/read';
import { NONE_SET, openFile, type OpenFlags } from './file';
import { metadataOf } from './functions';
import type { Node } from './memfs';
import { pathArg } from './paths';

export class RStdFile extends RObject {
  private pos = 0;
  private readonly resource: number;
  constructor(
    private readonly world: World,
    readonly node: Node,
    readonly path: string,
    readonly mode: { read: boolean; write: boolean; append: boolean },
    site: number,
  ) {
    super();
    this.resource = world.newResource('file', `std File ${JSON.stringify(path)}`, site);
  }
  typeName(): string {
    return 'File';
  }
  dropValue(): void {
    this.world.machine.emit('resource-drop', { resource: this.resource });
  }
  /** `read(2)` of up to `len` bytes from the position (EBADF if not opened for reading). */
  readBytes(len: number): Value {
    if (this.node.kind === 'dir') return osError('EISDIR');
    if (!this.mode.read) return osError('EBADF');
    const bytes = this.node.data.slice(this.pos, this.pos + len);
    this.pos += bytes.length;
    return okVal(new RVec(bytes));
  }
  /** `write(2)` of all of `bytes` at the position, or at the end in append mode. */
  writeBytes(bytes: readonly number[]): Value {
    if (this.node.kind === 'dir' || !this.mode.write) return osError('EBADF');
    const f = this.node;
    if (this.mode.append) this.pos = f.data.length;
    while (f.data.length < this.pos) f.data.push(0);
    for (let i = 0; i < bytes.length; i++) f.data[this.pos + i] = bytes[i]!;
    this.pos += bytes.length;
    return okVal(bytes.length);
  }
  /** `write!(file, ..)` (interp/macros.ts): one `write_all` of the formatted text, without a block event. */
  writeText(text: string): Value {
    this.world.machine.spend(FS_SYSCALL_COST_NS);
    const r = this.writeBytes(utf8Encode(text));
    return isErr(r) ? r : okVal(UNIT);
  }
}

/** One blocking system call: the thread is blocked for its cost, then `op` runs. */
function* syscall(ctx: CallCtx, what: string, op: () => Value): Gen<Value> {
  const m = ctx.world.machine;
  m.emit('block', { until: m.current.clock + FS_SYSCALL_COST_NS, what, site: ctx.span.start });
  yield { kind: 'sleep', ns: FS_SYSCALL_COST_NS, what };
  m.emit('unblock', {});
  return op();
}

const isErr = (v: Value): boolean => (v as { variant?: string }).variant === 'Err';
const okPayload = (v: Value): Value => (v as unknown as { values: Value[] }).values[0]!;

function open(ctx: CallCtx, p: Value | undefined, flags: OpenFlags, label: string): Gen<Value> {
  const path = pathArg(ctx, p);
  const site = ctx.span.start;
  return syscall(ctx, `${label}(${JSON.stringify(path)}) (a blocking system call)`, () =>
    openFile(ctx.world, path, flags, site, (n, mode) => new RStdFile(ctx.world, n, path, mode, site)),
  );
}

defineFn(['std::fs::File::open'], {
  pure: false,
  blocks: true,
  arity: 1,
  call: (ctx, [p]) => open(ctx, p, { ...NONE_SET, read: true }, 'File::open'),
});
defineFn(['std::fs::File::create'], {
  pure: false,
  blocks: true,
  arity: 1,
  call: (ctx, [p]) =>
    open(ctx, p, { ...NONE_SET, write: true, create: true, truncate: true }, 'File::create'),
});

const fileOf = (ctx: CallCtx, self: Value): RStdFile => {
  const f = deref(self);
  if (f instanceof RStdFile) return f;
  return ctx.interp.unsupported('expected a `std::fs::File`', ctx.span);
};
const label = (f: RStdFile, op: string) => `${op} on File ${JSON.stringify(f.path)} (a blocking system call)`;

/** `read_to_end` / `read_to_string`: everything from the position to the end, appended to the buffer. */
function readAll(ctx: CallCtx, self: Value, out: Value, text: boolean): Gen<Value> {
  const f = fileOf(ctx, self);
  const place = placeArg(ctx, out, text ? '`&mut String`' : '`&mut Vec<u8>`');
  return syscall(ctx, label(f, text ? 'read_to_string' : 'read_to_end'), () => {
    const r = f.readBytes(Number.MAX_SAFE_INTEGER);
    if (isErr(r)) return r;
    const bytes = (okPayload(r) as RVec).items as number[];
    const target = deref(place.get());
    if (text) {
      const { text: s, valid } = utf8Decode(bytes);
      if (!valid) return simpleError('InvalidData', 'stream did not contain valid UTF-8');
      (target as RString).s += s;
    } else for (const b of bytes) (target as RVec).items.push(b);
    ctx.world.memory.reserve(bytes.length);
    return okVal(bytes.length);
  });
}

defineMethods(RStdFile, 'std::fs::File', {
  read_to_string: (ctx, self, [out]) => readAll(ctx, self, out!, true),
  read_to_end: (ctx, self, [out]) => readAll(ctx, self, out!, false),
  /** `Read::read(&mut buf)`: up to `buf.len()` bytes into the front of the buffer. */
  read: (ctx, self, [out]) => {
    const f = fileOf(ctx, self);
    const place = placeArg(ctx, out!, 'a mutable byte buffer (`&mut buf`)');
    return syscall(ctx, label(f, 'read'), () => {
      const buf = deref(place.get()) as RVec;
      const r = f.readBytes(buf.items.length);
      if (isErr(r)) return r;
      const bytes = (okPayload(r) as RVec).items;
      bytes.forEach((b, i) => (buf.items[i] = b));
      return okVal(bytes.length);
    });
  },
  write_all: (ctx, self, [b]) => {
    const f = fileOf(ctx, self);
    const bytes = bytesArg(ctx, b!);
    return syscall(ctx, label(f, `write_all of ${bytes.length} bytes`), () => {
      const r = f.writeBytes(bytes);
      return isErr(r) ? r : okVal(UNIT);
    });
  },
  write: (ctx, self, [b]) => {
    const f = fileOf(ctx, self);
    const bytes = bytesArg(ctx, b!);
    return syscall(ctx, label(f, `write of ${bytes.length} bytes`), () => f.writeBytes(bytes));
  },
  /** A std `File` has no buffer of its own: `flush` does nothing (no system call). */
  flush: () => okVal(UNIT),
  metadata: (ctx, self) => {
    const f = fileOf(ctx, self);
    return syscall(ctx, label(f, 'metadata'), () => okVal(metadataOf(f.node)));
  },
  sync_all: (ctx, self) => syscall(ctx, label(fileOf(ctx, self), 'sync_all'), () => okVal(UNIT)),
});

/** `std::fs::OpenOptions`: the same flags as tokio's, opened with a blocking call. */
class RStdOpenOptions extends RObject {
  flags: OpenFlags = { ...NONE_SET };
  typeName(): string {
    return 'OpenOptions';
  }
}
defineFn(['std::fs::OpenOptions::new'], { pure: true, arity: 0, call: () => new RStdOpenOptions() });
const flag =
  (key: keyof OpenFlags) =>
  (_ctx: CallCtx, self: Value, [b]: Value[]): Value => {
    (deref(self) as RStdOpenOptions).flags[key] = deref(b!) === true;
    return self;
  };
defineMethods(RStdOpenOptions, 'std::fs::OpenOptions', {
  read: flag('read'),
  write: flag('write'),
  append: flag('append'),
  truncate: flag('truncate'),
  create: flag('create'),
  create_new: flag('createNew'),
  open: (ctx, self, [p]) => open(ctx, p, { ...(deref(self) as RStdOpenOptions).flags }, 'OpenOptions::open'),
});
