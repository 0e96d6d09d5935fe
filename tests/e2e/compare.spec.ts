import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { simulate } from '../../src/sim/simulate';
import { compareTraces } from '../../src/trace/compare';
import { fromJsonLines } from '../../src/trace/export';
import { shot } from './screenshot';

// "Compare runs…": the run on screen beside a second run of the same program, aligned event by event. The
// expected figures come from the same simulator and alignment run here in Node (the app runs them in its
// workers), so the test checks that the page shows what the alignment found, on real runs.

async function openCompare(page: Page) {
  await page.getByRole('button', { name: 'Compare runs…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Compare two runs' });
  await expect(dialog.getByTestId('compare-summary')).toBeVisible({ timeout: 60_000 });
  return dialog;
}

test('a recorded real run beside its simulation', async ({ page }) => {
  test.setTimeout(120_000);
  const file = 'tests/fixtures/recorded/channels.jsonl';
  const { header, trace } = fromJsonLines(readFileSync(file, 'utf8'));
  const sim = simulate(header.source, { seed: 1, profile: '1.24' });
  const want = compareTraces(trace, sim.trace, { steals: false });

  await page.goto('/');
  await page.waitForSelector('[data-status="ready"]');
  await page.getByLabel('Open a Pollscope trace file').setInputFiles(file);
  await expect(page.getByRole('region', { name: 'Recorded real run' })).toBeVisible();
  const dialog = await openCompare(page);
  await expect(dialog).toContainText('Run A is the run on screen: real run (recorded)');
  const summary = dialog.getByTestId('compare-summary');
  if (want.differences.length === 0)
    await expect(summary).toHaveText(
      `The same order: ${want.a.lines.length} task events on each side, event for event.`,
    );
  else await expect(summary).toContainText(`${want.differences.length} difference`);
  await expect(dialog.getByRole('img', { name: /aligned events/ })).toBeVisible();

  // The cursor moves through both runs at once.
  const cursor = dialog.getByRole('slider', { name: 'Aligned event' });
  await cursor.fill('3');
  const row = want.alignment.rows[3]!;
  await expect(dialog.getByTestId('compare-a')).toContainText(`step ${want.a.steps[row.a]!}:`);
  await expect(dialog.getByTestId('compare-b')).toContainText(`step ${want.b.steps[row.b]!}:`);
  await shot(page, 'screenshots/compare-recorded.png');
});

test('two simulations of work stealing: seeds differ, each difference is listed and leads to its step', async ({
  page,
}) => {
  test.setTimeout(180_000);
  await page.setViewportSize({ width: 1440, height: 900 });
  const source = readFileSync('src/lessons/programs/work-stealing.rs', 'utf8');
  const a = simulate(source, { seed: 1, profile: '1.24' });
  // Seeds 2–4 happen to give this lesson the same order as seed 1; 7 does not.
  const b = simulate(source, { seed: 7, profile: '1.24' });
  const want = compareTraces(a.trace, b.trace, { steals: true });
  expect(want.differences.length).toBeGreaterThan(0);

  await page.goto('/');
  await page.waitForSelector('[data-status="ready"]');
  await page
    .getByRole('combobox', { name: 'Lesson' })
    .selectOption({ label: 'Work stealing on four workers' });
  await page.waitForSelector('[data-status="ready"]');
  const dialog = await openCompare(page);
  await expect(dialog.getByLabel('Run B seed')).toHaveValue('2');
  await dialog.getByLabel('Run B seed').fill('7');
  await expect(dialog.getByTestId('compare-summary')).toContainText(
    `${want.differences.length} difference${want.differences.length === 1 ? '' : 's'} in ${want.alignment.rows.length} aligned events`,
  );
  const items = dialog.getByRole('list', { name: 'Differences' }).getByRole('listitem');
  await expect(items).toHaveCount(Math.min(200, want.differences.length));
  await shot(page, 'screenshots/compare-seeds.png');

  // A difference moves the cursor to it; "Show A at this event" takes the main view to A's step.
  const d = want.differences[Math.min(1, want.differences.length - 1)]!;
  await items
    .nth(Math.min(1, want.differences.length - 1))
    .getByRole('button')
    .click();
  await expect(dialog.getByRole('slider', { name: 'Aligned event' })).toHaveValue(String(d.from));
  const row = want.alignment.rows.slice(d.from).find((r) => r.a >= 0)!;
  await dialog.getByRole('slider', { name: 'Aligned event' }).fill(String(want.alignment.rows.indexOf(row)));
  await dialog.getByRole('button', { name: 'Show A at this event' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('slider', { name: 'Timeline position' })).toHaveAttribute(
    'aria-valuenow',
    String(want.a.steps[row.a]!),
  );

  // The same seed again: no difference.
  await page.getByRole('button', { name: 'Compare runs…' }).click();
  await dialog.getByLabel('Run B seed').fill('1');
  await expect(dialog.getByTestId('compare-summary')).toContainText('The same order');
});
