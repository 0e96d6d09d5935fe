/** `std::sync::Arc`: shared ownership; the value is dropped with the last strong reference. */
import { debug, display } from '../../../format';
import { dropValue } from '../../../interp/drops';
import { defineFn, defineMethods, withPrefixes, type CallCtx } from '../../../interp/registry';
import { deref, errVal, okVal, RObject, type Place, type Value } from '../../../values';
import { argOf, pure } from '../../support';

/** `Arc<T>`: shared ownership; the value is dropped with the last strong reference. */
export class RArc extends RObject {
  private gone = false;
  constructor(readonly inner: { value: Value; strong: number }) {
    super();
  }
  typeName(): string {
    return `Arc<${typeof this.inner.value === 'object' ? this.inner.value.typeName() : typeof this.inner.value}>`;
  }
  derefPlace(): Place {
    const inner = this.inner;
    return { get: () => inner.value, set: (v) => (inner.value = v) };
  }
  cloneValue(): Value {
    this.inner.strong++;
    return new RArc(this.inner);
  }
  dropValue(interp: { world: unknown }): void {
    if (this.gone) return;
    this.gone = true;
    if (--this.inner.strong === 0) dropValue(interp as never, this.inner.value);
  }
  /** The last strong reference gives its value away (`try_unwrap`): nothing is dropped. */
  moveOut(): Value {
    this.gone = true;
    this.inner.strong = 0;
    return this.inner.value;
  }
  fmtDebug(pretty: boolean): string {
    return debug(this.inner.value, pretty);
  }
  fmtDisplay(): string {
    return display(this.inner.value);
  }
}

const ARC = ['std::sync', 'alloc::sync'];
defineFn(withPrefixes('Arc::new', ARC), {
  pure,
  arity: 1,
  call: (_c, [v]) => new RArc({ value: v!, strong: 1 }),
});
const arcArg = (ctx: CallCtx, v: Value | undefined, fn: string) => argOf(ctx, v, RArc, fn, '`&Arc<_>`');
defineFn(withPrefixes('Arc::clone', ARC), {
  pure,
  arity: 1,
  call: (ctx, [a]) => arcArg(ctx, a, 'Arc::clone').cloneValue(),
});
defineFn(withPrefixes('Arc::strong_count', ARC), {
  pure,
  arity: 1,
  call: (ctx, [a]) => arcArg(ctx, a, 'Arc::strong_count').inner.strong,
});
defineFn(withPrefixes('Arc::ptr_eq', ARC), {
  pure,
  arity: 2,
  call: (ctx, [a, b]) => arcArg(ctx, a, 'Arc::ptr_eq').inner === arcArg(ctx, b, 'Arc::ptr_eq').inner,
});
defineMethods(RArc, 'std::sync::Arc', { clone: (_c, s) => (deref(s) as RArc).cloneValue() });
/** `Arc::try_unwrap`: the value if this is the only strong reference, else the Arc back. */
defineFn(withPrefixes('Arc::try_unwrap', ARC), {
  pure,
  arity: 1,
  call: (ctx, [a]) => {
    const arc = arcArg(ctx, a, 'Arc::try_unwrap');
    if (arc.inner.strong !== 1) return errVal(arc);
    return okVal(arc.moveOut());
  },
});
