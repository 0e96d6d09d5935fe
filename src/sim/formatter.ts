/**
 * Rust's `core::fmt` machinery that is not about numbers: the options a `{:..}` spec gives a `Formatter`
 * (fill, alignment, width, precision, `+`, `#`, `0`), `Formatter::pad` (what `str`'s Display and a program's
 * `f.pad(..)` do with them), the `PadAdapter` that indents nested `{:#?}` output, and the `Formatter` value a
 * program's `fmt(&self, f)` writes to.
 */
import type { FmtSpec } from '../lang/ast';
import { RObject } from './values';

export interface FmtOpts {
  fill: string;
  align: '<' | '>' | '^' | null;
  width: number | null;
  precision: number | null;
  /** `+` */
  sign: boolean;
  /** `0` */
  zero: boolean;
  /** `#` */
  alt: boolean;
  /** `{:x?}` / `{:X?}`: integers inside Debug output in hex. */
  debugHex: 'x' | 'X' | null;
}

export const DEFAULT_OPTS: FmtOpts = {
  fill: ' ',
  align: null,
  width: null,
  precision: null,
  sign: false,
  zero: false,
  alt: false,
  debugHex: null,
};

export function optsOf(spec: FmtSpec | null, width: number | null, precision: number | null): FmtOpts {
  if (!spec) return DEFAULT_OPTS;
  return {
    fill: spec.fill,
    align: spec.align,
    width,
    precision,
    sign: spec.sign,
    zero: spec.zero,
    alt: spec.alt || spec.pretty,
    debugHex: !spec.debug
      ? null
      : (spec.debugHex ?? (spec.radix === 'x' || spec.radix === 'X' ? spec.radix : null)),
  };
}

/** The `FmtSpec` a leaf value is formatted with, from a Formatter's options. */
export function specOf(o: FmtOpts, debug: boolean): FmtSpec {
  return {
    arg: 0,
    debug,
    pretty: debug && o.alt,
    width: o.width,
    precision: o.precision,
    fill: o.fill,
    align: o.align,
    sign: o.sign,
    zero: o.zero,
    alt: o.alt,
    radix: o.debugHex ?? '',
  };
}

/**
 * `Formatter::pad`: the precision truncates to that many chars, then the width pads with the fill,
 * aligned left unless the spec says otherwise.
 */
export function pad(s: string, o: FmtOpts): string {
  let text = s;
  if (o.precision !== null) {
    const chars = [...text];
    if (chars.length > o.precision) text = chars.slice(0, o.precision).join('');
  }
  return padded(text, o, '<');
}

/** Pads to the width with the fill (`Formatter::padding`), `dflt` when the spec gives no alignment. */
export function padded(s: string, o: FmtOpts, dflt: '<' | '>' | '^'): string {
  if (o.width === null) return s;
  const len = [...s].length;
  if (len >= o.width) return s;
  const n = o.width - len;
  const align = o.align ?? dflt;
  if (align === '<') return s + o.fill.repeat(n);
  if (align === '>') return o.fill.repeat(n) + s;
  const left = Math.floor(n / 2);
  return o.fill.repeat(left) + s + o.fill.repeat(n - left);
}

/** `PadAdapter`: what a nested value writes inside `{:#?}` output, indented four spaces per line. */
export function indented(s: string): string {
  let out = '';
  let onNewline = true;
  for (const piece of s.split(/(?<=\n)/)) {
    if (onNewline) out += '    ';
    onNewline = piece.endsWith('\n');
    out += piece;
  }
  return out;
}

/** `&mut fmt::Formatter`: what `write!(f, ..)`, `f.pad(..)`, `f.debug_struct(..)` write into. */
export class RFormatter extends RObject {
  buf = '';
  /** The options of the `{..}` being formatted; `alt` (`#`) makes the Debug builders print one field a line. */
  constructor(readonly opts: FmtOpts) {
    super();
  }
  typeName(): string {
    return 'Formatter';
  }
}
