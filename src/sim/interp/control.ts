/**
 * Control flow: labeled blocks, `loop`, `while` / `while let`, `for`, `match` and the scrutinee rules
 * (matching a place does not move it; a binding that moves out of a local takes ownership).
 */
import type { Block, Expr, Pat } from '../../lang/ast';
import { STEP_COST_NS } from '../costs';
import type { Gen } from '../poll';
import { RRef, UNIT, type Place, type Value } from '../values';
import { Calls } from './calls';
import { dropValue } from './drops';
import type { Frame } from './frame';
import { isPlaceExpr } from './frame';
import { DONE, suspends } from './iter-protocol';
import { intoIter } from './iterate';
import { isHeld } from '../memory';
import { truthy } from './ops';
import { bind, matches } from './patterns';
import { BreakSignal, ContinueSignal } from './signals';

export abstract class ControlFlow extends Calls {
  protected *labeledBlock(b: Block, label: string | null, f: Frame): Gen<Value> {
    if (label === null) return yield* this.block(b, f);
    try {
      return yield* this.block(b, f);
    } catch (s) {
      if (s instanceof BreakSignal && s.label === label) return s.value;
      throw s;
    }
  }

  protected *loop(body: Block, label: string | null, f: Frame): Gen<Value> {
    for (;;) {
      this.world.machine.step(STEP_COST_NS);
      try {
        yield* this.block(body, f);
      } catch (s) {
        if (s instanceof BreakSignal && (s.label === null || s.label === label)) return s.value;
        if (s instanceof ContinueSignal && (s.label === null || s.label === label)) continue;
        throw s;
      }
    }
  }

  protected *whileLoop(e: Extract<Expr, { k: 'while' }>, f: Frame): Gen<Value> {
    const scope = e.scope!;
    for (;;) {
      this.world.machine.step(STEP_COST_NS);
      const mark = f.temps.length;
      try {
        const c = e.cond;
        if (c.k === 'let') {
          const { value, place, fromPlace } = yield* this.scrutinee(c.expr, f);
          if (!matches(c.pat, value, this.constLookup)) {
            if (!fromPlace && typeof value === 'object') dropValue(this, value);
            return UNIT;
          }
          this.bindScrutinee(c.pat, value, place, fromPlace, c.expr, f);
        } else {
          const cv = c.sync ? this.evs(c, f) : yield* this.ev(c, f);
          this.dropTemps(f, mark);
          if (!truthy(cv, (m) => this.panic(m, c.span))) return UNIT;
        }
        yield* this.block(e.body, f);
      } catch (s) {
        if (s instanceof BreakSignal && (s.label === null || s.label === e.label)) return s.value;
        if (!(s instanceof ContinueSignal && (s.label === null || s.label === e.label))) throw s;
      } finally {
        this.dropScope(scope.slots, f);
        this.dropTemps(f, mark);
      }
    }
  }

  protected *forLoop(e: Extract<Expr, { k: 'for' }>, f: Frame): Gen<Value> {
    const iterable = e.iter.sync ? this.evs(e.iter, f) : yield* this.ev(e.iter, f);
    const it = intoIter(this, iterable, e.iter.span);
    // The loop owns an iterator it was given by value (`for x in v`), and drops what is left of it.
    const owned = !(iterable instanceof RRef);
    const scope = e.scope!;
    try {
      for (;;) {
        // Every item costs a step: the iterator's sources charge theirs (iter-protocol.ts `charge`).
        let n = it.next(this);
        if (suspends(n)) n = yield* n;
        if (n === DONE) {
          // The pull that found the end costs a step too, as every loop test does.
          this.world.machine.step(STEP_COST_NS);
          return UNIT;
        }
        try {
          if (!matches(e.pat, n, this.constLookup))
            this.panic('refutable pattern in `for` did not match', e.pat.span);
          this.bindPattern(e.pat, n, null, f, true);
          yield* this.block(e.body, f);
        } catch (s) {
          if (s instanceof BreakSignal && (s.label === null || s.label === e.label)) return s.value;
          if (!(s instanceof ContinueSignal && (s.label === null || s.label === e.label))) throw s;
        } finally {
          this.dropScope(scope.slots, f);
        }
      }
    } finally {
      if (owned) dropValue(this, it);
      // A vector iterated by value is gone when the loop ends (its items were dropped one by one).
      if (owned && isHeld(iterable)) this.world.memory.release(iterable);
    }
  }

  /** Evaluates a match / if-let scrutinee: a place (no move) or a temporary value. */
  protected *scrutinee(e: Expr, f: Frame): Gen<{ value: Value; place: Place | null; fromPlace: boolean }> {
    if (isPlaceExpr(e)) {
      const p = yield* this.place(e, f);
      return { value: p.get(), place: p, fromPlace: true };
    }
    const v = e.sync ? this.evs(e, f) : yield* this.ev(e, f);
    return { value: v, place: null, fromPlace: false };
  }

  /** Binds a matched pattern; moving a non-Copy part out of a local means the local no longer owns it. */
  protected bindScrutinee(
    p: Pat,
    value: Value,
    place: Place | null,
    fromPlace: boolean,
    src: Expr,
    f: Frame,
  ): void {
    const moved = bind(p, value, place, f, 'move', this.constLookup);
    if (moved && fromPlace && src.k === 'path' && src.res?.kind === 'local') {
      const fr = f.up(src.res.depth);
      fr.owned[src.res.slot] = 0;
    }
    if (!fromPlace && !moved && typeof value === 'object' && !value.isCopy()) f.temps.push(value);
  }

  protected *match(e: Extract<Expr, { k: 'match' }>, f: Frame): Gen<Value> {
    const { value, place, fromPlace } = yield* this.scrutinee(e.scrutinee, f);
    for (const arm of e.arms) {
      if (!matches(arm.pat, value, this.constLookup)) continue;
      const scope = arm.scope!;
      try {
        if (arm.guard) {
          // Guards see by-reference bindings; bind, test, and unbind if the guard fails.
          bind(arm.pat, value, place, f, 'ref', this.constLookup);
          const g = arm.guard.sync ? this.evs(arm.guard, f) : yield* this.ev(arm.guard, f);
          if (!truthy(g, (m) => this.panic(m, arm.guard!.span))) {
            for (const s of scope.slots) {
              f.slots[s] = undefined;
              f.owned[s] = 0;
            }
            continue;
          }
        }
        this.bindScrutinee(arm.pat, value, place, fromPlace, e.scrutinee, f);
        return arm.body.sync ? this.evs(arm.body, f) : yield* this.ev(arm.body, f);
      } finally {
        this.dropScope(scope.slots, f);
      }
    }
    return this.panic('no match arm matched (non-exhaustive patterns)', e.span);
  }
}
