/**
 * The programs the campaign mutates: every conformance program (so the campaign grows with the corpus and
 * with the syntax the language work adds there) and every lesson.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { lex } from '../../src/lang/lexer';

export const CORPUS_DIRS = ['tests/conformance', 'src/lessons/programs'];

export interface Seed {
  readonly name: string;
  readonly source: string;
}

/** A token with the whitespace and comments before it, so a program re-joins to its exact source. */
export interface Piece {
  readonly trivia: string;
  readonly text: string;
  readonly kind: string;
}

export function loadCorpus(dirs = CORPUS_DIRS): Seed[] {
  const out: Seed[] = [];
  for (const dir of dirs) {
    if (!existsSync(dir)) continue;
    for (const f of readdirSync(dir).sort())
      if (f.endsWith('.rs')) out.push({ name: `${dir}/${f}`, source: readFileSync(`${dir}/${f}`, 'utf8') });
  }
  return out;
}

/** Tokens of `source`, each with its leading trivia; the last piece is the end of file. Null if it does not lex. */
export function pieces(source: string): Piece[] | null {
  try {
    const out: Piece[] = [];
    let last = 0;
    for (const t of lex(source)) {
      out.push({ trivia: source.slice(last, t.span.start), text: t.text, kind: t.kind });
      last = t.span.end;
    }
    return out;
  } catch {
    return null;
  }
}

export function join(ps: readonly Piece[]): string {
  let s = '';
  for (const p of ps) s += p.trivia + p.text;
  return s;
}

/** Every identifier in the corpus: mutations swap them around. */
export function identsOf(seeds: readonly Seed[]): string[] {
  const set = new Set<string>();
  for (const s of seeds) for (const p of pieces(s.source) ?? []) if (p.kind === 'ident') set.add(p.text);
  return [...set].sort();
}
