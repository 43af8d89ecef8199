import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';

/**
 * Liveness and readiness, kept apart so an orchestrator restarts a wedged process but only
 * takes a running one out of rotation when its data cannot be served.
 * - /api/health: the process answers (no I/O).
 * - /api/ready: a real query on every table, no damaged page read since the start, and the
 *   knowledge base loaded with its clauses.
 */
async function health(fastify: FastifyInstance): Promise<void> {
  fastify.get('/api/health', { config: { rateLimit: false } }, async () => ({ ok: true }));

  fastify.get('/api/ready', { config: { rateLimit: false } }, async (request, reply) => {
    const checks: Record<string, { ok: boolean; error?: string }> = {};
    try {
      await fastify.store.check();
      checks.database = { ok: true };
    } catch (err) {
      // Logged at error level for the operator; the message is the database's, never user text.
      request.log.error({ err: { message: (err as Error).message, code: (err as { code?: unknown }).code } }, 'readiness: database check failed');
      checks.database = { ok: false, error: (err as Error).message.slice(0, 300) };
    }
    const clauses = fastify.kb.data.clauses.length;
    checks.knowledge = clauses > 0 ? { ok: true } : { ok: false, error: `knowledge ${fastify.kb.version} has no clauses` };
    const ok = Object.values(checks).every((c) => c.ok);
    return reply.status(ok ? 200 : 503).send({ ok, checks });
  });
}

export default fp(health, { name: 'health', dependencies: ['store', 'knowledge'] });
