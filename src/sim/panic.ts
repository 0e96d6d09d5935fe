/**
 * How a run stops abnormally, besides a limit (machine.ts `LimitError`): a Rust panic unwinding, or the
 * program doing something Pollscope does not model. Thrown as plain objects (not `Error`s, so no stack
 * trace is captured).
 */
import type { Span } from '../lang/diagnostics';

/** A Rust panic unwinding through the interpreter. Caught by the task harness or the thread that runs it. */
export class RustPanic {
  /** Printed already (the hook ran where it was raised); a thread it unwinds into does not print it again. */
  reported = false;
  /**
   * The payload is a `&'static str` (`panic!("literal")`, `Option::unwrap` on `None`: std's
   * `StaticStrPayload`) rather than a `String` (a formatted message): what `downcast_ref::<&str>()` sees.
   */
  strPayload = false;
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
