/** `std::sync::Arc`: shared ownership; the value is dropped with the last strong reference. */
import { debug, display } from '../../../format';
import { dropValue } from '../../../interp/drops';
import { defineFn, defineMethods, withPrefixes } from '../../../interp/registry';
import { deref, RObject, type Place, type Value } from '../../../values';
import { pure } from '../../support';

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
  fmtDebug(pretty: boolean): string {
    return debug(this.inner.value, pretty);
  }
  fmtDisplay(): string {
    return display(this.inner.value);
  }
}

const ARC = ['std::sync', 'alloc::sync'];
defineFn(withPrefixes('Arc::new', ARC), { pure, call: (_c, [v]) => new RArc({ value: v!, strong: 1 }) });
defineFn(withPrefixes('Arc::clone', ARC), { pure, call: (_c, [a]) => (deref(a!) as RArc).cloneValue() });
defineFn(withPrefixes('Arc::strong_count', ARC), {
  pure,
  call: (_c, [a]) => (deref(a!) as RArc).inner.strong,
});
defineFn(withPrefixes('Arc::ptr_eq', ARC), {
  pure,
  call: (_c, [a, b]) => (deref(a!) as RArc).inner === (deref(b!) as RArc).inner,
});
defineMethods(RArc, { clone: (_c, s) => (deref(s) as RArc).cloneValue() });
