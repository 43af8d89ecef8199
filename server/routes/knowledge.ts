import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { notFound, parseOr400 } from '../errors';
import { labelOf } from '../knowledge/registry';
import type { KnowledgeBase } from '../knowledge/base';
import { formFieldCount } from '../forms/form-view';
import { interviewSize } from '../engine/plan';
import { Category } from '../schemas/profile';

const ClauseParams = z.object({ id: z.string().min(1).max(40) });
const VersionQuery = z.object({ knowledgeVersion: z.string().max(64).optional() });

/** The notice as data, so the UI can show a cited clause in full. */
export default async function knowledgeRoutes(fastify: FastifyInstance): Promise<void> {
  /** The notice new sessions start on: its year and title, for the pages that name it. */
  // The size of the form, fewest to most fields over the categories, as the form panel counts them: the welcome quotes it.
  const formFields = (kb: KnowledgeBase) => {
    const n = Category.options.map((c) => formFieldCount(kb.data, c));
    return { min: Math.min(...n), max: Math.max(...n) };
  };
  // The assessment's length as the plan counts it, fewest to most over the category answers: the welcome quotes it too.
  let current: { kb: KnowledgeBase; formFields: { min: number; max: number }; interviewQuestions: { min: number; max: number } } | undefined;
  fastify.get('/api/knowledge/current', async () => {
    if (current?.kb !== fastify.kb) current = { kb: fastify.kb, formFields: formFields(fastify.kb), interviewQuestions: interviewSize(fastify.kb.data) };
    return { ...labelOf(fastify.kb), formFields: current.formFields, interviewQuestions: current.interviewQuestions };
  });

  fastify.get('/api/knowledge/clauses', async (req) => {
    const { knowledgeVersion } = parseOr400(VersionQuery, req.query, 'query');
    const kb = fastify.knowledgeFor(knowledgeVersion, 'query.knowledgeVersion');
    return { version: kb.version, title: kb.data.manifest.title, knownGaps: kb.data.manifest.knownGaps, clauses: kb.tree };
  });

  fastify.get('/api/knowledge/clauses/:id', async (req) => {
    const { id } = parseOr400(ClauseParams, req.params, 'params');
    const { knowledgeVersion } = parseOr400(VersionQuery, req.query, 'query');
    const kb = fastify.knowledgeFor(knowledgeVersion, 'query.knowledgeVersion');
    const clause = kb.clause(id);
    if (!clause) throw notFound(kb.data.ui.notFound, 'clause', { id });
    // `descendants` lets a client render a section (e.g. 三(二)) in full with one request;
    // `fullText` is the section's original text with its sub-clauses, in notice order.
    const subtree = kb.subtree(id);
    return {
      version: kb.version,
      clause,
      descendants: subtree.slice(1),
      fullText: subtree.map((c) => c.text).filter(Boolean).join('\n'),
    };
  });
}
