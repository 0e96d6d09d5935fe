import { expect, test } from '@playwright/test';
import { readFileSync, readdirSync } from 'node:fs';
import { fromJsonLines } from '../../src/trace/export';
import { nameTasks } from '../../src/trace/task-names';
import { TraceIndex } from '../../src/trace/trace-index';
import { shot } from './screenshot';

// Real runs of lessons, recorded under real tokio 1.24.2 by `npm run record` (tests/fixtures/recorded/README.md),
// opened through "Open trace…" and stepped through: the view says it is a recorded run, shows what tokio
// reported and marks what it does not report as not recorded.
const DIR = 'tests/fixtures/recorded';
const recordings = readdirSync(DIR).filter((f) => f.endsWith('.jsonl'));

test('recorded real runs of lessons open with "Open trace…" and step like a simulation', async ({ page }) => {
  test.setTimeout(180_000);
  expect(recordings.length).toBeGreaterThanOrEqual(3);
  await page.goto('/');
  await page.waitForSelector('[data-status="ready"]');
  const slider = page.getByRole('slider', { name: 'Timeline position' });
  const note = page.getByRole('region', { name: 'Recorded real run' });
  const stdout = page.getByRole('region', { name: 'Output' }).getByTestId('stdout');
  const runtime = page.getByRole('region', { name: 'Runtime' });
  const tasks = page.getByRole('region', { name: 'Tasks' });
  await expect(note).toHaveCount(0);

  for (const file of recordings) {
    const text = readFileSync(`${DIR}/${file}`, 'utf8');
    const { header, trace } = fromJsonLines(text);
    // Tasks are named as the program names them (`let slow = tokio::spawn(..)`), as the app does.
    const index = new TraceIndex(trace);
    while (!index.ingest(1_000_000));
    const names = nameTasks(header.source, index.tasksBySite());
    const lesson = file.replace(/\.jsonl$/, '').replace(/-/g, '_');
    const realStdout = readFileSync(`tests/conformance/lesson_${lesson}.stdout`, 'utf8');

    await page.getByLabel('Open a Pollscope trace file').setInputFiles(`${DIR}/${file}`);
    await expect(slider).toHaveAttribute('aria-valuemax', String(trace.length - 1));
    await expect(slider).toHaveAttribute('aria-valuenow', '-1');
    await expect(note).toContainText(`Recorded from a real run of tokio ${header.recorded!.tokio}`);
    await expect(runtime.getByTestId('queues-not-recorded')).toBeVisible();

    // Step forward event by event to the first poll of a spawned task: the caption says where it came from
    // is not recorded, and the task's future state is marked not recorded.
    const forward = page.getByRole('button', { name: 'Step forward' });
    let firstSpawnedPoll = -1;
    for (let i = 0; i < trace.length; i++) {
      const ev = trace.get(i);
      if (ev.kind === 'poll' && ev.task > 0 && ev.from === 'unrecorded') {
        firstSpawnedPoll = i;
        break;
      }
    }
    expect(firstSpawnedPoll, file).toBeGreaterThan(0);
    for (let i = 0; i <= firstSpawnedPoll; i++) await forward.click();
    await expect(slider).toHaveAttribute('aria-valuenow', String(firstSpawnedPoll));
    // The thread that polls it, by its real name.
    const pollThread = trace.get(firstSpawnedPoll).thread;
    await expect(runtime.getByTestId(`thread-${pollThread}`)).toContainText(/main|tokio-runtime-worker/);
    await expect(runtime.getByTestId(`thread-${pollThread}`)).toContainText('polling');
    const polled = (trace.get(firstSpawnedPoll) as { task: number }).task;
    await expect(page.getByText('(which queue it came from is not recorded)')).toBeVisible();
    await expect(tasks.getByTestId(`task-${polled}-state`)).toHaveText('running');
    await tasks
      .getByRole('button', { name: `Select ${names.get(polled) ?? `task ${polled}`}`, exact: true })
      .click();
    await expect(tasks.getByTestId(`task-${polled}-future-not-recorded`)).toBeVisible();

    // Back one step: the poll is undone.
    await page.getByRole('button', { name: 'Step back' }).click();
    await expect(tasks.getByTestId(`task-${polled}-state`)).not.toHaveText('running');

    // The end: everything the real program printed, and every spawned task finished.
    await slider.focus();
    await page.keyboard.press('End');
    await expect(stdout).toHaveText(realStdout);
    await expect(tasks.getByTestId(`task-${polled}-state`)).toHaveText(/complete|cancelled/);
    await tasks
      .getByRole('button', { name: `Select ${names.get(polled) ?? `task ${polled}`}`, exact: true })
      .click();
    if (file === 'two-tasks-and-a-sleep.jsonl') await shot(page, 'screenshots/recorded-run.png');
  }

  // Running a program again is a simulation: the note goes away.
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(note).toHaveCount(0);
});
