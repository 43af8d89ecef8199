import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { parseOr400 } from '../errors';
import { assess } from '../engine';
import { Assessment, Profile } from '../schemas/profile';

/** The profile, optionally pinned to a knowledge version; the response names the version it used. */
export const AssessRequest = Profile.extend({ knowledgeVersion: z.string().max(64).optional() });

/**
 * POST /api/assess — the public assessment contract. A body that is not a valid
 * profile gets a 400 naming each bad field (body.enterprise.industryCode, …); the rules are the
 * pure engine's, so the route only validates and delegates.
 */
export default async function assessRoutes(fastify: FastifyInstance): Promise<void> {
  fastify.post('/api/assess', async (req): Promise<Assessment> => {
    const { knowledgeVersion, ...profile } = parseOr400(AssessRequest, req.body);
    const kb = fastify.knowledgeFor(knowledgeVersion, 'body.knowledgeVersion');
    return assess(kb.data, profile);
  });
}
