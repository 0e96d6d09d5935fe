/**
 * Items: attributes, `fn` (with `self` parameters), `struct`, `enum`, `impl`, `trait`, `type` aliases,
 * inline `mod`, `use` trees, `const` and `static`.
 */
import type {
  Attr,
  Block,
  ConstItem,
  EnumItem,
  Expr,
  FnItem,
  ImplItem,
  Item,
  ModItem,
  Param,
  SelfMode,
  StructItem,
  TraitItem,
  Type,
  TypeAliasItem,
  UseItem,
} from '../ast';
import { CompileError, type Span } from '../diagnostics';
import { describe } from './cursor';
import { GenericsParser } from './generics';
import { typeText } from './types';

export abstract class ItemParser extends GenericsParser {
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

  parseItem(before: Attr[] = []): Item | null {
    const attrs = [...before, ...this.parseAttrs()];
    this.eatVisibility();
    const t = this.peek();
    if (this.is('async') && this.is('fn', 1)) return this.parseFn(attrs, null);
    if (this.is('fn')) return this.parseFn(attrs, null);
    if ((this.is('const') || this.is('unsafe')) && (this.is('fn', 1) || this.is('async', 1))) {
      this.next();
      return this.parseFn(attrs, null);
    }
    if (this.is('struct')) return this.parseStruct(attrs);
    if (this.is('enum')) return this.parseEnum(attrs);
    if (this.is('unsafe') && (this.is('impl', 1) || this.is('trait', 1))) this.next();
    if (this.is('impl')) return this.parseImpl();
    if (this.is('trait')) return this.parseTrait();
    if (this.is('use')) return this.parseUse();
    if (this.is('const') || this.is('static')) return this.parseConst();
    if (this.is('type')) return this.parseTypeAlias();
    if (this.is('mod')) return this.parseMod();
    if (this.isPunct(';')) {
      this.next();
      return null;
    }
    if (this.is('macro_rules')) this.unsupported('`macro_rules!` is not supported by Pollscope yet', t.span);
    if (this.is('extern')) this.unsupported('`extern` items are not supported by Pollscope yet', t.span);
    if (this.is('union')) this.unsupported('`union` is not supported by Pollscope yet', t.span);
    throw new CompileError(
      `expected an item (fn, struct, enum, trait, impl, mod, use, const, static, type), found ${describe(t)}`,
      t.kind === 'eof' ? this.endSpan : t.span,
    );
  }

  private eatVisibility(): void {
    if (this.eat('pub')) {
      if (this.isPunct('(')) this.skipDelimited();
    }
  }

  /** A fn item; in a trait, `allowNoBody` lets a required method end with `;` (its body is then null). */
  private parseFn(attrs: Attr[], owner: string | null, allowNoBody = false): FnItem & { noBody?: boolean } {
    const start = this.peek().span;
    if (this.is('const')) this.next();
    const isAsync = this.eat('async');
    if (this.is('unsafe')) this.next();
    this.expect('fn');
    const nameTok = this.ident('a function name');
    const generics = this.parseGenericParams();
    this.expect('(');
    const params: Param[] = [];
    let selfMode: SelfMode = null;
    let selfArc = false;
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
        selfArc = /^&?(mut )?(\w+::)*(Arc|Rc)</.test(text);
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
    this.parseWhere(generics);
    const fn = {
      k: 'fn' as const,
      name: nameTok.text,
      generics,
      async: isAsync,
      selfMode,
      ...(selfArc ? { selfArc } : {}),
      params,
      ret,
      body: { stmts: [], tail: null, span: this.peek().span, unsafe: false } as Block,
      attrs,
      span: start,
      nameSpan: nameTok.span,
      owner,
    };
    if (this.isPunct(';')) {
      if (!allowNoBody) this.unsupported('a function needs a body', this.peek().span);
      this.next();
      return { ...fn, span: this.from(start), noBody: true };
    }
    fn.body = this.parseBlock();
    return { ...fn, span: this.from(start) };
  }

  private parseStruct(attrs: Attr[]): StructItem {
    const start = this.next().span;
    const name = this.ident('a struct name').text;
    const generics = this.parseGenericParams();
    this.parseWhere(generics);
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
      this.parseWhere(generics);
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
    return { k: 'struct', name, generics, fields, tuple, derives, span: this.from(start) };
  }

  private parseEnum(attrs: Attr[]): EnumItem {
    const start = this.next().span;
    const name = this.ident('an enum name').text;
    const generics = this.parseGenericParams();
    this.parseWhere(generics);
    this.expect('{');
    const variants: EnumItem['variants'] = [];
    while (!this.isPunct('}')) {
      const isDefault = this.parseAttrs().some((a) => a.path === 'default');
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
          this.parseAttrs();
          named.push(this.ident().text);
          this.expect(':');
          fields.push(this.parseType());
          if (!this.eat(',')) break;
        }
        this.expect('}');
      }
      let disc: Expr | null = null;
      if (this.eat('=')) disc = this.parseExpr();
      variants.push({ name: vt.text, fields, named, span: vt.span, disc, ...(isDefault && { isDefault }) });
      if (!this.eat(',')) break;
    }
    this.expect('}');
    const derives = attrs.filter((a) => a.path === 'derive').flatMap((a) => a.list);
    const repr = attrs
      .find((a) => a.path === 'repr')
      ?.list.find((x) => /^[iu](8|16|32|64|128|size)$/.test(x));
    return { k: 'enum', name, generics, variants, derives, repr: repr ?? null, span: this.from(start) };
  }

  private parseImpl(): ImplItem {
    const start = this.next().span;
    const generics = this.parseGenericParams();
    const negative = this.eat('!');
    let ty = this.parseType();
    let traitType: Type | null = null;
    if (this.eat('for')) {
      traitType = ty;
      ty = this.parseType();
    }
    if (negative) this.unsupported('negative impls are not supported by Pollscope yet', start);
    this.parseWhere(generics);
    const selfTy = ty.k === 'path' ? ty.segs[ty.segs.length - 1]! : typeText(ty);
    const trait =
      traitType === null
        ? null
        : traitType.k === 'path'
          ? traitType.segs[traitType.segs.length - 1]!
          : typeText(traitType);
    this.expect('{');
    const fns: FnItem[] = [];
    const assocTypes: { name: string; ty: Type }[] = [];
    const consts: ConstItem[] = [];
    while (!this.isPunct('}')) {
      const attrs = this.parseAttrs();
      this.eatVisibility();
      if (this.is('type')) {
        this.next();
        const n = this.ident().text;
        this.parseGenericParams();
        this.expect('=');
        assocTypes.push({ name: n, ty: this.parseType() });
        this.expect(';');
        continue;
      }
      if (this.is('const') && !this.is('fn', 1) && !this.is('async', 1) && !this.is('unsafe', 1)) {
        consts.push(this.parseConst());
        continue;
      }
      if (this.is('default') && (this.is('fn', 1) || this.is('async', 1))) this.next();
      if (
        !this.is('fn') &&
        !this.is('const') &&
        !this.is('unsafe') &&
        !(this.is('async') && this.is('fn', 1))
      )
        throw new CompileError(
          `expected a method (fn), an associated \`const\` or \`type\` in the impl block, found ${describe(this.peek())}`,
          this.peek().span,
        );
      fns.push(this.parseFn(attrs, selfTy));
    }
    this.expect('}');
    return {
      k: 'impl',
      selfTy,
      selfType: ty,
      trait,
      traitType,
      generics,
      fns,
      assocTypes,
      consts,
      span: this.from(start),
    };
  }

  private parseTrait(): TraitItem {
    const start = this.next().span;
    const name = this.ident('a trait name').text;
    const generics = this.parseGenericParams();
    const supers: Type[] = [];
    if (this.eat(':')) for (const b of this.parseBounds()) if (b.k === 'path') supers.push(b);
    this.parseWhere(generics);
    this.expect('{');
    const trait: TraitItem = {
      k: 'trait',
      name,
      generics,
      supers,
      fns: [],
      required: [],
      consts: [],
      types: [],
      span: start,
    };
    while (!this.isPunct('}')) {
      const attrs = this.parseAttrs();
      const t = this.peek();
      if (t.kind === 'eof')
        throw new CompileError('this trait is never closed', start, 'add the matching `}`');
      if (this.eat('type')) {
        trait.types.push(this.ident('an associated type name').text);
        this.parseGenericParams();
        if (this.eat(':')) this.parseBounds();
        this.parseWhere([]);
        if (this.eat('=')) this.parseType();
        this.expect(';');
        continue;
      }
      if (this.is('const') && !this.is('fn', 1) && !this.is('async', 1) && !this.is('unsafe', 1)) {
        const cstart = this.next().span;
        const cname = this.ident('a constant name').text;
        const ty = this.eat(':') ? this.parseType() : null;
        const value = this.eat('=') ? this.parseExpr() : null;
        this.expect(';');
        trait.consts.push({ name: cname, ty, value, span: this.from(cstart) });
        continue;
      }
      if (
        !this.is('fn') &&
        !this.is('const') &&
        !this.is('unsafe') &&
        !(this.is('async') && this.is('fn', 1))
      )
        throw new CompileError(
          `expected a method (fn), an associated \`const\` or \`type\` in the trait, found ${describe(t)}`,
          t.span,
        );
      const fn = this.parseFn(attrs, null, true);
      if (fn.noBody) trait.required.push({ name: fn.name, span: fn.nameSpan });
      else {
        delete fn.noBody;
        trait.fns.push(fn);
      }
    }
    this.expect('}');
    trait.span = this.from(start);
    return trait;
  }

  private parseTypeAlias(): TypeAliasItem {
    const start = this.next().span;
    const name = this.ident('a type alias name').text;
    const generics = this.parseGenericParams();
    this.parseWhere(generics);
    this.expect('=');
    const ty = this.parseType();
    this.expect(';');
    return { k: 'type', name, generics, ty, span: this.from(start) };
  }

  private parseMod(): ModItem {
    const start = this.next().span;
    const name = this.ident('a module name').text;
    if (this.isPunct(';'))
      this.unsupported(
        `\`mod ${name};\` loads another file; Pollscope runs one file`,
        this.from(start),
        `write the module inline: \`mod ${name} { .. }\``,
      );
    const open = this.expect('{');
    const items: Item[] = [];
    while (!this.isPunct('}')) {
      if (this.atEof())
        throw new CompileError('this module is never closed', open.span, 'add the matching `}`');
      // Inner attributes (`#![allow(..)]`) are read and dropped with the item attributes.
      const item = this.parseItem();
      if (item) items.push(item);
    }
    this.expect('}');
    return { k: 'mod', name, items, span: this.from(start) };
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
    this.noteMacroImport(full, alias);
  }

  private parseConst(): ConstItem {
    const start = this.next().span;
    const isStatic = this.toks[this.pos - 1]!.text === 'static';
    this.eat('mut');
    const name = this.ident('a constant name').text;
    let ty: Type | null = null;
    if (this.eat(':')) ty = this.parseType();
    this.expect('=');
    const value = this.parseExpr();
    this.expect(';');
    return { k: 'const', name, ty, value, span: this.from(start), static: isStatic };
  }
}
