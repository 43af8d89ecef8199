import { cpSync, existsSync, mkdirSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { lockDataDir } from './lock';
import { checkCluster, DataDirError } from './open';

/**
 * A consistent copy of an embedded data directory: the database files and the uploads.
 * PGlite's files are only consistent while no server writes them, so the copy takes the data
 * directory's lock first, and a running server makes it fail instead of copying a torn state.
 */
export function backupDataDir(dataDir: string, destRoot: string, now = new Date()): string {
  const root = resolve(dataDir);
  if (!existsSync(join(root, 'pglite'))) throw new DataDirError(join(root, 'pglite'), '没有可备份的数据库 (no database to back up)', '');
  const lock = lockDataDir(root);
  try {
    checkCluster(join(root, 'pglite'));
    const dest = resolve(destRoot, `zhizao-backup-${now.toISOString().replace(/[:.]/g, '-')}`);
    if (existsSync(dest)) throw new Error(`备份目标已存在 (backup target exists): ${dest}`);
    mkdirSync(dest, { recursive: true });
    cpSync(join(root, 'pglite'), join(dest, 'pglite'), { recursive: true });
    if (existsSync(join(root, 'uploads'))) cpSync(join(root, 'uploads'), join(dest, 'uploads'), { recursive: true });
    return dest;
  } finally {
    lock.release();
  }
}

/**
 * Restores a backup into a data directory that holds no database. An existing database is
 * never overwritten: the operator moves it aside first (it may be the only copy of something).
 */
export function restoreDataDir(backupDir: string, dataDir: string): void {
  const from = resolve(backupDir);
  const root = resolve(dataDir);
  checkCluster(join(from, 'pglite'));
  mkdirSync(root, { recursive: true });
  const lock = lockDataDir(root);
  try {
    for (const part of ['pglite', 'uploads']) {
      const target = join(root, part);
      if (existsSync(target) && (part === 'pglite' || readdirSync(target).length > 0)) {
        throw new DataDirError(target, '目标已有数据，恢复不会覆盖它 (target holds data; restore never overwrites)', '请先停止服务，把该目录移到别处，再恢复。 (move it aside first)');
      }
    }
    cpSync(join(from, 'pglite'), join(root, 'pglite'), { recursive: true });
    if (existsSync(join(from, 'uploads'))) cpSync(join(from, 'uploads'), join(root, 'uploads'), { recursive: true });
  } finally {
    lock.release();
  }
}
