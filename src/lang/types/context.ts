/**
 * The bottom layer of the numeric type pass: the solver, the frames of the functions, closures and async
 * blocks being inferred (a type per slot), written types (`u8`, `Vec<u64>`, `Self`) turned into pass types,
 * and the std signatures looked up by path or receiver.
 *
 * The pass is one class split over files like the resolver: context → patterns → calls → expressions →
 * infer.ts. A layer calls the layers below it directly and the ones above through abstract methods here.
 */
import { collectAliases, type Aliases } from '../aliases';
import type { Expr, FnInfo, Type } from '../ast';
import type { ResolvedProgram } from '../resolver/scopes';
import { numKindOf } from './kinds';
import { CONST_TYPES, FN_SIGS } from './std-fn-sigs';
import { CON_PARAMS, METHOD_SIGS } from './std-sigs';
import { instantiate, parseSig, type Sig } from './sigs';
import { BOOL, CHAR, con, num, Solver, STR, UNIT, UNKNOWN, type Ty } from './ty';

interface Frame {
  info: FnInfo;
  slots: (Ty | undefined)[];
  /** What `return` (or the body's value) must be. */
  ret: Ty;
  /** Enclosing loops and labelled blocks, innermost last, with the type `break value` gives them. */
  loops: { label: string | null; ty: Ty; loop: boolean }[];
}

/** Containers and smart pointers the pass sees through: `Arc<Mutex<u64>>` is a `Mutex<u64>`. */
const TRANSPARENT = new Set([
  'Box',
  'Rc',
  'Arc',
  'Pin',
  'Cow',
  'MutexGuard',
  'RwLockReadGuard',
  'RwLockWriteGuard',
  'OwnedMutexGuard',
  'Ref',
  'RefMut',
  'ManuallyDrop',
]);

/** Written std type names that map to a constructor of std-sigs.ts. */
const STD_CONS = new Set([
  'Vec',
  'VecDeque',
  'BinaryHeap',
  'HashMap',
  'HashSet',
  'BTreeMap',
  'BTreeSet',
  'Option',
  'Result',
  'Duration',
  'Instant',
  'Mutex',
  'RwLock',
  'Cell',
  'RefCell',
  'JoinHandle',
  'Ordering',
  'Reverse',
]);

/** A `use` of std's mpsc module (`use std::sync::mpsc;`, `use std::sync::{mpsc, Arc};`). */
const STD_MPSC = /use\s+std::sync::(mpsc\b|\{[^}]*\bmpsc\b)/;

const CHANNEL_FLAVOURS: Record<string, string> = {
  mpsc: 'Mpsc',
  oneshot: 'Oneshot',
  watch: 'Watch',
  broadcast: 'Bcast',
};

export abstract class InferContext {
  readonly solver = new Solver();
  protected readonly frames: Frame[] = [];
  /** Every expression with the type inferred for it, annotated with its kind once inference is done. */
  protected readonly typed: { e: Expr; ty: Ty }[] = [];
  /** The `impl` type of the method being inferred (what `Self` means). */
  protected selfTy: string | null = null;

  /** The program's type aliases, looked through where a written type names one. */
  private readonly aliases: Aliases;
  private aliasDepth = 0;

  constructor(protected readonly prog: ResolvedProgram) {
    this.aliases = collectAliases(prog.program);
  }

  // ------------------------------------------------------------------------------------------ frames

  protected withFrame<T>(info: FnInfo, ret: Ty, body: () => T): T {
    this.frames.push({ info, slots: [], ret, loops: [] });
    try {
      return body();
    } finally {
      this.frames.pop();
    }
  }

  protected get frame(): Frame {
    return this.frames[this.frames.length - 1]!;
  }

  /** The type of a slot `depth` frames up (a fresh variable until something says more). */
  protected slotTy(depth: number, slot: number): Ty {
    const f = this.frames[this.frames.length - 1 - depth];
    if (!f) return UNKNOWN;
    return (f.slots[slot] ??= this.solver.fresh());
  }

  protected record(e: Expr, ty: Ty): Ty {
    this.typed.push({ e, ty });
    return ty;
  }

  // ------------------------------------------------------------------------------------------ written types

  /** A written type as a pass type; names the pass does not know (generic parameters, aliases) are unknown. */
  protected typeOf(t: Type | null): Ty {
    if (t === null) return UNIT;
    switch (t.k) {
      case 'ref':
        return this.typeOf(t.ty);
      case 'tuple':
        return con(
          'tuple',
          t.items.map((x) => this.typeOf(x)),
        );
      case 'array':
        return con('Vec', [this.typeOf(t.elem)]);
      case 'never':
      case 'infer':
        return this.solver.fresh();
      case 'impl':
      case 'dyn':
        return this.boundsType(t.bounds);
      case 'fn':
        // `Fn(A) -> B` sugar is parsed without its types: unknown. A `fn(A) -> B` pointer keeps them.
        if (this.prog.program.source.startsWith('F', t.span.start)) return UNKNOWN;
        return {
          t: 'fn',
          params: t.params.map((p) => this.typeOf(p)),
          ret: this.typeOf(t.ret),
        };
      case 'path':
        return this.pathType(t.segs, t.args);
    }
  }

  private boundsType(bounds: Type[]): Ty {
    for (const b of bounds) {
      if (b.k !== 'path') continue;
      const last = b.segs[b.segs.length - 1]!;
      if (last === 'Future' && b.args.length === 1) return con('Future', [this.typeOf(b.args[0]!)]);
      if (last === 'Iterator' && b.args.length === 1) return con('Iter', [this.typeOf(b.args[0]!)]);
    }
    return UNKNOWN;
  }

  private pathType(segs: string[], args: Type[]): Ty {
    const name = segs[segs.length - 1]!;
    const arg = (i: number) => (args[i] ? this.typeOf(args[i]) : this.solver.fresh());
    if (name === 'Self' && segs.length === 1) return this.selfTy ? this.namedType(this.selfTy) : UNKNOWN;
    const alias = segs.length === 1 && args.length === 0 ? this.aliases.get(name) : undefined;
    if (alias && this.aliasDepth < 8) {
      this.aliasDepth++;
      try {
        return this.typeOf(alias);
      } finally {
        this.aliasDepth--;
      }
    }
    if (segs.length === 1 && (this.prog.structs.has(name) || this.prog.enums.has(name)))
      return { t: 'adt', name };
    const k = numKindOf(name);
    if (k) return num(k);
    if (name === 'bool') return BOOL;
    if (name === 'char') return CHAR;
    if (name === 'str' || name === 'String') return STR;
    if (TRANSPARENT.has(name)) return args.length ? this.typeOf(args[0]!) : UNKNOWN;
    if (name.startsWith('Atomic') && numKindOf(name.slice(6).toLowerCase()))
      return con('Atomic', [num(numKindOf(name.slice(6).toLowerCase()))]);
    if (name === 'Result' && args.length === 1) return con('Result', [arg(0), UNKNOWN]);
    if (
      name === 'Sender' ||
      name === 'Receiver' ||
      name === 'UnboundedSender' ||
      name === 'UnboundedReceiver'
    ) {
      // `mpsc::Receiver` of a program that imports `std::sync::mpsc` is std's (mini-tokio's run queue),
      // whose methods are not tokio's: left untyped.
      if (segs[0] !== 'tokio' && segs[segs.length - 2] === 'mpsc' && STD_MPSC.test(this.prog.program.source))
        return UNKNOWN;
      const flavour =
        CHANNEL_FLAVOURS[segs[segs.length - 2] ?? ''] ?? (name.startsWith('Unbounded') ? 'Mpsc' : '');
      return con(`${flavour}${name.replace('Unbounded', '')}`, [arg(0)]);
    }
    if (STD_CONS.has(name)) {
      const n = CON_PARAMS[name]?.length ?? 0;
      if (args.length !== n) return UNKNOWN;
      return con(
        name,
        args.map((a) => this.typeOf(a)),
      );
    }
    return UNKNOWN;
  }

  /** The type a type name stands for (an `impl` target). */
  protected namedType(name: string): Ty {
    return this.pathType([name], []);
  }

  // ------------------------------------------------------------------------------------------ std signatures

  /** A function's signature by canonical path, or null. */
  protected fnSig(canonical: string): Sig | null {
    const text = FN_SIGS[canonical] ?? FN_SIGS[lastTwo(canonical)];
    return text === undefined ? null : parseSig(text);
  }

  /** A constant's type by canonical path, or null. */
  protected constType(canonical: string): Ty | null {
    const text = CONST_TYPES[canonical] ?? CONST_TYPES[lastTwo(canonical)];
    if (text === undefined) return null;
    return instantiate(parseSig(`() -> ${text}`).ret, new Map(), this.solver);
  }

  /** A std method's signature for a receiver table (`Vec`, `int`) and the receiver's parameters. */
  protected methodSig(table: string, name: string): Sig | null {
    const text = METHOD_SIGS[table]?.[name];
    return text === undefined ? null : parseSig(text);
  }

  protected recvEnv(recv: Ty): Map<string, Ty> {
    const env = new Map<string, Ty>([['Self', recv]]);
    if (recv.t === 'con') {
      const names = CON_PARAMS[recv.name] ?? [];
      names.forEach((n, i) => {
        if (recv.args[i]) env.set(n, recv.args[i]);
      });
    }
    return env;
  }

  // ------------------------------------------------------------------------------------------ upper layers

  protected abstract expr(e: Expr, expected?: Ty): Ty;
}

function lastTwo(path: string): string {
  const segs = path.split('::');
  return segs.slice(-2).join('::');
}
