/**
 * `futures::stream::FuturesUnordered` and `FuturesOrdered` (futures-util 0.3.21
 * `stream/futures_unordered/mod.rs`, `stream/futures_ordered.rs`), and the `buffer_unordered` / `buffered`
 * adapters built on them.
 *
 * FuturesUnordered polls only the children that were woken: each child is polled with a waker of its own
 * (`ChildWaker`, futures' `Arc<Task<Fut>>`) that puts it on the ready-to-run queue and wakes the waker the
 * set registered on its last `poll_next` (an `AtomicWaker`, woken by value). A pushed child starts queued.
 * One `poll_next` polls queued children in FIFO order until one is Ready; after polling as many children as
 * the set held, or after two children woke themselves while being polled, it wakes its own task and
 * returns Pending (futures-rs #2333), so one busy set does not starve the runtime.
 */
import type { Span } from '../../../lang/diagnostics';
import type { SimFuture } from '../../future';
import type { InterpCore } from '../../interp/core';
import { intoFuture } from '../../interp/into-future';
import { defineFn, defineMethods } from '../../interp/registry';
import { BLOCKED, PENDING, type PollOutcome } from '../../poll';
import { Waker, type PollCx, type Task, type TaskHost, type WakeOp } from '../../task';
import { NONE, some, UNIT, type Value } from '../../values';
import type { World } from '../../world';
import { registerFromIter } from '../std/iter/collect';
import { isNone, isSome, pollFut, SimStream } from './stream';

interface Node {
  fut: SimFuture;
  queued: boolean;
  woken: boolean;
  /** Position in push order (FuturesOrdered's `index`). */
  index: number;
  set: FuturesUnorderedStream;
}

/** The waker a child of a FuturesUnordered is polled with: `Task::wake_by_ref` (`task.rs`). */
class ChildWaker extends Waker {
  constructor(
    task: Task,
    private readonly node: Node,
  ) {
    super(task, false);
  }
  override get route(): object {
    return this.node;
  }
  /** Cloning the child's `Arc<Task>` takes no reference on the tokio task. */
  override clone(): Waker {
    return new ChildWaker(this.task, this.node);
  }
  override wake(world: TaskHost, resource: number, _op?: WakeOp): void {
    this.node.set.wakeChild(world, this.node, resource);
  }
  override wakeByRef(world: TaskHost, resource: number): void {
    this.node.set.wakeChild(world, this.node, resource);
  }
  override drop(): void {}
}

export class FuturesUnorderedStream extends SimStream {
  private readonly nodes = new Set<Node>();
  private readonly ready: Node[] = [];
  /** The `AtomicWaker`: the consuming task's waker, registered on every `poll_next`. */
  private parent: Waker | null = null;
  private pushed = 0;
  /** A child whose poll blocked its thread: the next poll resumes it. */
  private resume: { node: Node; polled: number; yielded: number; len: number } | null = null;

  constructor(world: World, interp: InterpCore, sp: Span) {
    super(world, interp, sp);
  }

  typeName(): string {
    return 'FuturesUnordered';
  }

  get len(): number {
    return this.nodes.size;
  }

  /** `FusedStream::is_terminated`: it returned `None` (it was empty) and nothing was pushed since. */
  terminated = false;
  override isTerminated(): boolean {
    return this.terminated;
  }
  override get fusedStream(): boolean {
    return true;
  }

  push(f: SimFuture): number {
    this.terminated = false;
    const node: Node = { fut: f, queued: true, woken: false, index: this.pushed++, set: this };
    this.nodes.add(node);
    this.ready.push(node);
    return node.index;
  }

  wakeChild(world: TaskHost, node: Node, resource: number): void {
    if (!this.nodes.has(node)) return;
    node.woken = true;
    if (node.queued) return;
    node.queued = true;
    this.ready.push(node);
    const w = this.parent;
    this.parent = null;
    w?.wake(world, resource);
  }

  /** `poll_next`, also returning the finished child's push index (for FuturesOrdered). */
  pollIndexed(
    cx: PollCx,
    owner: SimFuture,
  ): { index: number; out: Value } | typeof PENDING | typeof BLOCKED | null {
    let polled = 0;
    let yielded = 0;
    let len = this.nodes.size;
    let node: Node | undefined;
    if (this.resume) {
      ({ node, polled, yielded, len } = this.resume);
      this.resume = null;
    } else {
      if (!this.parent || !this.parent.willWake(cx.waker)) {
        this.parent?.drop(this.world);
        this.parent = cx.waker.clone(this.world);
      }
    }
    for (;;) {
      if (!node) {
        node = this.ready.shift();
        if (!node) {
          if (this.nodes.size > 0) return PENDING;
          this.terminated = true;
          return null;
        }
        if (!this.nodes.has(node)) {
          node = undefined;
          continue;
        }
        node.queued = false;
        node.woken = false;
      }
      const r = pollFut(this.world, owner, node.fut, { task: cx.task, waker: new ChildWaker(cx.task, node) });
      if (r === BLOCKED) {
        this.resume = { node, polled, yielded, len };
        return BLOCKED;
      }
      polled++;
      if (r === PENDING) {
        if (node.woken) yielded++;
        node = undefined;
        if (yielded >= 2 || polled === len) {
          cx.waker.wakeByRef(this.world, -1);
          return PENDING;
        }
        continue;
      }
      this.nodes.delete(node);
      node.fut.drop();
      return { index: node.index, out: r };
    }
  }

  pollNext(cx: PollCx, owner: SimFuture): PollOutcome {
    const r = this.pollIndexed(cx, owner);
    if (r === null) return NONE;
    if (r === PENDING || r === BLOCKED) return r;
    return some(r.out);
  }

  override sizeHint(): [number, number | null] {
    return [this.nodes.size, this.nodes.size];
  }

  override fmtDebug(): string {
    return 'FuturesUnordered { ... }';
  }

  clear(): void {
    for (const n of this.nodes) n.fut.drop();
    this.nodes.clear();
    this.ready.length = 0;
  }

  override dropValue(): void {
    this.clear();
    this.parent?.drop(this.world);
    this.parent = null;
  }
}

/**
 * `FuturesOrdered`: a FuturesUnordered whose outputs are handed out in push order; an output that finished
 * early waits in `queued` until its turn.
 */
export class FuturesOrderedStream extends SimStream {
  readonly set: FuturesUnorderedStream;
  private readonly queued = new Map<number, Value>();
  private nextOut = 0;

  constructor(world: World, interp: InterpCore, sp: Span) {
    super(world, interp, sp);
    this.set = new FuturesUnorderedStream(world, interp, sp);
  }

  typeName(): string {
    return 'FuturesOrdered';
  }

  get len(): number {
    return this.set.len + this.queued.size;
  }

  override isTerminated(): boolean {
    return this.set.isTerminated() && this.queued.size === 0;
  }
  override get fusedStream(): boolean {
    return true;
  }

  pollNext(cx: PollCx, owner: SimFuture): PollOutcome {
    const early = this.queued.get(this.nextOut);
    if (early !== undefined) {
      this.queued.delete(this.nextOut++);
      return some(early);
    }
    for (;;) {
      const r = this.set.pollIndexed(cx, owner);
      if (r === null) return NONE;
      if (r === PENDING || r === BLOCKED) return r;
      if (r.index === this.nextOut) {
        this.nextOut++;
        return some(r.out);
      }
      this.queued.set(r.index, r.out);
    }
  }

  override sizeHint(): [number, number | null] {
    return [this.len, this.len];
  }

  override fmtDebug(): string {
    return 'FuturesOrdered { ... }';
  }

  override dropValue(interp: InterpCore): void {
    this.set.dropValue();
    for (const v of this.queued.values()) interp.dropValue(v);
  }
}

/**
 * `buffer_unordered(n)` / `buffered(n)` (`stream/stream/buffer_unordered.rs`): first pulls futures from the
 * inner stream until n are in flight, then polls the set; ends when both are exhausted.
 */
export class BufferStream extends SimStream {
  private readonly queue: FuturesUnorderedStream | FuturesOrderedStream;
  private innerDone = false;

  constructor(
    world: World,
    interp: InterpCore,
    sp: Span,
    private readonly inner: SimStream,
    private readonly max: number,
    ordered: boolean,
  ) {
    super(world, interp, sp);
    this.queue = ordered
      ? new FuturesOrderedStream(world, interp, sp)
      : new FuturesUnorderedStream(world, interp, sp);
  }

  typeName(): string {
    return this.queue instanceof FuturesOrderedStream ? 'Buffered' : 'BufferUnordered';
  }

  private pushFut(f: SimFuture): void {
    if (this.queue instanceof FuturesOrderedStream) this.queue.set.push(f);
    else this.queue.push(f);
  }

  pollNext(cx: PollCx, owner: SimFuture): PollOutcome {
    while (!this.innerDone && this.queue.len < this.max) {
      const r = this.inner.pollNext(cx, owner);
      if (r === BLOCKED) return r;
      if (isSome(r)) this.pushFut(intoFuture(this.interp, r.values[0]!, this.span));
      else {
        if (isNone(r)) this.innerDone = true;
        break;
      }
    }
    const r = this.queue.pollNext(cx, owner);
    if (!isNone(r)) return r;
    return this.innerDone ? NONE : PENDING;
  }

  override dropValue(interp: InterpCore): void {
    this.inner.dropValue(interp);
    this.queue.dropValue(interp);
  }
}

function unorderedOf(v: Value): FuturesUnorderedStream | FuturesOrderedStream | null {
  return v instanceof FuturesUnorderedStream || v instanceof FuturesOrderedStream ? v : null;
}

/** `FuturesUnordered::new()`. */
defineFn(
  ['futures::stream::FuturesUnordered::new', 'futures::stream::futures_unordered::FuturesUnordered::new'],
  {
    pure: true,
    arity: 0,
    call: (ctx) => new FuturesUnorderedStream(ctx.world, ctx.interp, ctx.span),
  },
);
/** `FuturesOrdered::new()`. */
defineFn(['futures::stream::FuturesOrdered::new'], {
  pure: true,
  arity: 0,
  call: (ctx) => new FuturesOrderedStream(ctx.world, ctx.interp, ctx.span),
});
registerFromIter('FuturesUnordered', (cx, items) => {
  const s = new FuturesUnorderedStream(cx.world, cx, cx.site!);
  for (const v of items) s.push(intoFuture(cx, v, cx.site!));
  return s;
});
registerFromIter('FuturesOrdered', (cx, items) => {
  const s = new FuturesOrderedStream(cx.world, cx, cx.site!);
  for (const v of items) s.set.push(intoFuture(cx, v, cx.site!));
  return s;
});

const pushMethod = (
  ctx: Parameters<Parameters<typeof defineMethods>[1][string]>[0],
  self: Value,
  args: Value[],
) => {
  const s = unorderedOf(self)!;
  const f = intoFuture(ctx.interp, args[0]!, ctx.span);
  if (s instanceof FuturesOrderedStream) s.set.push(f);
  else s.push(f);
  return UNIT;
};

defineMethods(FuturesUnorderedStream, 'futures::stream::FuturesUnordered', {
  /** `push`: the child is queued to be polled on the next `poll_next`; nothing is polled now. */
  push: pushMethod,
  len: (_ctx, self) => (self as FuturesUnorderedStream).len,
  is_empty: (_ctx, self) => (self as FuturesUnorderedStream).len === 0,
  clear: (_ctx, self) => {
    (self as FuturesUnorderedStream).clear();
    return UNIT;
  },
});
defineMethods(FuturesOrderedStream, 'futures::stream::FuturesOrdered', {
  push: pushMethod,
  push_back: pushMethod,
  len: (_ctx, self) => (self as FuturesOrderedStream).len,
  is_empty: (_ctx, self) => (self as FuturesOrderedStream).len === 0,
});
