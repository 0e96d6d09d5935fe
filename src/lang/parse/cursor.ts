/**
 * The bottom layer of the parser: the token cursor (`peek`, `eat`, `expect`, ...), spans, the nesting bound
 * and the error for anything outside the subset.
 *
 * The parser is one recursive-descent class split over files by grammar area, each file one layer:
 * cursor → types → patterns → operators → primaries → macros → statements → items → parser.ts. A layer calls
 * the layers below it directly and the ones above it through the abstract methods declared here (an
 * expression contains a block, a block contains items), so no file imports a file above it.
 */
import type { Attr, Block, Expr, Item } from '../ast';
import { CompileError, span, type Span } from '../diagnostics';
import type { Token } from '../lexer';

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

/**
 * How deeply expressions, blocks, types and patterns may nest (each `(`, `{`, operand of a chain of
 * operators or method calls, `else if`, … is one level). The parser, the resolver and the interpreter all
 * recurse over the tree, so without a bound `((((…` ten thousand deep overflows the JS stack; with it,
 * such input gets a diagnostic. Real programs stay far below.
 */
export const MAX_NESTING = 256;
export function describe(t: Token): string {
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

export abstract class TokenCursor {
  protected pos = 0;

  /** Inside `if`/`while`/`match`/`for` headers a `{` starts the body, not a struct literal. */
  protected noStruct = false;

  /** Macro calls written with braces (`select! { .. }`): like blocks, they end a statement or a match arm. */
  protected readonly braceMacros = new WeakSet<Expr>();

  constructor(
    protected readonly toks: Token[],
    protected readonly src: string,
    protected readonly endSpan: Span = toks[toks.length - 1]!.span,
    /** Current nesting level; a macro's sub-parser starts at the level of the macro call. */
    protected depth = 0,
  ) {}

  /** One level deeper; `at` is the token that opens the level, reported if it is one too many. */
  protected deeper(at: Span): void {
    if (++this.depth > MAX_NESTING)
      throw new CompileError(
        `this is nested too deeply (Pollscope reads at most ${MAX_NESTING} levels of nesting)`,
        at,
        'split it into smaller expressions, `let` bindings or functions',
      );
  }

  /** Runs `parse` one level deeper than the current one. */
  protected nested<T>(at: Span, parse: () => T): T {
    const outer = this.depth;
    this.deeper(at);
    try {
      return parse();
    } finally {
      this.depth = outer;
    }
  }

  protected peek(o = 0): Token {
    return this.toks[Math.min(this.pos + o, this.toks.length - 1)]!;
  }

  atEof(): boolean {
    return this.peek().kind === 'eof';
  }

  protected next(): Token {
    const t = this.peek();
    if (t.kind !== 'eof') this.pos++;
    return t;
  }

  protected is(text: string, o = 0): boolean {
    const t = this.peek(o);
    return (t.kind === 'punct' || t.kind === 'ident') && t.text === text;
  }

  protected isPunct(text: string, o = 0): boolean {
    const t = this.peek(o);
    return t.kind === 'punct' && t.text === text;
  }

  protected eat(text: string): boolean {
    if (this.is(text)) {
      this.pos++;
      return true;
    }
    return false;
  }

  protected expect(text: string, what?: string): Token {
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
  protected splitFirst(first: string): Token {
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

  protected ident(what = 'an identifier'): Token {
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

  protected from(start: Span): Span {
    const prev = this.toks[this.pos - 1];
    return span(start.start, prev ? Math.max(prev.span.end, start.end) : start.end);
  }

  protected unsupported(message: string, at: Span, hint?: string): never {
    throw new CompileError(message, at, hint);
  }

  // -------------------------------------------------------------------------- implemented by upper layers

  protected abstract parseAttrs(): Attr[];

  protected abstract skipDelimited(): void;

  abstract parseItem(before?: Attr[]): Item | null;

  abstract parseBlock(): Block;

  protected abstract endsStatement(e: Expr): boolean;

  abstract parseExpr(): Expr;

  protected abstract parsePrimary(): Expr;

  protected abstract parseMacro(path: string[], pathSpan: Span): Expr;
}
