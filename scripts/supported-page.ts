/**
 * `docs/supported.md` and its HTML twin `supported.html` (served beside the app, so a diagnostic's link
 * works from any deployment): one list of blocks, rendered twice. The content comes from the builtin
 * registry (`supported-model.ts`) and the front end's syntax tables (`src/lang/syntax-table.ts`).
 */
import { STD_TRAITS } from '../src/lang/resolver/items';
import { SUPPORTED_SYNTAX, SYNTAX_GROUPS, UNSUPPORTED_SYNTAX } from '../src/lang/syntax-table';
import { buildModel, INT_TYPES, PRIMITIVE_MODULE, type ModuleDoc, type TypeDoc } from './supported-model';

export type Block =
  | { k: 'h'; level: number; text: string; id?: string }
  | { k: 'p'; text: string }
  | { k: 'code'; text: string }
  | { k: 'list'; items: string[] };

export const REGENERATE = 'npm run docs:supported';

const byName = (a: string, b: string) => a.localeCompare(b, 'en');
const codeList = (names: Iterable<string>) =>
  [...names]
    .sort(byName)
    .map((n) => `\`${n}\``)
    .join(', ');

function shortName(path: string): string {
  return path
    .split(' / ')
    .map((p) => p.split('::').pop()!)
    .join(' / ');
}

/** Where a type's behaviour knowingly differs from Rust's, in words (shown under its entry). */
const TYPE_NOTES: Record<string, string> = {
  'std::task::Waker':
    "Note: `{:?}` prints `Waker { data: 0x…, vtable: 0x… }` as Rust does, but Rust's addresses change on every run, so Pollscope's are made up and the same on every run: one vtable per kind of waker (tokio's task waker, `Wake`, `ArcWake`, no-op, a thread's), one data address per task or `Arc` it wakes (clones print alike, two tasks' wakers differ), `0x0` for the no-op waker.",
  'std::task::Context':
    'Note: `{:?}` prints `Context { waker: Waker { data: 0x…, vtable: 0x… } }` with the made-up, per-run-stable addresses described under `Waker`.',
};

function typeBlocks(t: TypeDoc): Block[] {
  const out: Block[] = [{ k: 'h', level: 4, text: `\`${shortName(t.path)}\`` }];
  const lines: string[] = [];
  if (t.path.includes('::'))
    lines.push(
      `Path: ${t.path
        .split(' / ')
        .map((p) => `\`${p}\``)
        .join(', ')}`,
    );
  if (t.constructor) lines.push('Constructed by calling it: `' + shortName(t.path).split(' / ')[0] + '(..)`');
  if (t.assoc.size > 0) {
    const names = [...t.assoc].sort(byName).map((n) => {
      const only = t.only.get(n);
      return only ? `\`${n}\` (${INT_TYPES.filter((x) => only.has(x)).join(', ')})` : `\`${n}\``;
    });
    lines.push(`Associated functions, constants and variants: ${names.join(', ')}`);
  }
  if (t.methods.size > 0) lines.push(`Methods: ${codeList(t.methods)}`);
  const note = TYPE_NOTES[t.path];
  if (note) lines.push(note);
  out.push({ k: 'list', items: lines });
  return out;
}

function moduleBlocks(m: ModuleDoc): Block[] {
  const out: Block[] = [
    { k: 'h', level: 3, text: m.path === PRIMITIVE_MODULE ? 'Primitive types' : `\`${m.path}\`` },
  ];
  if (m.fns.size > 0) out.push({ k: 'p', text: `Functions and constants: ${codeList(m.fns)}` });
  for (const key of [...m.types.keys()].sort(byName)) out.push(...typeBlocks(m.types.get(key)!));
  return out;
}

function exampleBlocks(list: typeof SUPPORTED_SYNTAX): Block[] {
  const out: Block[] = [];
  for (const g of SYNTAX_GROUPS) {
    const entries = list.filter((e) => e.group === g);
    if (entries.length === 0) continue;
    out.push({ k: 'h', level: 3, text: g });
    for (const e of entries) {
      out.push({ k: 'p', text: `**${e.feature}**` });
      out.push({ k: 'code', text: e.example });
    }
  }
  return out;
}

export function supportedBlocks(): Block[] {
  const model = buildModel();
  const blocks: Block[] = [
    { k: 'h', level: 1, text: 'What Pollscope supports' },
    {
      k: 'p',
      text:
        'Pollscope runs a subset of Rust with a simulated tokio 1.24. This page lists the language features and the ' +
        'std and tokio API it supports; a program that uses anything else is refused before it runs, with a ' +
        'message naming the item and its line.',
    },
    {
      k: 'p',
      text:
        `Generated from the code by \`${REGENERATE}\` (scripts/gen-supported.ts) from the builtin registry ` +
        '(src/sim/builtins) and the syntax table (src/lang/syntax-table.ts); do not edit it by hand.',
    },
    { k: 'p', text: `Crates a program may use: ${codeList(model.crateNames)}.` },
    { k: 'h', level: 2, text: 'The language' },
    ...exampleBlocks(SUPPORTED_SYNTAX),
    { k: 'h', level: 3, text: 'std traits a program can implement' },
    { k: 'p', text: codeList(STD_TRAITS) },
  ];
  const order = (c: string) => (c === 'std' ? 0 : c === 'tokio' ? 1 : 2);
  for (const crate of [...model.crates.keys()].sort((a, b) => order(a) - order(b) || byName(a, b))) {
    blocks.push({ k: 'h', level: 2, text: `\`${crate}\``, id: crate });
    const mods = model.crates.get(crate)!;
    const keys = [...mods.keys()].sort((a, b) =>
      a === PRIMITIVE_MODULE ? -1 : b === PRIMITIVE_MODULE ? 1 : byName(a, b),
    );
    for (const k of keys) blocks.push(...moduleBlocks(mods.get(k)!));
  }
  blocks.push(
    { k: 'h', level: 2, text: 'Not supported yet' },
    {
      k: 'p',
      text:
        'Any std or tokio item not listed above is refused before the run with "`path` is not supported by ' +
        'Pollscope yet". The front end also refuses:',
    },
    ...exampleBlocks(UNSUPPORTED_SYNTAX).filter((b) => b.k !== 'h' || b.level !== 3 || true),
  );
  if (model.unplaced.length > 0)
    blocks.push(
      { k: 'h', level: 2, text: 'Methods of types not yet named' },
      {
        k: 'p',
        text: 'Registered without their Rust type (pass it to `defineMethods(cls, "path::Type", methods)`):',
      },
      { k: 'list', items: model.unplaced.map((u) => `\`${u}\``) },
    );
  return blocks;
}

export function renderMarkdown(blocks: Block[]): string {
  const out: string[] = [];
  for (const b of blocks) {
    if (b.k === 'h') out.push(`${'#'.repeat(b.level)} ${b.text}`);
    else if (b.k === 'p') out.push(b.text);
    else if (b.k === 'code') out.push('```rust\n' + b.text + '\n```');
    else out.push(b.items.map((i) => `- ${i}`).join('\n'));
  }
  return out.join('\n\n') + '\n';
}

function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** `code` and **bold**, the only inline markup the blocks use. */
function inline(s: string): string {
  return escapeHtml(s)
    .replace(/`([^`]+)`/g, '<code>$1</code>')
    .replace(/\*\*([^*]+)\*\*/g, '<strong>$1</strong>');
}

export function renderHtml(blocks: Block[]): string {
  const body: string[] = [];
  for (const b of blocks) {
    if (b.k === 'h') body.push(`<h${b.level}${b.id ? ` id="${b.id}"` : ''}>${inline(b.text)}</h${b.level}>`);
    else if (b.k === 'p') body.push(`<p>${inline(b.text)}</p>`);
    else if (b.k === 'code') body.push(`<pre><code>${escapeHtml(b.text)}</code></pre>`);
    else body.push(`<ul>\n${b.items.map((i) => `  <li>${inline(i)}</li>`).join('\n')}\n</ul>`);
  }
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="UTF-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1.0" />
    <!-- Generated by \`${REGENERATE}\` from the same content as docs/supported.md; do not edit. -->
    <meta
      http-equiv="Content-Security-Policy"
      content="default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'"
    />
    <link rel="icon" href="data:," />
    <title>What Pollscope supports</title>
    <style>
      body { font: 15px/1.5 system-ui, sans-serif; max-width: 60rem; margin: 2rem auto; padding: 0 1rem; color: #1f2328; }
      code, pre { font-family: ui-monospace, monospace; font-size: 13px; }
      pre { background: #f6f8fa; padding: 0.6rem 0.8rem; overflow-x: auto; border-radius: 6px; }
      h2 { border-bottom: 1px solid #d0d7de; padding-bottom: 0.2rem; margin-top: 2.5rem; }
      li { margin: 0.3rem 0; }
    </style>
  </head>
  <body>
    <main>
${body.join('\n')}
    </main>
  </body>
</html>
`;
}
