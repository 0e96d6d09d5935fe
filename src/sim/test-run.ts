/**
 * For the std builtins' unit tests: runs a program body inside `#[tokio::main(flavor = "current_thread")]`
 * with a small step budget, so a runaway iterator is stopped in milliseconds.
 */
import { simulate, type SimResult } from './simulate';

export const SMALL_STEPS = 50_000;

export function program(body: string, items = ''): string {
  return `${items}\n#[tokio::main(flavor = "current_thread")]\nasync fn main() {\n${body}\n}\n`;
}

export function runMain(body: string, items = '', seed = 1): SimResult & { source: string } {
  const source = program(body, items);
  const r = simulate(source, { seed, limits: { maxStepsPerPoll: SMALL_STEPS, maxEvents: 200_000 } });
  return { ...r, source };
}

/** The program's stdout, failing with the outcome's message if it did not complete. */
export function out(body: string, items = '', seed = 1): string {
  const r = runMain(body, items, seed);
  if (r.outcome.kind !== 'completed')
    throw new Error(`${r.outcome.kind}: ${r.outcome.message}\nstdout:\n${r.stdout}`);
  return r.stdout;
}

/** The source line of a run's outcome span (the text of that line, trimmed). */
export function outcomeLine(r: SimResult & { source: string }): string | null {
  const sp = r.outcome.span;
  if (!sp) return null;
  const start = r.source.lastIndexOf('\n', sp.start - 1) + 1;
  const end = r.source.indexOf('\n', sp.start);
  return r.source.slice(start, end < 0 ? undefined : end).trim();
}
