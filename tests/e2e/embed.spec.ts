// The embed from the outside: the built dist/ served by a plain static server under a sub-path, framed by
// docs/embed-example.html on another origin and driven through postMessage, the <pollscope-view> element,
// hostile messages, and the compact chrome in a 360 px frame. (The webServer of playwright.config.ts has
// built dist/ before any test runs.)
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { readFileSync, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize as normalizePath } from 'node:path';
import type { AddressInfo } from 'node:net';
import { simulate } from '../../src/sim/simulate';
import { headersFor, shippedHeaders, type HeaderRule } from '../headers-file';
import { DEFAULT_SHARE, encodeState } from '../../src/ui/share/link';
import { shot } from './screenshot';

const SUB = '/deep/sub/path/';
const TYPES: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.map': 'application/json',
  '.wasm': 'application/wasm',
};
let app: Server;
let host: Server;
let appOrigin = '';
let hostOrigin = '';

/**
 * While true, the app's host answers 503 for the simulation worker's script: a real way for the worker to
 * die (its script does not load), with nothing in the app replaced.
 */
let workerUnavailable = false;

/**
 * A static host knowing nothing about Pollscope: files under `prefix`, 404 for anything else. With `rules`,
 * it answers with the headers of that `_headers` file (as Netlify or Cloudflare Pages would, the app being
 * at the site's root there), and nothing else; without, with the CORS header GitHub Pages sends everywhere.
 */
function staticServer(
  root: string,
  prefix: string,
  extra: Record<string, string> = {},
  rules: HeaderRule[] | null = null,
): Promise<Server> {
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    if (workerUnavailable && /\/sim\.worker-[^/]*\.js$/.test(path)) return void res.writeHead(503).end();
    if (extra[path] !== undefined) {
      res.writeHead(200, { 'content-type': 'text/html' }).end(extra[path]);
      return;
    }
    if (!path.startsWith(prefix)) return void res.writeHead(404).end();
    let file = normalizePath(join(root, path.slice(prefix.length)));
    if (!file.startsWith(root)) return void res.writeHead(403).end();
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!existsSync(file)) return void res.writeHead(404).end();
    const headers: Record<string, string | string[]> = rules
      ? Object.fromEntries(headersFor(rules, path.slice(prefix.length - 1)))
      : { 'access-control-allow-origin': '*' }; // module scripts from another origin need CORS
    res.writeHead(200, { ...headers, 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    res.end(readFileSync(file));
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

const ELEMENT_PAGE = (script: string) => `<!doctype html><html lang="en"><head><title>Element host</title>
${script}</head><body>
<pollscope-view lesson="two-tasks-and-a-sleep" step="5" label="Pollscope: two tasks"></pollscope-view>
</body></html>`;

/** Rust text that HTML would love to eat: end tags, a comment, markup, entities, generics, `&&`. */
const HOSTILE = `#[tokio::main(flavor = "current_thread")]
async fn main() {
    let v: Vec<u8> = vec![1, 2];
    let notify = 3;
    let r = &notify;
    println!("</script> </template> <!-- x --> <img src=x onerror=\\"window.pwned=1\\"> {} {}", v.len() > 1 && true, *r);
    println!("&amp; &lt; &notify; &times &para; a<b && c>d");
}
`;
/** What the README tells authors to do with a program inside <template>: `&` → `&amp;`, `<` → `&lt;`. */
const escapeForTemplate = (rust: string) => rust.replaceAll('&', '&amp;').replaceAll('<', '&lt;');

const PROGRAM_CHILD_PAGE = (
  script: string,
) => `<!doctype html><html lang="en"><head><title>Program children</title>
${script}</head><body>
<pollscope-view id="escaped" show-code label="Escaped template"><template>
${escapeForTemplate(HOSTILE)}</template></pollscope-view>
<pollscope-view id="unescaped" height="80px" label="Unescaped template"><template>
#[tokio::main(flavor = "current_thread")]
async fn main() { let v: Vec<u8> = Vec::new(); println!("{}", v.len()); }
</template></pollscope-view>
<pollscope-view id="old-ok" height="80px" label="Old form"><script type="text/rust">
#[tokio::main(flavor = "current_thread")]
async fn main() { println!("{}", 1 < 2 && 3 > 2); }
</script></pollscope-view>
<pollscope-view id="old-cut" height="80px" label="Old form, cut short"><script type="text/rust">
#[tokio::main(flavor = "current_thread")]
async fn main() { println!("</script><b id=leaked>leaked</b>"); }
</script></pollscope-view>
</body></html>`;

test.beforeAll(async () => {
  // The app's host sends the headers Pollscope ships for Netlify and Cloudflare Pages (public/_headers):
  // the embed must still work from another origin under its frame-ancestors and CORS rules.
  app = await staticServer(join(process.cwd(), 'dist'), SUB, {}, shippedHeaders());
  appOrigin = `http://127.0.0.1:${(app.address() as AddressInfo).port}`;
  const script = `<script type="module" src="${appOrigin}${SUB}pollscope-view.js"></script>`;
  host = await staticServer(join(process.cwd(), 'docs'), '/docs/', {
    '/element.html': ELEMENT_PAGE(script),
    '/program-child.html': PROGRAM_CHILD_PAGE(script),
  });
  // localhost vs 127.0.0.1: the host page and the frame are different origins, as on a real course page.
  hostOrigin = `http://localhost:${(host.address() as AddressInfo).port}`;
});
test.afterAll(() => {
  app.close();
  host.close();
});

async function recordMessages(page: Page) {
  await page.addInitScript(() => {
    const w = window as unknown as { __msgs: unknown[] };
    w.__msgs = [];
    window.addEventListener('message', (e) => w.__msgs.push(e.data));
  });
  return () =>
    page.evaluate(
      () => (window as unknown as { __msgs: { type: string; step?: number; steps?: number }[] }).__msgs,
    );
}

test('the built app works from a sub-path of a plain static host', async ({ page }) => {
  await page.goto(
    `${appOrigin}${SUB}#` + encodeState({ ...DEFAULT_SHARE, lessonId: 'two-tasks-and-a-sleep', step: 9 }),
  );
  await page.waitForSelector('[data-status="ready"]');
  await expect(page.getByRole('slider', { name: 'Timeline position' })).toHaveAttribute('aria-valuenow', '9');
  await page.getByRole('button', { name: 'Share' }).click();
  const snippet = await page.getByLabel('Embed snippet').inputValue();
  expect(snippet).toContain(`src="${appOrigin}${SUB}embed.html#v1.`);
});

test('a host page drives the embed through postMessage (ready, goto, play, pause, step, load)', async ({
  page,
}) => {
  const messages = await recordMessages(page);
  await page.goto(
    `${hostOrigin}/docs/embed-example.html?pollscope=${encodeURIComponent(appOrigin + SUB + 'embed.html')}`,
  );
  const frame = page.frameLocator('#pollscope');
  const slider = frame.getByRole('slider', { name: 'Timeline position' });
  await expect.poll(async () => (await messages()).find((m) => m.type === 'pollscope:ready')).toBeTruthy();
  const steps = (await messages()).find((m) => m.type === 'pollscope:ready')!.steps!;
  expect(steps).toBeGreaterThan(20);
  // The embed has compact chrome: no topbar, no code, a way out to the full page.
  await expect(frame.getByRole('link', { name: 'Open in Pollscope' })).toBeVisible();
  await expect(frame.getByRole('button', { name: 'Share' })).toBeHidden();
  await expect(frame.getByRole('textbox', { name: 'Rust source' })).toBeHidden();

  await page.getByRole('button', { name: 'Go to the middle' }).click();
  const middle = Math.floor(steps / 2);
  await expect(slider).toHaveAttribute('aria-valuenow', String(middle));
  await expect(page.locator('#status')).toHaveText(`At step ${middle} of ${steps - 1}`);
  expect((await messages()).some((m) => m.type === 'pollscope:step' && m.step === middle)).toBe(true);

  await page.getByRole('button', { name: 'Play' }).click();
  await expect
    .poll(async () => Number(await slider.getAttribute('aria-valuenow')))
    .toBeGreaterThan(middle + 2);
  await page.getByRole('button', { name: 'Pause' }).click();
  await expect(frame.getByRole('button', { name: 'Play' })).toBeVisible();
  const paused = Number(await slider.getAttribute('aria-valuenow'));
  await page.waitForTimeout(400);
  expect(Number(await slider.getAttribute('aria-valuenow'))).toBe(paused);

  // Hostile and malformed messages change nothing and run nothing.
  const post = (m: unknown) =>
    page.evaluate(
      ([m, origin]) =>
        (document.getElementById('pollscope') as HTMLIFrameElement).contentWindow!.postMessage(
          m,
          origin as string,
        ),
      [m, appOrigin] as const,
    );
  for (const m of [
    { type: 'pollscope:goto', step: '3' },
    { type: 'pollscope:goto', step: 1e12 },
    { type: 'pollscope:goto' },
    { type: 'pollscope:eval', code: 'window.pwned = 1' },
    { type: 'pollscope:load', source: 42 },
    'pollscope:play',
    '<img src=x onerror="window.pwned=1">',
    [1, 2, 3],
    null,
    { type: 'pollscope:play', __proto__: { step: 1 } },
  ]) {
    if (typeof m === 'object' && m && 'type' in m && m.type === 'pollscope:play') continue;
    await post(m);
  }
  await page.waitForTimeout(300);
  expect(Number(await slider.getAttribute('aria-valuenow'))).toBe(paused);
  await expect(frame.getByRole('button', { name: 'Play' })).toBeVisible();
  const frameWindow = page.frames().find((f) => f.url().startsWith(appOrigin))!;
  expect(await frameWindow.evaluate(() => (window as unknown as { pwned?: unknown }).pwned)).toBeUndefined();

  // load: a link, then a program, then a damaged link (an error message back, and a notice in the frame).
  const readyCount = async () => (await messages()).filter((m) => m.type === 'pollscope:ready').length;
  const before = await readyCount();
  await post({
    type: 'pollscope:load',
    state: '#' + encodeState({ ...DEFAULT_SHARE, lessonId: 'two-tasks-and-a-sleep', step: 3 }),
  });
  await expect.poll(readyCount).toBe(before + 1);
  await expect(slider).toHaveAttribute('aria-valuenow', '3');
  await post({
    type: 'pollscope:load',
    source:
      '#[tokio::main(flavor = "current_thread")]\nasync fn main() {\n    println!("loaded by the host");\n}\n',
  });
  await expect.poll(readyCount).toBe(before + 2);
  await frame.getByRole('button', { name: 'Jump to end' }).click();
  await expect(frame.getByTestId('stdout')).toHaveText('loaded by the host\n');
  await post({ type: 'pollscope:load', state: '#v1.broken' });
  await expect.poll(async () => (await messages()).some((m) => m.type === 'pollscope:error')).toBe(true);
  await expect(frame.getByTestId('notice')).toContainText('damaged or incomplete');
});

test('a load that cannot be shown answers pollscope:error, and the next good load clears every error', async ({
  page,
}) => {
  const messages = await recordMessages(page);
  const frameUrl = appOrigin + SUB + 'embed.html';
  // The worker's script cannot load from the start: the frame's first run fails, and so does every load.
  workerUnavailable = true;
  try {
    await page.goto(`${hostOrigin}/docs/embed-example.html?pollscope=${encodeURIComponent(frameUrl)}`);
    const frame = page.frameLocator('#pollscope');
    const errors = async () =>
      (await messages()).filter((m) => m.type === 'pollscope:error') as unknown as { message: string }[];
    const readies = async () => (await messages()).filter((m) => m.type === 'pollscope:ready').length;
    const post = (m: unknown) =>
      page.evaluate(
        ([m, origin]) =>
          (document.getElementById('pollscope') as HTMLIFrameElement).contentWindow!.postMessage(
            m,
            origin as string,
          ),
        [m, appOrigin] as const,
      );
    await expect.poll(async () => (await errors()).length).toBe(1);
    const ok = '#[tokio::main(flavor = "current_thread")]\nasync fn main() {\n    println!("fine");\n}\n';
    await post({ type: 'pollscope:load', source: ok });
    await expect.poll(async () => (await errors()).length).toBe(2);
    const crash = (await errors())[1]!.message;
    expect(crash).toMatch(/^The simulator failed: .+ please report it with the link/);
    expect(crash).not.toContain('[object Object]');
    await expect(frame.getByRole('alert')).toContainText('The simulator failed');
    expect(await readies()).toBe(0);
    workerUnavailable = false;

    // A program that does not compile: an error with the diagnostic at line:col, and no ready.
    await post({
      type: 'pollscope:load',
      source: '#[tokio::main(flavor = "current_thread")]\nasync fn main() {\n    let x = ;\n}\n',
    });
    await expect.poll(async () => (await errors()).length).toBe(3);
    expect((await errors())[2]!.message).toMatch(/^main\.rs:3:13: error: expected an expression/);
    expect(await readies()).toBe(0);
    await expect(frame.getByRole('alert')).toHaveCount(0); // the crash notice went with the new run
    await expect(frame.locator('.banner.unsupported')).toContainText('expected an expression');

    // A damaged link: refused, with a notice.
    await post({ type: 'pollscope:load', state: '#v1.broken' });
    await expect.poll(async () => (await errors()).length).toBe(4);
    await expect(frame.getByTestId('notice')).toContainText('damaged or incomplete');

    // The next good load: ready, and no notice, failure or error outcome is left on screen.
    await post({ type: 'pollscope:load', source: ok });
    await expect.poll(readies).toBe(1);
    await expect(frame.getByTestId('notice')).toHaveCount(0);
    await expect(frame.getByRole('alert')).toHaveCount(0);
    await expect(frame.locator('.banner.unsupported')).toHaveCount(0);
    await frame.getByRole('button', { name: 'Jump to end' }).click();
    await expect(frame.getByTestId('stdout')).toHaveText('fine\n');
    expect((await errors()).length).toBe(4);
  } finally {
    workerUnavailable = false;
  }
});

test('<pollscope-view> renders the embed and speaks its events', async ({ page }) => {
  await page.goto(`${hostOrigin}/element.html`);
  const frame = page.frameLocator('pollscope-view iframe');
  await expect(page.locator('pollscope-view iframe')).toHaveAttribute('title', 'Pollscope: two tasks');
  await expect(frame.getByRole('slider', { name: 'Timeline position' })).toHaveAttribute(
    'aria-valuenow',
    '5',
  );
  const step = await page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        const el = document.querySelector('pollscope-view') as HTMLElement & { goto(s: number): void };
        el.addEventListener('pollscope-step', (e) => {
          const s = (e as CustomEvent<{ step: number }>).detail.step;
          if (s === 8) resolve(s);
        });
        el.goto(8);
      }),
  );
  expect(step).toBe(8);
  await expect(frame.getByRole('slider', { name: 'Timeline position' })).toHaveAttribute(
    'aria-valuenow',
    '8',
  );
});

test('<pollscope-view> carries any Rust text in a <template>; a cut-short program is said, not hidden', async ({
  page,
}) => {
  const pageErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await page.goto(`${hostOrigin}/program-child.html`);
  const hint = (id: string) => page.locator(`#${id}`).getByRole('note');

  // Escaped as the README says: the program arrives byte for byte, runs, and prints what the CLI prints.
  const frame = page.frameLocator('#escaped iframe');
  await expect(frame.getByRole('textbox', { name: 'Rust source' })).toHaveValue(HOSTILE);
  await frame.getByRole('button', { name: 'Jump to end' }).click();
  await expect(frame.getByTestId('stdout')).toHaveText(simulate(HOSTILE).stdout);
  await expect(hint('escaped')).toBeHidden();

  // Not escaped: `<u8>` became a tag. The page says so, in words, above the view.
  await expect(hint('unescaped')).toBeVisible();
  await expect(hint('unescaped')).toContainText('read as the start of an HTML tag (<u8>');
  await expect(hint('unescaped')).toContainText('write every < as &lt; and every & as &amp;');

  // The first form still works for a program without </script> ...
  await expect(hint('old-ok')).toBeHidden();
  // ... and one with </script> in it spills into the page: the view says the program was cut short.
  await expect(hint('old-cut')).toBeVisible();
  await expect(hint('old-cut')).toContainText('looks cut short');
  await expect(hint('old-cut')).toContainText('Put the program in a <template> instead');

  expect(await page.evaluate(() => (window as unknown as { pwned?: unknown }).pwned)).toBeUndefined();
  expect(pageErrors).toEqual([]);
});

test('the embed fits a 360 px frame', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 640 });
  await page.goto(
    `${appOrigin}${SUB}embed.html#` +
      encodeState({ ...DEFAULT_SHARE, lessonId: 'two-tasks-and-a-sleep', step: 14, hiddenPanels: ['code'] }),
  );
  await page.waitForSelector('[data-status="ready"]');
  await expect(page.getByRole('region', { name: 'Runtime' })).toBeVisible();
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
  await shot(page, 'screenshots/embed-360.png', { fullPage: true });
  const axe = await new AxeBuilder({ page }).analyze();
  expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);
  // A bad link in an embed: the message and the default lesson.
  await page.goto(`${appOrigin}${SUB}embed.html#v2.nope`);
  await page.waitForSelector('[data-status="ready"]');
  await expect(page.getByTestId('notice')).toContainText('newer Pollscope');
  await expect(page.getByTestId('notice')).toContainText('Showing the default lesson instead.');
});
