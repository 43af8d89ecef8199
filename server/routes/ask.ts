import type { FastifyInstance } from 'fastify';
import { parseOr400 } from '../errors';
import { answerQuestion } from '../qa/answer';
import { AskRequest, AskResponse } from '../schemas/ask';

/** POST /api/ask: a cited answer from the notice, offline. */
export default async function askRoutes(fastify: FastifyInstance): Promise<void> {
  fastify.post('/api/ask', async (req): Promise<AskResponse> => {
    const body = parseOr400(AskRequest, req.body, 'body');
    const kb = fastify.knowledgeFor(body.knowledgeVersion);
    return answerQuestion(kb, body.question);
  });
}
