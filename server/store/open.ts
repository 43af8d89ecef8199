import { accessSync, constants, existsSync, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { lockDataDir, type DataDirLock } from './lock';
import type { Db } from './db';
import { PgliteThread } from './pglite-thread';
import { migrate, TABLE_KEYS, TABLES } from './migrations';

/**
 * A data directory that cannot be used as it is. The message names the path and what to do;
 * nothing in the directory has been changed.
 */
export class DataDirError extends Error {
  constructor(
    readonly path: string,
    problem: string,
    advice = RESTORE_ADVICE,
  ) {
    super(`数据目录不可用 (data directory unusable): ${path} — ${problem}。${advice}`);
  }
}

const RESTORE_ADVICE =
  '目录未作任何改动。请停止服务，把该目录整体移到别处保存，再从备份恢复（见 docs/deploy.md「恢复」）；' +
  '若要以空数据库重新开始，将 DATA_DIR 指向一个新的空目录。' +
  ' (nothing was changed; move the directory aside and restore it from a backup, see docs/deploy.md, or point DATA_DIR at a new empty directory)';

const NOT_DATA_ADVICE =
  '数据未作任何改动，也无需从备份恢复。请检查 DATA_DIR 设置，把占位的文件移走，或修正挂载与权限，使运行服务的用户能读写该目录，然后重启。' +
  ' (nothing was changed and no restore is needed: check DATA_DIR, move the file aside or fix the mount and permissions so the service user can write there, then restart)';

/**
 * Before anything in the data directory is opened or created: DATA_DIR and each of its parts that
 * exists must be a directory this process can write. A file where a directory belongs, or a
 * read-only mount, otherwise surfaces as a bare ENOTDIR or EROFS from whichever plugin touches it
 * first, or as "postgres failed to start" with advice to restore a backup, which would throw away
 * every answer given since that backup for a database that is intact.
 */
export function checkDataDirLayout(dataDir: string, opts: { embedded: boolean }): void {
  const root = resolve(dataDir);
  const parts = opts.embedded ? ['pglite', join('pglite', 'pg_wal'), join('pglite', 'global'), 'uploads', 'staff'] : ['uploads', 'staff'];
  for (const path of [root, ...parts.map((p) => join(root, p))]) {
    let st;
    try {
      st = statSync(path);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') continue;
      throw new DataDirError(path, `无法读取：${(err as NodeJS.ErrnoException).code ?? (err as Error).message} (cannot be read)`, NOT_DATA_ADVICE);
    }
    if (!st.isDirectory()) throw new DataDirError(path, '这里应是目录，却是一个文件 (a file where a directory belongs)', NOT_DATA_ADVICE);
    try {
      accessSync(path, constants.R_OK | constants.W_OK | constants.X_OK);
    } catch (err) {
      throw new DataDirError(path, `目录不可写：${(err as NodeJS.ErrnoException).code ?? (err as Error).message} (directory not writable)`, NOT_DATA_ADVICE);
    }
  }
}

/**
 * Fills a data directory that does not exist yet with a copy of an empty cluster instead of a
 * multi-second initdb: the one `npm start` built (server/pglite-template.ts), or in tests one
 * kept in the OS temp dir. Without one, PGlite runs initdb.
 */
type Seeder = (pgliteDir: string) => Promise<void>;
let seeder: Seeder | undefined;
export function setFreshDatabaseSeeder(fn: Seeder | undefined): void {
  seeder = fn;
}

/**
 * Full-page images protect against torn pages after power loss or an OS crash; PGlite runs
 * with fsync off, so that case is not covered anyway. A killed process cannot tear a page
 * (the kernel has the whole write), so dropping them loses nothing we promise and roughly
 * halves the WAL written per turn.
 */
const START_PARAMS = [
  // After PGlite's own defaults (pglite-worker.mjs).
  '-c',
  'full_page_writes=off',
  // Zero-filling each new 16 MB WAL segment through the WASM file layer stalls every session
  // for a moment; postgres does not need it for correctness on an ordinary filesystem.
  '-c',
  'wal_init_zero=off',
  // postgres zero-fills its whole buffer pool at every start; at the default 128 MB that was
  // about a tenth of a restart. The files stay in the OS page cache behind the pool, and the
  // tables of one office's sessions fit in 32 MB for a long time.
  '-c',
  'shared_buffers=32MB',
];

/** pg_control layout (PostgreSQL 18, little-endian): the last checkpoint's redo pointer and timeline. */
const CONTROL_REDO_OFFSET = 40;
const CONTROL_TLI_OFFSET = 48;
const WAL_SEGMENT_BYTES = 16 * 1024 * 1024;

function hex8(n: bigint | number): string {
  return n.toString(16).toUpperCase().padStart(8, '0');
}

/**
 * The files postgres needs before it can even start. Without them PGlite aborts with a bare
 * `Aborted()` that names no file; checking first turns that into a message an operator can act on.
 */
export function checkCluster(dir: string): void {
  const entries = readdirSync(dir);
  if (entries.length === 0) throw new DataDirError(dir, '目录为空，不是数据库（缺少 PG_VERSION）(empty directory, not a database)');
  const versionFile = join(dir, 'PG_VERSION');
  if (!existsSync(versionFile)) throw new DataDirError(dir, `缺少 ${versionFile}，这不是一个完整的数据库目录 (PG_VERSION missing: not a valid database)`);
  const version = readFileSync(versionFile, 'utf8').trim();
  if (!/^\d+$/.test(version)) throw new DataDirError(dir, `${versionFile} 内容无效：${JSON.stringify(version.slice(0, 20))} (PG_VERSION unreadable)`);
  const control = join(dir, 'global', 'pg_control');
  if (!existsSync(control)) throw new DataDirError(dir, `缺少控制文件 ${control} (pg_control missing)`);
  const buf = readFileSync(control);
  if (buf.length < 64) throw new DataDirError(dir, `控制文件 ${control} 被截断（${buf.length} 字节）(pg_control truncated)`);
  const redo = buf.readBigUInt64LE(CONTROL_REDO_OFFSET);
  const tli = buf.readUInt32LE(CONTROL_TLI_OFFSET);
  const segno = redo / BigInt(WAL_SEGMENT_BYTES);
  const segName = hex8(tli) + hex8(segno / 256n) + hex8(segno % 256n);
  const segPath = join(dir, 'pg_wal', segName);
  if (!existsSync(segPath)) {
    throw new DataDirError(dir, `缺少预写日志段 ${segPath}，最近的检查点需要它 (WAL segment missing, needed by the last checkpoint)`);
  }
  const size = statSync(segPath).size;
  if (size !== WAL_SEGMENT_BYTES) {
    throw new DataDirError(dir, `预写日志段 ${segPath} 大小异常（${size} 字节，应为 ${WAL_SEGMENT_BYTES}）(WAL segment truncated)`);
  }
}

/**
 * Reads every table twice: every heap page once (a sequential scan), then every row through its
 * primary key index. A damaged page fails the first; a heap file cut short (rows silently gone
 * from a scan) fails the second, because the index still points into the missing blocks, or
 * the two counts differ. Either stops the start with the relation's file named, instead of a
 * server that reports healthy and serves sessions with rows missing.
 */
export async function integrityCheck(db: Db, dir: string): Promise<void> {
  try {
    await db.transaction(async (tx) => {
      await tx.exec('set local enable_indexscan = off; set local enable_indexonlyscan = off; set local enable_bitmapscan = off;');
      const heap = new Map<string, number>();
      for (const t of TABLES) heap.set(t, Number((await tx.query<{ n: number }>(`select count(*)::int as n from ${t}`)).rows[0]!.n));
      await tx.exec('set local enable_indexscan = on; set local enable_seqscan = off; set local enable_sort = off;');
      for (const t of TABLES) {
        const n = Number((await tx.query<{ n: number }>(`select count(*)::int as n from (select 1 from ${t} order by ${TABLE_KEYS[t]}) x`)).rows[0]!.n);
        if (n !== heap.get(t)) {
          const file = (await tx.query<{ p: string }>(`select pg_relation_filepath('${t}') as p`)).rows[0]?.p;
          throw new Error(`表 ${t}（文件 ${file}）按索引读到 ${n} 行，顺序读到 ${heap.get(t)} 行 (index and table disagree: rows missing)`);
        }
      }
    });
  } catch (err) {
    throw new DataDirError(dir, `完整性检查失败：${(err as Error).message}（文件路径相对于 ${dir}）(integrity check failed)`);
  }
}

export interface OpenedDatabase {
  /** The database, behind the interface both backends share. */
  sql: Db;
  lock: DataDirLock | undefined;
  /** The PGlite cluster directory, for messages. */
  dir: string | undefined;
}

/**
 * Opens (or, for a directory that does not exist yet, creates) the database under
 * DATA_DIR/pglite. An existing directory is never removed or overwritten: if it is not a
 * usable database the start fails with a DataDirError.
 */
export async function openDatabase(dataDir: string | undefined, opts: { integrityCheck?: boolean } = {}): Promise<OpenedDatabase> {
  if (!dataDir) {
    const thread = new PgliteThread();
    try {
      const sql = await thread.open(undefined);
      await migrate(sql);
      return { sql, lock: undefined, dir: undefined };
    } catch (err) {
      await thread.close().catch(() => undefined);
      throw err;
    }
  }
  const root = resolve(dataDir);
  checkDataDirLayout(root, { embedded: true });
  mkdirSync(root, { recursive: true });
  const lock = lockDataDir(root);
  const dir = join(root, 'pglite');
  // Started before the directory is checked or seeded: the thread loads PGlite meanwhile.
  const thread = new PgliteThread();
  try {
    const fresh = !existsSync(dir);
    if (fresh) {
      if (seeder) await seeder(dir);
    } else {
      checkCluster(dir);
    }
    let sql: Db;
    try {
      sql = await thread.open(dir, START_PARAMS);
    } catch (err) {
      if (fresh) throw err;
      throw new DataDirError(dir, `数据库无法启动：${String((err as Error)?.message ?? err).slice(0, 300)} (postgres failed to start)`);
    }
    try {
      await migrate(sql);
      if (opts.integrityCheck !== false) await integrityCheck(sql, dir);
    } catch (err) {
      await sql.close().catch(() => undefined);
      throw err;
    }
    return { sql, lock, dir };
  } catch (err) {
    await thread.close().catch(() => undefined);
    lock.release();
    throw err;
  }
}
