import Fastify, { type FastifyInstance } from 'fastify';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import app from '../server/app';
import { loadConfig, type Config } from '../server/config';
import { frameworkErrors } from '../server/errors';

export interface Built {
  app: FastifyInstance;
  config: Config;
  close(): Promise<void>;
}

/** Builds the real app on a fresh data directory; call close() in afterEach/afterAll. */
export async function build(env: Record<string, string> = {}): Promise<Built> {
  const dataDir = mkdtempSync(join(tmpdir(), 'zhizao-test-'));
  const config = loadConfig({ LOG_LEVEL: 'silent', DATA_DIR: dataDir, RATE_LIMIT_MAX: '100000',
    // Every test client comes from 127.0.0.1; the per-IP limits have their own tests (tests/durability/limits.test.ts).
    SESSION_CREATE_MAX: '100000000', WS_MAX_PER_IP: '100000', WS_UPGRADE_MAX: '100000000', ...env });
  // Opening the embedded database can take seconds on a loaded two-core machine; fastify's default 10 s is too tight.
  const fastify = Fastify({ logger: false, pluginTimeout: 120_000, frameworkErrors });
  await fastify.register(app, { config });
  await fastify.ready();
  return {
    app: fastify,
    config,
    async close() {
      await fastify.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
