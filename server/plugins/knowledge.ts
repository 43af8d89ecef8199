import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { createKnowledgeBase, type KnowledgeBase } from '../knowledge/base';
import { KnowledgeError, loadKnowledgeData } from '../knowledge/load';
import { isDraft, publishedVersions } from '../knowledge/versions';
import { HttpError, ErrorCode } from '../errors';

declare module 'fastify' {
  interface FastifyInstance {
    kb: KnowledgeBase;
    /** Resolves a request's optional `knowledgeVersion`; an unknown version is a 400 naming the field. */
    knowledgeFor(version: string | undefined, field?: string): KnowledgeBase;
  }
}

/**
 * Loads and validates the configured knowledge version once, at startup. A broken file
 * makes registration throw with the file and field, so the server never starts half-informed.
 */
async function knowledge(fastify: FastifyInstance): Promise<void> {
  const dir = fastify.config.KNOWLEDGE_DIR;
  if (isDraft(dir, fastify.config.KNOWLEDGE_VERSION)) {
    throw new KnowledgeError(fastify.config.KNOWLEDGE_VERSION, 'is an unpublished draft; review and publish it (npm run knowledge:publish) before serving it');
  }
  const data = loadKnowledgeData(dir, fastify.config.KNOWLEDGE_VERSION);
  const kb = createKnowledgeBase(data);
  const loaded = new Map([[kb.version, kb]]);
  // The configured version serves new work; the other published versions stay answerable by name
  // (a request's knowledgeVersion), so work begun under last year's notice can still be answered by it.
  for (const v of publishedVersions(dir)) if (!loaded.has(v)) loaded.set(v, createKnowledgeBase(loadKnowledgeData(dir, v)));
  fastify.decorate('kb', kb);
  fastify.decorate('knowledgeFor', (version: string | undefined, field = 'body.knowledgeVersion') => {
    if (version === undefined) return kb;
    const found = loaded.get(version);
    if (!found) {
      throw new HttpError(400, ErrorCode.validation, `请求参数有误 (invalid request) — ${field}: 未知的知识库版本 "${version}"，可用版本：${[...loaded.keys()].join('、')}`, [
        { field, message: `unknown knowledge version; available: ${[...loaded.keys()].join(', ')}` },
      ]);
    }
    return found;
  });
  fastify.log.info({ version: kb.version, clauses: data.clauses.length, versions: [...loaded.keys()] }, 'knowledge loaded');
}

export default fp(knowledge, { name: 'knowledge' });
