/**
 * `futures::select!` and `select_biased!` (futures-macro 0.3.21 `select.rs`) as a future polled on the
 * current task, next to tokio's in combinators.ts. Each poll:
 *
 * - orders the branches: as written for `select_biased!`, shuffled for `select!` (futures'
 *   `async_await::shuffle`, a Fisher-Yates over the thread's RNG here);
 * - skips every branch whose future `is_terminated()` (`FusedFuture`), polls the others in that order, and
 *   the first Ready wins (its pattern is irrefutable: futures' macro matches it in an enum arm);
 * - with no branch left to poll, is Ready with the `complete =>` marker, or panics as futures does;
 * - with `default =>`, polls once with futures' no-op waker (`noop_waker_ref`) and is Ready with the
 *   default marker when nothing was ready: nothing waits, and no waker of this task was registered.
 *
 * Futures named by a path are polled in place through `&mut` (BorrowedFuture: dropping the select! does
 * not drop them, so a loser can be selected again or awaited later); any other future lives only for
 * the select!, which drops it when it finishes, before the handler runs (as the macro's inner block does).
 */
import type { Expr } from '../../lang/ast';
import { SimFuture, pollChild } from '../future';
import { NoopWaker } from '../noop-waker';
import { BLOCKED, PENDING, type PollOutcome } from '../poll';
import type { PollCx } from '../task';
import { RTuple, UNIT } from '../values';
import type { World } from '../world';

/** Branch indexes of the two markers a FuturesSelectFuture may return instead of a branch's output. */
export const SELECT_COMPLETE = -1;
export const SELECT_DEFAULT = -2;

export class FuturesSelectFuture extends SimFuture {
  /** Where a poll that blocked its thread resumes: the order, the position reached, whether any polled. */
  private resume: { order: number[]; i: number; anyPolled: boolean } | null = null;
  private noop: NoopWaker | null = null;

  constructor(
    world: World,
    private readonly node: Extract<Expr, { k: 'select' }>,
    private readonly futs: SimFuture[],
  ) {
    super(world, node.biased ? 'SelectBiased' : 'Select', node.span.start);
  }

  protected pollInner(cx: PollCx): PollOutcome {
    const n = this.futs.length;
    let order: number[];
    let i0 = 0;
    let anyPolled = false;
    if (this.resume) {
      ({ order, anyPolled } = this.resume);
      i0 = this.resume.i;
      this.resume = null;
    } else {
      order = Array.from({ length: n }, (_, k) => k);
      if (!this.node.biased) {
        // futures-util async_await/random.rs `shuffle`.
        const rng = this.world.machine.current.rng;
        for (let i = n - 1; i >= 1; i--) {
          const j = rng.nextN(i + 1);
          [order[i], order[j]] = [order[j]!, order[i]!];
        }
      }
    }
    const hasDefault = this.node.futures?.default != null;
    if (hasDefault) this.noop ??= new NoopWaker(cx.task, false);
    const pcx: PollCx = hasDefault ? { task: cx.task, waker: this.noop! } : cx;
    for (let i = i0; i < n; i++) {
      const idx = order[i]!;
      const fut = this.futs[idx]!;
      if (!fut.isResuming && fut.isTerminated()) continue;
      const r = pollChild(this.world, this, fut, pcx);
      if (r === BLOCKED) {
        this.resume = { order, i, anyPolled };
        return BLOCKED;
      }
      if (r === PENDING) {
        anyPolled = true;
        continue;
      }
      return new RTuple([idx, r]);
    }
    if (!anyPolled) {
      if (this.node.futures?.complete) return new RTuple([SELECT_COMPLETE, UNIT]);
      // futures-macro's message: a `\` line continuation, so no space after the comma.
      this.world.panic('all futures in select! were completed,but no `complete =>` handler was provided');
    }
    return hasDefault ? new RTuple([SELECT_DEFAULT, UNIT]) : PENDING;
  }

  protected override onDrop(): void {
    for (const f of this.futs) f.drop();
  }
}
