/**
 * Every run ends in an outcome: a program's deep recursion is a stack-overflow limit at the same call on
 * every engine and every run (interp/stack.ts), and an exception the simulator did not expect is a `failed`
 * outcome (exit 70) that keeps what the run printed, never an exception out of `simulate`.
 */
import { describe, expect, it } from 'vitest';
import { runCli } from '../cli/main';
import { formatTrace } from '../trace/format';
import { defineFn } from './interp/registry';
import { STACK_FRAMES } from './interp/stack';
import { EXIT, simulate, SIMULATOR_FAILED } from './simulate';

const main = (body: string, prelude = '') =>
  `${prelude}#[tokio::main(flavor = "current_thread")]\nasync fn main() {\n${body}\n}\n`;

const recursive = {
  fn: (n: number) =>
    main(
      `    println!("{}", depth(${n}));`,
      'fn depth(n: u64) -> u64 {\n    if n == 0 { 0 } else { 1 + depth(n - 1) }\n}\n',
    ),
  fib: (n: number) =>
    main(
      `    println!("{}", fib(${n}));`,
      'fn fib(n: u64) -> u64 {\n    if n < 2 { n } else { fib(n - 1) + fib(n - 2) }\n}\n',
    ),
  closure: (n: number) =>
    main(
      `    println!("{}", depth(${n}));`,
      'fn depth(n: u64) -> u64 {\n    let f = |k: u64| if k == 0 { 0 } else { depth(k - 1) + 1 };\n    f(n)\n}\n',
    ),
  async: (n: number) =>
    main(
      `    println!("{}", depth(${n}).await);`,
      'use std::future::Future;\nuse std::pin::Pin;\n' +
        'fn depth(n: u64) -> Pin<Box<dyn Future<Output = u64>>> {\n' +
        '    Box::pin(async move { if n == 0 { 0 } else { depth(n - 1).await + 1 } })\n}\n',
    ),
  thread: (n: number) =>
    main(
      `    let h = std::thread::spawn(move || depth(${n}));\n    println!("{}", h.join().unwrap());`,
      'fn depth(n: u64) -> u64 {\n' +
        '    if n == 0 { std::thread::sleep(std::time::Duration::from_millis(1)); 0 } else { 1 + depth(n - 1) }\n}\n',
    ),
};

describe('stack overflow', () => {
  it('a recursion a million deep is a stack-overflow limit at the recursive call, not a JS RangeError', () => {
    for (const [name, source] of Object.entries(recursive)) {
      const r = simulate(source(1_000_000));
      expect(r.outcome.kind, `${name}: ${r.outcome.message}`).toBe('limit');
      expect(r.outcome.exitCode).toBe(EXIT.limit);
      expect(r.outcome.message, name).toBe(
        "stack overflow: calls nested deeper than Pollscope's stack holds (a recursion without a base case?)",
      );
      expect(r.outcome.span, name).not.toBeNull();
    }
  });

  it('stops at the same call in every run: the same trace twice, whatever ran before', () => {
    const source = recursive.fn(1_000_000);
    const a = simulate(source);
    // Warm the engine (optimised frames are smaller than interpreted ones): the count must not care.
    for (let i = 0; i < 20; i++) simulate(recursive.fib(12));
    const b = simulate(source);
    expect(b.outcome).toEqual(a.outcome);
    expect(formatTrace(b.trace)).toBe(formatTrace(a.trace));
  });

  it('recursion a few dozen deep still runs, in every shape', () => {
    for (const [name, source] of Object.entries(recursive)) {
      const r = simulate(source(name === 'fib' ? 20 : 30));
      expect(r.outcome.kind, `${name}: ${r.outcome.message}`).toBe('completed');
      expect(r.stdout).toBe(name === 'fib' ? '6765\n' : '30\n');
    }
    expect(STACK_FRAMES).toBeGreaterThan(1000);
  });

  it('many suspended futures do not add up: a thousand tasks each parked inside a call chain', () => {
    // Each task holds a suspended chain of calls; only the polled one is on the JS stack.
    const source = main(
      '    let mut hs = Vec::new();\n' +
        '    for i in 0..1000u64 {\n' +
        '        hs.push(tokio::spawn(async move { wait(i, 5).await }));\n' +
        '    }\n' +
        '    let mut sum = 0;\n' +
        '    for h in hs { sum += h.await.unwrap(); }\n' +
        '    println!("{}", sum);',
      'async fn wait(i: u64, n: u64) -> u64 {\n' +
        '    if n == 0 { tokio::task::yield_now().await; i } else { Box::pin(wait(i, n - 1)).await }\n}\n',
    );
    const r = simulate(source);
    expect(r.outcome.kind, r.outcome.message).toBe('completed');
    expect(r.stdout).toBe('499500\n');
  });
});

describe('the step budget', () => {
  it('a run that computes without end, yielding now and then, stops at its step limit', () => {
    // Neither maxStepsPerPoll (it yields) nor maxEvents (it yields rarely) would stop it soon.
    const source = main(
      '    let mut x = 0u64;\n    loop {\n        x += 1;\n        if x % 10_000 == 0 { tokio::task::yield_now().await; }\n    }',
    );
    const r = simulate(source, { limits: { maxSteps: 200_000 } });
    expect(r.outcome.kind, r.outcome.message).toBe('limit');
    expect(r.outcome.message).toBe(
      'the run took more than 200000 interpreter steps (its step limit: a computation without end?)',
    );
    const again = simulate(source, { limits: { maxSteps: 200_000 } });
    expect(again.trace.length).toBe(r.trace.length);
    expect(runCli(['run', 'spin.rs', '--max-steps', '50000'], () => source).code).toBe(4);
    expect(runCli(['run', 'spin.rs', '--max-steps', '0'], () => source).code).toBe(2);
  });
});

describe('the simulator failed', () => {
  // A builtin with a bug, registered as builtins are: the guard must catch what it throws.
  defineFn(['pollscope_test::broken'], {
    pure: false,
    call: () => {
      throw new TypeError("Cannot read properties of undefined (reading 'items')");
    },
  });
  const source = main('    println!("before");\n    pollscope_test::broken();\n    println!("after");');

  it('an exception the simulator did not expect is a `failed` outcome that keeps the output so far', () => {
    const r = simulate(source);
    expect(r.outcome.kind).toBe('failed');
    expect(r.outcome.exitCode).toBe(70);
    expect(r.outcome.message).toBe(
      `${SIMULATOR_FAILED}: TypeError: Cannot read properties of undefined (reading 'items') ` +
        '(a bug in Pollscope, not in your program: please share the link or the program)',
    );
    expect(r.outcome.detail).toMatch(/TypeError/);
    expect(r.stdout).toBe('before\n');
    // The trace ends with the outcome, like every run's.
    expect(r.trace.get(r.trace.length - 1)).toMatchObject({ kind: 'outcome', result: 'failed' });
  });

  it('the CLI says it in one line and exits 70', () => {
    const r = runCli(['run', 'broken.rs'], () => source);
    expect(r.code).toBe(70);
    expect(r.stdout).toBe('before\n');
    expect(r.stderr).toMatch(/^broken\.rs: error: the simulator failed: TypeError: .*please share/);
    expect(r.stderr.split('\n').filter(Boolean)).toHaveLength(1);
  });
});
