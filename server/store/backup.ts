import { cpSync, existsSync, mkdirSync, readdirSync, renameSync, rmdirSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { lockDataDir } from './lock';
import { checkCluster, DataDirError } from './open';

/**
 * What a data directory holds besides the lock: the database, the uploaded documents, and the
 * staff workspace's files (accounts, the audit log, the cookie secret, the CLI's question spool
 * and the chosen default knowledge version), which live beside the database because the staff
 * CLI must write them while the server runs. A restore without `staff/` would leave no account
 * able to log in and the audit trail gone.
 */
const PARTS = ['pglite', 'uploads', 'staff'] as const;

/**
 * Copies a directory under a temporary name beside its destination and renames it into place,
 * so an interrupted copy (a full disk, a killed process) never leaves a directory under the final
 * name that looks complete.
 */
function copyInto(from: string, to: string): void {
  const tmp = join(dirname(to), `.${Date.now()}-${process.pid}.partial-${to.split(/[\\/]/).pop()}`);
  try {
    cpSync(from, tmp, { recursive: true, errorOnExist: true, force: false });
    renameSync(tmp, to);
  } catch (err) {
    rmSync(tmp, { recursive: true, force: true });
    throw err;
  }
}

/**
 * A consistent copy of an embedded data directory: the database files, the uploads and the staff
 * files. PGlite's files are only consistent while no server writes them, so the copy takes the
 * data directory's lock first, and a running server makes it fail instead of copying a torn state.
 */
export function backupDataDir(dataDir: string, destRoot: string, now = new Date()): string {
  const root = resolve(dataDir);
  if (!existsSync(join(root, 'pglite'))) throw new DataDirError(join(root, 'pglite'), '没有可备份的数据库 (no database to back up)', '');
  const lock = lockDataDir(root);
  try {
    checkCluster(join(root, 'pglite'));
    const dest = resolve(destRoot, `zhizao-backup-${now.toISOString().replace(/[:.]/g, '-')}`);
    if (existsSync(dest)) throw new Error(`备份目标已存在 (backup target exists): ${dest}`);
    mkdirSync(dirname(dest), { recursive: true });
    // Assembled under a temporary name: a backup folder under its final name is always whole.
    const tmp = `${dest}.partial`;
    rmSync(tmp, { recursive: true, force: true });
    try {
      mkdirSync(tmp);
      for (const part of PARTS) if (existsSync(join(root, part))) cpSync(join(root, part), join(tmp, part), { recursive: true });
      renameSync(tmp, dest);
    } catch (err) {
      rmSync(tmp, { recursive: true, force: true });
      throw err;
    }
    return dest;
  } finally {
    lock.release();
  }
}

/**
 * Restores a backup into a data directory that holds no data. An existing database, upload or
 * staff file is never overwritten: the operator moves it aside first (it may be the only copy of
 * something).
 */
export function restoreDataDir(backupDir: string, dataDir: string): void {
  const from = resolve(backupDir);
  const root = resolve(dataDir);
  checkCluster(join(from, 'pglite'));
  mkdirSync(root, { recursive: true });
  const lock = lockDataDir(root);
  try {
    for (const part of PARTS) {
      const target = join(root, part);
      if (existsSync(target) && (part === 'pglite' || readdirSync(target).length > 0)) {
        throw new DataDirError(target, '目标已有数据，恢复不会覆盖它 (target holds data; restore never overwrites)', '请先停止服务，把该目录移到别处，再恢复。 (move it aside first)');
      }
    }
    // The database last: a restore stopped half-way leaves no pglite/ for a server to start on.
    for (const part of ['uploads', 'staff', 'pglite'] as const) {
      const source = join(from, part);
      if (!existsSync(source)) continue;
      const target = join(root, part);
      // An empty folder left where a part goes (checked above) is replaced by the backup's.
      if (existsSync(target)) rmdirSync(target);
      copyInto(source, target);
    }
  } finally {
    lock.release();
  }
}
