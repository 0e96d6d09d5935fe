import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { shot } from './screenshot';

// What real tokio 1.24 prints for the default lesson (recorded; see tests/conformance/README.md).
const EXPECTED = readFileSync('tests/conformance/lesson_two_tasks_and_a_sleep.stdout', 'utf8');

test('the default lesson runs in the worker and can be stepped and scrubbed', async ({ page }) => {
  await page.goto('/');
  const slider = page.getByRole('slider', { name: 'Timeline position' });
  // The run happened in the Web Worker: the slider now spans every event of the trace.
  await expect(slider).toBeEnabled();
  const max = Number(await slider.getAttribute('aria-valuemax'));
  expect(max).toBeGreaterThan(20);
  await expect(slider).toHaveAttribute('aria-valuenow', '-1');

  const output = page.getByRole('region', { name: 'Output' });
  const stdout = output.getByTestId('stdout');
  await expect(stdout).toHaveText('');

  // Step forward until main has printed its first line: the run queue holds both spawned tasks then.
  const forward = page.getByRole('button', { name: 'Step forward' });
  for (let i = 0; i < 200 && !(await stdout.textContent())?.includes('main: spawned both tasks'); i++)
    await forward.click();
  await expect(stdout).toHaveText('main: spawned both tasks\n');
  const localQueue = page.getByRole('region', { name: 'Runtime' }).getByTestId('local-queue');
  // Tasks are named as the program names them (`let slow = tokio::spawn(..)`); their ids stay on the chips.
  await expect(localQueue).toContainText('slow');
  await expect(localQueue).toContainText('fast');
  expect(
    await localQueue.locator('[data-task]').evaluateAll((els) => els.map((e) => e.getAttribute('data-task'))),
  ).toEqual(['1', '2']);
  const tasks = page.getByRole('region', { name: 'Tasks' });
  await expect(tasks.getByTestId('task-1-state')).toHaveText('scheduled');
  const stepHere = Number(await slider.getAttribute('aria-valuenow'));

  // Step back: the print is undone.
  await page.getByRole('button', { name: 'Step back' }).click();
  await expect(slider).toHaveAttribute('aria-valuenow', String(stepHere - 1));
  await expect(stdout).toHaveText('');

  // Scrub to the end: the output is everything the program prints, exactly.
  await slider.focus();
  await page.keyboard.press('End');
  await expect(slider).toHaveAttribute('aria-valuenow', String(max));
  await expect(stdout).toHaveText(EXPECTED);
  await expect(tasks.getByTestId('task-1-state')).toHaveText('complete');
  await expect(tasks.getByTestId('task-2-state')).toHaveText('complete');

  // And back to the middle with the slider itself: the README's screenshot shows that moment.
  await slider.fill(String(Math.floor(max / 2)));
  await expect(slider).toHaveAttribute('aria-valuenow', String(Math.floor(max / 2)));
  await shot(page, 'screenshot.png', { fullPage: false });
});
