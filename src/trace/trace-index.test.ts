/**
 * The trace index answers "what is the state at step s" with binary searches; the reference fold replays
 * every event. On real runs (every conformance program) they must agree at every sampled step.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { simulate } from '../sim/simulate';
import { disagreements } from './agreement';
import { ReferenceFold } from './fold';
import type { ViewState } from './state';
import { TraceStore } from './store';
import { TraceIndex } from './trace-index';

function normalize(v: ViewState) {
  return {
    step: v.step,
    tokioTime: v.tokioTime,
    stdout: v.stdoutLength,
    stderr: v.stderrLength,
    threads: v.threads.map((t) => [t.id, t.status, t.task, t.blockedOn]),
    tasks: v
      .tasks(Infinity)
      .map((t) => [t.id, t.state, t.queue, t.polls, t.wakes, t.selfWakes, t.detached, t.aborted]),
    taskCount: v.taskCount,
    queues: v.queues
      .filter((q) => q.total > 0)
      .map((q) => [q.kind, q.core, q.total, q.tasks.slice(0, 64)])
      .sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
    resources: v
      .resources(Infinity)
      .map((r) => [
        r.id,
        r.name,
        [...r.wakers].sort(),
        r.slots.map((w) => `${w.task}${w.dir}`),
        r.owner,
        r.text,
        r.buffer.slice(0, 32),
        r.bufferLength,
        r.deadline,
        r.fired,
      ]),
    resourceCount: v.resourceCount,
    chains: v
      .tasks(Infinity)
      .map((t) => v.futureChain(t.id).map((f) => [f.id, f.name, f.variant, f.locals, f.line, f.dropped])),
    // The first tasks' un-awaited futures (for every task it would be tasks × futures per step in the fold).
    held: v.tasks(6).map((t) => v.heldFutures(t.id, 3).map((f) => [f.id, f.variant])),
    outcome: v.outcome,
  };
}

const DIR = 'tests/conformance';
const programs = readdirSync(DIR)
  .filter((f) => f.endsWith('.rs'))
  .map((f) => f.slice(0, -3));

describe('trace index agrees with the reference fold', () => {
  for (const name of programs) {
    it(name, () => {
      const r = simulate(readFileSync(`${DIR}/${name}.rs`, 'utf8'), { limits: { maxEvents: 30_000 } });
      // The index reads the store the UI holds (packed strings); the fold reads the simulator's writer.
      const index = new TraceIndex(TraceStore.from(r.trace));
      index.ingest();
      const fold = new ReferenceFold();
      const n = r.trace.length;
      // Every step for short runs; otherwise ~300 spread over the run (including the first and last).
      const stride = Math.max(1, Math.floor(n / 300));
      for (let i = 0; i < n; i++) {
        fold.apply(r.trace.get(i));
        if (i % stride !== 0 && i !== n - 1) continue;
        const view = index.at(i);
        expect(normalize(view), `${name} at step ${i}`).toEqual(normalize(fold.view()));
        // And the view shows what the step's caption says (src/trace/agreement.ts).
        expect(disagreements(view.lastEvent!, view), `${name} at step ${i}`).toEqual([]);
      }
    });
  }
});

/** A seeded LCG (numerical recipes), so every run checks the same steps. */
function lcg(seed: number): (n: number) => number {
  let x = seed >>> 0;
  return (n) => {
    x = (Math.imul(x, 1664525) + 1013904223) >>> 0;
    return x % n;
  };
}

describe('a seek equals replaying from the start (seeded random steps, index built as a stream)', () => {
  const LESSONS = 'src/lessons/programs';
  const lessons = readdirSync(LESSONS).filter((f) => f.endsWith('.rs'));
  lessons.forEach((file, k) => {
    it(file, () => {
      const r = simulate(readFileSync(`${LESSONS}/${file}`, 'utf8'), { limits: { maxEvents: 30_000 } });
      const n = r.trace.length;
      const rand = lcg(0x5eed + k);
      const index = new TraceIndex(TraceStore.from(r.trace));
      // Index in random slices, seeking between them (each seek seals the logs over a partial trace, and
      // the next slice's entries must fold into those rows), then at random steps in random order once
      // complete: every view is normalized at once, before more indexing can change what it would read.
      const seen: [number, ReturnType<typeof normalize>][] = [];
      while (!index.ingest(1 + rand(Math.max(1, n >> 3)))) {
        const s = rand(index.indexed);
        seen.push([s, normalize(index.at(s))]);
      }
      for (let i = 0; i < 40; i++) {
        const s = rand(n);
        seen.push([s, normalize(index.at(s))]);
      }
      seen.push([n - 1, normalize(index.at(n - 1))], [0, normalize(index.at(0))]);
      // The reference: one fold over the events from the start, stopping at each step in order.
      const bySteps = [...seen].sort((a, b) => a[0] - b[0]);
      const fold = new ReferenceFold();
      let applied = 0;
      for (const [s, view] of bySteps) {
        while (applied <= s) fold.apply(r.trace.get(applied++));
        expect(view, `${file} at step ${s} of ${n}`).toEqual(normalize(fold.view()));
      }
      expect(seen.length).toBeGreaterThan(40);
    });
  });
});

describe('trace index queries', () => {
  const src = `use std::time::Duration;
#[tokio::main(flavor = "current_thread")]
async fn main() {
    let h = tokio::spawn(async { tokio::time::sleep(Duration::from_millis(5)).await; 7 });
    println!("{}", h.await.unwrap());
}`;
  const r = simulate(src);
  const index = new TraceIndex(r.trace);
  index.ingest();
  const last = r.trace.length - 1;

  it('reports who woke a task and what it waits on', () => {
    const fire = [...r.trace.events()].find((e) => e.kind === 'timer-fire')!;
    const w = index.whoWoke(1, fire.seq + 1)!;
    expect(w).toMatchObject({ task: 1, effect: 'scheduled' });
    const armed = [...r.trace.events()].find((e) => e.kind === 'register' && e.task === 1)!;
    const waiting = index.waitingOn(1, armed.seq);
    expect(waiting.resources.map((x) => x.type)).toEqual(['timer']);
    expect(waiting.leaf?.name).toBe('Sleep');
  });

  it('gives poll spans per thread and busy/idle time per task', () => {
    const spans = index.spans(0, 0, Infinity);
    expect(spans.filter((s) => s.kind === 'poll' && s.task === 1)).toHaveLength(2);
    const t1 = index.taskAt(1, last)!;
    expect(t1.busyNs).toBeGreaterThan(0);
    expect(t1.idleNs).toBeGreaterThan(4e6);
    expect(t1.polls).toBe(2);
  });

  it('flags a lost waker the way tokio-console does', () => {
    const lost = simulate(`use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll};
struct Never;
impl Future for Never {
    type Output = ();
    fn poll(self: Pin<&mut Self>, _cx: &mut Context<'_>) -> Poll<()> { Poll::Pending }
}
#[tokio::main(flavor = "current_thread")]
async fn main() { tokio::spawn(Never).await.unwrap(); }`);
    const ix = new TraceIndex(lost.trace);
    ix.ingest();
    expect(ix.taskAt(1, lost.trace.length - 1)!.lints).toContain('lost-waker');
  });

  it('does not flag a lost waker at the wake that hands the waker to the scheduler', () => {
    // A wake by value consumes the task's last waker one event before the task is queued.
    const wake = [...r.trace.events()].find((e) => e.kind === 'wake' && e.task === 1)!;
    expect(r.trace.get(wake.seq + 1)).toMatchObject({ kind: 'schedule', task: 1 });
    expect(index.taskAt(1, wake.seq)!.lints).not.toContain('lost-waker');
  });

  it('flags self-wakes over 50%', () => {
    const busy = simulate(`use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll};
struct Spin { n: u32 }
impl Future for Spin {
    type Output = ();
    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
        self.n += 1;
        if self.n > 5 { return Poll::Ready(()); }
        cx.waker().wake_by_ref();
        Poll::Pending
    }
}
#[tokio::main(flavor = "current_thread")]
async fn main() { tokio::spawn(Spin { n: 0 }).await.unwrap(); }`);
    const ix = new TraceIndex(busy.trace);
    ix.ingest();
    expect(ix.taskAt(1, busy.trace.length - 1)!.lints).toContain('self-wakes');
  });
});

describe('time in each state', () => {
  // Issue 17: main waking itself (lesson "Pending and the waker") showed 34 s "scheduled" in a 10 ms run:
  // every poll added the whole time since its spawn again.
  it('adds up to the run for a main future that wakes itself thousands of times', () => {
    const run = simulate(readFileSync('src/lessons/programs/delay-wakes-itself.rs', 'utf8'));
    const ix = new TraceIndex(run.trace);
    ix.ingest();
    const last = run.trace.length - 1;
    const end = run.trace.timeAt(last);
    for (let s = last; s >= 0; s -= 97) {
      const main = ix.taskAt(0, s);
      if (!main) break;
      expect(main.busyNs + main.scheduledNs).toBeLessThanOrEqual(run.trace.timeAt(s) + 1);
    }
    const main = ix.taskAt(0, last)!;
    expect(main.polls).toBeGreaterThan(1000);
    expect(main.busyNs + main.scheduledNs + main.idleNs).toBeCloseTo(end, -1);
    // Woken during each poll, main waits for block_on's next poll as "scheduled", never as "idle".
    expect(main.idleNs).toBe(0);
    expect(main.scheduledNs).toBeGreaterThan(0);
  });

  it('shows main scheduled between a poll that woke it and the next one (index and fold agree)', () => {
    const run = simulate(readFileSync('src/lessons/programs/delay-wakes-itself.rs', 'utf8'));
    const ix = new TraceIndex(run.trace);
    ix.ingest();
    const events = [...run.trace.events()];
    const selfWake = events.find((e) => e.kind === 'wake' && e.task === 0 && e.effect === 'main')!;
    const root = events.find((e) => e.kind === 'spawn' && e.task === 0)!;
    const pending = events.find(
      (e) =>
        e.seq > selfWake.seq && e.kind === 'pending' && root.kind === 'spawn' && e.future === root.future,
    )!;
    expect(ix.taskAt(0, pending.seq)).toMatchObject({ state: 'scheduled', queue: 'main' });
    const fold = new ReferenceFold();
    for (let i = 0; i <= pending.seq; i++) fold.apply(run.trace.get(i));
    expect(fold.view().task(0)).toMatchObject({ state: 'scheduled', queue: 'main' });
  });
});

describe('large-future lint', () => {
  it('flags a task that holds a big buffer across an .await', () => {
    const r = simulate(`use std::time::Duration;
#[tokio::main(flavor = "current_thread")]
async fn main() {
    let h = tokio::spawn(async {
        let buf = [0u8; 4096];
        tokio::time::sleep(Duration::from_millis(1)).await;
        println!("{}", buf.len());
    });
    h.await.unwrap();
}`);
    expect(r.stdout).toBe('4096\n');
    const ix = new TraceIndex(r.trace);
    ix.ingest();
    const sleeping = [...r.trace.events()].find((e) => e.kind === 'future-size')!;
    expect(ix.taskAt(1, sleeping.seq)!.lints).toContain('large-future');
  });
});
