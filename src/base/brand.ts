/**
 * Nominal ("branded") types: numbers that mean different things must not mix. A `MachineTime` is not a
 * `TokioTime` is not an `EventIndex`, although each is a plain `number` at run time.
 */
declare const brand: unique symbol;
export type Brand<T, B extends string> = T & { readonly [brand]: B };
