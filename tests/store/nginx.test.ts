import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ChatClient } from '../chat/client';
import { serve, type Served } from '../chat/serve';
import { steer } from '../chat/steer';
import { workshop } from '../chat/enterprises';
import { PG_SKIP_REASON, startPgCluster, type PgCluster } from './pg-cluster';

/*
 * Two instances on one PostgreSQL behind Debian's nginx, with the upstream block from
 * docs/deploy.md: plain round robin, no sticky sessions. Skipped when nginx or PostgreSQL is
 * not installed.
 */
const NGINX = '/usr/sbin/nginx';
const SKIP = PG_SKIP_REASON ?? (existsSync(NGINX) ? undefined : 'nginx not installed');
if (SKIP) console.warn(`tests/store/nginx.test.ts skipped: ${SKIP}`);

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

/** The docs/deploy.md configuration, on loopback ports and with files in a temp prefix. */
function nginxConf(prefix: string, listen: number, upstreams: number[]): string {
  return `
worker_processes 1;
pid ${prefix}/nginx.pid;
error_log ${prefix}/error.log warn;
events { worker_connections 256; }
http {
  log_format upstreamlog '$request_method $uri $status $upstream_addr';
  access_log ${prefix}/access.log upstreamlog;
  client_body_temp_path ${prefix}/body;
  proxy_temp_path ${prefix}/proxy;
  fastcgi_temp_path ${prefix}/fastcgi;
  uwsgi_temp_path ${prefix}/uwsgi;
  scgi_temp_path ${prefix}/scgi;

  map $http_upgrade $connection_upgrade { default upgrade; '' close; }

  upstream zhizao {
${upstreams.map((p) => `    server 127.0.0.1:${p};`).join('\n')}
  }

  server {
    listen 127.0.0.1:${listen};
    client_max_body_size 2m;

    location = /metrics { deny all; }

    location /api/chat {
      proxy_pass http://zhizao;
      proxy_http_version 1.1;
      proxy_set_header Upgrade $http_upgrade;
      proxy_set_header Connection $connection_upgrade;
      proxy_set_header Host $host;
      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
      proxy_set_header X-Forwarded-Proto $scheme;
      proxy_read_timeout 1h;
    }

    location / {
      proxy_pass http://zhizao;
      proxy_set_header Host $host;
      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
      proxy_set_header X-Forwarded-Proto $scheme;
    }
  }
}
`;
}

describe.skipIf(SKIP)('two instances behind nginx, round robin', () => {
  let cluster: PgCluster;
  let A: Served;
  let B: Served;
  let nginx: ChildProcess;
  let prefix: string;
  let front: string;

  beforeAll(async () => {
    cluster = startPgCluster();
    const env = { DATABASE_URL: cluster.url(), DATABASE_POOL_SIZE: '4', TRUST_PROXY: 'true' };
    A = await serve(env);
    B = await serve(env);
    prefix = mkdtempSync(join(tmpdir(), 'zhizao-nginx-'));
    const port = await freePort();
    const conf = join(prefix, 'nginx.conf');
    const upstreams = [A, B].map((s) => Number(new URL(s.http).port));
    writeFileSync(conf, nginxConf(prefix, port, upstreams));
    nginx = spawn(NGINX, ['-p', prefix, '-c', conf, '-g', 'daemon off;'], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    nginx.stderr!.on('data', (d) => (stderr += String(d)));
    front = `127.0.0.1:${port}`;
    // Wait until nginx answers (it proxies /api/health to an instance).
    for (let i = 0; ; i++) {
      const ok = await fetch(`http://${front}/api/health`).then((r) => r.ok, () => false);
      if (ok) break;
      if (i > 100 || nginx.exitCode !== null) throw new Error(`nginx did not start: ${stderr}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }, 180_000);
  afterAll(async () => {
    nginx?.kill('SIGTERM');
    if (nginx && nginx.exitCode === null) await new Promise((r) => nginx.once('exit', r));
    await A?.close();
    await B?.close();
    cluster?.stop();
    if (prefix) rmSync(prefix, { recursive: true, force: true });
  });

  it('resumes a session on whichever instance nginx picks for each new socket', async () => {
    let n = 0;
    const s = await steer(`ws://${front}/api/chat`, workshop, () => n++ >= 2);
    await s.client.close();
    const seen = new Map<string, number>();
    for (let i = 0; i < 4; i++) {
      const c = await ChatClient.connect(`ws://${front}/api/chat`);
      c.send({ type: 'open', sessionId: s.sessionId, token: s.token, lastSeq: 0 });
      const session = await c.next('session');
      expect(session.resumed).toBe(true);
      expect(Object.keys(session.answers)).toHaveLength(2);
      expect((await c.next('question')).question?.id).toBe(s.question!.id);
      await c.close();
    }
    // nginx logs a proxied socket when it closes, a moment after the client's close.
    const sockets = () => readFileSync(join(prefix, 'access.log'), 'utf8').split('\n').filter((l) => l.startsWith('GET /api/chat 101 '));
    for (let i = 0; i < 50 && sockets().length < 5; i++) await new Promise((r) => setTimeout(r, 100));
    const log = sockets();
    for (const l of log) seen.set(l.split(' ').at(-1)!, (seen.get(l.split(' ').at(-1)!) ?? 0) + 1);
    // Five sockets (one new session, four resumes) went to both instances, with no stickiness.
    expect(log).toHaveLength(5);
    expect(seen.size).toBe(2);
  }, 120_000);

  it('keeps /metrics off the public side', async () => {
    expect((await fetch(`http://${front}/metrics`)).status).toBe(403);
  });
});
