// Saved edits that are never lost (src/ui/share/autosave.ts, tabs.ts) in real Chromium: two tabs of one
// browser on the same lesson, a storage quota that is really full, and a localStorage that throws.
import { expect, test, type Page } from '@playwright/test';
import { editorText } from './editor-text';

const ready = (page: Page) => page.waitForSelector('[data-status="ready"]');
const editor = (page: Page) => page.getByRole('textbox', { name: 'Rust source' });
/** Every value this origin holds in localStorage, as one string (the texts are searched in it). */
const stored = (page: Page) =>
  page.evaluate(() =>
    Object.keys(localStorage)
      .map((k) => localStorage.getItem(k) ?? '')
      .join('\n'),
  );
/** The saved texts are stored as JSON strings: look for them that way. */
const asStored = (text: string) => JSON.stringify(text).slice(1, -1);

test('two tabs on one lesson: no edit is lost, each tab is told, and either version can be opened', async ({
  context,
}) => {
  const a = await context.newPage();
  const b = await context.newPage();
  for (const p of [a, b]) {
    await p.goto('/');
    await ready(p);
  }
  const original = await editorText(a);
  const textA = original.replace('fast: hello', 'fast: hello from tab A');
  const textB = original.replace('fast: hello', 'fast: hello from tab B');

  await editor(a).fill(textA);
  // Tab B hears of it at once, in words, and keeps showing what it showed.
  await expect(b.getByTestId('notice')).toContainText('Another tab saved different code for this lesson.');
  await expect.poll(() => editorText(b)).toBe(original);

  // B saves over A's save: A's code is kept, not destroyed, and A is told.
  await editor(b).fill(textB);
  await expect(a.getByTestId('notice')).toContainText('Another tab saved different code for this lesson.');
  await expect(a.getByTestId('notice')).toContainText("the other tab's version is kept too");
  await expect.poll(() => editorText(a)).toBe(textA);
  expect(await stored(a)).toContain(asStored(textA));
  expect(await stored(a)).toContain(asStored(textB));

  // A keeps typing: B's code is kept in turn.
  const textA2 = textA.replace('tab A', 'tab A, again');
  await editor(a).fill(textA2);
  await expect.poll(() => stored(b)).toContain(asStored(textA2));
  expect(await stored(b)).toContain(asStored(textB));
  await expect(b.getByTestId('notice')).toContainText('Another tab saved different code');

  // A opens B's version; A's own is kept, and one click brings it back.
  await a.getByRole('button', { name: "Open the other tab's version" }).click();
  await expect.poll(() => editorText(a)).toBe(textB);
  await expect(a.getByTestId('notice')).toHaveText(
    "Showing the other tab's version. This tab's code is kept.",
  );
  expect(await stored(a)).toContain(asStored(textA2));
  await a.getByRole('button', { name: "Open this tab's version" }).click();
  await expect.poll(() => editorText(a)).toBe(textA2);
  expect(await stored(a)).toContain(asStored(textB));

  // A fresh tab opens the last save (A's), and B's version is still in storage.
  const c = await context.newPage();
  await c.goto('/');
  await ready(c);
  await expect.poll(() => editorText(c)).toBe(textA2);
  expect(await stored(c)).toContain(asStored(textB));
});

test('a full storage quota is said once, in words, and the code stays on screen', async ({ page }) => {
  await page.goto('/');
  await ready(page);
  // Fill the origin's real quota (no stand-in): halve the chunk whenever a write is refused.
  const refused = await page.evaluate(() => {
    let chunk = 'x'.repeat(1 << 20);
    let i = 0;
    let name = '';
    while (chunk.length > 0) {
      try {
        localStorage.setItem(`filler-${i++}`, chunk);
      } catch (e) {
        name = (e as DOMException).name;
        chunk = chunk.slice(0, chunk.length >> 1);
      }
    }
    return name;
  });
  expect(refused).toBe('QuotaExceededError');
  const original = await editorText(page);
  await editor(page).fill(original.replace('fast: hello', 'fast: not saved'));
  const notice = page.getByRole('alert').getByTestId('notice');
  await expect(notice).toContainText(
    "Pollscope could not save your edits: this browser's storage for the page is full.",
  );
  await expect(notice).toContainText('Your code is still here');
  await page.getByRole('button', { name: 'Dismiss' }).click();
  await editor(page).press('End');
  await editor(page).pressSequentially(' more');
  await expect
    .poll(() => editorText(page))
    .toBe(original.replace('fast: hello', 'fast: not saved') + ' more');
  await expect(page.getByTestId('notice')).toHaveCount(0); // once
});

test('a localStorage that throws (private mode, sandboxed frame) is said once; the page works', async ({
  page,
}) => {
  const pageErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await page.addInitScript(() =>
    Object.defineProperty(window, 'localStorage', {
      get() {
        throw new DOMException('The operation is insecure.', 'SecurityError');
      },
    }),
  );
  await page.goto('/');
  await ready(page);
  const original = await editorText(page);
  await editor(page).fill(original.replace('fast: hello', 'fast: kept on screen'));
  await expect(page.getByRole('alert').getByTestId('notice')).toContainText(
    'Pollscope could not save your edits: this browser does not let the page store anything',
  );
  await page.getByRole('button', { name: 'Dismiss' }).click();
  await editor(page).pressSequentially(' ');
  await expect(page.getByTestId('notice')).toHaveCount(0); // once
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await ready(page);
  await page.getByRole('button', { name: 'Jump to end' }).click();
  await expect(page.getByTestId('stdout')).toContainText('fast: kept on screen');
  expect(pageErrors).toEqual([]);
});
