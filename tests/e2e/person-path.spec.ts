import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { shot } from './screenshot';

// A person's path through a real run: open, play, pause, step back, zoom the timeline, step to a wake,
// jump to the waker. Screenshots (the README shows them): see ./screenshot.ts.

async function ready(page: Page) {
  await page.goto('/');
  await page.waitForSelector('[data-status="ready"]');
}

async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

test('open, play, pause, step back, zoom, step to a wake, jump to the waker', async ({ page }) => {
  await ready(page);
  const slider = page.getByRole('slider', { name: 'Timeline position' });
  const at = async () => Number(await slider.getAttribute('aria-valuenow'));

  // Play stops by itself at the lesson's first narrated moment, so the narration can be read.
  await page.getByRole('combobox', { name: 'Speed' }).selectOption('32');
  await page.getByRole('button', { name: 'Play' }).click();
  await expect(page.getByTestId('narration-text')).toContainText('tokio::spawn puts the new task');
  await expect(page.getByRole('button', { name: 'Play' })).toBeVisible();
  const moment = await at();
  expect(moment).toBeGreaterThan(0);

  // Play on for a moment, then pause: the run moved forward and stays where it was paused.
  await page.getByRole('combobox', { name: 'Speed' }).selectOption('8');
  await page.getByRole('button', { name: 'Play' }).click();
  await expect.poll(at, { timeout: 60_000 }).toBeGreaterThan(moment + 2);
  await page.getByRole('button', { name: 'Pause' }).click();
  const paused = await at();
  await page.waitForTimeout(300);
  expect(await at()).toBe(paused);

  // Step back with the keyboard, scoped to the visualizer.
  await page.getByRole('group', { name: 'Visualizer' }).focus();
  await page.keyboard.press('ArrowLeft');
  expect(await at()).toBe(paused - 1);

  // Zoom the timeline in and undo it.
  const canvas = page.getByTestId('timeline-canvas');
  const before = await canvas.getAttribute('aria-label');
  await page.getByRole('button', { name: 'Zoom in' }).click();
  await expect(canvas).not.toHaveAttribute('aria-label', before!);
  await shot(page, 'screenshots/zoomed-timeline.png');
  await page.getByRole('button', { name: 'Undo zoom' }).click();
  await expect(canvas).toHaveAttribute('aria-label', before!);

  // Step over wakes only: the next step is a wake, and the caption says who woke whom.
  await page.getByRole('button', { name: 'Jump to start' }).click();
  await page.getByRole('combobox', { name: 'Step granularity' }).selectOption('wake');
  await page.getByRole('button', { name: 'Step forward' }).click();
  await expect(page.getByTestId('caption')).toContainText('wakes');
  const wakeStep = await at();

  // Select the woken task (main) and jump to the wake that scheduled it.
  await page.getByRole('combobox', { name: 'Step granularity' }).selectOption('event');
  await page.getByRole('button', { name: 'Step forward' }).click();
  await page.getByRole('button', { name: 'Step forward' }).click();
  // The Tasks panel opens the selected task's details: select the task that was woken (slow).
  await page.getByRole('button', { name: 'Select slow' }).click();
  await page.getByRole('button', { name: 'Jump to the waker' }).click();
  expect(await at()).toBe(wakeStep);
  await shot(page, 'screenshots/jump-to-waker.png');
});

test('the page passes an axe scan with no serious or critical findings, in light and dark', async ({
  page,
}) => {
  await ready(page);
  for (let i = 0; i < 30; i++) await page.getByRole('button', { name: 'Step forward' }).click();
  expect(await seriousViolations(page)).toEqual([]);
  await shot(page, 'screenshots/light.png');
  await page.emulateMedia({ colorScheme: 'dark' });
  expect(await seriousViolations(page)).toEqual([]);
  await shot(page, 'screenshots/dark.png');
});

test('works in a 360 px wide frame', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 780 });
  await ready(page);
  for (let i = 0; i < 30; i++) await page.getByRole('button', { name: 'Step forward' }).click();
  await expect(page.getByRole('region', { name: 'Runtime' })).toBeVisible();
  // Nothing wider than the frame: no horizontal page scroll.
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
  expect(await seriousViolations(page)).toEqual([]);
  await shot(page, 'screenshots/narrow-360.png', { fullPage: true });
});
