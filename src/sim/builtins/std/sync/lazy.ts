/**
 * `std::sync::LazyLock` and `std::cell::LazyCell` (Rust 1.80, library/std/src/sync/lazy_lock.rs,
 * core/src/cell/lazy.rs): a value built by its closure on first use. Every use goes through `Deref`
 * (`*X`, `X.len()`, `X["key"]`), which runs the closure once and keeps the value; `force(&x)` does the
 * same explicitly. Debug is `LazyLock(<uninit>)` until then, `LazyLock(value)` after.
 *
 * The closure runs inside the deref that needs it (a `static`'s first reader, whichever task that is). A
 * closure that would block its thread or wait there is refused: with no other thread initialising at the
 * same time in the subset, the once-only rule holds without a wait queue.
 */
import { debug } from '../../../format';
import { isGen, type InterpCore } from '../../../interp/core';
import { dropValue } from '../../../interp/drops';
import { defineFn, type CallCtx } from '../../../interp/registry';
import type { Span } from '../../../../lang/diagnostics';
import { deref, RObject, RRef, type Place, type Value } from '../../../values';
import { closureArg } from '../../support';

export class RLazy extends RObject {
  private value: Value | undefined = undefined;
  private readonly cell: Place = { get: () => this.force(), set: (v) => (this.value = v) };

  constructor(
    private readonly interp: InterpCore,
    private init: Value | null,
    private readonly span: Span,
    readonly kind: 'LazyLock' | 'LazyCell',
  ) {
    super();
  }

  typeName(): string {
    return this.kind;
  }

  /** The value, built now if this is the first use. */
  force(): Value {
    if (this.value !== undefined) return this.value;
    const f = this.init;
    if (f === null) return this.interp.panic(`${this.kind} instance has previously been poisoned`, this.span);
    // Taken before the call: a closure that panics leaves the cell poisoned, as in std.
    this.init = null;
    const r = this.interp.callValue(f, [], this.span);
    if (isGen(r)) {
      const s = r.next();
      if (!s.done)
        return this.interp.unsupported(
          `a ${this.kind} closure that blocks its thread or waits is not supported by Pollscope yet`,
          this.span,
        );
      this.value = s.value;
    } else this.value = r;
    return this.value;
  }

  /** `Deref` / `DerefMut`: auto-deref, `*x` and indexing reach the value through here. */
  derefPlace(): Place {
    return this.cell;
  }

  fmtDebug(pretty: boolean, indent = ''): string {
    if (this.value === undefined)
      return pretty ? `${this.kind}(\n${indent}    <uninit>,\n${indent})` : `${this.kind}(<uninit>)`;
    if (!pretty) return `${this.kind}(${debug(this.value, false)})`;
    return `${this.kind}(\n${indent}    ${debug(this.value, true, null, indent + '    ')},\n${indent})`;
  }

  dropValue(interp: InterpCore): void {
    if (this.value !== undefined) dropValue(interp, this.value);
  }
}

function lazyOf(ctx: CallCtx, v: Value | undefined): RLazy {
  const x = v === undefined ? undefined : deref(v);
  if (x instanceof RLazy) return x;
  return ctx.interp.unsupported('expected a `LazyLock` or `LazyCell`', ctx.span);
}

for (const [path, kind] of [
  ['std::sync::LazyLock', 'LazyLock'],
  ['std::cell::LazyCell', 'LazyCell'],
] as const) {
  defineFn([`${path}::new`], {
    pure: true,
    arity: 1,
    call: (ctx, [f]) => new RLazy(ctx.interp, closureArg(ctx, f, `${kind}::new`), ctx.span, kind),
  });
  /** `LazyLock::force(&x)`: the value by reference, built now if needed. */
  defineFn([`${path}::force`], {
    pure: false,
    arity: 1,
    call: (ctx, [x]) => {
      const l = lazyOf(ctx, x);
      l.force();
      return new RRef(l.derefPlace(), false);
    },
  });
}
