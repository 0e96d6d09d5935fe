/**
 * The suspension protocol every piece of simulated code shares.
 *
 * A future's `poll` returns its output value, `PENDING`, or `BLOCKED` — the last meaning "this poll is not
 * over: the thread running it blocked (e.g. `std::thread::sleep` inside async code)". A blocked poll is
 * resumed, not restarted, by calling `poll` again.
 *
 * Interpreted code and builtins that can suspend are generators (`Gen`): they yield `PENDING` out of an
 * async body's poll, or a `BlockRequest` that suspends the whole thread, and are driven with `yield*`.
 */
import type { BlockRequest } from './machine';
import type { Value } from './values';

export const PENDING: unique symbol = Symbol('Pending');
export const BLOCKED: unique symbol = Symbol('Blocked');
export type PollOutcome = Value | typeof PENDING | typeof BLOCKED;

export type Yield = typeof PENDING | BlockRequest;
export type Gen<T> = Generator<Yield, T, undefined>;
/** What a builtin or a call returns: a value, or a generator when it may suspend. */
export type NativeResult = Value | Gen<Value>;
