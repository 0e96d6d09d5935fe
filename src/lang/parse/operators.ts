/**
 * Expressions by precedence climbing: assignment, ranges, binary operators (`BINARY_PREC`), `as` casts,
 * unary operators, and the postfix chain (calls, method calls, fields, indexing, `?`, `.await`).
 */
import type { Expr, Type } from '../ast';
import { CompileError, span } from '../diagnostics';
import { PatternParser } from './patterns';

/** Binary operator precedence, higher binds tighter. */
const BINARY_PREC: Record<string, number> = {
  '||': 3,
  '&&': 4,
  '==': 5,
  '!=': 5,
  '<': 5,
  '>': 5,
  '<=': 5,
  '>=': 5,
  '|': 6,
  '^': 7,
  '&': 8,
  '<<': 9,
  '>>': 9,
  '+': 10,
  '-': 10,
  '*': 11,
  '/': 11,
  '%': 11,
};
const ASSIGN_OPS = new Set(['=', '+=', '-=', '*=', '/=', '%=', '^=', '&=', '|=', '<<=', '>>=']);
const CAST_PREC = 12;

export abstract class OperatorParser extends PatternParser {
  parseExpr(): Expr {
    return this.parseAssign();
  }

  protected parseExprNoStruct(): Expr {
    const saved = this.noStruct;
    this.noStruct = true;
    try {
      return this.parseExpr();
    } finally {
      this.noStruct = saved;
    }
  }

  private parseAssign(): Expr {
    return this.nested(this.peek().span, () => this.parseAssignInner());
  }

  private parseAssignInner(): Expr {
    const start = this.peek().span;
    const left = this.parseRange();
    const t = this.peek();
    if (t.kind === 'punct' && ASSIGN_OPS.has(t.text)) {
      this.next();
      const value = this.parseAssign();
      return { k: 'assign', op: t.text, target: left, value, span: this.from(start) };
    }
    return left;
  }

  private parseRange(): Expr {
    const start = this.peek().span;
    if (this.isPunct('..') || this.isPunct('..=')) {
      const inclusive = this.next().text === '..=';
      const to = this.startsExpr() ? this.parseBinary(0) : null;
      return { k: 'range', from: null, to, inclusive, span: this.from(start) };
    }
    const left = this.parseBinary(0);
    if (this.isPunct('..') || this.isPunct('..=')) {
      const inclusive = this.next().text === '..=';
      const to = this.startsExpr() ? this.parseBinary(0) : null;
      return { k: 'range', from: left, to, inclusive, span: this.from(start) };
    }
    return left;
  }

  protected startsExpr(): boolean {
    const t = this.peek();
    if (t.kind === 'eof') return false;
    if (t.kind === 'punct')
      return (
        ['(', '[', '-', '!', '*', '&', '&&', '|', '||', '..'].includes(t.text) ||
        (t.text === '{' && !this.noStruct)
      );
    if (t.kind === 'ident') return !['as', 'else', 'in'].includes(t.text);
    return true;
  }

  protected parseBinary(minPrec: number): Expr {
    return this.parseBinaryRest(this.parseUnary(), minPrec);
  }

  protected parseBinaryRest(left: Expr, minPrec: number): Expr {
    // Each operator of a chain nests the tree one level deeper (`a + b + c` is `(a + b) + c`), though the
    // loop itself does not recurse.
    const outer = this.depth;
    try {
      return this.parseBinaryChain(left, minPrec);
    } finally {
      this.depth = outer;
    }
  }

  private parseBinaryChain(left: Expr, minPrec: number): Expr {
    for (;;) {
      const t = this.peek();
      if (t.kind === 'ident' && t.text === 'as' && CAST_PREC >= minPrec) {
        this.deeper(t.span);
        this.next();
        const ty = this.parseType();
        left = { k: 'cast', expr: left, ty, span: span(left.span.start, ty.span.end) };
        continue;
      }
      if (t.kind !== 'punct') return left;
      const prec = BINARY_PREC[t.text];
      if (prec === undefined || prec < minPrec) return left;
      this.deeper(t.span);
      this.next();
      // Comparisons are non-associative in Rust; everything else here is left-associative.
      const right = this.parseBinary(prec + 1);
      left = { k: 'binary', op: t.text, left, right, span: span(left.span.start, right.span.end) };
      if (prec === 5) {
        const n = this.peek();
        if (n.kind === 'punct' && BINARY_PREC[n.text] === 5)
          throw new CompileError('comparison operators cannot be chained', n.span, 'use parentheses or `&&`');
      }
    }
  }

  private parseUnary(): Expr {
    const start = this.peek().span;
    const t = this.peek();
    if (t.kind === 'punct') {
      if (t.text === '-' || t.text === '!' || t.text === '*') {
        this.next();
        const expr = this.nested(t.span, () => this.parseUnary());
        return { k: 'unary', op: t.text, expr, span: this.from(start) };
      }
      if (t.text === '&' || t.text === '&&') {
        this.next();
        const mut = this.eat('mut');
        const expr = this.nested(t.span, () => this.parseUnary());
        const inner: Expr = { k: 'ref', mut, expr, span: this.from(start) };
        return t.text === '&&' ? { k: 'ref', mut: false, expr: inner, span: inner.span } : inner;
      }
    }
    return this.parsePostfix(this.parsePrimary());
  }

  protected parsePostfix(e: Expr): Expr {
    // Like operator chains, each `?`, call, index, field or method nests the tree one level deeper.
    const outer = this.depth;
    try {
      return this.parsePostfixChain(e);
    } finally {
      this.depth = outer;
    }
  }

  private parsePostfixChain(e: Expr): Expr {
    for (;;) {
      const start = e.span;
      const op = this.peek();
      if (op.kind === 'punct' && (op.text === '?' || op.text === '(' || op.text === '[' || op.text === '.'))
        this.deeper(op.span);
      if (this.isPunct('?')) {
        this.next();
        e = { k: 'try', expr: e, span: this.from(start) };
        continue;
      }
      if (this.isPunct('(')) {
        const args = this.parseArgs();
        e = { k: 'call', callee: e, args, span: this.from(start) };
        continue;
      }
      if (this.isPunct('[')) {
        this.next();
        const saved = this.noStruct;
        this.noStruct = false;
        const index = this.parseExpr();
        this.noStruct = saved;
        this.expect(']');
        e = { k: 'index', expr: e, index, span: this.from(start) };
        continue;
      }
      if (this.isPunct('.')) {
        this.next();
        const t = this.peek();
        if (t.kind === 'ident' && t.text === 'await') {
          this.next();
          e = { k: 'await', expr: e, span: this.from(start) };
          continue;
        }
        if (t.kind === 'int') {
          this.next();
          e = { k: 'field', expr: e, name: String(t.value), span: this.from(start) };
          continue;
        }
        const name = this.ident('a field or method name');
        let generics: Type[] = [];
        if (this.isPunct('::')) {
          this.next();
          generics = this.parseGenericArgs();
        }
        if (this.isPunct('(')) {
          const args = this.parseArgs();
          e = {
            k: 'method',
            receiver: e,
            name: name.text,
            generics,
            args,
            span: this.from(start),
            nameSpan: name.span,
          };
        } else {
          e = { k: 'field', expr: e, name: name.text, span: this.from(start) };
        }
        continue;
      }
      return e;
    }
  }

  private parseArgs(): Expr[] {
    this.expect('(');
    const saved = this.noStruct;
    this.noStruct = false;
    const args: Expr[] = [];
    while (!this.isPunct(')')) {
      args.push(this.parseExpr());
      if (!this.eat(',')) break;
    }
    this.expect(')', '`)` or `,` in the argument list');
    this.noStruct = saved;
    return args;
  }
}
