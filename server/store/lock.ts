import { closeSync, openSync, readFileSync, rmSync, statSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';

/**
 * One server per data directory. PGlite is a single-process database with no locking of its
 * own: two processes on one directory both start and overwrite each other's pages.
 *
 * The lock is a file created with O_EXCL (atomic on local filesystems) holding the owner's pid,
 * host, the pid's start time and a random nonce. A lock left by a killed process is detected
 * and taken over at once, so a restart after kill -9 or a power cut needs no manual step:
 * - same host and the pid no longer exists: stale;
 * - the pid exists but started at another time (Linux /proc): the pid was reused, stale;
 * - the pid is ours but the nonce is not one this process wrote: a previous run in a container
 *   that reuses pids (often pid 1), stale.
 * A lock from another host is never taken over: its liveness cannot be checked from here.
 *
 * A heartbeat-based lock (proper-lockfile: mkdir + mtime refresh) was not used: PGlite's start
 * blocks the event loop for seconds, long enough to miss refreshes and have the lock declared
 * stale under a live server, and after a crash it makes the restart wait out the stale period.
 */
export const LOCK_FILE = 'zhizao.lock';

interface LockInfo {
  pid: number;
  host: string;
  /** Start time of the pid in clock ticks since boot (Linux), to tell a reused pid apart. */
  started: string | null;
  nonce: string;
  at: string;
}

export class DataDirLockedError extends Error {
  constructor(
    readonly path: string,
    readonly holder: Partial<LockInfo>,
  ) {
    super(
      `数据目录已被另一个进程使用 (data directory in use): ${path} 由 pid ${holder.pid ?? '?'}（主机 ${holder.host ?? '?'}，${holder.at ?? '?'} 起）持有。` +
        `同一数据目录只能运行一个服务实例；请停止另一个实例，或为本实例设置不同的 DATA_DIR。` +
        `若确认该进程已不存在（例如在另一台主机上），删除此锁文件后重启。` +
        ` (another server holds this lock; stop it or use another DATA_DIR; if it is gone, delete the lock file)`,
    );
  }
}

const ownNonces = new Set<string>();

function procStart(pid: number): string | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Field 22 (starttime); the command name (field 2) may contain spaces, so count after its ')'.
    const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return rest[19] ?? null;
  } catch {
    return null;
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: the pid exists but belongs to another user.
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function isStale(info: Partial<LockInfo>): boolean {
  if (typeof info.pid !== 'number' || info.host !== hostname()) return false;
  if (info.pid === process.pid) return !(info.nonce && ownNonces.has(info.nonce));
  if (!alive(info.pid)) return true;
  const now = procStart(info.pid);
  return Boolean(info.started && now && info.started !== now);
}

function readInfo(path: string): Partial<LockInfo> | undefined {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as Partial<LockInfo>;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    // A lock file cut short by a crash between create and write: nobody can hold it.
    return {};
  }
}

function mtimeMs(path: string): number {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return 0;
  }
}

export interface DataDirLock {
  readonly path: string;
  release(): void;
}

/** Takes the data directory's lock or throws DataDirLockedError naming the holder. */
export function lockDataDir(dataDir: string): DataDirLock {
  const path = join(dataDir, LOCK_FILE);
  const info: LockInfo = {
    pid: process.pid,
    host: hostname(),
    started: procStart(process.pid),
    nonce: randomUUID(),
    at: new Date().toISOString(),
  };
  for (let attempt = 0; attempt < 3; attempt++) {
    let fd: number;
    try {
      fd = openSync(path, 'wx', 0o600);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const holder = readInfo(path);
      if (holder === undefined) continue;
      // An unreadable lock is one cut short by a crash between create and write, unless it is
      // brand new (its owner may be writing it this very moment).
      const unreadable = Object.keys(holder).length === 0;
      const stale = unreadable ? Date.now() - mtimeMs(path) > 10_000 : isStale(holder);
      if (!stale) throw new DataDirLockedError(path, holder);
      // Stale: remove it and race for a fresh O_EXCL create; a concurrent starter may win, and then we see its lock.
      rmSync(path, { force: true });
      continue;
    }
    try {
      writeSync(fd, JSON.stringify(info));
    } finally {
      closeSync(fd);
    }
    ownNonces.add(info.nonce);
    let released = false;
    return {
      path,
      release() {
        if (released) return;
        released = true;
        ownNonces.delete(info.nonce);
        // Only remove the file if it is still ours (it may have been deleted by hand and re-taken).
        if (readInfo(path)?.nonce === info.nonce) rmSync(path, { force: true });
      },
    };
  }
  throw new DataDirLockedError(path, readInfo(path) ?? {});
}
