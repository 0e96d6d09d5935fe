/**
 * `future::select_all(iter)` (futures-util 0.3.21 `future/select_all.rs`): polls its futures in order each
 * poll; the first Ready wins and is `swap_remove`d, so the result is `(output, index, rest)` with the last
 * future moved into the winner's slot. An empty iterator panics, as in futures.
 */
import { SimFuture } from '../../future';
import { defineFn } from '../../interp/registry';
import { BLOCKED, PENDING, type PollOutcome } from '../../poll';
import type { PollCx } from '../../task';
import { RTuple, RVec } from '../../values';
import type { World } from '../../world';
import { futuresOf } from './future-combinators';
import { pollFut } from './stream';

class SelectAllFuture extends SimFuture {
  private resumeAt = 0;
  constructor(
    world: World,
    private readonly futs: SimFuture[],
    site: number,
  ) {
    super(world, 'SelectAll', site);
  }

  protected pollInner(cx: PollCx): PollOutcome {
    const from = this.resumeAt;
    this.resumeAt = 0;
    for (let i = from; i < this.futs.length; i++) {
      const r = pollFut(this.world, this, this.futs[i]!, cx);
      if (r === BLOCKED) {
        this.resumeAt = i;
        return BLOCKED;
      }
      if (r === PENDING) continue;
      this.futs[i]!.drop();
      const last = this.futs.pop()!;
      if (i < this.futs.length) this.futs[i] = last;
      return new RTuple([r, i, new RVec(this.futs.splice(0))]);
    }
    return PENDING;
  }

  protected override onDrop(): void {
    for (const f of this.futs.splice(0)) f.drop();
  }
}

defineFn(['futures::future::select_all'], {
  pure: false,
  arity: 1,
  call: (ctx, [v]) => {
    const futs = futuresOf(ctx, v!);
    if (futs.length === 0) return ctx.interp.panic('iterator provided to select_all was empty', ctx.span);
    return new SelectAllFuture(ctx.world, futs, ctx.span.start);
  },
});
