/** `bool`'s methods. (Integers: int.ts; floats: float.ts; parsing numbers: num-parse.ts.) */
import { display } from '../../format';
import { primitiveMethods, type MethodImpl } from '../../interp/registry';
import { deref, NONE, RString, some } from '../../values';

Object.assign(primitiveMethods.bool, {
  clone: (_c, s) => deref(s),
  to_string: (_c, s) => new RString(display(s)),
  then_some: (_c, s, [v]) => ((deref(s) as boolean) ? some(v!) : NONE),
} satisfies Record<string, MethodImpl>);
