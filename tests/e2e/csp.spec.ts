// The Content-Security-Policy in Chromium (index.html and embed.html carry it in a <meta>; public/_headers
// sends it as a header): the app runs its ordinary paths without a single violation, and the directives
// that guard what a static app never needs — <base>, plugins, form posts — are really enforced.
import { expect, test, type Page } from '@playwright/test';
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
