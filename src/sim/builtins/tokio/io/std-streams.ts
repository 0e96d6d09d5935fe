/**
 * `tokio::io::stdout()`, `stderr()`, `stdin()` (tokio 1.24 `io/stdout.rs`, `io/blocking.rs` `Blocking<T>`):
 * the process's streams are blocking, so each write is handed to the blocking pool. `poll_write` copies
 * up to 16 KiB, spawns the write and returns Ready at once; the next write or a `flush` waits for it
 * (and a `flush` after writing runs one more blocking call, std's flush). The run has no input, as the
 * recordings run with stdin from `/dev/null`: `stdin()` reads end of file (also through the pool).
 * Also `io::empty()` and `io::sink()`, which never block.
 */
import { utf8Decode } from '../../../../base';
import { defineFn } from '../../../interp/registry';
import { PENDING } from '../../../poll';
import type { PollCx } from '../../../task';
import { REnum, RObject, okVal, UNIT } from '../../../values';
import type { World } from '../../../world';
import { pollFsOp, spawnFsOp } from '../filesystem/asyncify';
import type { JoinHandle } from '../task/spawn';
import { defineIoMethods } from './ext';
import {
  registerReader,
  registerWriter,
  type AsyncReadSrc,
  type AsyncWriteSink,
  type IoPoll,
} from './source';

/** `io::blocking::MAX_BUF` in 1.24. */
const MAX_BUF = 16 * 1024;

type Stream = 'stdout' | 'stderr' | 'stdin';

/** `Blocking<T>`: idle, or one blocking call in flight. */
export class RStdStream extends RObject implements AsyncWriteSink, AsyncReadSrc {
  private busy: JoinHandle | null = null;
  private needFlush = false;
  constructor(
    private readonly world: World,
    readonly stream: Stream,
    private readonly site: number,
  ) {
    super();
  }
  typeName(): string {
    return this.stream === 'stdout' ? 'Stdout' : this.stream === 'stderr' ? 'Stderr' : 'Stdin';
  }
  private run(label: string, op: () => void): void {
    this.busy = spawnFsOp(
      this.world,
      label,
      () => {
        op();
        return okVal(UNIT);
      },
      this.site,
    );
  }
  /** Waits for the call in flight: null when it is done. */
  private pollBusy(cx: PollCx): IoPoll<null> {
    const r = pollFsOp(this.world, null, this.busy!, cx);
    if (r === PENDING) return PENDING;
    this.busy!.drop();
    this.busy = null;
    return r instanceof REnum && r.variant === 'Err' ? r : null;
  }
  pollWrite(cx: PollCx, bytes: readonly number[], from: number): IoPoll<number> {
    if (this.stream === 'stdin') return this.world.panic('Stdin is not an AsyncWrite');
    if (this.busy) {
      const r = this.pollBusy(cx);
      if (r !== null) return r;
    }
    const n = Math.min(bytes.length - from, MAX_BUF);
    const data = bytes.slice(from, from + n);
    const stream = this.stream;
    this.run(`write to ${stream}`, () => this.world.interp.print(stream, utf8Decode(data).text));
    this.needFlush = true;
    return n;
  }
  pollFlush(cx: PollCx): IoPoll<null> {
    for (;;) {
      if (this.busy) {
        const r = this.pollBusy(cx);
        if (r !== null) return r;
        continue;
      }
      if (!this.needFlush) return null;
      this.needFlush = false;
      this.run(`flush of ${this.stream}`, () => {});
    }
  }
  pollShutdown(cx: PollCx): IoPoll<null> {
    return this.pollFlush(cx);
  }
  /** stdin: one blocking read, which finds the end of the (empty) input. */
  pollRead(cx: PollCx): IoPoll<number[]> {
    if (this.stream !== 'stdin') return this.world.panic(`${this.typeName()} is not an AsyncRead`);
    if (!this.busy) this.run('read from stdin', () => {});
    const r = this.pollBusy(cx);
    if (r !== null) return r;
    return [];
  }
  describeRead(): string {
    return 'stdin (a read on the blocking pool)';
  }
  describeWrite(): string {
    return `${this.stream} (a write on the blocking pool)`;
  }
}

registerReader((x) => (x instanceof RStdStream && x.stream === 'stdin' ? x : null));
registerWriter((x) => (x instanceof RStdStream && x.stream !== 'stdin' ? x : null));
defineIoMethods(RStdStream, 'tokio::io::Stdout / Stderr / Stdin', { read: true, write: true });

for (const s of ['stdout', 'stderr', 'stdin'] as const)
  defineFn([`tokio::io::${s}`], {
    pure: true,
    arity: 0,
    call: (ctx) => new RStdStream(ctx.world, s, ctx.span.start),
  });

/** `io::empty()`: always at end of file; `io::sink()`: takes every write. */
class RNullIo extends RObject implements AsyncReadSrc, AsyncWriteSink {
  constructor(readonly empty: boolean) {
    super();
  }
  typeName(): string {
    return this.empty ? 'Empty' : 'Sink';
  }
  pollRead(): number[] {
    return [];
  }
  pollWrite(_cx: PollCx, bytes: readonly number[], from: number): number {
    return bytes.length - from;
  }
  pollFlush(): null {
    return null;
  }
  pollShutdown(): null {
    return null;
  }
  describeRead(): string {
    return 'io::empty()';
  }
  describeWrite(): string {
    return 'io::sink()';
  }
}
registerReader((x) => (x instanceof RNullIo && x.empty ? x : null));
registerWriter((x) => (x instanceof RNullIo && !x.empty ? x : null));
defineIoMethods(RNullIo, 'tokio::io::Empty / Sink', { read: true, write: true });
defineFn(['tokio::io::empty'], { pure: true, arity: 0, call: () => new RNullIo(true) });
defineFn(['tokio::io::sink'], { pure: true, arity: 0, call: () => new RNullIo(false) });
