/**
 * `fs::asyncify` (tokio 1.24 `fs/mod.rs`): every `tokio::fs` call is a `spawn_blocking` of the std call,
 * awaited through its JoinHandle, because a file system has no readiness to wait for. So a file operation
 * occupies a blocking-pool thread while it runs, and the task awaiting it is woken from that thread.
 * Also the run's in-memory file system (memfs.ts), one per run.
 */
import { SimFuture, pollChild } from '../../../future';
import { RNativeFn } from '../../../interp/callables';
import { BLOCKED, PENDING, type PollOutcome } from '../../../poll';
import type { PollCx } from '../../../task';
import { REnum, type Value } from '../../../values';
import type { World } from '../../../world';
import { customError, osError } from '../../std/io/error';
import type { JoinHandle } from '../task/spawn';
import { spawnBlockingTask } from '../task/blocking';
import { MemFs, type Sys } from './memfs';

const filesystems = new WeakMap<World, MemFs>();

/** The run's file system: empty when the run starts. */
export function fsOf(world: World): MemFs {
  let fs = filesystems.get(world);
  if (!fs) {
    fs = new MemFs();
    filesystems.set(world, fs);
  }
  return fs;
}

/** A syscall's result as `io::Result<T>`. */
export function ioResult<T>(r: Sys<T>, ok: (v: T) => Value): REnum {
  return 'err' in r ? osError(r.err) : new REnum('Result', 'Ok', [ok(r.ok)]);
}

/** Spawns `op` (which returns an `io::Result`) on the blocking pool: the JoinHandle. */
export function spawnFsOp(world: World, label: string, op: () => Value, site: number): JoinHandle {
  return spawnBlockingTask(world, world.blocking, new RNativeFn(label, op), site);
}

/**
 * Polls a blocking fs operation's JoinHandle: the operation's `io::Result`, Pending, or (if the blocking
 * task was cancelled by a runtime shutdown) tokio's `background task failed`.
 */
export function pollFsOp(world: World, parent: SimFuture | null, h: JoinHandle, cx: PollCx): PollOutcome {
  const r = pollChild(world, parent, h, cx);
  if (r === PENDING || r === BLOCKED) return r;
  if (r instanceof REnum && r.variant === 'Ok') return r.values[0]!;
  return customError('Other', 'background task failed');
}

/** `asyncify(f).await`: spawns `op` on its first poll, then waits for it. */
export class AsyncifyFuture extends SimFuture {
  private handle: JoinHandle | null = null;
  constructor(
    world: World,
    private readonly label: string,
    private readonly op: () => Value,
    private readonly site: number,
  ) {
    super(world, label, site);
  }
  protected pollInner(cx: PollCx): PollOutcome {
    this.handle ??= spawnFsOp(this.world, this.label, this.op, this.site);
    return pollFsOp(this.world, this, this.handle, cx);
  }
  protected override onDrop(): void {
    this.handle?.drop();
  }
  describeWait(): string {
    return `${this.label} on the blocking pool`;
  }
}
