/** Patterns: bindings, literals and ranges, tuples, slices, struct and tuple-struct patterns, `|` alternatives. */
import type { Lit, Pat } from '../ast';
import { CompileError, type Span } from '../diagnostics';
import { describe } from './cursor';
import { TypeParser } from './types';

/** `..` or `name @ ..` inside a slice or tuple pattern. */
export function isRestPat(p: Pat): boolean {
  return p.k === 'rest' || (p.k === 'bind' && p.sub?.k === 'rest');
}

export abstract class PatternParser extends TypeParser {
  parsePattern(): Pat {
    const start = this.peek().span;
    this.eat('|');
    const first = this.parsePatternNoAlt();
    if (!this.isPunct('|')) return first;
    const alts = [first];
    while (this.eat('|')) alts.push(this.parsePatternNoAlt());
    return { k: 'or', alts, span: this.from(start) };
  }

  protected parsePatternNoAlt(): Pat {
    return this.nested(this.peek().span, () => this.parsePatternInner());
  }

  private parsePatternInner(): Pat {
    const t = this.peek();
    const start = t.span;
    if (t.kind === 'punct') {
      if (t.text === '(') {
        this.next();
        const items: Pat[] = [];
        let trailing = false;
        while (!this.isPunct(')')) {
          items.push(this.parsePattern());
          trailing = false;
          if (!this.eat(',')) break;
          trailing = true;
        }
        this.expect(')');
        if (items.length === 1 && !trailing) return items[0]!;
        return { k: 'tuple', items, span: this.from(start) };
      }
      if (t.text === '&' || t.text === '&&') {
        this.next();
        this.eat('mut');
        const pat = this.parsePatternNoAlt();
        return { k: 'ref', pat, span: this.from(start) };
      }
      if (t.text === '..') {
        this.next();
        return { k: 'rest', span: start };
      }
      if (t.text === '..=') {
        // `..=hi`: a range pattern with no lower bound.
        this.next();
        const neg = this.eat('-');
        const n = this.next();
        if (n.kind !== 'int' && n.kind !== 'char' && n.kind !== 'byte' && n.kind !== 'float')
          throw new CompileError('expected the upper bound of a `..=` range pattern', n.span);
        const hi: Lit =
          n.kind === 'char'
            ? { t: 'char', v: n.value as string }
            : n.kind === 'float'
              ? { t: 'float', v: (neg ? -1 : 1) * (n.value as number), suffix: n.suffix ?? '' }
              : { t: 'int', v: negateIf(neg, n.value as number | bigint), suffix: n.suffix ?? '' };
        return { k: 'range', lo: null, hi, inclusive: true, span: this.from(start) };
      }
      if (t.text === '[') {
        this.next();
        const items: Pat[] = [];
        while (!this.isPunct(']')) {
          items.push(this.parsePattern());
          if (!this.eat(',')) break;
        }
        this.expect(']');
        if (items.filter(isRestPat).length > 1)
          throw new CompileError('`..` can only be used once per slice pattern', this.from(start));
        return { k: 'slice', items, span: this.from(start) };
      }
      if (t.text === '-') {
        this.next();
        const n = this.next();
        if (n.kind !== 'int' && n.kind !== 'float')
          throw new CompileError('expected a number after `-` in a pattern', n.span);
        const lit: Lit =
          n.kind === 'int'
            ? { t: 'int', v: -(n.value as number | bigint), suffix: n.suffix ?? '' }
            : { t: 'float', v: -(n.value as number), suffix: n.suffix ?? '' };
        return this.maybeRangePat(lit, start);
      }
    }
    if (
      t.kind === 'int' ||
      t.kind === 'char' ||
      t.kind === 'str' ||
      t.kind === 'byte' ||
      t.kind === 'float'
    ) {
      this.next();
      const lit: Lit =
        t.kind === 'int'
          ? { t: 'int', v: t.value as number | bigint, suffix: t.suffix ?? '' }
          : t.kind === 'byte'
            ? { t: 'int', v: t.value as number, suffix: 'u8' }
            : t.kind === 'float'
              ? { t: 'float', v: t.value as number, suffix: t.suffix ?? '' }
              : t.kind === 'char'
                ? { t: 'char', v: t.value as string }
                : { t: 'str', v: t.value as string };
      return this.maybeRangePat(lit, start);
    }
    if (t.kind === 'ident') {
      if (t.text === '_') {
        this.next();
        return { k: 'wild', span: start };
      }
      if (t.text === 'true' || t.text === 'false') {
        this.next();
        return { k: 'lit', value: { t: 'bool', v: t.text === 'true' }, span: start };
      }
      if (t.text === 'ref' || t.text === 'mut') {
        const byRef = this.eat('ref');
        const mut = this.eat('mut');
        const name = this.ident('a binding name');
        const sub = this.eat('@') ? this.parsePatternNoAlt() : null;
        return { k: 'bind', name: name.text, mut, byRef, sub, span: this.from(start), slot: -1 };
      }
      // A path: binding, unit variant/const, tuple-struct or struct pattern.
      const segs: string[] = [this.ident('a pattern').text];
      while (this.isPunct('::')) {
        this.next();
        segs.push(this.ident().text);
      }
      if (this.isPunct('(')) {
        this.next();
        const items: Pat[] = [];
        while (!this.isPunct(')')) {
          items.push(this.parsePattern());
          if (!this.eat(',')) break;
        }
        this.expect(')');
        return { k: 'tstruct', path: segs, items, span: this.from(start) };
      }
      if (this.isPunct('{')) {
        this.next();
        const fields: { name: string; pat: Pat }[] = [];
        let rest = false;
        while (!this.isPunct('}')) {
          if (this.eat('..')) {
            rest = true;
            break;
          }
          const isRef = this.eat('ref');
          const isMut = this.eat('mut');
          const f = this.ident('a field name');
          if (this.eat(':')) fields.push({ name: f.text, pat: this.parsePattern() });
          else
            fields.push({
              name: f.text,
              pat: { k: 'bind', name: f.text, mut: isMut, byRef: isRef, sub: null, span: f.span, slot: -1 },
            });
          if (!this.eat(',')) break;
        }
        this.expect('}');
        return { k: 'struct', path: segs, fields, rest, span: this.from(start) };
      }
      if (segs.length === 1 && /^[a-z_]/.test(segs[0]!)) {
        const sub = this.eat('@') ? this.parsePatternNoAlt() : null;
        return { k: 'bind', name: segs[0]!, mut: false, byRef: false, sub, span: this.from(start), slot: -1 };
      }
      return { k: 'path', path: segs, span: this.from(start) };
    }
    throw new CompileError(
      `expected a pattern, found ${describe(t)}`,
      t.kind === 'eof' ? this.endSpan : t.span,
    );
  }

  private maybeRangePat(lo: Lit, start: Span): Pat {
    if (this.isPunct('..=') || this.isPunct('...') || this.isPunct('..')) {
      const inclusive = this.next().text !== '..';
      const t = this.peek();
      let hi: Lit | null = null;
      if (
        t.kind === 'int' ||
        t.kind === 'char' ||
        t.kind === 'byte' ||
        (t.kind === 'punct' && t.text === '-')
      ) {
        const neg = this.eat('-');
        const n = this.next();
        hi =
          n.kind === 'char'
            ? { t: 'char', v: n.value as string }
            : { t: 'int', v: negateIf(neg, n.value as number | bigint), suffix: n.suffix ?? '' };
      }
      return { k: 'range', lo, hi, inclusive, span: this.from(start) };
    }
    return { k: 'lit', value: lo, span: start };
  }
}

/** `-n` of a literal that may be a bigint (beyond 2^53): `-9007199254740993` in a range pattern. */
function negateIf(neg: boolean, v: number | bigint): number | bigint {
  return neg ? -v : v;
}
