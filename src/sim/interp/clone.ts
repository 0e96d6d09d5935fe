/** Cloning values (`vec![x; n]`, builtins that hand out copies: broadcast receivers, `Vec::clone`). */
import { copyOut, REnum, RString, RStruct, RTuple, RVec, type Value } from '../values';
import { typeHooks } from '../type-hooks';
import type { Interpreter, World } from '../world';
import { slotsBytes } from '../memory';

/** `Clone::clone` for the values `vec![x; n]` copies. */
export function cloneValue(interp: Interpreter, v: Value): Value {
  const x = v;
  if (typeof x !== 'object') return x;
  const h = typeHooks(x);
  if (h?.clone) return h.clone(x);
  if (x.isCopy()) return copyOut(x);
  // A clone holds as much as its original: checked before it is made, charged once it exists.
  if (x instanceof RString) {
    interp.world.memory.reserve(x.ownBytes());
    const c = new RString(x.s);
    interp.world.memory.track(c);
    return c;
  }
  if (x instanceof RVec) {
    interp.world.memory.reserve(slotsBytes(x.items.length, x.items[0]));
    // Subclasses (VecDeque, BinaryHeap) stay what they are.
    const Ctor = x.constructor as new (items: Value[], array: boolean) => RVec;
    const c = new Ctor(
      x.items.map((i) => cloneValue(interp, i)),
      x.array,
    );
    interp.world.memory.track(c);
    return c;
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
  return interp.unsupported(`\`${x.typeName()}\` cannot be cloned`);
}
