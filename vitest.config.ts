import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Playwright specs live in tests/e2e and run under `playwright test`, not here.
    include: ['src/**/*.test.{ts,tsx}', 'tests/*.test.ts', 'tests/unit/**/*.test.ts'],
    exclude: ['tests/e2e/**', 'node_modules/**'],
    environment: 'node',
    // A safety net against hangs, not a measurement: no test asserts how long it took. Generous, because
    // `npm test` must pass on a 2-core machine while another suite runs beside it (the slowest tests take
    // about 30 s on an idle machine).
    testTimeout: 300_000,
  },
});
