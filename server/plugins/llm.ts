import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { llmConnection } from '../config';
import { createLlm, type Llm, type ProviderDeps } from '../llm/provider';
import { instrumentLlm } from './metrics';

declare module 'fastify' {
  interface FastifyInstance {
    /** The configured model, or null: with no LLM settings the app is exactly the offline engine. */
    llm: Llm | null;
  }
}

export interface LlmPluginOptions extends ProviderDeps {
  /** Tests and benchmarks may hand in a ready provider instead of building one from config. */
  llm?: Llm | null;
}

/**
 * Builds the provider from config once. Nothing is contacted at boot: a provider that is down
 * must not stop the offline product from starting; the first call finds out and falls back.
 */
async function llmPlugin(fastify: FastifyInstance, opts: LlmPluginOptions): Promise<void> {
  const conn = llmConnection(fastify.config);
  const llm = opts.llm !== undefined ? opts.llm : conn ? createLlm(conn, { fetch: opts.fetch }) : null;
  // Every model request is timed and counted for /metrics (registered before this plugin).
  fastify.decorate('llm', llm && fastify.metrics ? instrumentLlm(llm, fastify.metrics) : llm);
  // The key is deliberately not logged; provider, model and host are enough to diagnose.
  if (llm && conn) fastify.log.info({ provider: conn.provider, model: conn.model, host: new URL(conn.baseURL).host }, 'LLM mode on');
}

export default fp(llmPlugin, { name: 'llm' });
