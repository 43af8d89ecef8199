import type { FastifyInstance, FastifyPluginAsync } from 'fastify';
import fp from 'fastify-plugin';
import helmet from 'helmet';
import rateLimit from '@fastify/rate-limit';
import type { Config } from './config';
import { installErrorHandler } from './errors';
import store from './store/plugin';
import sessions from './routes/sessions';
import chat from './routes/chat';
import knowledge from './plugins/knowledge';
import knowledgeRoutes from './routes/knowledge';
import askRoutes from './routes/ask';
import fallbackPage from './routes/fallback-page';
import llm from './plugins/llm';
import { llmSpeakerOption } from './llm/chat';

export interface AppOptions {
  config: Config;
}

declare module 'fastify' {
  interface FastifyInstance {
    config: Config;
  }
}

/**
 * The whole application as one plugin. Tests build it with `app.inject`;
 * main.ts only adds logging, graceful shutdown and listen.
 */
const app: FastifyPluginAsync<AppOptions> = async (fastify: FastifyInstance, opts) => {
  fastify.decorate('config', opts.config);
  installErrorHandler(fastify);

  // helmet is built once here: @fastify/helmet rebuilt the whole middleware on every request, which cost
  // a measurable share of /api/ask throughput (bench/ask.ts).
  const securityHeaders = helmet({
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // Lit adopts constructable stylesheets; inline <style> is only used as their fallback.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        frameAncestors: ["'self'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        // helmet adds upgrade-insecure-requests by default; on a plain-HTTP intranet address the browser
        // would then fetch the page's own scripts over https and show a blank page.
        upgradeInsecureRequests: null,
      },
    },
  });
  fastify.addHook('onRequest', (req, reply, done) => securityHeaders(req.raw, reply.raw, (err) => done(err as Error | undefined)));
  // An attacker could enumerate session ids or flood /api/ask if requests were not rate limited.
  await fastify.register(rateLimit, {
    max: opts.config.RATE_LIMIT_MAX,
    timeWindow: opts.config.RATE_LIMIT_WINDOW_MS,
    errorResponseBuilder: (_req, ctx) => ({
      statusCode: 429,
      error: 'Too Many Requests',
      message: `请求过于频繁，请 ${Math.ceil(ctx.ttl / 1000)} 秒后再试 (rate limited)`,
    }),
  });

  fastify.get('/api/health', async () => ({ ok: true }));
  await fastify.register(store);
  await fastify.register(llm);
  await fastify.register(knowledge);
  await fastify.register(import('./staff/plugin'));
  await fastify.register(knowledgeRoutes);
  await fastify.register(import('./routes/assess'));
  await fastify.register(askRoutes);
  await fastify.register(import('./routes/capabilities'));
  await fastify.register(import('./routes/forms'));
  await fastify.register(sessions);
  await fastify.register(chat, { speaker: llmSpeakerOption(fastify.llm) });
  await fastify.register(import('./plugins/web'));
  await fastify.register(fallbackPage);
};

export default fp(app, { name: 'zhizao-app' });
