// Share and embed (DESIGN.md §6) in real Chromium against the production build: permalinks round-trip,
// the address bar follows scrubbing, the Share dialog, autosave across reloads, and every bad input.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import fc from 'fast-check';
import type { PANEL_IDS } from '../../src/ui/share/link';
import { decodeLink, DEFAULT_SHARE, encodeState, normalize, type ShareState } from '../../src/ui/share/link';
import { editorText } from './editor-text';
import { shot } from './screenshot';

const LESSON = 'two-tasks-and-a-sleep';
const slider = (page: Page) => page.getByRole('slider', { name: 'Timeline position' });
const ready = (page: Page) => page.waitForSelector('[data-status="ready"]');
const hashState = async (page: Page) => {
  const d = decodeLink(await page.evaluate(() => location.hash));
  if (!d.ok) throw new Error('the address is not a permalink: ' + JSON.stringify(d.error));
  return d.state;
};
const PROGRAM = (text: string) => `#[tokio::main(flavor = "current_thread")]
async fn main() {
    let h = tokio::spawn(async {
        tokio::time::sleep(std::time::Duration::from_millis(5)).await;
        println!("{}", ${JSON.stringify(text)});
    });
    h.await.unwrap();
    println!("done");
}
`;

/** Every script execution path a hostile input might try, recorded if it ever runs. */
async function trapScripts(page: Page) {
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await page.addInitScript(() => {
    (window as unknown as { __csp: string[] }).__csp = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      (window as unknown as { __csp: string[] }).__csp.push(e.violatedDirective),
    );
  });
  return async () => {
    expect(dialogs).toEqual([]);
    expect(await page.evaluate(() => (window as unknown as { pwned?: unknown }).pwned)).toBeUndefined();
    expect(await page.locator('img[src="x"], #pwned').count()).toBe(0);
  };
}

test('many random states round-trip through links', async ({ page }) => {
  await page.goto('/');
  await ready(page);
  const max = Number(await slider(page).getAttribute('aria-valuemax'));
  const texts = ['hi', '<b>bold</b> & "quotes"', 'ünïcödé ✓ 🦀', "it's </script>"];
  const arb = fc.record({
    program: fc.constantFrom<'lesson' | number>('lesson', 0, 1, 2, 3),
    profile: fc.constantFrom('1.24' as const, 'latest' as const),
    seed: fc.integer({ min: 0, max: 1000 }),
    step: fc.integer({ min: -1, max: Math.min(max, 30) }),
    selectedTask: fc.option(fc.constantFrom(0, 1, 2), { nil: null }),
    hiddenPanels: fc.subarray(['reactor', 'output', 'narration'] as (typeof PANEL_IDS)[number][]),
    timelineAxis: fc.constantFrom('step' as const, 'time' as const),
    granularity: fc.constantFrom('event' as const, 'poll' as const, 'wake' as const),
    note: fc.constantFrom('', 'look <i>here</i>', 'step 12 🦀'),
  });
  const samples = fc.sample(arb, { numRuns: 12, seed: 7 });
  for (const r of samples) {
    const state: ShareState = normalize({
      ...DEFAULT_SHARE,
      ...r,
      lessonId: r.program === 'lesson' ? LESSON : null,
      source: r.program === 'lesson' ? null : PROGRAM(texts[r.program]!),
    });
    // A fresh page each time, so nothing carries over from the previous state.
    await page.goto('about:blank');
    await page.goto('/#' + encodeState(state));
    await ready(page);
    await expect(slider(page)).toHaveAttribute('aria-valuenow', String(state.step));
    await expect(page.getByRole('combobox', { name: 'tokio version' })).toHaveValue(state.profile);
    await expect(page.getByRole('combobox', { name: 'Step granularity' })).toHaveValue(state.granularity);
    for (const p of state.hiddenPanels)
      await expect(page.getByRole('region', { name: p[0]!.toUpperCase() + p.slice(1) })).toBeHidden();
    if (state.note) await expect(page.getByTestId('note')).toHaveText(state.note);
    // The address is (still) exactly that state.
    await expect.poll(() => hashState(page)).toEqual(state);
  }
  // A link pasted into an open tab (hashchange, no reload) opens too.
  const last: ShareState = normalize({ ...DEFAULT_SHARE, lessonId: LESSON, step: 5, note: 'pasted' });
  await page.evaluate((h) => (location.hash = h), encodeState(last));
  await expect(slider(page)).toHaveAttribute('aria-valuenow', '5');
  await expect(page.getByTestId('note')).toHaveText('pasted');
});

test('the address stays a permalink while scrubbing, without a history entry per step', async ({ page }) => {
  await page.goto('/');
  await ready(page);
  const before = await page.evaluate(() => history.length);
  for (let i = 0; i < 8; i++) await page.getByRole('button', { name: 'Step forward' }).click();
  await expect.poll(async () => (await hashState(page)).step).toBe(7);
  await page.getByRole('button', { name: 'Jump to end' }).click();
  const max = Number(await slider(page).getAttribute('aria-valuemax'));
  await expect.poll(async () => (await hashState(page)).step).toBe(max);
  expect(await page.evaluate(() => history.length)).toBe(before);
  // Reloading the address reproduces the view.
  await page.reload();
  await ready(page);
  await expect(slider(page)).toHaveAttribute('aria-valuenow', String(max));
});

test('Share shows the link and the embed snippet, each with a copy button', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto('/');
  await ready(page);
  await slider(page).fill('11');
  await expect(slider(page)).toHaveAttribute('aria-valuenow', '11');
  await page.getByRole('button', { name: 'Share' }).click();
  const dialog = page.getByRole('dialog', { name: 'Share this view' });
  await expect(dialog).toBeVisible();
  await dialog.getByLabel('Note shown with the view (optional)').fill('Here both tasks wait in the queue');
  const link = await dialog.getByLabel('Link').inputValue();
  expect(decodeLink(new URL(link).hash)).toMatchObject({
    ok: true,
    state: { lessonId: LESSON, step: 11, note: 'Here both tasks wait in the queue' },
  });
  await dialog.getByRole('button', { name: 'Copy link' }).click();
  await expect(dialog.getByText('Copied.')).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(link);
  const snippet = await dialog.getByLabel('Embed snippet').inputValue();
  expect(snippet).toMatch(
    /^<iframe src="http:\/\/127\.0\.0\.1:\d+\/embed\.html#v1\.[\w-]+" title="Pollscope: [^"]+"/,
  );
  expect(snippet).toContain('height="560"');
  await dialog.getByRole('button', { name: 'Copy embed snippet' }).click();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(snippet);
  // The embed hides the code unless asked: the snippet's state says so.
  const src = /src="([^"]+)"/.exec(snippet)![1]!.replace(/&amp;/g, '&');
  expect(decodeLink(new URL(src).hash)).toMatchObject({ ok: true, state: { hiddenPanels: ['code'] } });
  await shot(page, 'screenshots/share-dialog.png');
  const axe = await new AxeBuilder({ page }).include('.share-dialog').analyze();
  expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);
  // Opening the copied link in a new page shows the same view, note included.
  const other = await context.newPage();
  await other.goto(link);
  await ready(other);
  await expect(slider(other)).toHaveAttribute('aria-valuenow', '11');
  await expect(other.getByTestId('note')).toHaveText('Here both tasks wait in the queue');
});

test('edits autosave across reloads, per lesson, and Reset to lesson is explicit', async ({ page }) => {
  await page.goto('/');
  await ready(page);
  const editor = page.getByRole('textbox', { name: 'Rust source' });
  const original = await editorText(page);
  const edited = original.replace('fast: hello', 'fast: hello from my edit');
  await editor.fill(edited);
  // Reload with the permalink, then with no link at all: the edit is there both times.
  await page.reload();
  await ready(page);
  await expect.poll(() => editorText(page)).toBe(edited);
  await page.goto('/');
  await ready(page);
  await expect.poll(() => editorText(page)).toBe(edited);
  await expect(page.getByRole('combobox', { name: 'Lesson' })).toHaveValue(LESSON);
  // Scratch code is its own slot.
  await page.getByRole('combobox', { name: 'Lesson' }).selectOption('');
  await editor.fill(PROGRAM('scratch work'));
  await page.reload();
  await ready(page);
  await expect.poll(() => editorText(page)).toBe(PROGRAM('scratch work'));
  await page.getByRole('combobox', { name: 'Lesson' }).selectOption(LESSON);
  await expect.poll(() => editorText(page)).toBe(edited);
  // A lesson-only link shows the lesson as written, and offers the saved code back.
  await page.goto('/#' + encodeState({ ...DEFAULT_SHARE, lessonId: LESSON }));
  await ready(page);
  await expect.poll(() => editorText(page)).toBe(original);
  await page.getByRole('button', { name: 'Open my saved code' }).click();
  await expect.poll(() => editorText(page)).toBe(edited);
  // Reset to lesson, then undo it.
  await page.getByRole('button', { name: 'Reset to lesson' }).click();
  await expect.poll(() => editorText(page)).toBe(original);
  await page.getByRole('button', { name: 'Restore my edits' }).click();
  await expect.poll(() => editorText(page)).toBe(edited);
  await page.getByRole('button', { name: 'Reset to lesson' }).click();
  await page.reload();
  await ready(page);
  await expect.poll(() => editorText(page)).toBe(original);
  await expect(page.getByRole('button', { name: 'Reset to lesson' })).toHaveCount(0);
});

test('bad links: truncated, garbage, oversized, future-version, unknown lesson', async ({ page }) => {
  const check = await trapScripts(page);
  const good = encodeState({ ...DEFAULT_SHARE, source: PROGRAM('x'.repeat(300)), step: 4 });
  const cases: [string, RegExp][] = [
    [good.slice(0, Math.floor(good.length / 2)), /damaged or incomplete/],
    ['v1.<img src=x onerror="window.pwned=1">', /damaged or incomplete/],
    ['%3Cscript%3Ewindow.pwned%3D1%3C%2Fscript%3E', /not a Pollscope link/],
    ['v1.' + 'A'.repeat(270 * 1024), /too long to open/],
    ['v9.' + good.slice(3), /newer Pollscope \(link format v9\)/],
    [encodeState({ ...DEFAULT_SHARE, lessonId: 'no-such-lesson' }), /names a lesson/],
  ];
  for (const [frag, message] of cases) {
    await page.goto('about:blank');
    await page.goto('/#' + frag);
    await ready(page);
    await expect(page.getByRole('alert').getByTestId('notice')).toHaveText(message);
    await expect(page.getByTestId('notice')).toContainText('Showing the default lesson instead.');
    await expect(page.getByRole('combobox', { name: 'Lesson' })).toHaveValue(LESSON);
    await expect(slider(page)).toBeEnabled();
  }
  // With saved work, a bad link falls back to it instead.
  const editor = page.getByRole('textbox', { name: 'Rust source' });
  await editor.fill((await editorText(page)).replace('fast: hello', 'fast: mine'));
  await page.goto('about:blank');
  await page.goto('/#v1.garbage!!');
  await ready(page);
  await expect(page.getByTestId('notice')).toContainText('Showing your saved code instead.');
  await expect.poll(() => editorText(page)).toMatch(/fast: mine/);
  await check();
});

test('HTML and script in source, output, note and link stay text; the CSP has no eval or inline script', async ({
  page,
  request,
}) => {
  const check = await trapScripts(page);
  const evil = '<img src=x onerror="window.pwned=1"><script>window.pwned=2</script>';
  const state = { ...DEFAULT_SHARE, source: PROGRAM(evil), note: evil, step: 0 };
  await page.goto('/#' + encodeState(state));
  await ready(page);
  await page.getByRole('button', { name: 'Jump to end' }).click();
  await expect(page.getByTestId('stdout')).toContainText(evil);
  await expect(page.getByTestId('note')).toHaveText(evil);
  await expect.poll(() => editorText(page)).toBe(PROGRAM(evil));
  await check();
  expect(await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp)).toEqual([]);
  for (const file of ['index.html', 'embed.html']) {
    const html = await (await request.get('/' + file)).text();
    const csp = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1] ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-eval');
    expect(/script-src[^;]*unsafe-inline/.test(csp)).toBe(false);
    // Every script is a file: no inline script for the CSP to allow.
    for (const tag of html.match(/<script\b[^>]*>[\s\S]*?<\/script>/g) ?? []) expect(tag).toMatch(/\bsrc=/);
  }
});
