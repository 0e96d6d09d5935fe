import { expect, test } from '@playwright/test';
import { manyTasksProgram } from '../../bench/programs';
import { simulate } from '../../src/sim/simulate';
import { TraceIndex } from '../../src/trace/trace-index';

// A run of more than 100,000 events: the page must stream it from the worker, then show at any step exactly
// what the same trace computed here in Node says.
const PROGRAM = manyTasksProgram(1800);

test('a 100k-event run streams in, and random steps show what Node computes for them', async ({ page }) => {
  test.setTimeout(180_000);
  const r = simulate(PROGRAM, { seed: 1, limits: { maxEvents: 10_000_000, maxTasks: 100_000 } });
  expect(r.trace.length).toBeGreaterThan(100_000);
  const index = new TraceIndex(r.trace);
  index.ingest();

  await page.goto('/');
  await page.waitForSelector('[data-status="ready"]');
  await page.getByRole('textbox', { name: 'Rust source' }).fill(PROGRAM);
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await page.waitForSelector('[data-status="ready"]', { timeout: 120_000 });
  const slider = page.getByRole('slider', { name: 'Timeline position' });
  await expect(slider).toHaveAttribute('aria-valuemax', String(r.trace.length - 1));

  let x = 7;
  for (let k = 0; k < 8; k++) {
    x = (x * 48271) % 2147483647;
    const step = x % r.trace.length;
    await slider.fill(String(step));
    await expect(slider).toHaveAttribute('aria-valuenow', String(step));
    const want = index.at(step);
    // Output so far.
    await expect(page.getByTestId('stdout')).toHaveText(index.stdoutAt(want));
    // The main thread's status and the task it polls.
    const thread = want.threads[0]!;
    const threadRow = page.getByRole('region', { name: 'Runtime' }).getByTestId('thread-0');
    await expect(threadRow).toHaveClass(new RegExp(`status-${thread.status}`));
    // The local run queue: its first tasks, in order.
    const local = want.queues.find((q) => q.kind === 'local');
    const chips = page.getByTestId('local-queue').locator('[data-task]');
    await expect(chips).toHaveCount(local ? local.tasks.length : 0);
    if (local)
      expect(await chips.evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-task'))))).toEqual(
        local.tasks,
      );
    // Every task the Tasks panel lists, with the state Node computes.
    for (const t of want.tasks(100).slice(0, 12)) {
      await expect(page.getByTestId(`task-${t.id}-state`)).toHaveText(new RegExp(`^${t.state}`));
    }
  }
  await page.screenshot({ path: 'test-results/big-run.png' });
});
