/**
 * Real runs of lessons recorded by `npm run record` (tests/fixtures/recorded/): they open as the app opens
 * them, every step of them folds into a view without an error, and they agree with the other recordings of
 * the same programs — the output with the conformance `.stdout`, the event order with `.events` when the
 * real order is stable.
 */
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { eventOrder } from '../src/trace/event-order';
import { fromJsonLines } from '../src/trace/export';
import { TraceIndex } from '../src/trace/trace-index';

const DIR = 'tests/fixtures/recorded';
const files = readdirSync(DIR).filter((f) => f.endsWith('.jsonl'));

describe('recorded real runs of lessons', () => {
  it('there are at least three', () => expect(files.length).toBeGreaterThanOrEqual(3));

  for (const file of files) {
    const name = `lesson_${file.replace(/\.jsonl$/, '').replace(/-/g, '_')}`;
    it(`${file}: opens, indexes at every step, and matches the real program's other recordings`, () => {
      const { header, trace } = fromJsonLines(readFileSync(`${DIR}/${file}`, 'utf8'));
      expect(header.recorded?.tokio).toBe('1.24.2');
      expect(header.recorded?.notRecorded.length).toBeGreaterThan(0);
      // The source in the header is the lesson's program, so code positions point into it.
      expect(readFileSync(`tests/conformance/${name}.rs`, 'utf8').endsWith(header.source)).toBe(true);

      const index = new TraceIndex(trace);
      index.ingest();
      let polls = 0;
      for (let s = -1; s < trace.length; s++) {
        const view = index.at(s);
        for (const t of view.tasks(Infinity)) expect(view.futureChain(t.id)).toEqual([]);
        if (s >= 0 && trace.kindAt(s) === 'poll') polls++;
      }
      expect(polls).toBeGreaterThan(0);
      const end = index.at(trace.length - 1);
      expect(index.stdoutAt(end)).toBe(readFileSync(`tests/conformance/${name}.stdout`, 'utf8'));
      // No queue is drawn from a real run: tasks waiting to run are in the `unrecorded` one.
      for (const q of end.queues) expect(q.kind).toBe('unrecorded');
      expect(end.outcome?.result).toBe('completed');
      if (existsSync(`tests/conformance/${name}.events`)) {
        const events = readFileSync(`tests/conformance/${name}.events`, 'utf8').split('\n').filter(Boolean);
        expect(eventOrder(trace)).toEqual(events);
      }
    });
  }
});
