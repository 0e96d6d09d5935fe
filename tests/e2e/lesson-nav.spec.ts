// Lessons you can navigate (issue 17): previous / next narrated moment (buttons and keys), the moments as
// chapter marks on the timeline, "Jump to the answer" for the prediction, the 48,000-event lesson walked
// moment by moment, and "Try it" keeping its guidance (narration written for the changed program, the
// prediction still answered).
import { expect, test, type Page } from '@playwright/test';
import { COURSE } from '../../src/lessons/course';
import { placeMoments } from '../../src/lessons/narration';
import { simulate } from '../../src/sim/simulate';
import { readFileSync } from 'node:fs';
import { shot } from './screenshot';

async function open(page: Page, lesson: string) {
  await page.goto('/');
  await page.waitForSelector('[data-status="ready"]');
  if (lesson !== COURSE[0]!.id) {
    await page.getByRole('combobox', { name: 'Lesson' }).selectOption(lesson);
    await page.waitForSelector('[data-status="ready"]');
  }
}

const lessonText = (id: string) => COURSE.find((l) => l.id === id)!;
const narration = (page: Page) => page.getByTestId('narration-text');
const slider = (page: Page) => page.getByRole('slider', { name: 'Timeline position' });

/** Where the lesson's moments land on its run (computed by the same code, on a Node run of the program). */
function momentSteps(id: string, variant = false): number[] {
  const l = lessonText(id);
  let source = readFileSync(`src/lessons/programs/${id}.rs`, 'utf8');
  if (variant) source = source.replace(l.tryThis.from, l.tryThis.to);
  const run = simulate(source, { profile: '1.24', seed: 1 });
  return placeMoments(run.trace, variant ? l.tryThis.moments : l.moments).placed.map((p) => p.step);
}

test('the 48,000-event lesson is walked moment by moment with Next moment, and back with the keys', async ({
  page,
}) => {
  const id = 'delay-wakes-itself';
  const l = lessonText(id);
  const steps = momentSteps(id);
  await open(page, id);
  await expect(page.getByTestId('step-count')).toContainText('47,966');
  const next = page.getByRole('button', { name: 'Next moment' });
  const prev = page.getByRole('button', { name: 'Previous moment' });
  await expect(prev).toBeDisabled();
  // One press per moment, from before the first event to the answer at the end.
  for (let k = 0; k < l.moments.length; k++) {
    await next.click();
    await expect(slider(page)).toHaveAttribute('aria-valuenow', String(steps[k]));
    await expect(narration(page)).toHaveText(l.moments[k]!.text);
  }
  await expect(next).toBeDisabled();
  await expect(page.getByTestId('predict-answer')).toHaveText(l.predict.answer);
  await shot(page, 'screenshots/lesson-last-moment.png');
  // The keys, on the visualizer: [ goes back a moment, ] forward, Page Up / Page Down too.
  await page.getByRole('group', { name: 'Visualizer' }).focus();
  await page.keyboard.press('[');
  await expect(slider(page)).toHaveAttribute('aria-valuenow', String(steps.at(-2)));
  await page.keyboard.press('PageUp');
  await expect(slider(page)).toHaveAttribute('aria-valuenow', String(steps.at(-3)));
  await page.keyboard.press(']');
  await expect(slider(page)).toHaveAttribute('aria-valuenow', String(steps.at(-2)));
  await page.keyboard.press('PageDown');
  await expect(narration(page)).toHaveText(l.moments.at(-1)!.text);
});

test('narrated moments are chapter marks: on the slider (buttons) and over the lanes', async ({ page }) => {
  const id = 'two-tasks-and-a-sleep';
  const l = lessonText(id);
  const steps = momentSteps(id);
  await open(page, id);
  const marks = page.getByRole('list', { name: 'Narrated moments' }).getByRole('button');
  await expect(marks).toHaveCount(l.moments.length);
  await expect(marks.nth(2)).toHaveAccessibleName(`Moment 3 of ${l.moments.length}: ${l.moments[2]!.text}`);
  await marks.nth(2).click();
  await expect(slider(page)).toHaveAttribute('aria-valuenow', String(steps[2]));
  await expect(narration(page)).toHaveText(l.moments[2]!.text);
  await expect(marks.nth(2)).toHaveAttribute('aria-current', 'step');
  // Each mark sits where its moment is on the slider: in order, left to right, inside the track.
  const track = (await slider(page).boundingBox())!;
  const xs: number[] = [];
  for (let k = 0; k < l.moments.length; k++) {
    const b = (await marks.nth(k).boundingBox())!;
    xs.push(b.x + b.width / 2);
  }
  // Never on top of each other, even for moments two events apart (they are nudged apart).
  const w = (await marks.first().boundingBox())!.width;
  for (let k = 1; k < xs.length; k++) expect(xs[k]! - xs[k - 1]!).toBeGreaterThanOrEqual(w);
  expect(xs[0]!).toBeGreaterThanOrEqual(track.x);
  expect(xs.at(-1)!).toBeLessThanOrEqual(track.x + track.width);
  // The lanes mark them too, over the axis.
  await expect(page.getByTestId('chapter-marks').locator('path')).toHaveCount(l.moments.length);
  await shot(page, 'screenshots/lesson-chapters.png');
});

test('"Jump to the answer" goes to the moment that answers the prediction', async ({ page }) => {
  const id = 'two-tasks-and-a-sleep';
  const l = lessonText(id);
  const steps = momentSteps(id);
  await open(page, id);
  await expect(page.getByTestId('predict-answer')).toHaveCount(0);
  await page.getByRole('button', { name: 'Jump to the answer' }).click();
  await expect(slider(page)).toHaveAttribute('aria-valuenow', String(steps[l.predict.revealAt]));
  await expect(page.getByTestId('predict-answer')).toHaveText(l.predict.answer);
  await expect(narration(page)).toHaveText(l.moments[l.predict.revealAt]!.text);
  await expect(page.getByRole('button', { name: 'Jump to the answer' })).toHaveCount(0);
});

test('"Try it" keeps the guidance: what changed, narration for the changed run, the answer shown', async ({
  page,
}) => {
  const id = 'two-tasks-and-a-sleep';
  const l = lessonText(id);
  const steps = momentSteps(id, true);
  await open(page, id);
  await page.getByRole('button', { name: 'Try it' }).click();
  await page.waitForSelector('[data-status="ready"]');
  await expect(page.getByTestId('variant-note')).toContainText(l.tryThis.text);
  await expect(narration(page)).toHaveText(l.tryThis.changed);
  await expect(page.getByTestId('predict-answer')).toHaveText(l.predict.answer);
  await expect(page.locator('.lesson-try')).toContainText(l.tryThis.lookFor);
  const marks = page.getByRole('list', { name: 'Narrated moments' }).getByRole('button');
  await expect(marks).toHaveCount(l.tryThis.moments.length);
  await page.getByRole('button', { name: 'Next moment' }).click();
  await expect(slider(page)).toHaveAttribute('aria-valuenow', String(steps[0]));
  await expect(narration(page)).toHaveText(l.tryThis.moments[0]!.text);
  // The panels show what it says: slow blocks the main thread while fast waits in the queue.
  await expect(page.getByTestId('caption')).toContainText('main is blocked: std::thread::sleep(100 ms)');
  await shot(page, 'screenshots/try-this.png');
  await page.getByRole('button', { name: 'Back to the lesson' }).click();
  await page.waitForSelector('[data-status="ready"]');
  await expect(page.getByTestId('variant-note')).toHaveCount(0);
  await expect(narration(page)).toHaveText(l.summary);
  await expect(marks).toHaveCount(l.moments.length);
});
