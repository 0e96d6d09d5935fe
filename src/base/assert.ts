/** Internal invariants. A failed assertion is a bug in Pollscope, never a user error. */
export class InvariantError extends Error {
  override name = 'InvariantError';
}

export function assert(condition: unknown, message = 'invariant violated'): asserts condition {
  if (!condition) throw new InvariantError(message);
}

/** Ends every exhaustive `switch` over a discriminated union: adding a variant becomes a type error. */
export function assertUnreachable(x: never, what = 'value'): never {
  throw new InvariantError(`unexpected ${what}: ${JSON.stringify(x)}`);
}
