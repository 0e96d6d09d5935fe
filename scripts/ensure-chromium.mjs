#!/usr/bin/env node
// Makes sure a Chromium exists before the browser tests run. On a fresh Debian machine as root it installs
// Debian's `chromium` (one line of output); otherwise it fails with one line saying how to get one.
import { execSync } from 'node:child_process';
import { findChromium } from './chromium.mjs';

if (findChromium()) process.exit(0);

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
function hasAptGet() {
  try {
    execSync('command -v apt-get', { stdio: 'ignore', shell: '/bin/sh' });
    return true;
  } catch {
    return false;
  }
}
const hasApt = hasAptGet();
if (isRoot && hasApt) {
  console.log("ensure-chromium: no Chromium found; installing Debian's chromium with apt-get (about 30 s)…");
  try {
    execSync(
      'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null',
      { stdio: 'inherit', shell: '/bin/sh' },
    );
  } catch {
    console.error(
      'ensure-chromium: apt-get install chromium failed; install it by hand or set CHROMIUM_PATH.',
    );
    process.exit(1);
  }
  if (findChromium()) process.exit(0);
}
console.error(
  "ensure-chromium: no Chromium found. Install Debian's `chromium` (apt-get install chromium) or set CHROMIUM_PATH to a Chromium binary.",
);
process.exit(1);
