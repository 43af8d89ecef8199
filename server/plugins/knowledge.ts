import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { join } from 'node:path';
import type { KnowledgeBase } from '../knowledge/base';
import { KnowledgeRegistry } from '../knowledge/registry';
import { HttpError, ErrorCode } from '../errors';

declare module 'fastify' {
  interface FastifyInstance {
    /** The default version: what new sessions and requests without a knowledgeVersion use. */
    kb: KnowledgeBase;
    knowledge: KnowledgeRegistry;
    /** Resolves a request's optional `knowledgeVersion`; an unknown version is a 400 naming the field. */
    knowledgeFor(version: string | undefined, field?: string): KnowledgeBase;
    /** The version a session was created under (see KnowledgeRegistry.forSession). */
    sessionKnowledge(sessionId: string): Promise<KnowledgeBase>;
  }
}

/**
 * Loads and validates every served knowledge version once, at startup. A broken file
 * makes registration throw with the file and field, so the server never starts half-informed.
 */
async function knowledge(fastify: FastifyInstance): Promise<void> {
  const cfg = fastify.config;
  const registry = KnowledgeRegistry.open(cfg.KNOWLEDGE_DIR, cfg.KNOWLEDGE_VERSION, {
    defaultFile: join(cfg.DATA_DIR, 'staff', 'knowledge-default.json'),
    log: (msg) => fastify.log.warn(msg),
  });
  fastify.decorate('knowledge', registry);
  // A getter: the default can move (an admin publishes next year's notice), and every reader sees the move.
  fastify.decorate('kb', { getter: () => registry.default });
  fastify.decorate('knowledgeFor', (version: string | undefined, field = 'body.knowledgeVersion') => {
    if (version === undefined) return registry.default;
    const found = registry.get(version);
    if (!found) {
      const list = registry.versions();
      throw new HttpError(400, ErrorCode.validation, `请求参数有误：${field}：未知的知识库版本 "${version}"，可用版本：${list.join('、')}`, [
        { field, message: `unknown knowledge version; available: ${list.join(', ')}` },
      ]);
    }
    return found;
  });
  fastify.decorate('sessionKnowledge', (sessionId: string) => registry.forSession(fastify.store, sessionId));
  fastify.log.info({ version: registry.default.version, clauses: registry.default.data.clauses.length, versions: registry.versions() }, 'knowledge loaded');
}

export default fp(knowledge, { name: 'knowledge' });
