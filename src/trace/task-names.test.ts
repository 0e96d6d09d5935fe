/** Tasks named as the program names them, on real runs: bindings, loops, pushes, shadowing. */
import { describe, expect, it } from 'vitest';
import { simulate } from '../sim/simulate';
import { bindingAt, nameTasks } from './task-names';
import { TraceStore } from './store';
import { TraceIndex } from './trace-index';

function names(source: string): Map<number, string> {
  const run = simulate(source, { profile: '1.24', seed: 1 });
  expect(run.outcome.kind).toBe('completed');
  const index = new TraceIndex(TraceStore.from(run.trace));
  index.ingest();
  return nameTasks(source, index.tasksBySite());
}

describe('task names', () => {
  it('reads the binding right before a spawn call', () => {
    const src =
      'let slow = tokio::spawn(async {});\nlet mut h: JoinHandle<()> = spawn(x);\nv.push(spawn(y));';
    expect(bindingAt(src, src.indexOf('tokio::spawn'))).toBe('slow');
    expect(bindingAt(src, src.indexOf('spawn(x)'))).toBe('h');
    expect(bindingAt(src, src.indexOf('spawn(y)'))).toBeNull();
    expect(bindingAt(src, -1)).toBeNull();
  });

  it('names let-bound spawns; tasks spawned in a loop or pushed stay "task N"', () => {
    const got = names(`#[tokio::main(flavor = "current_thread")]
async fn main() {
    let server = tokio::spawn(async { 1 });
    let mut handles = Vec::new();
    for i in 0..3u64 {
        let h = tokio::spawn(async move { i });
        handles.push(h);
    }
    handles.push(tokio::spawn(async { 9 }));
    let _ignored = tokio::spawn(async { 0 });
    println!("{}", server.await.unwrap());
    for h in handles {
        h.await.unwrap();
    }
}
`);
    expect([...got]).toEqual([[1, 'server']]);
  });

  it('leaves two tasks bound to the same name unnamed (a shadowed binding)', () => {
    const got = names(`#[tokio::main(flavor = "current_thread")]
async fn main() {
    let t = tokio::spawn(async { 1 });
    t.await.unwrap();
    let t = tokio::spawn(async { 2 });
    t.await.unwrap();
    let other = tokio::spawn(async { 3 });
    other.await.unwrap();
}
`);
    expect([...got]).toEqual([[3, 'other']]);
  });
});
