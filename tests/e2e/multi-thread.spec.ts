import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { simulate } from '../../src/sim/simulate';
import { TraceIndex } from '../../src/trace/trace-index';
import { shot } from './screenshot';

// The work-stealing lesson on four workers, in the real app: at each steal, and at random steps, the
// Runtime panel's worker cards (the LIFO slot and local queue of every worker) and the inject queue show
// what the same trace computed here in Node says. Screenshots of a steal: see ./screenshot.ts.
const SOURCE = readFileSync('src/lessons/programs/work-stealing.rs', 'utf8');

test('work stealing: every worker’s LIFO slot and local queue match Node at each steal', async ({ page }) => {
  const r = simulate(SOURCE, { seed: 1 });
  expect(r.outcome.kind).toBe('completed');
  const index = new TraceIndex(r.trace);
  index.ingest();
  const steals = [...r.trace.events()].filter((e) => e.kind === 'steal');
  expect(steals.length).toBeGreaterThan(0);

  await page.goto('/');
  await page.waitForSelector('[data-status="ready"]');
  await page
    .getByRole('combobox', { name: 'Lesson' })
    .selectOption({ label: 'Work stealing on four workers' });
  await page.waitForSelector('[data-status="ready"]');
  const slider = page.getByRole('slider', { name: 'Timeline position' });
  await expect(slider).toHaveAttribute('aria-valuemax', String(r.trace.length - 1));
  const runtime = page.getByRole('region', { name: 'Runtime' });
  await expect(runtime).toContainText('multi_thread · 4 workers');

  const chipsOf = async (testId: string) =>
    runtime
      .getByTestId(testId)
      .locator('[data-task]')
      .evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-task'))));

  const checkAt = async (step: number) => {
    await slider.fill(String(step));
    await expect(slider).toHaveAttribute('aria-valuenow', String(step));
    const want = index.at(step);
    for (let core = 0; core < 4; core++) {
      const lifo = want.queues.find((q) => q.kind === 'lifo' && q.core === core)?.tasks ?? [];
      const local = want.queues.find((q) => q.kind === 'local' && q.core === core)?.tasks ?? [];
      await expect.poll(() => chipsOf(`lifo-slot-${core}`)).toEqual(lifo);
      await expect.poll(() => chipsOf(`local-queue-${core}`)).toEqual(local);
    }
    const inject = want.queues.find((q) => q.kind === 'inject')?.tasks ?? [];
    await expect.poll(() => chipsOf('inject-queue')).toEqual(inject);
    for (const t of want.threads) {
      await expect(runtime.getByTestId(`thread-${t.id}`)).toHaveClass(new RegExp(`status-${t.status}`));
    }
  };

  for (const s of steals) {
    await checkAt(s.seq);
    await expect(page.getByTestId('caption')).toContainText(`steals ${s.kind === 'steal' ? s.count : ''}`);
  }
  await checkAt(steals[0]!.seq);
  await shot(page, 'screenshots/work-stealing.png');
  for (const step of [5, 40, 77, Math.floor(r.trace.length / 2), r.trace.length - 1]) await checkAt(step);
  await expect(page.getByTestId('stdout')).toHaveText(r.stdout);
});
