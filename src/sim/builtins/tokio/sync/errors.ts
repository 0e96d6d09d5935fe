/**
 * tokio's sync error types as values a program builds, matches and prints (`sync/mpsc/error.rs`,
 * `sync/broadcast.rs` `pub mod error`, `sync/oneshot.rs` `pub mod error`, `sync/watch.rs` `pub mod error`,
 * `sync/batch_semaphore.rs` `AcquireError` / `TryAcquireError`). Every primitive builds its errors here, so
 * the Display text (tokio 1.24's `impl fmt::Display`) is written once, and every path a program can name an
 * error by (`TryRecvError::Empty` after `use tokio::sync::mpsc::error::TryRecvError`, `SendError(v)` in a
 * pattern) is registered: a unit variant as a constant, a tuple variant or tuple struct as a function.
 *
 * Patterns match builtin enums by variant name, so the enum name here is what `{:?}` and type errors show.
 */
import { UNIT, type Value } from '../../../values';
import { defineConst, defineFn } from '../../../interp/registry';
import { ErrorValue } from '../../error-value';

const unit = (enumName: string, variant: string, text: string) => () =>
  new ErrorValue(enumName, variant, [], text);
const tuple = (enumName: string, variant: string, text: (v: Value) => string) => (v: Value) =>
  new ErrorValue(enumName, variant, [v], text(v));

// --------------------------------------------------------------------------------------------- mpsc
/** `mpsc::error::SendError<T>(pub T)`: "channel closed". */
export const mpscSendError = tuple('SendError', 'SendError', () => 'channel closed');
/** `mpsc::error::TrySendError::{Full(T), Closed(T)}`. */
export const mpscTrySendFull = tuple('TrySendError', 'Full', () => 'no available capacity');
export const mpscTrySendClosed = tuple('TrySendError', 'Closed', () => 'channel closed');
/** `mpsc::error::TryRecvError::{Empty, Disconnected}`. */
export const mpscTryRecvEmpty = unit('TryRecvError', 'Empty', 'receiving on an empty channel');
export const mpscTryRecvDisconnected = unit('TryRecvError', 'Disconnected', 'receiving on a closed channel');

// ---------------------------------------------------------------------------------------- broadcast
export const broadcastSendError = tuple('SendError', 'SendError', () => 'channel closed');
/** `broadcast::error::RecvError::{Closed, Lagged(u64)}`. */
export const broadcastRecvClosed = unit('RecvError', 'Closed', 'channel closed');
export const broadcastRecvLagged = tuple('RecvError', 'Lagged', (n) => `channel lagged by ${String(n)}`);
/** `broadcast::error::TryRecvError::{Empty, Closed, Lagged(u64)}`. */
export const broadcastTryRecvEmpty = unit('TryRecvError', 'Empty', 'channel empty');
export const broadcastTryRecvClosed = unit('TryRecvError', 'Closed', 'channel closed');
export const broadcastTryRecvLagged = tuple(
  'TryRecvError',
  'Lagged',
  (n) => `channel lagged by ${String(n)}`,
);

// ------------------------------------------------------------------------------------------ oneshot
/** `oneshot::error::RecvError(())`. */
export const oneshotRecvError = () => new ErrorValue('RecvError', 'RecvError', [UNIT], 'channel closed');
/** `oneshot::error::TryRecvError::{Empty, Closed}`. */
export const oneshotTryRecvEmpty = unit('TryRecvError', 'Empty', 'channel empty');
export const oneshotTryRecvClosed = unit('TryRecvError', 'Closed', 'channel closed');

// -------------------------------------------------------------------------------------------- watch
export const watchSendError = tuple('SendError', 'SendError', () => 'channel closed');
/** `watch::error::RecvError(())`. */
export const watchRecvError = () => new ErrorValue('RecvError', 'RecvError', [UNIT], 'channel closed');

// ---------------------------------------------------------------------------------------- semaphore
/** `AcquireError(())`: the semaphore was closed. */
export const acquireError = () => new ErrorValue('AcquireError', 'AcquireError', [UNIT], 'semaphore closed');
/** `TryAcquireError::{Closed, NoPermits}`. */
export const tryAcquireClosed = unit('TryAcquireError', 'Closed', 'semaphore closed');
export const tryAcquireNoPermits = unit('TryAcquireError', 'NoPermits', 'no permits available');

// ------------------------------------------------------------------------------------ registrations
const consts: [string, () => Value][] = [
  ['tokio::sync::mpsc::error::TryRecvError::Empty', mpscTryRecvEmpty],
  ['tokio::sync::mpsc::error::TryRecvError::Disconnected', mpscTryRecvDisconnected],
  ['tokio::sync::broadcast::error::RecvError::Closed', broadcastRecvClosed],
  ['tokio::sync::broadcast::error::TryRecvError::Empty', broadcastTryRecvEmpty],
  ['tokio::sync::broadcast::error::TryRecvError::Closed', broadcastTryRecvClosed],
  ['tokio::sync::oneshot::error::TryRecvError::Empty', oneshotTryRecvEmpty],
  ['tokio::sync::oneshot::error::TryRecvError::Closed', oneshotTryRecvClosed],
  ['tokio::sync::TryAcquireError::Closed', tryAcquireClosed],
  ['tokio::sync::TryAcquireError::NoPermits', tryAcquireNoPermits],
];
for (const [name, make] of consts) defineConst([name], { value: make });

const ctors: [string, (v: Value) => Value][] = [
  ['tokio::sync::mpsc::error::SendError', mpscSendError],
  ['tokio::sync::mpsc::error::TrySendError::Full', mpscTrySendFull],
  ['tokio::sync::mpsc::error::TrySendError::Closed', mpscTrySendClosed],
  ['tokio::sync::broadcast::error::SendError', broadcastSendError],
  ['tokio::sync::broadcast::error::RecvError::Lagged', broadcastRecvLagged],
  ['tokio::sync::broadcast::error::TryRecvError::Lagged', broadcastTryRecvLagged],
  ['tokio::sync::watch::error::SendError', watchSendError],
];
for (const [name, make] of ctors) defineFn([name], { pure: true, call: (_ctx, [v]) => make(v!) });
