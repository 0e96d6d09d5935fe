// Deadlocks explained as a graph (issue 17): two tasks taking two locks in opposite orders. The report
// draws the wait-for cycle (who holds which lock, who waits for which) and says it in words, with the
// program's names for the locks (`a`, `b`) and the tasks (`left`, `right`).
import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { shot } from './screenshot';

test('a deadlock shows its wait-for cycle, drawn and in words, named as the program names things', async ({
  page,
}) => {
  await page.goto('/');
  await page.waitForSelector('[data-status="ready"]');
  await page
    .getByRole('textbox', { name: 'Rust source' })
    .fill(readFileSync('tests/fixtures/deadlock/two-locks.rs', 'utf8'));
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await page.waitForSelector('[data-status="ready"]');
  const report = page.getByTestId('deadlock-report');
  await expect(report).toBeVisible();
  await expect(page.getByTestId('deadlock-words').getByRole('listitem')).toHaveText([
    'main waits for left to finish.',
    'left holds a and waits for b (held by right).',
    'right holds b and waits for a (held by left).',
    'left and right each wait for something another of them holds: none of them can ever go on.',
  ]);
  const graph = page.getByRole('img', { name: /^Wait-for graph:/ });
  await expect(graph).toBeVisible();
  await expect(graph).toHaveAccessibleName(/left waits for b/);
  await expect(graph).toHaveAccessibleName(/b is held by right/);
  await expect(graph).toHaveAccessibleName(/right waits for a/);
  await expect(graph).toHaveAccessibleName(/a is held by left/);
  // Drawn: a node per task and lock, the four edges of the cycle marked as such.
  for (const name of ['left', 'right', 'a', 'b', 'main'])
    await expect(graph.locator(`[data-node="${name}"]`)).toHaveCount(1);
  await expect(graph.locator('.wf-edge.cycle')).toHaveCount(4);
  // Nodes do not overlap one another.
  const boxes = await graph.locator('.wf-node rect').evaluateAll((rs) =>
    rs.map((r) => {
      const b = r.getBoundingClientRect();
      return { l: b.left, r: b.right, t: b.top, b: b.bottom };
    }),
  );
  for (let i = 0; i < boxes.length; i++)
    for (let j = i + 1; j < boxes.length; j++) {
      const a = boxes[i]!;
      const c = boxes[j]!;
      expect(a.r <= c.l || c.r <= a.l || a.b <= c.t || c.b <= a.t, `nodes ${i} and ${j} overlap`).toBe(true);
    }
  // The simulator's own report is still there, folded.
  await expect(report.getByText('The simulator’s report')).toBeVisible();
  await shot(page, 'screenshots/deadlock.png');
  await shot(page, 'screenshots/deadlock-report.png', { clip: (await report.boundingBox())! });
});
