/**
 * A recursive-descent parser for the Rust subset (DESIGN.md §2), with precedence climbing for binary
 * operators. Macro invocations (`println!`, `select!`, `join!`, `vec!`, …) are parsed here too: their token
 * trees are handed to a sub-parser over the same tokens, so spans inside macros point at the real source.
 *
 * Anything outside the subset raises a `CompileError` with a span and, where possible, what to write
 * instead. The parser never guesses: a construct it does not know is an error, not a silent skip.
 */
import type {
  Attr,
  Block,
  ConstItem,
  EnumItem,
  Expr,
  FmtMacro,
  FmtPiece,
  FmtSpec,
  FnItem,
  ImplItem,
  Item,
  Lit,
  MatchArm,
  Param,
  Pat,
  Program,
  SelectBranch,
  SelfMode,
  Stmt,
  StructItem,
  Type,
  UseItem,
} from './ast';
import { CompileError, span, type Span } from './diagnostics';
import { lex, type Token } from './lexer';

const KEYWORDS = new Set([
  'as',
  'async',
  'await',
  'break',
  'const',
  'continue',
  'crate',
  'dyn',
  'else',
  'enum',
  'extern',
  'false',
  'fn',
  'for',
  'if',
  'impl',
  'in',
  'let',
  'loop',
  'match',
  'mod',
  'move',
  'mut',
  'pub',
  'ref',
  'return',
  'static',
  'struct',
  'super',
  'trait',
  'true',
  'type',
  'unsafe',
  'use',
  'where',
  'while',
  'yield',
]);

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

/**
 * How deeply expressions, blocks, types and patterns may nest (each `(`, `{`, operand of a chain of
 * operators or method calls, `else if`, … is one level). The parser, the resolver and the interpreter all
 * recurse over the tree, so without a bound `((((…` ten thousand deep overflows the JS stack; with it,
 * such input gets a diagnostic. Real programs stay far below.
 */
export const MAX_NESTING = 256;

const FMT_MACROS = new Set<string>([
  'println',
  'eprintln',
  'print',
  'eprint',
  'format',
  'panic',
  'unreachable',
  'todo',
  'unimplemented',
]);

export function parseProgram(source: string): Program {
  const p = new Parser(lex(source), source);
  const items: Item[] = [];
  while (!p.atEof()) {
    const item = p.parseItem();
    if (item) items.push(item);
  }
  return { items, source };
}

class Parser {
  private pos = 0;
  /** Inside `if`/`while`/`match`/`for` headers a `{` starts the body, not a struct literal. */
  private noStruct = false;
  /** Macro calls written with braces (`select! { .. }`): like blocks, they end a statement or a match arm. */
  private readonly braceMacros = new WeakSet<Expr>();

  constructor(
    private readonly toks: Token[],
    private readonly src: string,
    private readonly endSpan: Span = toks[toks.length - 1]!.span,
    /** Current nesting level; a macro's sub-parser starts at the level of the macro call. */
    private depth = 0,
  ) {}

  // ------------------------------------------------------------------------------------------ nesting

  /** One level deeper; `at` is the token that opens the level, reported if it is one too many. */
  private deeper(at: Span): void {
    if (++this.depth > MAX_NESTING)
      throw new CompileError(
        `this is nested too deeply (Pollscope reads at most ${MAX_NESTING} levels of nesting)`,
        at,
        'split it into smaller expressions, `let` bindings or functions',
      );
  }

  /** Runs `parse` one level deeper than the current one. */
  private nested<T>(at: Span, parse: () => T): T {
    const outer = this.depth;
    this.deeper(at);
    try {
      return parse();
    } finally {
      this.depth = outer;
    }
  }

  // ------------------------------------------------------------------------------------------ tokens

  private peek(o = 0): Token {
    return this.toks[Math.min(this.pos + o, this.toks.length - 1)]!;
  }
  atEof(): boolean {
    return this.peek().kind === 'eof';
  }
  private next(): Token {
    const t = this.peek();
    if (t.kind !== 'eof') this.pos++;
    return t;
  }
  private is(text: string, o = 0): boolean {
    const t = this.peek(o);
    return (t.kind === 'punct' || t.kind === 'ident') && t.text === text;
  }
  private isPunct(text: string, o = 0): boolean {
    const t = this.peek(o);
    return t.kind === 'punct' && t.text === text;
  }
  private eat(text: string): boolean {
    if (this.is(text)) {
      this.pos++;
      return true;
    }
    return false;
  }
  private expect(text: string, what?: string): Token {
    if (this.is(text)) return this.next();
    // `>>` closing two generic lists, `>=` and `>>=` after a generic list.
    if (text === '>' && this.peek().kind === 'punct' && this.peek().text.startsWith('>'))
      return this.splitFirst('>');
    const t = this.peek();
    throw new CompileError(
      `expected ${what ?? `\`${text}\``}, found ${describe(t)}`,
      t.kind === 'eof' ? this.endSpan : t.span,
    );
  }
  /** Splits a compound token (`>>` → `>` `>`) and returns its first part. */
  private splitFirst(first: string): Token {
    const t = this.peek();
    const rest = t.text.slice(first.length);
    const head: Token = {
      kind: 'punct',
      text: first,
      span: span(t.span.start, t.span.start + first.length),
      spaced: t.spaced,
    };
    const tail: Token = {
      kind: 'punct',
      text: rest,
      span: span(t.span.start + first.length, t.span.end),
      spaced: false,
    };
    this.toks.splice(this.pos, 1, head, tail);
    this.pos++;
    return head;
  }
  private ident(what = 'an identifier'): Token {
    const t = this.peek();
    if (
      t.kind === 'ident' &&
      (!KEYWORDS.has(t.text) || t.text === 'self' || t.text === 'crate' || t.text === 'super')
    )
      return this.next();
    if (t.kind === 'ident' && KEYWORDS.has(t.text))
      throw new CompileError(`expected ${what}, found keyword \`${t.text}\``, t.span);
    throw new CompileError(
      `expected ${what}, found ${describe(t)}`,
      t.kind === 'eof' ? this.endSpan : t.span,
    );
  }
  private from(start: Span): Span {
    const prev = this.toks[this.pos - 1];
    return span(start.start, prev ? Math.max(prev.span.end, start.end) : start.end);
  }
  private unsupported(message: string, at: Span, hint?: string): never {
    throw new CompileError(message, at, hint);
  }

  // ------------------------------------------------------------------------------------------ items

  private parseAttrs(): Attr[] {
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

  private skipDelimited(): void {
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

  // ------------------------------------------------------------------------------------------ types

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
      this.unsupported('raw pointers are not supported by Pollscope', start);
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

  private parseBounds(): Type[] {
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
  private parseGenericArgs(): Type[] {
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

  // ------------------------------------------------------------------------------------------ blocks, statements

  parseBlock(): Block {
    return this.nested(this.peek().span, () => this.parseBlockInner());
  }

  private parseBlockInner(): Block {
    const start = this.peek().span;
    const unsafe = this.eat('unsafe');
    this.expect('{', 'a block `{ ... }`');
    const saved = this.noStruct;
    this.noStruct = false;
    const stmts: Stmt[] = [];
    let tail: Expr | null = null;
    while (!this.isPunct('}')) {
      if (this.atEof()) throw new CompileError('this block is never closed', start, 'add the matching `}`');
      const s = this.parseStmt();
      if (s.k === 'expr' && !s.semi) {
        if (this.isPunct('}')) {
          tail = s.expr;
          break;
        }
        if (!this.endsStatement(s.expr)) {
          throw new CompileError(
            `expected \`;\` or \`}\` after this expression, found ${describe(this.peek())}`,
            this.peek().span,
            'end the statement with `;`',
          );
        }
      }
      stmts.push(s);
    }
    this.expect('}');
    this.noStruct = saved;
    return { stmts, tail, span: this.from(start), unsafe };
  }

  private parseStmt(): Stmt {
    const start = this.peek().span;
    if (this.isPunct(';')) {
      this.next();
      return { k: 'empty', span: start };
    }
    const attrs = this.isPunct('#') ? this.parseAttrs() : [];
    if (this.is('let')) {
      this.next();
      const pat = this.parsePattern();
      let ty: Type | null = null;
      if (this.eat(':')) ty = this.parseType();
      let init: Expr | null = null;
      let elseBlock: Block | null = null;
      if (this.eat('=')) {
        init = this.parseExpr();
        if (this.eat('else')) elseBlock = this.parseBlock();
      }
      this.expect(';', '`;` after the `let` statement');
      return { k: 'let', pat, ty, init, else: elseBlock, span: this.from(start) };
    }
    if (this.startsItem()) {
      const item = this.parseItemWithAttrs(attrs);
      return { k: 'item', item, span: this.from(start) };
    }
    const expr = this.parseExprStmt();
    const semi = this.eat(';');
    return { k: 'expr', expr, semi, span: this.from(start) };
  }

  private startsItem(): boolean {
    return (
      this.is('fn') ||
      (this.is('async') && this.is('fn', 1)) ||
      this.is('struct') ||
      this.is('enum') ||
      this.is('use') ||
      this.is('impl') ||
      this.is('trait') ||
      this.is('mod') ||
      (this.is('const') && !this.isPunct('{', 1)) ||
      this.is('static')
    );
  }

  private parseItemWithAttrs(_attrs: Attr[]): Item {
    const item = this.parseItem();
    if (!item) throw new CompileError('expected an item', this.peek().span);
    return item;
  }

  /** A block-like expression or a braced macro call: it needs no `;` (or `,` after a match arm). */
  private endsStatement(e: Expr): boolean {
    return isBlockLike(e) || this.braceMacros.has(e);
  }

  /** `path! { .. }` ahead: in statement position it is a whole statement, as in rustc. */
  private startsBraceMacro(): boolean {
    let o = this.isPunct('::') ? 1 : 0;
    if (this.peek(o).kind !== 'ident') return false;
    o++;
    while (this.isPunct('::', o) && this.peek(o + 1).kind === 'ident') o += 2;
    return this.isPunct('!', o) && this.isPunct('{', o + 1);
  }

  /** A statement-position expression: block-like expressions end the statement and take no binary operators. */
  private parseExprStmt(): Expr {
    // `tokio::select! { .. }` followed by `*x = 1;` is two statements, not a multiplication.
    if (this.startsBraceMacro()) return this.parsePrimary();
    if (this.startsBlockLike()) {
      let e = this.parsePrimary();
      // `match x { .. }.await`, `{ .. }?` are allowed to continue as postfix; `if {} - 1` is not.
      if (this.isPunct('.') || this.isPunct('?')) {
        e = this.parsePostfix(e);
        return this.parseBinaryRest(e, 0);
      }
      return e;
    }
    return this.parseExpr();
  }

  private startsBlockLike(): boolean {
    return (
      this.isPunct('{') ||
      this.is('if') ||
      this.is('match') ||
      this.is('loop') ||
      this.is('while') ||
      this.is('for') ||
      (this.is('unsafe') && this.isPunct('{', 1)) ||
      (this.peek().kind === 'lifetime' && this.isPunct(':', 1))
    );
  }

  // ------------------------------------------------------------------------------------------ expressions

  parseExpr(): Expr {
    return this.parseAssign();
  }

  private parseExprNoStruct(): Expr {
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

  private startsExpr(): boolean {
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

  private parseBinary(minPrec: number): Expr {
    return this.parseBinaryRest(this.parseUnary(), minPrec);
  }

  private parseBinaryRest(left: Expr, minPrec: number): Expr {
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

  private parsePostfix(e: Expr): Expr {
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

  private parsePrimary(): Expr {
    const t = this.peek();
    const start = t.span;
    switch (t.kind) {
      case 'int':
        this.next();
        return { k: 'lit', value: { t: 'int', v: t.value as number, suffix: t.suffix ?? '' }, span: start };
      case 'float':
        this.next();
        return { k: 'lit', value: { t: 'float', v: t.value as number }, span: start };
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
      default:
        throw new CompileError(`expected an expression, found ${describe(t)}`, t.span);
    }
  }

  private parseArrayBody(vec: boolean): Expr {
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
      const expr = this.parseBinary(4);
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
  private parseExprStmtLike(): Expr {
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
    if (this.isPunct('<')) this.unsupported('qualified paths (`<T as Trait>::..`) are not supported', start);
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

  // ------------------------------------------------------------------------------------------ macros

  /** Collects the token tree after `name!` and parses it with the grammar of that macro. */
  private parseMacro(path: string[], pathSpan: Span): Expr {
    const name = path[path.length - 1]!;
    const open = this.peek();
    const start = pathSpan;
    const inner = this.collectTokenTree();
    const end = this.toks[this.pos - 1]!.span;
    const whole = span(start.start, end.end);
    const sub = new Parser(
      [...inner, { kind: 'eof', text: '', span: span(end.start, end.start), spaced: true }],
      this.src,
      span(end.start, end.end),
      this.depth,
    );
    const expr = this.parseMacroBody(name, sub, open, inner, end, whole, pathSpan);
    if (open.text === '{') this.braceMacros.add(expr);
    return expr;
  }

  private parseMacroBody(
    name: string,
    sub: Parser,
    open: Token,
    inner: Token[],
    end: Span,
    whole: Span,
    pathSpan: Span,
  ): Expr {
    if (FMT_MACROS.has(name)) return sub.parseFmtMacro(name as FmtMacro, whole, open.span);
    switch (name) {
      case 'vec': {
        if (inner.length === 0) return { k: 'array', items: [], vec: true, span: whole };
        const toks: Token[] = [
          { kind: 'punct', text: '[', span: open.span, spaced: true },
          ...inner,
          { kind: 'punct', text: ']', span: end, spaced: false },
          { kind: 'eof', text: '', span: end, spaced: true },
        ];
        const arr = new Parser(toks, this.src, end, this.depth).parseArrayBody(true);
        return { ...arr, span: whole } as Expr;
      }
      case 'select':
        return sub.parseSelect(whole);
      case 'join':
      case 'try_join': {
        const futs: Expr[] = [];
        // `biased;` in join! exists since tokio 1.46 (#7307); the simulator checks the profile.
        const biased = sub.is('biased') && sub.isPunct(';', 1);
        if (biased) {
          sub.next();
          sub.next();
        }
        while (!sub.atEof()) {
          futs.push(sub.parseExpr());
          if (!sub.eat(',')) break;
        }
        sub.expectEof(name);
        if (futs.length === 0) throw new CompileError(`\`${name}!\` needs at least one future`, whole);
        return { k: 'join', futs, tryJoin: name === 'try_join', biased, span: whole };
      }
      case 'assert':
      case 'assert_eq':
      case 'assert_ne':
      case 'debug_assert':
      case 'debug_assert_eq':
      case 'debug_assert_ne': {
        const n = name.endsWith('assert') ? 1 : 2;
        const args: Expr[] = [];
        for (let i = 0; i < n; i++) {
          args.push(sub.parseExpr());
          if (i < n - 1) sub.expect(',');
        }
        let message: Expr | null = null;
        if (sub.eat(',') && !sub.atEof()) message = sub.parseFmtMacro('format', whole, open.span);
        sub.expectEof(name);
        return { k: 'assert', macro: name, args, message, span: whole };
      }
      case 'matches': {
        const expr = sub.parseExpr();
        sub.expect(',');
        const pat = sub.parsePattern();
        const guard = sub.eat('if') ? sub.parseExpr() : null;
        sub.eat(',');
        sub.expectEof(name);
        return { k: 'matches', expr, pat, guard, span: whole };
      }
      case 'pin': {
        const expr = sub.parseExpr();
        sub.eat(',');
        sub.expectEof(name);
        return { k: 'pin', expr, span: whole };
      }
      case 'write':
      case 'writeln':
        this.unsupported(
          `\`${name}!\` is not supported by Pollscope`,
          whole,
          'build the text with `format!` and print it',
        );
      // falls through (unsupported throws)
      default:
        throw new CompileError(
          `the macro \`${name}!\` is not supported by Pollscope`,
          pathSpan,
          'supported: println!, eprintln!, print!, format!, panic!, vec!, select!, join!, assert!, assert_eq!, matches!, pin!',
        );
    }
  }

  private expectEof(macro: string): void {
    if (!this.atEof())
      throw new CompileError(`unexpected ${describe(this.peek())} in \`${macro}!\``, this.peek().span);
  }

  /** Consumes a `(..)`, `[..]` or `{..}` token tree and returns the tokens inside it. */
  private collectTokenTree(): Token[] {
    const open = this.next();
    const startPos = this.pos;
    const close = open.text === '(' ? ')' : open.text === '[' ? ']' : '}';
    let depth = 1;
    for (;;) {
      const t = this.next();
      if (t.kind === 'eof')
        throw new CompileError(
          `this \`${open.text}\` is never closed`,
          open.span,
          `add the matching \`${close}\``,
        );
      if (t.kind === 'punct' && (t.text === '(' || t.text === '[' || t.text === '{')) {
        depth++;
        // Each macro level copies its token tree for a sub-parser, so `vec![vec![..` ten thousand deep
        // would take quadratic time to reach the parser's own nesting check. A bracket inside a macro body
        // nests the parse at least one level, so too many of them can be reported right here.
        if (this.depth + depth - 1 > MAX_NESTING)
          throw new CompileError(
            `this is nested too deeply (Pollscope reads at most ${MAX_NESTING} levels of nesting)`,
            t.span,
            'split it into smaller expressions, `let` bindings or functions',
          );
      }
      if (t.kind === 'punct' && (t.text === ')' || t.text === ']' || t.text === '}')) {
        depth--;
        if (depth === 0) break;
      }
    }
    return this.toks.slice(startPos, this.pos - 1);
  }

  parseFmtMacro(macro: FmtMacro, whole: Span, _open: Span): Expr {
    if (this.atEof()) {
      if (macro === 'println' || macro === 'eprintln')
        return { k: 'fmt', macro, pieces: [], args: [], span: whole };
      if (macro === 'panic' || macro === 'unreachable' || macro === 'todo' || macro === 'unimplemented')
        return { k: 'fmt', macro, pieces: [], args: [], span: whole };
      throw new CompileError(`\`${macro}!\` needs a format string`, whole);
    }
    const ft = this.peek();
    if (ft.kind !== 'str')
      throw new CompileError(
        `\`${macro}!\` needs a string literal as its first argument`,
        ft.span,
        'write `println!("{}", value)`',
      );
    this.next();
    const positional: Expr[] = [];
    const named = new Map<string, number>();
    const args: Expr[] = [];
    while (this.eat(',')) {
      if (this.atEof()) break;
      if (this.peek().kind === 'ident' && this.isPunct('=', 1)) {
        const n = this.next().text;
        this.next();
        named.set(n, args.length);
        args.push(this.parseExpr());
      } else {
        const e = this.parseExpr();
        positional.push(e);
        args.push(e);
      }
    }
    this.expectEof(macro);
    const pieces = parseFormatString(ft, args, named, positional.length);
    return { k: 'fmt', macro, pieces, args, span: whole };
  }

  parseSelect(whole: Span): Expr {
    let biased = false;
    if (this.is('biased') && this.isPunct(';', 1)) {
      this.next();
      this.next();
      biased = true;
    }
    const branches: SelectBranch[] = [];
    let elseExpr: Expr | null = null;
    while (!this.atEof()) {
      const bstart = this.peek().span;
      if (this.is('else') && this.isPunct('=>', 1)) {
        this.next();
        this.next();
        elseExpr = this.parseExprStmtLike();
        this.eat(',');
        continue;
      }
      const pat = this.parsePattern();
      this.expect('=', '`=` after the branch pattern (`pattern = future => handler`)');
      const fut = this.parseExprNoStruct();
      const guard = this.eat(',') && this.eat('if') ? this.parseExpr() : null;
      this.expect('=>', '`=>` after the branch future');
      const body = this.parseExprStmtLike();
      branches.push({ pat, fut, guard, body, span: this.from(bstart) });
      if (!this.eat(',') && !this.endsStatement(body) && !this.atEof())
        throw new CompileError(
          `expected \`,\` after this select! branch, found ${describe(this.peek())}`,
          this.peek().span,
        );
    }
    if (branches.length === 0) throw new CompileError('`select!` needs at least one branch', whole);
    if (branches.length > 64) throw new CompileError('`select!` supports at most 64 branches', whole);
    return { k: 'select', biased, branches, else: elseExpr, span: whole };
  }

  // ------------------------------------------------------------------------------------------ patterns

  parsePattern(): Pat {
    const start = this.peek().span;
    this.eat('|');
    const first = this.parsePatternNoAlt();
    if (!this.isPunct('|')) return first;
    const alts = [first];
    while (this.eat('|')) alts.push(this.parsePatternNoAlt());
    return { k: 'or', alts, span: this.from(start) };
  }

  private parsePatternNoAlt(): Pat {
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
      if (t.text === '[') this.unsupported('slice patterns are not supported by Pollscope', start);
      if (t.text === '-') {
        this.next();
        const n = this.next();
        if (n.kind !== 'int' && n.kind !== 'float')
          throw new CompileError('expected a number after `-` in a pattern', n.span);
        const lit: Lit =
          n.kind === 'int'
            ? { t: 'int', v: -(n.value as number), suffix: n.suffix ?? '' }
            : { t: 'float', v: -(n.value as number) };
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
          ? { t: 'int', v: t.value as number, suffix: t.suffix ?? '' }
          : t.kind === 'byte'
            ? { t: 'int', v: t.value as number, suffix: 'u8' }
            : t.kind === 'float'
              ? { t: 'float', v: t.value as number }
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
            : { t: 'int', v: (neg ? -1 : 1) * (n.value as number), suffix: n.suffix ?? '' };
      }
      return { k: 'range', lo, hi, inclusive, span: this.from(start) };
    }
    return { k: 'lit', value: lo, span: start };
  }
}

// ---------------------------------------------------------------------------------------------- helpers

function describe(t: Token): string {
  switch (t.kind) {
    case 'eof':
      return 'the end of the input';
    case 'ident':
      return KEYWORDS.has(t.text) ? `keyword \`${t.text}\`` : `\`${t.text}\``;
    case 'str':
      return 'a string literal';
    case 'int':
    case 'float':
      return `\`${t.text}\``;
    default:
      return `\`${t.text}\``;
  }
}

function isBlockLike(e: Expr): boolean {
  return (
    e.k === 'block' || e.k === 'if' || e.k === 'match' || e.k === 'loop' || e.k === 'while' || e.k === 'for'
  );
}

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

/**
 * Parses a format string (`"x = {x}, {:?} {0:>5}"`) into literal pieces and argument references. Inline
 * captures (`{name}`) append a path expression to `args`, as rustc does.
 */
function parseFormatString(
  tok: Token,
  args: Expr[],
  named: Map<string, number>,
  positionalCount: number,
): FmtPiece[] {
  const s = tok.value as string;
  const pieces: FmtPiece[] = [];
  // Spans inside the literal are approximate when escapes change lengths; they point at the literal.
  const at = (i: number): Span => {
    const raw = tok.text.startsWith('r') ? 0 : 1;
    const off = Math.min(tok.span.start + raw + i, tok.span.end);
    return span(off, Math.min(off + 1, tok.span.end));
  };
  let text = '';
  let nextPositional = 0;
  const used = new Set<number>();
  const argRef = (name: string, i: number): number => {
    if (name === '') {
      const n = nextPositional++;
      if (n >= positionalCount)
        throw new CompileError(
          `this format string needs ${n + 1} argument(s) but ${positionalCount} were given`,
          at(i),
        );
      used.add(n);
      return n;
    }
    if (/^\d+$/.test(name)) {
      const n = Number(name);
      if (n >= positionalCount)
        throw new CompileError(`invalid reference to positional argument ${n}`, at(i));
      used.add(n);
      return n;
    }
    const existing = named.get(name);
    if (existing !== undefined) {
      used.add(existing);
      return existing;
    }
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name))
      throw new CompileError(`invalid format argument \`${name}\``, at(i));
    // Inline capture.
    const idx = args.length;
    args.push({ k: 'path', segs: [name], generics: [], span: at(i) });
    named.set(name, idx);
    used.add(idx);
    return idx;
  };
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (c === '{') {
      if (s[i + 1] === '{') {
        text += '{';
        i++;
        continue;
      }
      const close = s.indexOf('}', i);
      if (close < 0)
        throw new CompileError(
          'invalid format string: expected `}` but string was terminated',
          at(i),
          'if you intended to print `{`, escape it as `{{`',
        );
      const inner = s.slice(i + 1, close);
      const colon = inner.indexOf(':');
      const argName = (colon < 0 ? inner : inner.slice(0, colon)).trim();
      const specText = colon < 0 ? '' : inner.slice(colon + 1);
      if (text) pieces.push(text);
      text = '';
      const spec = parseSpec(specText, at(i), (n) => argRef(n, i));
      spec.arg = argRef(argName, i);
      pieces.push(spec);
      i = close;
      continue;
    }
    if (c === '}') {
      if (s[i + 1] === '}') {
        text += '}';
        i++;
        continue;
      }
      throw new CompileError(
        'invalid format string: unmatched `}` found',
        at(i),
        'if you intended to print `}`, escape it as `}}`',
      );
    }
    text += c;
  }
  if (text) pieces.push(text);
  for (let n = 0; n < positionalCount; n++) {
    if (!used.has(n)) throw new CompileError('argument never used in the format string', args[n]!.span);
  }
  return pieces;
}

function parseSpec(text: string, where: Span, argRef: (name: string) => number): FmtSpec {
  const spec: FmtSpec = {
    arg: 0,
    debug: false,
    pretty: false,
    width: null,
    precision: null,
    fill: ' ',
    align: null,
    sign: false,
    zero: false,
    alt: false,
    radix: '',
  };
  let i = 0;
  if (text.length >= 2 && (text[1] === '<' || text[1] === '>' || text[1] === '^')) {
    spec.fill = text[0]!;
    spec.align = text[1] as '<' | '>' | '^';
    i = 2;
  } else if (text[0] === '<' || text[0] === '>' || text[0] === '^') {
    spec.align = text[0] as '<' | '>' | '^';
    i = 1;
  }
  if (text[i] === '+') {
    spec.sign = true;
    i++;
  }
  if (text[i] === '#') {
    spec.alt = true;
    i++;
  }
  if (text[i] === '0' && /[0-9]/.test(text[i + 1] ?? '')) {
    spec.zero = true;
    i++;
  } else if (text[i] === '0' && (text[i + 1] === undefined || !/[0-9$]/.test(text[i + 1]!))) {
    spec.zero = true;
    i++;
  }
  const num = /^(\d+|[A-Za-z_][A-Za-z0-9_]*)\$|^\d+/.exec(text.slice(i));
  if (num) {
    if (num[0].endsWith('$')) spec.width = { arg: argRef(num[1]!) };
    else spec.width = Number(num[0]);
    i += num[0].length;
  }
  if (text[i] === '.') {
    i++;
    const p = /^(\d+|[A-Za-z_][A-Za-z0-9_]*)\$|^\d+|^\*/.exec(text.slice(i));
    if (!p) throw new CompileError('invalid precision in format string', where);
    if (p[0] === '*') throw new CompileError('`.*` precision is not supported', where);
    if (p[0].endsWith('$')) spec.precision = { arg: argRef(p[1]!) };
    else spec.precision = Number(p[0]);
    i += p[0].length;
  }
  const rest = text.slice(i);
  switch (rest) {
    case '':
      break;
    case '?':
      spec.debug = true;
      break;
    case '#?':
      spec.debug = true;
      spec.pretty = true;
      break;
    case 'x':
    case 'X':
    case 'b':
    case 'o':
    case 'e':
      spec.radix = rest;
      break;
    default:
      throw new CompileError(`unknown format trait \`${rest}\``, where, 'use {} or {:?}');
  }
  if (spec.alt && spec.debug) spec.pretty = true;
  return spec;
}
