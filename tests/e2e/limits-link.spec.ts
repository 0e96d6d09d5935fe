// A link whose limits stop the run before the runtime has even started (`maxEvents: 1`: the main thread's
// own first event reaches it). The simulator threw a non-Error for it once, and the page showed
// "[object Object]"; now it is a limit outcome like any other, shown in words.
import { expect, test } from '@playwright/test';
import { DEFAULT_SHARE, encodeState } from '../../src/ui/share/link';

test('a link with a limit of 1 event shows the limit outcome in words', async ({ page }) => {
  const pageErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  for (const limits of [{ maxEvents: 1 }, { maxEvents: 2, maxTasks: 1 }]) {
    await page.goto('about:blank');
    await page.goto(
      '/#' + encodeState({ ...DEFAULT_SHARE, lessonId: 'two-tasks-and-a-sleep', step: 0, limits }),
    );
    await page.waitForSelector('[data-status="ready"]');
    await expect(page.locator('.banner.limit')).toContainText(
      `the run reached the limit of ${limits.maxEvents} ${limits.maxEvents === 1 ? 'event' : 'events'}`,
    );
    await expect(page.getByRole('alert')).toHaveCount(0);
    await expect(page.locator('body')).not.toContainText('[object Object]');
    await expect(page.locator('body')).not.toContainText('The simulator failed');
    // The run is still a run: its few events can be stepped through.
    await expect(page.getByRole('slider', { name: 'Timeline position' })).toBeEnabled();
  }
  expect(pageErrors).toEqual([]);
});
