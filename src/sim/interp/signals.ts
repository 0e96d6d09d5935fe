/**
 * Non-local control flow inside the interpreter. These are thrown as plain objects (not `Error`s, so no
 * stack trace is captured) and caught by the construct they belong to.
 */
import type { Span } from '../../lang/diagnostics';
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

/** A Rust panic unwinding through the interpreter. Caught by the task harness or the thread that runs it. */
export class RustPanic {
  constructor(
    readonly message: string,
    readonly span: Span | null,
  ) {}
}

/** The program did something Pollscope does not model: the run ends with a diagnostic (CLI exit 2). */
export class UnsupportedError {
  constructor(
    readonly message: string,
    readonly span: Span | null,
    readonly hint?: string,
  ) {}
}
