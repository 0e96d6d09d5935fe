/**
 * `tokio::sync::OnceCell` (tokio 1.24 `sync/once_cell.rs`): a value set at most once, guarded by a
 * `Semaphore::new(1)`. `get_or_init(f)` returns the value if it is set; otherwise it acquires the permit
 * (FIFO), and the winner calls `f` and awaits its future while the others wait on the semaphore; setting the
 * value closes the semaphore, which wakes them to find it set. If the initializer is dropped or panics, the
 * permit goes back and the next waiter runs its own `f`.
 *
 * `set` fails with `SetError::AlreadyInitializedError(v)` or, while an initializer runs,
 * `SetError::InitializingError(v)`.
 */
import { debug } from '../../../format';
import { BLOCKED, PENDING, type PollOutcome } from '../../../poll';
import { pollChild, SimFuture } from '../../../future';
import type { InterpCore } from '../../../interp/core';
import { dropValue } from '../../../interp/drops';
import { intoFuture } from '../../../interp/into-future';
import { defineFn, defineMethods, type CallCtx } from '../../../interp/registry';
import type { PollCx } from '../../../task';
import {
  deref,
  errVal,
  NONE,
  okVal,
  REnum,
  RObject,
  RRef,
  some,
  UNIT,
  type Place,
  type Value,
} from '../../../values';
import type { World } from '../../../world';
import type { Span } from '../../../../lang/diagnostics';
import { ErrorValue } from '../../error-value';
import { AcquireFuture, BatchSemaphore, SemaphorePermit } from './semaphore';

export class ROnceCell extends RObject {
  sem: BatchSemaphore;
  value: Value | undefined = undefined;
  constructor(
    private readonly world: World,
    initial: Value | undefined,
    site: number,
  ) {
    super();
    this.sem = this.newSemaphore(world.newResource('oncecell', 'tokio::sync::OnceCell', site));
    if (initial !== undefined) this.setValue(initial);
  }
  private newSemaphore(resource: number): BatchSemaphore {
    const sem = new BatchSemaphore(this.world, 1, resource, (s) =>
      this.value !== undefined
        ? 'initialized'
        : s.permits === 0
          ? `initializing, ${s.waiting} waiting`
          : 'empty',
    );
    sem.state();
    return sem;
  }
  /** `take`: the cell is a fresh, empty one afterwards (`mem::take(self).into_inner()`). */
  take(): Value | undefined {
    const v = this.value;
    if (v === undefined) return undefined;
    this.value = undefined;
    this.sem = this.newSemaphore(this.sem.resource);
    return v;
  }
  typeName(): string {
    return 'OnceCell';
  }
  /** `impl Debug for OnceCell`: `OnceCell { value: Some(..) }` / `None` (a debug_struct). */
  fmtDebug(pretty: boolean, indent = ''): string {
    const opt = this.value === undefined ? NONE : some(this.value);
    if (!pretty) return `OnceCell { value: ${debug(opt, false)} }`;
    return `OnceCell {\n${indent}    value: ${debug(opt, true, null, indent + '    ')},\n${indent}}`;
  }
  dropValue(interp: InterpCore): void {
    if (this.value !== undefined) dropValue(interp, this.value);
  }
  place(): Place {
    return { get: () => this.value!, set: (v) => (this.value = v) };
  }
  ref(): Value {
    return new RRef(this.place(), false);
  }
  /** `set_value`: store, mark initialized, close the semaphore (waking every waiter). */
  setValue(v: Value): void {
    this.value = v;
    this.sem.close();
  }
}

/** `SetError<T>`: `AlreadyInitializedError(T)` / `InitializingError(T)`, Display is the variant's name. */
class SetError extends ErrorValue {}
const setError = (variant: 'AlreadyInitializedError' | 'InitializingError', v: Value) =>
  new SetError('SetError', variant, [v], variant);

defineMethods(SetError, 'tokio::sync::SetError', {
  is_already_init_err: (_ctx, self) => (deref(self) as SetError).variant === 'AlreadyInitializedError',
  is_initializing_err: (_ctx, self) => (deref(self) as SetError).variant === 'InitializingError',
});

/** `get_or_init` / `get_or_try_init`: acquire the permit, run the initializer, store what it returns. */
class GetOrInitFuture extends SimFuture {
  private acquire: AcquireFuture | null = null;
  private permit: SemaphorePermit | null = null;
  private init: SimFuture | null = null;

  constructor(
    world: World,
    private readonly interp: InterpCore,
    readonly cell: ROnceCell,
    private readonly f: Value,
    /** `get_or_try_init`: the initializer returns a `Result`; an `Err` is handed back and nothing is set. */
    private readonly fallible: boolean,
    private readonly span: Span,
  ) {
    super(world, fallible ? 'GetOrTryInit' : 'GetOrInit', span.start);
  }

  private output(): Value {
    return this.fallible ? okVal(this.cell.ref()) : this.cell.ref();
  }

  protected pollInner(cx: PollCx): PollOutcome {
    const c = this.cell;
    if (!this.init) {
      if (c.value !== undefined && !this.acquire) return this.output();
      if (!this.acquire) {
        this.acquire = new AcquireFuture(
          this.world,
          c.sem,
          1,
          'OnceCell init',
          this.span.start,
          (granted, holder) => (granted ? new SemaphorePermit(c.sem, 1, holder) : UNIT),
          () => 'a OnceCell being initialized by another task',
        );
      }
      this.child = this.acquire;
      const r = pollChild(this.world, this, this.acquire, cx);
      if (r === PENDING || r === BLOCKED) return r;
      this.child = null;
      this.acquire = null;
      // Closed: another task set the value while this one waited.
      if (!(r instanceof SemaphorePermit)) return this.output();
      this.permit = r;
      this.init = intoFuture(this.interp, this.callInit(), this.span);
    }
    this.child = this.init;
    const r = pollChild(this.world, this, this.init, cx);
    if (r === PENDING || r === BLOCKED) return r;
    this.child = null;
    this.init = null;
    const permit = this.permit!;
    this.permit = null;
    if (this.fallible) {
      const x = deref(r);
      if (x instanceof REnum && x.variant === 'Err') {
        dropValue(this.interp, permit);
        return r;
      }
      permit.forget();
      c.setValue(x instanceof REnum && x.variant === 'Ok' ? x.values[0]! : r);
      return this.output();
    }
    permit.forget();
    c.setValue(r);
    return this.output();
  }

  /** `f()`: a closure or fn returning a future. Runs user code, which may not block here. */
  private callInit(): Value {
    const r = this.interp.callValue(this.f, [], this.span);
    if (typeof r === 'object' && r !== null && 'next' in r && !(r instanceof RObject)) {
      const step = (r as Generator<unknown, Value>).next();
      if (!step.done)
        return this.interp.unsupported(
          'an initializer of `get_or_init` that blocks before returning its future',
          this.span,
        );
      return step.value;
    }
    return r as Value;
  }

  protected override onDrop(): void {
    this.acquire?.drop();
    this.init?.drop();
    if (this.permit) dropValue(this.interp, this.permit);
  }

  describeWait(): string {
    return this.init ? `the initializer of a OnceCell` : `a OnceCell being initialized by another task`;
  }
}

function cellOf(ctx: CallCtx, v: Value): ROnceCell {
  const c = deref(v);
  if (c instanceof ROnceCell) return c;
  return ctx.interp.unsupported('expected a tokio OnceCell', ctx.span);
}

defineFn(['tokio::sync::OnceCell::new', 'tokio::sync::OnceCell::const_new'], {
  pure: true,
  call: (ctx) => new ROnceCell(ctx.world, undefined, ctx.span.start),
});
defineFn(['tokio::sync::OnceCell::new_with'], {
  pure: true,
  call: (ctx, [v]) => {
    const x = deref(v!);
    const some = x instanceof REnum && x.variant === 'Some' ? x.values[0] : undefined;
    return new ROnceCell(ctx.world, some, ctx.span.start);
  },
});
defineFn(['tokio::sync::OnceCell::from'], {
  pure: true,
  call: (ctx, [v]) => new ROnceCell(ctx.world, v!, ctx.span.start),
});
defineFn(['tokio::sync::SetError::AlreadyInitializedError'], {
  pure: true,
  call: (_ctx, [v]) => setError('AlreadyInitializedError', v!),
});
defineFn(['tokio::sync::SetError::InitializingError'], {
  pure: true,
  call: (_ctx, [v]) => setError('InitializingError', v!),
});

defineMethods(ROnceCell, 'tokio::sync::OnceCell', {
  initialized: (ctx, self) => cellOf(ctx, self).value !== undefined,
  get: (ctx, self) => {
    const c = cellOf(ctx, self);
    return c.value === undefined ? NONE : some(c.ref());
  },
  get_mut: (ctx, self) => {
    const c = cellOf(ctx, self);
    return c.value === undefined ? NONE : some(new RRef(c.place(), true));
  },
  set: (ctx, self, [v]) => {
    const c = cellOf(ctx, self);
    if (c.value !== undefined) return errVal(setError('AlreadyInitializedError', v!));
    const r = c.sem.tryAcquire(1);
    if (r === 'closed') return errVal(setError('AlreadyInitializedError', v!));
    if (r === 'none') return errVal(setError('InitializingError', v!));
    c.setValue(v!);
    return okVal(UNIT);
  },
  get_or_init: (ctx, self, [f]) =>
    new GetOrInitFuture(ctx.world, ctx.interp, cellOf(ctx, self), f!, false, ctx.span),
  get_or_try_init: (ctx, self, [f]) =>
    new GetOrInitFuture(ctx.world, ctx.interp, cellOf(ctx, self), f!, true, ctx.span),
  into_inner: (ctx, self) => {
    ctx.consume();
    const c = cellOf(ctx, self);
    return c.value === undefined ? NONE : some(c.value);
  },
  take: (ctx, self) => {
    const v = cellOf(ctx, self).take();
    return v === undefined ? NONE : some(v);
  },
});
