/** How a run ended (every run ends in one of these) and the CLI's exit code for each. */
import type { Span } from '../lang/diagnostics';
import type { OutcomeKind } from '../trace/events';
import type { WaitFor } from '../trace/wait-for';

export interface RunOutcome {
  readonly kind: OutcomeKind;
  /** One line for people; multi-line details for deadlocks. */
  readonly message: string;
  /** The process exit code a real run would have (or the CLI's code for deadlock / limit / unsupported). */
  readonly exitCode: number;
  readonly span: Span | null;
  /** A deadlock's wait-for graph: who waits on what, who holds it (src/trace/wait-for.ts). */
  readonly waitFor?: WaitFor;
  /** `failed` only: the JS stack of the exception, for the fuzz campaign's reproducers and bug reports. */
  readonly detail?: string;
}

/** Exit codes of the CLI: Rust's for a finished program, ours for the rest; 70 (EX_SOFTWARE) is our own bug. */
export const EXIT = {
  completed: 0,
  panicked: 101,
  unsupported: 2,
  deadlock: 3,
  limit: 4,
  failed: 70,
} as const;
