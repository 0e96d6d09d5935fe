/**
 * Deadlocks explained as a graph (issue 17): on real runs, the simulator's wait-for graph says who holds
 * which lock or permit and who waits on which; the cycle is found and said in words with the program's
 * names (`a`, `b`, `left`, `right`).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { simulate } from '../sim/simulate';
import { TraceStore } from './store';
import { nameTasks, resourceBindingAt } from './task-names';
import { TraceIndex } from './trace-index';
import { describeWaitFor, waitCycle, type Names } from './wait-for';

function run(source: string) {
  const r = simulate(source, { profile: '1.24', seed: 1 });
  const index = new TraceIndex(TraceStore.from(r.trace));
  index.ingest();
  const tasks = nameTasks(source, index.tasksBySite());
  const view = index.at(r.trace.length - 1);
  const names: Names = {
    task: (id) => (id === 0 ? 'main' : (tasks.get(id) ?? `task ${id}`)),
    resource: (id) => {
      const res = view.resource(id);
      return (res && resourceBindingAt(source, res.site)) ?? res?.name ?? `resource ${id}`;
    },
  };
  return { r, names };
}

const TWO_LOCKS = readFileSync('tests/fixtures/deadlock/two-locks.rs', 'utf8');

describe('the wait-for graph of a deadlock', () => {
  it('names each lock by its binding', () => {
    const src =
      'let a = Arc::new(Mutex::new(0));\nlet mut b: Arc<Mutex<u8>> = Arc::new(tokio::sync::Mutex::new(1));';
    expect(resourceBindingAt(src, src.indexOf('Mutex::new(0)'))).toBe('a');
    expect(resourceBindingAt(src, src.indexOf('tokio::sync::Mutex::new'))).toBe('b');
    expect(resourceBindingAt('v.push(Mutex::new(0));', 7)).toBeNull();
  });

  it('finds the cycle of two tasks taking two locks in opposite orders', () => {
    const { r, names } = run(TWO_LOCKS);
    expect(r.outcome.kind).toBe('deadlock');
    const g = r.outcome.waitFor!;
    // left (task 1) holds a and waits for b; right (task 2) holds b and waits for a; main waits for left.
    const cycle = waitCycle(g)!;
    expect(cycle.map((n) => ('task' in n ? names.task(n.task) : names.resource(n.resource)))).toEqual([
      'left',
      'b',
      'right',
      'a',
    ]);
    expect(describeWaitFor(g, names)).toEqual([
      'main waits for left to finish.',
      'left holds a and waits for b (held by right).',
      'right holds b and waits for a (held by left).',
      'left and right each wait for something another of them holds: none of them can ever go on.',
    ]);
  });

  it('releases a lock from the graph when its guard is dropped', () => {
    // Same program, but left drops its guard of a before taking b: no deadlock, no holders left over.
    const fixed = TWO_LOCKS.replace(
      'let _x = a1.lock().await;\n        tokio::time::sleep(Duration::from_millis(10)).await;',
      'drop(a1.lock().await);\n        tokio::time::sleep(Duration::from_millis(10)).await;',
    );
    expect(fixed).not.toBe(TWO_LOCKS);
    expect(run(fixed).r.outcome.kind).toBe('completed');
  });

  it('says when the tasks wait on something outside any cycle (a lost waker)', () => {
    const { r, names } = run(readFileSync('src/lessons/programs/lost-waker.rs', 'utf8'));
    expect(r.outcome.kind).toBe('deadlock');
    const g = r.outcome.waitFor!;
    expect(waitCycle(g)).toBeNull();
    expect(g.holds).toEqual([]);
    expect(describeWaitFor(g, names)[0]).toMatch(/^main waits on /);
  });

  it('a task holding a semaphore permit and waiting for another one is its own cycle', () => {
    const src = `use tokio::sync::Semaphore;
#[tokio::main(flavor = "current_thread")]
async fn main() {
    let permits = Semaphore::new(1);
    let _first = permits.acquire().await.unwrap();
    let _second = permits.acquire().await.unwrap();
}`;
    const { r, names } = run(src);
    expect(r.outcome.kind).toBe('deadlock');
    const lines = describeWaitFor(r.outcome.waitFor!, names);
    expect(lines).toEqual([
      'main holds permits and waits for permits (held by main).',
      'main waits for something it holds itself: it can never go on.',
    ]);
  });
});
