import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Fastify, { type FastifyInstance } from 'fastify';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import app from '../../server/app';
import { loadConfig } from '../../server/config';

let fastify: FastifyInstance;
let dataDir = '';
beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'zz-csp-'));
  fastify = Fastify({ logger: false, pluginTimeout: 120_000 });
  await fastify.register(app, { config: loadConfig({ LOG_LEVEL: 'silent', DATA_DIR: dataDir }) });
  await fastify.ready();
}, 180_000);
afterAll(async () => {
  await fastify?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('Content-Security-Policy for the page', () => {
  it('allows only same-origin scripts and no eval, so injected markup cannot run code', async () => {
    const csp = String((await fastify.inject('/api/health')).headers['content-security-policy']);
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-eval');
    expect(csp).toContain("object-src 'none'");
  });

  it('does not upgrade requests to https, which blanks the page on a plain-HTTP intranet address', async () => {
    const csp = String((await fastify.inject('/api/health')).headers['content-security-policy']);
    expect(csp).not.toContain('upgrade-insecure-requests');
  });
});
