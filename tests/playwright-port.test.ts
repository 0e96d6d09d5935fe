/**
 * Two `npm test` runs on one machine must not fight over the browser tests' port (playwright.config.ts and
 * scripts/playwright.mjs): they used the fixed port 4173 with `--strictPort`, so the second run failed. The
 * config is evaluated in a fresh Node process, as Playwright does.
 */
import { execFileSync } from 'node:child_process';
import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';

/** Loads playwright.config.ts in a child process; returns what the browser tests would use. */
function loadConfig(env: NodeJS.ProcessEnv): { baseURL: string; command: string; exported: string } {
  const script = `const c = (await import('./playwright.config.ts')).default;
    console.log(JSON.stringify({ baseURL: c.use.baseURL, command: c.webServer.command, exported: process.env.PW_PORT }));`;
  const out = execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
    env,
    encoding: 'utf8',
  });
  return JSON.parse(out.trim().split('\n').pop()!) as { baseURL: string; command: string; exported: string };
}

function canListen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = createServer();
    s.once('error', () => resolve(false));
    s.listen(port, '127.0.0.1', () => s.close(() => resolve(true)));
  });
}

describe('the browser tests pick their port', () => {
  it('without PW_PORT: a free port, the same for the server, the base URL and the worker processes', async () => {
    const env = { ...process.env };
    delete env.PW_PORT;
    const c = loadConfig(env);
    const port = Number(new URL(c.baseURL).port);
    expect(port).not.toBe(4173); // the old fixed port: a second suite on the machine could not start
    expect(await canListen(port)).toBe(true);
    expect(c.command).toContain(`--port ${port} --strictPort`);
    // Exported for Playwright's worker processes, which inherit the environment and read the config again.
    expect(c.exported).toBe(String(port));
  });

  it('PW_PORT wins when it is set', () => {
    const c = loadConfig({ ...process.env, PW_PORT: '45123' });
    expect(c.baseURL).toBe('http://127.0.0.1:45123/');
    expect(c.command).toContain('--port 45123 --strictPort');
  });
});
