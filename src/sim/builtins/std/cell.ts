/**
 * `std::cell::{Cell, RefCell}` (core/src/cell.rs). A `RefCell` tracks its borrows at run time: `borrow()`
 * and `borrow_mut()` return guards (`Ref`, `RefMut`) that hold a borrow until they drop — at the end of
 * the statement for a temporary, at the end of the scope for a binding, or at `drop(guard)` — and a
 * conflicting borrow panics with std's message ("RefCell already borrowed"), or fails for `try_borrow*`.
 */
import { debug, display } from '../../format';
import { cloneValue } from '../../interp/clone';
import type { InterpCore } from '../../interp/core';
import { andThen, callFn } from '../../interp/iter-protocol';
import { equals } from '../../interp/ops';
import { defineFn, defineMethods, withPrefixes } from '../../interp/registry';
import { deref, errVal, okVal, RObject, RRef, typeNameOf, UNIT, type Place, type Value } from '../../values';
import type { World } from '../../world';
import { pure } from '../support';
import { emptyLike } from './default';

export class RRefCell extends RObject {
  /** Shared borrows outstanding, or -1 while mutably borrowed. */
  borrows = 0;
  constructor(public value: Value) {
    super();
  }
  typeName(): string {
    return `RefCell<${typeNameOf(this.value)}>`;
  }
  fmtDebug(pretty: boolean, indent = '', precision: number | null = null): string {
    const v = this.borrows < 0 ? '<borrowed>' : debug(this.value, pretty, precision, indent + '    ');
    if (!pretty) return `RefCell { value: ${v} }`;
    return `RefCell {\n${indent}    value: ${v},\n${indent}}`;
  }
  dropValue(interp: InterpCore): void {
    interp.dropValue(this.value);
  }
  cloneValue(world: World): Value {
    if (this.borrows < 0) return (world.interp as InterpCore).panic('RefCell already mutably borrowed');
    return new RRefCell(cloneValue(world.interp, this.value));
  }
  equals(other: unknown): boolean {
    return other instanceof RRefCell && equals(this.value, other.value);
  }
}

/** `Ref` / `RefMut`: derefs to the cell's value; dropping it ends the borrow. */
export class RBorrowGuard extends RObject {
  private released = false;
  constructor(
    readonly cell: RRefCell,
    readonly mut: boolean,
  ) {
    super();
  }
  typeName(): string {
    return this.mut ? 'RefMut' : 'Ref';
  }
  derefPlace(): Place {
    const c = this.cell;
    return { get: () => c.value, set: (v) => (c.value = v) };
  }
  dropValue(): void {
    if (this.released) return;
    this.released = true;
    this.cell.borrows = this.mut ? 0 : this.cell.borrows - 1;
  }
  fmtDebug(pretty: boolean, indent = '', precision: number | null = null): string {
    return debug(this.cell.value, pretty, precision, indent);
  }
  fmtDisplay(): string {
    return display(this.cell.value);
  }
}

/** `BorrowError` / `BorrowMutError`. */
class RBorrowError extends RObject {
  constructor(readonly mut: boolean) {
    super();
  }
  typeName(): string {
    return this.mut ? 'BorrowMutError' : 'BorrowError';
  }
  fmtDebug(): string {
    return this.typeName();
  }
  fmtDisplay(): string {
    return this.mut ? 'RefCell already borrowed' : 'RefCell already mutably borrowed';
  }
}

function borrow(cell: RRefCell, mut: boolean): RBorrowGuard | RBorrowError {
  if (mut ? cell.borrows !== 0 : cell.borrows < 0) return new RBorrowError(mut);
  cell.borrows = mut ? -1 : cell.borrows + 1;
  return new RBorrowGuard(cell, mut);
}

export class RCell extends RObject {
  constructor(public value: Value) {
    super();
  }
  typeName(): string {
    return `Cell<${typeNameOf(this.value)}>`;
  }
  fmtDebug(pretty: boolean, indent = '', precision: number | null = null): string {
    const v = debug(this.value, pretty, precision, indent + '    ');
    if (!pretty) return `Cell { value: ${v} }`;
    return `Cell {\n${indent}    value: ${v},\n${indent}}`;
  }
  dropValue(interp: InterpCore): void {
    interp.dropValue(this.value);
  }
  cloneValue(world: World): Value {
    return new RCell(cloneValue(world.interp, this.value));
  }
  equals(other: unknown): boolean {
    return other instanceof RCell && equals(this.value, other.value);
  }
}

const CELL = ['std::cell', 'core::cell'];
defineFn(withPrefixes('RefCell::new', CELL), { pure, call: (_c, [v]) => new RRefCell(v!) });
defineFn(withPrefixes('Cell::new', CELL), { pure, call: (_c, [v]) => new RCell(v!) });

const refCell = (v: Value) => deref(v) as RRefCell;
const cell = (v: Value) => deref(v) as RCell;

defineMethods(RRefCell, 'std::cell::RefCell', {
  borrow: (ctx, s) => {
    const g = borrow(refCell(s), false);
    return g instanceof RBorrowGuard ? g : ctx.interp.panic(g.fmtDisplay());
  },
  borrow_mut: (ctx, s) => {
    const g = borrow(refCell(s), true);
    return g instanceof RBorrowGuard ? g : ctx.interp.panic(g.fmtDisplay());
  },
  try_borrow: (_c, s) => {
    const g = borrow(refCell(s), false);
    return g instanceof RBorrowGuard ? okVal(g) : errVal(g);
  },
  try_borrow_mut: (_c, s) => {
    const g = borrow(refCell(s), true);
    return g instanceof RBorrowGuard ? okVal(g) : errVal(g);
  },
  into_inner: (ctx, s) => {
    ctx.consume();
    return refCell(s).value;
  },
  get_mut: (_c, s) => {
    const c = refCell(s);
    return new RRef({ get: () => c.value, set: (v) => (c.value = v) }, true);
  },
  replace: (ctx, s, [v]) => {
    const c = refCell(s);
    if (c.borrows !== 0) return ctx.interp.panic('RefCell already borrowed');
    const old = c.value;
    c.value = v!;
    return old;
  },
  replace_with: (ctx, s, [f]) => {
    const c = refCell(s);
    if (c.borrows !== 0) return ctx.interp.panic('RefCell already borrowed');
    c.borrows = -1;
    const place = new RRef({ get: () => c.value, set: (v) => (c.value = v) }, true);
    return andThen(callFn(ctx.interp, f!, [place]), (nv) => {
      c.borrows = 0;
      const old = c.value;
      c.value = nv;
      return old;
    });
  },
  take: (ctx, s) => {
    const c = refCell(s);
    if (c.borrows !== 0) return ctx.interp.panic('RefCell already borrowed');
    const old = c.value;
    c.value =
      emptyLike(old) ?? ctx.interp.unsupported('`RefCell::take` of this type is not supported by Pollscope');
    return old;
  },
  swap: (ctx, s, [o]) => {
    const a = refCell(s);
    const b = refCell(o!);
    if (a.borrows !== 0 || b.borrows !== 0) return ctx.interp.panic('RefCell already borrowed');
    [a.value, b.value] = [b.value, a.value];
    return UNIT;
  },
});

defineMethods(RCell, 'std::cell::Cell', {
  get: (_c, s) => cell(s).value,
  set: (ctx, s, [v]) => {
    const c = cell(s);
    const old = c.value;
    c.value = v!;
    ctx.interp.dropValue(old);
    return UNIT;
  },
  replace: (_c, s, [v]) => {
    const c = cell(s);
    const old = c.value;
    c.value = v!;
    return old;
  },
  take: (ctx, s) => {
    const c = cell(s);
    const old = c.value;
    c.value =
      emptyLike(old) ?? ctx.interp.unsupported('`Cell::take` of this type is not supported by Pollscope');
    return old;
  },
  swap: (_c, s, [o]) => {
    const a = cell(s);
    const b = cell(o!);
    [a.value, b.value] = [b.value, a.value];
    return UNIT;
  },
  into_inner: (ctx, s) => {
    ctx.consume();
    return cell(s).value;
  },
  get_mut: (_c, s) => {
    const c = cell(s);
    return new RRef({ get: () => c.value, set: (v) => (c.value = v) }, true);
  },
});
