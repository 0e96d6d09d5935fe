/**
 * `tokio::io::split(stream)` (`io/split.rs`): a `ReadHalf<T>` and a `WriteHalf<T>` sharing the stream
 * (an `Arc` and a lock in tokio); the stream is dropped when both halves are. A TcpStream's halves are the
 * socket module's (`SharedStream`), so they keep the socket's own methods.
 */
import type { InterpCore } from '../../../interp/core';
import { dropValue } from '../../../interp/drops';
import { defineFn, defineMethods, type CallCtx } from '../../../interp/registry';
import { deref, RObject, RTuple, type Value } from '../../../values';
import { ROwnedReadHalf, ROwnedWriteHalf, RTcpStream, SharedStream } from '../net/socket';
import { defineIoMethods } from './ext';
import {
  maybeReader,
  maybeWriter,
  registerReader,
  registerWriter,
  type AsyncReadSrc,
  type AsyncWriteSink,
} from './source';

class SplitInner {
  owners = 2;
  constructor(
    readonly stream: Value,
    readonly reader: AsyncReadSrc,
    readonly writer: AsyncWriteSink,
  ) {}
  release(interp: InterpCore): void {
    if (--this.owners === 0) dropValue(interp, this.stream);
  }
}

class RSplitHalf extends RObject {
  private dropped = false;
  constructor(
    readonly inner: SplitInner,
    readonly write: boolean,
  ) {
    super();
  }
  typeName(): string {
    const t = deref(this.inner.stream);
    const name = typeof t === 'object' ? t.typeName() : 'T';
    return `${this.write ? 'WriteHalf' : 'ReadHalf'}<${name}>`;
  }
  dropValue(interp: InterpCore): void {
    if (this.dropped) return;
    this.dropped = true;
    this.inner.release(interp);
  }
  /** Reunited by `unsplit`: the stream goes back to the program, so this half releases nothing. */
  forget(): void {
    this.dropped = true;
  }
}

registerReader((x) => (x instanceof RSplitHalf && !x.write ? x.inner.reader : null));

const halfOf = (ctx: CallCtx, v: Value, write: boolean): RSplitHalf => {
  const x = deref(v);
  if (x instanceof RSplitHalf && x.write === write) return x;
  return ctx.interp.unsupported(
    `expected a \`${write ? 'WriteHalf' : 'ReadHalf'}\` of \`tokio::io::split\``,
    ctx.span,
  );
};
defineMethods(RSplitHalf, 'tokio::io::ReadHalf / WriteHalf', {
  /** `is_pair_of`: both halves come from the same `split` (`Arc::ptr_eq` in split.rs). */
  is_pair_of: (ctx, self, [other]) => {
    const me = deref(self) as RSplitHalf;
    return halfOf(ctx, other!, !me.write).inner === me.inner;
  },
  /** `ReadHalf::unsplit(wr)`: the stream back; halves of another split panic, as in split.rs. */
  unsplit: (ctx, self, [wr]) => {
    const rd = halfOf(ctx, self, false);
    const w = halfOf(ctx, wr!, true);
    ctx.consume();
    if (w.inner !== rd.inner) {
      w.dropValue(ctx.interp);
      rd.dropValue(ctx.interp);
      return ctx.interp.panic('Unrelated `split::Write` passed to `split::Read::unsplit`.', ctx.span);
    }
    rd.forget();
    w.forget();
    return rd.inner.stream;
  },
});
registerWriter((x) => (x instanceof RSplitHalf && x.write ? x.inner.writer : null));
defineIoMethods(RSplitHalf, 'tokio::io::ReadHalf / WriteHalf', { read: true, write: true });

defineFn(['tokio::io::split'], {
  pure: true,
  arity: 1,
  call: (ctx, [stream]) => {
    const x = deref(stream!);
    if (x instanceof RTcpStream) {
      const shared = new SharedStream(x.sock, true);
      return new RTuple([new ROwnedReadHalf(shared), new ROwnedWriteHalf(shared)]);
    }
    const r = maybeReader(ctx, stream!);
    const w = maybeWriter(ctx, stream!);
    if (!r || !w)
      return ctx.interp.unsupported('tokio::io::split needs a stream that is both AsyncRead and AsyncWrite');
    const inner = new SplitInner(stream!, r, w);
    return new RTuple([new RSplitHalf(inner, false), new RSplitHalf(inner, true)]);
  },
});
