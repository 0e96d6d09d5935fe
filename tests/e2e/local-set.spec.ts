// A LocalSet in the real app: its tasks wait in the set's own run queue (not the runtime's), are polled on
// the main thread while main's poll drives the set, and the caption says where they were queued.
import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { simulate } from '../../src/sim/simulate';
import { shot } from './screenshot';

const SOURCE = readFileSync('tests/conformance/api_localset_run_until.rs', 'utf8');

test('LocalSet: spawn_local tasks queue in the LocalSet run queue and run on the thread that drives it', async ({
  page,
}) => {
  const r = simulate(SOURCE, { seed: 1 });
  expect(r.outcome.kind).toBe('completed');
  const events = [...r.trace.events()];
  // The last of the three tasks queued on the set, before any of them is polled.
  const queued = events.filter((e) => e.kind === 'schedule' && e.where === 'localset');
  expect(queued.length).toBeGreaterThanOrEqual(3);
  const third = queued[2]!;

  await page.goto('/');
  await page.waitForSelector('[data-status="ready"]');
  await page.getByRole('textbox', { name: 'Rust source' }).fill(SOURCE);
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await page.waitForSelector('[data-status="ready"]');
  const slider = page.getByRole('slider', { name: 'Timeline position' });
  await expect(slider).toHaveAttribute('aria-valuemax', String(r.trace.length - 1));
  await slider.fill(String(third.seq));
  await expect(slider).toHaveAttribute('aria-valuenow', String(third.seq));

  const queue = page.getByRole('list', { name: 'LocalSet run queue' });
  await expect(queue).toBeVisible();
  await expect(queue.locator('[data-task]')).toHaveCount(3);
  await expect(page.getByTestId('caption')).toContainText("is queued on its LocalSet's run queue");
  // The runtime's own local queue stays empty: these tasks are not the scheduler's.
  await expect(page.getByTestId('local-queue').locator('[data-task]')).toHaveCount(0);
  await shot(page, 'screenshots/local-set.png');

  // The first local poll happens on the main thread, inside main's poll.
  const firstPoll = events.find((e) => e.kind === 'poll' && e.from === 'localset')!;
  await slider.fill(String(firstPoll.seq));
  await expect(page.getByTestId('caption')).toContainText(
    "polls task 1 (taken from its LocalSet's run queue, inside the poll of the task that drives the set)",
  );
});
