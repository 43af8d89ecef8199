import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { templateSeeder } from '../../server/pglite-template';
import { openDatabase } from '../../server/store/open';
import { templateDir } from './template';

const pgliteVersion = (
  JSON.parse(readFileSync(join(dirname(createRequire(import.meta.url).resolve('@electric-sql/pglite')), '..', 'package.json'), 'utf8')) as { version: string }
).version;

describe('a new data directory starts from the template npm start builds', () => {
  const work = mkdtempSync(join(tmpdir(), 'zhizao-template-seed-'));
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  /** A template as scripts/build.mjs leaves it: an empty cluster, its PGlite version and the build stamp. */
  async function distTemplate(version: string): Promise<string> {
    const dir = mkdtempSync(join(work, 'dist-'));
    cpSync(await templateDir(), dir, { recursive: true, filter: (src) => !src.endsWith('.zhizao-template-complete') });
    writeFileSync(join(dir, '.pglite-version'), `${version}\n`);
    writeFileSync(join(dir, '.source-hash'), 'abc\n');
    return dir;
  }

  it('copies the template whole into the new directory, which then opens, migrates and passes the integrity check', async () => {
    const seed = templateSeeder(await distTemplate(pgliteVersion));
    expect(seed).toBeTypeOf('function');
    const dataDir = mkdtempSync(join(work, 'data-'));
    const pgliteDir = join(dataDir, 'pglite');
    await seed!(pgliteDir);
    expect(existsSync(join(pgliteDir, 'PG_VERSION'))).toBe(true);
    // The build's own files stay behind, and no working copy is left next to the database.
    expect(existsSync(join(pgliteDir, '.pglite-version'))).toBe(false);
    expect(existsSync(join(pgliteDir, '.source-hash'))).toBe(false);
    expect(readdirSync(dataDir)).toEqual(['pglite']);
    const opened = await openDatabase(dataDir);
    try {
      const tables = await opened.sql.query<{ n: number }>(`select count(*)::int as n from schema_migrations`);
      expect(tables.rows[0]!.n).toBeGreaterThan(0);
    } finally {
      await opened.sql.close();
      opened.lock?.release();
    }
  }, 120_000);

  it('is not used when another PGlite version made it, or it is missing, so initdb runs instead', async () => {
    expect(templateSeeder(await distTemplate('0.0.1'))).toBeUndefined();
    expect(templateSeeder(join(work, 'no-such-template'))).toBeUndefined();
    const noCluster = mkdtempSync(join(work, 'empty-'));
    writeFileSync(join(noCluster, '.pglite-version'), `${pgliteVersion}\n`);
    expect(templateSeeder(noCluster)).toBeUndefined();
  });
});
