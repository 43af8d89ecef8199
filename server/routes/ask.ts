import type { FastifyInstance } from 'fastify';
import { parseOr400 } from '../errors';
import { answerQuestion } from '../qa/answer';
import { AnswerCache } from '../qa/cache';
import { layerGeneration } from '../qa/layer';
import { AskRequest } from '../schemas/ask';
import { askWithLlm } from '../llm/ask';
import { countAnswer } from '../plugins/metrics';

/** POST /api/ask: a cited answer (AskResponse) from the notice, offline. */
export default async function askRoutes(fastify: FastifyInstance): Promise<void> {
  const cache = new AnswerCache(2000);
  fastify.post('/api/ask', async (req, reply) => {
    const body = parseOr400(AskRequest, req.body, 'body');
    const kb = fastify.knowledgeFor(body.knowledgeVersion);
    // LLM mode: a grounded, checked model answer, never cached (it is not deterministic). Offline is untouched.
    if (fastify.llm)
      return askWithLlm(fastify.llm, kb, body.question, `ask:${req.ip}`, req.log).then(
        (a) => (countAnswer(fastify.metrics, a), fastify.questionLog?.record({ source: 'api', question: body.question, answer: a, knowledgeVersion: kb.version, reply }), a),
      );
    // Keyed by the staff layer's generation too: an entry written in the console is served by the next question.
    const key = `${kb.version}#${layerGeneration(kb)}`;
    const entry = cache.get(key, body.question) ?? cache.set(key, body.question, answerQuestion(kb, body.question));
    countAnswer(fastify.metrics, entry.answer);
    fastify.questionLog?.record({ source: 'api', question: body.question, answer: entry.answer, knowledgeVersion: kb.version, reply });
    return reply.type('application/json; charset=utf-8').send(entry.json);
  });
}
