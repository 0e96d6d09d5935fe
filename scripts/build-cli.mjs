// Bundles the CLI (src/cli/sim-entry.ts and everything it imports) into one ES module for Node,
// dist-cli/sim.mjs: `npm run sim` then starts without transpiling TypeScript (see scripts/sim.mjs).
// Run by `npm run build`; scripts/sim.mjs calls it when the bundle is missing or older than the sources.
import { build } from 'esbuild';
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const BUNDLE = join(ROOT, 'dist-cli', 'sim.mjs');

export async function buildCli() {
  const out = await build({
    entryPoints: [join(ROOT, 'src/cli/sim-entry.ts')],
    outfile: BUNDLE,
    write: false,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    minify: false,
    sourcemap: false,
    logLevel: 'warning',
    legalComments: 'none',
  });
  // Written to a temporary file and renamed: two `npm run sim` (or test runs) building at once never let
  // either import a half-written bundle.
  mkdirSync(dirname(BUNDLE), { recursive: true });
  const tmp = `${BUNDLE}.${process.pid}.tmp`;
  writeFileSync(tmp, out.outputFiles[0].contents);
  renameSync(tmp, BUNDLE);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await buildCli();
