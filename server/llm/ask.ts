import type { FastifyBaseLogger } from 'fastify';
import type { KnowledgeBase } from '../knowledge/base';
import type { AskResponse } from '../schemas/ask';
import { groundedAnswer } from './qa';
import { qaSources } from './sources';
import type { Llm } from './provider';

/**
 * POST /api/ask with a model configured: the grounded, checked answer; on any failure the
 * offline answer with a short Chinese `notice`. `clientKey` scopes the concurrency limit.
 */
export async function askWithLlm(llm: Llm, kb: KnowledgeBase, question: string, clientKey: string, log?: FastifyBaseLogger): Promise<AskResponse> {
  const r = await groundedAnswer(llm, qaSources(kb), question, { sessionKey: clientKey });
  // Only the failure kind is logged: provider texts can carry the key or the prompt.
  if (r.failure) log?.warn({ llmFailure: r.failure, check: r.check, removedCitations: r.removed.length }, 'model answer not used');
  return r.notice ? { ...r.response, notice: r.notice } : r.response;
}
