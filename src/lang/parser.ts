/**
 * A recursive-descent parser for the Rust subset (DESIGN.md §2), with precedence climbing for binary
 * operators. Macro invocations (`println!`, `select!`, `join!`, `vec!`, …) are parsed here too: their token
 * trees are handed to a sub-parser over the same tokens, so spans inside macros point at the real source.
 *
 * Anything outside the subset raises a `CompileError` with a span and, where possible, what to write
 * instead. The parser never guesses: a construct it does not know is an error, not a silent skip.
 */
import type { Item, Program } from './ast';
import type { Span } from './diagnostics';
import { lex, type Token } from './lexer';
import { ItemParser } from './parse/items';

export function parseProgram(source: string): Program {
  const p = new Parser(lex(source), source);
  const items: Item[] = [];
  while (!p.atEof()) {
    const item = p.parseItem();
    if (item) items.push(item);
  }
  return { items, source };
}

class Parser extends ItemParser {
  protected fork(toks: Token[], end: Span): Parser {
    const p = new Parser(toks, this.src, end, this.depth);
    p.macroCrates = this.macroCrates;
    return p;
  }
}
