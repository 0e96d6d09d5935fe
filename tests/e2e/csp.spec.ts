// The Content-Security-Policy in Chromium (index.html and embed.html carry it in a <meta>; public/_headers
// sends it as a header): the app runs its ordinary paths without a single violation, and the directives
// that guard what a static app never needs — <base>, plugins, form posts — are really enforced.
import { expect, test, type Page } from '@playwright/test';
import react from '@vitejs/plugin-react';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build, type Plugin } from 'vite';
import { DEFAULT_SHARE, encodeState } from '../../src/ui/share/link';

async function recordViolations(page: Page) {
  await page.addInitScript(() => {
    const w = window as unknown as { __csp: string[] };
    w.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      w.__csp.push(`${e.effectiveDirective} ${e.blockedURI}`),
    );
  });
  return () => page.evaluate(() => (window as unknown as { __csp: string[] }).__csp);
}

test('the app and the embed run without a CSP violation', async ({ page }) => {
  const violations = await recordViolations(page);
  await page.goto('/');
  await page.waitForSelector('[data-status="ready"]');
  for (let i = 0; i < 5; i++) await page.getByRole('button', { name: 'Step forward' }).click();
  await page.getByRole('combobox', { name: 'Speed' }).selectOption('32');
  await page.getByRole('button', { name: 'Play' }).click();
  await expect
    .poll(async () =>
      Number(await page.getByRole('slider', { name: 'Timeline position' }).getAttribute('aria-valuenow')),
    )
    .toBeGreaterThan(5); // Play runs on (to the lesson's next narrated moment)
  await page.getByRole('button', { name: 'Share' }).click();
  await expect(page.getByRole('dialog')).toBeVisible();
  await page.keyboard.press('Escape');
  await page.getByRole('combobox', { name: 'Lesson' }).selectOption('work-stealing');
  await page.waitForSelector('[data-status="ready"]');
  await page.getByRole('button', { name: 'Jump to end' }).click();
  await page.goto(
    '/embed.html#' + encodeState({ ...DEFAULT_SHARE, lessonId: 'two-tasks-and-a-sleep', step: 9 }),
  );
  await page.waitForSelector('[data-status="ready"]');
  await page.getByRole('button', { name: 'Step forward' }).click();
  expect(await violations()).toEqual([]);
});

test('base-uri, object-src and form-action are enforced', async ({ page }) => {
  const violations = await recordViolations(page);
  for (const path of ['/', '/embed.html']) {
    await page.goto(path);
    await page.waitForSelector('[data-status="ready"]');
    const before = await page.evaluate(() => document.baseURI);
    await page.evaluate(() => {
      const base = document.createElement('base');
      base.href = 'https://example.invalid/';
      document.head.append(base);
      const object = document.createElement('object');
      object.data = 'https://example.invalid/plugin.swf';
      document.body.append(object);
      const form = document.createElement('form');
      form.action = 'https://example.invalid/steal';
      form.method = 'post';
      document.body.append(form);
      form.submit();
    });
    await expect
      .poll(async () => (await violations()).map((v) => v.split(' ')[0]).sort())
      .toEqual(['base-uri', 'form-action', 'object-src']);
    expect(await page.evaluate(() => document.baseURI)).toBe(before);
    expect(new URL(page.url()).pathname).toBe(path);
    await page.evaluate(() => ((window as unknown as { __csp: string[] }).__csp.length = 0));
  }
});

/**
 * Why style-src keeps 'unsafe-inline': the code editor (CodeMirror, src/ui/editor) mounts its theme as a
 * <style> element in the document. Built on a page of its own (like tests/e2e/editor.spec.ts), under the
 * pages' policy it loads without a violation; with 'unsafe-inline' taken out, Chromium blocks its styles.
 */
test("the editor's <style> elements are why style-src keeps 'unsafe-inline'", async ({ page }) => {
  test.setTimeout(240_000);
  const REPO = resolve('.');
  const outDir = mkdtempSync(join(tmpdir(), 'pollscope-csp-editor-'));
  try {
    const entry = `
      import { createElement as h } from 'react';
      import { createRoot } from 'react-dom/client';
      import { LazyCodeEditor } from ${JSON.stringify(join(REPO, 'src/ui/editor/index.ts'))};
      const noop = () => {};
      createRoot(document.getElementById('root')).render(h(LazyCodeEditor, {
        value: 'fn main() {}\\n', onChange: noop, diagnostics: [], taskMarks: [], selectedTask: null,
        onSelectTask: noop, onRun: noop }));`;
    const virtual: Plugin = {
      name: 'csp-editor-page',
      resolveId: (id) => (id === 'virtual:csp-editor' ? '\0csp-editor' : null),
      load: (id) => (id === '\0csp-editor' ? entry : null),
    };
    await build({
      configFile: false,
      root: REPO,
      base: './',
      logLevel: 'warn',
      plugins: [react(), virtual],
      build: {
        outDir,
        emptyOutDir: true,
        target: 'es2022',
        minify: false,
        rolldownOptions: {
          input: { page: 'virtual:csp-editor' },
          output: { entryFileNames: 'assets/[name].js', chunkFileNames: 'assets/[name].js' },
        },
      },
    });
    const appPolicy = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(
      readFileSync('index.html', 'utf8'),
    )![1]!;
    const ORIGIN = 'http://csp-editor.test';
    const open = async (policy: string) => {
      await page.unrouteAll();
      await page.route(`${ORIGIN}/**`, (route) => {
        const path = new URL(route.request().url()).pathname;
        if (path !== '/') return route.fulfill({ path: join(outDir, path) });
        return route.fulfill({
          contentType: 'text/html',
          body: `<!doctype html><html lang="en"><head><meta charset="utf-8">
            <meta http-equiv="Content-Security-Policy" content="${policy}"><title>Editor</title></head>
            <body><div id="root"></div><script type="module" src="./assets/page.js"></script></body></html>`,
        });
      });
      await page.goto(`${ORIGIN}/`);
      await expect(page.locator('.cm-editor')).toBeVisible();
    };
    const violations = await recordViolations(page);

    await open(appPolicy);
    // CodeMirror's theme applies: its base theme makes the editor a flex box.
    await expect(page.locator('.cm-editor')).toHaveCSS('display', 'flex');
    expect(await violations()).toEqual([]);

    await open(appPolicy.replace("style-src 'self' 'unsafe-inline'", "style-src 'self'"));
    await expect
      .poll(async () => (await violations()).some((v) => v.startsWith('style-src-elem')))
      .toBe(true);
    await expect(page.locator('.cm-editor')).not.toHaveCSS('display', 'flex');
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
});
