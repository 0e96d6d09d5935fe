/**
 * Visits every expression of a program (depth first), for analyses that need the whole tree: the future
 * layouts the UI prints, lints over the source.
 */
import type { Block, Expr, Item, Program, Stmt } from './ast';

export function walkProgram(p: Program, visit: (e: Expr) => void): void {
  for (const item of p.items) walkItem(item, visit);
}

function walkItem(item: Item, visit: (e: Expr) => void): void {
  if (item.k === 'fn') walkBlock(item.body, visit);
  else if (item.k === 'impl') {
    for (const c of item.consts) walkExpr(c.value, visit);
    for (const f of item.fns) walkBlock(f.body, visit);
  } else if (item.k === 'trait') {
    for (const c of item.consts) if (c.value) walkExpr(c.value, visit);
    for (const f of item.fns) walkBlock(f.body, visit);
  } else if (item.k === 'mod') for (const i of item.items) walkItem(i, visit);
  else if (item.k === 'const') walkExpr(item.value, visit);
  else if (item.k === 'enum') for (const v of item.variants) if (v.disc) walkExpr(v.disc, visit);
}

function walkBlock(b: Block, visit: (e: Expr) => void): void {
  for (const s of b.stmts) walkStmt(s, visit);
  if (b.tail) walkExpr(b.tail, visit);
}

function walkStmt(s: Stmt, visit: (e: Expr) => void): void {
  switch (s.k) {
    case 'let':
      if (s.init) walkExpr(s.init, visit);
      if (s.else) walkBlock(s.else, visit);
      break;
    case 'expr':
      walkExpr(s.expr, visit);
      break;
    case 'item':
      walkItem(s.item, visit);
      break;
    case 'empty':
      break;
  }
}

export function walkExpr(e: Expr, visit: (e: Expr) => void): void {
  visit(e);
  const w = (x: Expr | null | undefined) => {
    if (x) walkExpr(x, visit);
  };
  switch (e.k) {
    case 'lit':
    case 'path':
    case 'continue':
      return;
    case 'unary':
    case 'ref':
    case 'cast':
    case 'try':
    case 'await':
    case 'pin':
      w(e.expr);
      return;
    case 'field':
      w(e.expr);
      return;
    case 'binary':
      w(e.left);
      w(e.right);
      return;
    case 'assign':
      w(e.target);
      w(e.value);
      return;
    case 'call':
      w(e.callee);
      e.args.forEach(w);
      return;
    case 'method':
      w(e.receiver);
      e.args.forEach(w);
      return;
    case 'index':
      w(e.expr);
      w(e.index);
      return;
    case 'range':
      w(e.from);
      w(e.to);
      return;
    case 'block':
      walkBlock(e.block, visit);
      return;
    case 'if':
      w(e.cond);
      walkBlock(e.then, visit);
      w(e.else);
      return;
    case 'let':
      w(e.expr);
      return;
    case 'match':
      w(e.scrutinee);
      for (const a of e.arms) {
        w(a.guard);
        w(a.body);
      }
      return;
    case 'while':
      w(e.cond);
      walkBlock(e.body, visit);
      return;
    case 'loop':
      walkBlock(e.body, visit);
      return;
    case 'for':
      w(e.iter);
      walkBlock(e.body, visit);
      return;
    case 'break':
    case 'return':
      w(e.value);
      return;
    case 'closure':
      w(e.body);
      return;
    case 'async':
      walkBlock(e.block, visit);
      return;
    case 'struct':
      e.fields.forEach((f) => w(f.value));
      w(e.base);
      return;
    case 'tuple':
    case 'array':
      e.items.forEach(w);
      return;
    case 'repeat':
      w(e.value);
      w(e.count);
      return;
    case 'fmt':
    case 'assert':
      if (e.k === 'fmt') w(e.dest);
      e.args.forEach(w);
      if (e.k === 'assert') w(e.message);
      return;
    case 'matches':
      w(e.expr);
      w(e.guard);
      return;
    case 'select':
      for (const b of e.branches) {
        w(b.fut);
        w(b.guard);
        w(b.body);
      }
      w(e.else);
      w(e.futures?.complete);
      w(e.futures?.default);
      return;
    case 'join':
      e.futs.forEach(w);
      return;
  }
}
