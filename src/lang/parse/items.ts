/** Items: attributes, `fn` (with `self` parameters), `struct`, `enum`, `impl`, `use` trees and `const`. */
import type {
  Attr,
  ConstItem,
  EnumItem,
  FnItem,
  ImplItem,
  Item,
  Param,
  SelfMode,
  StructItem,
  Type,
  UseItem,
} from '../ast';
import { CompileError, type Span } from '../diagnostics';
import { describe } from './cursor';
import { BlockParser } from './statements';
import { typeText } from './types';

export abstract class ItemParser extends BlockParser {
  protected parseAttrs(): Attr[] {
    const attrs: Attr[] = [];
    while (this.isPunct('#')) {
      const start = this.next().span;
      this.eat('!');
      this.expect('[');
      const path: string[] = [this.ident('an attribute name').text];
      while (this.eat('::')) path.push(this.ident().text);
      const attr: Attr = { path: path.join('::'), args: [], list: [], span: start };
      if (this.eat('(')) {
        while (!this.isPunct(')')) {
          const key = this.next();
          if (key.kind === 'eof') throw new CompileError('unclosed attribute', start);
          if (this.eat('=')) {
            const v = this.next();
            const value =
              v.kind === 'str'
                ? (v.value as string)
                : v.kind === 'int'
                  ? (v.value as number)
                  : v.text === 'true'
                    ? true
                    : v.text === 'false'
                      ? false
                      : v.text;
            attr.args.push({ key: key.text, value });
          } else if (this.isPunct('(')) {
            // Nested list like `cfg(test)`: skip its tokens.
            this.skipDelimited();
            attr.list.push(key.text);
          } else {
            let name = key.text;
            while (this.eat('::')) name += '::' + this.ident().text;
            attr.list.push(name);
            attr.args.push({ key: name, value: null });
          }
          if (!this.eat(',')) break;
        }
        this.expect(')');
      } else if (this.eat('=')) {
        this.next();
      }
      this.expect(']');
      attr.span = this.from(start);
      attrs.push(attr);
    }
    return attrs;
  }

  protected skipDelimited(): void {
    const open = this.next();
    const close = open.text === '(' ? ')' : open.text === '[' ? ']' : '}';
    let depth = 1;
    while (depth > 0) {
      const t = this.next();
      if (t.kind === 'eof')
        throw new CompileError(`unclosed \`${open.text}\``, open.span, `add the matching \`${close}\``);
      if (t.kind === 'punct' && (t.text === '(' || t.text === '[' || t.text === '{')) depth++;
      if (t.kind === 'punct' && (t.text === ')' || t.text === ']' || t.text === '}')) depth--;
    }
  }

  parseItem(): Item | null {
    const attrs = this.parseAttrs();
    this.eatVisibility();
    const t = this.peek();
    if (this.is('async') && this.is('fn', 1)) return this.parseFn(attrs, null);
    if (this.is('fn')) return this.parseFn(attrs, null);
    if ((this.is('const') || this.is('unsafe')) && this.is('fn', 1)) {
      this.next();
      return this.parseFn(attrs, null);
    }
    if (this.is('struct')) return this.parseStruct(attrs);
    if (this.is('enum')) return this.parseEnum(attrs);
    if (this.is('impl')) return this.parseImpl();
    if (this.is('use')) return this.parseUse();
    if (this.is('const') || this.is('static')) return this.parseConst();
    if (this.isPunct(';')) {
      this.next();
      return null;
    }
    if (this.is('trait'))
      this.unsupported(
        'trait definitions are not supported by Pollscope',
        t.span,
        'use inherent `impl` blocks, or `impl Future for T`',
      );
    if (this.is('mod'))
      this.unsupported(
        'modules are not supported by Pollscope',
        t.span,
        'put everything in one file at the top level',
      );
    if (this.is('type'))
      this.unsupported('type aliases are not supported by Pollscope', t.span, 'write the type out');
    if (this.is('macro_rules')) this.unsupported('macro_rules! is not supported by Pollscope', t.span);
    if (this.is('extern')) this.unsupported('`extern` items are not supported by Pollscope', t.span);
    throw new CompileError(
      `expected an item (fn, struct, enum, impl, use, const), found ${describe(t)}`,
      t.kind === 'eof' ? this.endSpan : t.span,
    );
  }

  private eatVisibility(): void {
    if (this.eat('pub')) {
      if (this.isPunct('(')) this.skipDelimited();
    }
  }

  private parseFn(attrs: Attr[], owner: string | null): FnItem {
    const start = this.peek().span;
    const isAsync = this.eat('async');
    if (this.is('unsafe')) this.next();
    this.expect('fn');
    const nameTok = this.ident('a function name');
    this.skipGenerics();
    this.expect('(');
    const params: Param[] = [];
    let selfMode: SelfMode = null;
    // Receiver forms: self, mut self, &self, &mut self, &'a self, self: Pin<&mut Self>, mut self: Pin<&mut Self>.
    const s0 = this.pos;
    if (this.isPunct('&')) {
      this.next();
      if (this.peek().kind === 'lifetime') this.next();
      const m = this.eat('mut');
      if (this.is('self')) {
        this.next();
        selfMode = m ? 'mut' : 'ref';
      } else this.pos = s0;
    } else if (this.is('self') || (this.is('mut') && this.is('self', 1))) {
      this.eat('mut');
      this.next();
      selfMode = 'value';
      if (this.eat(':')) {
        const ty = this.parseType();
        const text = typeText(ty);
        selfMode = text.startsWith('Pin<')
          ? 'pin'
          : text.startsWith('&mut')
            ? 'mut'
            : text.startsWith('&')
              ? 'ref'
              : 'value';
      }
    }
    if (selfMode !== null && !this.isPunct(')')) this.expect(',');
    while (!this.isPunct(')')) {
      this.parseAttrs();
      const pstart = this.peek().span;
      const pat = this.parsePattern();
      this.expect(':', '`:` and a parameter type');
      const ty = this.parseType();
      params.push({ pat, ty, span: this.from(pstart) });
      if (!this.eat(',')) break;
    }
    this.expect(')');
    let ret: Type | null = null;
    if (this.eat('->')) ret = this.parseType();
    this.skipWhere();
    if (this.isPunct(';')) this.unsupported('a function needs a body', this.peek().span);
    const body = this.parseBlock();
    return {
      k: 'fn',
      name: nameTok.text,
      async: isAsync,
      selfMode,
      params,
      ret,
      body,
      attrs,
      span: this.from(start),
      nameSpan: nameTok.span,
      owner,
    };
  }

  /** Skips `<T: Bound, 'a, const N: usize>` after a fn or impl name; generics are accepted and ignored. */
  private skipGenerics(): void {
    if (!this.isPunct('<')) return;
    let depth = 0;
    do {
      const t = this.next();
      if (t.kind === 'eof') throw new CompileError('unclosed generic parameter list', t.span);
      if (t.text === '<') depth++;
      else if (t.text === '>') depth--;
      else if (t.text === '>>') depth -= 2;
      else if (t.text === '->') continue;
    } while (depth > 0);
  }

  private skipWhere(): void {
    if (!this.eat('where')) return;
    while (!this.isPunct('{') && !this.isPunct(';') && !this.atEof()) {
      if (this.isPunct('<')) this.skipGenerics();
      else this.next();
    }
  }

  private parseStruct(attrs: Attr[]): StructItem {
    const start = this.next().span;
    const name = this.ident('a struct name').text;
    this.skipGenerics();
    this.skipWhere();
    const derives = attrs.filter((a) => a.path === 'derive').flatMap((a) => a.list);
    const fields: { name: string; ty: Type }[] = [];
    let tuple = false;
    if (this.eat(';')) {
      tuple = true;
    } else if (this.isPunct('(')) {
      tuple = true;
      this.next();
      let n = 0;
      while (!this.isPunct(')')) {
        this.parseAttrs();
        this.eatVisibility();
        fields.push({ name: String(n++), ty: this.parseType() });
        if (!this.eat(',')) break;
      }
      this.expect(')');
      this.expect(';');
    } else {
      this.expect('{');
      while (!this.isPunct('}')) {
        this.parseAttrs();
        this.eatVisibility();
        const f = this.ident('a field name').text;
        this.expect(':');
        fields.push({ name: f, ty: this.parseType() });
        if (!this.eat(',')) break;
      }
      this.expect('}');
    }
    return { k: 'struct', name, fields, tuple, derives, span: this.from(start) };
  }

  private parseEnum(attrs: Attr[]): EnumItem {
    const start = this.next().span;
    const name = this.ident('an enum name').text;
    this.skipGenerics();
    this.expect('{');
    const variants: EnumItem['variants'] = [];
    while (!this.isPunct('}')) {
      this.parseAttrs();
      const vt = this.ident('a variant name');
      let fields: Type[] | null = null;
      let named: string[] | null = null;
      if (this.eat('(')) {
        fields = [];
        while (!this.isPunct(')')) {
          fields.push(this.parseType());
          if (!this.eat(',')) break;
        }
        this.expect(')');
      } else if (this.eat('{')) {
        fields = [];
        named = [];
        while (!this.isPunct('}')) {
          named.push(this.ident().text);
          this.expect(':');
          fields.push(this.parseType());
          if (!this.eat(',')) break;
        }
        this.expect('}');
      }
      if (this.eat('=')) this.parseExpr();
      variants.push({ name: vt.text, fields, named, span: vt.span });
      if (!this.eat(',')) break;
    }
    this.expect('}');
    const derives = attrs.filter((a) => a.path === 'derive').flatMap((a) => a.list);
    return { k: 'enum', name, variants, derives, span: this.from(start) };
  }

  private parseImpl(): ImplItem {
    const start = this.next().span;
    this.skipGenerics();
    let ty = this.parseType();
    let trait: string | null = null;
    if (this.eat('for')) {
      trait = typeText(ty);
      ty = this.parseType();
    }
    this.skipWhere();
    const selfTy = ty.k === 'path' ? ty.segs[ty.segs.length - 1]! : typeText(ty);
    this.expect('{');
    const fns: FnItem[] = [];
    const assocTypes: { name: string; ty: Type }[] = [];
    while (!this.isPunct('}')) {
      const attrs = this.parseAttrs();
      this.eatVisibility();
      if (this.eat('type')) {
        const n = this.ident().text;
        this.expect('=');
        assocTypes.push({ name: n, ty: this.parseType() });
        this.expect(';');
        continue;
      }
      if (this.is('const') && !this.is('fn', 1)) {
        this.unsupported(
          'associated constants are not supported by Pollscope',
          this.peek().span,
          'use a top-level `const`',
        );
      }
      if (this.is('const') || this.is('unsafe')) this.next();
      if (!this.is('fn') && !(this.is('async') && this.is('fn', 1)))
        throw new CompileError(
          `expected a method (fn) in the impl block, found ${describe(this.peek())}`,
          this.peek().span,
        );
      fns.push(this.parseFn(attrs, selfTy));
    }
    this.expect('}');
    return { k: 'impl', selfTy, trait, fns, assocTypes, span: this.from(start) };
  }

  private parseUse(): UseItem {
    const start = this.next().span;
    const paths: UseItem['paths'] = [];
    this.eat('::');
    this.parseUseTree([], paths);
    this.expect(';');
    return { k: 'use', paths, span: this.from(start) };
  }

  private parseUseTree(prefix: string[], out: UseItem['paths']): void {
    const start = this.peek().span;
    const outer = this.depth;
    this.deeper(start);
    try {
      this.parseUseTreeInner(prefix, out, start);
    } finally {
      this.depth = outer;
    }
  }

  private parseUseTreeInner(prefix: string[], out: UseItem['paths'], start: Span): void {
    if (this.isPunct('{')) {
      this.next();
      while (!this.isPunct('}')) {
        this.parseUseTree(prefix, out);
        if (!this.eat(',')) break;
      }
      this.expect('}');
      return;
    }
    if (this.eat('*')) {
      out.push({ path: [...prefix, '*'], alias: '*', span: this.from(start) });
      return;
    }
    const seg = this.ident('a path segment').text;
    const path = [...prefix, seg];
    if (this.eat('::')) {
      this.parseUseTree(path, out);
      return;
    }
    let alias = seg === 'self' ? prefix[prefix.length - 1]! : seg;
    const full = seg === 'self' ? prefix : path;
    if (this.eat('as')) alias = this.isPunct('_') || this.is('_') ? (this.next(), '_') : this.ident().text;
    out.push({ path: full, alias, span: this.from(start) });
  }

  private parseConst(): ConstItem {
    const start = this.next().span;
    this.eat('mut');
    const name = this.ident('a constant name').text;
    let ty: Type | null = null;
    if (this.eat(':')) ty = this.parseType();
    this.expect('=');
    const value = this.parseExpr();
    this.expect(';');
    return { k: 'const', name, ty, value, span: this.from(start) };
  }
}
