/**
 * The types of the numeric type pass and their unification.
 *
 * Deliberately small: enough structure to carry integer and float types through containers, tuples,
 * options, closures and user structs, as rustc's inference does. Everything else is `unknown` — a type the
 * pass cannot see (a generic parameter, a trait method, a std item without a signature here). `unknown`
 * unifies with anything without constraining it, and *taints* the inference variables it meets: a tainted
 * integer variable that nothing else fixes stays unknown instead of falling back to `i32`, because the code
 * we could not see may have fixed it to another type (a false overflow panic is worse than a missed one).
 *
 * References, `Box`, `Rc`, `Arc`, `Pin` and guards are transparent (`&u64` is `u64` here): integer
 * arithmetic through them is the same arithmetic.
 */
import { F64, I32, isFloatKind, isIntKind, KIND_NAMES } from './kinds';

export type Ty =
  | { t: 'unknown' }
  | { t: 'var'; id: number }
  /** A primitive integer or float: `k` is a kind of kinds.ts. */
  | { t: 'num'; k: number }
  /** A std type, a tuple (`tuple`), `()` (`tuple` without args), `bool`, `char`, `str` (String and &str). */
  | { t: 'con'; name: string; args: Ty[] }
  /** A user struct or enum. */
  | { t: 'adt'; name: string }
  /** A closure, fn item or fn pointer. */
  | { t: 'fn'; params: Ty[]; ret: Ty };

export const UNKNOWN: Ty = { t: 'unknown' };
export const num = (k: number): Ty => ({ t: 'num', k });
export const con = (name: string, args: Ty[] = []): Ty => ({ t: 'con', name, args });
export const UNIT: Ty = con('tuple');
export const BOOL: Ty = con('bool');
export const STR: Ty = con('str');
export const CHAR: Ty = con('char');

/** What an unbound variable may become: anything, an integer type (`{integer}`) or a float (`{float}`). */
const ANY = 0;
const INT = 1;
const FLOAT = 2;

export class Solver {
  private parent: number[] = [];
  private bound: (Ty | null)[] = [];
  private cls: number[] = [];
  private tainted: boolean[] = [];
  /** Unifications that failed: each is a rule of the pass that does not match rustc (tests expect none). */
  readonly mismatches: string[] = [];

  fresh(): Ty {
    return this.newVar(ANY);
  }
  freshInt(): Ty {
    return this.newVar(INT);
  }
  freshFloat(): Ty {
    return this.newVar(FLOAT);
  }

  private newVar(c: number): Ty {
    const id = this.parent.length;
    this.parent.push(id);
    this.bound.push(null);
    this.cls.push(c);
    this.tainted.push(false);
    return { t: 'var', id };
  }

  private root(id: number): number {
    let r = id;
    while (this.parent[r] !== r) r = this.parent[r]!;
    while (this.parent[id] !== r) {
      const next = this.parent[id]!;
      this.parent[id] = r;
      id = next;
    }
    return r;
  }

  /** The type with its outermost variable resolved (a bound variable's type, or the root variable). */
  shallow(t: Ty): Ty {
    while (t.t === 'var') {
      const r = this.root(t.id);
      const b = this.bound[r];
      if (!b) return r === t.id ? t : { t: 'var', id: r };
      t = b;
    }
    return t;
  }

  /** True for a (resolved) integer type or integer variable. */
  isIntLike(t: Ty): boolean {
    const s = this.shallow(t);
    return (s.t === 'num' && isIntKind(s.k)) || (s.t === 'var' && this.cls[s.id] === INT);
  }

  /** True for a (resolved) numeric type or numeric variable. */
  isNumLike(t: Ty): boolean {
    const s = this.shallow(t);
    return s.t === 'num' || (s.t === 'var' && this.cls[s.id] !== ANY);
  }

  unify(a: Ty, b: Ty, where = ''): void {
    const x = this.shallow(a);
    const y = this.shallow(b);
    if (x === y) return;
    if (x.t === 'unknown') return this.taint(y);
    if (y.t === 'unknown') return this.taint(x);
    if (x.t === 'var' && y.t === 'var') {
      if (x.id === y.id) return;
      const cx = this.cls[x.id]!;
      const cy = this.cls[y.id]!;
      if (cx !== ANY && cy !== ANY && cx !== cy) return this.mismatch(x, y, where);
      this.parent[x.id] = y.id;
      this.cls[y.id] = Math.max(cx, cy);
      this.tainted[y.id] = this.tainted[y.id]! || this.tainted[x.id]!;
      return;
    }
    if (x.t === 'var') return this.bind(x.id, y, where);
    if (y.t === 'var') return this.bind(y.id, x, where);
    if (x.t === 'num' && y.t === 'num') {
      if (x.k !== y.k) this.mismatch(x, y, where);
      return;
    }
    if (x.t === 'con' && y.t === 'con' && x.name === y.name && x.args.length === y.args.length) {
      for (let i = 0; i < x.args.length; i++) this.unify(x.args[i]!, y.args[i]!, where);
      return;
    }
    if (x.t === 'adt' && y.t === 'adt' && x.name === y.name) return;
    // A program's type meeting another type: an unsized coercion to a trait object (`[Box::new(Circle),
    // Box::new(Rect)]` as `Box<dyn Shape>`), which the pass does not model. Not a conflict; nothing to infer.
    if (x.t === 'adt' || y.t === 'adt') {
      this.taint(x);
      this.taint(y);
      return;
    }
    if (x.t === 'fn' && y.t === 'fn' && x.params.length === y.params.length) {
      for (let i = 0; i < x.params.length; i++) this.unify(x.params[i]!, y.params[i]!, where);
      this.unify(x.ret, y.ret, where);
      return;
    }
    this.mismatch(x, y, where);
  }

  private bind(id: number, t: Ty, where: string): void {
    const c = this.cls[id]!;
    const ok =
      c === ANY ? !this.occurs(id, t) : t.t === 'num' && (c === INT ? isIntKind(t.k) : isFloatKind(t.k));
    if (!ok) return this.mismatch({ t: 'var', id }, t, where);
    this.bound[id] = t;
    // A tainted variable that becomes a structure taints what the structure holds.
    if (this.tainted[id]) this.taint(t);
  }

  private occurs(id: number, t: Ty): boolean {
    const s = this.shallow(t);
    if (s.t === 'var') return this.root(s.id) === id;
    if (s.t === 'con') return s.args.some((a) => this.occurs(id, a));
    if (s.t === 'fn') return s.params.some((p) => this.occurs(id, p)) || this.occurs(id, s.ret);
    return false;
  }

  /** Marks every unbound variable in `t` as having met code the pass cannot see. */
  taint(t: Ty, depth = 0): void {
    if (depth > 32) return;
    const s = this.shallow(t);
    if (s.t === 'var') this.tainted[s.id] = true;
    else if (s.t === 'con') for (const a of s.args) this.taint(a, depth + 1);
    else if (s.t === 'fn') {
      for (const p of s.params) this.taint(p, depth + 1);
      this.taint(s.ret, depth + 1);
    }
  }

  private mismatch(x: Ty, y: Ty, where: string): void {
    this.mismatches.push(`${where}: ${this.show(x)} vs ${this.show(y)}`);
    // The pass got something wrong here: make sure neither side falls back to a guessed type.
    this.taint(x);
    this.taint(y);
  }

  /**
   * The numeric kind of a type once inference is done: a concrete kind, `i32` / `f64` for an integer /
   * float variable nothing fixed (rustc's fallback), or 0 when unknown (or tainted).
   */
  kindOf(t: Ty): number {
    const s = this.shallow(t);
    if (s.t === 'num') return s.k;
    if (s.t === 'var') {
      if (this.tainted[s.id]) return 0;
      const c = this.cls[s.id];
      return c === INT ? I32 : c === FLOAT ? F64 : 0;
    }
    return 0;
  }

  show(t: Ty, depth = 0): string {
    const s = this.shallow(t);
    if (depth > 8) return '..';
    switch (s.t) {
      case 'unknown':
        return '?';
      case 'var':
        return this.cls[s.id] === INT ? '{integer}' : this.cls[s.id] === FLOAT ? '{float}' : `_${s.id}`;
      case 'num':
        return KIND_NAMES[s.k]!;
      case 'con':
        return s.args.length ? `${s.name}<${s.args.map((a) => this.show(a, depth + 1)).join(', ')}>` : s.name;
      case 'adt':
        return s.name;
      case 'fn':
        return `fn(${s.params.map((p) => this.show(p, depth + 1)).join(', ')}) -> ${this.show(s.ret, depth + 1)}`;
    }
  }
}
