import Fastify, { type FastifyInstance } from 'fastify';
import { loadConfig } from '../../server/config';
import { installErrorHandler } from '../../server/errors';
import knowledge from '../../server/plugins/knowledge';
import knowledgeRoutes from '../../server/routes/knowledge';
import askRoutes from '../../server/routes/ask';

/**
 * Only the pieces the knowledge routes need (config, error handler, knowledge plugin, routes),
 * so these integration tests do not wait for the session database to start.
 */
export async function buildKnowledgeApp(env: Record<string, string> = {}): Promise<FastifyInstance> {
  const app = Fastify({ logger: false });
  app.decorate('config', loadConfig({ LOG_LEVEL: 'silent', ...env }));
  installErrorHandler(app);
  await app.register(knowledge);
  await app.register(knowledgeRoutes);
  await app.register(askRoutes);
  await app.ready();
  return app;
}
