/**
 * Async expressions: `.await` (re-polling the awaitee on every poll of the enclosing future — the walk
 * down the future tree the trace shows), `select!`, `join!`, and closures and async blocks with their
 * captures.
 */
import type { Expr, FnInfo } from '../../lang/ast';
import type { Span } from '../../lang/diagnostics';
import { pollChild, type SimFuture } from '../future';
import { BLOCKED, PENDING, type Gen } from '../poll';
import { copyOut, isCopy, RRef, RStruct, RTuple, TempPlace, UNIT, type Value } from '../values';
import { AsyncFnFuture } from './async-future';
import { RClosure } from './callables';
import { JoinAllFuture, SelectFuture } from './combinators';
import { FuturesSelectFuture, SELECT_COMPLETE } from './futures-select';
import { ControlFlow } from './control';
import { Frame } from './frame';
import { intoFuture } from './into-future';
import { truthy } from './ops';
import { bind } from './patterns';

export abstract class Awaits extends ControlFlow {
  /**
   * `expr.await` (expressions.ts evaluates `expr` and makes it a future with `intoFuture`):
   * `loop { match fut.poll(cx) { Ready(v) => break v, Pending => yield } }`. The future is re-polled on
   * every poll of the enclosing future — that is the walk down the future tree the trace shows.
   */
  *awaitFuture(fut: SimFuture, suspend: number, sp: Span): Gen<Value> {
    let finished = false;
    let owner = this.currentPoll(sp).future;
    owner.child = fut;
    try {
      for (;;) {
        const { future, cx } = this.currentPoll(sp);
        owner = future;
        const r = pollChild(this.world, owner, fut, cx, sp.start);
        if (r === BLOCKED) {
          yield this.takeBlockRequest();
          continue;
        }
        if (r === PENDING) {
          owner.enterSuspend(suspend, sp);
          yield PENDING;
          continue;
        }
        finished = true;
        owner.child = null;
        owner.leaveSuspend(sp);
        return r;
      }
    } finally {
      if (!finished) {
        // The enclosing future was dropped while suspended here: the awaitee is dropped too.
        owner.child = null;
        fut.drop();
      } else {
        fut.drop();
      }
    }
  }

  protected *select(e: Extract<Expr, { k: 'select' }>, f: Frame): Gen<Value> {
    if (e.futures) return yield* this.futuresSelect(e, e.futures, f);
    // tokio's select!: evaluate every `if` precondition first, then every branch's future (also the
    // disabled ones, which are never polled), then race them.
    const enabled: boolean[] = [];
    for (const b of e.branches) {
      if (!b.guard) {
        enabled.push(true);
        continue;
      }
      const g = b.guard.sync ? this.evs(b.guard, f) : yield* this.ev(b.guard, f);
      enabled.push(truthy(g, (m) => this.panic(m, b.guard!.span)));
    }
    const futs: SimFuture[] = [];
    for (const b of e.branches) {
      const v = b.fut.sync ? this.evs(b.fut, f) : yield* this.ev(b.fut, f);
      futs.push(intoFuture(this, v, b.fut.span));
    }
    const sel = new SelectFuture(this.world, this, e, futs, enabled);
    const result = yield* this.awaitFuture(sel, e.suspend!, e.span);
    // result: RTuple(branch index, value) or the `else` marker.
    if (result === UNIT) {
      if (!e.else) this.panic('all branches are disabled and there is no else branch', e.span);
      return e.else.sync ? this.evs(e.else, f) : yield* this.ev(e.else, f);
    }
    const [idx, value] = (result as RTuple).items as [number, Value];
    const branch = e.branches[idx]!;
    const scope = branch.scope!;
    try {
      bind(branch.pat, value, null, f, 'move', this.constLookup);
      return branch.body.sync ? this.evs(branch.body, f) : yield* this.ev(branch.body, f);
    } finally {
      this.dropScope(scope.slots, f);
    }
  }

  /** `futures::select!` / `select_biased!` (futures-select.ts): branch futures in order, then race them. */
  private *futuresSelect(
    e: Extract<Expr, { k: 'select' }>,
    handlers: { complete: Expr | null; default: Expr | null },
    f: Frame,
  ): Gen<Value> {
    const futs: SimFuture[] = [];
    for (const b of e.branches) {
      const v = b.fut.sync ? this.evs(b.fut, f) : yield* this.ev(b.fut, f);
      futs.push(intoFuture(this, v, b.fut.span));
    }
    const result = yield* this.awaitFuture(new FuturesSelectFuture(this.world, e, futs), e.suspend!, e.span);
    const [idx, value] = (result as RTuple).items as [number, Value];
    if (idx < 0) {
      const body = idx === SELECT_COMPLETE ? handlers.complete! : handlers.default!;
      return body.sync ? this.evs(body, f) : yield* this.ev(body, f);
    }
    const branch = e.branches[idx]!;
    try {
      bind(branch.pat, value, null, f, 'move', this.constLookup);
      return branch.body.sync ? this.evs(branch.body, f) : yield* this.ev(branch.body, f);
    } finally {
      this.dropScope(branch.scope!.slots, f);
    }
  }

  protected *join(e: Extract<Expr, { k: 'join' }>, f: Frame): Gen<Value> {
    if (e.biased && this.world.profile === '1.24')
      this.unsupported(
        '`biased;` in `join!` does not exist in tokio 1.24 (it arrived in 1.46, tokio #7307)',
        e.span,
        'run with the latest profile, or remove `biased;`',
      );
    const futs: SimFuture[] = [];
    for (const x of e.futs) {
      const v = x.sync ? this.evs(x, f) : yield* this.ev(x, f);
      futs.push(intoFuture(this, v, x.span));
    }
    const j = new JoinAllFuture(this.world, this, futs, e.tryJoin, e.biased || e.inOrder === true);
    return yield* this.awaitFuture(j, e.suspend!, e.span);
  }

  protected makeClosure(e: Extract<Expr, { k: 'closure' }>, f: Frame): Value {
    const info = e.fn!;
    const captured: Value[] = [];
    for (const cap of info.captures) captured[cap.slot] = this.capture(cap, f);
    return new RClosure(e, f, captured);
  }

  protected makeAsyncBlock(e: Extract<Expr, { k: 'async' }>, f: Frame): Value {
    const info = e.fn!;
    const frame = new Frame(info, f);
    for (const cap of info.captures) frame.bind(cap.slot, this.capture(cap, f), true);
    return new AsyncFnFuture(this.world, this, info.futureName, e.block, frame, e.span.start, null);
  }

  /** Moves (or copies) a captured variable out of the creating frame into a closure / async block. */
  private capture(cap: FnInfo['captures'][number], f: Frame): Value {
    const fr = f.up(cap.from.depth);
    const v = fr.slots[cap.from.slot];
    if (v === undefined) this.unsupported(`\`${cap.name}\` is captured after it was moved`, this.site);
    if (cap.fields && readsOnlyCopyFields(v, cap.fields)) {
      // Edition 2021: the body captures just these Copy fields; the variable stays with its owner and
      // drops there. The body reads them through a reference (nothing it owns, nothing it drops).
      return new RRef(new TempPlace(v), false);
    }
    if (typeof v === 'object' && !v.isCopy()) fr.owned[cap.from.slot] = 0;
    return copyOut(v);
  }
}

/** Whether `v` is a struct or tuple whose named fields all exist and are Copy (and `v` itself is not). */
function readsOnlyCopyFields(v: Value, fields: readonly string[]): boolean {
  if (fields.length === 0 || typeof v !== 'object' || v.isCopy()) return false;
  if (v instanceof RStruct) {
    return fields.every((n) => {
      const i = v.fieldIndex(n);
      return i >= 0 && isCopy(v.fields[i]!);
    });
  }
  if (v instanceof RTuple) return fields.every((n) => /^\d+$/.test(n) && isCopy(v.items[Number(n)]!));
  return false;
}
