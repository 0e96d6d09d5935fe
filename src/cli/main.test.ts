/** The CLI contract of DESIGN.md §7: stdout exactly, diagnostics as FILE:LINE:COL, and the exit codes. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './main';

const files: Record<string, string> = {
  'ok.rs': '#[tokio::main(flavor = "current_thread")]\nasync fn main() { println!("hi"); }\n',
  'panic.rs': '#[tokio::main(flavor = "current_thread")]\nasync fn main() { panic!("no"); }\n',
  'bad.rs': '#[tokio::main(flavor = "current_thread")]\nasync fn main() {\n    let x = ;\n}\n',
  'hang.rs':
    '#[tokio::main(flavor = "current_thread")]\nasync fn main() { let (_t, r) = tokio::sync::oneshot::channel::<u8>(); r.await.unwrap(); }\n',
  'spin.rs': '#[tokio::main(flavor = "current_thread")]\nasync fn main() { loop {} }\n',
  'short.rs': `use tokio::io::{AsyncReadExt, AsyncWriteExt};
#[tokio::main(flavor = "current_thread")]
async fn main() {
    let l = tokio::net::TcpListener::bind("127.0.0.1:5000").await.unwrap();
    let mut c = tokio::net::TcpStream::connect("127.0.0.1:5000").await.unwrap();
    let (mut s, _) = l.accept().await.unwrap();
    println!("{}", c.write(&vec![0u8; 100_000]).await.unwrap());
    let mut b = [0u8; 1];
    s.read(&mut b).await.unwrap();
}
`,
  'grow.rs':
    '#[tokio::main(flavor = "current_thread")]\nasync fn main() {\n    let mut v = Vec::new();\n    loop {\n        v.push(String::from("grow"));\n    }\n}\n',
  'repeat.rs':
    '#[tokio::main(flavor = "current_thread")]\nasync fn main() {\n    let s = "x".repeat(1 << 30);\n    println!("{}", s.len());\n}\n',
  'prec.rs':
    '#[tokio::main(flavor = "current_thread")]\nasync fn main() {\n    println!("{:.101}", 0.1f64);\n}\n',
  'width.rs':
    '#[tokio::main(flavor = "current_thread")]\nasync fn main() {\n    let s = format!("{:>1$}", "x", 1_000_000_000);\n    println!("{}", s.len());\n}\n',
  'mt.rs': '#[tokio::main(worker_threads = 2)]\nasync fn main() { tokio::spawn(async {}).await.unwrap(); }\n',
  'err.rs':
    '#[tokio::main(flavor = "current_thread")]\nasync fn main() -> Result<(), String> { Err("bad".to_string()) }\n',
};
const cli = (...args: string[]) =>
  runCli(
    args,
    (p) =>
      files[p] ??
      (() => {
        throw new Error('nope');
      })(),
  );

describe('sim CLI', () => {
  it('takes the simulated network’s buffer sizes: a write takes what send + receive buffers hold', () => {
    expect(cli('run', 'short.rs').stdout).toBe('100000\n');
    expect(cli('run', 'short.rs', '--send-buffer', '1000', '--recv-buffer', '2000').stdout).toBe('3000\n');
    expect(cli('run', 'short.rs', '--net-bandwidth', '0').code).toBe(2);
  });

  it('hostile formats end as Rust ends them (issue 14): `{:.101}` prints, a width of 1e9 panics', () => {
    // What rustc 1.95 prints: 0.1's exact digits, then zeros; and the u16 width check's panic.
    expect(cli('run', 'prec.rs')).toEqual({
      stdout: '0.1000000000000000055511151231257827021181583404541015625' + '0'.repeat(46) + '\n',
      stderr: '',
      code: 0,
    });
    const r = cli('run', 'width.rs');
    expect(r.code).toBe(101);
    expect(r.stderr).toMatch(/panicked at src\/main\.rs:3:13:\nFormatting argument out of range/);
  });

  it('prints exactly the program stdout and exits 0', () => {
    expect(cli('run', 'ok.rs')).toEqual({ stdout: 'hi\n', stderr: '', code: 0 });
  });

  it('exits 101 when main panics, with the panic on stderr', () => {
    const r = cli('run', 'panic.rs');
    expect(r.code).toBe(101);
    expect(r.stderr).toMatch(/panicked at src\/main\.rs:2:\d+:\nno/);
  });

  it('exits 2 with FILE:LINE:COL: error: for code outside the language', () => {
    const r = cli('run', 'bad.rs');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^bad\.rs:3:13: error: expected an expression/m);
  });

  it('exits 3 for a deadlock, 4 for a limit, 1 when main returns Err', () => {
    expect(cli('run', 'hang.rs').code).toBe(3);
    expect(cli('run', 'spin.rs', '--max-events', '5000').code).toBe(4);
    const e = cli('run', 'err.rs');
    expect(e.code).toBe(1);
    expect(e.stderr).toBe('Error: "bad"\n');
  });

  it('--max-memory: a run that holds more stops with exit 4, naming the budget and the line', () => {
    const r = cli('run', 'grow.rs', '--max-memory', '1MB');
    expect(r.code).toBe(4);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(
      /^grow\.rs:5:16: stopped: the run holds more than 1 MB \(its memory limit\): [\d.]+ (KB|MB) of program values/,
    );
    // The default budget (256 MB) refuses a 1 GiB string before it is built.
    const big = cli('run', 'repeat.rs');
    expect(big.code).toBe(4);
    expect(big.stderr).toMatch(
      /^repeat\.rs:3:13: stopped: this value needs 2 GB: more than the memory limit \(256 MB\)/,
    );
    expect(cli('run', 'ok.rs', '--max-memory', '4096').code).toBe(0);
    for (const bad of ['0', '-1', '3GB', 'lots', '1.5MB'])
      expect(cli('run', 'ok.rs', '--max-memory', bad).stderr, bad).toMatch(/--max-memory needs a byte count/);
  });

  it('a limit reached while the runtime starts (--max-events 0 or 1) is a limit outcome: exit 4, in words', () => {
    for (const file of ['ok.rs', 'mt.rs'])
      for (const n of ['0', '1']) {
        const r = cli('run', file, '--max-events', n);
        expect(r).toEqual({
          stdout: '',
          stderr: `${file}: stopped: the run reached the limit of ${n} ${n === '1' ? 'event' : 'events'}\n`,
          code: 4,
        });
      }
  });

  // Both ways the CLI starts: `npm run sim` (scripts/sim.mjs: the prebuilt bundle, built first when missing
  // or stale) and the sources through tsx.
  it.each([
    ['npm run sim (the bundle)', ['scripts/sim.mjs']],
    ['tsx src/cli/main.ts', ['--import', 'tsx', 'src/cli/main.ts']],
  ])('as a process (%s): --max-events 0 exits 4 with one line on stderr and no stack trace', (_, start) => {
    const dir = mkdtempSync(join(tmpdir(), 'pollscope-cli-'));
    try {
      const file = join(dir, 'ok.rs');
      writeFileSync(file, files['ok.rs']!);
      const r = spawnSync(process.execPath, [...start, 'run', file, '--max-events', '0'], {
        encoding: 'utf8',
      });
      expect(r.status).toBe(4);
      expect(r.stdout).toBe('');
      expect(r.stderr).toBe(`${file}: stopped: the run reached the limit of 0 events\n`);
      const ok = spawnSync(process.execPath, [...start, 'run', file], { encoding: 'utf8' });
      expect([ok.status, ok.stderr]).toEqual([0, '']);
      expect(ok.stdout).toBe(runCli(['run', 'ok.rs'], (p) => files[p]!).stdout);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('reads a trace back with `trace`: simulated, or broken', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pollscope-cli-'));
    try {
      const read = (p: string) => (p.endsWith('.rs') ? files[p]! : readFileSync(p, 'utf8'));
      expect(runCli(['run', 'ok.rs', '--trace', join(dir, 'run.jsonl')], read).code).toBe(0);
      expect(runCli(['run', 'ok.rs', '--trace', join(dir, 'run.txt')], read).code).toBe(0);
      // The JSON lines, read back, print the same events as the run's readable trace.
      const r = runCli(['trace', join(dir, 'run.jsonl')], read);
      expect(r).toEqual({
        stdout: `# simulated: tokio 1.24, seed 1\n${readFileSync(join(dir, 'run.txt'), 'utf8')}`,
        stderr: '',
        code: 0,
      });
      const chrome = JSON.parse(runCli(['trace', join(dir, 'run.jsonl'), '--chrome'], read).stdout);
      expect(chrome.traceEvents.length).toBeGreaterThan(2);
      writeFileSync(join(dir, 'broken.jsonl'), '{"pollscope":1,"source":""}\n{"kind":"poll"}\n');
      expect(runCli(['trace', join(dir, 'broken.jsonl')], read).stderr).toBe(
        `${join(dir, 'broken.jsonl')}: error: line 2: missing thread or time\n`,
      );
      expect(runCli(['trace', join(dir, 'none.jsonl')], read).stderr).toMatch(
        /^sim: cannot read .*none\.jsonl\n$/,
      );
      expect(runCli(['trace'], read).code).toBe(2);
      expect(runCli(['trace', 'a.jsonl', '--frob'], read).code).toBe(2);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('rejects bad options with usage and exit 2', () => {
    expect(cli('run', 'ok.rs', '--tokio', '0.1').code).toBe(2);
    expect(cli('frobnicate').code).toBe(2);
    expect(cli('run', 'missing.rs').stderr).toMatch(/cannot read missing\.rs/);
  });
});
