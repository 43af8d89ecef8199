import type { FastifyInstance } from 'fastify';

/**
 * The Chinese names of the capability ids. The assessment names missing capabilities by id (a
 * public contract); the page needs their labels, which live in the knowledge data, not in the UI.
 */
export default async function capabilityRoutes(fastify: FastifyInstance): Promise<void> {
  fastify.get('/api/knowledge/capabilities', async (_req, reply) => {
    const { groups, capabilities } = fastify.kb.data.capabilities;
    // The labels change only with a knowledge release; an hour of caching spares every page load a request.
    reply.header('cache-control', 'public, max-age=3600');
    return {
      version: fastify.kb.version,
      groups,
      capabilities: capabilities.map(({ id, label, group, clauses }) => ({ id, label, group, clauses })),
    };
  });
}
