/**
 * Non-local control flow inside the interpreter. These are thrown as plain objects (not `Error`s, so no
 * stack trace is captured) and caught by the construct they belong to. (Panics are sim/panic.ts.)
 */
import type { Value } from '../values';

export class BreakSignal {
  constructor(
    readonly label: string | null,
    readonly value: Value,
  ) {}
}

export class ContinueSignal {
  constructor(readonly label: string | null) {}
}

/** `return` (and `?` on an Err / None) out of the current function, closure or async body. */
export class ReturnSignal {
  constructor(readonly value: Value) {}
}
