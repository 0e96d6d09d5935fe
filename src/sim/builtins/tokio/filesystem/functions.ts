/**
 * `tokio::fs`'s functions (tokio 1.24 `fs/*.rs`) over the run's in-memory file system: `write`, `read`,
 * `read_to_string`, `create_dir(_all)`, `remove_file`, `remove_dir(_all)`, `rename`, `copy`, `metadata`,
 * and `read_dir` with `ReadDir::next_entry` and `DirEntry`. Each is the std call run on
 * the blocking pool (asyncify.ts); `read_dir` reads the directory in chunks of 32 entries, one blocking
 * task per chunk, as tokio does.
 */
import { utf8Decode } from '../../../../base';
import { SimFuture } from '../../../future';
import { defineFn, defineMethods, type CallCtx } from '../../../interp/registry';
import { PENDING, type PollOutcome } from '../../../poll';
import type { PollCx } from '../../../task';
import { deref, NONE, okVal, REnum, RObject, RString, RVec, some, UNIT, type Value } from '../../../values';
import type { World } from '../../../world';
import { simpleError } from '../../std/io/error';
import { bytesOf } from '../io/memory-io';
import type { JoinHandle } from '../task/spawn';
import { AsyncifyFuture, fsOf, ioResult, pollFsOp, spawnFsOp } from './asyncify';
import type { Node } from './memfs';
import { joinPath, pathArg, ROsString, RPath } from './paths';

/** `std::fs::Metadata`, taken when the call ran. */
export class RMetadata extends RObject {
  constructor(
    readonly isDir: boolean,
    readonly len: number,
  ) {
    super();
  }
  typeName(): string {
    return 'Metadata';
  }
}

/** `std::fs::FileType`. */
class RFileType extends RObject {
  constructor(readonly isDir: boolean) {
    super();
  }
  typeName(): string {
    return 'FileType';
  }
  override isCopy(): boolean {
    return true;
  }
}

export const metadataOf = (n: Node): RMetadata =>
  new RMetadata(n.kind === 'dir', n.kind === 'file' ? n.data.length : 4096);

const site = (ctx: CallCtx) => ctx.span.start;

/**
 * Registers `tokio::fs::NAME`, an async fn whose body is `op` run on the blocking pool, and `std::fs::NAME`,
 * which runs `op` right where it is called (on a runtime thread, it holds that thread as real std I/O does).
 */
function fsFn(name: string, arity: number, op: (ctx: CallCtx, args: Value[]) => () => Value): void {
  defineFn([`tokio::fs::${name}`], {
    pure: true,
    arity,
    call: (ctx, args) => new AsyncifyFuture(ctx.world, `fs::${name}`, op(ctx, args), site(ctx)),
  });
  defineFn([`std::fs::${name}`], { pure: true, arity, call: (ctx, args) => op(ctx, args)() });
}

fsFn('write', 2, (ctx, [p, c]) => {
  const path = pathArg(ctx, p);
  const bytes = bytesOf(c!);
  if (!bytes)
    return ctx.interp.unsupported('fs::write takes the contents as a `&str`, `String`, `&[u8]` or `Vec<u8>`');
  ctx.world.memory.reserve(bytes.length * 8);
  return () => ioResult(fsOf(ctx.world).writeFile(path, bytes), () => UNIT);
});
fsFn('read', 1, (ctx, [p]) => {
  const path = pathArg(ctx, p);
  return () => ioResult(fsOf(ctx.world).readFile(path), (b) => new RVec(b));
});
fsFn('read_to_string', 1, (ctx, [p]) => {
  const path = pathArg(ctx, p);
  return () => {
    const r = fsOf(ctx.world).readFile(path);
    if ('err' in r) return ioResult(r, () => UNIT);
    const { text, valid } = utf8Decode(r.ok);
    return valid
      ? okVal(new RString(text))
      : simpleError('InvalidData', 'stream did not contain valid UTF-8');
  };
});
fsFn('create_dir', 1, (ctx, [p]) => {
  const path = pathArg(ctx, p);
  return () => ioResult(fsOf(ctx.world).createDir(path), () => UNIT);
});
fsFn('create_dir_all', 1, (ctx, [p]) => {
  const path = pathArg(ctx, p);
  return () => ioResult(fsOf(ctx.world).createDirAll(path), () => UNIT);
});
fsFn('remove_file', 1, (ctx, [p]) => {
  const path = pathArg(ctx, p);
  return () => ioResult(fsOf(ctx.world).removeFile(path), () => UNIT);
});
fsFn('remove_dir', 1, (ctx, [p]) => {
  const path = pathArg(ctx, p);
  return () => ioResult(fsOf(ctx.world).removeDir(path, false), () => UNIT);
});
fsFn('remove_dir_all', 1, (ctx, [p]) => {
  const path = pathArg(ctx, p);
  return () => ioResult(fsOf(ctx.world).removeDir(path, true), () => UNIT);
});
fsFn('rename', 2, (ctx, [a, b]) => {
  const from = pathArg(ctx, a);
  const to = pathArg(ctx, b);
  return () => ioResult(fsOf(ctx.world).rename(from, to), () => UNIT);
});
fsFn('copy', 2, (ctx, [a, b]) => {
  const from = pathArg(ctx, a);
  const to = pathArg(ctx, b);
  return () => ioResult(fsOf(ctx.world).copy(from, to), (n) => n);
});
for (const name of ['metadata', 'symlink_metadata'])
  fsFn(name, 1, (ctx, [p]) => {
    const path = pathArg(ctx, p);
    return () => ioResult(fsOf(ctx.world).lookup(path), metadataOf);
  });

/** `read_dir`'s chunk size. */
const CHUNK_SIZE = 32;

/** `tokio::fs::DirEntry`: the name and full path of one entry. */
class RDirEntry extends RObject {
  constructor(
    readonly dir: string,
    readonly name: string,
  ) {
    super();
  }
  typeName(): string {
    return 'DirEntry';
  }
  get path(): string {
    return joinPath(this.dir, this.name);
  }
}

/** `tokio::fs::ReadDir`: buffered entries, refilled a chunk at a time on the blocking pool. */
class RReadDir extends RObject {
  private buf: RDirEntry[] = [];
  private pending: JoinHandle | null = null;
  constructor(
    readonly world: World,
    readonly path: string,
    /** The names the directory held when it was opened (the `std::fs::ReadDir` stream). */
    private readonly names: string[],
  ) {
    super();
    // `fs::read_dir` reads the first chunk in its own blocking call.
    this.buf = this.chunk();
  }
  private next = 0;
  typeName(): string {
    return 'ReadDir';
  }
  /** `next_chunk`: up to 32 more entries. */
  chunk(): RDirEntry[] {
    const out = this.names.slice(this.next, this.next + CHUNK_SIZE).map((n) => new RDirEntry(this.path, n));
    this.next += out.length;
    return out;
  }
  /** `ReadDir::poll_next_entry`. */
  pollNextEntry(parent: SimFuture, cx: PollCx, site: number): PollOutcome {
    for (;;) {
      if (!this.pending) {
        const e = this.buf.shift();
        if (e) return okVal(some(e));
        this.pending = spawnFsOp(
          this.world,
          'ReadDir::next_entry',
          () => {
            this.buf = this.chunk();
            return okVal(UNIT);
          },
          site,
        );
      }
      const r = pollFsOp(this.world, parent, this.pending, cx);
      if (r === PENDING) return r;
      this.pending.drop();
      this.pending = null;
      if (r instanceof REnum && r.variant === 'Err') return r;
      const e = this.buf.shift();
      return okVal(e ? some(e) : NONE);
    }
  }
  dropValue(): void {
    this.pending?.drop();
  }
}

class NextEntryFuture extends SimFuture {
  constructor(
    world: World,
    private readonly rd: RReadDir,
    private readonly site: number,
  ) {
    super(world, 'NextEntry', site);
  }
  protected pollInner(cx: PollCx): PollOutcome {
    return this.rd.pollNextEntry(this, cx, this.site);
  }
  describeWait(): string {
    return `the next entry of ${JSON.stringify(this.rd.path)} (read on the blocking pool)`;
  }
}

/** A future that is Ready on its first poll (`DirEntry::file_type`, whose type was read with the entry). */
class ReadyFuture extends SimFuture {
  constructor(
    world: World,
    private readonly value: Value,
    site: number,
  ) {
    super(world, 'Ready', site);
  }
  protected pollInner(): PollOutcome {
    return this.value;
  }
}

defineFn(['tokio::fs::read_dir'], {
  pure: true,
  arity: 1,
  call: (ctx, [p]) => {
    const path = pathArg(ctx, p);
    const w = ctx.world;
    return new AsyncifyFuture(
      w,
      'fs::read_dir',
      () => {
        const r = fsOf(w).readDir(path);
        if ('err' in r) return ioResult(r, () => UNIT);
        return okVal(new RReadDir(w, path, r.ok));
      },
      site(ctx),
    );
  },
});

defineMethods(RReadDir, 'tokio::fs::ReadDir', {
  next_entry: (ctx, self) => new NextEntryFuture(ctx.world, deref(self) as RReadDir, site(ctx)),
});

const entry = (self: Value) => deref(self) as RDirEntry;
defineMethods(RDirEntry, 'tokio::fs::DirEntry', {
  file_name: (_c, self) => new ROsString(entry(self).name),
  path: (_c, self) => new RPath(entry(self).path),
  metadata: (ctx, self) => {
    const path = entry(self).path;
    return new AsyncifyFuture(
      ctx.world,
      'DirEntry::metadata',
      () => ioResult(fsOf(ctx.world).lookup(path), metadataOf),
      site(ctx),
    );
  },
  file_type: (ctx, self) => {
    const r = fsOf(ctx.world).lookup(entry(self).path);
    return new ReadyFuture(
      ctx.world,
      ioResult(r, (n) => new RFileType(n.kind === 'dir')),
      site(ctx),
    );
  },
});

const md = (self: Value) => deref(self) as RMetadata;
defineMethods(RMetadata, 'std::fs::Metadata', {
  len: (_c, self) => md(self).len,
  is_dir: (_c, self) => md(self).isDir,
  is_file: (_c, self) => !md(self).isDir,
  is_symlink: () => false,
  file_type: (_c, self) => new RFileType(md(self).isDir),
});
defineMethods(RFileType, 'std::fs::FileType', {
  is_dir: (_c, self) => (deref(self) as RFileType).isDir,
  is_file: (_c, self) => !(deref(self) as RFileType).isDir,
  is_symlink: () => false,
});
