/** Blocks and statements: `let` (with `else`), items inside blocks, and where an expression statement ends. */
import type { Attr, Block, Expr, Item, Stmt, Type } from '../ast';
import { CompileError } from '../diagnostics';
import { describe } from './cursor';
import { MacroParser } from './macros';

function isBlockLike(e: Expr): boolean {
  return (
    e.k === 'block' || e.k === 'if' || e.k === 'match' || e.k === 'loop' || e.k === 'while' || e.k === 'for'
  );
}

export abstract class BlockParser extends MacroParser {
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
      this.is('static') ||
      (this.is('type') && this.peek(1).kind === 'ident')
    );
  }

  /** An item inside a block, with the attributes already read (`#[derive(..)]` on a local struct). */
  private parseItemWithAttrs(attrs: Attr[]): Item {
    const item = this.parseItem(attrs);
    if (!item) throw new CompileError('expected an item', this.peek().span);
    return item;
  }

  /** A block-like expression or a braced macro call: it needs no `;` (or `,` after a match arm). */
  protected endsStatement(e: Expr): boolean {
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
}
