/**
 * `std::iter`'s free functions (core/src/iter/sources/*.rs): `once`, `repeat`, `repeat_n`, `repeat_with`,
 * `empty`, `from_fn`, `successors`, `zip`; and `FromIterator::from_iter` spelled on each collection
 * (`Vec::from_iter`, `HashSet::from_iter`, …). Endless sources charge the step budget per item like every
 * source, so `repeat(1).count()` stops as a limit.
 */
import type { Type } from '../../../../lang/ast';
import { cloneValue } from '../../../interp/clone';
import type { InterpCore } from '../../../interp/core';
import { callFn, charge, DONE, FnIter, RIter, andThen, type Pull } from '../../../interp/iter-protocol';
import { drain, intoIter } from '../../../interp/iterate';
import { ListIter } from '../../../interp/iter-sources';
import { defineFn } from '../../../interp/registry';
import { deref, type Value } from '../../../values';
import { optionPayload } from './adapters';
import { ZipIter } from './adapters-plain';
import { fromItems } from './collect';

const ITER = ['std::iter', 'core::iter', 'iter'];
const names = (n: string) => [`std::iter::${n}`, ...ITER.slice(1).map((p) => `${p}::${n}`)];

/** `repeat(x)`: clones of `x`, forever. */
class RepeatIter extends RIter {
  constructor(
    private readonly value: Value,
    private left: number | null,
  ) {
    super();
  }
  typeName(): string {
    return this.left === null ? 'Repeat' : 'RepeatN';
  }
  next(cx: InterpCore): Pull {
    if (this.left !== null) {
      if (this.left <= 0) return DONE;
      this.left--;
      charge(cx);
      // repeat_n hands out the original last.
      return this.left === 0 ? this.value : cloneValue(cx, this.value);
    }
    charge(cx);
    return cloneValue(cx, this.value);
  }
  override nextBack(cx: InterpCore): Pull {
    return this.next(cx);
  }
  override isDoubleEnded(): boolean {
    return true;
  }
  override exactLen(): number | null {
    return this.left;
  }
  override sizeHint(): [number, number | null] {
    return this.left === null ? [Number.MAX_SAFE_INTEGER, null] : [this.left, this.left];
  }
  override fork(cx: InterpCore): RIter {
    return new RepeatIter(cloneValue(cx, this.value), this.left);
  }
  override dropValue(interp: InterpCore): void {
    if (this.left !== 0) interp.dropValue(this.value);
  }
}

defineFn(names('once'), { pure: true, call: (_c, [v]) => new ListIter([v!], 'Once') });
defineFn(names('empty'), { pure: true, call: () => new ListIter([], 'Empty') });
defineFn(names('repeat'), { pure: true, call: (_c, [v]) => new RepeatIter(v!, null) });
defineFn(names('repeat_n'), {
  pure: true,
  call: (_c, [v, n]) => new RepeatIter(v!, Number(deref(n!) as number)),
});
defineFn(names('repeat_with'), {
  pure: true,
  call: (_c, [f]) =>
    new FnIter(
      'RepeatWith',
      (cx) => {
        charge(cx);
        return callFn(cx, f!, []);
      },
      [f!],
    ),
});

/** `from_fn(f)`: calls `f` until it returns `None`. */
defineFn(names('from_fn'), {
  pure: true,
  call: (_c, [f]) =>
    new FnIter(
      'FromFn',
      (cx) => {
        charge(cx);
        return andThen(callFn(cx, f!, []), (r) => optionPayload(cx, r, 'from_fn') ?? DONE);
      },
      [f!],
    ),
});

/** `successors(first, f)`: `first`, then `f(&prev)` until `None`. */
defineFn(names('successors'), {
  pure: true,
  call: (ctx, [first, f]) => {
    let nextItem: Value | null = optionPayload(ctx.interp, first!, 'successors');
    return new FnIter(
      'Successors',
      (cx) => {
        if (nextItem === null) return DONE;
        charge(cx);
        const item = nextItem;
        return andThen(callFn(cx, f!, [item]), (r) => {
          nextItem = optionPayload(cx, r, 'successors');
          return item;
        });
      },
      [f!],
    );
  },
});

defineFn(names('zip'), {
  pure: true,
  call: (ctx, [a, b]) => new ZipIter(intoIter(ctx.interp, a!), intoIter(ctx.interp, b!)),
});

/** `C::from_iter(iterable)`: the same as `iterable.into_iter().collect::<C>()`. */
function defineFromIter(type: string, paths: string[]): void {
  const ty: Type = { k: 'path', segs: [type], args: [], span: { start: 0, end: 0 } };
  defineFn(
    paths.map((p) => `${p}::from_iter`),
    {
      pure: false,
      call: (ctx, [src]) => {
        const cx = ctx.interp;
        const it = intoIter(cx, src!);
        return (function* () {
          const items = yield* drain(cx, it);
          return fromItems(cx, items, ctx.generics.length ? { ...ty, args: [...ctx.generics] } : ty);
        })();
      },
    },
  );
}
defineFromIter('Vec', ['Vec', 'std::vec::Vec']);
defineFromIter('String', ['String', 'std::string::String']);
for (const c of ['HashMap', 'HashSet', 'BTreeMap', 'BTreeSet', 'VecDeque', 'BinaryHeap'])
  defineFromIter(c, [c, `std::collections::${c}`]);
