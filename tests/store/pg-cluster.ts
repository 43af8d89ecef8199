import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A throwaway PostgreSQL cluster for tests: initdb into a temp dir, listening only on a unix
 * socket in that dir, stopped and removed by stop(). postgres refuses to run as root, so as
 * root the server runs as the `postgres` system user (Debian's package creates it) via runuser.
 */
export interface PgCluster {
  /** A connection URL for DATABASE_URL / PostgresStore (unix socket, trust auth). */
  url(database?: string): string;
  createDatabase(name: string): void;
  stop(): void;
}

/** Debian's layout (/usr/lib/postgresql/<major>/bin), newest first; undefined when no server is installed. */
export function pgBinDir(): string | undefined {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return undefined;
  const majors = readdirSync(root).filter((d) => /^\d+$/.test(d)).sort((a, b) => Number(b) - Number(a));
  for (const m of majors) if (existsSync(join(root, m, 'bin', 'pg_ctl'))) return join(root, m, 'bin');
  return undefined;
}

export const PG_SKIP_REASON = pgBinDir() ? undefined : 'PostgreSQL server binaries not installed (Debian package `postgresql`; .ci/run installs it)';

function uidOf(user: string): { uid: number; gid: number } | undefined {
  const r = spawnSync('id', ['-u', user], { encoding: 'utf8' });
  const g = spawnSync('id', ['-g', user], { encoding: 'utf8' });
  if (r.status !== 0 || g.status !== 0) return undefined;
  return { uid: Number(r.stdout.trim()), gid: Number(g.stdout.trim()) };
}

export function startPgCluster(): PgCluster {
  const bin = pgBinDir();
  if (!bin) throw new Error(PG_SKIP_REASON);
  const dir = mkdtempSync(join(tmpdir(), 'zhizao-pg-'));
  const asRoot = process.getuid?.() === 0;
  const run = (cmd: string, args: string[]) => {
    const full = join(bin, cmd);
    if (!asRoot) return execFileSync(full, args, { stdio: 'pipe' });
    return execFileSync('runuser', ['-u', 'postgres', '--', full, ...args], { stdio: 'pipe' });
  };
  if (asRoot) {
    const pgUser = uidOf('postgres');
    if (!pgUser) throw new Error('running as root, and there is no `postgres` user to run the server as');
    chownSync(dir, pgUser.uid, pgUser.gid);
  }
  chmodSync(dir, 0o700);
  const data = join(dir, 'data');
  // Unix socket only (no TCP port to collide with); the port only names the socket file.
  const port = 20000 + Math.floor(Math.random() * 20000);
  try {
    run('initdb', ['-D', data, '-U', 'postgres', '-A', 'trust', '--no-sync', '-E', 'UTF8', '--locale=C']);
    run('pg_ctl', [
      '-D', data, '-l', join(dir, 'log'), '-w', '-t', '60', 'start',
      '-o', `-k ${dir} -p ${port} -c listen_addresses='' -F -c max_connections=100 -c shared_buffers=16MB`,
    ]);
  } catch (err) {
    const e = err as { stderr?: Buffer };
    rmSync(dir, { recursive: true, force: true });
    throw new Error(`could not start a test PostgreSQL cluster: ${e.stderr?.toString() ?? String(err)}`);
  }
  const url = (db = 'postgres') => `postgres://postgres@localhost/${db}?host=${encodeURIComponent(dir)}&port=${port}`;
  let stopped = false;
  return {
    url,
    createDatabase(name: string) {
      run('createdb', ['-h', dir, '-p', String(port), '-U', 'postgres', name]);
    },
    stop() {
      if (stopped) return;
      stopped = true;
      try {
        run('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
