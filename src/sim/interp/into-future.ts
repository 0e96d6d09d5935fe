/**
 * `IntoFuture` for the values `.await` accepts: simulated futures themselves, `&mut fut` (polled in place,
 * not consumed), and user structs with `impl Future` (their `poll` runs as interpreted code).
 */
import { contextDebug, taskAddress, wakerDebug } from '../waker-debug';
import type { Span } from '../../lang/diagnostics';
import { SimFuture } from '../future';
import { BLOCKED, PENDING, type Gen, type PollOutcome } from '../poll';
import type { PollCx } from '../task';
import { deref, REnum, RObject, RRef, RStruct, type Value } from '../values';
import type { World } from '../world';
import type { InterpCore } from './core';

/** Values that are futures by `IntoFuture` (a oneshot Receiver): registered by their builtins module. */
const converters: ((world: World, v: Value, borrowed: boolean, site: number) => SimFuture | null)[] = [];
export function registerIntoFuture(
  f: (world: World, v: Value, borrowed: boolean, site: number) => SimFuture | null,
): void {
  converters.push(f);
}

export function intoFuture(interp: InterpCore, v: Value, sp: Span): SimFuture {
  if (v instanceof SimFuture) return v;
  for (const c of converters) {
    const f = c(interp.world, v instanceof RRef ? deref(v) : v, v instanceof RRef, sp.start);
    if (f) return f;
  }
  if (v instanceof RRef) {
    const inner = deref(v);
    if (inner instanceof SimFuture) return new BorrowedFuture(interp.world, inner);
    if (isUserFuture(interp, inner)) {
      return new UserFuture(interp.world, interp, inner, v);
    }
  }
  if (isUserFuture(interp, v)) return new UserFuture(interp.world, interp, v, null);
  const t = typeof v === 'object' ? v.typeName() : typeof v;
  return interp.unsupported(
    `\`${t}\` is not a future`,
    sp,
    'only futures can be awaited: async fn calls, async blocks, tokio futures and types with `impl Future`',
  );
}

/** `(&mut fut).await`: polls the future where it lives; finishing or dropping the await does not drop it. */
export class BorrowedFuture extends SimFuture {
  constructor(
    world: World,
    readonly inner: SimFuture,
  ) {
    super(world, inner.name, -1, false);
  }

  /** Events are the inner future's: the borrow is invisible in the future tree. */
  override poll(cx: PollCx): PollOutcome {
    return this.inner.poll(cx);
  }

  protected pollInner(cx: PollCx): PollOutcome {
    return this.inner.poll(cx);
  }

  override drop(): void {
    this.dropped = true;
  }

  override get isResuming(): boolean {
    return this.inner.isResuming;
  }

  override get traceId(): number {
    return this.inner.id;
  }

  override isTerminated(): boolean {
    return this.inner.isTerminated();
  }
}

/** A value of a program's type with `impl Future for T` (a struct or an enum state machine). */
function isUserFuture(interp: InterpCore, v: Value): v is RStruct | REnum {
  if (v instanceof RStruct) return interp.program.futureImpls.has(v.def.key ?? v.def.name);
  if (v instanceof REnum && v.def) return interp.program.futureImpls.has(v.def.key ?? v.def.name);
  return false;
}

/** A user struct with `impl Future`: each poll calls the user's `poll(self: Pin<&mut Self>, cx)`. */
export class UserFuture extends SimFuture {
  private gen: Gen<Value> | null = null;

  constructor(
    world: World,
    private readonly interp: InterpCore,
    private value: Value,
    /** When awaited through `&mut`, the struct is borrowed, not owned. */
    private readonly borrowed: RRef | null,
  ) {
    super(world, value instanceof RStruct ? value.def.name : (value as REnum).enumName, -1);
  }

  protected pollInner(cx: PollCx): PollOutcome {
    if (!this.gen) {
      const found = this.interp.traits.forValue(this.value, 'poll');
      if (found?.k !== 'fn') return this.interp.unsupported(`\`${this.name}\` has no \`poll\``);
      const item = found.fn;
      // `*self = State::Next(..)` in an enum state machine replaces the future's value.
      const self =
        this.borrowed ??
        new RRef(
          {
            get: () => this.value,
            set: (v) => {
              this.value = v;
            },
          },
          true,
        );
      const r = this.interp.callFnItem(item, [new RContext(cx)], self);
      this.gen = r as Gen<Value>;
    }
    const r = this.gen.next();
    if (!r.done) {
      if (r.value === PENDING)
        return this.interp.unsupported('`.await` inside `Future::poll` is not allowed');
      this.interp.setBlockRequest(r.value);
      return BLOCKED;
    }
    this.gen = null;
    const out = deref(r.value);
    if (out instanceof REnum && out.enumName === 'Poll') {
      if (out.variant === 'Pending') return PENDING;
      return out.values[0]!;
    }
    return this.interp.unsupported('`Future::poll` must return `Poll::Ready(..)` or `Poll::Pending`');
  }

  protected override onDrop(): void {
    if (!this.borrowed) this.interp.dropValue(this.value);
  }
}

/** `std::task::Context` as a value a user's `impl Future` sees (builtins/std/task.ts gives it `waker()`). */
export class RContext extends RObject {
  constructor(readonly cx: PollCx) {
    super();
  }
  typeName(): string {
    return 'Context';
  }
  fmtDebug(pretty = false): string {
    const w = this.cx.waker as { fmtDebug?: (pretty: boolean) => string };
    return contextDebug(
      w.fmtDebug ? w.fmtDebug(pretty) : wakerDebug(taskAddress(this.cx.task.id), 'tokio', pretty),
      pretty,
    );
  }
}
