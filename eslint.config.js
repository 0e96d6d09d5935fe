// Lint rules, including the layer boundaries of DESIGN.md §1.
//
// The core (`base`, `lang`, `sim`, `trace`) must run the same in a Web Worker, in Node and in tests, so it
// may not touch the DOM, React, wall clocks, timers or `Math.random`. tsconfig.core.json removes the DOM and
// Node typings; the rules below catch what is part of ECMAScript itself (Date.now, Math.random) and the
// imports that cross layers. tests/layers.test.ts proves that a violation fails.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const UI_PACKAGES = [
  'react',
  'react-dom',
  'react-dom/*',
  'zustand',
  'zustand/*',
  'framer-motion',
  'motion',
  'd3-*',
  'codemirror',
  '@codemirror/*',
  '@lezer/*',
];

/**
 * Which layers each core folder may import (DESIGN.md §1). One change from the design table: sim also
 * imports trace, because the simulator *writes* TraceEvents (the schema and the columnar writer live in
 * trace/). trace never imports sim. See docs/architecture.md.
 */
const LAYERS = {
  base: [],
  lang: ['base'],
  sim: ['base', 'lang', 'trace'],
  trace: ['base'],
};
const ALL_LAYERS = ['base', 'lang', 'sim', 'trace', 'worker', 'cli', 'lessons', 'ui'];

const CORE_GLOBALS_BANNED = [
  ['window', 'The core runs in a worker and in Node: no DOM.'],
  ['document', 'The core runs in a worker and in Node: no DOM.'],
  ['navigator', 'The core runs in a worker and in Node: no DOM.'],
  ['localStorage', 'The core is pure: no storage.'],
  ['performance', 'No wall clocks in the core: use the simulated clock (sim/clock).'],
  ['setTimeout', 'No timers in the core: the simulator advances simulated time itself.'],
  ['setInterval', 'No timers in the core: the simulator advances simulated time itself.'],
  ['setImmediate', 'No timers in the core: the simulator advances simulated time itself.'],
  ['queueMicrotask', 'No timers in the core: the simulator advances simulated time itself.'],
  ['requestAnimationFrame', 'Animation frames belong to ui/.'],
  ['process', 'The core does not know about Node: pass configuration in.'],
  ['crypto', 'No ambient randomness in the core: use base/rng (FastRand, seeded).'],
];

function layerRules(layer) {
  const banned = ALL_LAYERS.filter((l) => l !== layer && !LAYERS[layer].includes(l));
  return {
    'no-restricted-imports': [
      'error',
      {
        patterns: [
          { group: UI_PACKAGES, message: `src/${layer} is core: no UI packages (DESIGN.md §1).` },
          {
            group: ['node:*', 'fs', 'path', 'os', 'child_process', 'worker_threads'],
            message: `src/${layer} is core: no Node APIs.`,
          },
          ...banned.map((l) => ({
            group: [`**/${l}`, `**/${l}/*`, `**/${l}/**`],
            message: `src/${layer} may import only ${LAYERS[layer].join(', ') || 'nothing'} (DESIGN.md §1), not ${l}.`,
          })),
        ],
      },
    ],
    'no-restricted-globals': ['error', ...CORE_GLOBALS_BANNED.map(([name, message]) => ({ name, message }))],
    'no-restricted-properties': [
      'error',
      {
        object: 'Math',
        property: 'random',
        message: 'Use base/rng (seeded FastRand): runs must be deterministic.',
      },
      { object: 'Date', property: 'now', message: 'No wall clocks in the core: use the simulated clock.' },
      {
        object: 'performance',
        property: 'now',
        message: 'No wall clocks in the core: use the simulated clock.',
      },
      {
        object: 'globalThis',
        property: 'document',
        message: 'The core runs in a worker and in Node: no DOM.',
      },
      { object: 'globalThis', property: 'window', message: 'The core runs in a worker and in Node: no DOM.' },
    ],
    'no-restricted-syntax': [
      'error',
      {
        selector: "NewExpression[callee.name='Date']",
        message: 'No wall clocks in the core: use the simulated clock.',
      },
      {
        selector: "CallExpression[callee.name='eval'], NewExpression[callee.name='Function']",
        message: 'Never evaluate code from input.',
      },
    ],
  };
}

export default tseslint.config(
  {
    ignores: [
      'dist',
      'dist-cli',
      'node_modules',
      'target',
      'test-results',
      'playwright-report',
      'coverage',
      'tests/layer-fixtures',
      '.scratch',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-constant-condition': ['error', { checkLoops: false }],
      'no-eval': 'error',
      'no-new-func': 'error',
    },
  },
  ...Object.keys(LAYERS).map((layer) => ({
    files: [`src/${layer}/**/*.ts`],
    ignores: ['**/*.test.ts'],
    rules: layerRules(layer),
  })),
  {
    files: ['src/ui/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: { ...reactHooks.configs.recommended.rules },
  },
);
