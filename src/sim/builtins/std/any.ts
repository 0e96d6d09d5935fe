/**
 * A panic's payload, `Box<dyn Any + Send>` (`JoinError::into_panic`, `std::thread::JoinHandle::join`'s
 * `Err`): a `&'static str` for `panic!("literal")` (std's `StaticStrPayload`) or a `String` for a formatted
 * message. `downcast_ref::<T>()` / `downcast::<T>()` / `is::<T>()` ask which one it is, so a program that
 * guesses the wrong type gets `None` / `Err`, as with real std.
 */
import type { Type } from '../../../lang/ast';
import { defineMethods, type CallCtx } from '../../interp/registry';
import {
  deref,
  errVal,
  NONE,
  okVal,
  RObject,
  RRef,
  RString,
  some,
  TempPlace,
  type Value,
} from '../../values';

export class RPanicPayload extends RObject {
  constructor(
    readonly message: string,
    /** `&'static str` (true) or `String` (false). */
    readonly isStr: boolean,
  ) {
    super();
  }
  typeName(): string {
    return 'Box<dyn Any + Send>';
  }
  /** `impl Debug for dyn Any + Send`. */
  fmtDebug(): string {
    return 'Any { .. }';
  }
  /** The payload as a value of its own type. */
  inner(): Value {
    return this.isStr ? this.message : new RString(this.message);
  }
}

/** Which payload type the turbofish names: `&str` / `&'static str`, `String`, or another type. */
function target(ctx: CallCtx, method: string): 'str' | 'String' | 'other' {
  const t: Type | undefined = ctx.generics[0];
  if (!t)
    return ctx.interp.unsupported(
      `\`${method}\` needs the type it checks for, as in \`${method}::<&str>()\` or \`${method}::<String>()\``,
      ctx.span,
    );
  if (t.k === 'ref' && t.ty.k === 'path' && t.ty.segs[t.ty.segs.length - 1] === 'str') return 'str';
  if (t.k === 'path' && t.segs[t.segs.length - 1] === 'String') return 'String';
  return 'other';
}

function matches(ctx: CallCtx, p: RPanicPayload, method: string): boolean {
  const t = target(ctx, method);
  return t === 'str' ? p.isStr : t === 'String' ? !p.isStr : false;
}

const payloadOf = (v: Value) => deref(v) as RPanicPayload;

defineMethods(RPanicPayload, 'std::any::Any', {
  /** `<dyn Any>::downcast_ref::<T>()`: `Some(&T)` if the payload is a `T`. */
  downcast_ref: (ctx, self) => {
    const p = payloadOf(self);
    return matches(ctx, p, 'downcast_ref') ? some(new RRef(new TempPlace(p.inner()), false)) : NONE;
  },
  downcast_mut: (ctx, self) => {
    const p = payloadOf(self);
    return matches(ctx, p, 'downcast_mut') ? some(new RRef(new TempPlace(p.inner()), true)) : NONE;
  },
  /** `Box<dyn Any>::downcast::<T>()`: `Ok(Box<T>)`, or `Err(self)` to try another type. */
  downcast: (ctx, self) => {
    const p = payloadOf(self);
    if (!matches(ctx, p, 'downcast')) return errVal(p);
    ctx.consume();
    return okVal(p.inner());
  },
  is: (ctx, self) => matches(ctx, payloadOf(self), 'is'),
});
