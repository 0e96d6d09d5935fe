/**
 * Installs the program's impls of `Display`, `Debug`, `PartialEq`, `PartialOrd`, `Ord` and `Clone` as type
 * hooks (`../type-hooks.ts`), so formatting, comparisons and clones anywhere — `{}` and `to_string()`, `==`
 * and `assert_eq!`, `<` and `sort()`, a builtin cloning a `Vec` — run the program's own code.
 */
import type { FnItem } from '../../lang/ast';
import type { ImplRecord } from '../../lang/resolve';
import { RFormatter, type FmtOpts } from '../formatter';
import { setTypeHooks, type TypeHooks } from '../type-hooks';
import { deref, REnum, RRef, TempPlace, type Value } from '../values';
import type { InterpCore } from './core';

const HOOKED = new Set(['Display', 'Debug', 'PartialEq', 'PartialOrd', 'Ord', 'Clone']);

export function installTypeHooks(interp: InterpCore): void {
  const byDef = new Map<object, TypeHooks>();
  for (const r of interp.program.impls) {
    if (r.selfKey === null || r.trait !== null || r.traitKey === null || !HOOKED.has(r.traitKey)) continue;
    const def = interp.program.structs.get(r.selfKey) ?? interp.program.enums.get(r.selfKey);
    if (!def) continue;
    let h = byDef.get(def);
    if (!h) byDef.set(def, (h = {}));
    addHook(interp, h, r);
  }
  for (const [def, h] of byDef) setTypeHooks(def, h);
}

function addHook(interp: InterpCore, h: TypeHooks, r: ImplRecord): void {
  const key = r.selfKey!;
  const fn = (name: string): FnItem | undefined => r.item.fns.find((f) => f.name === name);
  const call = (f: FnItem, self: Value, args: Value[]) => interp.runUserSync(f, args, refTo(self), key);
  switch (r.traitKey) {
    case 'Display':
    case 'Debug': {
      const f = fn('fmt');
      if (!f) return;
      const run = (v: Value, o: FmtOpts): string => {
        const fmt = new RFormatter(o);
        const res = deref(call(f, v, [new RRef(new TempPlace(fmt), true)]));
        if (res instanceof REnum && res.variant === 'Err')
          interp.panic(`a ${r.traitKey} implementation returned an error unexpectedly: Error`);
        return fmt.buf;
      };
      if (r.traitKey === 'Display') h.display = run;
      else h.debug = (v, o) => run(v, o);
      return;
    }
    case 'PartialEq': {
      const f = fn('eq');
      if (f) h.eq = (a, b) => deref(call(f, a, [refTo(b)])) === true;
      return;
    }
    case 'PartialOrd': {
      const f = fn('partial_cmp');
      if (f)
        h.partialCmp = (a, b) => {
          const o = deref(call(f, a, [refTo(b)]));
          return o instanceof REnum && o.variant === 'Some' ? orderingNumber(o.values[0]!) : null;
        };
      return;
    }
    case 'Ord': {
      const f = fn('cmp');
      if (f) h.cmp = (a, b) => orderingNumber(call(f, a, [refTo(b)])) ?? 0;
      return;
    }
    case 'Clone': {
      const f = fn('clone');
      if (f) h.clone = (v) => call(f, v, []);
      return;
    }
  }
}

function refTo(v: Value): Value {
  return v instanceof RRef ? v : new RRef(new TempPlace(v), false);
}

function orderingNumber(v: Value): number | null {
  const o = deref(v);
  if (!(o instanceof REnum)) return null;
  return o.variant === 'Less' ? -1 : o.variant === 'Greater' ? 1 : o.variant === 'Equal' ? 0 : null;
}
