/**
 * The future of an `async fn` call or an `async` block: the state machine rustc generates.
 *
 * Its variants are `Unresumed` (created, holding its arguments or captures), `Suspend0..N` (stopped at the
 * N-th `.await`, holding the locals alive there), `Returned` and `Panicked`. The body runs as a generator
 * that is created on the first poll — futures are lazy — and each variant change is a `future-state`
 * event with the live locals' values.
 */
import type { Block, Type } from '../../lang/ast';
import type { Span } from '../../lang/diagnostics';
import { SimFuture } from '../future';
import type { World } from '../world';
import type { RObject } from '../values';
import {
  F64,
  RChar,
  RDuration,
  REnum,
  RRef,
  RString,
  RStruct,
  RTuple,
  RVec,
  deref,
  type Value,
} from '../values';
import type { Frame } from './frame';
import type { AsyncBody, InterpCore } from './core';
import { bodyWeight, POLL_FRAMES } from './stack';
import { ReturnSignal } from './signals';
import { debug } from '../format';
import { appendLocal } from '../../trace/locals';
import { PENDING, BLOCKED, type PollOutcome, type Gen } from '../poll';
import type { PollCx } from '../task';
import { RustPanic } from '../panic';

export type AsyncState = 'Unresumed' | number | 'Returned' | 'Panicked';

export class AsyncFnFuture extends SimFuture {
  private gen: Gen<Value> | null = null;
  /** What the body's generators hold of the program's stack while suspended (stack.ts). */
  private readonly stack = { frames: 0 };
  /** This future's entry on `interp.pollStack` while it is polled. */
  private pollEntry: { future: AsyncBody; cx: PollCx } | null = null;
  state: AsyncState = 'Unresumed';

  constructor(
    world: World,
    private readonly interp: InterpCore,
    name: string,
    readonly body: Block,
    readonly frame: Frame,
    site: number,
    readonly ret: Type | null,
  ) {
    super(world, name, site);
    world.machine.emit('future-state', {
      future: this.id,
      variant: 'Unresumed',
      locals: this.describeLocals(null),
      line: -1,
    });
  }

  protected pollInner(cx: PollCx): PollOutcome {
    if (!this.gen) this.gen = this.run();
    const interp = this.interp;
    const stack = interp.pollStack;
    // One entry per future, reused by every poll (a future is never on the poll stack twice).
    const entry = this.pollEntry ?? (this.pollEntry = { future: this, cx });
    entry.cx = cx;
    stack.push(entry);
    let r: IteratorResult<unknown, Value>;
    // `interp.resumeOnOwnStack(this.stack, () => gen.next())`, inlined: no closure per poll.
    try {
      const base = interp.stackFrames;
      interp.stackFrames = base + this.stack.frames;
      try {
        r = this.gen.next();
      } finally {
        this.stack.frames = interp.stackFrames - base;
        interp.stackFrames = base;
      }
    } catch (e) {
      if (e instanceof RustPanic) this.setState('Panicked', null);
      throw e;
    } finally {
      stack.pop();
    }
    if (r.done) {
      this.setState('Returned', null);
      return r.value;
    }
    if (r.value === PENDING) return PENDING;
    this.interp.setBlockRequest(r.value as never);
    return BLOCKED;
  }

  private *run(): Gen<Value> {
    // A poll runs the body under the harness's and the awaiting future's frames.
    const weight = POLL_FRAMES + bodyWeight(this.body);
    this.interp.enterBody(weight);
    try {
      return yield* this.interp.block(this.body, this.frame);
    } catch (e) {
      if (e instanceof ReturnSignal) return e.value;
      throw e;
    } finally {
      this.interp.dropFrameSlots(this.frame, 0);
      this.interp.leaveBody(weight);
    }
  }

  /** Called by `.await` when the awaitee returned Pending: the future is now stopped at suspend point `k`. */
  enterSuspend(k: number, sp: Span): void {
    if (this.state === k) {
      // The same .await again (a loop): the variant is unchanged, but its fields may hold new values.
      const locals = this.describeLocals(k);
      if (locals === this.lastLocals) return;
      this.lastLocals = locals;
      this.world.machine.emit('future-state', {
        future: this.id,
        variant: suspendName(k),
        locals,
        line: this.lineOf(sp.start),
      });
      return;
    }
    this.setState(k, sp);
    this.checkSize();
  }

  /** The locals text of the last `future-state` (so an unchanged re-suspend emits nothing). */
  private lastLocals = '';

  /** The largest size seen; reported once it reaches 1 KiB (the state machine holds its awaitee inline). */
  private maxSize = 0;

  /** Estimated bytes of this state machine now: the discriminant, the live locals, the awaited future. */
  estimateSize(): number {
    const k = this.state;
    let n = 8;
    if (typeof k === 'number')
      for (const s of this.frame.info.suspends[k]?.live ?? []) n += valueSize(this.frame.slots[s]);
    const child = this.child;
    if (child instanceof AsyncFnFuture) n += child.estimateSize();
    else if (child) n += 64;
    return n;
  }

  private checkSize(): void {
    const size = this.estimateSize();
    if (size > this.maxSize) {
      this.maxSize = size;
      if (size >= 1024) this.world.machine.emit('future-size', { future: this.id, bytes: size });
    }
  }

  leaveSuspend(_sp: Span): void {}

  private setState(s: AsyncState, sp: Span | null): void {
    this.state = s;
    const variant = typeof s === 'number' ? suspendName(s) : s;
    const line = sp ? this.lineOf(sp.start) : -1;
    const locals = typeof s === 'number' ? this.describeLocals(s) : '';
    this.lastLocals = locals;
    this.world.machine.emit('future-state', { future: this.id, variant, locals, line });
  }

  private lineOf(offset: number): number {
    return this.interp.lines.position(offset).line;
  }

  /** The slots alive at suspend point `k` (or the captures / arguments when unresumed), encoded for the trace. */
  describeLocals(k: number | null): string {
    // Built field by field (appendLocal): no arrays or field objects on this path, taken at every state change.
    const info = this.frame.info;
    const slots = this.frame.slots;
    let text = '';
    if (k === null) {
      for (let s = 0; s < slots.length; s++) {
        const v = slots[s];
        if (v !== undefined) text = appendLocal(text, info.slotNames[s]!, localTypeName(v), shortDebug(v));
      }
      return text;
    }
    const live = info.suspends[k]?.live;
    if (live)
      for (let i = 0; i < live.length; i++) {
        const s = live[i]!;
        const v = slots[s];
        if (v !== undefined) text = appendLocal(text, info.slotNames[s]!, localTypeName(v), shortDebug(v));
      }
    if (this.child) text = appendLocal(text, '__awaitee', this.child.name, '');
    return text;
  }

  protected override onDrop(): void {
    if (this.gen) {
      if (this.state !== 'Returned' && this.state !== 'Panicked') {
        // Dropping a suspended future: unwinding its generator runs the `finally` blocks that drop every
        // live local and the future it was awaiting — Rust's drop of a suspended state machine.
        const gen = this.gen;
        this.interp.resumeOnOwnStack(this.stack, () => gen.return(undefined as never));
      }
    } else {
      this.interp.dropFrameSlots(this.frame, 0);
    }
  }
}

/** `Suspend0`, `Suspend1`, …: made once each (the trace interns the variant on every state change). */
const SUSPEND_NAMES: string[] = [];
function suspendName(k: number): string {
  return SUSPEND_NAMES[k] ?? (SUSPEND_NAMES[k] = `Suspend${k}`);
}

/** Plain data prints its `{:?}`; runtime handles (senders, guards, futures) print their type. */
function isPlainData(x: Value): boolean {
  return (
    typeof x !== 'object' ||
    x instanceof RString ||
    x instanceof RVec ||
    x instanceof RTuple ||
    x instanceof REnum ||
    x instanceof RStruct ||
    x instanceof F64 ||
    x instanceof RChar ||
    x instanceof RDuration
  );
}

/** Rough in-memory size of a value, as rustc would lay it out inline (heap contents excluded). */
function valueSize(v: Value | undefined): number {
  if (v === undefined) return 0;
  if (typeof v === 'number') return 8;
  if (typeof v === 'boolean') return 1;
  if (typeof v === 'string') return 16;
  if (v instanceof RVec) return v.array ? v.items.reduce<number>((n, x) => n + valueSize(x), 0) : 24;
  if (v instanceof RString) return 24;
  if (v instanceof RTuple) return v.items.reduce<number>((n, x) => n + valueSize(x), 0);
  if (v instanceof RStruct) return v.fields.reduce<number>((n, x) => n + valueSize(x), 0);
  if (v instanceof REnum) return 8 + v.values.reduce<number>((n, x) => n + valueSize(x), 0);
  if (v instanceof AsyncFnFuture) return v.estimateSize();
  return 16;
}

/** The type to print for a local: rustc calls an integer whose width is not pinned down `{integer}`. */
function localTypeName(v: Value): string {
  // Integers past 2^53 are bigints (a fuzzed `9007199254740993..`).
  if (typeof v === 'number' || typeof v === 'bigint') return '{integer}';
  if (typeof v === 'string') return '&str';
  if (typeof v === 'boolean') return 'bool';
  return v.typeName();
}

/** A short `{:?}` for the state-machine view; long values are cut. */
export function shortDebug(v: Value): string {
  // Integers and bools (most locals) print as `debug` would print them, without its dispatch.
  if (typeof v === 'number' || typeof v === 'bigint') {
    const s = String(v);
    return s.length > 40 ? s.slice(0, 37) + '...' : s;
  }
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  const x = v instanceof RRef ? deref(v) : v;
  if (!isPlainData(x)) return (x as RObject).typeName();
  let s: string;
  try {
    // A big buffer is cut before formatting: a 4 MB Vec<u8> must not be printed on every state change.
    s =
      x instanceof RStruct && x.fields.length > 4
        ? `${x.def.name} { .. }`
        : x instanceof RVec && x.items.length > 16
          ? debug(new RVec(x.items.slice(0, 16)), false).slice(0, -1) + ', ..]'
          : debug(x, false);
  } catch {
    s = typeof x === 'object' ? x.typeName() : String(x);
  }
  return s.length > 40 ? s.slice(0, 37) + '...' : s;
}
