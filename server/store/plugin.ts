import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { notFound } from '../errors';
import { PgliteStore } from './pglite';
import { PostgresStore } from './postgres';
import { postgresRateLimitStore } from './rate-limit';
import type { FastifyRateLimitStoreCtor } from '@fastify/rate-limit';
import type { SessionStore } from './types';
import { checkDataDirLayout } from './open';

declare module 'fastify' {
  interface FastifyInstance {
    store: SessionStore;
    /**
     * The session a request may touch: `:id` from the route and `Authorization: Bearer <token>`.
     * Throws 404 for a missing or wrong token as well as for an unknown id, so a caller
     * without the token cannot learn whether the session exists.
     */
    requireSession(request: FastifyRequest): Promise<string>;
  }
}

/** The rate-limit store for a store whose database other instances share; undefined keeps the plugin's in-memory one. */
export function sharedRateLimitStore(store: SessionStore): FastifyRateLimitStoreCtor | undefined {
  return store instanceof PostgresStore ? postgresRateLimitStore(() => store.database()) : undefined;
}

export function bearerToken(header: string | undefined): string | undefined {
  if (typeof header !== 'string') return undefined;
  const m = /^Bearer\s+(\S{1,256})\s*$/i.exec(header);
  return m?.[1];
}

async function storePlugin(fastify: FastifyInstance, opts: { store?: SessionStore }): Promise<void> {
  // PGlite starts opening now, in its own thread, while the other plugins load; onReady waits for
  // it (outside avvio's plugin timeout) and fails if it cannot open, so the server never listens
  // without its database. PostgreSQL is migrated in onReady.
  const c = fastify.config;
  // Checked here, synchronously, before any later plugin creates DATA_DIR/staff or uploads: the
  // store's own open is awaited only at onReady, and the first error would otherwise be theirs.
  checkDataDirLayout(c.DATA_DIR, { embedded: !c.DATABASE_URL });
  const store: SessionStore =
    opts.store ??
    (c.DATABASE_URL ? PostgresStore.start({ url: c.DATABASE_URL, poolSize: c.DATABASE_POOL_SIZE }) : PgliteStore.start({ dataDir: c.DATA_DIR }));
  fastify.decorate('store', store as SessionStore);
  fastify.decorate('requireSession', async (request: FastifyRequest): Promise<string> => {
    const id = (request.params as { id?: unknown } | undefined)?.id;
    const token = bearerToken(request.headers.authorization);
    if (typeof id !== 'string' || !token || !(await store.authenticate(id, token))) throw notFound(fastify.kb.data.ui.notFound, 'session');
    return id;
  });
  fastify.addHook('onReady', async () => {
    await store.ready?.();
  });
  fastify.addHook('onClose', async () => {
    await store.close();
  });
}

export default fp(storePlugin, { name: 'store' });
