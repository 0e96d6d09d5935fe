import { defineConfig } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { CHROMIUM_ARGS, findChromium } from './scripts/chromium.mjs';

const executablePath: string | null = findChromium();

/**
 * The preview server's port. `npm run test:e2e` (scripts/playwright.mjs) picks a free one and passes it in
 * PW_PORT, so two suites on one machine never collide. Run as plain `npx playwright test`, the first
 * process that reads this file picks one and puts it in its environment: Playwright's worker processes are
 * forked from it and inherit PW_PORT, so they read the same port when they evaluate this file again.
 */
function port(): number {
  const given = process.env.PW_PORT;
  if (given && /^\d+$/.test(given)) return Number(given);
  const script = fileURLToPath(new URL('./scripts/free-port.mjs', import.meta.url));
  const picked = execFileSync(process.execPath, [script], { encoding: 'utf8' }).trim();
  process.env.PW_PORT = picked;
  return Number(picked);
}
const PORT = port();

export default defineConfig({
  testDir: 'tests/e2e',
  // Safety nets against hangs, not measurements (no test asserts how long anything took): generous, so the
  // suite passes on a 2-core machine while another `npm test` runs beside it.
  timeout: 120_000,
  expect: { timeout: 30_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list']],
  outputDir: 'test-results',
  use: {
    baseURL: `http://127.0.0.1:${PORT}/`,
    browserName: 'chromium',
    launchOptions: executablePath ? { executablePath, args: CHROMIUM_ARGS } : { args: CHROMIUM_ARGS },
    viewport: { width: 1360, height: 860 },
    trace: 'off',
  },
  // The tests drive the real production build, served statically.
  webServer: {
    command: `npx vite build --logLevel warn && npx vite preview --port ${PORT} --strictPort --host 127.0.0.1`,
    url: `http://127.0.0.1:${PORT}/`,
    reuseExistingServer: false,
    timeout: 120_000,
  },
});
