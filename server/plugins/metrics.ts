import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { Llm } from '../llm/provider';
import { LlmError } from '../llm/errors';
import { answerSourceOf, type AnswerSource } from '../qa/answer';
import type { AskResponse } from '../schemas/ask';

/**
 * Prometheus metrics at GET /metrics. Each app has its own registry (tests build several apps
 * in one process). Other modules record through `fastify.metrics`:
 * - answers by source, through countAnswer();
 * - model calls by outcome and their latency, through instrumentLlm() around the provider.
 */
export interface Metrics {
  registry: Registry;
  httpDuration: Histogram<'method' | 'route' | 'status'>;
  socketTurn: Histogram<'type'>;
  sessionsCreated: Counter<'via'>;
  sessionsDeleted: Counter<'reason'>;
  answers: Counter<'source'>;
  modelCalls: Counter<'outcome'>;
  modelLatency: Histogram<never>;
}

declare module 'fastify' {
  interface FastifyInstance {
    metrics: Metrics;
  }
}

/** Interview turns are milliseconds; model calls are seconds. */
const FAST = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5];
const SLOW = [0.1, 0.25, 0.5, 1, 2, 5, 10, 20, 40];

async function metrics(fastify: FastifyInstance): Promise<void> {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const m: Metrics = {
    registry,
    httpDuration: new Histogram({ name: 'http_request_duration_seconds', help: 'HTTP request latency', labelNames: ['method', 'route', 'status'], buckets: FAST, registers: [registry] }),
    socketTurn: new Histogram({ name: 'chat_message_duration_seconds', help: 'Time from receiving a chat socket message to the end of its handling', labelNames: ['type'], buckets: FAST, registers: [registry] }),
    sessionsCreated: new Counter({ name: 'sessions_created_total', help: 'Sessions created', labelNames: ['via'], registers: [registry] }),
    sessionsDeleted: new Counter({ name: 'sessions_deleted_total', help: 'Sessions deleted, on request or by the retention purge', labelNames: ['reason'], registers: [registry] }),
    answers: new Counter({ name: 'answers_total', help: 'Answers to questions, by where the answer came from', labelNames: ['source'], registers: [registry] }),
    modelCalls: new Counter({ name: 'model_calls_total', help: 'Requests to the language model, by outcome', labelNames: ['outcome'], registers: [registry] }),
    modelLatency: new Histogram({ name: 'model_call_duration_seconds', help: 'Language model request latency', buckets: SLOW, registers: [registry] }),
  };
  new Gauge({
    name: 'chat_open_sockets',
    help: 'Open chat sockets',
    registers: [registry],
    collect() {
      let n = 0;
      for (const v of fastify.limits?.openSockets.values() ?? []) n += v;
      this.set(n);
    },
  });
  fastify.decorate('metrics', m);

  fastify.addHook('onResponse', async (request, reply) => {
    // The route pattern, not the URL: ids in paths would make a series per session.
    const route = request.routeOptions.url ?? 'unmatched';
    if (route === '/metrics') return;
    m.httpDuration.observe({ method: request.method, route, status: String(reply.statusCode) }, reply.elapsedTime / 1000);
  });

  fastify.get('/metrics', { config: { rateLimit: false } }, async (_request, reply) => {
    reply.type(registry.contentType);
    return registry.metrics();
  });
}

export default fp(metrics, { name: 'metrics' });

/** An answer as /api/ask returns it, or as the chat socket speaks it (with its source when offline). */
export type CountedAnswer = AskResponse | { citations: readonly unknown[]; outOfScope?: boolean; source?: AnswerSource };

/**
 * Counts one answer given to a question, over HTTP or in the chat alike: 'answer-base', 'rule',
 * 'retrieval', 'refusal', 'acknowledgement' (「好的」「谢谢」) or 'clarification' (a bare 「那这个呢」) for an offline answer; 'model' for a model-written answer (a refusal
 * stays a refusal whoever wrote it).
 */
export function countAnswer(m: Metrics | undefined, a: CountedAnswer): void {
  if (!m) return;
  const source = ('source' in a ? a.source : undefined) ?? answerSourceOf(a as AskResponse) ?? (a.outOfScope || a.citations.length === 0 ? 'refusal' : 'model');
  m.answers.inc({ source });
}

/**
 * The provider with every request timed and counted by outcome: 'ok', 'timeout', 'aborted'
 * (the caller gave up, e.g. the user moved on) or 'error' (every other failure).
 */
export function instrumentLlm(llm: Llm, m: Metrics): Llm {
  const timed = async <T>(call: () => Promise<T>): Promise<T> => {
    const end = m.modelLatency.startTimer();
    try {
      const out = await call();
      m.modelCalls.inc({ outcome: 'ok' });
      return out;
    } catch (err) {
      const failure = err instanceof LlmError ? err.failure : undefined;
      m.modelCalls.inc({ outcome: failure === 'timeout' || failure === 'aborted' ? failure : 'error' });
      throw err;
    } finally {
      end();
    }
  };
  return {
    provider: llm.provider,
    model: llm.model,
    streamText: (opts) => timed(() => llm.streamText(opts)),
    completeText: (opts) => timed(() => llm.completeText(opts)),
    callTool: (opts) => timed(() => llm.callTool(opts)),
    acquire: (key) => llm.acquire(key),
  };
}
