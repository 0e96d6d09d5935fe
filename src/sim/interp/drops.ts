/**
 * Dropping values. Containers drop their contents in order; user types with `impl Drop` run `drop(&mut self)`
 * first; runtime handles (channel ends, join handles, guards, futures) release what they hold. Every drop
 * of a resource is idempotent, so a value reachable twice is still released once.
 */
import { RRef, REnum, RObject, RStruct, RTuple, RVec, type Value } from '../values';
import { SimFuture } from '../future';
import { RClosure } from './callables';
import type { InterpCore } from './core';
import type { Gen } from '../poll';
import { isHeld } from '../memory';

/** Runtime objects with side effects on drop implement this. */
export interface Droppable {
  dropValue(interp: InterpCore): void;
}

function isDroppable(v: object): v is Droppable {
  return typeof (v as Partial<Droppable>).dropValue === 'function';
}

const droppedStructs = new WeakSet<RStruct>();

export function dropValue(interp: InterpCore, v: Value): void {
  if (typeof v !== 'object' || v instanceof RRef) return;
  // What the value held is free again (memory.ts); its contents are released as they are dropped below.
  if (isHeld(v)) interp.world.memory.release(v);
  if (v instanceof SimFuture) {
    v.drop();
    return;
  }
  if (v instanceof RVec) {
    if (v.items.some((x) => typeof x === 'object')) for (const x of v.items) dropValue(interp, x);
    return;
  }
  if (v instanceof RTuple) {
    for (const x of v.items) dropValue(interp, x);
    return;
  }
  if (v instanceof REnum) {
    for (const x of v.values) dropValue(interp, x);
    return;
  }
  if (v instanceof RStruct) {
    if (droppedStructs.has(v)) return;
    const found = interp.program.dropImpls.has(v.def.key ?? v.def.name)
      ? interp.traits.forValue(v, 'drop')
      : null;
    if (found?.k === 'fn') {
      droppedStructs.add(v);
      const item = found.fn;
      const r = interp.callFnItem(item, [], new RRef({ get: () => v, set: () => {} }, true)) as Gen<Value>;
      const step = r.next();
      if (!step.done) interp.unsupported('`Drop::drop` must not block or await');
    }
    for (const x of v.fields) dropValue(interp, x);
    return;
  }
  if (v instanceof RClosure) {
    if (v.dropped) return;
    v.dropped = true;
    for (const x of v.captured) if (x !== undefined) dropValue(interp, x);
    return;
  }
  if (v instanceof RObject && isDroppable(v)) v.dropValue(interp);
}
