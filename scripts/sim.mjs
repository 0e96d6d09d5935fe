// `npm run sim -- ARGS`: runs the prebuilt CLI bundle (dist-cli/sim.mjs). A fresh clone, or a source edited
// since the last build, rebuilds it first (about a second) so the CLI never runs stale code.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { BUNDLE, ROOT, buildCli } from './build-cli.mjs';

/** The newest modification time of a file under `dir` (0 for none). */
function newest(dir) {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

const sources = ['base', 'lang', 'sim', 'trace', 'cli'].map((d) => newest(join(ROOT, 'src', d)));
if (!existsSync(BUNDLE) || statSync(BUNDLE).mtimeMs < Math.max(...sources)) await buildCli();
await import(pathToFileURL(BUNDLE).href);
