// A TCP port on 127.0.0.1 that nothing listens on right now, for the browser tests' preview server.
// Two `npm test` runs on one machine (two clones, two worktrees) must not fight over a fixed port. The port
// is picked once, by whoever launches Playwright, and handed down in PW_PORT (playwright.config.ts).
// Run as a script, it prints the port (the config uses that when it has to pick one synchronously).
import { createServer } from 'node:net';
import { pathToFileURL } from 'node:url';

/** Asks the OS for an ephemeral port, then lets it go. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => (port > 0 ? resolve(port) : reject(new Error('no port from the OS'))));
    });
  });
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.stdout.write(`${await freePort()}\n`);
}
