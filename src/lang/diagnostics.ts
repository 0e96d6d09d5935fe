/**
 * Diagnostics: every message about the user's program carries a span, so the editor can underline it and
 * the CLI can print `FILE:LINE:COL: error: message` (DESIGN.md §7).
 */

/** A half-open range of UTF-16 offsets into the source text. */
export interface Span {
  readonly start: number;
  readonly end: number;
}

export const span = (start: number, end: number): Span => ({ start, end });
export const NO_SPAN: Span = { start: 0, end: 0 };

export interface Diagnostic {
  readonly severity: 'error' | 'warning';
  readonly message: string;
  readonly span: Span;
  /** What to write instead, when we know. */
  readonly hint?: string;
}

/** Thrown inside the front end to abandon a parse; always caught and turned into a Diagnostic. */
export class CompileError extends Error {
  override name = 'CompileError';
  constructor(
    message: string,
    readonly span: Span,
    readonly hint?: string,
  ) {
    super(message);
  }

  toDiagnostic(): Diagnostic {
    return this.hint === undefined
      ? { severity: 'error', message: this.message, span: this.span }
      : { severity: 'error', message: this.message, span: this.span, hint: this.hint };
  }
}

/** Maps offsets to 1-based line and column numbers. */
export class LineIndex {
  private readonly starts: number[] = [0];

  constructor(readonly text: string) {
    for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) this.starts.push(i + 1);
  }

  /** 1-based line and column (columns count UTF-16 units, as editors do). */
  position(offset: number): { line: number; col: number } {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, col: offset - this.starts[lo]! + 1 };
  }

  lineText(line: number): string {
    const start = this.starts[line - 1] ?? this.text.length;
    const end = this.starts[line] ?? this.text.length + 1;
    return this.text.slice(start, end - 1);
  }
}

/** `FILE:LINE:COL: error: message` plus an indented hint line. */
export function formatDiagnostic(file: string, index: LineIndex, d: Diagnostic): string {
  const { line, col } = index.position(d.span.start);
  const head = `${file}:${line}:${col}: ${d.severity}: ${d.message}`;
  return d.hint === undefined ? head : `${head}\n  help: ${d.hint}`;
}
