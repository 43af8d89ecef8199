import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    environment: 'node',
    // Fresh test databases start from a template copy (a test speed-up; production runs initdb).
    setupFiles: ['tests/durability/setup.ts'],
    // The browser tests' page, built once for every worker (see the file for why not per test file).
    globalSetup: ['tests/browser/global-setup.ts'],
    testTimeout: 30_000,
    // A poll waits for the app to react (a browser re-render, a server write). One second, the
    // default, is not enough when the suite shares two cores with Chromium and LibreOffice.
    expect: { poll: { timeout: 10_000 } },
    hookTimeout: 60_000,
    // Browser and LibreOffice tests start heavy processes; two cores cannot run many at once.
    maxWorkers: 2,
  },
});
