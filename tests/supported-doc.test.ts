/**
 * docs/supported.md (and supported.html, its copy served beside the app) is generated from the code; this
 * fails when the committed page is stale, and when the syntax table claims something the front end does
 * not do (each supported example must compile, each refused one must be refused as unsupported).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CompileError } from '../src/lang/diagnostics';
import { SUPPORTED_SYNTAX, UNSUPPORTED_SYNTAX, type SyntaxExample } from '../src/lang/syntax-table';
import { compile } from '../src/sim/simulate';
import { buildModel } from '../scripts/supported-model';
import { REGENERATE, renderHtml, renderMarkdown, supportedBlocks } from '../scripts/supported-page';

const root = join(__dirname, '..');

function program(e: SyntaxExample): string {
  if (e.wrap === 'item') return `${e.example}\nfn main() {}\n`;
  if (e.wrap === 'stmt') return `fn main() {\n${e.example}\n}\n`;
  return `#[tokio::main]\nasync fn main() {\n${e.example}\n}\n`;
}

function refusal(e: SyntaxExample): string | null {
  try {
    compile(program(e));
    return null;
  } catch (err) {
    if (err instanceof CompileError) return err.message;
    throw err;
  }
}

describe('docs/supported.md', () => {
  const blocks = supportedBlocks();

  it('is up to date with the registry and the syntax table', () => {
    const stale = (file: string, fresh: string) =>
      readFileSync(join(root, file), 'utf8') === fresh
        ? null
        : `${file} is stale: run \`${REGENERATE}\` and commit the result`;
    expect(stale('docs/supported.md', renderMarkdown(blocks))).toBeNull();
    expect(stale('supported.html', renderHtml(blocks))).toBeNull();
  });

  it('names the Rust type of every registered method table', () => {
    expect(buildModel().unplaced, 'pass the Rust path: defineMethods(cls, "std::x::Type", methods)').toEqual(
      [],
    );
  });

  it('is generated deterministically', () => {
    expect(renderMarkdown(supportedBlocks())).toBe(renderMarkdown(blocks));
  });

  it.each(SUPPORTED_SYNTAX.map((e) => [e.feature, e] as const))('compiles the example of %s', (_f, e) => {
    expect(refusal(e)).toBeNull();
  });

  it.each(UNSUPPORTED_SYNTAX.map((e) => [e.feature, e] as const))('refuses %s as unsupported', (_f, e) => {
    expect(refusal(e)).toMatch(/not supported|not available/);
  });
});
