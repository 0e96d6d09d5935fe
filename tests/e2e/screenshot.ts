// Screenshots the browser tests take. A test run writes them under test-results/screenshots/ (ignored by
// git), so `npm test` never changes a tracked file; `npm run screenshots` sets PW_SCREENSHOTS=docs and the
// same tests refresh the README's pictures under docs/.
import type { Page, PageScreenshotOptions } from '@playwright/test';
import { join } from 'node:path';

const ROOT = process.env.PW_SCREENSHOTS === 'docs' ? 'docs' : join('test-results', 'screenshots');

/** `name` is the picture's path under docs/ (e.g. `screenshots/dark.png`). */
export function shot(page: Page, name: string, options: Omit<PageScreenshotOptions, 'path'> = {}) {
  return page.screenshot({ ...options, path: join(ROOT, name) });
}
