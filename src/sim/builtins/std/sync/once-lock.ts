/**
 * `std::sync::OnceLock` (library/std/src/sync/once_lock.rs): a value set at most once, shared between
 * threads. `get_or_init(f)` runs `f` in the first caller; a thread that calls it while another initializes
 * blocks until the value is there. `set` hands the value back (`Err(v)`) if the cell is already full.
 */
import { debug } from '../../../format';
import type { InterpCore } from '../../../interp/core';
import { dropValue } from '../../../interp/drops';
import { defineFn, defineMethods, type CallCtx } from '../../../interp/registry';
import { WaitQueue } from '../../../machine';
import type { Gen } from '../../../poll';
import {
  deref,
  errVal,
  NONE,
  okVal,
  RObject,
  RRef,
  some,
  UNIT,
  type Place,
  type Value,
} from '../../../values';
import { callClosure, closureArg } from '../../support';

export class ROnceLock extends RObject {
  value: Value | undefined = undefined;
  initializing = false;
  readonly waiters = new WaitQueue();
  typeName(): string {
    return 'OnceLock';
  }
  /** `OnceLock(value)` or `OnceLock(<uninit>)`. */
  fmtDebug(pretty: boolean, indent = ''): string {
    if (this.value === undefined)
      return pretty ? `OnceLock(\n${indent}    <uninit>,\n${indent})` : 'OnceLock(<uninit>)';
    if (!pretty) return `OnceLock(${debug(this.value, false)})`;
    return `OnceLock(\n${indent}    ${debug(this.value, true, null, indent + '    ')},\n${indent})`;
  }
  dropValue(interp: InterpCore): void {
    if (this.value !== undefined) dropValue(interp, this.value);
  }
  place(): Place {
    return { get: () => this.value!, set: (v) => (this.value = v) };
  }
}

function cellOf(ctx: CallCtx, v: Value): ROnceLock {
  const c = deref(v);
  if (c instanceof ROnceLock) return c;
  return ctx.interp.unsupported('expected a std OnceLock', ctx.span);
}

function* getOrInit(ctx: CallCtx, c: ROnceLock, f: Value): Gen<Value> {
  const m = ctx.world.machine;
  while (c.value === undefined && c.initializing) {
    const what = 'OnceLock::get_or_init while another thread initializes it';
    m.emit('block', { until: -1, what, site: ctx.span.start });
    yield { kind: 'wait', queue: c.waiters, what };
    m.emit('unblock', {});
  }
  if (c.value === undefined) {
    c.initializing = true;
    try {
      c.value = yield* callClosure(ctx, f, []);
    } finally {
      // A panicking initializer leaves the cell empty: the next caller tries again.
      c.initializing = false;
      c.waiters.notifyAll(m);
    }
  }
  return new RRef(c.place(), false);
}

defineFn(['std::sync::OnceLock::new'], { pure: true, call: () => new ROnceLock() });

defineMethods(ROnceLock, 'std::sync::OnceLock', {
  get: (ctx, self) => {
    const c = cellOf(ctx, self);
    return c.value === undefined ? NONE : some(new RRef(c.place(), false));
  },
  get_mut: (ctx, self) => {
    const c = cellOf(ctx, self);
    return c.value === undefined ? NONE : some(new RRef(c.place(), true));
  },
  set: (ctx, self, [v]) => {
    const c = cellOf(ctx, self);
    if (c.value !== undefined || c.initializing) return errVal(v!);
    c.value = v!;
    return okVal(UNIT);
  },
  get_or_init: (ctx, self, [f]) =>
    getOrInit(ctx, cellOf(ctx, self), closureArg(ctx, f, 'OnceLock::get_or_init')),
  into_inner: (ctx, self) => {
    ctx.consume();
    const c = cellOf(ctx, self);
    return c.value === undefined ? NONE : some(c.value);
  },
  take: (ctx, self) => {
    const c = cellOf(ctx, self);
    const v = c.value;
    c.value = undefined;
    return v === undefined ? NONE : some(v);
  },
});
