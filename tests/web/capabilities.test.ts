import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Fastify, { type FastifyInstance } from 'fastify';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import app from '../../server/app';
import { loadConfig } from '../../server/config';
import { CAPABILITY_IDS } from '../../server/schemas/profile';

// Like tests/helper build(), with a longer plugin timeout: the whole app boots slowly while browser tests share the CPU.
let built: { app: FastifyInstance };
let dataDir = '';
beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'zz-cap-'));
  const fastify = Fastify({ logger: false, pluginTimeout: 120_000 });
  await fastify.register(app, { config: loadConfig({ LOG_LEVEL: 'silent', DATA_DIR: dataDir }) });
  await fastify.ready();
  built = { app: fastify };
}, 180_000);
afterAll(async () => {
  await built?.app.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('GET /api/knowledge/capabilities', () => {
  it('names every capability id of the contract in Chinese, so the panel never shows a raw id', async () => {
    const res = await built.app.inject('/api/knowledge/capabilities');
    expect(res.statusCode).toBe(200);
    const body = res.json() as { capabilities: { id: string; label: string; clauses: string[] }[] };
    const ids = body.capabilities.map((c) => c.id).sort();
    expect(ids).toEqual([...CAPABILITY_IDS].sort());
    for (const c of body.capabilities) {
      expect(c.label, c.id).toMatch(/[\u4e00-\u9fff]/);
      expect(c.clauses.length, c.id).toBeGreaterThan(0);
    }
  });

  it('does not expose the free-text aliases, which are interpretation data and not display text', async () => {
    const res = await built.app.inject('/api/knowledge/capabilities');
    expect(res.body).not.toContain('aliases');
  });
});
