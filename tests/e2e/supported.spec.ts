// A program that uses std API Pollscope lacks is refused with a hint naming docs/supported.md; in the app that
// hint links to supported.html, the generated page served beside the app (`npm run docs:supported`).
import { expect, test } from '@playwright/test';
import { DEFAULT_SHARE, encodeState } from '../../src/ui/share/link';

const PROGRAM = `fn main() {
    std::os::unix::fs::symlink("a", "b").unwrap();
}
`;

test('a refused std path links to the page of what Pollscope supports, and the page is served', async ({
  page,
}) => {
  const pageErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await page.goto('/#' + encodeState({ ...DEFAULT_SHARE, source: PROGRAM }));
  const list = page.locator('ul.diagnostics');
  await expect(list).toContainText('`std::os::unix::fs::symlink` is not supported by Pollscope yet');
  const link = list.getByRole('link', { name: 'docs/supported.md' });
  await expect(link).toHaveAttribute('href', './supported.html');
  const href = await link.getAttribute('href');
  await page.goto(new URL(href!, page.url()).href);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('What Pollscope supports');
  await expect(page.getByRole('heading', { name: 'tokio::sync', exact: true })).toBeVisible();
  expect(pageErrors).toEqual([]);
});
