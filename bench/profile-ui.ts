/**
 * `npx tsx bench/profile-ui.ts [scrub|step]`: a CPU profile of the page while scrubbing (or stepping) a 1M-event
 * run, summarised as self time per function. A diagnostic for finding where frames go, not a figure.
 */
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, findChromium } from '../scripts/chromium.mjs';
import { manyTasksProgram } from './programs';

const PORT = 4198;
const mode = process.argv[2] ?? 'scrub';
const server = spawn(
  process.execPath,
  ['node_modules/vite/bin/vite.js', 'preview', '--port', String(PORT), '--strictPort', '--host', '127.0.0.1'],
  {
    stdio: 'ignore',
  },
);
await new Promise((r) => setTimeout(r, 1500));
const executablePath = findChromium();
const browser = await chromium.launch({ ...(executablePath ? { executablePath } : {}), args: CHROMIUM_ARGS });
try {
  const page = await browser.newPage({ viewport: { width: 1360, height: 860 } });
  await page.goto(`http://127.0.0.1:${PORT}/`);
  await page.waitForSelector('[data-status="ready"]');
  await page.getByRole('textbox', { name: 'Rust source' }).fill(manyTasksProgram(Math.round(1_000_000 / 59)));
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await page.waitForSelector('[data-status="ready"]', { timeout: 300_000 });
  await page.getByRole('button', { name: 'Jump to end' }).click();
  await page.getByTestId('stdout').filter({ hasText: 'sum = ' }).waitFor({ timeout: 300_000 });
  if (process.env.CSS) await page.addStyleTag({ content: process.env.CSS });
  const cdp = await page.context().newCDPSession(page);
  const events: Record<string, unknown>[] = [];
  cdp.on('Tracing.dataCollected', (d: { value: Record<string, unknown>[] }) => void events.push(...d.value));
  await cdp.send('Tracing.start', {
    categories: 'devtools.timeline,disabled-by-default-devtools.timeline,blink,cc,v8.execute',
    transferMode: 'ReportEvents',
  });
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  if (mode === 'scrub') {
    const slider = page.getByRole('slider', { name: 'Timeline position' });
    const box = (await slider.boundingBox())!;
    const y = box.y + box.height / 2;
    await page.mouse.move(box.x + 2, y);
    await page.mouse.down();
    for (let i = 0; i <= 60; i++) {
      await page.mouse.move(box.x + 2 + ((box.width - 4) * i) / 60, y);
      await page.waitForTimeout(16);
    }
    await page.mouse.up();
  } else {
    // Clicked from inside the page, as bench/browser.ts's stepCost does: Playwright's own clicks check
    // actionability (hit tests, forced layouts) and would dominate the profile.
    await page.getByRole('button', { name: 'Jump to start' }).click();
    await page.evaluate(`(async () => {
      const button = [...document.querySelectorAll('button')].find((b) => b.getAttribute('aria-label') === 'Step forward');
      for (let i = 0; i < 30; i++) {
        await new Promise((r) => setTimeout(r, 30));
        button.click();
        void document.body.offsetHeight;
        await new Promise((r) => requestAnimationFrame(r));
      }
    })()`);
  }
  const { profile } = await cdp.send('Profiler.stop');
  const done = new Promise((r) => cdp.once('Tracing.tracingComplete', r));
  await cdp.send('Tracing.end');
  await done;
  const byName = new Map<string, [number, number]>();
  for (const e of events as { ph?: string; dur?: number; name: string; tid: number }[]) {
    if (e.ph !== 'X' || !e.dur) continue;
    const k = `${e.name} tid${e.tid}`;
    const v = byName.get(k) ?? [0, 0];
    v[0] += e.dur;
    v[1]++;
    byName.set(k, v);
  }
  for (const [k, [d, n]] of [...byName].sort((a, b) => b[1][0] - a[1][0]).slice(0, 30))
    console.log((d / 1000).toFixed(1).padStart(8), 'ms', String(n).padStart(5), k);
  const layouts = (events as { name: string; ph?: string; dur?: number; args?: unknown }[]).filter(
    (e) => e.name === 'Layout' && e.ph === 'X',
  );
  for (const e of layouts.slice(20, 23)) console.log(e.dur, JSON.stringify(e.args).slice(0, 1200));
  console.log('---');
  writeFileSync(`/tmp/prof/${mode}.cpuprofile`, JSON.stringify(profile));
  const self = new Map<string, number>();
  const dt = new Map<number, number>();
  profile.samples!.forEach((id, i) => dt.set(id, (dt.get(id) ?? 0) + (profile.timeDeltas![i] ?? 0)));
  for (const n of profile.nodes) {
    const cf = n.callFrame;
    const key = `${cf.functionName || '(anon)'} ${cf.url.split('/').pop()}:${cf.lineNumber}`;
    self.set(key, (self.get(key) ?? 0) + (dt.get(n.id) ?? 0));
  }
  const rows = [...self].sort((a, b) => b[1] - a[1]).slice(0, 40);
  for (const [k, v] of rows) console.log((v / 1000).toFixed(1).padStart(8), 'ms', k);
} finally {
  await browser.close();
  server.kill();
}
