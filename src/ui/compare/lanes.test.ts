import { describe, expect, it } from 'vitest';
import { simulate } from '../../sim/simulate';
import { compareTraces } from '../../trace/compare';
import { sideLanes, threadNames } from './lanes';

const program = `#[tokio::main(flavor = "multi_thread", worker_threads = 2)]
async fn main() {
    let h = tokio::spawn(async { tokio::task::yield_now().await; 1 });
    println!("{}", h.await.unwrap());
}
`;

describe('sideLanes', () => {
  it('lanes by thread id, a mark per event of the side, a bar per finished poll', () => {
    const a = simulate(program, { seed: 1 }).trace;
    const c = compareTraces(a, simulate(program, { seed: 1 }).trace);
    const lanes = sideLanes(c, 'a', a);
    expect(lanes.threads).toEqual([...lanes.threads].sort((x, y) => x - y));
    expect(lanes.mark.filter((m) => m !== 0)).toHaveLength(c.a.lines.length);
    const ends = c.a.lines.filter((l) => /^(pending|ready) /.test(l)).length;
    expect(lanes.bars.length / 4).toBe(ends);
    for (let i = 0; i < lanes.bars.length; i += 4) expect(lanes.bars[i]!).toBeLessThan(lanes.bars[i + 1]!);
    expect(threadNames(a).get(0)).toBe('main');
  });
});
