// Several runtimes in one program (issue 16): the Runtime panel shows a group per runtime, labelled with its
// flavor, holding its own threads and queues; the threads of no runtime (a plain `fn main`) apart.
import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { simulate } from '../../src/sim/simulate';
import type { EventOf } from '../../src/trace/events';
import { shot } from './screenshot';

const SOURCE = readFileSync('tests/conformance/rt_two_runtimes_side_by_side.rs', 'utf8');

test('two runtimes: each has its group, its threads and its own queues', async ({ page }) => {
  const r = simulate(SOURCE, { seed: 1 });
  expect(r.outcome.kind).toBe('completed');
  const events = [...r.trace.events()];
  const built = events.filter((e) => e.kind === 'runtime-new');
  expect(built.map((e) => e.runtime)).toEqual([1, 2]);
  // A task the main thread spawns into the multi_thread runtime waits in runtime 2's inject queue.
  const injected = events.find(
    (e): e is EventOf<'schedule'> => e.kind === 'schedule' && e.where === 'inject' && e.core === -2,
  )!;
  expect(injected).toBeDefined();

  await page.goto('/');
  await page.waitForSelector('[data-status="ready"]');
  await page.getByRole('textbox', { name: 'Rust source' }).fill(SOURCE);
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await page.waitForSelector('[data-status="ready"]');
  const slider = page.getByRole('slider', { name: 'Timeline position' });
  await expect(slider).toHaveAttribute('aria-valuemax', String(r.trace.length - 1));

  // Right after runtime 1 is built, runtime 2 does not exist yet.
  await slider.fill(String(built[0]!.seq));
  await expect(page.getByRole('group', { name: 'Runtime 1 · current_thread' })).toBeVisible();
  await expect(page.getByRole('group', { name: /^Runtime 2/ })).toHaveCount(0);
  await expect(page.getByTestId('caption')).toContainText('builds runtime 1 (current_thread)');

  await slider.fill(String(injected.seq));
  await expect(slider).toHaveAttribute('aria-valuenow', String(injected.seq));
  const rt1 = page.getByRole('group', { name: 'Runtime 1 · current_thread' });
  const rt2 = page.getByRole('group', { name: 'Runtime 2 · multi_thread, 2 workers' });
  await expect(rt2).toBeVisible();
  await expect(rt2.getByText('worker 0 (runtime 2)')).toBeVisible();
  await expect(rt2.getByText('worker 1 (runtime 2)')).toBeVisible();
  await expect(rt1.getByText('worker 0 (runtime 2)')).toHaveCount(0);
  // The plain `fn main` thread belongs to no runtime.
  await expect(
    page.getByRole('group', { name: 'Threads outside any runtime' }).getByText('main'),
  ).toBeVisible();
  // Each runtime its own queues: the spawned task is in runtime 2's inject queue, not runtime 1's.
  await expect(
    rt2.getByRole('list', { name: 'Runtime 2 inject queue' }).locator(`[data-task="${injected.task}"]`),
  ).toHaveCount(1);
  await expect(rt1.getByRole('list', { name: 'Runtime 1 inject queue' }).locator('[data-task]')).toHaveCount(
    0,
  );
  await expect(rt1.getByRole('list', { name: 'Runtime 1 local run queue' })).toBeVisible();
  await expect(rt2.getByRole('list', { name: 'Runtime 2 worker 1 local run queue' })).toBeVisible();
  await expect(rt2.getByRole('list', { name: 'Runtime 2 worker 0 LIFO slot' })).toBeVisible();
  await shot(page, 'screenshots/two-runtimes.png');
});
