import { afterAll, beforeAll, expect } from 'vitest';
import { existsSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { cspViolations, ensureWebBuilt, launch, pageErrors, removeDir, startServer, type RunningServer } from './harness';

export const HAS_CHROMIUM = existsSync('/usr/bin/chromium');

/**
 * The real server and a Chromium of this test file, set up by `browserSuite()`. Live bindings:
 * vitest gives every test file its own copy of this module, so files never share them.
 */
export let server: RunningServer;
export let browser: Browser;

/**
 * Starts the built page's server and Chromium before the file's tests; after them, no CSP violation and no page error
 * may be left, unless `pageChecks` is false for a file that asserts only its own flow.
 */
export function browserSuite({ pageChecks = true }: { pageChecks?: boolean } = {}): void {
  beforeAll(async () => {
    if (!HAS_CHROMIUM) return;
    await ensureWebBuilt();
    server = await startServer();
    browser = await launch();
  });

  afterAll(async () => {
    if (HAS_CHROMIUM && pageChecks) {
      expect(cspViolations).toEqual([]);
      expect(pageErrors).toEqual([]);
    }
    await browser?.close();
    await server?.stop();
    if (server) removeDir(server.dataDir);
  });
}
