/**
 * Conformance against real tokio 1.24: every tests/conformance/NAME.rs runs through the simulator with the
 * 1.24 profile; stdout must equal NAME.stdout byte for byte and the outcome must match NAME.status
 * (recorded from real tokio by scripts/record-conformance.sh; see tests/conformance/README.md).
 *
 * Programs the simulator cannot run yet are listed in known-gaps.json with the reason. They run as
 * `it.fails`: when one starts passing, this test fails until it is removed from the list — the list only
 * shrinks, and nothing is hidden.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { simulate } from '../src/sim/simulate';

const DIR = 'tests/conformance';
const knownGaps: Record<string, string> = JSON.parse(readFileSync(`${DIR}/known-gaps.json`, 'utf8'));
const programs = readdirSync(DIR)
  .filter((f) => f.endsWith('.rs'))
  .map((f) => f.slice(0, -3))
  .sort();

export function runConformance(name: string): { stdout: string; status: string; detail: string } {
  const source = readFileSync(`${DIR}/${name}.rs`, 'utf8');
  const r = simulate(source, { profile: '1.24', seed: 1 });
  // `hang` under real tokio: the simulator must say the run can never finish (deadlock), or stop a live-lock by a limit.
  const status =
    r.outcome.kind === 'deadlock' || r.outcome.kind === 'limit' ? 'hang' : `exit ${r.outcome.exitCode}`;
  return { stdout: r.stdout, status, detail: `${r.outcome.kind}: ${r.outcome.message}` };
}

describe('conformance with real tokio 1.24', () => {
  it('has at least 40 recorded programs, each with its recordings', () => {
    expect(programs.length).toBeGreaterThanOrEqual(40);
    for (const p of programs) {
      expect(readFileSync(`${DIR}/${p}.status`, 'utf8')).toMatch(/^(exit \d+|hang)\n?$/);
      readFileSync(`${DIR}/${p}.stdout`, 'utf8');
    }
  });

  it('lists only programs that exist in known-gaps.json', () => {
    for (const name of Object.keys(knownGaps)) expect(programs).toContain(name);
  });

  for (const name of programs) {
    const gap = knownGaps[name];
    const check = () => {
      const want = {
        stdout: readFileSync(`${DIR}/${name}.stdout`, 'utf8'),
        status: readFileSync(`${DIR}/${name}.status`, 'utf8').trim(),
      };
      const got = runConformance(name);
      expect({ stdout: got.stdout, status: got.status }, got.detail).toEqual(want);
    };
    if (gap === undefined) it(name, check);
    else it.fails(`${name} (known gap: ${gap})`, check);
  }
});

describe('lessons are conformance programs', () => {
  const lessons = readdirSync('src/lessons/programs').filter((f) => f.endsWith('.rs'));
  it('every lesson program is recorded verbatim as tests/conformance/lesson_NAME.rs', () => {
    expect(lessons.length).toBeGreaterThan(1);
    for (const file of lessons) {
      const lesson = readFileSync(`src/lessons/programs/${file}`, 'utf8');
      const name = `lesson_${file.slice(0, -3).replace(/-/g, '_')}`;
      expect(programs, file).toContain(name);
      expect(readFileSync(`${DIR}/${name}.rs`, 'utf8').endsWith(lesson), file).toBe(true);
    }
  });
});
