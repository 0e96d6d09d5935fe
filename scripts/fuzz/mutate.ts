/**
 * Mutations of real programs: token edits (which mostly still parse, and so reach the runtime), line edits,
 * splices of two programs, and *inflations* — a number, a loop bound, a size or a depth made huge — that turn
 * a working program into one of the shapes that broke the simulator before (giant strings and collections,
 * long loops, deep recursion).
 */
import { join, pieces, type Piece, type Seed } from './corpus';
import type { Rng } from './rng';

const PUNCT = [
  ...'+-*/%^!&|=<>@.,;:#$?~()[]{}'.split(''),
  ...['::', '->', '=>', '==', '!=', '<=', '>=', '&&', '||', '+=', '-=', '<<', '>>', '..', '..=', '...'],
];

const WEIRD = [
  '.await',
  'async',
  'move',
  'async move',
  '|x|',
  '||',
  'tokio::spawn',
  'tokio::select!',
  'tokio::join!',
  'println!',
  'format!',
  'vec!',
  'panic!',
  'loop',
  'break',
  'continue',
  'return',
  'let',
  'mut',
  'match',
  'if',
  'else',
  'while',
  'for',
  'in',
  'fn',
  'struct',
  'enum',
  'impl',
  'trait',
  'dyn',
  'where',
  'Self',
  'self',
  '_',
  "'a",
  "'outer:",
  'as',
  'ref',
  '&mut',
  '*',
  '?',
  '0',
  '1',
  '-1',
  '255u8',
  '0xffff_ffff',
  '1e308',
  '1.5',
  'f64::NAN',
  'u64::MAX',
  'i64::MIN',
  '18446744073709551615',
  '"x"',
  '"{}"',
  '"{:?}"',
  '"{:>1$}"',
  '"{:.101}"',
  '"{:#?}"',
  "'c'",
  "b'a'",
  'b"bytes"',
  'r#"raw"#',
  '"\\u{1F600}"',
  'é',
  '😀',
  '/* c */',
  '// c\n',
  'Box::new',
  'Box::pin',
  'Some',
  'None',
  'Ok',
  'Err',
  'unwrap()',
  '.clone()',
  '.iter()',
  '.map(|x| x)',
  '.collect::<Vec<_>>()',
  '.sum::<u64>()',
  'impl Fn()',
  '<T>',
  'T: Clone',
];

/** Numbers that make things big: a loop that runs long, a vector that is huge, a recursion that is deep. */
const BIG = [
  '0',
  '1',
  '2',
  '64',
  '1000',
  '100_000',
  '1_000_000',
  '50_000_000',
  '4294967295',
  '9007199254740993',
  '18446744073709551615',
  '1 << 30',
  '1 << 40',
  'usize::MAX',
  'u64::MAX',
  '0u8',
  '255u8',
];

type Mutation = (ps: Piece[], rng: Rng, idents: readonly string[]) => void;

const TOKEN_MUTATIONS: readonly (readonly [number, Mutation])[] = [
  [3, (ps, rng) => void ps.splice(rng.below(ps.length), 1)],
  [
    2,
    (ps, rng) => {
      const i = rng.below(ps.length);
      ps.splice(i, 0, ps[i]!);
    },
  ],
  [
    2,
    (ps, rng) => {
      const i = rng.below(ps.length);
      const j = rng.chance(0.5) ? Math.min(i + 1, ps.length - 1) : rng.below(ps.length);
      const a = ps[i]!;
      const b = ps[j]!;
      ps[i] = { ...b, trivia: a.trivia };
      ps[j] = { ...a, trivia: b.trivia };
    },
  ],
  [
    3,
    (ps, rng, idents) => {
      const token = rng.weighted([
        [4, rng.pick(PUNCT)],
        [3, rng.pick(WEIRD)],
        [2, rng.pick(idents)],
      ] as const);
      ps.splice(rng.below(ps.length), 0, { trivia: ' ', text: token, kind: 'fuzz' });
    },
  ],
  [
    3,
    (ps, rng, idents) => {
      const i = rng.below(ps.length);
      const token = rng.weighted([
        [4, rng.pick(PUNCT)],
        [3, rng.pick(WEIRD)],
        [2, rng.pick(idents)],
      ] as const);
      ps[i] = { ...ps[i]!, text: token, kind: 'fuzz' };
    },
  ],
  // An integer literal made big: most programs still compile, and now do a lot of something.
  [
    6,
    (ps, rng) => {
      const ints = ps.flatMap((p, k) => (p.kind === 'int' ? [k] : []));
      if (ints.length === 0) return;
      const i = rng.pick(ints);
      ps[i] = { ...ps[i]!, text: rng.pick(BIG), kind: 'fuzz' };
    },
  ],
  [
    2,
    (ps, rng, idents) => {
      const ids = ps.flatMap((p, k) => (p.kind === 'ident' ? [k] : []));
      if (ids.length === 0) return;
      const i = rng.pick(ids);
      ps[i] = { ...ps[i]!, text: rng.pick(idents) };
    },
  ],
  [1, (ps, rng) => void ps.splice(rng.below(ps.length))],
];

function mutateTokens(source: string, rng: Rng, idents: readonly string[]): string | null {
  const all = pieces(source);
  if (!all || all.length < 2) return null;
  const ps = all.slice(0, -1);
  const eof = all[all.length - 1]!;
  const n = rng.weighted([
    [6, 1],
    [3, 2],
    [2, 3],
    [1, 6],
  ] as const);
  for (let k = 0; k < n && ps.length > 0; k++) rng.weighted(TOKEN_MUTATIONS)(ps, rng, idents);
  return join(ps) + eof.trivia;
}

function mutateLines(source: string, rng: Rng, other: string): string {
  const lines = source.split('\n');
  const i = rng.below(lines.length);
  switch (rng.below(5)) {
    case 0:
      lines.splice(i, 1);
      break;
    case 1: {
      const n = rng.pick([2, 10, 100, 1000]);
      lines.splice(i, 0, ...Array<string>(n).fill(lines[i]!));
      break;
    }
    case 2: {
      const [line] = lines.splice(i, 1);
      lines.splice(rng.below(lines.length + 1), 0, line!);
      break;
    }
    case 3: {
      const graft = other.split('\n');
      lines.splice(i, 0, graft[rng.below(graft.length)]!);
      break;
    }
    default: {
      // A line run in a loop: what it does once, it now does many times.
      const n = rng.pick(BIG);
      lines.splice(i, 1, `for _fuzz in 0..${n} {`, lines[i]!, '}');
    }
  }
  return lines.join('\n');
}

/** The first part of one program and the rest of another, cut at line boundaries. */
function splice(a: string, b: string, rng: Rng): string {
  const la = a.split('\n');
  const lb = b.split('\n');
  return [...la.slice(0, rng.below(la.length + 1)), ...lb.slice(rng.below(lb.length + 1))].join('\n');
}

/** One mutant of a corpus program. */
export function mutant(
  seeds: readonly Seed[],
  idents: readonly string[],
  rng: Rng,
): { program: string; how: string } {
  const seed = rng.pick(seeds);
  const other = rng.pick(seeds).source;
  const kind = rng.weighted([
    [6, 'tokens'],
    [3, 'lines'],
    [1, 'splice'],
  ] as const);
  const program =
    kind === 'tokens'
      ? mutateTokens(seed.source, rng, idents)
      : kind === 'lines'
        ? mutateLines(seed.source, rng, other)
        : splice(seed.source, other, rng);
  return { program: program ?? seed.source, how: `${kind} of ${seed.name}` };
}
