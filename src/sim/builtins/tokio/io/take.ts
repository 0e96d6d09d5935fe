/**
 * `AsyncReadExt::take(limit)` (tokio 1.24 `io/util/take.rs`): a reader that ends after `limit` bytes. Each
 * `poll_read` asks the inner reader for at most what is left; `limit()` is what is left, `set_limit`
 * changes it, `into_inner` gives the reader back. Over an `AsyncBufRead` it is one too (`poll_fill_buf`
 * capped at the limit), so `read_line` works on `BufReader::new(..).take(n)`.
 */
import type { SelfFormatting } from '../../../format';
import type { InterpCore } from '../../../interp/core';
import { dropValue } from '../../../interp/drops';
import { defineMethods, type CallCtx } from '../../../interp/registry';
import { PENDING } from '../../../poll';
import type { PollCx } from '../../../task';
import { deref, RObject, RRef, UNIT, type Place, type Value } from '../../../values';
import { num } from '../../support';
import {
  maybeReader,
  registerBufReader,
  registerReader,
  type AsyncBufReadSrc,
  type AsyncReadSrc,
  type IoPoll,
} from './source';

export class RTake extends RObject implements SelfFormatting, AsyncBufReadSrc {
  value: Value;
  readonly place: Place;
  reader: AsyncReadSrc;
  constructor(
    ctx: CallCtx,
    inner: Value,
    public limit: number,
  ) {
    super();
    this.value = inner;
    this.place = { get: () => this.value, set: (x) => (this.value = x) };
    const r = maybeReader(ctx, inner, this.place);
    this.reader = r ?? ctx.interp.unsupported('`take` needs an AsyncRead', ctx.span);
  }
  typeName(): string {
    return 'Take';
  }
  fmtDebug(): string {
    return `Take { inner: .., limit_: ${this.limit} }`;
  }
  get buffered(): boolean {
    return 'pollFillBuf' in this.reader;
  }
  pollRead(cx: PollCx, len: number): IoPoll<number[]> {
    if (this.limit === 0) return [];
    const r = this.reader.pollRead(cx, Math.min(len, this.limit));
    if (r !== PENDING && Array.isArray(r)) this.limit -= r.length;
    return r;
  }
  pollFillBuf(cx: PollCx): IoPoll<readonly number[]> {
    if (this.limit === 0) return [];
    const r = (this.reader as AsyncBufReadSrc).pollFillBuf(cx);
    if (r === PENDING || !Array.isArray(r)) return r;
    return (r as readonly number[]).slice(0, this.limit);
  }
  consume(n: number): void {
    const amt = Math.min(n, this.limit);
    this.limit -= amt;
    (this.reader as AsyncBufReadSrc).consume(amt);
  }
  describeRead(): string {
    return `a Take (${this.limit} bytes left) of ${this.reader.describeRead()}`;
  }
  dropValue(interp: InterpCore): void {
    dropValue(interp, this.value);
  }
}

registerBufReader((x) => (x instanceof RTake && x.buffered ? x : null));
registerReader((x) => (x instanceof RTake ? x : null));

/** `AsyncReadExt::take` as the read types' method table has it (ext.ts). */
export function takeMethod(ctx: CallCtx, self: Value, limit: Value): Value {
  ctx.consume();
  return new RTake(ctx, self, num(ctx, limit, 'a byte count'));
}

const takeOf = (self: Value): RTake => deref(self) as RTake;
defineMethods(RTake, 'tokio::io::Take', {
  limit: (_c, self) => takeOf(self).limit,
  set_limit: (ctx, self, [n]) => {
    takeOf(self).limit = num(ctx, n, 'a byte count');
    return UNIT;
  },
  get_ref: (_c, self) => new RRef(takeOf(self).place, false),
  get_mut: (_c, self) => new RRef(takeOf(self).place, true),
  into_inner: (ctx, self) => {
    ctx.consume();
    return takeOf(self).value;
  },
});
