/**
 * Signatures of std and tokio items for the numeric type pass, written as short Rust-like strings
 * (`'<T>(usize) -> (MpscSender<T>, MpscReceiver<T>)'`, `'(fn(T) -> U) -> Iter<U>'`) and parsed once.
 *
 * In a signature: a single capital letter is a type variable (the receiver's own parameters — `T` of
 * `Vec<T>` — or, if the receiver has no such parameter, a fresh variable per call); `Self` is the receiver;
 * `Unsigned<Self>` the unsigned integer of the receiver's width; `?` a type the pass does not know;
 * `IntoIter<T>` any iterable whose items are `T`, `IntoFuture<T>` anything `.await` makes a `T` of (a user
 * `impl Future` too); `()` the unit type; `u8`..`f64`, `bool`, `char`, `str` the
 * primitives; any other name a std type constructor (`Vec`, `Option`, `Duration`, …).
 */
import { numKindOf, unsignedOf } from './kinds';
import { con, STR, UNIT, UNKNOWN, num, type Solver, type Ty } from './ty';

export type Tmpl =
  | { k: 'name'; n: string; args: Tmpl[] }
  | { k: 'tuple'; items: Tmpl[] }
  | { k: 'fn'; params: Tmpl[]; ret: Tmpl };

export interface Sig {
  /** Names bound by turbofish arguments, in order (`collect::<B>`, `channel::<T>`). */
  generics: string[];
  params: Tmpl[];
  ret: Tmpl;
}

const cache = new Map<string, Sig>();

export function parseSig(text: string): Sig {
  const hit = cache.get(text);
  if (hit) return hit;
  const toks = text.match(/->|[A-Za-z_?][A-Za-z0-9_]*|[<>(),]/g) ?? [];
  let i = 0;
  const peek = () => toks[i];
  const eat = (t: string) => (toks[i] === t ? (i++, true) : false);
  const expect = (t: string) => {
    if (!eat(t)) throw new Error(`signature ${JSON.stringify(text)}: expected ${t} at token ${i}`);
  };
  const list = (close: string): Tmpl[] => {
    const out: Tmpl[] = [];
    while (!eat(close)) {
      out.push(ty());
      eat(',');
    }
    return out;
  };
  const ty = (): Tmpl => {
    if (eat('(')) {
      const items = list(')');
      return { k: 'tuple', items };
    }
    const n = toks[i++];
    if (n === undefined) throw new Error(`signature ${JSON.stringify(text)}: unexpected end`);
    if (n === 'fn') {
      expect('(');
      const params = list(')');
      const ret = eat('->') ? ty() : ({ k: 'tuple', items: [] } as Tmpl);
      return { k: 'fn', params, ret };
    }
    const args = eat('<') ? list('>') : [];
    return { k: 'name', n, args };
  };
  const generics: string[] = [];
  if (eat('<')) {
    while (!eat('>')) {
      generics.push(toks[i++]!);
      eat(',');
    }
  }
  expect('(');
  const params = list(')');
  const ret = eat('->') ? ty() : ({ k: 'tuple', items: [] } as Tmpl);
  if (peek() !== undefined) throw new Error(`signature ${JSON.stringify(text)}: trailing tokens`);
  const sig = { generics, params, ret };
  cache.set(text, sig);
  return sig;
}

const isVarName = (n: string) => n.length === 1 && n >= 'A' && n <= 'Z';

/**
 * `IntoIter<T>` / `IntoFuture<T>` in a signature: "something whose items (whose output) are `T`". It stands
 * for a fresh variable, and `project` is told to link that variable's item (output) type to `T` once the
 * variable is known.
 */
export type Projector = (kind: 'item' | 'output', from: Ty, to: Ty) => void;

/** Builds the type a template stands for; type variables come from `env` or are created fresh there. */
export function instantiate(t: Tmpl, env: Map<string, Ty>, s: Solver, project?: Projector): Ty {
  switch (t.k) {
    case 'tuple':
      return con(
        'tuple',
        t.items.map((x) => instantiate(x, env, s, project)),
      );
    case 'fn':
      return {
        t: 'fn',
        params: t.params.map((p) => instantiate(p, env, s, project)),
        ret: instantiate(t.ret, env, s, project),
      };
    case 'name': {
      const n = t.n;
      const bound = env.get(n);
      if (bound) return bound;
      if (isVarName(n)) {
        const v = s.fresh();
        env.set(n, v);
        return v;
      }
      if (n === '?') return UNKNOWN;
      if (n === 'IntoIter' || n === 'IntoFuture') {
        const v = s.fresh();
        const to = instantiate(t.args[0]!, env, s, project);
        if (project) project(n === 'IntoIter' ? 'item' : 'output', v, to);
        else s.taint(to);
        return v;
      }
      if (n === '_') return s.fresh();
      if (n === 'str') return STR;
      if (n === 'Unsigned') {
        const self = s.shallow(instantiate(t.args[0]!, env, s));
        return self.t === 'num' ? num(unsignedOf(self.k)) : UNKNOWN;
      }
      const k = numKindOf(n);
      if (k) return num(k);
      if (n === 'unit') return UNIT;
      return con(
        n,
        t.args.map((a) => instantiate(a, env, s, project)),
      );
    }
  }
}
