/**
 * In-memory readers and writers, as tokio implements the I/O traits for std types
 * (`io/async_read.rs`, `async_buf_read.rs`, `async_write.rs`): a `&[u8]` reads from its front and
 * advances (the variable is left holding the rest), a `Vec<u8>` is a writer that appends, and
 * `std::io::Cursor` reads (and, over a `Vec<u8>`, writes) at its position. None of them ever returns
 * Pending or spends coop budget.
 */
import { utf8Encode } from '../../../../base';
import type { SelfFormatting } from '../../../format';
import { debugStruct } from '../../../format';
import { DEFAULT_OPTS } from '../../../formatter';
import type { InterpCore } from '../../../interp/core';
import { dropValue } from '../../../interp/drops';
import { defineFn, defineMethods } from '../../../interp/registry';
import type { PollCx } from '../../../task';
import { deref, RObject, RString, RVec, UNIT, type Place, type Value } from '../../../values';
import type { World } from '../../../world';
import { num } from '../../support';
import { defineIoMethods } from './ext';
import { registerBufReader, registerWriter, type AsyncBufReadSrc, type AsyncWriteSink } from './source';

/** The bytes of a byte container (`Vec<u8>`, `[u8; N]`, `&[u8]`, `String`, `&str`). */
export function bytesOf(v: Value): number[] | null {
  const x = deref(v);
  if (x instanceof RVec) {
    // Only u8s: a value rustc would reject here (a slice of ranges) is no byte buffer.
    const bytes = x.items.map((b) => deref(b));
    return bytes.every((b): b is number => typeof b === 'number' && b >= 0 && b <= 255) ? bytes : null;
  }
  if (x instanceof RString) return utf8Encode(x.s);
  if (typeof x === 'string') return utf8Encode(x);
  return null;
}

/** `impl AsyncRead for &[u8]` / `AsyncBufRead`: takes from the front, leaving the rest in the variable. */
class SliceReader implements AsyncBufReadSrc {
  constructor(private readonly place: Place) {}
  private get items(): Value[] {
    return (deref(this.place.get()) as RVec).items;
  }
  pollRead(_cx: PollCx, len: number): number[] {
    const items = this.items;
    const n = Math.min(len, items.length);
    const taken = items.slice(0, n).map((b) => deref(b) as number);
    this.place.set(new RVec(items.slice(n)));
    return taken;
  }
  pollFillBuf(): readonly number[] {
    return this.items.map((b) => deref(b) as number);
  }
  consume(n: number): void {
    this.place.set(new RVec(this.items.slice(n)));
  }
  describeRead(): string {
    return 'a byte slice';
  }
}

/** `impl AsyncWrite for Vec<u8>`: every write is taken whole. */
class VecWriter implements AsyncWriteSink {
  constructor(
    private readonly world: World,
    private readonly vec: RVec,
  ) {}
  pollWrite(_cx: PollCx, bytes: readonly number[], from: number): number {
    for (let i = from; i < bytes.length; i++) this.vec.items.push(bytes[i]!);
    this.world.memory.track(this.vec);
    return bytes.length - from;
  }
  pollFlush(): null {
    return null;
  }
  pollShutdown(): null {
    return null;
  }
  describeWrite(): string {
    return 'a Vec<u8>';
  }
}

/** `std::io::Cursor<T>`: an in-memory buffer and a position. */
export class RCursor extends RObject implements SelfFormatting, AsyncBufReadSrc, AsyncWriteSink {
  pos = 0;
  constructor(
    private readonly world: World,
    public inner: Value,
  ) {
    super();
  }
  typeName(): string {
    return 'Cursor';
  }
  fmtDebug(pretty: boolean): string {
    return debugStruct('Cursor', ['inner', 'pos'], [this.inner, this.pos], { ...DEFAULT_OPTS, alt: pretty });
  }
  dropValue(interp: InterpCore): void {
    dropValue(interp, this.inner);
  }
  private rest(): number[] {
    const b = bytesOf(this.inner) ?? [];
    return b.slice(Math.min(this.pos, b.length));
  }
  pollRead(_cx: PollCx, len: number): number[] {
    const r = this.rest().slice(0, len);
    this.pos += r.length;
    return r;
  }
  pollFillBuf(): readonly number[] {
    return this.rest();
  }
  consume(n: number): void {
    this.pos += n;
  }
  /** `impl Write for Cursor<Vec<u8>>`: overwrite at the position, extending the Vec (zero-filled) past its end. */
  pollWrite(_cx: PollCx, bytes: readonly number[], from: number): number {
    const v = deref(this.inner);
    if (!(v instanceof RVec)) return this.world.panic('only a Cursor<Vec<u8>> is an AsyncWrite in Pollscope');
    while (v.items.length < this.pos) v.items.push(0);
    for (let i = from; i < bytes.length; i++) v.items[this.pos++] = bytes[i]!;
    this.world.memory.track(v);
    return bytes.length - from;
  }
  pollFlush(): null {
    return null;
  }
  pollShutdown(): null {
    return null;
  }
  describeRead(): string {
    return 'a Cursor';
  }
  describeWrite(): string {
    return 'a Cursor';
  }
}

registerBufReader((x, place) => {
  if (x instanceof RCursor) return x;
  if (x instanceof RVec && place && bytesOf(x) !== null) return new SliceReader(place);
  return null;
});
registerWriter((x, _place) => {
  if (x instanceof RCursor) return x;
  return null;
});
registerWriter((x, _place, world) => (x instanceof RVec && !x.array ? new VecWriter(world, x) : null));

defineIoMethods(RCursor, 'std::io::Cursor', { bufRead: true, write: true });
defineIoMethods(RVec, 'std::vec::Vec / slice', { read: true, write: true });

defineFn(['std::io::Cursor::new'], {
  pure: true,
  arity: 1,
  call: (ctx, [inner]) => new RCursor(ctx.world, inner!),
});

const cursor = (self: Value) => deref(self) as RCursor;
defineMethods(RCursor, 'std::io::Cursor', {
  position: (_c, self) => cursor(self).pos,
  set_position: (ctx, self, [p]) => {
    cursor(self).pos = num(ctx, p, 'a position');
    return UNIT;
  },
  get_ref: (_c, self) => cursor(self).inner,
  get_mut: (_c, self) => cursor(self).inner,
  into_inner: (ctx, self) => {
    ctx.consume();
    return cursor(self).inner;
  },
});
