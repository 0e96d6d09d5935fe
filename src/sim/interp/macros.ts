/**
 * Formatting and assertion macros: `println!` and friends, `format!`, `panic!` / `unreachable!` / `todo!`,
 * `assert!` / `assert_eq!` with Rust's messages, and `matches!`.
 */
import type { Expr, FmtPiece } from '../../lang/ast';
import { MAX_FMT_COUNT } from '../../lang/parse/format-string';
import { formatValue } from '../format';
import { RFormatter } from '../formatter';
import { deref, okVal, RRef, RString, RVec, typeNameOf, UNIT, type Value } from '../values';
import { Awaits } from './awaits';
import type { Frame } from './frame';
import { equals, truthy } from './ops';
import { bind, matches } from './patterns';

export abstract class Macros extends Awaits {
  /**
   * The text of a format string with its arguments. `exprs` are the argument expressions, for their numeric
   * kinds (`{:x}` of a negative `i8` is two's complement in 8 bits).
   */
  formatPieces(pieces: FmtPiece[], args: Value[], exprs: readonly Expr[] = []): string {
    let out = '';
    for (const p of pieces) {
      if (typeof p === 'string') {
        out += p;
        continue;
      }
      const width =
        p.width === null ? null : typeof p.width === 'number' ? p.width : this.fmtCount(args[p.width.arg]!);
      const precision =
        p.precision === null
          ? null
          : typeof p.precision === 'number'
            ? p.precision
            : this.fmtCount(args[p.precision.arg]!);
      // A piece is checked against the memory budget before it is built when its width or precision could
      // make it big (65,535 characters, or as many per item of a vector).
      if (width !== null && width > 4096) this.world.memory.reserveString(out.length + width);
      if (precision !== null && precision > 4096) {
        const items = deref(args[p.arg]!);
        const n = items instanceof RVec ? Math.max(1, items.items.length) : 1;
        this.world.memory.reserveString(out.length + precision * n);
      }
      const piece = formatValue(args[p.arg]!, p, width, precision, exprs[p.arg]?.nk ?? 0);
      // Before the join: `format!("{}{}", s, s)` in a loop doubles until the memory limit stops it.
      if (out.length + piece.length > 4096) this.world.memory.reserveString(out.length + piece.length);
      out += piece;
    }
    return out;
  }

  /**
   * A width or precision taken from an argument (`{:>1$}`, `{:.prec$}`): core::fmt keeps them as `u16`, and
   * a larger value panics (library/core/src/fmt/rt.rs, Rust 1.87+).
   */
  private fmtCount(v: Value): number {
    const n = deref(v);
    const x = typeof n === 'bigint' ? Number(n) : n;
    if (typeof x !== 'number' || !Number.isInteger(x) || x < 0)
      return this.unsupported('a format width or precision must be a `usize`');
    if (x > MAX_FMT_COUNT) return this.panic('Formatting argument out of range');
    return x;
  }

  protected fmtMacro(e: Extract<Expr, { k: 'fmt' }>, args: Value[], dest: Value | null = null): Value {
    // Where a limit reached while formatting points (a width of 1e9, a string doubled past the budget).
    this.site = e.span;
    const text = this.formatPieces(e.pieces, args, e.args);
    switch (e.macro) {
      case 'write':
      case 'writeln':
        return this.writeTo(dest, e.macro === 'writeln' ? text + '\n' : text, e);
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
      case 'format': {
        const s = new RString(text);
        this.world.memory.track(s);
        return s;
      }
      case 'panic':
        // `panic!("literal")` panics with a `&'static str`, a formatted message with a `String`.
        if (e.pieces.every((p) => typeof p === 'string'))
          return this.panicStatic(e.pieces.length ? text : 'explicit panic', e.span);
        return this.panic(text, e.span);
      case 'unreachable':
        if (!e.pieces.length) return this.panicStatic('internal error: entered unreachable code', e.span);
        return this.panic(
          e.pieces.length
            ? `internal error: entered unreachable code: ${text}`
            : 'internal error: entered unreachable code',
          e.span,
        );
      case 'todo':
        if (!e.pieces.length) return this.panicStatic('not yet implemented', e.span);
        return this.panic(`not yet implemented: ${text}`, e.span);
      case 'unimplemented':
        if (!e.pieces.length) return this.panicStatic('not implemented', e.span);
        return this.panic(`not implemented: ${text}`, e.span);
    }
  }

  /**
   * `write!(dest, ..)`: into a `Formatter` (a program's `fmt`) or a `String` (`fmt::Write`); both return
   * `fmt::Result`, `Ok(())`.
   */
  private writeTo(dest: Value | null, text: string, e: Expr): Value {
    let d: Value | null = dest;
    for (let i = 0; i < 16 && d instanceof RRef; i++) d = d.place.get();
    if (d instanceof RFormatter) d.buf += text;
    else if (d instanceof RString) d.s += text;
    // `io::Write` destinations (a std `File`) take the text themselves and return `io::Result<()>`.
    else if (typeof d === 'object' && d !== null && 'writeText' in d)
      return (d as unknown as { writeText(t: string): Value }).writeText(text);
    else
      return this.unsupported(
        `\`write!\` to a value of type \`${d === null ? '?' : typeNameOf(d)}\` is not supported by Pollscope yet`,
        e.span,
        'write to a `fmt::Formatter` or a `String`, or build the text with `format!`',
      );
    return okVal(UNIT);
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
    bind(e.pat, v, null, f, 'ref', this.constLookup);
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
