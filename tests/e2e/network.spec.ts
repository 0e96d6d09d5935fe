import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { simulate } from '../../src/sim/simulate';
import { TraceIndex } from '../../src/trace/trace-index';
import { shot } from './screenshot';

// The TCP echo lesson in the real app: at every readiness event of the run, the Reactor panel's I/O
// sources show the readiness bits and the reader / writer waker slots that the same trace, computed here
// in Node, says they hold. A screenshot of the server's socket becoming readable: see ./screenshot.ts.
const SOURCE = readFileSync('src/lessons/programs/tcp-echo.rs', 'utf8');

test('TCP echo: every I/O source’s readiness and waker slots match Node at each driver event', async ({
  page,
}) => {
  const r = simulate(SOURCE, { seed: 1 });
  expect(r.outcome.kind).toBe('completed');
  const index = new TraceIndex(r.trace);
  index.ingest();
  const ioSteps = [...r.trace.events()].filter((e) => e.kind === 'io-ready' || e.kind === 'io-clear');
  expect(ioSteps.length).toBeGreaterThan(4);

  await page.goto('/');
  await page.waitForSelector('[data-status="ready"]');
  await page.getByRole('combobox', { name: 'Lesson' }).selectOption({ label: 'The I/O reactor: a TCP echo' });
  await page.waitForSelector('[data-status="ready"]');
  const slider = page.getByRole('slider', { name: 'Timeline position' });
  await expect(slider).toHaveAttribute('aria-valuemax', String(r.trace.length - 1));
  const sources = page.getByRole('region', { name: 'Reactor' }).getByRole('list', { name: 'I/O sources' });

  const checkAt = async (step: number) => {
    await slider.fill(String(step));
    await expect(slider).toHaveAttribute('aria-valuenow', String(step));
    const want = index
      .at(step)
      .resources(60)
      .filter((x) => x.type === 'tcp-listener' || x.type === 'tcp-stream');
    for (const src of want) {
      const row = sources.locator(`[data-resource="${src.id}"]`);
      const head = src.text.split(' · ')[0]!.replace(/\s*\(tick \d+\)/, '');
      const bits = head === 'not ready' ? [] : head.split(' | ');
      await expect
        .poll(() => row.locator('.ready-bit.on').evaluateAll((els) => els.map((e) => e.textContent)))
        .toEqual(bits);
      // The slots come from the `register` events (the index's `slots`), so a slot fills at the step whose
      // caption says so; the `resource-state` text only catches up at its next event.
      const chips = await row
        .locator('.slots [data-task]')
        .evaluateAll((els) => els.map((e) => e.getAttribute('data-task')));
      const slot = (dir: string) => src.slots.filter((w) => w.dir === dir).map((w) => String(w.task));
      expect(chips).toEqual([...slot('read'), ...slot('write')]);
    }
    await expect(sources.locator('[data-resource]')).toHaveCount(want.length);
  };

  for (const ev of ioSteps) await checkAt(ev.seq);
  const serverReadable = ioSteps.find((e) => e.kind === 'io-ready' && e.ready === 'readable | writable')!;
  await checkAt(serverReadable.seq);
  await expect(page.getByTestId('caption')).toContainText('is now readable | writable (tick');
  await shot(page, 'screenshots/tcp-echo.png');
  await checkAt(r.trace.length - 1);
  await expect(page.getByTestId('stdout')).toHaveText(r.stdout);
});
