import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { fromJsonLines } from '../../src/trace/export';

// The trace file formats are a lazy chunk (loaded on the first export or open): an exported run downloads,
// is the run on screen, and opens again as the same run; the Perfetto export is Chrome trace-event JSON.
test('Export trace downloads the run, and Open trace… brings it back; Export for Perfetto downloads JSON', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await page.goto('/');
  await page.waitForSelector('[data-status="ready"]');
  const slider = page.getByRole('slider', { name: 'Timeline position' });
  const steps = Number(await slider.getAttribute('aria-valuemax')) + 1;

  const [lines] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export trace' }).click(),
  ]);
  expect(lines.suggestedFilename()).toBe('pollscope-trace.jsonl');
  const path = test.info().outputPath('run.jsonl');
  await lines.saveAs(path);
  const { header, trace } = fromJsonLines(readFileSync(path, 'utf8'));
  expect(trace.length).toBe(steps);
  expect(header.source).toContain('#[tokio::main');

  const [chrome] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export for Perfetto' }).click(),
  ]);
  expect(chrome.suggestedFilename()).toBe('pollscope-trace.json');
  const perfetto = JSON.parse(readFileSync((await chrome.path())!, 'utf8')) as {
    traceEvents: { name: string; ph: string; args?: { name?: string } }[];
  };
  const ev = perfetto.traceEvents;
  expect(ev.some((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'main')).toBe(true);
  expect(ev.filter((e) => e.ph === 'B' || e.ph === 'X').length).toBeGreaterThan(0);

  await page.getByRole('button', { name: 'Jump to end' }).click();
  await page.getByLabel('Open a Pollscope trace file').setInputFiles(path);
  await expect(slider).toHaveAttribute('aria-valuemax', String(steps - 1));
  await expect(slider).toHaveAttribute('aria-valuenow', '-1');
});
