import type { FastifyInstance, FastifyPluginAsync } from 'fastify';
import fp from 'fastify-plugin';
import helmet from 'helmet';
import rateLimit from '@fastify/rate-limit';
import type { Config } from './config';
import { installErrorHandler } from './errors';
import store, { sharedRateLimitStore } from './store/plugin';
import type { SessionStore } from './store/types';
import health from './routes/health';
import limits from './plugins/limits';
import metrics from './plugins/metrics';
import retention from './plugins/retention';
import sessions from './routes/sessions';
import chat from './routes/chat';
import knowledge from './plugins/knowledge';
import knowledgeRoutes from './routes/knowledge';
import askRoutes from './routes/ask';
import assessRoutes from './routes/assess';
import capabilitiesRoutes from './routes/capabilities';
import formsRoutes from './routes/forms';
import documentsRoutes from './routes/documents';
import web from './plugins/web';
import fallbackPage from './routes/fallback-page';
import llm from './plugins/llm';
import { llmSpeakerOption } from './llm/chat';
import { SessionLocks } from './chat/conversation';

export interface AppOptions {
  config: Config;
  /** A ready-made session store (tests); by default one is opened from config. */
  store?: SessionStore;
}

declare module 'fastify' {
  interface FastifyInstance {
    config: Config;
    /** One lock per session for every read-modify-write of its answers: chat turns and HTTP routes alike. */
    sessionLocks: SessionLocks;
  }
}

/**
 * The whole application as one plugin. Tests build it with `app.inject`;
 * main.ts only adds logging, graceful shutdown and listen.
 */
const app: FastifyPluginAsync<AppOptions> = async (fastify: FastifyInstance, opts) => {
  fastify.decorate('config', opts.config);
  fastify.decorate('sessionLocks', new SessionLocks());
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
    // HSTS over plain HTTP is ignored by browsers at best, and pins an intranet name to HTTPS at
    // worst; it is added below only for requests that came over HTTPS, or when configured.
    strictTransportSecurity: false,
  });
  const hsts = 'max-age=31536000; includeSubDomains';
  fastify.addHook('onRequest', (req, reply, done) => {
    if (opts.config.HSTS || req.protocol === 'https') reply.header('strict-transport-security', hsts);
    securityHeaders(req.raw, reply.raw, (err) => done(err as Error | undefined));
  });
  await fastify.register(store, { store: opts.store });
  // An attacker could enumerate session ids or flood /api/ask if requests were not rate limited.
  // On a shared PostgreSQL the counts live there, so the limits hold across instances.
  await fastify.register(rateLimit, {
    store: sharedRateLimitStore(fastify.store),
    max: opts.config.RATE_LIMIT_MAX,
    timeWindow: opts.config.RATE_LIMIT_WINDOW_MS,
    // The page's own files are not an attack surface worth a request budget; loading the app
    // must not use up an office's share of the API limit.
    allowList: (req) => !req.url.startsWith('/api/'),
    errorResponseBuilder: (_req, ctx) => ({
      statusCode: 429,
      error: 'Too Many Requests',
      message: `请求过于频繁，请 ${Math.ceil(ctx.ttl / 1000)} 秒后再试`,
    }),
  });

  // Services first (each decorates the instance), then every route module, each a plugin
  // registered the same way; none of them is defined inline here.
  await fastify.register(metrics);
  await fastify.register(limits);
  await fastify.register(retention);
  await fastify.register(llm);
  await fastify.register(knowledge);

  await fastify.register(health);
  await fastify.register(import('./staff/plugin'));
  await fastify.register(knowledgeRoutes);
  await fastify.register(assessRoutes);
  await fastify.register(askRoutes);
  await fastify.register(capabilitiesRoutes);
  await fastify.register(formsRoutes);
  await fastify.register(documentsRoutes);
  await fastify.register(sessions);
  await fastify.register(chat, { speaker: llmSpeakerOption(fastify.llm) });
  await fastify.register(web);
  await fastify.register(fallbackPage);
};

export default fp(app, { name: 'zhizao-app' });
