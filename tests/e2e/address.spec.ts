// The address bar is a permalink the page keeps writing (src/ui/share/permalink.ts). A link opened in the
// same page (a new fragment: same-document navigation) must win over a write the page had already
// scheduled: on a busy machine that write can run after the navigation and before its hashchange event.
import { expect, test } from '@playwright/test';
import { DEFAULT_SHARE, encodeState } from '../../src/ui/share/link';

test('a link opened while the page is about to rewrite its address is opened, not overwritten', async ({
  page,
}) => {
  await page.goto('/');
  await page.waitForSelector('[data-status="ready"]');
  const slider = page.getByRole('slider', { name: 'Timeline position' });
  const link =
    '#' + encodeState({ ...DEFAULT_SHARE, lessonId: 'two-tasks-and-a-sleep', step: 3, note: 'opened' });
  // The address changes before the page hears of it (as between a same-document navigation and its
  // hashchange event, which replaceState stands in for here: it never fires one) ...
  await page.evaluate((link) => history.replaceState(history.state, '', link), link);
  // ... and a step makes the page write its address.
  await page.getByRole('button', { name: 'Step forward' }).click();
  await expect(page.getByTestId('note')).toHaveText('opened');
  // The link's step: 3 when the click's write was what found the link; 4 when a write of the page's own (the
  // run's index still catching up, on a cold busy page) found it first and the click then stepped from 3.
  // Overwritten, the page would be at step 1 with no note.
  await expect(slider).toHaveAttribute('aria-valuenow', /^[34]$/);
  // The address is the page's again, and follows it.
  await page.getByRole('button', { name: 'Step forward' }).click();
  await expect.poll(() => page.evaluate(() => location.hash)).not.toBe(link);
});
