/**
 * Formatting and assertion macros: `println!` and friends, `format!`, `panic!` / `unreachable!` / `todo!`,
 * `assert!` / `assert_eq!` with Rust's messages, and `matches!`.
 */
import type { Expr, FmtPiece } from '../../lang/ast';
import { formatValue } from '../format';
import { LimitError } from '../machine';
import { deref, RString, UNIT, type Value } from '../values';
import { Awaits } from './awaits';
import type { Frame } from './frame';
import { equals, truthy } from './ops';
import { bind, matches } from './patterns';

/** The widest a single formatted value may be (a `{:>1$}` with a width of 1e9 would need gigabytes). */
const MAX_FORMATTED_CHARS = 10_000_000;

export abstract class Macros extends Awaits {
  /**
   * The text of a format string with its arguments. `exprs` are the argument expressions, for their numeric
   * kinds (`{:x}` of a negative `i8` is two's complement in 8 bits).
   */
  formatPieces(pieces: FmtPiece[], args: Value[], exprs: readonly Expr[] = [], site = -1): string {
    let out = '';
    for (const p of pieces) {
      if (typeof p === 'string') {
        out += p;
        continue;
      }
      const width =
        p.width === null ? null : typeof p.width === 'number' ? p.width : this.count(args[p.width.arg]!);
      const precision =
        p.precision === null
          ? null
          : typeof p.precision === 'number'
            ? p.precision
            : this.count(args[p.precision.arg]!);
      // Width and precision size the text: past the budget the run stops (Rust would build it).
      const size = Math.max(width ?? 0, precision ?? 0);
      if (size > MAX_FORMATTED_CHARS)
        throw new LimitError(
          `formatting a value ${size} characters wide is larger than Pollscope allows (${MAX_FORMATTED_CHARS})`,
          site,
        );
      out += formatValue(args[p.arg]!, p, width, precision, exprs[p.arg]?.nk ?? 0);
    }
    return out;
  }

  /** A `usize` width or precision argument (`{:1$}`, `{:.*}`). */
  private count(v: Value): number {
    const n = deref(v);
    return typeof n === 'number' ? n : typeof n === 'bigint' ? Number(n) : 0;
  }

  protected fmtMacro(e: Extract<Expr, { k: 'fmt' }>, args: Value[]): Value {
    const text = this.formatPieces(e.pieces, args, e.args, e.span.start);
    switch (e.macro) {
      case 'println':
        this.print('stdout', text + '\n', e.span.start);
        return UNIT;
      case 'print':
        this.print('stdout', text, e.span.start);
        return UNIT;
      case 'eprintln':
        this.print('stderr', text + '\n', e.span.start);
        return UNIT;
      case 'eprint':
        this.print('stderr', text, e.span.start);
        return UNIT;
      case 'format':
        return new RString(text);
      case 'panic':
        return this.panic(e.pieces.length ? text : 'explicit panic', e.span);
      case 'unreachable':
        return this.panic(
          e.pieces.length
            ? `internal error: entered unreachable code: ${text}`
            : 'internal error: entered unreachable code',
          e.span,
        );
      case 'todo':
        return this.panic(e.pieces.length ? `not yet implemented: ${text}` : 'not yet implemented', e.span);
      case 'unimplemented':
        return this.panic(e.pieces.length ? `not implemented: ${text}` : 'not implemented', e.span);
    }
  }

  protected assertMacro(e: Extract<Expr, { k: 'assert' }>, args: Value[], msg: Value | null): Value {
    const custom = msg === null ? null : (deref(msg) as RString).s;
    if (e.macro === 'assert' || e.macro === 'debug_assert') {
      if (!truthy(args[0]!, (m) => this.panic(m, e.span))) {
        const src = this.program.program.source.slice(e.args[0]!.span.start, e.args[0]!.span.end);
        this.panic(custom ?? `assertion failed: ${src}`, e.span);
      }
      return UNIT;
    }
    const eq = equals(args[0]!, args[1]!);
    const want = e.macro.endsWith('_eq');
    if (eq !== want) {
      const l = formatValue(
        args[0]!,
        {
          arg: 0,
          debug: true,
          pretty: false,
          width: null,
          precision: null,
          fill: ' ',
          align: null,
          sign: false,
          zero: false,
          alt: false,
          radix: '',
        },
        null,
        null,
      );
      const r = formatValue(
        args[1]!,
        {
          arg: 0,
          debug: true,
          pretty: false,
          width: null,
          precision: null,
          fill: ' ',
          align: null,
          sign: false,
          zero: false,
          alt: false,
          radix: '',
        },
        null,
        null,
      );
      const kind = want ? '==' : '!=';
      this.panic(
        `assertion \`left ${kind} right\` failed${custom ? `: ${custom}` : ''}\n  left: ${l}\n right: ${r}`,
        e.span,
      );
    }
    return UNIT;
  }

  protected matchesMacro(e: Extract<Expr, { k: 'matches' }>, v: Value, f: Frame): Value {
    if (!matches(e.pat, v, this.constLookup)) return false;
    if (!e.guard) return true;
    bind(e.pat, v, null, f, true, this.constLookup);
    try {
      return truthy(this.evs(e.guard, f), (m) => this.panic(m, e.span));
    } finally {
      for (const s of e.scope!.slots) {
        f.slots[s] = undefined;
        f.owned[s] = 0;
      }
    }
  }
}
