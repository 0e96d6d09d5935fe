/**
 * `std::marker::PhantomData`: the zero-sized marker a program puts in a struct to name a type it does not
 * store (`struct Id<T> { raw: u32, _t: PhantomData<T> }`). Every `PhantomData` is equal to every other and
 * orders equal; it is `Copy` and `Default`. Its `{:?}` prints the type parameter's full name
 * (`PhantomData<my_crate::User>`), which the simulator does not keep (types are erased at run time): that is
 * refused rather than printed wrong.
 */
import { UnsupportedError } from '../../panic';
import { defineConst } from '../../interp/registry';
import { deref, RObject, type Value } from '../../values';
import { registerDefault } from './default';

export class RPhantomData extends RObject {
  typeName(): string {
    return 'PhantomData';
  }
  override isCopy(): boolean {
    return true;
  }
  /** `==` (`ops.ts equals` asks values it does not know). */
  equals(o: Value): boolean {
    return deref(o) instanceof RPhantomData;
  }
  /** `cmp` (`ops.ts compare` asks values it does not know): always `Equal`. */
  compareTo(o: Value): number | null {
    return deref(o) instanceof RPhantomData ? 0 : null;
  }
  fmtDebug(): string {
    throw new UnsupportedError(
      '`{:?}` of a `PhantomData` is not supported by Pollscope yet',
      null,
      'Rust prints its type parameter (`PhantomData<crate::Type>`), which the simulator does not keep',
    );
  }
}

export const PHANTOM_DATA = new RPhantomData();

defineConst(['PhantomData', 'std::marker::PhantomData', 'core::marker::PhantomData'], {
  value: () => PHANTOM_DATA,
});
registerDefault('PhantomData', () => PHANTOM_DATA);
