import { existsSync } from 'node:fs';
import { ensureWebBuilt } from './web-build';

/**
 * Builds the page once, before any test file runs. Each browser test file also checks the build,
 * but files run in parallel workers: two of them finding it missing (a clean clone) or stale would
 * both run vite, and one build empties dist/web while the other file's server is serving from it.
 */
export default async function setup(): Promise<void> {
  if (existsSync('/usr/bin/chromium')) await ensureWebBuilt();
}
