/**
 * Figures measured in headless Chromium against the production build: first-load JavaScript, and the
 * delivery of a large run from the worker to the UI (Run pressed → last step shown).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { chromium, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, findChromium } from '../scripts/chromium.mjs';
import { manyTasksProgram } from './programs';

const PORT = 4199;

/** Gzip size of the JavaScript the page loads before any lazy chunk (scripts referenced by index.html). */
export function firstLoadJsGzip(): number {
  const html = readFileSync('dist/index.html', 'utf8');
  const scripts = [...html.matchAll(/(?:src|href)="\.?\/?(assets\/[^"]+\.js)"/g)].map((m) => m[1]!);
  return scripts.reduce((n, s) => n + gzipSync(readFileSync(`dist/${s}`)).length, 0);
}

export function lazyJsFiles(): string[] {
  return readdirSync('dist/assets').filter((f) => f.endsWith('.js'));
}

async function startPreview(): Promise<ChildProcess> {
  // Vite itself, not through npx: killing npx would leave the preview server running.
  const server = spawn(
    process.execPath,
    [
      'node_modules/vite/bin/vite.js',
      'preview',
      '--port',
      String(PORT),
      '--strictPort',
      '--host',
      '127.0.0.1',
    ],
    { stdio: 'ignore' },
  );
  for (let i = 0; i < 100; i++) {
    try {
      const r = await fetch(`http://127.0.0.1:${PORT}/`);
      if (r.ok) return server;
    } catch {
      // not up yet
    }
    await new Promise((res) => setTimeout(res, 100));
  }
  server.kill();
  throw new Error('vite preview did not start');
}

export interface BrowserFigures {
  deliveryMs: number[];
  events: number;
  /** Navigation → the default lesson simulated and shown. */
  interactiveMs: number[];
  /** p95 of frame intervals while dragging the timeline slider across the whole run. */
  scrubP95FrameMs: number[];
  /** Main-thread time of one Step forward (Event Timing: processing start → end, rendering included). */
  stepMs: number[];
  /** p95, over STEP_SAMPLES steps, of Step forward → the next frame rendered with it. */
  stepFrameP95Ms: number[];
  /** The same while two other processes keep the machine's cores busy. */
  stepFrameLoadedP95Ms: number[];
  /** Scrubbing's p95 frame interval while two other processes keep the cores busy. */
  scrubLoadedP95FrameMs: number[];
}

/** Steps per next-frame measurement (the p95 of these is one run's figure). */
const STEP_SAMPLES = 40;

/** Runs a program of about `targetEvents` events in the page and times Run → last step on screen. */
export async function measureDelivery(targetEvents: number, runs: number): Promise<BrowserFigures> {
  const server = await startPreview();
  const executablePath: string | null = findChromium();
  const browser = await chromium.launch({
    ...(executablePath ? { executablePath } : {}),
    args: CHROMIUM_ARGS,
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1360, height: 860 } });
    const interactive: number[] = [];
    for (let i = 0; i < runs; i++) {
      const t0 = Date.now();
      await page.goto(`http://127.0.0.1:${PORT}/?t=${i}`);
      await page.waitForSelector('[data-status="ready"]');
      interactive.push(Date.now() - t0);
    }
    const program = manyTasksProgram(Math.round(targetEvents / 59));
    const times: number[] = [];
    const scrub: number[] = [];
    const steps: number[] = [];
    const stepFrames: number[] = [];
    const stepFramesLoaded: number[] = [];
    const scrubLoaded: number[] = [];
    let events = 0;
    for (let i = 0; i < runs; i++) {
      await page.getByRole('textbox', { name: 'Rust source' }).fill(program);
      const t0 = Date.now();
      await page.getByRole('button', { name: 'Run', exact: true }).click();
      await page.waitForSelector('[data-status="ready"]', { timeout: 300_000 });
      const slider = page.getByRole('slider', { name: 'Timeline position' });
      await page.getByRole('button', { name: 'Jump to end' }).click();
      await page.getByTestId('stdout').filter({ hasText: 'sum = ' }).waitFor({ timeout: 300_000 });
      times.push(Date.now() - t0);
      events = Number(await slider.getAttribute('aria-valuemax')) + 1;
      scrub.push(await scrubFrames(page));
      steps.push(await stepCost(page));
      stepFrames.push(await stepToFrame(page));
      const load = busyProcesses(2);
      try {
        stepFramesLoaded.push(await stepToFrame(page));
        scrubLoaded.push(await scrubFrames(page));
      } finally {
        for (const p of load) p.kill();
      }
    }
    return {
      deliveryMs: times,
      events,
      interactiveMs: interactive,
      scrubP95FrameMs: scrub,
      stepMs: steps,
      stepFrameP95Ms: stepFrames,
      stepFrameLoadedP95Ms: stepFramesLoaded,
      scrubLoadedP95FrameMs: scrubLoaded,
    };
  } finally {
    await browser.close();
    server.kill();
  }
}

/** Drags the slider thumb from one end to the other and returns the p95 interval between frames. */
async function scrubFrames(page: Page): Promise<number> {
  const slider = page.getByRole('slider', { name: 'Timeline position' });
  const box = (await slider.boundingBox())!;
  // Page scripts are strings: tsx/esbuild would wrap inline functions with a `__name` helper the page lacks.
  await page.evaluate(`(() => {
    window.__frames = [];
    window.__stop = false;
    let last = performance.now();
    const tick = (t) => {
      window.__frames.push(t - last);
      last = t;
      if (!window.__stop) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  })()`);
  const y = box.y + box.height / 2;
  await page.mouse.move(box.x + 2, y);
  await page.mouse.down();
  for (let i = 0; i <= 60; i++) {
    await page.mouse.move(box.x + 2 + ((box.width - 4) * i) / 60, y);
    await page.waitForTimeout(16);
  }
  await page.mouse.up();
  const frames = (await page.evaluate(
    `(() => { window.__stop = true; return window.__frames.slice(2); })()`,
  )) as number[];
  const sorted = frames.sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length * 0.95)] ?? 0;
}

/**
 * The main-thread work of one Step forward: the click (React renders synchronously for a discrete event),
 * a forced style/layout, and the next frame's animation callbacks (the timeline redraw). Median of 15.
 */
async function stepCost(page: Page): Promise<number> {
  await page.getByRole('button', { name: 'Jump to start' }).click();
  const xs = (await page.evaluate(`(async () => {
    const button = [...document.querySelectorAll('button')].find((b) => b.getAttribute('aria-label') === 'Step forward');
    const out = [];
    for (let i = 0; i < 15; i++) {
      await new Promise((r) => setTimeout(r, 30));
      const t0 = performance.now();
      button.click();
      void document.body.offsetHeight;
      const t1 = performance.now();
      // Our callback is queued after the timeline's redraw: it starts when that work is done.
      const frameWork = await new Promise((r) => requestAnimationFrame((ts) => r(performance.now() - ts)));
      out.push(t1 - t0 + frameWork);
    }
    return out;
  })()`)) as number[];
  const s = xs.sort((a, b) => a - b);
  return s[s.length >> 1] ?? 0;
}

/** `n` processes that spin on a core each until killed: the machine under load. */
function busyProcesses(n: number): ChildProcess[] {
  return Array.from({ length: n }, () => spawn(process.execPath, ['-e', 'for (;;) {}'], { stdio: 'ignore' }));
}

/**
 * Step forward → the next frame with the step on screen: from just before the click to the first task
 * after that frame's rendering (a message posted from its animation-frame callback runs once the frame is
 * painted). p95 over STEP_SAMPLES steps from the start of the run, a little apart like a person clicking.
 */
async function stepToFrame(page: Page): Promise<number> {
  await page.getByRole('button', { name: 'Jump to start' }).click();
  const xs = (await page.evaluate(`(async () => {
    const button = [...document.querySelectorAll('button')].find((b) => b.getAttribute('aria-label') === 'Step forward');
    const out = [];
    for (let i = 0; i < ${STEP_SAMPLES}; i++) {
      await new Promise((r) => setTimeout(r, 40));
      const t0 = performance.now();
      button.click();
      await new Promise((r) => requestAnimationFrame(() => {
        const ch = new MessageChannel();
        ch.port1.onmessage = () => r();
        ch.port2.postMessage(0);
      }));
      out.push(performance.now() - t0);
    }
    return out;
  })()`)) as number[];
  const s = xs.sort((a, b) => a - b);
  return s[Math.floor(s.length * 0.95)] ?? 0;
}
