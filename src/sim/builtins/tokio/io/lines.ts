/**
 * `AsyncBufReadExt::lines` (`io/util/lines.rs`): `Lines` owns its reader and keeps the bytes of a line
 * read so far between polls (so a `next_line` dropped by `select!` loses nothing); `next_line` strips
 * the `\n` and a `\r` before it, and gives `None` at the end of input.
 */
import { utf8Decode } from '../../../../base';
import { SimFuture } from '../../../future';
import { dropValue } from '../../../interp/drops';
import type { InterpCore } from '../../../interp/core';
import { defineMethods } from '../../../interp/registry';
import { PENDING, type PollOutcome } from '../../../poll';
import type { PollCx } from '../../../task';
import { deref, NONE, okVal, RObject, RString, some, type Value } from '../../../values';
import type { World } from '../../../world';
import { simpleError } from '../../std/io/error';
import { pollLine } from './read';
import type { AsyncBufReadSrc } from './source';

export class RLines extends RObject {
  /** The line read so far (tokio's `buf`), kept across Pending. */
  readonly partial: number[] = [];
  constructor(
    readonly world: World,
    readonly src: AsyncBufReadSrc,
    /** The reader it owns (dropped with it). */
    readonly inner: Value,
    readonly site: number,
  ) {
    super();
  }
  typeName(): string {
    return 'Lines';
  }
  dropValue(interp: InterpCore): void {
    dropValue(interp, this.inner);
  }
}

/** `Lines::next_line`: `Ok(Some(line))`, `Ok(None)` at EOF, or the reader's error. */
class NextLineFuture extends SimFuture {
  constructor(
    world: World,
    private readonly lines: RLines,
    site: number,
  ) {
    super(world, 'NextLine', site);
  }
  protected pollInner(cx: PollCx): PollOutcome {
    const l = this.lines;
    const r = pollLine(cx, l.src, l.partial, this.world);
    if (r === PENDING || typeof r !== 'number') return r;
    if (l.partial.length === 0) return okVal(NONE);
    const bytes = l.partial.splice(0, l.partial.length);
    if (bytes[bytes.length - 1] === 10) {
      bytes.pop();
      if (bytes[bytes.length - 1] === 13) bytes.pop();
    }
    const { text, valid } = utf8Decode(bytes);
    if (!valid) return simpleError('InvalidData', 'stream did not contain valid UTF-8');
    return okVal(some(new RString(text)));
  }
  describeWait(): string {
    return `next_line on ${this.lines.src.describeRead()} (no full line yet)`;
  }
}

defineMethods(RLines, 'tokio::io::Lines', {
  next_line: (ctx, self) => new NextLineFuture(ctx.world, deref(self) as RLines, ctx.span.start),
  get_mut: (_c, self) => (deref(self) as RLines).inner,
  get_ref: (_c, self) => (deref(self) as RLines).inner,
  into_inner: (ctx, self) => {
    ctx.consume();
    return (deref(self) as RLines).inner;
  },
});
