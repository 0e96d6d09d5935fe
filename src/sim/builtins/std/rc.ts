/**
 * `std::rc::Rc` and `Weak` (alloc/src/rc.rs): one allocation with a strong and a weak count. The value
 * drops (running its `Drop`) when the last `Rc` goes; a `Weak` then no longer upgrades. Counts are what
 * `Rc::strong_count` / `Rc::weak_count` report, so programs can print them.
 */
import { debug, display } from '../../format';
import { cloneValue } from '../../interp/clone';
import type { InterpCore } from '../../interp/core';
import { equals } from '../../interp/ops';
import { defineFn, defineMethods } from '../../interp/registry';
import {
  deref,
  errVal,
  NONE,
  okVal,
  RObject,
  RRef,
  some,
  typeNameOf,
  type Place,
  type Value,
} from '../../values';
import { pure } from '../support';

/** The shared allocation. */
class RcBox {
  strong = 1;
  weak = 0;
  /** The value was dropped (strong reached 0) or moved out (`try_unwrap`). */
  gone = false;
  constructor(public value: Value) {}
}

export class RRc extends RObject {
  private released = false;
  constructor(readonly box: RcBox) {
    super();
  }
  typeName(): string {
    return `Rc<${typeNameOf(this.box.value)}>`;
  }
  derefPlace(): Place {
    const b = this.box;
    return { get: () => b.value, set: (v) => (b.value = v) };
  }
  cloneValue(): Value {
    this.box.strong++;
    return new RRc(this.box);
  }
  dropValue(interp: InterpCore): void {
    if (this.released) return;
    this.released = true;
    if (--this.box.strong === 0 && !this.box.gone) {
      this.box.gone = true;
      interp.dropValue(this.box.value);
    }
  }
  /** Gives up this handle without dropping the value (it was moved out). */
  forget(): void {
    this.released = true;
  }
  fmtDebug(pretty: boolean, indent = '', precision: number | null = null): string {
    return debug(this.box.value, pretty, precision, indent);
  }
  fmtDisplay(): string {
    return display(this.box.value);
  }
  equals(other: unknown): boolean {
    return other instanceof RRc && equals(this.box.value, other.box.value);
  }
}

export class RWeak extends RObject {
  private released = false;
  constructor(readonly box: RcBox | null) {
    super();
  }
  typeName(): string {
    return 'Weak';
  }
  cloneValue(): Value {
    if (this.box) this.box.weak++;
    return new RWeak(this.box);
  }
  dropValue(): void {
    if (this.released) return;
    this.released = true;
    if (this.box) this.box.weak--;
  }
  fmtDebug(): string {
    return '(Weak)';
  }
  upgrade(): Value {
    const b = this.box;
    if (!b || b.strong === 0 || b.gone) return NONE;
    b.strong++;
    return some(new RRc(b));
  }
}

function rcOf(cx: InterpCore, v: Value | undefined): RRc {
  let x = v === undefined ? undefined : v;
  while (x instanceof RRef) x = x.place.get();
  if (x instanceof RRc) return x;
  return cx.unsupported('expected an `Rc`');
}

const RC = (n: string) => [`Rc::${n}`, `std::rc::Rc::${n}`, `alloc::rc::Rc::${n}`];
const WEAK = (n: string) => [`Weak::${n}`, `std::rc::Weak::${n}`];

defineFn(RC('new'), { pure, call: (_c, [v]) => new RRc(new RcBox(v!)) });
defineFn(RC('clone'), { pure, call: (ctx, [r]) => rcOf(ctx.interp, r).cloneValue() });
defineFn(RC('strong_count'), { pure, call: (ctx, [r]) => rcOf(ctx.interp, r).box.strong });
defineFn(RC('weak_count'), { pure, call: (ctx, [r]) => rcOf(ctx.interp, r).box.weak });
defineFn(RC('downgrade'), {
  pure,
  call: (ctx, [r]) => {
    const rc = rcOf(ctx.interp, r);
    rc.box.weak++;
    return new RWeak(rc.box);
  },
});
defineFn(RC('ptr_eq'), { pure, call: (ctx, [a, b]) => rcOf(ctx.interp, a).box === rcOf(ctx.interp, b).box });
/** `Rc::try_unwrap`: the value if this is the only strong reference, else the `Rc` back. */
defineFn(RC('try_unwrap'), {
  pure,
  call: (ctx, [r]) => {
    const rc = rcOf(ctx.interp, r);
    if (rc.box.strong !== 1) return errVal(rc);
    rc.box.strong = 0;
    rc.box.gone = true;
    rc.forget();
    return okVal(rc.box.value);
  },
});
defineFn(RC('into_inner'), {
  pure,
  call: (ctx, [r]) => {
    const rc = rcOf(ctx.interp, r);
    if (rc.box.strong !== 1) {
      rc.dropValue(ctx.interp);
      return NONE;
    }
    rc.box.strong = 0;
    rc.box.gone = true;
    rc.forget();
    return some(rc.box.value);
  },
});
defineFn(RC('get_mut'), {
  pure,
  call: (ctx, [r]) => {
    const rc = rcOf(ctx.interp, r);
    return rc.box.strong === 1 && rc.box.weak === 0 ? some(new RRef(rc.derefPlace(), true)) : NONE;
  },
});
/** `Rc::make_mut`: clones the value first when it is shared. */
defineFn(RC('make_mut'), {
  pure,
  call: (ctx, [r]) => {
    const ref = r as RRef;
    const rc = rcOf(ctx.interp, r);
    if (rc.box.strong !== 1) {
      const fresh = new RRc(new RcBox(cloneValue(ctx.interp, rc.box.value)));
      rc.dropValue(ctx.interp);
      ref.place.set(fresh);
      return new RRef(fresh.derefPlace(), true);
    }
    return new RRef(rc.derefPlace(), true);
  },
});
defineFn(WEAK('new'), { pure, call: () => new RWeak(null) });

defineMethods(RRc, 'std::rc::Rc', { clone: (_c, s) => (deref(s) as RRc).cloneValue() });
defineMethods(RWeak, 'std::rc::Weak', {
  upgrade: (_c, s) => (deref(s) as RWeak).upgrade(),
  strong_count: (_c, s) => {
    const b = (deref(s) as RWeak).box;
    return b && !b.gone ? b.strong : 0;
  },
  weak_count: (_c, s) => {
    const b = (deref(s) as RWeak).box;
    return b && !b.gone && b.strong > 0 ? b.weak : 0;
  },
  clone: (_c, s) => (deref(s) as RWeak).cloneValue(),
});
