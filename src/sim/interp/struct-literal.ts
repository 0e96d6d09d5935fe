/** A struct or struct-variant literal (`Point { x, ..base }`, `Command::Set { key, val }`): its value. */
import type { Expr, StructItem } from '../../lang/ast';
import { deref, REnum, RStruct, type Value } from '../values';
import type { InterpCore } from './core';

export function makeStruct(
  cx: InterpCore,
  e: Extract<Expr, { k: 'struct' }>,
  vals: Value[],
  base: Value | null,
): Value {
  const res = e.res!;
  if (res.kind === 'struct') {
    const def: StructItem = res.item;
    const fields: Value[] = new Array<Value>(def.fields.length);
    const b = base === null ? null : (deref(base) as RStruct);
    def.fields.forEach((fd, i) => {
      const k = e.fields.findIndex((x) => x.name === fd.name);
      if (k >= 0) fields[i] = vals[k]!;
      else if (b) fields[i] = b.fields[i]!;
      else cx.unsupported(`missing field \`${fd.name}\` in initializer of \`${def.name}\``, e.span);
    });
    return new RStruct(def, fields);
  }
  if (res.kind === 'variant') {
    const def = cx.program.enums.get(res.enumKey) ?? null;
    const v = def?.variants.find((x) => x.name === res.variant);
    const names = v?.named ?? e.fields.map((x) => x.name);
    const ordered = names.map((n) => vals[e.fields.findIndex((x) => x.name === n)]!);
    return new REnum(res.enumName, res.variant, ordered, names, def);
  }
  return cx.unsupported('unsupported struct literal', e.span);
}
