import { PGlite } from '@electric-sql/pglite';
import { cpSync, existsSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/**
 * Test speed-up only: an initdb is several seconds of WASM work (15 s on a loaded machine), and
 * almost every test opens a fresh data directory. The first one is kept as a template in the OS
 * temp dir (per PGlite version and user) and later fresh directories start as a copy.
 * Production never writes to the OS temp dir: its template is built by `npm start` into dist/.
 */
const MARK = '.zhizao-template-complete';

function pgliteVersion(): string {
  const main = createRequire(import.meta.url).resolve('@electric-sql/pglite');
  return (JSON.parse(readFileSync(join(dirname(main), '..', 'package.json'), 'utf8')) as { version: string }).version;
}

let building: Promise<string> | undefined;

export function templateDir(): Promise<string> {
  building ??= build();
  return building;
}

async function build(): Promise<string> {
  const final = join(tmpdir(), `zhizao-test-pglite-template-${pgliteVersion()}-${process.getuid?.() ?? 'u'}`);
  if (existsSync(join(final, MARK))) return final;
  // Built privately and renamed into place, so a half-built template is never copied.
  const work = mkdtempSync(join(tmpdir(), 'zhizao-test-pglite-build-'));
  const dir = join(work, 'pg');
  const db = await PGlite.create({ dataDir: dir });
  await db.close();
  writeFileSync(join(dir, MARK), '');
  try {
    renameSync(dir, final);
  } catch {
    // Another worker won the race; its template is as good.
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  if (!existsSync(join(final, MARK))) throw new Error(`test template unavailable at ${final}`);
  return final;
}

/** Fills a not-yet-existing PGlite directory with a copy of the template. */
export async function seedPgliteDir(pgliteDir: string): Promise<void> {
  const template = await templateDir();
  cpSync(template, pgliteDir, { recursive: true, filter: (src) => !src.endsWith(MARK) });
}

/** Prepares DATA_DIR for a server started as a separate process (which has no seeder). */
export async function seedDataDir(dataDir: string): Promise<void> {
  const target = join(dataDir, 'pglite');
  if (!existsSync(target)) await seedPgliteDir(target);
}
