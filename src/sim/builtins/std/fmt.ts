/**
 * `std::fmt::Formatter` as a program's `fmt(&self, f: &mut Formatter)` sees it (`core/src/fmt/mod.rs`):
 * `write_str`, `pad` (honours width, fill, alignment and precision), the flag getters, and the Debug
 * builders (`debug_struct`, `debug_tuple`, `debug_list`, `debug_set`, `debug_map` in `fmt/builders.rs`)
 * with `field`, `entry`, `entries`, `key`/`value` and `finish`.
 */
import { debugList, debugMap, debugStruct, debugTuple } from '../../format';
import { pad, RFormatter } from '../../formatter';
import { drain, intoIter } from '../../interp/iterate';
import { defineMethods, type CallCtx } from '../../interp/registry';
import { deref, NONE, okVal, RChar, RObject, RTuple, some, UNIT, type Value } from '../../values';
import { str } from '../support';

function fmtOf(ctx: CallCtx, v: Value): RFormatter {
  const f = deref(v);
  if (f instanceof RFormatter) return f;
  return ctx.interp.unsupported('expected a `Formatter`');
}

const OK = (): Value => okVal(UNIT);

defineMethods(RFormatter, 'std::fmt::Formatter', {
  /** `Formatter::write_str`: appended as is, no padding. */
  write_str: (ctx, self, [s]) => {
    fmtOf(ctx, self).buf += str(s!) ?? '';
    return OK();
  },
  write_char: (ctx, self, [c]) => {
    fmtOf(ctx, self).buf += (deref(c!) as RChar).c;
    return OK();
  },
  /** `Formatter::pad`: precision truncates, then width pads with the fill (left-aligned by default). */
  pad: (ctx, self, [s]) => {
    const f = fmtOf(ctx, self);
    f.buf += pad(str(s!) ?? '', f.opts);
    return OK();
  },
  width: (ctx, self) => {
    const w = fmtOf(ctx, self).opts.width;
    return w === null ? NONE : some(w);
  },
  precision: (ctx, self) => {
    const p = fmtOf(ctx, self).opts.precision;
    return p === null ? NONE : some(p);
  },
  fill: (ctx, self) => new RChar(fmtOf(ctx, self).opts.fill),
  alternate: (ctx, self) => fmtOf(ctx, self).opts.alt,
  sign_plus: (ctx, self) => fmtOf(ctx, self).opts.sign,
  sign_minus: () => false,
  sign_aware_zero_pad: (ctx, self) => fmtOf(ctx, self).opts.zero,
  debug_struct: (ctx, self, [name]) => new DebugBuilder('struct', str(name!) ?? '', fmtOf(ctx, self)),
  debug_tuple: (ctx, self, [name]) => new DebugBuilder('tuple', str(name!) ?? '', fmtOf(ctx, self)),
  debug_list: (ctx, self) => new DebugBuilder('list', '', fmtOf(ctx, self)),
  debug_set: (ctx, self) => new DebugBuilder('set', '', fmtOf(ctx, self)),
  debug_map: (ctx, self) => new DebugBuilder('map', '', fmtOf(ctx, self)),
});

/** `DebugStruct` / `DebugTuple` / `DebugList` / `DebugSet` / `DebugMap`: fields collected, written by `finish`. */
class DebugBuilder extends RObject {
  readonly names: string[] = [];
  readonly values: Value[] = [];
  readonly keys: Value[] = [];
  constructor(
    readonly kind: 'struct' | 'tuple' | 'list' | 'set' | 'map',
    readonly name: string,
    readonly f: RFormatter,
  ) {
    super();
  }
  typeName(): string {
    return `Debug${this.kind[0]!.toUpperCase()}${this.kind.slice(1)}`;
  }
  finish(nonExhaustive: boolean): Value {
    const o = this.f.opts;
    let text: string;
    switch (this.kind) {
      case 'struct':
        text = debugStruct(this.name, this.names, this.values, o, true, nonExhaustive);
        break;
      case 'tuple':
        text = debugTuple(this.name, this.values, o);
        break;
      case 'list':
        text = debugList('[', ']', this.values, o);
        break;
      case 'set':
        text = debugList('{', '}', this.values, o);
        break;
      case 'map':
        text = debugMap(
          this.keys.map((k, i) => [k, this.values[i]!] as const),
          o,
        );
        break;
    }
    this.f.buf += text;
    return OK();
  }
}

function builder(ctx: CallCtx, v: Value): DebugBuilder {
  const b = deref(v);
  if (b instanceof DebugBuilder) return b;
  return ctx.interp.unsupported('expected a Debug builder');
}

defineMethods(
  DebugBuilder,
  'std::fmt::DebugStruct / std::fmt::DebugTuple / std::fmt::DebugList / std::fmt::DebugMap / std::fmt::DebugSet',
  {
    field: (ctx, self, args) => {
      const b = builder(ctx, self);
      if (b.kind === 'struct') {
        b.names.push(str(args[0]!) ?? '');
        b.values.push(args[1]!);
      } else b.values.push(args[0]!);
      return self;
    },
    entry: (ctx, self, args) => {
      const b = builder(ctx, self);
      if (b.kind === 'map') {
        b.keys.push(args[0]!);
        b.values.push(args[1]!);
      } else b.values.push(args[0]!);
      return self;
    },
    key: (ctx, self, [k]) => {
      builder(ctx, self).keys.push(k!);
      return self;
    },
    value: (ctx, self, [v]) => {
      builder(ctx, self).values.push(v!);
      return self;
    },
    entries: function* (ctx, self, [items]) {
      const b = builder(ctx, self);
      for (const item of yield* drain(ctx.interp, intoIter(ctx.interp, items!, ctx.span))) {
        const x = deref(item);
        if (b.kind === 'map' && x instanceof RTuple) {
          b.keys.push(x.items[0]!);
          b.values.push(x.items[1]!);
        } else b.values.push(item);
      }
      return self;
    },
    finish: (ctx, self) => builder(ctx, self).finish(false),
    finish_non_exhaustive: (ctx, self) => builder(ctx, self).finish(true),
  },
);
