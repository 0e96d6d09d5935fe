/**
 * What the builtin registry (src/sim/builtins) provides, arranged the way a learner looks it up: crate →
 * module → type → associated items and methods. Read from the registry itself (`builtinFns`,
 * `builtinConsts`, `builtinAliases`, `methodOwners`, `primitiveMethods`), so `docs/supported.md` cannot
 * claim what the interpreter does not have. Everything is sorted: the page is the same on every run.
 */
import '../src/sim/builtins/index';
import { BUILTIN_ORACLE } from '../src/sim/builtins/index';
import {
  builtinAliases,
  builtinConsts,
  builtinFns,
  methodOwners,
  PRIMITIVE_OWNERS,
  primitiveMethods,
} from '../src/sim/interp/registry';

export interface TypeDoc {
  /** `std::time::Duration`; a primitive's name (`char`); several joined with ` / ` for a shared table. */
  readonly path: string;
  /** Associated functions, constants and variants (`from_secs`, `MAX`, `Some`). */
  readonly assoc: Set<string>;
  readonly methods: Set<string>;
  /** For the integer types: which of them have each item, when not all do. */
  readonly only: Map<string, Set<string>>;
  /** The path names a type (or tuple struct / variant) that is itself callable: `Reverse(x)`. */
  constructor: boolean;
}

export interface ModuleDoc {
  /** `std::sync::mpsc`, `tokio`, or `primitive types`. */
  readonly path: string;
  readonly fns: Set<string>;
  readonly types: Map<string, TypeDoc>;
}

export interface ApiModel {
  /** Crate name → its modules, by module path. */
  readonly crates: Map<string, Map<string, ModuleDoc>>;
  /** The crates a program may `use`. */
  readonly crateNames: string[];
  /** Method tables whose Rust type could not be told (registered without one): `JsClass: names`. */
  readonly unplaced: string[];
}

export const INT_TYPES = [
  'i8',
  'i16',
  'i32',
  'i64',
  'i128',
  'isize',
  'u8',
  'u16',
  'u32',
  'u64',
  'u128',
  'usize',
];
const PRIMITIVES = new Set([...INT_TYPES, 'f32', 'f64', 'char', 'str', 'bool', 'slice']);
export const PRIMITIVE_MODULE = 'primitive types';
const CRATE_ORDER = ['std', 'core', 'alloc', 'tokio', 'futures', 'tokio_stream', 'tokio_util'];

function crateRank(path: string): number {
  const i = CRATE_ORDER.indexOf(path.split('::')[0]!);
  return i < 0 ? CRATE_ORDER.length : i;
}

/** The spelling a learner would look up: std before core, the fewest segments, then alphabetical. */
function preferredPath(spellings: string[], crates: Set<string>): string | null {
  const rooted = spellings.filter((s) => crates.has(s.split('::')[0]!));
  rooted.sort(
    (a, b) =>
      crateRank(a) - crateRank(b) || a.split('::').length - b.split('::').length || a.localeCompare(b),
  );
  return rooted[0] ?? null;
}

function isTypeSeg(seg: string): boolean {
  return PRIMITIVES.has(seg) || /^[A-Z]/.test(seg);
}

/** `core::x` / `alloc::x` are listed under `std`, where learners look (std re-exports them). */
function crateOf(path: string): string {
  const root = path.split('::')[0]!;
  return root === 'core' || root === 'alloc' ? 'std' : root;
}

function normalize(path: string): string {
  const segs = path.split('::');
  if (segs[0] === 'core' || segs[0] === 'alloc') segs[0] = 'std';
  return segs.join('::');
}

export function buildModel(): ApiModel {
  const crates = new Map<string, Map<string, ModuleDoc>>();
  const crateSet = new Set(BUILTIN_ORACLE.crates);
  const typeIndex = new Map<string, TypeDoc>();

  const moduleDoc = (crate: string, path: string): ModuleDoc => {
    let mods = crates.get(crate);
    if (!mods) crates.set(crate, (mods = new Map()));
    let m = mods.get(path);
    if (!m) mods.set(path, (m = { path, fns: new Set(), types: new Map() }));
    return m;
  };
  const typeDoc = (typePath: string): TypeDoc => {
    const known = typeIndex.get(typePath);
    if (known) return known;
    const first = typePath.split(' / ')[0]!;
    const segs = first.split('::');
    const primitive = segs.length === 1;
    const mod = primitive
      ? moduleDoc('std', PRIMITIVE_MODULE)
      : moduleDoc(crateOf(first), segs.slice(0, -1).join('::'));
    const t: TypeDoc = {
      path: typePath,
      assoc: new Set(),
      methods: new Set(),
      only: new Map(),
      constructor: false,
    };
    mod.types.set(typePath, t);
    typeIndex.set(typePath, t);
    return t;
  };

  // Types named by method registrations first, so a bare `String::new` finds `std::string::String`.
  const ownerByName = new Map<string, string>();
  for (const o of methodOwners)
    if (o.rust !== null)
      for (const p of o.rust.split(' / ')) ownerByName.set(p.split('::').pop()!, normalize(p));

  // Every spelling of each canonical item.
  const spellings = new Map<string, string[]>();
  for (const [alias, canonical] of builtinAliases) {
    const list = spellings.get(canonical) ?? [];
    list.push(alias);
    spellings.set(canonical, list);
  }

  const place = (canonical: string, isConst: boolean) => {
    const all = [canonical, ...(spellings.get(canonical) ?? [])];
    let full = preferredPath(all, crateSet);
    if (full === null) {
      const segs = canonical.split('::');
      const owner = segs.length > 1 ? ownerByName.get(segs[0]!) : undefined;
      full = owner ? [owner, ...segs.slice(1)].join('::') : canonical;
    }
    full = normalize(full);
    const segs = full.split('::');
    const ti = segs.findIndex((s, i) => isTypeSeg(s) && (i > 0 || PRIMITIVES.has(s)));
    if (ti < 0) {
      // A free function or constant of a module: `tokio::spawn`, `std::mem::swap`, `drop`.
      const modPath = segs.length > 1 ? segs.slice(0, -1).join('::') : 'std::prelude';
      moduleDoc(crateOf(full), modPath).fns.add(segs[segs.length - 1]!);
      return;
    }
    const tyName = segs[ti]!;
    // `std::f64::consts::PI` is the primitive `f64`'s, where `f64::MAX` is.
    const typePath = INT_TYPES.includes(tyName)
      ? PRIMITIVE_OWNERS.int
      : PRIMITIVES.has(tyName)
        ? tyName
        : segs.slice(0, ti + 1).join('::');
    const t = typeDoc(typePath);
    if (ti === segs.length - 1) {
      t.constructor = true;
      return;
    }
    const members = new Set<string>();
    // Other spellings under the same type (`Mutex::const_new` beside `Mutex::new`).
    const prefix = `${segs.slice(0, ti + 1).join('::')}::`;
    for (const s of all.map(normalize)) if (s.startsWith(prefix)) members.add(s.slice(prefix.length));
    members.add(segs.slice(ti + 1).join('::'));
    for (const m of members) {
      t.assoc.add(m);
      if (INT_TYPES.includes(tyName)) {
        const set = t.only.get(m) ?? new Set<string>();
        set.add(tyName);
        t.only.set(m, set);
      }
    }
    void isConst;
  };
  for (const c of builtinFns.keys()) place(c, false);
  for (const c of builtinConsts.keys()) place(c, true);

  const unplaced: string[] = [];
  for (const o of methodOwners) {
    if (o.names.length === 0) continue;
    let rust = o.rust;
    if (rust === null) {
      // Registered without a Rust type: a class named after a single known type is that type.
      const guess = o.jsClass.replace(/^R(?=[A-Z])/, '');
      const matches = [...typeIndex.keys()].filter((p) => p.split('::').pop() === guess);
      if (matches.length === 1) rust = matches[0]!;
      else {
        unplaced.push(`${o.jsClass}: ${[...o.names].sort().join(', ')}`);
        continue;
      }
    }
    const key = rust
      .split(' / ')
      .map((p) => normalize(p))
      .join(' / ');
    const t = typeDoc(key);
    for (const n of o.names) t.methods.add(n);
  }
  for (const [table, owner] of Object.entries(PRIMITIVE_OWNERS)) {
    const t = typeDoc(owner);
    for (const n of Object.keys(primitiveMethods[table as keyof typeof primitiveMethods])) t.methods.add(n);
  }
  // A method is listed once, as a method, even where `Type::method(x)` also reaches it.
  for (const t of typeIndex.values()) for (const m of t.methods) t.assoc.delete(m);
  // The integer table: items every integer type has need no list of types.
  const ints = typeIndex.get(PRIMITIVE_OWNERS.int);
  if (ints) for (const [m, tys] of ints.only) if (tys.size === INT_TYPES.length) ints.only.delete(m);

  const crateNames = [...crateSet].sort((a, b) => crateRank(a) - crateRank(b) || a.localeCompare(b));
  return { crates, crateNames, unplaced: unplaced.sort() };
}
