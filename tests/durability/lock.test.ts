import { afterAll, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataDirLockedError, LOCK_FILE, lockDataDir } from '../../server/store/lock';
import { seedDataDir } from './template';

const dirs: string[] = [];
const children: ChildProcess[] = [];
function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'zhizao-lock-'));
  dirs.push(d);
  return d;
}
afterAll(() => {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

interface Started {
  proc: ChildProcess;
  /** Resolves with the port once listening, or rejects with the output if the process exits first. */
  listening: Promise<number>;
  exited: Promise<{ code: number | null; output: string }>;
}

function startServer(dataDir: string): Started {
  const proc = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'info' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(proc);
  let out = '';
  const exited = new Promise<{ code: number | null; output: string }>((resolve) => proc.once('exit', (code) => resolve({ code, output: out })));
  const listening = new Promise<number>((resolve, reject) => {
    const onData = (d: Buffer) => {
      out += d.toString();
      const m = /listening at http:\/\/127\.0\.0\.1:(\d+)/i.exec(out);
      if (m) resolve(Number(m[1]));
    };
    proc.stdout!.on('data', onData);
    proc.stderr!.on('data', onData);
    void exited.then(({ code, output }) => reject(new Error(`exited with ${code}:\n${output}`)));
  });
  listening.catch(() => undefined);
  return { proc, listening, exited };
}

describe('one server per data directory', () => {
  it('a second process on the same DATA_DIR exits with a message naming the lock; after kill -9 of the first, a restart takes over', async () => {
    const dataDir = tempDir();
    await seedDataDir(dataDir);
    const a = startServer(dataDir);
    const port = await a.listening;
    expect((await fetch(`http://127.0.0.1:${port}/api/health`)).status).toBe(200);

    const b = startServer(dataDir);
    const { code, output } = await b.exited;
    expect(code).toBe(1);
    expect(output).toContain('data directory in use');
    expect(output).toContain(join(dataDir, LOCK_FILE));
    expect(output).toContain(`pid ${a.proc.pid}`);
    // The first server was not disturbed.
    expect((await fetch(`http://127.0.0.1:${port}/api/ready`)).status).toBe(200);

    a.proc.kill('SIGKILL');
    await a.exited;
    const c = startServer(dataDir);
    const port2 = await c.listening;
    expect((await fetch(`http://127.0.0.1:${port2}/api/ready`)).status).toBe(200);
    c.proc.kill('SIGTERM');
    expect((await c.exited).code).toBe(0);
    // A clean stop releases the lock.
    expect(existsSync(join(dataDir, LOCK_FILE))).toBe(false);
  }, 240_000);

  it('refuses a second lock in the same process and releases on demand', () => {
    const dir = tempDir();
    const first = lockDataDir(dir);
    expect(() => lockDataDir(dir)).toThrow(DataDirLockedError);
    first.release();
    const again = lockDataDir(dir);
    again.release();
    expect(existsSync(join(dir, LOCK_FILE))).toBe(false);
  });

  it('takes over a lock whose pid was reused by another process, but not one from another host', () => {
    const dir = tempDir();
    const path = join(dir, LOCK_FILE);
    // pid 1 exists, but it did not start at the recorded time: the recorded owner is gone.
    writeFileSync(path, JSON.stringify({ pid: 1, host: hostname(), started: '1', nonce: 'old', at: '2020-01-01T00:00:00Z' }));
    const lock = lockDataDir(dir);
    expect(JSON.parse(readFileSync(path, 'utf8')).pid).toBe(process.pid);
    lock.release();
    writeFileSync(path, JSON.stringify({ pid: 12345, host: 'another-host', started: null, nonce: 'x', at: '2020-01-01T00:00:00Z' }));
    expect(() => lockDataDir(dir)).toThrow(/another-host/);
  });
});
