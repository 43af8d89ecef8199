import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Browser and LibreOffice tests start heavy processes; two cores cannot run many at once.
    maxWorkers: 2,
  },
});
