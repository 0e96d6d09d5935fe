/**
 * One program, judged: its outcome, or one of the things the campaign hunts — a crash (an exception out of
 * `simulate`, or a `failed` outcome: the simulator's own failure), a hang (more interpreter steps than the
 * run's step budget allows: the budget did not stop it), a nondeterministic run (the same program and seed
 * twice give a different trace), or a broken contract (a diagnostic that points outside the program).
 * Budgets are interpreter steps and bytes, never wall-clock time.
 */
import { createHash } from 'node:crypto';
import type { Limits } from '../../src/sim/config';
import { JS_STACK_OVERFLOW, simulate, type SimResult } from '../../src/sim/simulate';
import { formatTrace } from '../../src/trace/format';

/** Per-program budgets: tight, so that a runaway program ends soon, and the same for every program. */
export const CAMPAIGN_LIMITS: Partial<Limits> = {
  maxEvents: 5_000,
  maxStepsPerPoll: 20_000,
  maxSteps: 2_000_000,
  maxMemory: 32 * 2 ** 20,
  maxTasks: 1_000,
  maxOutputChars: 100_000,
  maxMachineTime: 60e9,
};

/** The simulator reports progress every 2^20 steps (sim/machine.ts): the watchdog counts these. */
const HEARTBEAT_STEPS = 2 ** 20;

export type Finding = 'crash' | 'hang' | 'nondeterministic' | 'contract';
export const FINDINGS: readonly Finding[] = ['crash', 'hang', 'nondeterministic', 'contract'];

export type Verdict =
  | { readonly finding: null; readonly bucket: string }
  | { readonly finding: Finding; readonly signature: string; readonly detail: string };

/** Thrown from the progress callback to stop a run that went past its step budget. */
class Watchdog extends Error {}

interface Judged {
  readonly result: SimResult | null;
  readonly verdict: Verdict;
}

function runOnce(source: string, seed: number, limits: Partial<Limits>): Judged {
  let heartbeats = 0;
  const allowed = Math.ceil((limits.maxSteps ?? Infinity) / HEARTBEAT_STEPS) + 1;
  let r: SimResult;
  try {
    r = simulate(source, {
      seed,
      limits,
      onProgress: () => {
        if (++heartbeats > allowed) throw new Watchdog(`more than ${heartbeats * HEARTBEAT_STEPS} steps`);
      },
    });
  } catch (e) {
    const detail = e instanceof Error ? (e.stack ?? e.message) : String(e);
    return { result: null, verdict: { finding: 'crash', signature: signatureOf(detail), detail } };
  }
  const o = r.outcome;
  if (heartbeats > allowed || (o.detail ?? '').includes('Watchdog'))
    return {
      result: r,
      verdict: {
        finding: 'hang',
        signature: 'hang: the run went past its step budget',
        detail: `${o.kind}: ${o.message}`,
      },
    };
  if (o.kind === 'failed') {
    const detail = o.detail ?? o.message;
    return { result: r, verdict: { finding: 'crash', signature: signatureOf(detail), detail } };
  }
  const broken = contract(source, r);
  if (broken) return { result: r, verdict: { finding: 'contract', signature: broken, detail: o.message } };
  return { result: r, verdict: { finding: null, bucket: bucketOf(r) } };
}

/** Judges `source`; with `determinism`, runs it twice and compares the runs byte for byte. */
export function check(source: string, seed: number, determinism: boolean, limits = CAMPAIGN_LIMITS): Verdict {
  const first = runOnce(source, seed, limits);
  if (first.verdict.finding !== null || !determinism) return first.verdict;
  const second = runOnce(source, seed, limits);
  if (second.verdict.finding !== null) return second.verdict;
  const diff = difference(first.result!, second.result!);
  if (diff)
    return {
      finding: 'nondeterministic',
      signature: `nondeterministic: ${diff}`,
      detail: `first and second run differ in ${diff}`,
    };
  return first.verdict;
}

/** What tells two runs apart, or null. */
function difference(a: SimResult, b: SimResult): string | null {
  if (a.stdout !== b.stdout) return 'stdout';
  if (a.stderr !== b.stderr) return 'stderr';
  if (JSON.stringify(a.outcome) !== JSON.stringify(b.outcome)) return 'outcome';
  if (a.trace.length !== b.trace.length) return 'trace length';
  if (traceHash(a) !== traceHash(b)) return 'trace';
  return null;
}

export function traceHash(r: SimResult): string {
  return createHash('sha256').update(formatTrace(r.trace)).digest('hex').slice(0, 16);
}

/** The promises every outcome keeps: a diagnostic points inside the program. */
function contract(source: string, r: SimResult): string | null {
  const o = r.outcome;
  const inside = (sp: { start: number; end: number }) =>
    Number.isInteger(sp.start) &&
    Number.isInteger(sp.end) &&
    0 <= sp.start &&
    sp.start <= sp.end &&
    sp.end <= source.length;
  if (o.kind === 'unsupported' && !o.span)
    return `contract: unsupported without a span: ${normalise(o.message)}`;
  if (o.span && !inside(o.span)) return `contract: span outside the program: ${normalise(o.message)}`;
  for (const d of r.diagnostics)
    if (!inside(d.span)) return `contract: diagnostic outside the program: ${normalise(d.message)}`;
  return null;
}

/** Outcome counts are kept per kind, and limits per which limit. */
function bucketOf(r: SimResult): string {
  const o = r.outcome;
  if (o.kind !== 'limit') return o.kind;
  if (o.message.startsWith(JS_STACK_OVERFLOW)) return 'limit: engine stack';
  if (/memory limit|longer than Pollscope can hold/.test(o.message)) return 'limit: memory';
  if (/^stack overflow/.test(o.message)) return 'limit: stack';
  if (/interpreter steps/.test(o.message)) return 'limit: steps';
  if (/steps without returning/.test(o.message)) return 'limit: steps per poll';
  if (/limit of \d+ events?/.test(o.message)) return 'limit: events';
  if (/machine-time limit/.test(o.message)) return 'limit: machine time';
  if (/spawned more than|threads were started/.test(o.message)) return 'limit: tasks';
  if (/printed more than/.test(o.message)) return 'limit: output';
  return 'limit: other';
}

/** An exception's kind and where it was thrown (its first frame in src/), without the program's values. */
function signatureOf(detail: string): string {
  const lines = detail.split('\n');
  const head = normalise(lines[0] ?? '');
  const frame = lines.find((l) => /src\//.test(l));
  const at = frame
    ? frame
        .replace(/^.*\bsrc\//, 'src/')
        .replace(/[)]$/, '')
        .replace(/:\d+$/, '')
    : '';
  return `${head}${at ? ` at ${at}` : ''}`;
}

/** Numbers and quoted values vary between instances of one bug. */
function normalise(s: string): string {
  return s
    .replace(/`[^`]*`/g, '`…`')
    .replace(/"[^"]*"/g, '"…"')
    .replace(/\d+/g, 'N')
    .slice(0, 200);
}
