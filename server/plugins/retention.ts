import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';

declare module 'fastify' {
  interface FastifyInstance {
    retention: {
      /** Deletes one session with its uploads; false if it did not exist. */
      deleteSession(sessionId: string): Promise<boolean>;
      /** Deletes every session inactive for SESSION_RETENTION_DAYS as of `now`; returns how many. */
      purge(now?: Date): Promise<number>;
    };
  }
}

const DAY_MS = 24 * 60 * 60_000;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * What a session holds is personal data (contact names and phone numbers in the forms), so it
 * is kept only while in use: the database rows and DATA_DIR/uploads/<sessionId>/ go together,
 * on request (DELETE /api/sessions/:id) or after SESSION_RETENTION_DAYS without activity.
 */
async function retention(fastify: FastifyInstance): Promise<void> {
  const c = fastify.config;
  const uploads = resolve(c.DATA_DIR, 'uploads');
  const removeUploads = async (id: string) => {
    // Ids come from the store; the pattern check keeps a bad one from naming another path.
    if (UUID.test(id)) await rm(join(uploads, id), { recursive: true, force: true });
  };

  const api = {
    async deleteSession(sessionId: string): Promise<boolean> {
      const existed = await fastify.store.delete(sessionId);
      await removeUploads(sessionId);
      if (existed) fastify.metrics.sessionsDeleted.inc({ reason: 'request' });
      return existed;
    },
    async purge(now = new Date()): Promise<number> {
      if (c.SESSION_RETENTION_DAYS === 0) return 0;
      const before = new Date(now.getTime() - c.SESSION_RETENTION_DAYS * DAY_MS);
      let total = 0;
      for (;;) {
        const ids = await fastify.store.purgeInactive(before, 500);
        for (const id of ids) await removeUploads(id);
        total += ids.length;
        fastify.metrics.sessionsDeleted.inc({ reason: 'retention' }, ids.length);
        if (ids.length < 500) break;
      }
      if (total > 0) fastify.log.info({ purged: total, before: before.toISOString() }, 'retention: inactive sessions deleted');
      return total;
    },
  };
  fastify.decorate('retention', api);

  if (c.SESSION_RETENTION_DAYS === 0) return;
  let timer: NodeJS.Timeout | undefined;
  const run = () => {
    api.purge().catch((err: unknown) => fastify.log.error({ err }, 'retention: purge failed'));
  };
  fastify.addHook('onReady', async () => {
    // Not at start: the first purge waits a minute so it never delays the first requests.
    timer = setTimeout(function tick() {
      run();
      timer = setTimeout(tick, c.RETENTION_PURGE_INTERVAL_MS).unref();
    }, 60_000).unref();
  });
  fastify.addHook('onClose', async () => clearTimeout(timer));
}

export default fp(retention, { name: 'retention', dependencies: ['store', 'metrics'] });
