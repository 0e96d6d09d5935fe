/**
 * The runtime API the subset offers: importing this module registers every builtin; `BUILTIN_ORACLE` is
 * what the resolver (lang/) asks about paths.
 */
import type { BuiltinOracle } from '../../lang/resolve';
import './context';
import './core';
import './time';
import './task';
import './threads';
import './joinset';
import './sync/semaphore';
import './sync/mutex';
import './sync/mpsc';
import './sync/oneshot';
import './sync/notify';
import './sync/watch';
import './sync/broadcast';
import './io-error';
import './net';
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
  crates: new Set(['std', 'core', 'alloc', 'tokio']),
};
