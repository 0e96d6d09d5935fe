/** Literals: `1`, `2.5` (an `f32` when the type pass says so), `"s"`, `b"bytes"`, `true`, `'c'`. */
import type { Expr } from '../../lang/ast';
import { F32 as F32_KIND } from '../../lang/types/kinds';
import { F32, F64, RChar, RVec, type Value } from '../values';

export function literal(e: Extract<Expr, { k: 'lit' }>): Value {
  const l = e.value;
  switch (l.t) {
    case 'int':
      return l.v;
    case 'float':
      return e.nk === F32_KIND ? new F32(Math.fround(l.v)) : new F64(l.v);
    case 'str':
      return l.v;
    case 'bytestr':
      return new RVec(
        Array.from(l.v, (c) => c.charCodeAt(0)),
        true,
      );
    case 'bool':
      return l.v;
    case 'char':
      return new RChar(l.v);
  }
}
