/**
 * `npm run --silent sim -- run FILE.rs [--tokio 1.24|latest] [--seed N] [--trace OUT.jsonl] [--max-events N]
 * [--max-memory BYTES]`
 * with the simulated network's knobs `--net-latency NS --net-bandwidth BYTES_PER_NS --send-buffer BYTES
 * --recv-buffer BYTES` (defaults: sim/config.ts `DEFAULT_NET`).
 *
 * Prints exactly the simulated program's stdout; its stderr goes to stderr, followed by Pollscope's own
 * messages (diagnostics as `FILE:LINE:COL: error: message`, deadlock and limit reports). Exit codes
 * (DESIGN.md §7): 0 completed, 101 main panicked, 2 outside the supported language, 3 deadlock (real tokio
 * would hang), 4 stopped by a limit; a `main` that returns `Err` exits 1 like a Rust binary; 70 if the
 * simulator itself fails (a bug in Pollscope, reported in one line without a stack trace).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { LineIndex, formatDiagnostic } from '../lang/diagnostics';
import { DEFAULT_LIMITS, DEFAULT_NET, PROFILES, type NetConfig, type Profile } from '../sim/config';
import { simulate } from '../sim/simulate';
import { formatTrace } from '../trace/format';
import { TraceFileError, fromJsonLines, toChromeTrace, toJsonLines } from '../trace/export';

const USAGE = `usage: sim run FILE.rs [--tokio 1.24|latest] [--seed N] [--trace OUT.jsonl|OUT.json|OUT.txt] [--max-events N] [--max-steps N] [--max-memory BYTES]
               [--net-latency NS] [--net-bandwidth BYTES_PER_NS] [--send-buffer BYTES] [--recv-buffer BYTES]
       sim trace TRACE.jsonl [--chrome]   (a saved or recorded trace: one readable line per event, or Chrome trace JSON)`;

export interface CliResult {
  stdout: string;
  stderr: string;
  code: number;
}

export function runCli(
  argv: string[],
  readFile: (p: string) => string = (p) => readFileSync(p, 'utf8'),
): CliResult {
  const [cmd, ...rest] = argv;
  if (cmd === 'trace') return traceCommand(rest, readFile);
  if (cmd !== 'run') return { stdout: '', stderr: `${USAGE}\n`, code: 2 };
  let file: string | null = null;
  let profile: Profile = '1.24';
  let seed = 1;
  let tracePath: string | null = null;
  const limits = { ...DEFAULT_LIMITS };
  const net: { -readonly [K in keyof NetConfig]: NetConfig[K] } = { ...DEFAULT_NET };
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i]!;
    const value = () => {
      const v = rest[++i];
      if (v === undefined) throw new CliError(`${a} needs a value`);
      return v;
    };
    try {
      if (a === '--tokio') {
        const v = value();
        if (!(PROFILES as readonly string[]).includes(v))
          throw new CliError(`--tokio must be one of ${PROFILES.join(', ')}`);
        profile = v as Profile;
      } else if (a === '--seed') {
        seed = intArg(a, value());
      } else if (a === '--trace') {
        tracePath = value();
      } else if (a === '--max-events') {
        limits.maxEvents = intArg(a, value());
      } else if (a === '--max-steps') {
        limits.maxSteps = positiveIntArg(a, value());
      } else if (a === '--max-memory') {
        limits.maxMemory = memoryArg(a, value());
      } else if (a === '--net-latency') {
        net.latencyNs = intArg(a, value());
      } else if (a === '--net-bandwidth') {
        net.bytesPerNs = positiveArg(a, value());
      } else if (a === '--send-buffer') {
        net.sendBuffer = intArg(a, value());
      } else if (a === '--recv-buffer') {
        net.recvBuffer = intArg(a, value());
      } else if (a.startsWith('--')) {
        throw new CliError(`unknown option ${a}`);
      } else if (file === null) {
        file = a;
      } else {
        throw new CliError(`unexpected argument ${a}`);
      }
    } catch (e) {
      if (e instanceof CliError) return { stdout: '', stderr: `sim: ${e.message}\n${USAGE}\n`, code: 2 };
      throw e;
    }
  }
  if (file === null) return { stdout: '', stderr: `${USAGE}\n`, code: 2 };
  let source: string;
  try {
    source = readFile(file);
  } catch {
    return { stdout: '', stderr: `sim: cannot read ${file}\n`, code: 2 };
  }
  const r = simulate(source, { profile, seed, limits, net, fileName: basename(file) });
  let stderr = r.stderr;
  const index = new LineIndex(source);
  for (const d of r.diagnostics) stderr += formatDiagnostic(file, index, d) + '\n';
  if (r.outcome.kind === 'deadlock' || r.outcome.kind === 'limit') {
    const where = r.outcome.span
      ? `${file}:${index.position(r.outcome.span.start).line}:${index.position(r.outcome.span.start).col}: `
      : `${file}: `;
    stderr += `${where}${r.outcome.kind === 'limit' ? 'stopped' : 'error'}: ${r.outcome.message}\n`;
  }
  if ((r.outcome.kind === 'unsupported' && r.diagnostics.length === 0) || r.outcome.kind === 'failed')
    stderr += `${file}: error: ${r.outcome.message}\n`;
  if (tracePath) {
    // .txt: one readable line per event; .json: Chrome trace-event format (Perfetto); otherwise JSON lines.
    const text = tracePath.endsWith('.txt')
      ? formatTrace(r.trace)
      : tracePath.endsWith('.json') && !tracePath.endsWith('.jsonl')
        ? JSON.stringify(toChromeTrace(r.trace))
        : toJsonLines(r.trace, { source, runtime: r.runtime, profile, seed, outcome: r.outcome });
    writeFileSync(tracePath, text);
  }
  return { stdout: r.stdout, stderr, code: r.outcome.exitCode };
}

/**
 * `sim trace TRACE.jsonl [--chrome]`: reads a trace file — the CLI's `--trace`, the app's "Export trace",
 * or a real run recorded by `npm run record` — and prints it one readable line per event (for a recorded
 * run, after a header saying so and what was not recorded), or as Chrome trace-event JSON for Perfetto.
 */
function traceCommand(args: string[], readFile: (p: string) => string): CliResult {
  const chrome = args.includes('--chrome');
  const files = args.filter((a) => a !== '--chrome');
  const bad = files.find((a) => a.startsWith('-'));
  if (bad) return { stdout: '', stderr: `sim: unknown option ${bad}\n${USAGE}\n`, code: 2 };
  if (files.length !== 1) return { stdout: '', stderr: `${USAGE}\n`, code: 2 };
  const file = files[0]!;
  let text: string;
  try {
    text = readFile(file);
  } catch {
    return { stdout: '', stderr: `sim: cannot read ${file}\n`, code: 2 };
  }
  try {
    const { header, trace } = fromJsonLines(text);
    if (chrome) return { stdout: JSON.stringify(toChromeTrace(trace)) + '\n', stderr: '', code: 0 };
    const rec = header.recorded;
    const intro = rec
      ? `# recorded from a real run of tokio ${rec.tokio} (${rec.host}) by ${rec.recorder}\n` +
        rec.notRecorded.map((n) => `# not recorded: ${n}\n`).join('')
      : `# simulated: tokio ${header.profile}, seed ${header.seed}\n`;
    return { stdout: intro + formatTrace(trace), stderr: '', code: 0 };
  } catch (e) {
    if (e instanceof TraceFileError) return { stdout: '', stderr: `${file}: error: ${e.message}\n`, code: 2 };
    throw e;
  }
}

class CliError extends Error {}

/** Pollscope itself failed (a bug, not an outcome of the program): sysexits' EX_SOFTWARE. */
export const EXIT_INTERNAL = 70;

function intArg(name: string, v: string): number {
  if (!/^\d+$/.test(v)) throw new CliError(`${name} needs a non-negative integer, got ${v}`);
  return Number(v);
}

/**
 * The memory budget: a byte count (`268435456`) or with a unit (`64MB`, `1GB`). At most 2 GB: the budget is an
 * estimate of what V8 stores, and Node's heap ends not far above that.
 */
function memoryArg(name: string, v: string): number {
  const m = /^(\d+)(KB|MB|GB)?$/i.exec(v);
  const units: Record<string, number> = { kb: 2 ** 10, mb: 2 ** 20, gb: 2 ** 30 };
  const n = m ? Number(m[1]) * (m[2] ? units[m[2].toLowerCase()]! : 1) : NaN;
  if (!(n >= 1 && n <= MAX_MEMORY))
    throw new CliError(`${name} needs a byte count from 1 to ${MAX_MEMORY} (or 64MB, 1GB), got ${v}`);
  return n;
}
const MAX_MEMORY = 2 ** 31;

function positiveIntArg(name: string, v: string): number {
  const n = intArg(name, v);
  if (n < 1) throw new CliError(`${name} needs a positive integer, got ${v}`);
  return n;
}

function positiveArg(name: string, v: string): number {
  const n = Number(v);
  if (!/^\d+(\.\d+)?$/.test(v) || !(n > 0)) throw new CliError(`${name} needs a positive number, got ${v}`);
  return n;
}

/** The process around runCli: its output, its exit code, and a one-line message if the simulator throws. */
export function runAsProcess(argv: string[]): void {
  try {
    const r = runCli(argv);
    process.stdout.write(r.stdout);
    process.stderr.write(r.stderr);
    process.exitCode = r.code;
  } catch (e) {
    // Every run should end in an outcome; if the simulator itself breaks, say so in one line, no stack.
    const what = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
    process.stderr.write(
      `sim: the simulator failed: ${what} (a bug in Pollscope; please report it with the program)\n`,
    );
    process.exitCode = EXIT_INTERNAL;
  }
}

// Run when executed directly with tsx (not when imported by tests); the bundle's entry is sim-entry.ts.
if (process.argv[1] && /cli[\\/]main\.ts$/.test(process.argv[1])) runAsProcess(process.argv.slice(2));
