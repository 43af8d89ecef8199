import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { welcomeOf } from '../chat/conversation';
import { rulesFor } from '../chat/rules';
import { labelOf } from '../knowledge/registry';

/**
 * Session creation and the full state of one session for a reload (the review card,
 * the transcript with citations, the assessment). Reads need the session's bearer token.
 */
async function sessions(fastify: FastifyInstance): Promise<void> {
  fastify.post('/api/sessions', async (request, reply) => {
    fastify.limits.takeSessionCreate(request.ip);
    const { sessionId, token } = await fastify.knowledge.createSession(fastify.store, (kb) => welcomeOf(kb));
    fastify.metrics.sessionsCreated.inc({ via: 'http' });
    return reply.status(201).send({ sessionId, token });
  });

  fastify.get('/api/sessions/:id', async (request) => {
    const sessionId = await fastify.requireSession(request);
    const kb = await fastify.sessionKnowledge(sessionId);
    const rules = rulesFor(kb);
    const answers = await fastify.store.getAnswers(sessionId);
    const transcript = await fastify.store.transcriptAfter(sessionId, 0);
    const step = rules.step(answers);
    const recorded = rules.describe(answers);
    return {
      sessionId,
      knowledge: labelOf(kb),
      answers,
      recorded,
      // The widgets of the answered questions: a resumed page edits each answer as it was asked.
      questions: rules.views(answers, recorded.map((r) => r.questionId)),
      transcript,
      assessment: step.assessment,
      progress: step.progress,
      question: step.question,
    };
  });

  /** Deletes the session at once with everything stored for it (transcript, answers, drafts, uploads). */
  fastify.delete('/api/sessions/:id', async (request, reply) => {
    const sessionId = await fastify.requireSession(request);
    await fastify.retention.deleteSession(sessionId);
    return reply.status(204).send();
  });
}

export default fp(sessions, { name: 'sessions', dependencies: ['store', 'knowledge', 'limits', 'retention'] });
