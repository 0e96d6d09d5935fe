// What the page loads first (issue 18: first-load JavaScript ≤ 120 KB gzip, the editor lazy) and how it
// behaves while the rest arrives. The first test reads the build the web server made (dist/, with source
// maps); the others drive the page with the course's chunk held back or failing.
import { expect, test, type Page, type Route } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { firstLoadJsGzip } from '../../bench/browser';
import { COURSE } from '../../src/lessons/course';
import { DEFAULT_LESSON_ID } from '../../src/lessons/catalog';
import { DEFAULT_SHARE, encodeState } from '../../src/ui/share/link';
import { editorText } from './editor-text';

/** Issue 18's budget, in bytes of gzip (the bench reports the same figure in KB of 1024 bytes). */
const FIRST_LOAD_BUDGET = 120 * 1024;

/** The scripts index.html loads (and preloads) before anything lazy: the bench's definition. */
function firstLoadScripts(): string[] {
  const html = readFileSync('dist/index.html', 'utf8');
  return [...html.matchAll(/(?:src|href)="\.?\/?(assets\/[^"]+\.js)"/g)].map((m) => m[1]!);
}

const LESSONS_CHUNK = /\/assets\/lessons-[^/]*\.js$/;
const DEFAULT_PROGRAM = readFileSync(`src/lessons/programs/${DEFAULT_LESSON_ID}.rs`, 'utf8');

test('the first load stays within budget; the lessons’ texts and the editor are chunks of their own', () => {
  const scripts = firstLoadScripts();
  expect(scripts.length).toBeGreaterThan(0);
  expect(firstLoadJsGzip()).toBeLessThanOrEqual(FIRST_LOAD_BUDGET);
  // The sources each first-load script was built from (vite.config.ts builds source maps).
  const sources = scripts.flatMap(
    (s) => (JSON.parse(readFileSync(join('dist', `${s}.map`), 'utf8')) as { sources: string[] }).sources,
  );
  const lazy = [
    'src/lessons/course.ts',
    'src/lessons/index.ts',
    'src/ui/editor/CodeEditor.tsx',
    'node_modules/@codemirror/',
  ];
  for (const path of lazy)
    expect(
      sources.filter((s) => s.includes(path)),
      path,
    ).toEqual([]);
  // And by content: no lesson's narration is in the first-load code (titles are: the Lesson picker).
  const code = scripts.map((s) => readFileSync(join('dist', s), 'utf8')).join('\n');
  for (const lesson of COURSE)
    expect(code.includes(lesson.moments[0]!.text.slice(0, 40)), `narration of ${lesson.id}`).toBe(false);
  // Nor any other lesson's program (`?raw` modules are not in the source maps; the bundle keeps their
  // lines verbatim in a template literal, so a line of the program with nothing to escape is looked for).
  for (const lesson of COURSE.filter((l) => l.id !== DEFAULT_LESSON_ID)) {
    const line = distinctiveLine(readFileSync(`src/lessons/programs/${lesson.id}.rs`, 'utf8'));
    expect(code.includes(line), `program of ${lesson.id}: ${line}`).toBe(false);
  }
});

/** The program's longest line that a template literal keeps as is and the default program does not have. */
function distinctiveLine(source: string): string {
  const line = source
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => !/[\\`]|\$\{/.test(l) && !DEFAULT_PROGRAM.includes(l))
    .sort((a, b) => b.length - a.length)[0];
  expect(line?.length ?? 0).toBeGreaterThan(20);
  return line!;
}

/** Holds the course's chunk back until `release()` is called. */
async function holdLessons(page: Page): Promise<() => void> {
  let release!: () => void;
  const gate = new Promise<void>((r) => (release = r));
  await page.route(LESSONS_CHUNK, async (route: Route) => {
    await gate;
    await route.continue();
  });
  return release;
}

test('while the lessons load, the page says so and shows the default program; then the lesson runs', async ({
  page,
}) => {
  const release = await holdLessons(page);
  await page.goto('/');
  const loading = page.getByRole('status', { name: 'Loading the lesson' });
  await expect(loading).toBeVisible();
  await expect(page.getByRole('combobox', { name: 'Lesson' })).toHaveValue(DEFAULT_LESSON_ID);
  expect((await editorText(page)).trimEnd()).toBe(DEFAULT_PROGRAM.trimEnd());
  await expect(page.locator('.app')).toHaveAttribute('data-status', 'idle');
  await page.screenshot({ path: 'test-results/screenshots/lesson-loading.png' });
  release();
  await expect(page.locator('.app')).toHaveAttribute('data-status', 'ready');
  await expect(loading).toHaveCount(0);
  await expect(page.getByTestId('narration-text')).toHaveText(COURSE[0]!.summary);
});

test('a link to another lesson waits for the lessons and opens that lesson, not the default', async ({
  page,
}) => {
  const lesson = COURSE.find((l) => l.id === 'channels')!;
  const release = await holdLessons(page);
  await page.goto('/#' + encodeState({ ...DEFAULT_SHARE, lessonId: lesson.id }));
  await expect(page.getByRole('status', { name: 'Loading the lesson' })).toBeVisible();
  // The link replaces the editor's text when the lessons arrive: typing before that would be lost, so the
  // editor takes no input until then.
  const editor = page.getByRole('textbox', { name: 'Rust source' });
  await expect(editor).not.toBeEditable();
  release();
  await expect(page.locator('.app')).toHaveAttribute('data-status', 'ready');
  await expect(editor).toBeEditable();
  await expect(page.getByRole('combobox', { name: 'Lesson' })).toHaveValue(lesson.id);
  await expect(page.getByTestId('narration-text')).toHaveText(lesson.summary);
  expect((await editorText(page)).trimEnd()).toBe(
    readFileSync(`src/lessons/programs/${lesson.id}.rs`, 'utf8').trimEnd(),
  );
});

test('if the lessons cannot load, the page says why and still runs the default program', async ({ page }) => {
  await page.route(LESSONS_CHUNK, (route) => route.abort('failed'));
  await page.goto('/');
  await expect(page.getByRole('alert')).toContainText('Pollscope could not load its lessons');
  await expect(page.locator('.app')).toHaveAttribute('data-status', 'ready');
  await expect(page.getByTestId('lesson-loading')).toContainText('could not load the lesson text');
  await expect(page.getByRole('combobox', { name: 'Lesson' })).toHaveValue(DEFAULT_LESSON_ID);
  expect((await editorText(page)).trimEnd()).toBe(DEFAULT_PROGRAM.trimEnd());
  await expect(page.getByRole('textbox', { name: 'Rust source' })).toBeEditable();
});
