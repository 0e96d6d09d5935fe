/** Types: paths with generic arguments, references, tuples, arrays and slices, `impl` / `dyn` bounds, `fn(..)`. */
import type { Expr, Type } from '../ast';
import { TokenCursor } from './cursor';

/** Source-like text of a type, for display and for a few decisions (`Pin<&mut Self>`). */
export function typeText(t: Type): string {
  switch (t.k) {
    case 'path':
      return t.segs.join('::') + (t.args.length ? `<${t.args.map(typeText).join(', ')}>` : '');
    case 'ref':
      return `&${t.mut ? 'mut ' : ''}${typeText(t.ty)}`;
    case 'tuple':
      return `(${t.items.map(typeText).join(', ')})`;
    case 'array':
      return `[${typeText(t.elem)}${t.len ? '; N' : ''}]`;
    case 'impl':
      return `impl ${t.bounds.map(typeText).join(' + ')}`;
    case 'dyn':
      return `dyn ${t.bounds.map(typeText).join(' + ')}`;
    case 'fn':
      return 'fn(..)';
    case 'never':
      return '!';
    case 'infer':
      return '_';
  }
}

export abstract class TypeParser extends TokenCursor {
  parseType(): Type {
    return this.nested(this.peek().span, () => this.parseTypeInner());
  }

  private parseTypeInner(): Type {
    const start = this.peek().span;
    if (this.isPunct('&') || this.isPunct('&&')) {
      const double = this.next().text === '&&';
      if (this.peek().kind === 'lifetime') this.next();
      const mut = this.eat('mut');
      const inner = this.parseType();
      const ty: Type = { k: 'ref', mut, ty: inner, span: this.from(start) };
      return double ? { k: 'ref', mut: false, ty, span: ty.span } : ty;
    }
    if (this.isPunct('*')) {
      this.unsupported(
        'raw pointers (`*const T`, `*mut T`) are not supported by Pollscope yet',
        start,
        'the simulator models references and ownership, not memory addresses: use `&T` / `&mut T`',
      );
    }
    if (this.isPunct('(')) {
      this.next();
      const items: Type[] = [];
      while (!this.isPunct(')')) {
        items.push(this.parseType());
        if (!this.eat(',')) break;
      }
      this.expect(')');
      return items.length === 1 && !this.src.slice(start.start, this.from(start).end).includes(',')
        ? items[0]!
        : { k: 'tuple', items, span: this.from(start) };
    }
    if (this.isPunct('[')) {
      this.next();
      const elem = this.parseType();
      let len: Expr | null = null;
      if (this.eat(';')) len = this.parseExpr();
      this.expect(']');
      return { k: 'array', elem, len, span: this.from(start) };
    }
    if (this.isPunct('!')) {
      this.next();
      return { k: 'never', span: start };
    }
    if (this.is('_')) {
      this.next();
      return { k: 'infer', span: start };
    }
    if (this.is('impl') || this.is('dyn')) {
      const kw = this.next().text;
      const bounds = this.parseBounds();
      return { k: kw === 'impl' ? 'impl' : 'dyn', bounds, span: this.from(start) };
    }
    if (this.is('fn') || this.is('Fn') || this.is('FnMut') || this.is('FnOnce')) {
      if (this.is('fn')) {
        this.next();
        this.expect('(');
        const params: Type[] = [];
        while (!this.isPunct(')')) {
          params.push(this.parseType());
          if (!this.eat(',')) break;
        }
        this.expect(')');
        const ret = this.eat('->') ? this.parseType() : null;
        return { k: 'fn', params, ret, span: this.from(start) };
      }
    }
    if (this.peek().kind === 'lifetime') {
      this.next();
      return { k: 'infer', span: start };
    }
    return this.parseTypePath();
  }

  protected parseBounds(): Type[] {
    const bounds: Type[] = [this.parseBound()];
    while (this.eat('+')) bounds.push(this.parseBound());
    return bounds;
  }

  private parseBound(): Type {
    if (this.peek().kind === 'lifetime') {
      const t = this.next();
      return { k: 'infer', span: t.span };
    }
    if (this.eat('?')) return this.parseTypePath();
    return this.parseTypePath();
  }

  private parseTypePath(): Type {
    const start = this.peek().span;
    this.eat('::');
    const segs: string[] = [];
    let args: Type[] = [];
    for (;;) {
      const seg = this.ident('a type').text;
      segs.push(seg);
      // Fn(A, B) -> C sugar.
      if ((seg === 'Fn' || seg === 'FnMut' || seg === 'FnOnce') && this.isPunct('(')) {
        this.skipDelimited();
        if (this.eat('->')) this.parseType();
        return { k: 'fn', params: [], ret: null, span: this.from(start) };
      }
      if (this.isPunct('<') || (this.isPunct('::') && this.isPunct('<', 1))) {
        this.eat('::');
        args = this.parseGenericArgs();
      }
      if (this.isPunct('::') && this.peek(1).kind === 'ident') {
        this.next();
        continue;
      }
      break;
    }
    return { k: 'path', segs, args, span: this.from(start) };
  }

  /** `<A, B, Output = C, 'a>`; associated-type bindings are kept as their type. */
  protected parseGenericArgs(): Type[] {
    this.expect('<');
    const args: Type[] = [];
    while (!(this.peek().kind === 'punct' && this.peek().text.startsWith('>'))) {
      if (this.peek().kind === 'lifetime') {
        this.next();
      } else if (this.peek().kind === 'ident' && this.isPunct('=', 1)) {
        this.next();
        this.next();
        args.push(this.parseType());
      } else if (this.peek().kind === 'int' || this.isPunct('{')) {
        this.parsePrimary();
      } else {
        args.push(this.parseType());
      }
      if (!this.eat(',')) break;
    }
    this.expect('>');
    return args;
  }
}
