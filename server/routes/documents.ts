import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import multipart from '@fastify/multipart';
import { z } from 'zod';
import { HttpError, parseOr400 } from '../errors';
import { applyFormAnswer } from '../forms/phase';
import { AnswerValue } from '../schemas/interview';
import { detectKind, DocumentError } from '../documents/detect';
import { parseDocument } from '../documents/parse';
import { extractByRules, verifySuggestion } from '../documents/extract';
import { listDocuments, readDocument, saveDocument, updateDocument } from '../documents/store';

const SessionParams = z.object({ id: z.string().min(1).max(100) });
const DocParams = SessionParams.extend({ documentId: z.string().min(1).max(100) });
const AcceptBody = z.object({ field: z.string().min(1).max(80), value: z.union([z.string().max(2000), z.number().finite()]) }).strict();

// Parsing is CPU work in worker threads; a burst of uploads waits here instead of starting a worker each.
const MAX_PARSES = 2;

/**
 * Documents the enterprise already has (audit report, business licence, an earlier application):
 * checked by type and size, parsed in a capped worker, read by offline rules, and returned as
 * suggestions with their source. Nothing is written into the answers until the user accepts it.
 */
async function documentRoutes(fastify: FastifyInstance): Promise<void> {
  const docs = () => fastify.kb.data.formDrafting.documents;
  const maxBytes = fastify.kb.data.formDrafting.documents.maxMB * 1024 * 1024;
  await fastify.register(multipart, { limits: { fileSize: maxBytes, files: 1, fields: 4, parts: 5 } });

  let running = 0;
  const waiting: (() => void)[] = [];
  const slot = async <T>(fn: () => Promise<T>): Promise<T> => {
    if (running >= MAX_PARSES) await new Promise<void>((r) => waiting.push(r));
    running++;
    try {
      return await fn();
    } finally {
      running--;
      waiting.shift()?.();
    }
  };

  const refuse = (err: unknown): never => {
    if (err instanceof DocumentError) throw new HttpError(err.statusCode, err.code, err.message);
    throw err;
  };

  fastify.post('/api/sessions/:id/documents', async (request, reply) => {
    parseOr400(SessionParams, request.params, 'params');
    const sessionId = await fastify.requireSession(request);
    const d = docs();
    const m = d.messages;
    if (!request.isMultipart()) throw new HttpError(400, 'MISSING_FILE', m.missingFile!);
    let file: Awaited<ReturnType<typeof request.file>>;
    let data: Buffer;
    try {
      file = await request.file();
      if (!file || file.fieldname !== 'file') throw new HttpError(400, 'MISSING_FILE', m.missingFile!);
      data = await file.toBuffer();
    } catch (err) {
      if ((err as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE' || (err as { statusCode?: number }).statusCode === 413) throw new HttpError(413, 'FILE_TOO_LARGE', m.tooLarge!);
      throw err;
    }
    const name = file.filename.replace(/[\\/\u0000-\u001f]/g, '').slice(0, 200) || 'document';
    try {
      const kind = detectKind(data, name, d.messages);
      const pages = await slot(() => parseDocument(data, kind, d));
      const suggestions = extractByRules(pages, name, d).filter((s) => verifySuggestion(pages, s));
      const stored = await saveDocument(fastify.config.DATA_DIR, sessionId, kind, data, { file: name, pages: pages.length, suggestions });
      return reply.code(201).send({ documentId: stored.documentId, kind, pages: pages.length, suggestions });
    } catch (err) {
      return refuse(err);
    }
  });

  fastify.get('/api/sessions/:id/documents', async (request) => {
    parseOr400(SessionParams, request.params, 'params');
    const sessionId = await fastify.requireSession(request);
    const list = await listDocuments(fastify.config.DATA_DIR, sessionId);
    return { documents: list.map(({ documentId, file, kind, pages, uploadedAt, suggestions, accepted }) => ({ documentId, file, kind, pages, uploadedAt, suggestions, accepted })) };
  });

  /** The user accepts a suggestion, as shown or edited; it is validated like a typed answer. */
  fastify.post('/api/sessions/:id/documents/:documentId/accept', async (request) => {
    const { documentId } = parseOr400(DocParams, request.params, 'params');
    const body = parseOr400(AcceptBody, request.body);
    const sessionId = await fastify.requireSession(request);
    const m = docs().messages;
    const doc = await readDocument(fastify.config.DATA_DIR, sessionId, documentId);
    if (!doc) throw new HttpError(404, 'NOT_FOUND', m.notFound!);
    if (!doc.suggestions.some((s) => s.field === body.field)) throw new HttpError(400, 'NOT_SUGGESTED', m.badSuggestion!);
    const answers = await fastify.store.getAnswers(sessionId);
    const value = AnswerValue.parse(body.value);
    const r = applyFormAnswer(fastify.kb.data, answers, `form.${body.field}`, value);
    if (!r.ok) throw new HttpError(400, 'VALIDATION_FAILED', r.error);
    await fastify.store.setAnswers(sessionId, r.answers);
    await updateDocument(fastify.config.DATA_DIR, sessionId, { ...doc, accepted: { ...doc.accepted, [body.field]: body.value } });
    return { field: body.field, value: body.value, recorded: r.recorded };
  });
}

export default fp(documentRoutes, { name: 'document-routes', dependencies: ['knowledge', 'store'] });
