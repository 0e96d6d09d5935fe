// The screen around the runtime (issue 17): the real code editor with the run drawn on it, click-to-jump,
// the timeline after switching lessons, what a compile error says, stolen tasks sliding between queues,
// the phone's transport dock and the embed at its default size.
import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { LineIndex } from '../../src/lang/diagnostics';
import { simulate } from '../../src/sim/simulate';
import { TraceStore } from '../../src/trace/store';
import { TraceIndex } from '../../src/trace/trace-index';
import { DEFAULT_SHARE, encodeState } from '../../src/ui/share/link';

async function ready(page: Page) {
  await page.goto('/');
  await page.waitForSelector('[data-status="ready"]');
}

const slider = (page: Page) => page.getByRole('slider', { name: 'Timeline position' });

async function goTo(page: Page, step: number) {
  await slider(page).fill(String(step));
  await expect(slider(page)).toHaveAttribute('aria-valuenow', String(step));
}

test('the code is CodeMirror, with line numbers and highlighting, not the fallback textarea', async ({
  page,
}) => {
  const violations: string[] = [];
  page.on('console', (m) => {
    if (/Content.Security.Policy|Refused to/i.test(m.text())) violations.push(m.text());
  });
  await ready(page);
  const editor = page.locator('[data-editor="codemirror"]');
  await expect(editor).toBeVisible();
  await expect(page.locator('[data-editor="fallback"]')).toHaveCount(0);
  // The accessible name of the UI contract is the editor's own content.
  await expect(page.getByRole('textbox', { name: 'Rust source' })).toHaveClass(/cm-content/);
  await expect(editor.locator('.cm-lineNumbers .cm-gutterElement', { hasText: /^5$/ })).toBeVisible();
  // Highlighted: `async` is drawn in the keyword colour, not the text colour.
  const colours = await editor
    .locator('.cm-line span', { hasText: /^async$/ })
    .first()
    .evaluate((e) => ({
      token: getComputedStyle(e).color,
      text: getComputedStyle(e.closest('.cm-line')!).color,
    }));
  expect(colours.token).not.toBe(colours.text);
  expect(violations).toEqual([]);
});

test('every step marks the current line and each suspended task’s .await in its colour', async ({ page }) => {
  await ready(page);
  const source = readFileSync('src/lessons/programs/two-tasks-and-a-sleep.rs', 'utf8');
  const lines = new LineIndex(source);
  const run = simulate(source, { profile: '1.24', seed: 1 });
  const prints = [...run.trace.events()].filter((e) => e.kind === 'print');
  // slow prints "slow: started": its println! line is current, in slow's colour (task 1).
  const started = prints.find((e) => e.kind === 'print' && e.text.startsWith('slow: started'))!;
  await goTo(page, started.seq);
  const current = page.locator('.cm-currentLine');
  await expect(current).toHaveAttribute(
    'data-current-line',
    String(lines.position(started.kind === 'print' ? started.site : -1).line),
  );
  await expect(current).toHaveAttribute('data-task', '1');
  await expect(current).toHaveClass(/cm-taskColor-1/);
  // Later, while fast runs, slow waits at its sleep's .await: the keyword is marked in slow's colour.
  const hello = prints.find((e) => e.kind === 'print' && e.text.startsWith('fast: hello'))!;
  await goTo(page, hello.seq);
  const mark = page.locator('.cm-awaitMark[data-await-task="1"]');
  await expect(mark).toHaveText('.await');
  await expect(mark).toHaveClass(/cm-taskColor-1/);
  await expect(page.locator('.cm-line', { has: mark })).toContainText('tokio::time::sleep');
  // main waits at slow.await.
  await expect(
    page.locator('.cm-line', { has: page.locator('.cm-awaitMark[data-await-task="0"]') }),
  ).toContainText('slow.await');
});

test('clicking a task, a variant or the caption’s line shows that line in the code', async ({ page }) => {
  await ready(page);
  const source = readFileSync('src/lessons/programs/two-tasks-and-a-sleep.rs', 'utf8');
  const run = simulate(source, { profile: '1.24', seed: 1 });
  const hello = [...run.trace.events()].find((e) => e.kind === 'print' && e.text.startsWith('fast: hello'))!;
  await goTo(page, hello.seq);
  const revealed = page.locator('.cm-revealedLine');
  await page.getByRole('button', { name: 'Select slow' }).click();
  await expect(revealed).toContainText('tokio::time::sleep');
  // main is suspended in Suspend0 at `slow.await` (line 14): the enum's line link shows it.
  await page.getByRole('button', { name: 'Select main' }).click();
  await page.getByRole('region', { name: 'Tasks' }).getByRole('button', { name: 'line 14' }).first().click();
  await expect(revealed).toContainText('slow.await.unwrap()');
  // The caption's own line: the println! that printed "fast: hello".
  await page.locator('.caption').getByRole('button', { name: 'line 11' }).click();
  await expect(revealed).toContainText('println!("fast: hello")');
});

test('after switching lessons or pressing Try it, the timeline keeps its lanes', async ({ page }) => {
  await ready(page);
  const canvas = page.getByTestId('timeline-canvas');
  const lanes = page.locator('.lane-labels li');
  await expect(lanes).toHaveText(['main']);
  const height = async () => (await canvas.boundingBox())!.height;
  expect(await height()).toBeGreaterThanOrEqual(20);
  await page.getByRole('combobox', { name: 'Lesson' }).selectOption('work-stealing');
  await page.waitForSelector('[data-status="ready"]');
  await expect(lanes).toHaveText(['main', 'worker 0', 'worker 1', 'worker 2', 'worker 3']);
  expect(await height()).toBeGreaterThanOrEqual(5 * 20);
  await page.getByRole('combobox', { name: 'Lesson' }).selectOption('two-tasks-and-a-sleep');
  await page.waitForSelector('[data-status="ready"]');
  await expect(lanes).toHaveText(['main']);
  // Try it: slow blocks the thread — the lane shows a blocked stretch the caption names.
  await page.getByRole('button', { name: 'Try it' }).click();
  await page.waitForSelector('[data-status="ready"]');
  await expect(lanes).toHaveText(['main']);
  expect(await height()).toBeGreaterThanOrEqual(20);
  const tried = simulate(
    readFileSync('src/lessons/programs/two-tasks-and-a-sleep.rs', 'utf8').replace(
      'tokio::time::sleep(Duration::from_millis(100)).await;',
      'std::thread::sleep(Duration::from_millis(100));',
    ),
    { profile: '1.24', seed: 1 },
  );
  const block = [...tried.trace.events()].find((e) => e.kind === 'block')!;
  await goTo(page, block.seq);
  await expect(page.getByTestId('caption')).toContainText('main is blocked');
  // The canvas has drawn something (not a collapsed, blank strip).
  const painted = await canvas.evaluate((c: HTMLCanvasElement) => {
    const d = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
    let n = 0;
    for (let i = 3; i < d.length; i += 4) if (d[i]! > 0) n++;
    return n;
  });
  expect(painted).toBeGreaterThan(500);
});

test('a compile error says what is wrong and where, and shows the place', async ({ page }) => {
  await ready(page);
  const bad = '#[tokio::main]\nasync fn main() {\n    let x = foo(;\n}\n';
  await page.getByRole('textbox', { name: 'Rust source' }).fill(bad);
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  const caption = page.getByTestId('caption');
  await expect(caption).toContainText('Nothing ran');
  await expect(caption).toContainText('line 3:17');
  await expect(caption).not.toContainText('Press Step forward');
  await expect(page.getByTestId('nothing-ran')).toContainText('line 3:17');
  await expect(page.getByText('Run the program to see the runtime.')).toHaveCount(0);
  // Underlined in the code, and both the panel's button and the diagnostic's show the place.
  await expect(page.locator('.cm-lintRange-error')).toHaveText(';');
  await page.getByRole('button', { name: 'Show line 3 in the code' }).click();
  await expect(page.locator('.cm-revealedLine')).toContainText('let x = foo(;');
  await page.getByRole('alert').getByRole('button', { name: 'line 3:17' }).click();
  await expect(page.locator('.cm-revealedLine')).toContainText('let x = foo(;');
});

test('a stolen task is marked, and slides to its new queue unless motion is reduced', async ({ page }) => {
  const source = readFileSync('src/lessons/programs/work-stealing.rs', 'utf8');
  const run = simulate(source, { profile: '1.24', seed: 1 });
  const index = new TraceIndex(TraceStore.from(run.trace));
  index.ingest();
  const steal = [...run.trace.events()].find((e) => e.kind === 'steal')!;
  if (steal.kind !== 'steal') throw new Error('no steal');
  // The first task moved by the steal: the schedule into the thief's queue right after it.
  const moved = run.trace.get(steal.seq + 1);
  expect(moved.kind).toBe('schedule');
  if (moved.kind !== 'schedule') return;
  expect(index.at(moved.seq).task(moved.task)!.stolenFrom).toBe(steal.victim);

  await page.emulateMedia({ reducedMotion: 'no-preference' });
  await ready(page);
  await page.getByRole('combobox', { name: 'Lesson' }).selectOption('work-stealing');
  await page.waitForSelector('[data-status="ready"]');
  await goTo(page, steal.seq);
  const transforms = async () =>
    page.evaluate(`(async () => {
      const button = [...document.querySelectorAll('button')].find((b) => b.getAttribute('aria-label') === 'Step forward');
      button.click();
      const seen = [];
      for (let i = 0; i < 12; i++) {
        await new Promise((r) => requestAnimationFrame(r));
        const chip = document.querySelector('[data-testid="local-queue-${moved.core}"] [data-task="${moved.task}"]');
        seen.push(chip ? chip.style.transform : 'missing');
      }
      return seen;
    })()`) as Promise<string[]>;
  const sliding = await transforms();
  expect(
    sliding.some((t) => /translate/.test(t)),
    `transforms while sliding: ${sliding.join(' | ')}`,
  ).toBe(true);
  const chip = page.getByTestId(`local-queue-${moved.core}`).locator(`[data-task="${moved.task}"]`);
  await expect(chip).toHaveClass(/stolen/);
  await expect(chip.locator('[data-stolen-from]')).toHaveAttribute('data-stolen-from', String(steal.victim));

  await page.emulateMedia({ reducedMotion: 'reduce' });
  await goTo(page, steal.seq);
  const still = await transforms();
  expect(
    still.every((t) => !/translate/.test(t)),
    `transforms with reduced motion: ${still.join(' | ')}`,
  ).toBe(true);
});

test('on a phone, Play and Step stay on screen while the page scrolls', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await ready(page);
  const forward = page.getByRole('button', { name: 'Step forward' });
  for (const y of [0, 600, 1400, 100_000]) {
    await page.evaluate((top) => window.scrollTo(0, top), y);
    await expect(forward).toBeInViewport({ ratio: 1 });
    await expect(page.getByRole('button', { name: 'Play' })).toBeInViewport({ ratio: 1 });
    const before = Number(await slider(page).getAttribute('aria-valuenow'));
    await forward.click();
    await expect(slider(page)).toHaveAttribute('aria-valuenow', String(before + 1));
  }
  // Nothing is hidden under the dock: the page's end scrolls clear of it.
  await page.evaluate(() => window.scrollTo(0, 1e6));
  await page.waitForTimeout(200);
  await page.evaluate(() => window.scrollTo(0, 1e6));
  const gap = await page.evaluate(() => {
    const dock = document.querySelector('.dock')!.getBoundingClientRect();
    const last = [...document.querySelectorAll('main section')].at(-1)!.getBoundingClientRect();
    return dock.top - last.bottom;
  });
  expect(gap).toBeGreaterThanOrEqual(0);
});

test('an embed at its default size (720×560, no code) shows every panel it was made to show', async ({
  page,
}) => {
  await page.setViewportSize({ width: 720, height: 560 });
  const fragment = encodeState({
    ...DEFAULT_SHARE,
    lessonId: 'two-tasks-and-a-sleep',
    hiddenPanels: ['code'],
    step: 29,
  });
  await page.goto(`/embed.html#${fragment}`);
  await page.waitForSelector('[data-status="ready"]');
  await expect(slider(page)).toHaveAttribute('aria-valuenow', '29');
  for (const name of ['Runtime', 'Tasks', 'Reactor', 'Output', 'Narration', 'Timeline']) {
    const region = page.getByRole('region', { name });
    await expect(region, name).toBeInViewport({ ratio: 1 });
    const box = (await region.boundingBox())!;
    expect(box.height, `${name} height`).toBeGreaterThanOrEqual(100);
    expect(box.width, `${name} width`).toBeGreaterThanOrEqual(200);
  }
  await expect(page.getByTestId('narration-text')).toBeInViewport({ ratio: 1 });
  const scroll = await page.evaluate(() => document.documentElement.scrollHeight - window.innerHeight);
  expect(scroll).toBeLessThanOrEqual(1);
  await page.screenshot({ path: 'test-results/screens/embed-720x560.png' });
});
