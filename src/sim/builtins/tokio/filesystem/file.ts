/**
 * `tokio::fs::File` and `OpenOptions` (tokio 1.24 `fs/file.rs`, `fs/open_options.rs`). A `File` is idle or
 * has one blocking operation in flight on the pool:
 * - `poll_read` serves what an earlier read left in its buffer, else spawns a read of up to 16 KiB
 *   (`MAX_BUF`) and waits for it;
 * - `poll_write` copies up to 16 KiB into its buffer, spawns the write and returns Ready at once: the
 *   write happens later on a blocking thread, and its error shows up at the next write or `flush`;
 * - `flush` (and `shutdown`) waits for the write in flight.
 * So `write_all` on a File returns before the bytes are in the file, and dropping a File without `flush`
 * still lets the last write finish on the pool.
 */
import { SimFuture } from '../../../future';
import { defineFn, defineMethods, type CallCtx } from '../../../interp/registry';
import { PENDING, type PollOutcome } from '../../../poll';
import type { PollCx } from '../../../task';
import { deref, okVal, REnum, RObject, UNIT, type Value } from '../../../values';
import type { World } from '../../../world';
import type { Errno } from '../../../net/network';
import { kindError, osError, type RIoError } from '../../std/io/error';
import { defineIoMethods } from '../io/ext';
import {
  registerReader,
  registerWriter,
  type AsyncReadSrc,
  type AsyncWriteSink,
  type IoPoll,
} from '../io/source';
import type { JoinHandle } from '../task/spawn';
import { AsyncifyFuture, fsOf, ioResult, pollFsOp, spawnFsOp } from './asyncify';
import { metadataOf } from './functions';
import type { Node } from './memfs';
import { pathArg } from './paths';

/** `io::blocking::MAX_BUF` in 1.24: the most one blocking read or write moves. */
const MAX_BUF = 16 * 1024;

type OpResult =
  { kind: 'read'; bytes: number[] } | { kind: 'write' } | { kind: 'err'; op: 'read' | 'write'; errno: Errno };

export class RFile extends RObject implements AsyncReadSrc, AsyncWriteSink {
  private pos = 0;
  /** Read-ahead left by the last blocking read (tokio's `Buf`). */
  private buf: number[] = [];
  private busy: JoinHandle | null = null;
  private result: OpResult | null = null;
  private lastWriteErr: string | null = null;
  private readonly resource: number;

  constructor(
    private readonly world: World,
    readonly node: Node,
    readonly path: string,
    readonly mode: { read: boolean; write: boolean; append: boolean },
    site: number,
  ) {
    super();
    this.resource = world.newResource('file', `File ${JSON.stringify(path)}`, site);
  }
  typeName(): string {
    return 'File';
  }
  dropValue(): void {
    this.world.machine.emit('resource-drop', { resource: this.resource });
  }
  private state(text: string): void {
    this.world.machine.emit('resource-state', { resource: this.resource, text });
  }

  /** Runs one operation on the blocking pool (`State::Busy`). */
  private spawn(label: string, site: number, op: () => OpResult): void {
    this.state(`${label} in flight on the blocking pool`);
    this.busy = spawnFsOp(
      this.world,
      label,
      () => {
        this.result = op();
        return okVal(UNIT);
      },
      site,
    );
  }

  /** Waits for the operation in flight; its result, or Pending. */
  private pollBusy(cx: PollCx): OpResult | typeof PENDING | REnum {
    const h = this.busy!;
    const r = pollFsOp(this.world, null, h, cx);
    if (r === PENDING) return PENDING;
    h.drop();
    this.busy = null;
    this.state('idle');
    if (r instanceof REnum && r.variant === 'Err') return r;
    return this.result!;
  }

  pollRead(cx: PollCx, len: number): IoPoll<number[]> {
    for (;;) {
      if (!this.busy) {
        if (this.buf.length > 0) return this.buf.splice(0, Math.min(len, this.buf.length));
        const want = Math.min(len, MAX_BUF);
        this.spawn(`read of ${JSON.stringify(this.path)}`, -1, () => {
          if (this.node.kind === 'dir') return { kind: 'err', op: 'read', errno: 'EISDIR' };
          if (!this.mode.read) return { kind: 'err', op: 'read', errno: 'EBADF' };
          const bytes = this.node.data.slice(this.pos, this.pos + want);
          this.pos += bytes.length;
          return { kind: 'read', bytes };
        });
      }
      const r = this.pollBusy(cx);
      if (r === PENDING || r instanceof REnum) return r;
      if (r.kind === 'read') {
        this.buf = r.bytes;
        return this.buf.splice(0, Math.min(len, this.buf.length));
      }
      if (r.kind === 'err') {
        if (r.op === 'read') return osError(r.errno);
        this.lastWriteErr = (osError(r.errno).values[0] as RIoError).kind;
      }
    }
  }

  pollWrite(cx: PollCx, bytes: readonly number[], from: number): IoPoll<number> {
    if (this.lastWriteErr !== null) {
      const k = this.lastWriteErr;
      this.lastWriteErr = null;
      return kindError(k);
    }
    for (;;) {
      if (!this.busy) {
        // A write after a read first seeks back over the read-ahead it discards.
        const seek = this.buf.length;
        this.buf = [];
        const n = Math.min(bytes.length - from, MAX_BUF);
        const data = bytes.slice(from, from + n);
        this.spawn(`write of ${n} bytes to ${JSON.stringify(this.path)}`, -1, () => {
          this.pos -= seek;
          if (this.node.kind === 'dir' || !this.mode.write)
            return { kind: 'err', op: 'write', errno: 'EBADF' };
          const f = this.node;
          if (this.mode.append) this.pos = f.data.length;
          while (f.data.length < this.pos) f.data.push(0);
          for (let i = 0; i < data.length; i++) f.data[this.pos + i] = data[i]!;
          this.pos += data.length;
          return { kind: 'write' };
        });
        return n;
      }
      const r = this.pollBusy(cx);
      if (r === PENDING || r instanceof REnum) return r;
      if (r.kind === 'err' && r.op === 'write') return osError(r.errno);
    }
  }

  /** `Inner::poll_flush`: the result of the write in flight, if any. */
  pollFlush(cx: PollCx): IoPoll<null> {
    if (this.lastWriteErr !== null) {
      const k = this.lastWriteErr;
      this.lastWriteErr = null;
      return kindError(k);
    }
    if (!this.busy) return null;
    const r = this.pollBusy(cx);
    if (r === PENDING || r instanceof REnum) return r;
    if (r.kind === 'err' && r.op === 'write') return osError(r.errno);
    return null;
  }
  pollShutdown(cx: PollCx): IoPoll<null> {
    return this.pollFlush(cx);
  }
  describeRead(): string {
    return `File ${JSON.stringify(this.path)} (a read on the blocking pool)`;
  }
  describeWrite(): string {
    return `File ${JSON.stringify(this.path)} (a write on the blocking pool)`;
  }
}

registerReader((x) => (x instanceof RFile ? x : null));
registerWriter((x) => (x instanceof RFile ? x : null));
defineIoMethods(RFile, 'tokio::fs::File', { read: true, write: true });

export interface OpenFlags {
  read: boolean;
  write: boolean;
  append: boolean;
  truncate: boolean;
  create: boolean;
  createNew: boolean;
}

/**
 * `std::fs::OpenOptions::open` (unix `get_access_mode` / `get_creation_mode`, then `open(2)`); `make` builds
 * the handle (a tokio `File` here, a std one in std-file.ts).
 */
export function openFile(
  world: World,
  path: string,
  o: OpenFlags,
  site: number,
  make: (n: Node, mode: { read: boolean; write: boolean; append: boolean }) => Value = (n, mode) =>
    new RFile(world, n, path, mode, site),
): Value {
  const writing = o.write || o.append;
  if (!o.read && !writing) return osError('EINVAL');
  if (!writing && (o.truncate || o.create || o.createNew)) return osError('EINVAL');
  if (o.append && o.truncate && !o.createNew) return osError('EINVAL');
  const r = fsOf(world).open(path, {
    create: o.create,
    createNew: o.createNew,
    truncate: o.truncate,
    write: writing,
  });
  return ioResult(r, (n) => make(n, { read: o.read, write: writing, append: o.append }));
}

export const NONE_SET: OpenFlags = {
  read: false,
  write: false,
  append: false,
  truncate: false,
  create: false,
  createNew: false,
};

function opener(name: string, flags: OpenFlags): void {
  defineFn([`tokio::fs::File::${name}`], {
    pure: true,
    arity: 1,
    call: (ctx, [p]) => {
      const path = pathArg(ctx, p);
      const site = ctx.span.start;
      return new AsyncifyFuture(
        ctx.world,
        `File::${name}`,
        () => openFile(ctx.world, path, flags, site),
        site,
      );
    },
  });
}
opener('open', { ...NONE_SET, read: true });
opener('create', { ...NONE_SET, write: true, create: true, truncate: true });

/** `tokio::fs::OpenOptions`: a builder of flags. */
class ROpenOptions extends RObject {
  flags: OpenFlags = { ...NONE_SET };
  typeName(): string {
    return 'OpenOptions';
  }
}

defineFn(['tokio::fs::OpenOptions::new'], { pure: true, arity: 0, call: () => new ROpenOptions() });

const flag =
  (key: keyof OpenFlags) =>
  (_ctx: CallCtx, self: Value, [b]: Value[]): Value => {
    (deref(self) as ROpenOptions).flags[key] = deref(b!) === true;
    return self;
  };
defineMethods(ROpenOptions, 'tokio::fs::OpenOptions', {
  read: flag('read'),
  write: flag('write'),
  append: flag('append'),
  truncate: flag('truncate'),
  create: flag('create'),
  create_new: flag('createNew'),
  open: (ctx, self, [p]) => {
    const path = pathArg(ctx, p);
    const flags = { ...(deref(self) as ROpenOptions).flags };
    const site = ctx.span.start;
    return new AsyncifyFuture(
      ctx.world,
      'OpenOptions::open',
      () => openFile(ctx.world, path, flags, site),
      site,
    );
  },
});

/** `File::metadata` / `sync_all` / `sync_data`: wait for the operation in flight, then one blocking call. */
class FileCallFuture extends SimFuture {
  private call: AsyncifyFuture | null = null;
  constructor(
    world: World,
    private readonly file: RFile,
    private readonly label: string,
    private readonly op: () => Value,
    site: number,
  ) {
    super(world, label, site);
  }
  protected pollInner(cx: PollCx): PollOutcome {
    if (!this.call) {
      const f = this.file.pollFlush(cx);
      if (f === PENDING) return PENDING;
      this.call = new AsyncifyFuture(this.world, this.label, this.op, -1);
    }
    return this.call.poll(cx);
  }
  protected override onDrop(): void {
    this.call?.drop();
  }
}

const fileOf = (self: Value) => deref(self) as RFile;
defineMethods(RFile, 'tokio::fs::File', {
  metadata: (ctx, self) => {
    const f = fileOf(self);
    return new FileCallFuture(
      ctx.world,
      f,
      'File::metadata',
      () => okVal(metadataOf(f.node)),
      ctx.span.start,
    );
  },
  sync_all: (ctx, self) =>
    new FileCallFuture(ctx.world, fileOf(self), 'File::sync_all', () => okVal(UNIT), ctx.span.start),
  sync_data: (ctx, self) =>
    new FileCallFuture(ctx.world, fileOf(self), 'File::sync_data', () => okVal(UNIT), ctx.span.start),
});
