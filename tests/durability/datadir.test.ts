import { afterAll, describe, expect, it } from 'vitest';
import { truncateSync, cpSync, existsSync, mkdirSync, mkdtempSync, openSync, readdirSync, rmSync, statSync, writeSync, writeFileSync, closeSync, readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import Fastify from 'fastify';
import { PGlite } from '@electric-sql/pglite';
import { PgliteStore } from '../../server/store/pglite';
import { DataDirError, setFreshDatabaseSeeder } from '../../server/store/open';
import { seedPgliteDir } from './template';
import app from '../../server/app';
import { loadConfig } from '../../server/config';

const dirs: string[] = [];
function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'zhizao-datadir-'));
  dirs.push(d);
  return d;
}
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

/** Every file under a directory with its size and content hash, to prove nothing was touched. */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      const st = statSync(p);
      if (st.isDirectory()) walk(p);
      else out[p.slice(dir.length)] = `${st.size}:${readFileSync(p).subarray(0, 4096).toString('base64').slice(0, 40)}`;
    }
  };
  walk(dir);
  return out;
}

/** A data directory holding a real database with `n` sessions; returns the directory and its session ids. */
let populated: { dir: string; ids: string[] } | undefined;
async function populatedCopy(): Promise<{ dataDir: string; ids: string[] }> {
  if (!populated) {
    const dir = tempDir();
    const store = await PgliteStore.open({ dataDir: dir });
    const ids: string[] = [];
    for (let i = 0; i < 120; i++) {
      const { sessionId } = await store.create();
      await store.appendTranscript(sessionId, { id: `m${i}`, role: 'user', text: `第${i}条`, citations: [] });
      ids.push(sessionId);
    }
    await store.close();
    populated = { dir, ids };
  }
  const copy = tempDir();
  cpSync(join(populated.dir, 'pglite'), join(copy, 'pglite'), { recursive: true });
  return { dataDir: copy, ids: populated.ids };
}

async function relationFile(dataDir: string, table: string): Promise<string> {
  const db = await PGlite.create({ dataDir: join(dataDir, 'pglite') });
  const r = await db.query<{ p: string }>(`select pg_relation_filepath('${table}') as p`);
  await db.close();
  return join(dataDir, 'pglite', r.rows[0]!.p);
}

function smash(file: string, block: number): void {
  const fd = openSync(file, 'r+');
  writeSync(fd, randomBytes(8192), 0, 8192, block * 8192);
  closeSync(fd);
}

describe('an existing data directory is never removed or overwritten', () => {
  it('refuses a database whose PG_VERSION is missing, names the path, and leaves every file as it was', async () => {
    const { dataDir } = await populatedCopy();
    const pg = join(dataDir, 'pglite');
    rmSync(join(pg, 'PG_VERSION'));
    const before = snapshot(pg);
    const err = await PgliteStore.open({ dataDir }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DataDirError);
    expect((err as Error).message).toContain(join(pg, 'PG_VERSION'));
    expect((err as Error).message).toMatch(/backup|备份/);
    expect(snapshot(pg)).toEqual(before);
    expect(Object.keys(before).length).toBeGreaterThan(100);
  }, 120_000);

  it('refuses an empty pglite/ folder instead of filling it', async () => {
    const dataDir = tempDir();
    mkdirSync(join(dataDir, 'pglite'));
    const err = await PgliteStore.open({ dataDir }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DataDirError);
    expect((err as Error).message).toContain(join(dataDir, 'pglite'));
    expect(readdirSync(join(dataDir, 'pglite'))).toEqual([]);
  });

  it('names the missing WAL segment instead of aborting', async () => {
    const { dataDir } = await populatedCopy();
    const wal = join(dataDir, 'pglite', 'pg_wal');
    const segment = readdirSync(wal).filter((f) => /^[0-9A-F]{24}$/.test(f)).sort().at(-1)!;
    rmSync(join(wal, segment));
    const err = await PgliteStore.open({ dataDir }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DataDirError);
    expect((err as Error).message).toContain(join(wal, segment));
  }, 120_000);

  it('names the missing pg_control instead of aborting', async () => {
    const { dataDir } = await populatedCopy();
    const control = join(dataDir, 'pglite', 'global', 'pg_control');
    rmSync(control);
    const err = await PgliteStore.open({ dataDir }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DataDirError);
    expect((err as Error).message).toContain(control);
  }, 120_000);

  it('stops at start when a table page is damaged, naming the relation file', async () => {
    const { dataDir } = await populatedCopy();
    const file = await relationFile(dataDir, 'transcript');
    smash(file, 0);
    const err = await PgliteStore.open({ dataDir }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DataDirError);
    expect((err as Error).message).toContain(file.slice(join(dataDir, 'pglite').length + 1));
    expect((err as Error).message).toContain(join(dataDir, 'pglite'));
  }, 120_000);

  it('stops at start when a table file was cut short (rows would silently be missing)', async () => {
    const { dataDir } = await populatedCopy();
    const file = await relationFile(dataDir, 'transcript');
    expect(statSync(file).size).toBeGreaterThan(8192);
    truncateSync(file, 8192);
    const err = await PgliteStore.open({ dataDir }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DataDirError);
    expect((err as Error).message).toContain(file.slice(join(dataDir, 'pglite').length + 1));
  }, 120_000);

  it('/api/ready fails (and keeps failing) once a damaged page has been read, while /api/health stays up', async () => {
    const { dataDir, ids } = await populatedCopy();
    smash(await relationFile(dataDir, 'sessions'), 0);
    // Damage that appears after the start is what readiness is for: skip the start-up scan.
    const store = await PgliteStore.open({ dataDir, integrityCheck: false });
    const fastify = Fastify({ logger: false, pluginTimeout: 120_000 });
    await fastify.register(app, { config: loadConfig({ LOG_LEVEL: 'silent', DATA_DIR: dataDir }), store });
    await fastify.ready();
    try {
      expect((await fastify.inject({ method: 'GET', url: '/api/health' })).statusCode).toBe(200);
      const ready = await fastify.inject({ method: 'GET', url: '/api/ready' });
      expect(ready.statusCode).toBe(503);
      expect(ready.json().checks.database.ok).toBe(false);
      expect(ready.json().checks.database.error).toMatch(/invalid page|base\//);
      expect(ready.json().checks.knowledge.ok).toBe(true);
      await expect(store.authenticate(ids[0]!, 'x'.repeat(43))).rejects.toThrow(/invalid page/);
      expect((await fastify.inject({ method: 'GET', url: '/api/ready' })).statusCode).toBe(503);
    } finally {
      await fastify.close();
    }
  }, 120_000);

  it('/api/ready answers 200 on a sound database', async () => {
    const { dataDir } = await populatedCopy();
    const fastify = Fastify({ logger: false, pluginTimeout: 120_000 });
    await fastify.register(app, { config: loadConfig({ LOG_LEVEL: 'silent', DATA_DIR: dataDir }) });
    await fastify.ready();
    try {
      const ready = await fastify.inject({ method: 'GET', url: '/api/ready' });
      expect(ready.statusCode).toBe(200);
      expect(ready.json()).toEqual({ ok: true, checks: { database: { ok: true }, knowledge: { ok: true } } });
    } finally {
      await fastify.close();
    }
  }, 120_000);

  it('initialises a new DATA_DIR itself (initdb), writing nothing to the OS temp dir', async () => {
    const dataDir = join(tempDir(), 'new', 'nested');
    // The OS temp dir is pointed at an empty one of this test's own: the shared one also gets the
    // directories of test files running beside this one (a template being built, a seed copied).
    const osTemp = tempDir();
    const savedTemp = process.env.TMPDIR;
    process.env.TMPDIR = osTemp;
    setFreshDatabaseSeeder(undefined);
    try {
      expect(tmpdir()).toBe(osTemp);
      const store = await PgliteStore.open({ dataDir });
      const { sessionId, token } = await store.create();
      expect(await store.authenticate(sessionId, token)).toBe(true);
      await store.close();
    } finally {
      if (savedTemp === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = savedTemp;
      setFreshDatabaseSeeder(seedPgliteDir);
    }
    expect(existsSync(join(dataDir, 'pglite', 'PG_VERSION'))).toBe(true);
    expect(readdirSync(osTemp).filter((f) => f.includes('template'))).toEqual([]);
  }, 180_000);

  for (const part of ['', 'pglite', 'uploads', 'staff']) {
    it(`refuses a file where ${part ? `DATA_DIR/${part}` : 'DATA_DIR'} belongs, names it, says no restore is needed, and leaves it as it was`, async () => {
      const root = tempDir();
      const dataDir = part ? root : join(root, 'data');
      const file = part ? join(root, part) : dataDir;
      writeFileSync(file, 'not a directory');
      const fastify = Fastify({ logger: false, pluginTimeout: 120_000 });
      // The whole app, so that the plugins that create staff/ and uploads/ cannot fail first with a bare ENOTDIR.
      const err = await (async () => {
        await fastify.register(app, { config: loadConfig({ LOG_LEVEL: 'silent', DATA_DIR: dataDir }) });
        await fastify.ready();
      })().catch((e: unknown) => e);
      await fastify.close().catch(() => undefined);
      expect(err).toBeInstanceOf(DataDirError);
      expect((err as Error).message).toContain(file);
      expect((err as Error).message).toMatch(/无需从备份恢复|no restore is needed/);
      expect(readFileSync(file, 'utf8')).toBe('not a directory');
    }, 120_000);
  }

  /**
   * A read-only mount is the usual way a data directory stops being writable; as root, file modes
   * do not stop a write, so the test needs a mount it can make read-only.
   */
  const canMount = (() => {
    if (process.platform !== 'linux' || process.getuid?.() !== 0) return false;
    try {
      execFileSync('mount', ['--version'], { stdio: 'ignore' });
      return true;
    } catch {
      return false;
    }
  })();
  it.skipIf(!canMount)('refuses a read-only database directory as not writable, not as damaged (a restore would lose the answers since the backup)', async (ctx) => {
    const { dataDir } = await populatedCopy();
    const pg = join(dataDir, 'pglite');
    try {
      execFileSync('mount', ['--bind', pg, pg]);
      execFileSync('mount', ['-o', 'remount,ro,bind', pg]);
    } catch {
      ctx.skip('a container without the privilege to mount: nothing to check here');
      return;
    }
    try {
      const before = snapshot(pg);
      const err = await PgliteStore.open({ dataDir }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(DataDirError);
      expect((err as Error).message).toContain(pg);
      expect((err as Error).message).toMatch(/不可写|not writable/);
      expect((err as Error).message).not.toMatch(/从备份恢复（/);
      expect(snapshot(pg)).toEqual(before);
    } finally {
      execFileSync('umount', [pg]);
    }
  }, 120_000);
});
