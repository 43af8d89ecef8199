import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { appendFileSync, cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { templateDir } from './template';
import { loadConfig } from '../../server/config';
import { loadKnowledgeData } from '../../server/knowledge/load';
import { addAccount } from '../../server/staff/accounts';
import { regionNames } from '../../server/staff/bureau';
// @ts-expect-error a plain ES module script without types
import { buildServer } from '../../scripts/build.mjs';

/**
 * The compiled server as `npm start` runs it: the bundle built by scripts/build.mjs, started by its
 * loader with V8's code cache. Built into a directory of its own under dist/ (at the depth of
 * dist/server, so its asset paths resolve the same way) and removed afterwards.
 */
let out: string;
let dataDir: string;

const QUESTION = '申报智能工厂需要什么条件？';

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

/** Starts the compiled server, asks one question, stops it with SIGTERM; its answer, exit code and stderr. */
async function askOnce(nodeArgs: string[] = []): Promise<{ answer: unknown; code: number | null; stderr: string }> {
  const port = await freePort();
  const child = spawn(process.execPath, [...nodeArgs, join(out, 'main.js')], {
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  let answer: unknown;
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`server exited before answering: ${stderr}`);
      const r = await fetch(`http://127.0.0.1:${port}/api/ask`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ question: QUESTION }),
      }).catch(() => undefined);
      if (r?.ok) {
        answer = await r.json();
        break;
      }
      await new Promise((r) => setTimeout(r, 50));
    }
  } finally {
    child.kill('SIGTERM');
  }
  return { answer, code: await exited, stderr };
}

/**
 * Starts the compiled server, signs a bureau account in and downloads its 推荐汇总表: the
 * spreadsheet package is one the bundle loads on first use, not at start.
 */
async function exportSummaryOnce(username: string, password: string): Promise<{ status: number; body: Buffer; stderr: string }> {
  const port = await freePort();
  const child = spawn(process.execPath, [join(out, 'main.js')], {
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'error' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const base = `http://127.0.0.1:${port}/api/staff`;
  let cookie = '';
  const call = async (path: string, init: RequestInit = {}) => {
    const r = await fetch(`${base}${path}`, { ...init, headers: { ...(init.headers as Record<string, string>), cookie } });
    const set = r.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
    if (set) cookie = set;
    return r;
  };
  try {
    const login = async (pw: string) => {
      for (;;) {
        if (child.exitCode !== null) throw new Error(`server exited: ${stderr}`);
        const r = await call('/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: pw }) }).catch(() => undefined);
        if (r) return (await r.json()) as { csrfToken: string; mustChangePassword: boolean };
        await new Promise((r) => setTimeout(r, 50));
      }
    };
    const me = await login(password);
    if (me.mustChangePassword) {
      const next = `${password}-changed`;
      const r = await call('/password', { method: 'POST', headers: { 'content-type': 'application/json', 'x-csrf-token': me.csrfToken }, body: JSON.stringify({ current: password, next }) });
      expect(r.status).toBe(200);
      password = next;
    }
    const r = await call('/bureau/summary.xlsx');
    return { status: r.status, body: Buffer.from(await r.arrayBuffer()), stderr };
  } finally {
    child.kill('SIGTERM');
    await exited;
  }
}

function caches(): string[] {
  return readdirSync(out).filter((n) => n.endsWith('.code-cache'));
}

/** A cache file is its payload's SHA-256 followed by the payload. */
function intact(file: string): boolean {
  const buf = readFileSync(join(out, file));
  return createHash('sha256').update(buf.subarray(32)).digest().equals(buf.subarray(0, 32));
}

describe('the compiled server', () => {
  beforeAll(async () => {
    mkdirSync('dist', { recursive: true });
    out = mkdtempSync(join('dist', '.compiled-test-'));
    buildServer(out);
    dataDir = mkdtempSync(join(tmpdir(), 'zhizao-compiled-'));
    cpSync(await templateDir(), join(dataDir, 'pglite'), { recursive: true });
  }, 120_000);
  afterAll(() => {
    if (out) rmSync(out, { recursive: true, force: true });
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  let first: unknown;

  it('answers from the bundle, and writes a code cache with its checksum when it exits', async () => {
    expect(caches()).toEqual([]);
    const r = await askOnce();
    expect(r.code).toBe(0);
    // The loader uses no experimental vm feature that would warn in the log.
    expect(r.stderr).not.toContain('ExperimentalWarning');
    expect((r.answer as { citations: unknown[] }).citations.length).toBeGreaterThan(0);
    first = r.answer;
    expect(caches()).toHaveLength(1);
    expect(intact(caches()[0]!)).toBe(true);
  }, 120_000);

  it('starts from the cache it wrote, gives the same answer, and leaves the cache as it was', async () => {
    const [name] = caches();
    const before = readFileSync(join(out, name!));
    const r = await askOnce();
    expect(r.code).toBe(0);
    expect(r.answer).toEqual(first);
    expect(caches()).toEqual([name]);
    expect(readFileSync(join(out, name!)).equals(before)).toBe(true);
  }, 120_000);

  it('loads a package on first use when started from its cache: the bureau exports its 推荐汇总表', async () => {
    expect(caches()).toHaveLength(1);
    const config = loadConfig({ DATA_DIR: dataDir });
    const kb = loadKnowledgeData(config.KNOWLEDGE_DIR, config.KNOWLEDGE_VERSION);
    const password = await addAccount(dataDir, { username: 'bureau-compiled', role: 'bureau', region: '郑州市', createdBy: 'test' }, regionNames(kb));
    const r = await exportSummaryOnce('bureau-compiled', password);
    expect(r.stderr).not.toContain('ERR_VM_DYNAMIC_IMPORT');
    expect(r.status).toBe(200);
    // An .xlsx file is a ZIP archive.
    expect(r.body.subarray(0, 2).toString('latin1')).toBe('PK');
  }, 120_000);

  it('does not use a damaged cache: it compiles from source and writes the cache again', async () => {
    const [name] = caches();
    const buf = readFileSync(join(out, name!));
    buf[buf.length >> 1] ^= 0xff;
    writeFileSync(join(out, name!), buf);
    expect(intact(name!)).toBe(false);
    const r = await askOnce();
    expect(r.code).toBe(0);
    expect(r.answer).toEqual(first);
    expect(caches()).toEqual([name]);
    expect(intact(name!)).toBe(true);
  }, 120_000);

  it('does not use the cache of another bundle: a changed bundle gets a cache of its own', async () => {
    const [old] = caches();
    appendFileSync(join(out, 'server.cjs'), '\n// changed\n');
    const r = await askOnce();
    expect(r.code).toBe(0);
    expect(r.answer).toEqual(first);
    const now = caches();
    expect(now).toHaveLength(1);
    expect(now[0]).not.toBe(old);
    expect(intact(now[0]!)).toBe(true);
  }, 120_000);

  it("with --enable-source-maps loads the bundle through Node's own module loader (which maps stack traces) and keeps no code cache", async () => {
    for (const name of caches()) rmSync(join(out, name));
    const r = await askOnce(['--enable-source-maps']);
    expect(r.code).toBe(0);
    expect(r.answer).toEqual(first);
    expect(caches()).toEqual([]);
  }, 120_000);
});
