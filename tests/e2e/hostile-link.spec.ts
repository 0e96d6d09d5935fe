// Issue 14: an unbounded channel filled with `vec![i; 1000]` in a loop, opened as a permalink, once grew the
// worker past 700 MB and crashed the tab. With the memory budget (Limits.maxMemory, 256 MB by default and
// the most a link may ask for) the worker stops it: the page shows the memory limit and the line, stays
// usable, and the tab does not crash. Runs against the production build in real Chromium.
import { expect, test } from '@playwright/test';
import { DEFAULT_SHARE, encodeState } from '../../src/ui/share/link';

const CHANNEL_FLOOD = `#[tokio::main(flavor = "current_thread")]
async fn main() {
    let (tx, mut rx) = tokio::sync::mpsc::unbounded_channel();
    let mut i = 0u64;
    loop {
        tx.send(vec![i; 1000]).unwrap();
        i += 1;
    }
    #[allow(unreachable_code)]
    rx.recv().await;
}
`;

test('a permalink that floods an unbounded channel ends in the memory limit, and the tab survives', async ({
  page,
}) => {
  test.setTimeout(300_000);
  const pageErrors: string[] = [];
  let crashed = false;
  page.on('pageerror', (e) => pageErrors.push(e.message));
  page.on('crash', () => (crashed = true));
  await page.goto('/#' + encodeState({ ...DEFAULT_SHARE, source: CHANNEL_FLOOD }));
  await page.waitForSelector('[data-status="ready"]', { timeout: 240_000 });
  const banner = page.locator('.banner.limit');
  await expect(banner).toContainText('memory limit');
  await expect(banner).toContainText('256 MB');
  // The line that sent the value that did not fit: `tx.send(...)`, as the CLI says it (`6:17`).
  await expect(banner).toContainText('line 6:17');
  await expect(page.getByRole('alert')).toHaveCount(0);
  // Still a run to step through, and the page answers.
  const slider = page.getByRole('slider', { name: 'Timeline position' });
  await expect(slider).toBeEnabled();
  await slider.fill('10');
  await expect(slider).toHaveAttribute('aria-valuenow', '10');
  expect(crashed).toBe(false);
  expect(pageErrors).toEqual([]);
});

test('hostile strings and formats in a link end in words, never "The simulator failed"', async ({ page }) => {
  test.setTimeout(240_000);
  const pageErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  const main = (body: string) => `#[tokio::main(flavor = "current_thread")]\nasync fn main() {\n${body}\n}\n`;
  const cases: [string, string, string][] = [
    ['"x".repeat(1 << 30)', main('    let s = "x".repeat(1 << 30);\n    println!("{}", s.len());'), 'limit'],
    [
      'format! doubling',
      main('    let mut s = String::from("ab");\n    loop {\n        s = format!("{}{}", s, s);\n    }'),
      'limit',
    ],
    [
      '{:>1$} of 1e9',
      main('    let s = format!("{:>1$}", "x", 1_000_000_000);\n    println!("{}", s.len());'),
      'panicked',
    ],
    ['{:.101}', main('    println!("{:.101}", 1.5f64);'), 'completed'],
  ];
  for (const [name, source, kind] of cases) {
    await page.goto('about:blank');
    await page.goto('/#' + encodeState({ ...DEFAULT_SHARE, source }));
    await page.waitForSelector('[data-status="ready"]', { timeout: 120_000 });
    if (kind === 'completed')
      await expect(page.locator('.banner.limit, .banner.panicked'), name).toHaveCount(0);
    else await expect(page.locator(`.banner.${kind}`), name).toHaveCount(1);
    await expect(page.locator('body'), name).not.toContainText('The simulator failed');
    await expect(page.getByRole('alert'), name).toHaveCount(0);
  }
  expect(pageErrors).toEqual([]);
});
