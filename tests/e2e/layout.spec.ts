// Every lesson, at 1280×800, 1920×1080 and 390×844, at each of its narrated moments: every region is a
// readable size, the narration is on screen, the code's current line is the one the event names, and the
// panels show what the caption says. The expected values (moments, lines, claims) are computed here in Node
// on the same run. Screenshots go to test-results/screens/ (ignored by git), one per lesson and size.
//
// Readable: at desktop sizes every region is at least 120 px tall and 200 px wide, inside the window, with
// no page scroll. 120 px is a panel header (30 px) plus four lines of text — a task with its state and line,
// two resources with their wakers, four lines of output; 200 px fits a task chip and its state on one line.
// On a phone the page scrolls: every region spans the width and takes its content's height (at least 80 px,
// nothing clipped unless it is most of a screen tall), and the narration of the moment sits in the
// transport dock fixed at the bottom of the screen.
import { expect, test, type Page } from '@playwright/test';
import { mkdirSync, readFileSync } from 'node:fs';
import { LineIndex } from '../../src/lang/diagnostics';
import { COURSE, type LessonText } from '../../src/lessons/course';
import { placeMoments } from '../../src/lessons/narration';
import { simulate } from '../../src/sim/simulate';
import type { TraceEvent } from '../../src/trace/events';
import { TraceStore } from '../../src/trace/store';
import { nameTasks } from '../../src/trace/task-names';
import { TraceIndex, eventSite } from '../../src/trace/trace-index';

const SHOTS = 'test-results/screens';
const REGIONS = ['Runtime', 'Tasks', 'Reactor', 'Output', 'Narration', 'Timeline'] as const;

interface Moment {
  step: number;
  text: string;
  event: TraceEvent;
  /** The line the event names in the code, or null. */
  line: number | null;
}

interface Plan {
  lesson: LessonText;
  steps: number;
  moments: Moment[];
  /** The screen's names of tasks: "slow" → 1. */
  names: Map<string, number>;
  index: TraceIndex;
}

function plan(lesson: LessonText): Plan {
  const source = readFileSync(`src/lessons/programs/${lesson.id}.rs`, 'utf8');
  const run = simulate(source, { profile: '1.24', seed: 1 });
  const index = new TraceIndex(TraceStore.from(run.trace));
  index.ingest();
  const { placed, missing } = placeMoments(run.trace, lesson.moments);
  expect(missing).toBe(-1);
  const lines = new LineIndex(source);
  const moments = placed.map((p) => {
    const event = run.trace.get(p.step);
    const site = eventSite(event);
    const line =
      event.kind === 'future-state'
        ? event.line > 0
          ? event.line
          : null
        : site >= 0
          ? lines.position(site).line
          : null;
    return { step: p.step, text: p.text, event, line };
  });
  const names = new Map([...nameTasks(source, index.tasksBySite())].map(([id, n]) => [n, id]));
  return { lesson, steps: run.trace.length, moments, names, index };
}

async function openLesson(page: Page, p: Plan) {
  await page.getByRole('combobox', { name: 'Lesson' }).selectOption(p.lesson.id);
  await expect(page.getByRole('slider', { name: 'Timeline position' })).toHaveAttribute(
    'aria-valuemax',
    String(p.steps - 1),
  );
  await page.waitForSelector('[data-status="ready"]');
  // The real editor, not the fallback textarea.
  await page.locator('[data-editor="codemirror"] .cm-content').waitFor();
}

async function goTo(page: Page, step: number) {
  const slider = page.getByRole('slider', { name: 'Timeline position' });
  await slider.fill(String(step));
  await expect(slider).toHaveAttribute('aria-valuenow', String(step));
}

/** Boxes of the regions, the window, and the narration text — measured in one go. */
async function measure(page: Page) {
  return page.evaluate(
    (regions) => {
      const box = (el: Element | null) => {
        if (!el) return null;
        const r = el.getBoundingClientRect();
        return {
          top: r.top,
          bottom: r.bottom,
          left: r.left,
          right: r.right,
          width: r.width,
          height: r.height,
        };
      };
      const region = (name: string) =>
        [...document.querySelectorAll('section[aria-labelledby]')].find(
          (s) => document.getElementById(s.getAttribute('aria-labelledby')!)?.textContent === name,
        ) ?? null;
      const text = document.querySelector('[data-testid="narration-text"]');
      const body = text?.closest('.panel-body') ?? null;
      return {
        vw: window.innerWidth,
        vh: window.innerHeight,
        pageScroll: document.documentElement.scrollHeight - window.innerHeight,
        regions: Object.fromEntries(regions.map((n) => [n, box(region(n))])),
        /** How much of each region's content is scrolled out of sight (content height − visible height). */
        hidden: Object.fromEntries(
          regions.map((n) => {
            const b = region(n)?.querySelector('.panel-body');
            return [n, b ? b.scrollHeight - b.clientHeight : 0];
          }),
        ),
        narration: box(text),
        narrationBody: box(body),
        dock: box(document.querySelector('[data-testid="dock-moment"]')),
        dockText: document.querySelector('[data-testid="dock-moment"]')?.textContent ?? null,
      };
    },
    REGIONS as unknown as string[],
  );
}

type Box = { top: number; bottom: number; left: number; right: number; width: number; height: number };
const inside = (b: Box, o: { top: number; bottom: number; left: number; right: number }) =>
  b.top >= o.top - 1 && b.bottom <= o.bottom + 1 && b.left >= o.left - 1 && b.right <= o.right + 1;

/** The panels show what the event at this step did (the caption's claim), read from the DOM. */
async function panelsAgree(page: Page, ev: TraceEvent, p: Plan, step: number) {
  const runtime = page.getByRole('region', { name: 'Runtime' });
  const reactor = page.getByRole('region', { name: 'Reactor' });
  switch (ev.kind) {
    case 'register': {
      const row = reactor.locator(`[data-resource="${ev.resource}"]`);
      const slot = ev.dir === '-' ? row : row.locator(`[data-slot="${ev.dir}"]`);
      await expect(slot.locator(`[data-task="${ev.task}"]`).first()).toBeAttached();
      break;
    }
    case 'schedule': {
      if (ev.where === 'main') break;
      const mt = p.index.at(step).threads.some((t) => t.role === 'worker');
      const id =
        ev.where === 'inject'
          ? 'inject-queue'
          : ev.where === 'lifo'
            ? `lifo-slot-${ev.core}`
            : ev.where === 'defer'
              ? mt
                ? `defer-list-${ev.core}`
                : 'defer-list'
              : mt
                ? `local-queue-${ev.core}`
                : 'local-queue';
      await expect(runtime.getByTestId(id).locator(`[data-task="${ev.task}"]`)).toBeAttached();
      break;
    }
    case 'poll':
      await expect(
        runtime.getByTestId(`thread-${ev.thread}`).locator(`[data-task="${ev.task}"]`),
      ).toBeAttached();
      break;
    case 'print':
      await expect(page.getByTestId(ev.stream === 'stdout' ? 'stdout' : 'stderr')).toContainText(
        ev.text.trimEnd().split('\n').at(-1)!,
      );
      break;
    case 'timer-arm':
      await expect(reactor.locator(`[data-resource="${ev.resource}"]`)).toContainText('fires at');
      break;
    case 'block':
    case 'park':
      await expect(runtime.getByTestId(`thread-${ev.thread}`)).toHaveClass(
        new RegExp(`status-${ev.kind === 'block' ? 'blocked' : 'parked'}`),
      );
      break;
    default:
      break;
  }
}

/** The moment's own claims about wakers and queues (`shows`), as the panels draw them. */
async function claimsShown(page: Page, p: Plan, k: number, step: number) {
  const view = p.index.at(step);
  const id = (name: string) =>
    name === 'main' ? 0 : /^task (\d+)$/.test(name) ? Number(name.slice(5)) : (p.names.get(name) ?? -1);
  const mt = view.threads.some((t) => t.role === 'worker');
  for (const c of p.lesson.moments[k]!.shows ?? []) {
    if ('waker' in c) {
      const task = id(c.waker);
      const r = view
        .resources(Infinity)
        .find((x) => x.slots.some((w) => w.task === task) && `${x.type} ${x.name}`.includes(c.in))!;
      const row = page.getByRole('region', { name: 'Reactor' }).locator(`[data-resource="${r.id}"]`);
      await expect(row.locator(`[data-task="${task}"]`).first()).toBeAttached();
    } else if ('queued' in c) {
      const task = id(c.queued);
      const q = view.queues.find((x) => (!c.where || x.kind === c.where) && x.tasks.includes(task))!;
      const testId =
        q.kind === 'inject'
          ? 'inject-queue'
          : `${q.kind === 'lifo' ? 'lifo-slot' : q.kind === 'defer' ? 'defer-list' : 'local-queue'}${mt ? `-${q.core}` : ''}`;
      const queue = page.getByRole('region', { name: 'Runtime' }).getByTestId(testId);
      await expect(queue.locator(`[data-task="${task}"]`)).toBeAttached();
    }
  }
}

for (const [w, h] of [
  [1280, 800],
  [1920, 1080],
  [390, 844],
] as const) {
  const phone = w < 700;
  test(`every lesson fits at ${w}×${h}: readable regions, narration on screen, the current line, panels agree`, async ({
    page,
  }) => {
    test.setTimeout(420_000);
    mkdirSync(SHOTS, { recursive: true });
    await page.setViewportSize({ width: w, height: h });
    await page.goto('/');
    await page.waitForSelector('[data-status="ready"]');
    for (const lesson of COURSE) {
      const p = plan(lesson);
      await openLesson(page, p);
      for (const [k, m] of p.moments.entries()) {
        const where = `${lesson.id} moment ${k} (step ${m.step}) at ${w}×${h}`;
        await goTo(page, m.step);
        await expect(page.getByTestId('narration-text'), where).toHaveText(m.text);
        const got = await measure(page);
        const screen = { top: 0, bottom: got.vh, left: 0, right: got.vw };
        for (const name of REGIONS) {
          const b = got.regions[name] as Box | null;
          expect(b, `${where}: ${name}`).not.toBeNull();
          if (phone) {
            // The page scrolls: a region spans the width and takes its content's height (up to most of
            // the screen), so nothing is squeezed.
            expect(b!.width, `${where}: ${name} width`).toBeGreaterThanOrEqual(got.vw - 24);
            expect(b!.height, `${where}: ${name} height`).toBeGreaterThanOrEqual(80);
            if (b!.height < 0.7 * got.vh)
              expect(got.hidden[name], `${where}: ${name} shows all its content`).toBeLessThanOrEqual(1);
          } else {
            expect(b!.height, `${where}: ${name} height`).toBeGreaterThanOrEqual(120);
            expect(b!.width, `${where}: ${name} width`).toBeGreaterThanOrEqual(200);
            expect(inside(b!, screen), `${where}: ${name} is inside the window`).toBe(true);
          }
        }
        if (phone) {
          // The moment's narration is on screen: in the Narration panel when it is in view, else in the
          // fixed dock above Play and Step.
          const inPanel = inside(got.narration!, screen) && inside(got.narration!, got.narrationBody!);
          if (!inPanel) {
            expect(got.dockText, where).toBe(m.text);
            expect(inside(got.dock!, screen), `${where}: the dock's narration is on screen`).toBe(true);
          }
          // Scrolled to the runtime, the dock carries it.
          await page.getByRole('region', { name: 'Runtime' }).evaluate((e) => e.scrollIntoView());
          const away = await measure(page);
          if (!inside(away.narration!, screen)) {
            expect(away.dockText, where).toBe(m.text);
            expect(inside(away.dock!, screen), `${where}: the dock's narration is on screen`).toBe(true);
          }
        } else {
          expect(got.pageScroll, `${where}: the page does not scroll`).toBeLessThanOrEqual(1);
          expect(inside(got.narration!, screen), `${where}: narration text on screen`).toBe(true);
          expect(inside(got.narration!, got.narrationBody!), `${where}: narration not scrolled away`).toBe(
            true,
          );
        }
        // The line the event names is the highlighted one (CodeMirror draws only lines in view: it is
        // scrolled into view as the current line moves).
        const current = page.locator('.cm-currentLine');
        if (m.line !== null)
          await expect(current, where).toHaveAttribute('data-current-line', String(m.line));
        await panelsAgree(page, m.event, p, m.step);
        await claimsShown(page, p, k, m.step);
        if (k === Math.floor(p.moments.length / 2))
          await page.screenshot({ path: `${SHOTS}/${lesson.id}-${w}x${h}.png` });
      }
    }
  });
}

// The other flavor: the current_thread lesson's Try it runs it on two workers (multi_thread). Its narration
// follows the lesson's own program, so the regions are checked at steps spread over the run.
for (const [w, h] of [
  [1280, 800],
  [1920, 1080],
] as const) {
  test(`the multi_thread variant of a lesson fits at ${w}×${h}`, async ({ page }) => {
    await page.setViewportSize({ width: w, height: h });
    await page.goto('/');
    await page.waitForSelector('[data-status="ready"]');
    const lesson = COURSE.find((l) => l.id === 'two-schedulers')!;
    await page.getByRole('combobox', { name: 'Lesson' }).selectOption(lesson.id);
    await page.waitForSelector('[data-status="ready"]');
    await page.getByRole('button', { name: 'Try it' }).click();
    await page.waitForSelector('[data-status="ready"]');
    await expect(page.getByRole('region', { name: 'Runtime' })).toContainText('multi_thread · 2 workers');
    const max = Number(
      await page.getByRole('slider', { name: 'Timeline position' }).getAttribute('aria-valuemax'),
    );
    for (const step of [0, Math.floor(max / 4), Math.floor(max / 2), Math.floor((3 * max) / 4), max]) {
      await goTo(page, step);
      const got = await measure(page);
      const screen = { top: 0, bottom: got.vh, left: 0, right: got.vw };
      expect(got.pageScroll).toBeLessThanOrEqual(1);
      for (const name of REGIONS) {
        const b = got.regions[name] as Box;
        expect(b.height, `step ${step}: ${name} height`).toBeGreaterThanOrEqual(120);
        expect(b.width, `step ${step}: ${name} width`).toBeGreaterThanOrEqual(200);
        expect(inside(b, screen), `step ${step}: ${name} is inside the window`).toBe(true);
      }
      expect(inside(got.narration!, screen)).toBe(true);
    }
    await page.screenshot({ path: `${SHOTS}/two-schedulers-multi-thread-${w}x${h}.png` });
  });
}
