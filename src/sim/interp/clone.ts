/** Cloning values (`vec![x; n]`, builtins that hand out copies: broadcast receivers, `Vec::clone`). */
import { REnum, RString, RStruct, RTuple, RVec, type Value } from '../values';
import type { Interpreter, World } from '../world';

/** `Clone::clone` for the values `vec![x; n]` copies. */
export function cloneValue(interp: Interpreter, v: Value): Value {
  const x = v;
  if (typeof x !== 'object' || x.isCopy()) return x;
  if (x instanceof RString) return new RString(x.s);
  if (x instanceof RVec) {
    // Subclasses (VecDeque, BinaryHeap) stay what they are.
    const Ctor = x.constructor as new (items: Value[], array: boolean) => RVec;
    return new Ctor(
      x.items.map((i) => cloneValue(interp, i)),
      x.array,
    );
  }
  if (x instanceof RTuple) return new RTuple(x.items.map((i) => cloneValue(interp, i)));
  if (x instanceof REnum)
    return new REnum(
      x.enumName,
      x.variant,
      x.values.map((i) => cloneValue(interp, i)),
      x.names,
      x.def,
    );
  if (x instanceof RStruct)
    return new RStruct(
      x.def,
      x.fields.map((i) => cloneValue(interp, i)),
    );
  const c = (x as { cloneValue?: (w: World) => Value }).cloneValue;
  if (c) return c.call(x, interp.world);
  return interp.unsupported(`\`{x.typeName()}\` cannot be cloned`);
}
