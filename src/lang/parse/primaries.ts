/**
 * Primary expressions: literals, paths and struct literals, tuples and arrays, closures, blocks, `if`,
 * `match`, loops, `async` blocks.
 */
import type { Expr, MatchArm, Param, Type } from '../ast';
import { CompileError, type Span } from '../diagnostics';
import type { Token } from '../lexer';
import { describe } from './cursor';
import { OperatorParser } from './operators';
import { typeText } from './types';

export abstract class PrimaryParser extends OperatorParser {
  protected parsePrimary(): Expr {
    const t = this.peek();
    const start = t.span;
    switch (t.kind) {
      case 'int':
        this.next();
        return {
          k: 'lit',
          value: { t: 'int', v: t.value as number | bigint, suffix: t.suffix ?? '' },
          span: start,
        };
      case 'float':
        this.next();
        return { k: 'lit', value: { t: 'float', v: t.value as number, suffix: t.suffix ?? '' }, span: start };
      case 'str':
        this.next();
        return { k: 'lit', value: { t: 'str', v: t.value as string }, span: start };
      case 'bytestr':
        this.next();
        return { k: 'lit', value: { t: 'bytestr', v: t.value as string }, span: start };
      case 'char':
        this.next();
        return { k: 'lit', value: { t: 'char', v: t.value as string }, span: start };
      case 'byte':
        this.next();
        return { k: 'lit', value: { t: 'int', v: t.value as number, suffix: 'u8' }, span: start };
      case 'lifetime': {
        // A labelled loop or block: 'outer: loop { .. }
        this.next();
        this.expect(':');
        const label = t.text;
        const inner = this.nested(t.span, () => this.parsePrimary());
        if (inner.k === 'loop' || inner.k === 'while' || inner.k === 'for' || inner.k === 'block') {
          inner.label = label;
          return inner;
        }
        throw new CompileError('a label must be followed by a loop or a block', t.span);
      }
      case 'punct':
        return this.parsePunctPrimary(t);
      case 'ident':
        return this.parseIdentPrimary(t);
      case 'eof':
        throw new CompileError('expected an expression, found the end of the file', this.endSpan);
    }
  }

  private parsePunctPrimary(t: Token): Expr {
    const start = t.span;
    switch (t.text) {
      case '(': {
        this.next();
        const saved = this.noStruct;
        this.noStruct = false;
        const items: Expr[] = [];
        let trailingComma = false;
        while (!this.isPunct(')')) {
          items.push(this.parseExpr());
          trailingComma = false;
          if (!this.eat(',')) break;
          trailingComma = true;
        }
        this.expect(')');
        this.noStruct = saved;
        if (items.length === 1 && !trailingComma) return { ...items[0]!, span: this.from(start) } as Expr;
        return { k: 'tuple', items, span: this.from(start) };
      }
      case '[':
        return this.parseArrayBody(false);
      case '{':
        return { k: 'block', block: this.parseBlock(), label: null, span: this.from(start) };
      case '|':
      case '||':
        return this.parseClosure(false);
      case '<':
      case '::':
        return this.parsePathExpr();
      default:
        throw new CompileError(`expected an expression, found ${describe(t)}`, t.span);
    }
  }

  protected parseArrayBody(vec: boolean): Expr {
    const start = this.peek().span;
    this.expect('[');
    const saved = this.noStruct;
    this.noStruct = false;
    const items: Expr[] = [];
    if (!this.isPunct(']')) {
      const first = this.parseExpr();
      if (this.eat(';')) {
        const count = this.parseExpr();
        this.expect(']');
        this.noStruct = saved;
        return { k: 'repeat', value: first, count, vec, span: this.from(start) };
      }
      items.push(first);
      while (this.eat(',')) {
        if (this.isPunct(']')) break;
        items.push(this.parseExpr());
      }
    }
    this.expect(']', '`]` or `,` in the list');
    this.noStruct = saved;
    return { k: 'array', items, vec, span: this.from(start) };
  }

  private parseClosure(isMove: boolean): Expr {
    const start = this.peek().span;
    const params: Param[] = [];
    if (this.eat('||')) {
      // no parameters
    } else {
      this.expect('|');
      while (!this.isPunct('|')) {
        const pstart = this.peek().span;
        const pat = this.parsePatternNoAlt();
        let ty: Type | null = null;
        if (this.eat(':')) ty = this.parseType();
        params.push({ pat, ty, span: this.from(pstart) });
        if (!this.eat(',')) break;
      }
      this.expect('|');
    }
    let body: Expr;
    if (this.eat('->')) {
      this.parseType();
      body = { k: 'block', block: this.parseBlock(), label: null, span: this.from(start) };
    } else {
      body = this.parseExpr();
    }
    return { k: 'closure', params, body, move: isMove, span: this.from(start) };
  }

  private parseIdentPrimary(t: Token): Expr {
    const start = t.span;
    switch (t.text) {
      case 'true':
      case 'false':
        this.next();
        return { k: 'lit', value: { t: 'bool', v: t.text === 'true' }, span: start };
      case 'if':
        return this.parseIf();
      case 'match':
        return this.parseMatch();
      case 'loop': {
        this.next();
        const body = this.parseBlock();
        return { k: 'loop', body, label: null, span: this.from(start) };
      }
      case 'while': {
        this.next();
        const cond = this.parseCond();
        const body = this.parseBlock();
        return { k: 'while', cond, body, label: null, span: this.from(start) };
      }
      case 'for': {
        this.next();
        const pat = this.parsePattern();
        this.expect('in');
        const iter = this.parseExprNoStruct();
        const body = this.parseBlock();
        return { k: 'for', pat, iter, body, label: null, span: this.from(start) };
      }
      case 'unsafe':
        return { k: 'block', block: this.parseBlock(), label: null, span: this.from(start) };
      case 'break': {
        this.next();
        const label = this.peek().kind === 'lifetime' ? this.next().text : null;
        const value =
          this.startsExpr() &&
          !this.isPunct('}') &&
          !this.isPunct(')') &&
          !this.isPunct(',') &&
          !this.isPunct(';')
            ? this.parseExpr()
            : null;
        return { k: 'break', label, value, span: this.from(start) };
      }
      case 'continue': {
        this.next();
        const label = this.peek().kind === 'lifetime' ? this.next().text : null;
        return { k: 'continue', label, span: this.from(start) };
      }
      case 'return': {
        this.next();
        const value =
          this.startsExpr() &&
          !this.isPunct('}') &&
          !this.isPunct(')') &&
          !this.isPunct(',') &&
          !this.isPunct(';')
            ? this.parseExpr()
            : null;
        return { k: 'return', value, span: this.from(start) };
      }
      case 'move':
        this.next();
        if (this.is('async'))
          this.unsupported('`move async` is not valid Rust', this.peek().span, 'write `async move { .. }`');
        return this.parseClosure(true);
      case 'async': {
        this.next();
        const isMove = this.eat('move');
        if (this.isPunct('|') || this.isPunct('||'))
          this.unsupported(
            'async closures are not supported by Pollscope',
            start,
            'use a closure that returns an `async move { .. }` block',
          );
        const block = this.parseBlock();
        return { k: 'async', block, move: isMove, span: this.from(start) };
      }
      case 'let':
        throw new CompileError('`let` is only allowed as a statement or in `if let` / `while let`', start);
      case 'yield':
        this.unsupported('`yield` is not supported', start);
    }
    return this.parsePathExpr();
  }

  private parseIf(): Expr {
    const start = this.next().span;
    const cond = this.parseCond();
    const then = this.parseBlock();
    let elseExpr: Expr | null = null;
    if (this.eat('else')) {
      if (this.is('if')) elseExpr = this.nested(this.peek().span, () => this.parseIf());
      else {
        const bstart = this.peek().span;
        elseExpr = { k: 'block', block: this.parseBlock(), label: null, span: this.from(bstart) };
      }
    }
    return { k: 'if', cond, then, else: elseExpr, span: this.from(start) };
  }

  /** An `if`/`while` condition: an expression or `let PAT = EXPR`. */
  private parseCond(): Expr {
    const start = this.peek().span;
    if (this.eat('let')) {
      const pat = this.parsePattern();
      this.expect('=');
      const saved = this.noStruct;
      this.noStruct = true;
      // `let` conditions bind looser than `&&` chains, which Rust 2021 does not allow anyway.
      const expr = this.parseBinary(5);
      this.noStruct = saved;
      if (this.isPunct('&&'))
        this.unsupported(
          '`let` chains (`if let .. && ..`) are not supported',
          this.peek().span,
          'nest an `if` inside the `if let`',
        );
      return { k: 'let', pat, expr, span: this.from(start) };
    }
    return this.parseExprNoStruct();
  }

  private parseMatch(): Expr {
    const start = this.next().span;
    const scrutinee = this.parseExprNoStruct();
    this.expect('{');
    const arms: MatchArm[] = [];
    while (!this.isPunct('}')) {
      this.parseAttrs();
      const astart = this.peek().span;
      const pat = this.parsePattern();
      const guard = this.eat('if') ? this.parseExpr() : null;
      this.expect('=>', '`=>` after the match pattern');
      const body = this.parseExprStmtLike();
      const needsComma = !this.endsStatement(body);
      arms.push({ pat, guard, body, span: this.from(astart) });
      if (!this.eat(',') && needsComma && !this.isPunct('}'))
        throw new CompileError(
          `expected \`,\` after this match arm, found ${describe(this.peek())}`,
          this.peek().span,
        );
    }
    this.expect('}');
    return { k: 'match', scrutinee, arms, span: this.from(start) };
  }

  /** A match-arm or select-branch body: block-like expressions end at their `}`. */
  protected parseExprStmtLike(): Expr {
    if (this.isPunct('{')) {
      const start = this.peek().span;
      const block = this.parseBlock();
      const e: Expr = { k: 'block', block, label: null, span: this.from(start) };
      if (this.isPunct('.') || this.isPunct('?')) return this.parseBinaryRest(this.parsePostfix(e), 0);
      return e;
    }
    return this.parseExpr();
  }

  private parsePathExpr(): Expr {
    const start = this.peek().span;
    const segs: string[] = [];
    let generics: Type[] = [];
    if (this.isPunct('::')) this.next();
    let qtrait: string | null | undefined;
    if (this.isPunct('<')) {
      // `<T as Trait>::item` / `<T>::item`: T's path, then the item; the trait is kept by name.
      this.next();
      const ty = this.parseType();
      qtrait = null;
      if (this.eat('as')) {
        const tr = this.parseType();
        qtrait = tr.k === 'path' ? tr.segs[tr.segs.length - 1]! : null;
      }
      this.expect('>');
      this.expect('::', '`::` and an associated item after a qualified path');
      segs.push(...qualifiedSelf(ty));
    }
    for (;;) {
      const seg = this.ident('an expression');
      segs.push(seg.text);
      if (this.isPunct('::')) {
        if (this.isPunct('<', 1)) {
          this.next();
          generics = this.parseGenericArgs();
          if (this.isPunct('::') && this.peek(1).kind === 'ident') {
            this.next();
            continue;
          }
          break;
        }
        this.next();
        continue;
      }
      break;
    }
    const pathSpan = this.from(start);
    // Macro invocation.
    if (this.isPunct('!') && (this.isPunct('(', 1) || this.isPunct('[', 1) || this.isPunct('{', 1))) {
      this.next();
      return this.parseMacro(segs, pathSpan);
    }
    // Struct literal.
    if (
      this.isPunct('{') &&
      !this.noStruct &&
      /^[A-Z]/.test(segs[segs.length - 1]!) &&
      this.looksLikeStructLiteral()
    ) {
      return this.parseStructLit(segs, start);
    }
    if (qtrait !== undefined) return { k: 'path', segs, generics, span: pathSpan, qtrait };
    return { k: 'path', segs, generics, span: pathSpan };
  }

  /** `Name { a: 1 }` / `Name { a }` / `Name {}` vs a block after an expression. */
  private looksLikeStructLiteral(): boolean {
    const a = this.peek(1);
    const b = this.peek(2);
    if (a.kind === 'punct' && a.text === '}') return true;
    if (a.kind === 'punct' && a.text === '..') return true;
    if (a.kind === 'ident' && b.kind === 'punct' && (b.text === ':' || b.text === ',' || b.text === '}'))
      return true;
    if (a.kind === 'int' && b.kind === 'punct' && b.text === ':') return true;
    return false;
  }

  private parseStructLit(path: string[], start: Span): Expr {
    this.expect('{');
    const fields: { name: string; value: Expr; span: Span }[] = [];
    let base: Expr | null = null;
    while (!this.isPunct('}')) {
      if (this.eat('..')) {
        base = this.parseExpr();
        break;
      }
      const ft = this.peek();
      const name = ft.kind === 'int' ? String(this.next().value) : this.ident('a field name').text;
      if (this.eat(':')) {
        fields.push({ name, value: this.parseExpr(), span: this.from(ft.span) });
      } else {
        fields.push({ name, value: { k: 'path', segs: [name], generics: [], span: ft.span }, span: ft.span });
      }
      if (!this.eat(',')) break;
    }
    this.expect('}');
    return { k: 'struct', path, fields, base, span: this.from(start) };
  }
}

/** The path segments a qualified path's self type stands for (`Vec<u8>` → `Vec`, `&str` → `str`). */
function qualifiedSelf(ty: Type): string[] {
  if (ty.k === 'path') return ty.segs;
  if (ty.k === 'ref') return qualifiedSelf(ty.ty);
  return [typeText(ty)];
}
