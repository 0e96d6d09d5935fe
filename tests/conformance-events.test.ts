/**
 * Conformance by events: for the current_thread programs whose real event order is the same in every run,
 * the simulator must spawn, poll, wake and complete tasks in the order real tokio 1.24.2 did — not only
 * print the same output. `NAME.events` is recorded from real runs by scripts/record-events.ts with the
 * recorder in `record/` (src/trace/event-order.ts says which events count).
 *
 * Programs whose real order varies between runs have no `.events` file; events-unstable.json says why.
 * Programs the simulator runs but in another order are listed in events-gaps.json with the first
 * difference: they run as `it.fails`, so the list only shrinks. Programs the simulator cannot run at all
 * (known-gaps.json) are not compared here.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { simulate } from '../src/sim/simulate';
import { eventOrder, firstDifference, isCurrentThreadProgram } from '../src/trace/event-order';

const DIR = 'tests/conformance';
const read = (f: string) => readFileSync(`${DIR}/${f}`, 'utf8');
const knownGaps: Record<string, string> = JSON.parse(read('known-gaps.json'));
const eventGaps: Record<string, string> = JSON.parse(read('events-gaps.json'));
const unstable: Record<string, string> = JSON.parse(read('events-unstable.json'));
// Programs added since the last recording session (recording builds every program with the recorder: half
// an hour on a loaded machine). Listed with the date they joined; scripts/record-events.ts NAME… records them.
const unrecorded: Record<string, string> = JSON.parse(read('events-unrecorded.json'));
const recorded = readdirSync(DIR)
  .filter((f) => f.endsWith('.events'))
  .map((f) => f.slice(0, -'.events'.length))
  .sort();
const currentThread = readdirSync(DIR)
  .filter((f) => f.endsWith('.rs') && isCurrentThreadProgram(read(f)))
  .map((f) => f.slice(0, -3));

/** The simulated order and the first difference from the recorded one (null: the same). */
export function compareEvents(name: string): { difference: string | null; detail: string } {
  const want = read(`${name}.events`)
    .split('\n')
    .filter((l) => l !== '');
  const r = simulate(read(`${name}.rs`), { profile: '1.24', seed: 1 });
  return {
    difference: firstDifference(want, eventOrder(r.trace)),
    detail: `${r.outcome.kind}: ${r.outcome.message}`,
  };
}

describe('event order: simulated vs recorded from real tokio 1.24.2', () => {
  it('every current_thread program is recorded, or listed as unstable or not yet recorded, with a reason', () => {
    expect(recorded.length).toBeGreaterThanOrEqual(40);
    for (const name of currentThread)
      expect(
        recorded.includes(name) || typeof unstable[name] === 'string' || typeof unrecorded[name] === 'string',
        name,
      ).toBe(true);
    for (const name of [...Object.keys(unstable), ...Object.keys(unrecorded)])
      expect(recorded, name).not.toContain(name);
    // The waiting list stays short: a recording session empties it.
    expect(Object.keys(unrecorded).length).toBeLessThanOrEqual(60);
  });

  it('lists in events-gaps.json only recorded programs the simulator runs', () => {
    for (const name of Object.keys(eventGaps)) {
      expect(recorded, name).toContain(name);
      expect(knownGaps[name], name).toBeUndefined();
    }
  });

  it('recordings are event lines of the known kinds, with the spawn of main', () => {
    for (const name of recorded) {
      const lines = read(`${name}.events`)
        .split('\n')
        .filter((l) => l !== '');
      // Tasks spawned with Runtime::spawn before block_on come first (rt_drop_runtime_drops_tasks).
      expect(lines, name).toContain('spawn 0 parent=-1');
      for (const l of lines)
        expect(l, name).toMatch(
          /^(spawn \d+( blocking)? parent=-?\d+|poll \d+|pending \d+|ready \d+|wake \d+ by=-?\d+ (wake|wake_by_ref)|complete \d+ (ok|cancelled|panicked))$/,
        );
    }
  });

  for (const name of recorded) {
    if (knownGaps[name] !== undefined || !existsSync(`${DIR}/${name}.rs`)) continue;
    const gap = eventGaps[name];
    const check = () => {
      const { difference, detail } = compareEvents(name);
      expect(difference, detail).toBeNull();
    };
    if (gap === undefined) it(name, check);
    else it.fails(`${name} (differs: ${gap})`, check);
  }
});
