/**
 * The module structure of the core, enforced (docs/architecture.md "Adding a type or a method"):
 *
 * - No import cycles in src/sim or src/lang. Type-only imports count: they cannot cause init-order bugs at
 *   run time, but a cycle of types is still two modules that cannot be understood, tested or moved one
 *   without the other, and "imports that run one way" is the point.
 * - Inside src/sim the layers run one way: the runtime (machine, tasks, drivers, schedulers) imports neither
 *   the interpreter nor the builtins; the interpreter (interp/) imports no builtin — it knows only the
 *   registry (interp/registry.ts) the builtins add themselves to; simulate.ts wires everything.
 * - No source file in src/sim or src/lang is longer than 600 lines (tests excluded).
 *
 * Each check is shown to fail on a fixture or a synthetic graph, so a green run means something.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { findCycles, importGraph, sourceFiles, type ImportEdge } from './import-graph';

const MAX_LINES = 600;

describe('import cycles', () => {
  for (const dir of ['src/sim', 'src/lang']) {
    it(`${dir} has none (type-only imports included)`, () => {
      const cycles = findCycles(importGraph(dir)).map((c) => c.join(' → '));
      expect(cycles, `import cycles in ${dir}:\n${cycles.join('\n')}`).toEqual([]);
    });
  }

  it('finds a cycle through a type-only import and prints it', () => {
    const g = importGraph('tests/import-fixtures/cycle');
    expect(g.get('tests/import-fixtures/cycle/b.ts')).toEqual([
      { from: 'tests/import-fixtures/cycle/b.ts', to: 'tests/import-fixtures/cycle/a.ts', typeOnly: true },
    ]);
    expect(findCycles(g)).toEqual([
      [
        'tests/import-fixtures/cycle/a.ts',
        'tests/import-fixtures/cycle/b.ts',
        'tests/import-fixtures/cycle/a.ts',
      ],
    ]);
    // Counting only imports that run, the same files have no cycle: type-only edges are what it caught.
    expect(findCycles(g, (e) => !e.typeOnly)).toEqual([]);
  });
});

type Area = 'runtime' | 'interp' | 'builtins' | 'root';

/** Which part of src/sim a file belongs to. */
function areaOf(path: string): Area | null {
  if (!path.startsWith('src/sim/')) return null;
  if (path.startsWith('src/sim/interp/')) return 'interp';
  if (path.startsWith('src/sim/builtins/')) return 'builtins';
  // test-run.ts runs whole programs for unit tests: like simulate.ts, it sits on top of everything.
  if (path === 'src/sim/simulate.ts' || path === 'src/sim/test-run.ts') return 'root';
  return 'runtime';
}

/** What each area may import inside src/sim (besides itself). */
const MAY_IMPORT: Record<Area, Area[]> = {
  runtime: [],
  interp: ['runtime'],
  builtins: ['interp', 'runtime'],
  root: ['builtins', 'interp', 'runtime'],
};

function layerViolations(edges: Iterable<ImportEdge>): string[] {
  const out: string[] = [];
  for (const e of edges) {
    const a = areaOf(e.from);
    const b = areaOf(e.to);
    if (a && b && a !== b && !MAY_IMPORT[a].includes(b)) out.push(`${e.from} (${a}) imports ${e.to} (${b})`);
  }
  return out;
}

describe('layers inside src/sim', () => {
  it('runtime ← interp ← builtins ← simulate.ts, never the other way', () => {
    const edges = [...importGraph('src/sim').values()].flat();
    expect(layerViolations(edges)).toEqual([]);
  });

  it('rejects the interpreter importing a builtin, and the runtime importing the interpreter', () => {
    expect(
      layerViolations([
        { from: 'src/sim/interp/calls.ts', to: 'src/sim/builtins/std/vec.ts', typeOnly: false },
        { from: 'src/sim/harness.ts', to: 'src/sim/interp/core.ts', typeOnly: true },
        { from: 'src/sim/builtins/std/vec.ts', to: 'src/sim/interp/registry.ts', typeOnly: false },
      ]),
    ).toEqual([
      'src/sim/interp/calls.ts (interp) imports src/sim/builtins/std/vec.ts (builtins)',
      'src/sim/harness.ts (runtime) imports src/sim/interp/core.ts (interp)',
    ]);
  });
});

function longFiles(files: string[], max: number): string[] {
  return files
    .map((f) => ({ f, n: readFileSync(f, 'utf8').split('\n').length - 1 }))
    .filter(({ n }) => n > max)
    .map(({ f, n }) => `${f}: ${n} lines`);
}

describe('file size', () => {
  it(`no source file in src/sim or src/lang is over ${MAX_LINES} lines`, () => {
    const files = [...sourceFiles('src/sim'), ...sourceFiles('src/lang')];
    expect(files.length).toBeGreaterThan(50);
    expect(longFiles(files, MAX_LINES)).toEqual([]);
  });

  it('reports a file over the limit', () => {
    expect(longFiles(['src/sim/simulate.ts'], 100)).toEqual([
      expect.stringMatching(/^src\/sim\/simulate\.ts: \d+ lines$/),
    ]);
  });
});
