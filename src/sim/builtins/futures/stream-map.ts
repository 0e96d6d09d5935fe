/**
 * `tokio_stream::StreamMap` (tokio-stream 0.1.9 `stream_map.rs`): keyed streams read as one stream of
 * `(key, item)`. The entries are a Vec; each poll starts at a random entry (`thread_rng_n(len)`, drawn
 * here from the thread's RNG) and goes round; a stream that ends is `swap_remove`d with tokio-stream's
 * cursor rule. Every stream is polled with the consuming task's waker, so the wake that ends a wait is
 * the one the ready stream's channel or timer made.
 */
import type { Span } from '../../../lang/diagnostics';
import type { SimFuture } from '../../future';
import type { InterpCore } from '../../interp/core';
import { cloneValue } from '../../interp/clone';
import { SliceIter } from '../../interp/iter-sources';
import { equals } from '../../interp/ops';
import { defineFn, defineMethods, type CallCtx } from '../../interp/registry';
import { BLOCKED, PENDING, type PollOutcome } from '../../poll';
import type { PollCx } from '../../task';
import { deref, NONE, RTuple, some, UNIT, type Value } from '../../values';
import type { World } from '../../world';
import { isSome, SimStream, streamOf } from './stream';

export class StreamMapStream extends SimStream {
  readonly entries: [Value, SimStream][] = [];
  /** A poll whose stream blocked its thread: where the round resumes. */
  private resume: { start: number; idx: number; k: number } | null = null;

  constructor(world: World, interp: InterpCore, sp: Span) {
    super(world, interp, sp);
  }

  typeName(): string {
    return 'StreamMap';
  }

  indexOf(key: Value): number {
    return this.entries.findIndex(([k]) => equals(deref(k), deref(key)));
  }

  /** `poll_next_entry`. */
  pollNext(cx: PollCx, owner: SimFuture): PollOutcome {
    let start: number;
    let idx: number;
    let k0 = 0;
    if (this.resume) {
      ({ start, idx } = this.resume);
      k0 = this.resume.k;
      this.resume = null;
    } else {
      start = this.world.machine.current.rng.nextN(this.entries.length);
      idx = start;
    }
    const rounds = this.entries.length;
    for (let k = k0; k < rounds; k++) {
      const [key, stream] = this.entries[idx]!;
      const r = stream.pollNext(cx, owner);
      if (r === BLOCKED) {
        this.resume = { start, idx, k };
        return BLOCKED;
      }
      if (r === PENDING) {
        idx = (idx + 1) % this.entries.length;
        continue;
      }
      if (isSome(r)) return some(new RTuple([cloneValue(this.interp, key), r.values[0]!]));
      // Ready(None): swap_remove the entry.
      stream.dropValue(this.interp);
      this.interp.dropValue(key);
      const last = this.entries.pop()!;
      if (idx < this.entries.length) this.entries[idx] = last;
      if (idx === this.entries.length) idx = 0;
      else if (idx < start && start <= this.entries.length) idx = (idx + 1) % this.entries.length;
    }
    return this.entries.length === 0 ? NONE : PENDING;
  }

  override sizeHint(): [number, number | null] {
    let lo = 0;
    let hi: number | null = 0;
    for (const [, s] of this.entries) {
      const [l, h] = s.sizeHint();
      lo += l;
      hi = hi === null || h === null ? null : hi + h;
    }
    return [lo, hi];
  }

  override dropValue(interp: InterpCore): void {
    for (const [k, s] of this.entries.splice(0)) {
      s.dropValue(interp);
      interp.dropValue(k);
    }
  }
}

function mapOf(ctx: CallCtx, self: Value): StreamMapStream {
  const m = deref(self);
  if (m instanceof StreamMapStream) return m;
  return ctx.interp.unsupported('expected a `StreamMap`', ctx.span);
}

defineFn(['tokio_stream::StreamMap::new', 'tokio_stream::StreamMap::with_capacity'], {
  pure: false,
  call: (ctx) => new StreamMapStream(ctx.world, ctx.interp, ctx.span),
});

defineMethods(StreamMapStream, 'tokio_stream::StreamMap', {
  /** `insert(k, stream)`: `Some(old stream)` if the key was there (it is replaced in place). */
  insert: (ctx, self, [k, s]) => {
    const m = mapOf(ctx, self);
    const stream = streamOf(ctx.interp, s!, ctx.span);
    const i = m.indexOf(k!);
    if (i >= 0) {
      const old = m.entries[i]![1];
      m.entries[i] = [m.entries[i]![0], stream];
      ctx.interp.dropValue(k!);
      return some(old);
    }
    m.entries.push([k!, stream]);
    return NONE;
  },
  /** `remove(&k)`: `Some(stream)` (swap_remove) or `None`. */
  remove: (ctx, self, [k]) => {
    const m = mapOf(ctx, self);
    const i = m.indexOf(k!);
    if (i < 0) return NONE;
    const [key, stream] = m.entries[i]!;
    const last = m.entries.pop()!;
    if (i < m.entries.length) m.entries[i] = last;
    ctx.interp.dropValue(key);
    return some(stream);
  },
  contains_key: (ctx, self, [k]) => mapOf(ctx, self).indexOf(k!) >= 0,
  len: (ctx, self) => mapOf(ctx, self).entries.length,
  is_empty: (ctx, self) => mapOf(ctx, self).entries.length === 0,
  clear: (ctx, self) => {
    mapOf(ctx, self).dropValue(ctx.interp);
    return UNIT;
  },
  /** `keys()`: the keys by reference, in the map's (insertion, then swap_remove) order. */
  keys: (ctx, self) => {
    const keys = mapOf(ctx, self).entries.map(([k]) => k);
    return new SliceIter(keys, false, 0, keys.length, 'Keys');
  },
});
