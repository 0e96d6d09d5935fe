/**
 * `npm run docs:supported`: writes docs/supported.md and supported.html (served beside the app) from the
 * builtin registry and the syntax tables. `tests/supported-doc.test.ts` fails when the committed files differ.
 */
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { renderHtml, renderMarkdown, supportedBlocks } from './supported-page';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const blocks = supportedBlocks();
writeFileSync(join(root, 'docs', 'supported.md'), renderMarkdown(blocks));
writeFileSync(join(root, 'supported.html'), renderHtml(blocks));
console.log('wrote docs/supported.md and supported.html');
