/**
 * Keys of `HashMap` / `HashSet`: hashed and compared structurally, as derived `Hash` + `Eq` do — a
 * `String` and a `&str` with the same text are the same key, so are an integer held as a number and one
 * held as a bigint, and a struct or enum key is its type plus its fields.
 *
 * Iteration order: real Rust's `RandomState` seeds every map differently in every process, so a program's
 * HashMap order changes from run to run. The simulator shows a **seeded** order instead — deterministic for
 * a run's seed, different across seeds and across maps, and not insertion order — by sorting entries on a
 * seeded hash of the key's structural encoding; and the first time a program's output may depend on that
 * order it records a `hash-order` lint.
 */
import type { InterpCore } from '../../../interp/core';
import {
  F64,
  RChar,
  RDuration,
  REnum,
  RObject,
  RRef,
  RString,
  RStruct,
  RTuple,
  RVec,
  Unit,
  type Value,
} from '../../../values';
import type { World } from '../../../world';

/** The structural encoding of a key: equal keys (by Rust's `Eq`) have equal encodings. */
export function keyOf(cx: InterpCore, v: Value): string {
  switch (typeof v) {
    case 'number':
      return Number.isInteger(v) ? `i${v}` : `f${v}`;
    case 'bigint':
      return `i${v}`;
    case 'boolean':
      return v ? 'T' : 'F';
    case 'string':
      return `s${v.length}:${v}`;
  }
  if (v instanceof RRef) return keyOf(cx, v.place.get());
  if (v instanceof RString) return `s${v.s.length}:${v.s}`;
  if (v instanceof RChar) return `c${v.c}`;
  if (v instanceof Unit) return 'u';
  if (v instanceof F64) return `f${v.v}`;
  if (v instanceof RDuration) return `d${v.ns}`;
  if (v instanceof RTuple) return `(${v.items.map((x) => keyOf(cx, x)).join(',')})`;
  if (v instanceof RVec) return `[${v.items.map((x) => keyOf(cx, x)).join(',')}]`;
  if (v instanceof REnum)
    return `${v.enumName}::${v.variant}(${v.values.map((x) => keyOf(cx, x)).join(',')})`;
  if (v instanceof RStruct) return `${v.def.name}{${v.fields.map((x) => keyOf(cx, x)).join(',')}}`;
  if (v instanceof RObject) {
    const own = (v as { hashKey?: (cx: InterpCore) => string }).hashKey;
    if (own) return own.call(v, cx);
    const inner = (v as { derefPlace?: () => { get(): Value } | null }).derefPlace?.call(v);
    if (inner) return keyOf(cx, inner.get());
    return cx.unsupported(`\`${v.typeName()}\` cannot be used as a HashMap key or HashSet item in Pollscope`);
  }
  return cx.unsupported('this value cannot be used as a HashMap key or HashSet item');
}

/** A 32-bit hash of `text` under `seed` (FNV-1a, then a murmur3 finalizer to spread the bits). */
export function seededHash(seed: number, text: string): number {
  let h = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b) >>> 0;
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35) >>> 0;
  h ^= h >>> 16;
  return h >>> 0;
}

interface RunHashState {
  /** RandomState::new() gives each map its own keys: here, the run's seed mixed with a per-run counter. */
  maps: number;
  /** Whether the `hash-order` lint was recorded. */
  linted: boolean;
}
const runs = new WeakMap<World, RunHashState>();

function stateOf(world: World): RunHashState {
  let s = runs.get(world);
  if (!s) {
    s = { maps: 0, linted: false };
    runs.set(world, s);
  }
  return s;
}

/** The hash seed of a new map or set of this run (`RandomState::new()`). */
export function newHashSeed(world: World): number {
  const s = stateOf(world);
  s.maps++;
  return seededHash(world.options.seed >>> 0, `map${s.maps}`);
}

/**
 * Records, once per run, that output may depend on HashMap/HashSet iteration order: a map or set with at
 * least two entries is being iterated or printed.
 */
export function noteHashOrder(world: World, what: string, len: number): void {
  if (len < 2) return;
  const s = stateOf(world);
  if (s.linted) return;
  s.linted = true;
  const t = world.machine.current;
  world.machine.emit('lint', {
    task: t?.currentTask ? t.currentTask.id : -1,
    lint: 'hash-order',
    detail: `${what}: real Rust's HashMap order differs from run to run (Pollscope shows one order per seed); sort the items, or use a BTreeMap, if the output must not change`,
  });
}
