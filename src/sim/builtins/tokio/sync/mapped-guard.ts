/**
 * Guards mapped to a part of the data (tokio 1.24 `sync/mutex.rs` `MutexGuard::map` / `try_map`,
 * `sync/rwlock/{read_guard,write_guard,write_guard_mapped}.rs`): the closure gets the guarded data by
 * reference and returns a reference into it; the mapped guard derefs there and still holds what the
 * original held (the mutex, the read permit, the write permits), releasing it when dropped. `try_map`
 * gives the original guard back (`Err(guard)`) when the closure returns `None`.
 */
import { debug, display } from '../../../format';
import type { InterpCore } from '../../../interp/core';
import { defineFn, type CallCtx } from '../../../interp/registry';
import {
  deref,
  errVal,
  okVal,
  REnum,
  RObject,
  RRef,
  TempPlace,
  type Place,
  type Value,
} from '../../../values';
import { callClosure, closureArg } from '../../support';
import { TokioMutexGuard } from './mutex';
import { RwLockGuard } from './rwlock';

type Guard = TokioMutexGuard | RwLockGuard | RMappedGuard;

export class RMappedGuard extends RObject {
  constructor(
    /** The guard whose lock this one holds; dropped (unlocking) with it. */
    private readonly held: Guard,
    private readonly place: Place,
    private readonly name: string,
  ) {
    super();
  }
  typeName(): string {
    return this.name;
  }
  derefPlace(): Place {
    return this.place;
  }
  fmtDebug(pretty: boolean): string {
    return debug(this.place.get(), pretty);
  }
  fmtDisplay(): string {
    return display(this.place.get());
  }
  dropValue(interp: InterpCore): void {
    this.held.dropValue(interp);
  }
}

function guardOf(ctx: CallCtx, v: Value | undefined, what: string): Guard {
  const x = v === undefined ? undefined : deref(v);
  if (x instanceof TokioMutexGuard || x instanceof RwLockGuard || x instanceof RMappedGuard) return x;
  return ctx.interp.unsupported(`\`${what}\` takes a guard of a tokio Mutex or RwLock`, ctx.span);
}

/** What the mapped guard is called: tokio's names by the kind of guard mapped. */
function mappedName(g: Guard): string {
  if (g instanceof RMappedGuard) return g.typeName();
  if (g instanceof TokioMutexGuard) return 'MappedMutexGuard';
  const owned = g.typeName().startsWith('Owned') ? 'Owned' : '';
  return g.isWrite ? `${owned}RwLockMappedWriteGuard` : `${owned}RwLockReadGuard`;
}

/** The place a closure's returned reference points at (a Copy value read out of a `&` stays a value). */
const placeOfRef = (r: Value): Place => (r instanceof RRef ? r.place : new TempPlace(r));

function* mapGuard(ctx: CallCtx, g: Guard, f: Value, tryMap: boolean) {
  const writable = !(g instanceof RwLockGuard) || g.isWrite;
  const r = yield* callClosure(ctx, f, [new RRef(g.derefPlace(), writable)]);
  if (!tryMap) return new RMappedGuard(g, placeOfRef(r), mappedName(g));
  const o = deref(r);
  if (o instanceof REnum && o.variant === 'Some')
    return okVal(new RMappedGuard(g, placeOfRef(o.values[0]!), mappedName(g)));
  return errVal(g);
}

for (const guard of [
  'MutexGuard',
  'MappedMutexGuard',
  'RwLockReadGuard',
  'OwnedRwLockReadGuard',
  'RwLockWriteGuard',
  'OwnedRwLockWriteGuard',
  'RwLockMappedWriteGuard',
  'OwnedRwLockMappedWriteGuard',
])
  for (const fn of ['map', 'try_map']) {
    const what = `${guard}::${fn}`;
    defineFn([`tokio::sync::${what}`], {
      pure: false,
      arity: 2,
      call: (ctx, [g, f]) => mapGuard(ctx, guardOf(ctx, g, what), closureArg(ctx, f, what), fn === 'try_map'),
    });
  }
