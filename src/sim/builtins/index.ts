/**
 * The runtime API the subset offers: importing this module registers every builtin; `BUILTIN_ORACLE` is
 * what the resolver (lang/) asks about paths.
 */
import type { BuiltinOracle } from '../../lang/resolve';
import './std/task';
import './support';
import './std/option-result';
import './std/option-combinators';
import './std/clone-cmp';
import './std/fmt';
import './std/bool';
import './std/int';
import './std/float';
import './std/num-parse';
import './std/convert';
import './std/int-convert';
import './std/string';
import './std/str-methods';
import './std/char';
import './std/vec';
import './std/slice';
import './std/ordering';
import './std/iter/methods';
import './std/iter/sources';
import './std/collections/hash';
import './std/collections/btree';
import './std/collections/deque-heap';
import './std/time';
import './std/sync/arc';
import './std/sync/atomic';
import './std/mem';
import './std/any';
import './std/rc';
import './std/cell';
import './std/marker';
import './tokio/time';
import './tokio/time-control';
import './tokio/task/spawn';
import './std/thread';
import './std/thread-scope';
import './tokio/task/blocking';
import './tokio/task/join-set';
import './tokio/task/local-set';
import './tokio/task/unconstrained';
import './tokio/runtime';
import './tokio/sync/errors';
import './tokio/sync/semaphore';
import './tokio/sync/mutex';
import './tokio/sync/rwlock';
import './tokio/sync/mapped-guard';
import './tokio/sync/barrier';
import './tokio/sync/once-cell';
import './std/sync/mutex';
import './std/sync/rwlock';
import './std/sync/barrier';
import './std/sync/once-lock';
import './std/sync/lazy';
import './std/sync/mpsc';
import './tokio/sync/mpsc';
import './tokio/sync/mpsc-permit';
import './tokio/sync/oneshot';
import './tokio/sync/notify';
import './tokio/sync/watch';
import './tokio/sync/broadcast';
// Streams and future combinators of the `futures` / `tokio_stream` crates (issue 16, api-stream).
import './futures/stream-sources';
import './futures/stream-ext';
import './futures/stream-map';
import './futures/wrappers';
import './futures/futures-unordered';
import './futures/future-combinators';
import './futures/select-all';
import './std/io/error';
import './tokio/net/addr';
import './tokio/net/socket';
import './tokio/net/tcp';
import './tokio/io/ext';
import './tokio/io/tcp-io';
import './tokio/io/memory-io';
import './tokio/io/duplex';
import './tokio/io/split';
import './tokio/io/buffered';
import './tokio/io/std-streams';
import './tokio/filesystem/paths';
import './tokio/filesystem/functions';
import './tokio/filesystem/file';
import './tokio/filesystem/std-file';
import './tokio/filesystem/std-buffered';
// Hand-written futures and executors (issue 16, api-exec): imported last, they wrap methods defined above.
import './exec/park';
import './exec/condvar';
import './exec/std-future';
import './exec/std-task';
import './exec/futures-task';
import { BLOCKING_METHODS, builtinAliases, builtinConsts, builtinFns } from '../interp/registry';

export const BUILTIN_ORACLE: BuiltinOracle = {
  resolve(path) {
    return builtinAliases.get(path.join('::')) ?? null;
  },
  blocks(canonical) {
    return builtinFns.get(canonical)?.blocks ?? false;
  },
  pure(canonical) {
    if (builtinConsts.has(canonical)) return true;
    const f = builtinFns.get(canonical);
    return f !== undefined && f.pure && !f.blocks;
  },
  blockingMethods: BLOCKING_METHODS,
  crates: new Set(['std', 'core', 'alloc', 'tokio', 'futures', 'tokio_stream']),
};
