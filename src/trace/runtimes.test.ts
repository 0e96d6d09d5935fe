/**
 * The runtime table of real runs: which runtime each thread and each queue belongs to when a program
 * builds several (tests/conformance/rt_two_runtimes_*.rs, rt_main_and_second_runtime.rs).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { simulate } from '../sim/simulate';
import { RuntimeTable, runtimeLabel, runtimeOfQueue } from './runtimes';
import { TraceIndex } from './trace-index';

const program = (name: string) => readFileSync(`tests/conformance/${name}.rs`, 'utf8');

describe('runtime table', () => {
  it('numbers the cores of a second runtime after the first and gives each its own shared queues', () => {
    const r = simulate(program('rt_two_runtimes_side_by_side'));
    expect(r.outcome.kind).toBe('completed');
    const table = new RuntimeTable(null).update(r.trace);
    expect(table.runtimes.map(runtimeLabel)).toEqual([
      'runtime 1 · current_thread',
      'runtime 2 · multi_thread, 2 workers',
    ]);
    expect(table.runtimes.map((rt) => rt.coreBase)).toEqual([0, 1]);
    // Runtime 2 exists only from its `runtime-new` on.
    expect(table.builtBy(table.runtimes[1]!.step - 1).map((rt) => rt.id)).toEqual([1]);
    const threads: Record<string, number> = {};
    for (let i = 0; i < r.trace.length; i++) {
      const ev = r.trace.get(i);
      if (ev.kind === 'thread-start') threads[ev.name] = table.ofThread(ev.thread);
    }
    expect(threads).toMatchObject({ main: 0, 'worker 0 (runtime 2)': 2, 'worker 1 (runtime 2)': 2 });
    // Every queue a task waited in belongs to exactly one runtime; both runtimes' queues were used.
    const index = new TraceIndex(r.trace);
    const seen = new Set<string>();
    for (let s = 0; s < r.trace.length; s++) {
      const ev = r.trace.get(s);
      if (ev.kind !== 'schedule') continue;
      for (const q of index.at(s).queues) {
        if (q.total === 0) continue;
        const rt = runtimeOfQueue(q, table.runtimes);
        expect(rt, `queue ${q.kind}:${q.core}`).not.toBeNull();
        seen.add(`${rt!.id} ${q.kind}`);
      }
    }
    expect([...seen].sort()).toEqual(expect.arrayContaining(['1 local', '2 inject']));
    expect([...seen].some((k) => k.startsWith('2 l'))).toBe(true);
  });

  it("counts #[tokio::main]'s runtime as runtime 1 beside one the program builds", () => {
    const r = simulate(program('rt_main_and_second_runtime'));
    expect(r.outcome.kind).toBe('completed');
    const table = new RuntimeTable({ flavor: 'current_thread', workers: 0 }).update(r.trace);
    expect(table.runtimes.map(runtimeLabel)).toEqual([
      'runtime 1 · current_thread',
      'runtime 2 · multi_thread, 2 workers',
    ]);
    expect(table.ofThread(0)).toBe(1);
    // Runtime 1's blocking pool thread built runtime 2; runtime 2's workers start after core 0.
    expect(table.runtimes[1]!.coreBase).toBe(1);
  });

  it('has one runtime and no event for a #[tokio::main] program', () => {
    const r = simulate('#[tokio::main]\nasync fn main() { tokio::spawn(async {}).await.unwrap(); }');
    const table = new RuntimeTable({ flavor: 'multi_thread', workers: 4 }).update(r.trace);
    expect(table.runtimes).toEqual([{ id: 1, flavor: 'multi_thread', workers: 4, coreBase: 0, step: -1 }]);
    for (let i = 0; i < r.trace.length; i++) expect(r.trace.kindAt(i)).not.toBe('runtime-new');
  });

  it('reads a trace file from before (thread-start without runtime) as not saying', () => {
    const r = simulate('fn main() { println!("hi"); }');
    const table = new RuntimeTable(null).update(r.trace);
    expect(table.runtimes).toEqual([]);
    expect(table.ofThread(0)).toBe(0);
    expect(table.ofThread(7)).toBe(-1);
  });
});
