// The code editor (src/ui/editor) in real Chromium, on a small page of its own: this spec builds that page
// with Vite (the editor, the app's styles.css, a harness that holds the props) and serves it through
// page.route, so it needs nothing from the app's panels. What jsdom cannot show is tested here: typing,
// Playwright's `fill` on the CodeMirror content, the textarea fallback while the chunk loads, clicks on
// task pills and marked lines, tooltips, and colour contrast in light and dark (axe).
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page, type Route } from '@playwright/test';
import react from '@vitejs/plugin-react';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build, type Plugin } from 'vite';

const ORIGIN = 'http://editor-harness.test';
const REPO = resolve('.');
let outDir = '';
let css = '';

const PROGRAM = `#[tokio::main(flavor = "current_thread")]
async fn main() {
    let h = tokio::spawn(async {
        tokio::time::sleep(std::time::Duration::from_millis(10)).await;
        1
    });
    println!("got {}", h.await.unwrap());
}
`;

/** The page: the lazy editor with its props in React state, and `window.harness` to drive and observe it. */
const HARNESS = `
import { createElement as h, useState, useLayoutEffect } from 'react';
import { createRoot } from 'react-dom/client';
import { LazyCodeEditor } from ${JSON.stringify(join(REPO, 'src/ui/editor/index.ts'))};
import ${JSON.stringify(join(REPO, 'src/ui/styles.css'))};

const log = { changes: [], runs: 0, selects: [] };
const api = { set: () => {}, state: null };
window.harness = { log, set: (patch) => api.set(patch), value: () => api.state.value };

function App() {
  const [s, setS] = useState({ value: ${JSON.stringify(PROGRAM)}, diagnostics: [], taskMarks: [], selectedTask: null, readOnly: false });
  api.state = s;
  useLayoutEffect(() => { api.set = (patch) => setS((old) => ({ ...old, ...patch })); }, []);
  return h('main', { style: { padding: '12px', height: '100%', boxSizing: 'border-box' } },
    h('section', { className: 'panel editor', 'aria-label': 'Code', style: { height: '460px' } },
      h(LazyCodeEditor, {
        ...s,
        onChange: (value) => { log.changes.push(value); setS((old) => ({ ...old, value })); },
        onRun: () => { log.runs++; },
        onSelectTask: (task) => { log.selects.push(task); setS((old) => ({ ...old, selectedTask: task })); },
      })));
}
createRoot(document.getElementById('root')).render(h(App));
`;

function harnessEntry(): Plugin {
  const id = 'virtual:editor-harness';
  return {
    name: 'editor-harness',
    resolveId: (source) => (source === id ? '\0' + id : null),
    load: (source) => (source === '\0' + id ? HARNESS : null),
  };
}

test.beforeAll(async () => {
  test.setTimeout(120_000);
  outDir = mkdtempSync(join(tmpdir(), 'pollscope-editor-harness-'));
  await build({
    configFile: false,
    root: REPO,
    base: './',
    logLevel: 'warn',
    plugins: [react(), harnessEntry()],
    build: {
      outDir,
      emptyOutDir: true,
      target: 'es2022',
      minify: false,
      rolldownOptions: {
        input: { harness: 'virtual:editor-harness' },
        output: {
          entryFileNames: 'assets/[name].js',
          chunkFileNames: 'assets/[name].js',
          assetFileNames: 'assets/[name][extname]',
        },
      },
    },
  });
  css = readdirSync(join(outDir, 'assets')).find((f) => f.endsWith('.css')) ?? '';
});

test.afterAll(() => {
  if (outDir) rmSync(outDir, { recursive: true, force: true });
});

/** Serves the harness; `hold` delays the CodeMirror chunk until it resolves, `fail` makes it 404. */
async function open(page: Page, opts: { hold?: Promise<void>; fail?: boolean } = {}) {
  await page.route(`${ORIGIN}/**`, async (route: Route) => {
    const path = new URL(route.request().url()).pathname;
    if (path === '/' || path === '/index.html') {
      return route.fulfill({
        contentType: 'text/html',
        body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Editor</title>
          ${css ? `<link rel="stylesheet" href="./assets/${css}">` : ''}</head>
          <body><div id="root"></div><script type="module" src="./assets/harness.js"></script></body></html>`,
      });
    }
    if (path.includes('CodeEditor')) {
      if (opts.fail) return route.fulfill({ status: 404, body: 'gone' });
      if (opts.hold) await opts.hold;
    }
    return route.fulfill({ path: join(outDir, path) });
  });
  await page.goto(`${ORIGIN}/`);
}

const editor = (page: Page) => page.getByRole('textbox', { name: 'Rust source' });
const value = (page: Page) => page.evaluate(() => (window as unknown as Harness).harness.value());
const log = (page: Page) => page.evaluate(() => (window as unknown as Harness).harness.log);
const set = (page: Page, patch: Record<string, unknown>) =>
  page.evaluate((p) => (window as unknown as Harness).harness.set(p), patch);
interface Harness {
  harness: {
    value(): string;
    set(patch: Record<string, unknown>): void;
    log: { changes: string[]; runs: number; selects: number[] };
  };
}

async function loaded(page: Page) {
  await expect(page.locator('.cm-content[role="textbox"]')).toBeVisible();
}

test('the textarea works before CodeMirror arrives, and the editor takes over focus and text', async ({
  page,
}) => {
  let release = () => {};
  const hold = new Promise<void>((r) => (release = r));
  await open(page, { hold });
  const box = editor(page);
  await expect(box).toHaveJSProperty('tagName', 'TEXTAREA');
  await box.fill('fn main() {}\n');
  await box.press('Control+End');
  await page.keyboard.type('// early');
  release();
  await loaded(page);
  expect(await page.locator('textarea').count()).toBe(0);
  // Focus and caret moved into CodeMirror: typing carries on where it was.
  await expect(page.locator('.cm-content')).toBeFocused();
  await page.keyboard.type('!');
  expect(await value(page)).toBe('fn main() {}\n// early!');
});

test('fill replaces the whole program exactly, short or long', async ({ page }) => {
  await open(page);
  await loaded(page);
  const long = Array.from(
    { length: 1500 },
    (_, i) => `    let x${i} = tokio::spawn(async move { ${i} });\n    x${i}.await.unwrap();`,
  );
  const big = `#[tokio::main(flavor = "current_thread")]\nasync fn main() {\n${long.join('\n')}\n}\n`;
  await editor(page).fill(big);
  expect(await value(page)).toBe(big);
  const small = 'fn main() {\n    println!("hi");\n}\n';
  await editor(page).fill(small);
  expect(await value(page)).toBe(small);
  await expect(editor(page)).toHaveText(/println!\("hi"\);/);
});

test('typing calls onChange; Tab indents with spaces; Ctrl+Enter runs; undo works', async ({ page }) => {
  await open(page);
  await loaded(page);
  await editor(page).fill('');
  await editor(page).press('Tab');
  await page.keyboard.type('x');
  await page.keyboard.press('Tab');
  expect(await value(page)).toBe('    x   ');
  const before = (await log(page)).changes.length;
  await page.keyboard.press('Control+Enter');
  expect((await log(page)).runs).toBe(1);
  expect(await value(page)).toBe('    x   ');
  expect((await log(page)).changes.length).toBe(before);
  await page.keyboard.press('Control+z');
  expect(await value(page)).not.toBe('    x   ');
  // No completion popups while typing.
  await page.keyboard.type('pri');
  await page.waitForTimeout(300);
  await expect(page.locator('.cm-tooltip-autocomplete')).toHaveCount(0);
});

test('a value from outside replaces the document without onChange, and undo brings the old one back', async ({
  page,
}) => {
  await open(page);
  await loaded(page);
  await editor(page).fill('fn mine() {}\n');
  const changes = (await log(page)).changes.length;
  await set(page, { value: 'fn lesson() {}\n' });
  await expect(editor(page)).toHaveText('fn lesson() {}');
  expect((await log(page)).changes.length).toBe(changes);
  await editor(page).focus();
  await page.keyboard.press('Control+z');
  await expect.poll(() => value(page)).toBe('fn mine() {}\n');
});

test('diagnostics are underlined, with the message and hint on hover and in the gutter', async ({ page }) => {
  await open(page);
  await loaded(page);
  const from = PROGRAM.indexOf('tokio::spawn');
  await set(page, {
    diagnostics: [{ from, to: from + 12, message: 'spawn is not simulated', hint: 'use join!' }],
  });
  const mark = page.locator('.cm-lintRange-error');
  await expect(mark).toHaveText('tokio::spawn');
  await expect(page.locator('.cm-lint-marker-error')).toHaveCount(1);
  await mark.hover();
  const tip = page.locator('.cm-tooltip-lint');
  await expect(tip).toContainText('spawn is not simulated');
  await expect(tip).toContainText('help: use join!');
});

test('task pills show where tasks are; clicking a pill or a marked line selects the task', async ({
  page,
}) => {
  await open(page);
  await loaded(page);
  await set(page, {
    taskMarks: [
      { line: 3, task: 1, running: false },
      { line: 7, task: 0, running: true },
    ],
  });
  const pill = page.locator('.cm-taskGutter [data-task="1"]');
  await expect(pill).toHaveText('1');
  await expect(pill).toHaveAttribute('data-running', 'false');
  await expect(page.locator('.cm-taskGutter [data-task="0"]')).toHaveAttribute('data-running', 'true');
  await pill.click();
  expect((await log(page)).selects).toEqual([1]);
  const line = page.locator('.cm-selectedTaskLine');
  await expect(line).toHaveAttribute('data-selected-task', '1');
  await expect(line).toContainText('tokio::spawn');
  // Clicking the code of main's line selects main.
  await page.locator('.cm-line', { hasText: 'println!' }).click();
  expect((await log(page)).selects).toEqual([1, 0]);
  await expect(page.locator('.cm-selectedTaskLine')).toHaveAttribute('data-selected-task', '0');
});

for (const scheme of ['light', 'dark'] as const) {
  test(`highlighting follows the ${scheme} scheme and passes axe (contrast included)`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme });
    await open(page);
    await loaded(page);
    const from = PROGRAM.indexOf('tokio::spawn');
    await set(page, {
      diagnostics: [{ from, to: from + 12, message: 'not simulated' }],
      taskMarks: [
        { line: 3, task: 1, running: false },
        { line: 4, task: 2, running: false },
        { line: 7, task: 0, running: true },
      ],
      selectedTask: 1,
    });
    await expect(page.locator('.cm-selectedTaskLine')).toHaveCount(1);
    const color = (text: string) =>
      page
        .locator('.cm-line span', { hasText: new RegExp(`^${text}$`) })
        .first()
        .evaluate((e) => getComputedStyle(e).color);
    const want = scheme === 'light' ? 'rgb(138, 43, 158)' : 'rgb(211, 155, 230)';
    expect(await color('fn')).toBe(want);
    expect(
      await page
        .locator('.cm-line span', { hasText: /^await$/ })
        .first()
        .evaluate((e) => getComputedStyle(e).fontWeight),
    ).toBe('700');
    const results = await new AxeBuilder({ page })
      .include('.editor')
      .withTags(['wcag2a', 'wcag2aa', 'wcag21aa'])
      .analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`)).toEqual([]);
  });
}

test('the theme switches live when the colour scheme changes', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await open(page);
  await loaded(page);
  const fn = page.locator('.cm-line span', { hasText: /^fn$/ }).first();
  await expect(fn).toHaveCSS('color', 'rgb(138, 43, 158)');
  await page.emulateMedia({ colorScheme: 'dark' });
  await expect(fn).toHaveCSS('color', 'rgb(211, 155, 230)');
});

test('read-only: no edits, but still focusable and labelled', async ({ page }) => {
  await open(page);
  await loaded(page);
  await set(page, { readOnly: true });
  await expect(editor(page)).toHaveAttribute('aria-readonly', 'true');
  await editor(page).click();
  await page.keyboard.type('zzz');
  expect(await value(page)).toBe(PROGRAM);
});

test('if the CodeMirror chunk cannot load, the textarea stays', async ({ page }) => {
  page.on('pageerror', () => {});
  await open(page, { fail: true });
  await expect(editor(page)).toHaveJSProperty('tagName', 'TEXTAREA');
  await page.waitForTimeout(500);
  await expect(editor(page)).toHaveJSProperty('tagName', 'TEXTAREA');
  await editor(page).fill('fn main() {}\n');
  expect(await value(page)).toBe('fn main() {}\n');
  await editor(page).press('Control+Enter');
  expect((await log(page)).runs).toBe(1);
});
