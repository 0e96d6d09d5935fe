#!/usr/bin/env node
// `npm run test:e2e`: runs `playwright test` (with any arguments given) on a free port unless PW_PORT says
// which, so two suites on one machine never collide. The port is chosen here, once, and passed down in
// PW_PORT: playwright.config.ts is evaluated again in every worker process, which must agree on it.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { freePort } from './free-port.mjs';

const env = { ...process.env };
if (!env.PW_PORT) env.PW_PORT = String(await freePort());
const cli = createRequire(import.meta.url).resolve('@playwright/test/cli');
const child = spawn(process.execPath, [cli, 'test', ...process.argv.slice(2)], { stdio: 'inherit', env });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => {
  if (signal) process.kill(process.pid, signal);
  else process.exit(code ?? 1);
});
