/**
 * Figures measured in headless Chromium against the production build: first-load JavaScript, and the
 * delivery of a large run from the worker to the UI (Run pressed → last step shown).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
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
  const server = spawn(
    'npx',
    ['vite', 'preview', '--port', String(PORT), '--strictPort', '--host', '127.0.0.1'],
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
}

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
    await page.goto(`http://127.0.0.1:${PORT}/`);
    await page.waitForSelector('[data-status="ready"]');
    const program = manyTasksProgram(Math.round(targetEvents / 59));
    const times: number[] = [];
    let events = 0;
    for (let i = 0; i < runs; i++) {
      await page.getByRole('textbox', { name: 'Rust source' }).fill(program);
      const t0 = Date.now();
      await page.getByRole('button', { name: 'Run' }).click();
      await page.waitForSelector('[data-status="ready"]', { timeout: 300_000 });
      const slider = page.getByRole('slider', { name: 'Timeline position' });
      await page.getByRole('button', { name: 'Jump to end' }).click();
      await page.getByTestId('stdout').filter({ hasText: 'sum = ' }).waitFor({ timeout: 300_000 });
      times.push(Date.now() - t0);
      events = Number(await slider.getAttribute('aria-valuemax')) + 1;
    }
    return { deliveryMs: times, events };
  } finally {
    await browser.close();
    server.kill();
  }
}
