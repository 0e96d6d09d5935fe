/**
 * Generic parameter lists and `where` clauses: `<T: Display + Clone, 'a, const N: usize>`. Type parameters
 * keep their bounds (a blanket `impl<T: Display> Tr for T` applies to the types that meet them; a type
 * parameter's name tells `T::default()` from a path); lifetimes and const generics are read and dropped.
 */
import type { GenericParam } from '../ast';
import { CompileError } from '../diagnostics';
import { BlockParser } from './statements';

export abstract class GenericsParser extends BlockParser {
  /** `<..>` after an item name (or `impl`), or nothing. */
  protected parseGenericParams(): GenericParam[] {
    const params: GenericParam[] = [];
    if (!this.isPunct('<')) return params;
    const open = this.next();
    while (!(this.peek().kind === 'punct' && this.peek().text.startsWith('>'))) {
      if (this.atEof()) throw new CompileError('unclosed generic parameter list', open.span);
      if (this.peek().kind === 'lifetime') {
        this.next();
        if (this.eat(':')) {
          while (this.peek().kind === 'lifetime' || this.isPunct('+')) this.next();
        }
      } else if (this.eat('const')) {
        this.ident('a const parameter name');
        this.expect(':');
        this.parseType();
        if (this.eat('=')) this.parsePrimary();
      } else {
        const name = this.ident('a type parameter').text;
        const bounds = this.eat(':') && !this.isPunct(',') && !this.isPunct('>') ? this.parseBounds() : [];
        if (this.eat('=')) this.parseType();
        params.push({ name, bounds });
      }
      if (!this.eat(',')) break;
    }
    this.expect('>');
    return params;
  }

  /**
   * `where T: A + B, C::Item: Debug, for<'a> F: Fn(&'a str)`: bounds on a parameter join its own; other
   * predicates (on associated types, lifetimes) are read and dropped.
   */
  protected parseWhere(params: GenericParam[]): void {
    if (!this.eat('where')) return;
    while (!this.isPunct('{') && !this.isPunct(';') && !this.atEof()) {
      if (this.eat('for')) this.parseGenericParams();
      if (this.peek().kind === 'lifetime') {
        this.next();
        this.expect(':');
        while (this.peek().kind === 'lifetime' || this.isPunct('+')) this.next();
      } else {
        const ty = this.parseType();
        this.expect(':', '`:` and the bounds of a `where` predicate');
        const bounds = this.isPunct(',') || this.isPunct('{') ? [] : this.parseBounds();
        if (ty.k === 'path' && ty.segs.length === 1 && ty.args.length === 0) {
          const p = params.find((x) => x.name === ty.segs[0]);
          if (p) p.bounds.push(...bounds);
        }
      }
      if (!this.eat(',')) break;
    }
  }
}
