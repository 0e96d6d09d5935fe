import { expect, test, type Locator } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { COURSE } from '../../src/lessons/course';
import { placeMoments } from '../../src/lessons/narration';
import { simulate } from '../../src/sim/simulate';
import { shot } from './screenshot';

// Walks each lesson's narration from start to end in the real app: Play pauses at every narrated moment,
// the Narration panel shows that moment's text, the prediction's answer appears once the run reveals it,
// and the last moment marks the lesson done. The expected steps are placed here, in Node, on the same run.
/** The most steps one Play of this test covers (see below). */
const PLAY_AT_MOST = 4_000;

/** Moves the timeline slider as a drag does: the value, then the input event React listens to. */
async function scrubTo(slider: Locator, step: number): Promise<void> {
  await slider.evaluate((el, v) => {
    const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
    setValue.call(el, String(v));
    el.dispatchEvent(new Event('input', { bubbles: true }));
  }, step);
  await expect(slider).toHaveAttribute('aria-valuenow', String(step));
}

test('every lesson’s narration can be walked with Play, moment by moment', async ({ page }) => {
  test.setTimeout(240_000);
  await page.goto('/');
  await page.waitForSelector('[data-status="ready"]');
  const slider = page.getByRole('slider', { name: 'Timeline position' });
  const narration = page.getByRole('region', { name: 'Narration' });
  for (const lesson of COURSE) {
    const source = readFileSync(`src/lessons/programs/${lesson.id}.rs`, 'utf8');
    const run = simulate(source, { profile: '1.24', seed: 1 });
    const { placed, missing } = placeMoments(run.trace, lesson.moments);
    expect(missing).toBe(-1);
    await page.getByRole('combobox', { name: 'Lesson' }).selectOption({ label: lesson.title });
    await expect(slider).toHaveAttribute('aria-valuemax', String(run.trace.length - 1));
    const toStart = page.getByRole('button', { name: 'Jump to start' });
    if (await toStart.isEnabled()) await toStart.click();
    await page.getByRole('combobox', { name: 'Speed' }).selectOption({ index: 0 });
    const speeds = await page
      .getByRole('combobox', { name: 'Speed' })
      .locator('option')
      .evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
    await page.getByRole('combobox', { name: 'Speed' }).selectOption(speeds.at(-1)!);
    for (const [k, m] of placed.entries()) {
      // Play runs in real time (at most 1,024 steps a second): a moment tens of thousands of steps on would
      // make this test a race against the clock on a busy machine. Scrub to shortly before it, then Play the
      // last stretch — Play must still stop exactly at the moment.
      const at = Number(await slider.getAttribute('aria-valuenow'));
      if (m.step - at > PLAY_AT_MOST) await scrubTo(slider, m.step - PLAY_AT_MOST / 2);
      await page.getByRole('button', { name: 'Play' }).click();
      await expect(slider).toHaveAttribute('aria-valuenow', String(m.step), { timeout: 60_000 });
      await expect(page.getByRole('button', { name: 'Play' })).toBeVisible();
      await expect(narration.getByTestId('narration-text')).toHaveText(m.text);
      // The bytes read_line holds just before select! drops it.
      if (lesson.id === 'select-cancellation' && k === 2) {
        const fields = page.getByRole('region', { name: 'Tasks' }).getByText(/line: .* = \[104, 101, 108\]/);
        await fields.scrollIntoViewIfNeeded();
        await shot(page, 'screenshots/lost-bytes.png');
      }
      // A program's own executor on screen: the loop on main polls task 1 (slow), a future it drives.
      if (lesson.id === 'build-your-own-executor' && k === 0)
        await shot(page, 'screenshots/own-executor.png');
      if (k >= lesson.predict.revealAt)
        await expect(narration.getByTestId('predict-answer')).toHaveText(lesson.predict.answer);
      else await expect(narration.getByTestId('predict-answer')).toHaveCount(0);
    }
    await expect(narration).toContainText('done');
    if (lesson.id === 'state-machine') await shot(page, 'screenshots/lesson.png');
  }
});

// "Read it aloud": the Read aloud toggle hands each narration text to the browser's speech synthesis as
// the run reaches it. The page's speechSynthesis is wrapped (not replaced) to record what it was given.
test('Read aloud speaks each narration text as the timeline reaches it', async ({ page }) => {
  await page.addInitScript(() => {
    const spoken: string[] = [];
    (window as unknown as { spoken: string[] }).spoken = spoken;
    const synth = window.speechSynthesis;
    const speak = synth.speak.bind(synth);
    synth.speak = (u: SpeechSynthesisUtterance) => {
      spoken.push(u.text);
      speak(u);
    };
  });
  await page.goto('/');
  await page.waitForSelector('[data-status="ready"]');
  const lesson = COURSE[0]!;
  const run = simulate(readFileSync(`src/lessons/programs/${lesson.id}.rs`, 'utf8'), {
    profile: '1.24',
    seed: 1,
  });
  const { placed } = placeMoments(run.trace, lesson.moments);
  const toggle = page.getByRole('button', { name: 'Read aloud' });
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  const slider = page.getByRole('slider', { name: 'Timeline position' });
  for (const m of placed.slice(0, 3)) {
    await slider.fill(String(m.step));
    await expect(page.getByTestId('narration-text')).toHaveText(m.text);
    await expect
      .poll(() => page.evaluate(() => (window as unknown as { spoken: string[] }).spoken.at(-1)))
      .toBe(m.text);
  }
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-pressed', 'false');
});
