/**
 * The core (`base`, `lang`, `sim`, `trace`) must stay free of the DOM, React, wall clocks, timers and
 * `Math.random` (DESIGN.md §1). These tests prove the tooling catches violations: ESLint for what ECMAScript
 * itself offers (Date.now, Math.random, imports across layers) and the core tsconfig for DOM/Node globals.
 */
import { ESLint } from 'eslint';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd() });

async function ruleIds(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result!.messages.map((m) => m.ruleId ?? m.message);
}

describe('layer rules (ESLint)', () => {
  const cases: [string, string, string][] = [
    ['Math.random in sim', 'src/sim/x.ts', 'export const r = Math.random();'],
    ['Date.now in trace', 'src/trace/x.ts', 'export const t = Date.now();'],
    ['new Date in lang', 'src/lang/x.ts', 'export const t = new Date();'],
    ['performance.now in base', 'src/base/x.ts', 'export const t = performance.now();'],
    ['setTimeout in sim', 'src/sim/x.ts', 'setTimeout(() => {}, 0);'],
    ['document in trace', 'src/trace/x.ts', 'export const d = document.title;'],
    ['React import in sim', 'src/sim/x.ts', "import { useState } from 'react';\nexport const u = useState;"],
    [
      'zustand import in trace',
      'src/trace/x.ts',
      "import { create } from 'zustand';\nexport const c = create;",
    ],
    ['ui import from sim', 'src/sim/x.ts', "import { useApp } from '../ui/store';\nexport const a = useApp;"],
    [
      'sim import from trace',
      'src/trace/x.ts',
      "import { simulate } from '../sim/simulate';\nexport const s = simulate;",
    ],
    [
      'ui import from trace',
      'src/trace/x.ts',
      "import { useApp } from '../ui/store';\nexport const a = useApp;",
    ],
    ['lang import from base', 'src/base/x.ts', "import { lex } from '../lang/lexer';\nexport const l = lex;"],
    [
      'node fs in lang',
      'src/lang/x.ts',
      "import { readFileSync } from 'node:fs';\nexport const r = readFileSync;",
    ],
  ];
  for (const [name, file, code] of cases) {
    it(`rejects ${name}`, async () => {
      const ids = await ruleIds(code, file);
      expect(ids.filter((id) => id.startsWith('no-restricted'))).not.toHaveLength(0);
    });
  }

  it('accepts the same code outside the core', async () => {
    expect(await ruleIds('export const r = Math.random();', 'src/ui/x.ts')).toEqual([]);
  });

  it('accepts the allowed imports (sim may import lang and base)', async () => {
    expect(
      await ruleIds("import { lex } from '../lang/lexer';\nexport const l = lex;", 'src/sim/x.ts'),
    ).toEqual([]);
  });
});

describe('core tsconfig (no DOM, no Node typings)', () => {
  it('fails to type-check DOM, timer and Node globals', () => {
    const configPath = ts.findConfigFile(process.cwd(), ts.sys.fileExists, 'tsconfig.core.json')!;
    const { config } = ts.readConfigFile(configPath, ts.sys.readFile);
    const parsed = ts.parseJsonConfigFileContent(config, ts.sys, process.cwd());
    const program = ts.createProgram(['tests/layer-fixtures/uses-dom.ts'], parsed.options);
    const diags = ts
      .getPreEmitDiagnostics(program)
      .map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
    for (const name of ['document', 'setTimeout', 'process', 'performance']) {
      expect(diags.some((m) => m.includes(`'${name}'`))).toBe(true);
    }
  });
});
