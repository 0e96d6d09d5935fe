/** Trace files: JSON lines round-trip exactly; the Chrome trace-event file has the structure Perfetto reads. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { simulate } from '../sim/simulate';
import { formatTrace } from './format';
import { TraceFileError, fromJsonLines, toChromeTrace, toJsonLines } from './export';

const src = `use std::time::Duration;
#[tokio::main(flavor = "current_thread")]
async fn main() {
    let h = tokio::spawn(async { tokio::time::sleep(Duration::from_millis(3)).await; println!("task"); });
    println!("main");
    h.await.unwrap();
}`;

describe('JSON lines', () => {
  it('round-trips every event and the header', () => {
    const r = simulate(src);
    const text = toJsonLines(r.trace, {
      source: src,
      runtime: r.runtime,
      profile: '1.24',
      seed: 1,
      outcome: r.outcome,
    });
    const back = fromJsonLines(text);
    expect(back.header.source).toBe(src);
    expect(formatTrace(back.trace)).toBe(formatTrace(r.trace));
  });

  it('reads the header of a recorded real run, and still opens files without one', () => {
    const r = simulate(src);
    const header = { source: src, runtime: r.runtime, profile: '1.24', seed: 1, outcome: r.outcome };
    expect(fromJsonLines(toJsonLines(r.trace, header)).header.recorded).toBeUndefined();
    const recorded = {
      tokio: '1.24.2',
      recorder: 'pollscope_record 0.1.0',
      host: 'linux x86_64',
      clock: 'monotonic',
      notRecorded: ['run queues'],
      notes: [],
      received: { 'span runtime.spawn kind=task': 1 },
    };
    expect(fromJsonLines(toJsonLines(r.trace, { ...header, recorded })).header.recorded).toEqual(recorded);
    // Lenient about what it does not need, strict about what the view relies on.
    const minimal = fromJsonLines(
      JSON.stringify({ pollscope: 1, source: '', recorded: { tokio: '1.24.2', notRecorded: [] } }),
    );
    expect(minimal.header.recorded).toEqual({
      tokio: '1.24.2',
      recorder: '',
      host: '',
      clock: '',
      notRecorded: [],
      notes: [],
      received: {},
    });
    expect(() => fromJsonLines(JSON.stringify({ pollscope: 1, source: '', recorded: { tokio: 1 } }))).toThrow(
      /`recorded` field is malformed/,
    );
  });

  it('opens a file written before print had a site (and the recorder, which knows no offsets): site -1', () => {
    const text =
      '{"pollscope":1,"source":""}\n{"time":0,"thread":0,"kind":"print","text":"hi\\n","stream":"stdout"}';
    const ev = fromJsonLines(text).trace.get(0);
    expect(ev).toMatchObject({ kind: 'print', text: 'hi\n', site: -1 });
  });

  it('rejects broken files with the line number', () => {
    expect(() => fromJsonLines('')).toThrow(TraceFileError);
    expect(() => fromJsonLines('{"pollscope":99,"source":""}')).toThrow(/newer Pollscope/);
    expect(() => fromJsonLines('{"pollscope":1,"source":""}\n{"kind":"poll"}')).toThrow(/line 2/);
    expect(() => fromJsonLines('{"pollscope":1,"source":""}\n{"kind":"nope","thread":0,"time":0}')).toThrow(
      /unknown event kind/,
    );
  });
});

type Chrome = ReturnType<typeof toChromeTrace>['traceEvents'][number];

/**
 * Replays a Chrome trace as Perfetto does: per thread, begin/end events open and close slices in file order,
 * a flow's start binds to the innermost open slice and its end (`bp: 'e'`) to the slice enclosing it.
 * Returns, per flow id, the slices its two ends bound to.
 */
function bindFlows(events: Chrome[]) {
  const stacks = new Map<number, Chrome[]>();
  const from = new Map<number, { slice: Chrome; ts: number; tid: number }>();
  const to = new Map<number, { slice: Chrome; ts: number; tid: number }>();
  let lastTs = -Infinity;
  for (const e of events) {
    if (e.ph === 'M') continue;
    expect(e.ts!).toBeGreaterThanOrEqual(lastTs);
    lastTs = e.ts!;
    const stack = stacks.get(e.tid) ?? [];
    stacks.set(e.tid, stack);
    if (e.ph === 'B') stack.push(e);
    else if (e.ph === 'E') expect(stack.pop()?.name).toBe(e.name);
    else if (e.ph === 's' || e.ph === 'f') {
      const slice = stack.at(-1);
      expect(slice, `flow ${e.id} (${e.ph}) at ${e.ts} on thread ${e.tid} binds to no slice`).toBeDefined();
      (e.ph === 's' ? from : to).set(e.id!, { slice: slice!, ts: e.ts!, tid: e.tid });
    }
  }
  for (const [tid, stack] of stacks) expect(stack, `thread ${tid} ends with open slices`).toEqual([]);
  return { from, to };
}

describe('Chrome trace-event format', () => {
  it('has a named track per thread, poll slices, and wake flows that start and finish', () => {
    const r = simulate(src);
    const chrome = toChromeTrace(r.trace);
    const json = JSON.parse(JSON.stringify(chrome)) as typeof chrome;
    expect(json.traceEvents.find((e) => e.ph === 'M' && e.name === 'thread_name')).toMatchObject({
      args: { name: 'main' },
    });
    const polls = json.traceEvents.filter((e) => e.ph === 'B' && e.cat === 'poll');
    expect(polls.map((p) => p.name)).toContain('poll task 1');
    for (const p of polls) expect(typeof p.ts).toBe('number');
    const starts = json.traceEvents.filter((e) => e.ph === 's');
    const ends = json.traceEvents.filter((e) => e.ph === 'f');
    expect(starts.length).toBeGreaterThan(0);
    expect(ends.map((e) => e.id).sort()).toEqual(starts.map((e) => e.id).sort());
    expect(json.traceEvents.filter((e) => e.ph === 'i').map((e) => e.name)).toEqual(['main', 'task']);
  });

  // Issue 17: wake arrows started and ended on the same slice (zero length) when the wake and the poll it
  // caused happen at the same instant on one thread (a task completing wakes its JoinHandle's owner, which
  // the same worker then polls from the LIFO slot; a timer fires and its task runs at once).
  for (const lesson of ['work-stealing', 'two-tasks-and-a-sleep', 'channels']) {
    it(`draws each wake from the waking site to the woken poll (${lesson})`, () => {
      const r = simulate(readFileSync(`src/lessons/programs/${lesson}.rs`, 'utf8'));
      const events = toChromeTrace(r.trace).traceEvents;
      const { from, to } = bindFlows(events);
      expect(from.size).toBeGreaterThan(0);
      const wakes = [...r.trace.events()].filter((e) => e.kind === 'wake');
      for (const [id, a] of from) {
        const b = to.get(id)!;
        // The start is the wake itself, where and when it happened.
        expect(a.slice.cat).toBe('wake');
        const step = (a.slice.args as { step: number }).step;
        const wake = wakes.find((w) => w.seq === step)!;
        expect(wake.kind === 'wake' && [a.tid, a.ts]).toEqual([wake.thread, wake.time / 1000]);
        // The end is the woken task's next poll, never the slice the arrow starts from.
        expect(b.slice.cat).toBe('poll');
        expect(b.slice).not.toBe(a.slice);
        expect(wake.kind === 'wake' && (b.slice.args as { task: number }).task).toBe(
          wake.kind === 'wake' ? wake.task : -1,
        );
        expect(b.ts).toBeGreaterThanOrEqual(a.ts);
      }
    });
  }
});
