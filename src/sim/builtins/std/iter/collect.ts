/**
 * `FromIterator`: what `collect()` (and `partition`, `unzip`, `sum`) builds, chosen as rustc chooses it —
 * by the turbofish (`collect::<HashSet<_>>()`) or else the type the call's value is expected to have (a
 * `let` annotation, the fn's return type, a struct field, a parameter: lang/resolver/expected-types.ts).
 * Collections register their `from_iter` here by type name (`registerFromIter`); `Result<C, E>` and
 * `Option<C>` stop at the first `Err` / `None`, as core's `try_process` does.
 */
import type { Type } from '../../../../lang/ast';
import { display } from '../../../format';
import type { InterpCore } from '../../../interp/core';
import { DONE, pull, type RIter } from '../../../interp/iter-protocol';
import type { CallCtx } from '../../../interp/registry';
import type { Gen } from '../../../poll';
import { deref, errVal, NONE, okVal, REnum, RString, RVec, some, type Value } from '../../../values';

/** Builds a collection of type `ty` from its items. */
export type FromIter = (cx: InterpCore, items: Value[], ty: Type | null) => Value;

const targets = new Map<string, FromIter>();

/** Registers `impl FromIterator for <name>` (the type's last path segment: `HashMap`, `VecDeque`). */
export function registerFromIter(name: string, build: FromIter): void {
  targets.set(name, build);
}

registerFromIter('Vec', (_cx, items) => new RVec(items));
registerFromIter('Box', (_cx, items) => new RVec(items));
registerFromIter('String', (_cx, items) => new RString(items.map((x) => display(deref(x))).join('')));

/** The type a call's result is expected to have: its turbofish, else the resolver's expected type. */
export function expectedType(ctx: CallCtx): Type | null {
  const g = ctx.generics[0];
  if (g && g.k !== 'infer') return g;
  const node = ctx.node;
  if (node && node.k === 'method' && node.expectTy) return node.expectTy;
  return g ?? null;
}

/** The last path segment of a type (`std::collections::HashSet<_>` → `HashSet`), or null. */
export function typeHead(ty: Type | null): string | null {
  if (!ty) return null;
  if (ty.k === 'path') return ty.segs[ty.segs.length - 1]!;
  if (ty.k === 'ref') return typeHead(ty.ty);
  return null;
}

function typeArg(ty: Type | null, i: number): Type | null {
  return ty && ty.k === 'path' ? (ty.args[i] ?? null) : null;
}

/** Builds a `ty` from `items` (a Vec when the type is not known). */
export function fromItems(cx: InterpCore, items: Value[], ty: Type | null): Value {
  const head = typeHead(ty);
  if (head === null || head === '_') return new RVec(items);
  const build = targets.get(head);
  if (!build)
    return cx.unsupported(
      `collecting into \`${head}\` is not supported by Pollscope`,
      cx.site,
      'collect into a Vec, String, HashMap, HashSet, BTreeMap, BTreeSet, VecDeque, BinaryHeap, Result or Option',
    );
  return build(cx, items, ty);
}

/** `iter.collect::<ty>()`: drains `it` (stopping early for `Result` / `Option`) and builds the target. */
export function* collectInto(cx: InterpCore, it: RIter, ty: Type | null): Gen<Value> {
  const head = typeHead(ty);
  if (head === 'Result' || head === 'Option') {
    const inner = typeArg(ty, 0);
    const items: Value[] = [];
    for (;;) {
      const v = yield* pull(cx, it);
      if (v === DONE) break;
      const e = deref(v);
      if (!(e instanceof REnum) || (e.enumName !== 'Result' && e.enumName !== 'Option'))
        return cx.unsupported(`collecting into \`${head}\` needs items that are ${head}s`);
      if (e.variant === 'Err' || e.variant === 'None') {
        for (const x of items) cx.dropValue(x);
        return head === 'Result' ? errVal(e.values[0]!) : NONE;
      }
      items.push(e.values[0]!);
    }
    const c = fromItems(cx, items, inner);
    return head === 'Result' ? okVal(c) : some(c);
  }
  const items: Value[] = [];
  for (;;) {
    const v = yield* pull(cx, it);
    if (v === DONE) break;
    items.push(v);
  }
  return fromItems(cx, items, ty);
}

/** The i-th element type of a tuple type (`(Vec<_>, HashSet<_>)`), for `partition` and `unzip`. */
export function tupleItem(ty: Type | null, i: number): Type | null {
  return ty && ty.k === 'tuple' ? (ty.items[i] ?? null) : null;
}
