/**
 * Blocks, statements and scopes: evaluating a block's statements, binding `let` patterns, dropping what a
 * scope still owns in reverse declaration order (in `finally`, so unwinding and cancellation drop like
 * Rust), statement temporaries, and constants.
 */
import { assert } from '../../base';
import type { Block, ConstItem, EnumItem, Expr, Pat, PathRes, Stmt } from '../../lang/ast';
import { STEP_COST_NS } from '../costs';
import type { Gen } from '../poll';
import { copyOut, deref, UNIT, type Place, type Value } from '../values';
import { cloneValue } from './clone';
import { InterpCore } from './core';
import { dropValue } from './drops';
import { Frame, isPlaceExpr } from './frame';
import { bind, matches } from './patterns';

export abstract class Scopes extends InterpCore {
  private constValues = new Map<ConstItem, Value>();

  dropValue(v: Value): void {
    dropValue(this, v);
  }

  /** Drops what a finished frame still owns (parameters and captures not moved out). */
  dropFrameSlots(f: Frame, from: number): void {
    for (let s = f.slots.length - 1; s >= from; s--) {
      if (f.owned[s]) {
        const v = f.slots[s]!;
        f.owned[s] = 0;
        f.slots[s] = undefined;
        dropValue(this, v);
      }
    }
  }

  *block(b: Block, f: Frame): Gen<Value> {
    const slots = b.scope!.slots;
    try {
      for (const s of b.stmts) {
        if (isSyncStmt(s)) {
          this.stmtSync(s, f);
        } else if (s.k === 'expr') {
          // An expression statement that may suspend (`sleep(d).await;`) runs here rather than in `stmt`'s
          // generator: one generator less to pass through on every resumption while it is suspended.
          this.world.machine.step(STEP_COST_NS);
          const mark = f.temps.length;
          try {
            const v = yield* this.ev(s.expr, f);
            if (!isPlaceExpr(s.expr) && typeof v === 'object') dropValue(this, v);
          } finally {
            this.dropTemps(f, mark);
          }
        } else {
          yield* this.stmt(s, f);
        }
      }
      if (!b.tail) return UNIT;
      return b.tail.sync ? this.evs(b.tail, f) : yield* this.ev(b.tail, f);
    } finally {
      this.dropScope(slots, f);
    }
  }

  blockSync(b: Block, f: Frame): Value {
    const g = this.block(b, f);
    const r = g.next();
    assert(r.done === true, 'synchronous block suspended');
    return r.value;
  }

  /** Drops, in reverse declaration order, what a scope's bindings still own. */
  dropScope(slots: number[], f: Frame): void {
    for (let i = slots.length - 1; i >= 0; i--) {
      const s = slots[i]!;
      if (f.owned[s]) {
        const v = f.slots[s]!;
        f.owned[s] = 0;
        f.slots[s] = undefined;
        dropValue(this, v);
      }
    }
  }

  private *stmt(s: Stmt, f: Frame): Gen<void> {
    this.world.machine.step(STEP_COST_NS);
    const mark = f.temps.length;
    try {
      switch (s.k) {
        case 'let': {
          if (s.init === null) return;
          if (s.pat.k !== 'bind' && s.pat.k !== 'wild' && isPlaceExpr(s.init)) {
            // `let (ref mut a, _) = pair;` destructures the place itself: `ref` bindings point into it
            // and only the parts bound by value move (or are copied) out.
            yield* this.letFromPlace(s, s.init, f);
            return;
          }
          const v = s.init.sync ? this.evs(s.init, f) : yield* this.ev(s.init, f);
          if (s.pat.k === 'wild') {
            // `let _ = expr;` drops a temporary at once; `let _ = place;` does not move the place.
            if (!isPlaceExpr(s.init)) dropValue(this, v);
            return;
          }
          if (!matches(s.pat, v, this.constLookup)) {
            if (s.else) {
              // (never a statement `isSyncStmt` takes: stmtSync has no `else` block to run)
              yield* this.block(s.else, f);
              this.unsupported(
                '`let ... else` block must diverge (return, break, continue or panic)',
                s.span,
              );
            }
            this.panic('refutable pattern in `let` did not match', s.span);
          }
          this.bindPattern(s.pat, v, null, f, !isPlaceExpr(s.init) || true);
          return;
        }
        case 'expr': {
          const v = s.expr.sync ? this.evs(s.expr, f) : yield* this.ev(s.expr, f);
          if (!isPlaceExpr(s.expr) && typeof v === 'object') dropValue(this, v);
          return;
        }
        case 'item':
        case 'empty':
          return;
      }
    } finally {
      this.dropTemps(f, mark);
    }
  }

  /**
   * `stmt` without a generator, for the statements `isSyncStmt` accepts (most statements of most bodies):
   * the same step, the same evaluation, binding and drops, in the same order.
   */
  private stmtSync(s: Stmt, f: Frame): void {
    this.world.machine.step(STEP_COST_NS);
    const mark = f.temps.length;
    try {
      if (s.k === 'let') {
        const init = s.init;
        if (init === null) return;
        const v = this.evs(init, f);
        if (s.pat.k === 'wild') {
          if (!isPlaceExpr(init)) dropValue(this, v);
          return;
        }
        if (!matches(s.pat, v, this.constLookup))
          this.panic('refutable pattern in `let` did not match', s.span);
        this.bindPattern(s.pat, v, null, f, true);
      } else if (s.k === 'expr') {
        const v = this.evs(s.expr, f);
        if (!isPlaceExpr(s.expr) && typeof v === 'object') dropValue(this, v);
      }
    } finally {
      this.dropTemps(f, mark);
    }
  }

  private *letFromPlace(s: Extract<Stmt, { k: 'let' }>, init: Expr, f: Frame): Gen<void> {
    const place = yield* this.place(init, f);
    const v = place.get();
    if (!matches(s.pat, v, this.constLookup)) {
      if (s.else) {
        yield* this.block(s.else, f);
        this.unsupported('`let ... else` block must diverge (return, break, continue or panic)', s.span);
      }
      this.panic('refutable pattern in `let` did not match', s.span);
    }
    const moved = bind(s.pat, v, place, f, 'move', this.constLookup);
    if (moved && init.k === 'path' && init.res?.kind === 'local')
      f.up(init.res.depth).owned[init.res.slot] = 0;
  }

  dropTemps(f: Frame, mark: number): void {
    while (f.temps.length > mark) dropValue(this, f.temps.pop()!);
  }

  /** Binds a pattern to an owned value (`let`, parameters, `for`, match arms on temporaries). */
  bindPattern(p: Pat, v: Value, place: Place | null, f: Frame, _owned: boolean): void {
    if (p.k === 'bind' && p.sub === null && !p.byRef) {
      f.bind(p.slot, v, true);
      return;
    }
    bind(p, v, place, f, 'move', this.constLookup);
  }

  readonly constLookup = (res: PathRes): Value | null =>
    res.kind === 'const' ? this.constValue(res.item) : null;

  /**
   * A `const` is evaluated once and each use gets its own copy (`let mut v = EMPTY; v.push(1)` must not
   * change the next use); a `static` is one place for the whole run (an `AtomicU64` counter).
   */
  constValue(c: ConstItem): Value {
    let v = this.constValues.get(c);
    if (v === undefined) {
      v = this.evalConst(c.value, c.name, null);
      this.constValues.set(c, v);
    }
    return c.static ? v : this.freshConst(v);
  }

  /** An associated const (`Color::ALL`, a trait's `const GREETING` with `Self` = `selfKey`). */
  assocConstValue(owner: object, value: Expr, selfKey: string): Value {
    let bySelf = this.assocConsts.get(owner);
    if (!bySelf) this.assocConsts.set(owner, (bySelf = new Map()));
    let v = bySelf.get(selfKey);
    if (v === undefined) {
      v = this.evalConst(value, 'const', selfKey);
      bySelf.set(selfKey, v);
    }
    return this.freshConst(v);
  }

  private readonly assocConsts = new Map<object, Map<string, Value>>();

  private readonly discriminants = new Map<EnumItem, number[]>();

  /** An enum variant's discriminant (`as` casts): written (`NotFound = 404`) or one more than the last. */
  discriminant(def: EnumItem, variant: string): number {
    let values = this.discriminants.get(def);
    if (!values) {
      values = [];
      let next = 0;
      for (const v of def.variants) {
        const d = v.disc ? deref(this.evalConst(v.disc, v.name, null)) : next;
        if (typeof d !== 'number') this.unsupported('an enum discriminant must be an integer', v.span);
        values.push(d);
        next = d + 1;
      }
      this.discriminants.set(def, values);
    }
    return values[def.variants.findIndex((v) => v.name === variant)]!;
  }

  private evalConst(value: Expr, name: string, selfKey: string | null): Value {
    const f = new Frame({ slotCount: 0, slotNames: [], captures: [], suspends: [], futureName: name }, null);
    f.selfKey = selfKey;
    return value.sync ? this.evs(value, f) : this.runSync(this.ev(value, f));
  }

  private freshConst(v: Value): Value {
    if (typeof v !== 'object') return v;
    return v.isCopy() ? copyOut(v) : cloneValue(this, v);
  }

  protected runSync(g: Gen<Value>): Value {
    const r = g.next();
    if (!r.done) this.unsupported('this constant cannot be evaluated at compile time');
    return r.value;
  }
}

/**
 * A statement that can neither suspend nor block and has no `let ... else` block, so `stmtSync` runs it:
 * an expression statement or a `let` whose initializer the resolver marked `sync` (and not the
 * destructuring of a place, which `letFromPlace` handles), an item or an empty statement.
 */
function isSyncStmt(s: Stmt): boolean {
  switch (s.k) {
    case 'expr':
      return s.expr.sync === true;
    case 'let':
      return (
        s.init === null ||
        (s.init.sync === true &&
          s.else === null &&
          (s.pat.k === 'bind' || s.pat.k === 'wild' || !isPlaceExpr(s.init)))
      );
    default:
      return true;
  }
}
