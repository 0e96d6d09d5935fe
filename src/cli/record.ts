/**
 * `npm run record -- FILE.rs [-o OUT.jsonl] [--timeout SECS]`: builds FILE.rs (a normal tokio program,
 * unchanged) against real tokio 1.24.2 with Pollscope's recorder linked in, runs it, and writes the trace
 * of the real run — the file "Open trace…" in the app and the CLI's tools read.
 *
 * The program's stdout and stderr appear as it runs; the summary line says how it ended. Exit status 0
 * when the trace was written (whatever the program did: a panic is worth recording too), 2 when it
 * could not be (missing toolchain, build errors, no trace written).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { fromJsonLines } from '../trace/export';
import {
  ROOT,
  build,
  missingToolchain,
  outcomeOf,
  runRecorded,
  stampOutcome,
  writeCrate,
} from './cargo-recorder';

const USAGE = 'usage: npm run record -- FILE.rs [-o OUT.jsonl] [--timeout SECS]';

function fail(msg: string): never {
  process.stderr.write(`record: ${msg}\n`);
  process.exit(2);
}

function parseArgs(argv: string[], cwd: string): { file: string; out: string; timeout: number } {
  let file: string | null = null;
  let out: string | null = null;
  let timeout = 10;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '-o' || a === '--out') {
      out = argv[++i] ?? fail(`${a} needs a file name\n${USAGE}`);
    } else if (a === '--timeout') {
      const v = argv[++i] ?? '';
      if (!/^\d+(\.\d+)?$/.test(v) || Number(v) <= 0)
        fail(`--timeout needs a positive number of seconds\n${USAGE}`);
      timeout = Number(v);
    } else if (a === '-h' || a === '--help') {
      process.stdout.write(`${USAGE}\n`);
      process.exit(0);
    } else if (a.startsWith('-')) {
      fail(`unknown option ${a}\n${USAGE}`);
    } else if (file === null) {
      file = a;
    } else {
      fail(`unexpected argument ${a}\n${USAGE}`);
    }
  }
  if (file === null) fail(USAGE);
  if (!file.endsWith('.rs')) fail(`${file} is not a Rust file (.rs)`);
  const path = resolve(cwd, file);
  if (!existsSync(path)) fail(`cannot read ${file}`);
  return { file: path, out: resolve(cwd, out ?? `${basename(file, '.rs')}.jsonl`), timeout };
}

function main(): void {
  // npm runs scripts from the package's folder; paths on the command line are the caller's.
  const cwd = process.env.INIT_CWD ?? process.cwd();
  const args = parseArgs(process.argv.slice(2), cwd);
  const { file, out, timeout } = args;
  const missing = missingToolchain();
  if (missing) fail(missing);
  const name = basename(file, '.rs')
    .replace(/[^A-Za-z0-9_]/g, '_')
    .replace(/^(?![A-Za-z])/, 'p_');
  const dir = join(ROOT, 'target/record', name);
  writeCrate(dir, [{ name, path: file }]);
  process.stderr.write(`record: building ${file} against tokio 1.24.2 with the recorder (${dir})\n`);
  if (!build(dir))
    fail(
      `${file} did not build (cargo's errors above; progs/${name}.rs is your file plus one line at the end)`,
    );
  const outPath = out;
  const r = runRecorded(name, { out: outPath, source: file, timeoutSecs: timeout, echo: true, cwd });
  if (!existsSync(outPath))
    fail(`the program ended (${r.signal ?? `status ${r.code}`}) without the recorder writing ${out}`);
  const text = stampOutcome(readFileSync(outPath, 'utf8'), outcomeOf(r, timeout));
  writeFileSync(outPath, text);
  // Read it back the way the app does: a trace it cannot open is a failure here, not a surprise there.
  let trace: ReturnType<typeof fromJsonLines>['trace'];
  try {
    trace = fromJsonLines(text).trace;
  } catch (e) {
    fail(
      `the recorder wrote ${out}, but Pollscope cannot read it: ${e instanceof Error ? e.message : String(e)}`,
    );
  }
  let tasks = 0;
  let polls = 0;
  let threads = 0;
  for (let i = 0; i < trace.length; i++) {
    const k = trace.kindAt(i);
    if (k === 'spawn') tasks++;
    else if (k === 'poll') polls++;
    else if (k === 'thread-start') threads++;
  }
  const ended =
    r.code === 0 ? 'the program exited normally' : `the program ended with ${r.signal ?? `status ${r.code}`}`;
  process.stderr.write(
    `record: ${ended}; wrote ${out}: ${trace.length} events, ${tasks} tasks, ${polls} polls, ${threads} threads; open it with "Open trace…" in Pollscope\n`,
  );
}

main();
