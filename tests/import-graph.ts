/**
 * The import graph of `src/`, read with the TypeScript parser: one edge per `import`/`export … from`
 * declaration between two files of the tree, including `import type` (see tests/imports.test.ts for why).
 * Used by the import-cycle check; `npx tsx tests/import-graph.ts DIR [--values-only]` prints the cycles it finds.
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';

export interface ImportEdge {
  readonly from: string;
  readonly to: string;
  readonly typeOnly: boolean;
}

/** Every `.ts` file under `dir` (tests excluded: they sit on top of what they test). */
export function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...sourceFiles(p));
    else if (/\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) && !name.endsWith('.d.ts')) out.push(p);
  }
  return out;
}

function resolveImport(fromFile: string, spec: string): string | null {
  if (!spec.startsWith('.')) return null;
  const base = resolve(dirname(fromFile), spec);
  for (const cand of [base + '.ts', base + '.tsx', join(base, 'index.ts'), base])
    if (existsSync(cand) && statSync(cand).isFile()) return cand;
  return null;
}

/** The edges leaving `file` (paths relative to `root`). */
export function importsOf(file: string, root: string): ImportEdge[] {
  const sf = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, false);
  const edges: ImportEdge[] = [];
  for (const st of sf.statements) {
    let spec: ts.Expression | undefined;
    let typeOnly = false;
    if (ts.isImportDeclaration(st)) {
      spec = st.moduleSpecifier;
      const clause = st.importClause;
      typeOnly =
        clause !== undefined &&
        (clause.isTypeOnly ||
          (clause.name === undefined &&
            clause.namedBindings !== undefined &&
            ts.isNamedImports(clause.namedBindings) &&
            clause.namedBindings.elements.length > 0 &&
            clause.namedBindings.elements.every((e) => e.isTypeOnly)));
    } else if (ts.isExportDeclaration(st) && st.moduleSpecifier) {
      spec = st.moduleSpecifier;
      typeOnly = st.isTypeOnly;
    }
    if (!spec || !ts.isStringLiteral(spec)) continue;
    const target = resolveImport(file, spec.text);
    if (target) edges.push({ from: relative(root, file), to: relative(root, target), typeOnly });
  }
  return edges;
}

/** The import graph of every source file under `dir`, as adjacency lists keyed by path relative to `root`. */
export function importGraph(dir: string, root: string = process.cwd()): Map<string, ImportEdge[]> {
  const g = new Map<string, ImportEdge[]>();
  for (const f of sourceFiles(dir)) g.set(relative(root, f), importsOf(f, root));
  return g;
}

/**
 * The strongly connected components with more than one file (or a file importing itself), each as one
 * concrete cycle `a → b → … → a` for the message. Tarjan's algorithm; `keep` filters the edges considered.
 */
export function findCycles(
  g: Map<string, ImportEdge[]>,
  keep: (e: ImportEdge) => boolean = () => true,
): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const sccs: string[][] = [];
  let next = 0;
  const succ = (v: string) => (g.get(v) ?? []).filter(keep).map((e) => e.to);
  const strong = (v: string): void => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    onStack.add(v);
    for (const w of succ(v)) {
      if (!index.has(w)) {
        strong(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const scc: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        scc.push(w);
      } while (w !== v);
      if (scc.length > 1 || succ(v).includes(v)) sccs.push(scc.sort());
    }
  };
  for (const v of [...g.keys()].sort()) if (!index.has(v)) strong(v);
  return sccs.map((scc) => cycleThrough(scc, succ));
}

/** A shortest cycle from the component's first file back to itself, staying inside the component. */
function cycleThrough(scc: string[], succ: (v: string) => string[]): string[] {
  const inScc = new Set(scc);
  const start = scc[0]!;
  const prev = new Map<string, string>();
  const queue = [start];
  while (queue.length) {
    const v = queue.shift()!;
    for (const w of succ(v)) {
      if (!inScc.has(w)) continue;
      if (w === start) {
        const path = [v];
        while (path[0] !== start) path.unshift(prev.get(path[0]!)!);
        return [...path, start];
      }
      if (!prev.has(w)) {
        prev.set(w, v);
        queue.push(w);
      }
    }
  }
  return [...scc, start];
}

if (process.argv[1] && /import-graph\.ts$/.test(process.argv[1])) {
  const dir = process.argv[2] ?? 'src/sim';
  const valuesOnly = process.argv.includes('--values-only');
  const cycles = findCycles(importGraph(dir), (e) => !valuesOnly || !e.typeOnly);
  for (const c of cycles) console.log(c.join(' → '));
  console.log(`${cycles.length} cycle(s) in ${dir}${valuesOnly ? ' (imports that run only)' : ''}`);
}
