/**
 * Macro invocations: the token tree after `name!` is parsed by a sub-parser over the same tokens (so spans
 * inside macros point at the real source) with that macro's grammar: the formatting macros, `vec!`,
 * `select!`, `join!` / `try_join!`, `assert!` and friends, `matches!`, `pin!`.
 */
import type { Expr, FmtMacro, SelectBranch } from '../ast';
import { CompileError, span, type Span } from '../diagnostics';
import { lex, type Token } from '../lexer';
import { describe, MAX_NESTING } from './cursor';
import { parseFormatString } from './format-string';
import { PrimaryParser } from './primaries';

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

/** Macros `futures` exports that share a name with tokio's (or that only futures has). */
const FUTURES_MACROS = new Set(['select', 'select_biased', 'join', 'try_join', 'pin_mut']);

export abstract class MacroParser extends PrimaryParser {
  /** A parser over a macro's tokens, at the current nesting depth (parser.ts makes the real one). */
  protected abstract fork(toks: Token[], end: Span): MacroParser;

  /**
   * The crate each macro name was imported from by a `use` parsed so far (`use futures::select;` makes a
   * later `select!` futures' one). Shared with the sub-parsers of macro bodies.
   */
  protected macroCrates = new Map<string, string>();

  /** Notes `use futures::{select, join}` (and `use tokio::select`) for the macros parsed after it. */
  protected noteMacroImport(path: string[], alias: string): void {
    const last = path[path.length - 1]!;
    if (path.length < 2 || !FUTURES_MACROS.has(last)) return;
    this.macroCrates.set(alias, path[0]!);
  }

  /** Collects the token tree after `name!` and parses it with the grammar of that macro. */
  protected parseMacro(path: string[], pathSpan: Span): Expr {
    const name = path[path.length - 1]!;
    const open = this.peek();
    const start = pathSpan;
    const inner = this.collectTokenTree();
    const end = this.toks[this.pos - 1]!.span;
    const whole = span(start.start, end.end);
    const sub = this.fork(
      [...inner, { kind: 'eof', text: '', span: span(end.start, end.start), spaced: true }],
      span(end.start, end.end),
    );
    const crate = path.length > 1 ? path[0] : this.macroCrates.get(name);
    let expr: Expr;
    if ((crate === 'futures' && name === 'select') || name === 'select_biased')
      expr = sub.parseFuturesSelect(whole, name === 'select_biased');
    else expr = this.parseMacroBody(name, sub, open, inner, end, whole, pathSpan);
    // futures' join! shares tokio's grammar but not its polling order.
    if (crate === 'futures' && expr.k === 'join') expr.inOrder = true;
    if (open.text === '{') this.braceMacros.add(expr);
    return expr;
  }

  private parseMacroBody(
    name: string,
    sub: MacroParser,
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
        const arr = this.fork(toks, end).parseArrayBody(true);
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
      // futures' `pin_mut!(x)` pins a local in place, as `tokio::pin!(x)` does.
      case 'pin':
      case 'pin_mut': {
        // `pin_mut!(a, b)` / `tokio::pin!(a, b)` pin several locals: one `pin` statement each.
        const exprs: Expr[] = [];
        do {
          if (sub.atEof()) break;
          exprs.push(sub.parseExpr());
        } while (sub.eat(','));
        sub.expectEof(name);
        if (exprs.length === 0) throw new CompileError(`\`${name}!\` needs a local to pin`, whole);
        if (exprs.length === 1) return { k: 'pin', expr: exprs[0]!, span: whole };
        const stmts = exprs.map((expr) => ({
          k: 'expr' as const,
          expr: { k: 'pin' as const, expr, span: expr.span },
          semi: true,
          span: expr.span,
        }));
        return {
          k: 'block',
          block: { stmts, tail: null, span: whole, unsafe: false },
          label: null,
          span: whole,
        };
      }
      case 'write':
      case 'writeln': {
        // `write!(f, "..", args)`: the destination, then a format string as in `format!`.
        const dest = sub.parseExpr();
        if (sub.atEof() && name === 'writeln')
          return { k: 'fmt', macro: name, pieces: [], args: [], span: whole, dest };
        sub.expect(',', `\`,\` and a format string after the destination of \`${name}!\``);
        const e = sub.parseFmtMacro(name, whole, open.span);
        return { ...e, dest } as Expr;
      }
      case 'ready': {
        // `std::task::ready!(e)` (also `futures::ready!`): `match e { Poll::Ready(t) => t, Poll::Pending =>
        // return Poll::Pending }`, parsed from tokens that all point at the macro call.
        const toks = (src: string) =>
          lex(src)
            .filter((t) => t.kind !== 'eof')
            .map((t) => ({ ...t, span: whole }));
        const desugared = [
          ...toks('match ('),
          ...inner,
          ...toks(
            ') { std::task::Poll::Ready(ready_value) => ready_value, std::task::Poll::Pending => return std::task::Poll::Pending, }',
          ),
          { kind: 'eof' as const, text: '', span: span(end.start, end.start), spaced: true },
        ];
        return this.fork(desugared, span(end.start, end.end)).parseExpr();
      }
      default:
        throw new CompileError(
          `the macro \`${name}!\` is not supported by Pollscope`,
          pathSpan,
          'supported: println!, eprintln!, print!, format!, write!, writeln!, panic!, vec!, select!, join!, assert!, assert_eq!, matches!, pin!, ready!',
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

  /**
   * `futures::select! { pat = fut => body, complete => body, default => body }` (futures-macro
   * `select.rs`): no `biased;` (that is `select_biased!`), no `if` preconditions, no `else`. A future
   * named by a path is polled in place (`&mut fut`, so it must be `Unpin`), any other is bound for the
   * duration of the select!.
   */
  parseFuturesSelect(whole: Span, biased: boolean): Expr {
    const macro = biased ? 'select_biased!' : 'select!';
    const branches: SelectBranch[] = [];
    let complete: Expr | null = null;
    let dflt: Expr | null = null;
    while (!this.atEof()) {
      const bstart = this.peek().span;
      if ((this.is('complete') || this.is('default')) && this.isPunct('=>', 1)) {
        const which = this.next().text;
        this.next();
        const body = this.parseExprStmtLike();
        if ((which === 'complete' ? complete : dflt) !== null)
          throw new CompileError(`multiple \`${which}\` cases found, only one allowed`, bstart);
        if (which === 'complete') complete = body;
        else dflt = body;
        if (!this.eat(',') && !this.endsStatement(body) && !this.atEof())
          throw new CompileError(`expected \`,\` after this ${macro} branch`, this.peek().span);
        continue;
      }
      const pat = this.parsePattern();
      this.expect('=', `\`=\` after the branch pattern (\`pattern = future => handler\`)`);
      const expr = this.parseExprNoStruct();
      // futures-macro: "Don't bind futures that are already a path": they are polled through `&mut`.
      const fut: Expr = expr.k === 'path' ? { k: 'ref', mut: true, expr, span: expr.span } : expr;
      this.expect('=>', '`=>` after the branch future');
      const body = this.parseExprStmtLike();
      branches.push({ pat, fut, guard: null, body, span: this.from(bstart) });
      if (!this.eat(',') && !this.endsStatement(body) && !this.atEof())
        throw new CompileError(
          `expected \`,\` after this ${macro} branch, found ${describe(this.peek())}`,
          this.peek().span,
        );
    }
    if (branches.length === 0 && !complete && !dflt)
      throw new CompileError(`\`${macro}\` needs at least one branch`, whole);
    if (branches.length > 64) throw new CompileError(`\`${macro}\` supports at most 64 branches`, whole);
    return { k: 'select', biased, branches, else: null, futures: { complete, default: dflt }, span: whole };
  }
}
