import { afterEach, describe, expect, it } from 'vitest';
import Fastify, { type FastifyInstance } from 'fastify';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import web from '../../server/plugins/web';
import { installErrorHandler } from '../../server/errors';

const INDEX = '<!doctype html><html lang="zh-CN"><body><zz-app></zz-app></body></html>';

let app: FastifyInstance | null = null;
let dir = '';

async function serve(withBuild: boolean): Promise<FastifyInstance> {
  dir = mkdtempSync(join(tmpdir(), 'zz-web-'));
  if (withBuild) {
    mkdirSync(join(dir, 'assets'));
    writeFileSync(join(dir, 'index.html'), INDEX);
    writeFileSync(join(dir, 'assets', 'index-abc123.js'), 'console.log(1)');
  }
  app = Fastify({ logger: false });
  installErrorHandler(app);
  await app.register(web, { root: dir });
  await app.ready();
  return app;
}

afterEach(async () => {
  await app?.close();
  app = null;
  rmSync(dir, { recursive: true, force: true });
});

describe('web plugin', () => {
  it('serves the built page at / and revalidates it on every load', async () => {
    const res = await (await serve(true)).inject('/');
    expect(res.statusCode).toBe(200);
    expect(res.body).toBe(INDEX);
    expect(res.headers['cache-control']).toBe('no-cache');
  });

  it('answers a deep link with the app so a shared page URL opens', async () => {
    const res = await (await serve(true)).inject('/session/abc');
    expect(res.statusCode).toBe(200);
    expect(res.body).toBe(INDEX);
  });

  it('caches hashed assets for a year because their names change with their content', async () => {
    const res = await (await serve(true)).inject('/assets/index-abc123.js');
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toContain('immutable');
  });

  it('keeps JSON 404s for unknown API paths and missing assets instead of returning the page', async () => {
    const a = await serve(true);
    for (const url of ['/api/nope', '/assets/gone.js']) {
      const res = await a.inject(url);
      expect(res.statusCode, url).toBe(404);
      expect(res.json().error.code).toBe('NOT_FOUND');
    }
  });

  it('steps aside when the page has not been built, leaving / to the fallback page', async () => {
    const res = await (await serve(false)).inject('/');
    expect(res.statusCode).toBe(404);
  });
});
