/**
 * `npm start` on a machine without a desktop: Vite's banner, no stack trace, and no attempt to open a
 * browser. (The start script once said `vite --open=false`; Vite read "false" as a path to open, ran
 * `xdg-open http://localhost:5173/false`, and without xdg-open printed `spawn xdg-open ENOENT` with a trace.)
 *
 * The dev server runs with an `xdg-open` of our own first on PATH, which records any call; the test waits
 * until the server has answered real requests (the page and a transformed module) before it looks.
 */
import { spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort } from '../scripts/free-port.mjs';

// eslint-disable-next-line no-control-regex
const stripAnsi = (s: string) => s.replace(/\x1b\[[0-9;]*m/g, '');

const dir = mkdtempSync(join(tmpdir(), 'pollscope-start-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('npm start', () => {
  it('prints the Vite banner, no stack trace, and opens no browser', async () => {
    const marker = join(dir, 'xdg-open-called');
    const fakeOpen = join(dir, 'xdg-open');
    writeFileSync(fakeOpen, `#!/bin/sh\necho "$@" > "${marker}"\n`);
    chmodSync(fakeOpen, 0o755);
    const port = await freePort();
    const child = spawn('npm', ['start', '--', '--port', String(port), '--host', '127.0.0.1'], {
      // NO_COLOR: picocolors colours output whenever CI is set, and the colour codes then split the banner
      // line this test reads (the CI run hung waiting for "Local: http…" that was there in colour).
      env: { ...process.env, PATH: `${dir}:${process.env.PATH}`, BROWSER: '', NO_COLOR: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    try {
      await new Promise<void>((resolve, reject) => {
        const check = () =>
          /Local:\s+http:\/\/127\.0\.0\.1:\d+/.test(stripAnsi(out)) ? resolve() : undefined;
        child.stdout.on('data', check);
        // A banner that never comes fails with what the server printed, not at the suite timeout.
        setTimeout(() => reject(new Error(`no Vite banner after 180 s:\n${out}`)), 60_000);
        child.on('exit', (code) =>
          reject(new Error(`npm start exited (${code}) before its banner:\n${out}`)),
        );
      });
      const base = `http://127.0.0.1:${port}/`;
      expect((await fetch(base)).status).toBe(200);
      expect((await fetch(base + 'src/ui/main.tsx')).status).toBe(200);
    } finally {
      process.kill(-child.pid!, 'SIGTERM');
    }
    out = stripAnsi(out);
    expect(out).toMatch(/VITE v\d/);
    expect(out).not.toMatch(/ENOENT|Error|\n\s+at /);
    expect(existsSync(marker), `Vite tried to open a browser: ${out}`).toBe(false);
  });
});
