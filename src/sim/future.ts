/**
 * The base of every simulated future (poll.ts has the protocol: a poll returns the output, `PENDING` or
 * `BLOCKED`; a blocked poll is resumed, not restarted: generator-backed futures continue where they stopped).
 *
 * Each future has an id, appears in the trace (`future-new`, `poll-child`, `pending`, `ready`,
 * `future-drop`), and is dropped exactly once.
 */
import { BLOCKED, PENDING, type PollOutcome } from './poll';
import { RObject } from './values';
import type { PollCx } from './task';
import type { World } from './world';

export abstract class SimFuture extends RObject {
  readonly id: number;
  /** Finished (returned Ready); polling again is a bug in the program ("polled after completion"). */
  done: boolean;
  dropped: boolean;
  /** The last poll returned BLOCKED: the next poll resumes it. */
  protected resuming: boolean;
  /** The future currently awaited inside this one (for the future tree in the UI). */
  child: SimFuture | null;
  protected readonly world: World;
  readonly name: string;

  constructor(
    world: World,
    name: string,
    site: number,
    /** Emit `future-new`? Internal helper futures stay out of the trace. */
    traced = true,
  ) {
    super();
    // Assigned here rather than as class fields: futures are created by the million, and this keeps
    // construction a plain sequence of stores.
    this.world = world;
    this.name = name;
    this.done = false;
    this.dropped = false;
    this.resuming = false;
    this.child = null;
    this.id = world.nextFutureId++;
    if (traced)
      world.machine.emit('future-new', {
        future: this.id,
        task: world.machine.current.currentTask?.id ?? -1,
        name,
        site,
      });
  }

  typeName(): string {
    return this.name;
  }

  /** One poll: the subclass's logic between the trace events. */
  protected abstract pollInner(cx: PollCx): PollOutcome;

  poll(cx: PollCx): PollOutcome {
    if (this.done)
      this.world.panic(`\`async fn\` resumed after completion (${this.name} polled after it returned Ready)`);
    this.resuming = false;
    const r = this.pollInner(cx);
    if (r === BLOCKED) {
      this.resuming = true;
      return r;
    }
    if (r === PENDING) {
      this.world.machine.emit('pending', { task: cx.task.id, future: this.id });
      return r;
    }
    this.done = true;
    this.world.machine.emit('ready', { task: cx.task.id, future: this.id });
    return r;
  }

  get isResuming(): boolean {
    return this.resuming;
  }

  /**
   * `FusedFuture::is_terminated`: true once it must not be polled again. For most futures that is "it
   * returned Ready"; `Fuse` and a fused stream's `Next` say more (futures::select! skips such branches).
   */
  isTerminated(): boolean {
    return this.done;
  }

  /** The id the trace shows for this future (a borrow shows the borrowed future). */
  get traceId(): number {
    return this.id;
  }

  /** Drops the future (cancellation if it has not finished). Idempotent. */
  drop(): void {
    if (this.dropped) return;
    this.dropped = true;
    this.onDrop();
    this.world.machine.emit('future-drop', { future: this.id });
  }

  /** Releases what the future holds: timer entries, waiter nodes, live locals. */
  protected onDrop(): void {}
}

/** Polls `child` from inside `parent` (the desugared `.await`), emitting `poll-child` for a fresh poll. */
export function pollChild(
  world: World,
  parent: SimFuture | null,
  child: SimFuture,
  cx: PollCx,
  /** The `.await` expression's source offset, for the UI's current line (-1 inside combinators). */
  site = -1,
): PollOutcome {
  if (!child.isResuming)
    world.machine.emit('poll-child', {
      task: cx.task.id,
      future: child.traceId,
      parent: parent ? parent.traceId : -1,
      site,
    });
  return child.poll(cx);
}
