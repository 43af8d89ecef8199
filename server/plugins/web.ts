import type { FastifyInstance } from 'fastify';
import fastifyStatic from '@fastify/static';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

export interface WebOptions {
  /** Directory holding the built page; defaults to WEB_ROOT from config. */
  root?: string;
}

/** Where the built page is: from config (a path relative to the working directory, like DATA_DIR), never guessed from this file's location, which changes once bundled. */
export function webRootOf(fastify: FastifyInstance): string {
  return resolve(fastify.config?.WEB_ROOT ?? './dist/web');
}

/**
 * Serves the built single-page app at /. Unknown non-API paths get index.html so a deep link
 * still opens the app. When the page has not been built, the plugin steps aside and the
 * server's fallback page answers / instead.
 */
async function web(fastify: FastifyInstance, opts: WebOptions): Promise<void> {
  const root = opts.root ?? webRootOf(fastify);
  if (!existsSync(join(root, 'index.html'))) {
    fastify.log.warn({ root }, 'web page not built; run `npm run build:web`');
    return;
  }
  await fastify.register(fastifyStatic, {
    root,
    prefix: '/',
    // Routes are created per file at startup, so the SPA fallback below owns every other path.
    wildcard: false,
    index: 'index.html',
    cacheControl: false,
    setHeaders(res, path) {
      // Hashed assets never change; index.html must be revalidated so a deploy is picked up at once.
      if (/[\\/]assets[\\/]/.test(path)) res.setHeader('cache-control', 'public, max-age=31536000, immutable');
      else res.setHeader('cache-control', 'no-cache');
    },
  });
  fastify.get('/*', (req, reply) => {
    const path = req.url.split('?')[0] ?? '/';
    // API paths and file-like paths (a missing asset) keep their 404; only page routes get the app.
    if (path.startsWith('/api/') || path === '/api' || /\.[a-z0-9]+$/i.test(path)) return reply.callNotFound();
    reply.header('cache-control', 'no-cache');
    if (path === '/console' || path.startsWith('/console/')) return reply.sendFile('console/index.html');
    return reply.sendFile('index.html');
  });
}

// Not wrapped in fastify-plugin: the reply.sendFile decorator stays inside this scope.
export default web;
