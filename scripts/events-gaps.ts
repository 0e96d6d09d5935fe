/**
 * Writes tests/conformance/events-gaps.json: for every recorded `NAME.events` whose program the simulator
 * runs (not in known-gaps.json), the first place where the simulated event order differs from the real
 * one. Run after scripts/record-events.ts, or after a simulator change, then read the list: each entry is
 * a simulator bug or a gap in the model. conformance-events.test.ts fails on a program that is listed but
 * matches, or matches no longer.
 *
 *   npx tsx scripts/events-gaps.ts
 */
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { simulate } from '../src/sim/simulate';
import { eventOrder, firstDifference } from '../src/trace/event-order';

const DIR = 'tests/conformance';
const knownGaps: Record<string, string> = JSON.parse(readFileSync(`${DIR}/known-gaps.json`, 'utf8'));
const gaps: Record<string, string> = {};
let compared = 0;
for (const f of readdirSync(DIR).sort()) {
  if (!f.endsWith('.events')) continue;
  const name = f.slice(0, -'.events'.length);
  if (knownGaps[name] !== undefined) continue;
  compared++;
  const want = readFileSync(`${DIR}/${f}`, 'utf8')
    .split('\n')
    .filter((l) => l !== '');
  const r = simulate(readFileSync(`${DIR}/${name}.rs`, 'utf8'), { profile: '1.24', seed: 1 });
  const diff = firstDifference(want, eventOrder(r.trace));
  if (diff !== null) gaps[name] = diff;
}
writeFileSync(`${DIR}/events-gaps.json`, JSON.stringify(gaps, null, 2) + '\n');
process.stdout.write(
  `${compared - Object.keys(gaps).length} of ${compared} recorded programs the simulator runs match by events; ${Object.keys(gaps).length} differ (events-gaps.json)\n`,
);
