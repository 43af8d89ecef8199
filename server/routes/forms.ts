import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { z } from 'zod';
import { HttpError, parseOr400 } from '../errors';
import { Category } from '../schemas/profile';
import { DraftProfile, DraftRequest, ExportRequest, RegenerateRequest, SaveDraftRequest, SavedDrafts, SectionKey } from '../schemas/forms';
import { draftSection, sectionIds, UnknownSectionError, type FormsContext } from '../forms/draft';
import { checklist, fillForm } from '../forms/fill';
import { formSpec } from '../forms/knowledge';
import { formFactsFromAnswers } from '../forms/phase';
import { allFields } from '../forms/spec';
import { countChars } from '../forms/length';
import { loadTemplates } from '../forms/template';
import { evaluate, profileFromAnswers } from '../engine';
import { llmDraftResponse } from '../llm/forms';

const CategoryParams = z.object({ category: Category });
const SessionParams = z.object({ id: z.string().min(1).max(100) });
const SessionSectionParams = SessionParams.extend({ section: SectionKey });
const CategoryQuery = z.object({ category: Category.optional() });

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const DRAFTS_DOC = 'drafts';

/**
 * Form specs, drafting and export (issue 5). Drafting and rendering are pure functions of
 * (knowledge, facts); these routes only validate, look up the session and send the result.
 */
async function formsRoutes(fastify: FastifyInstance): Promise<void> {
  const templates = loadTemplates();
  const ctx = (): FormsContext => {
    const d = fastify.kb.data;
    return { forms: d.forms, formQuestions: d.formQuestions, formDrafting: d.formDrafting, templates, engine: d };
  };

  const draftOr400 = (profile: DraftProfile, category: Category, section: string) => {
    try {
      return draftSection(ctx(), profile, category, section);
    } catch (err) {
      if (err instanceof UnknownSectionError) throw new HttpError(400, 'VALIDATION_FAILED', `请求参数有误 (invalid request) — body.section: ${err.message}`, [{ field: 'body.section', message: err.message }]);
      throw err;
    }
  };

  // LLM mode: the model writes the section over the offline draft, checked for length and number provenance.
  const draftMaybeLlm = async (profile: DraftProfile, category: Category, section: string, key: string) => {
    const offline = draftOr400(profile, category, section);
    return fastify.llm ? llmDraftResponse(fastify.llm, fastify.kb, ctx(), profile, category, section, offline, key) : offline;
  };

  // The docx package is large; loading it on first export keeps startup fast.
  const renderDocx: typeof import('../export/docx').renderDocx = async (form) => (await import('../export/docx')).renderDocx(form);

  const sendDocx = async (reply: FastifyReply, buf: Buffer, name: string) =>
    reply
      .type(DOCX)
      .header('content-disposition', `attachment; filename="application.docx"; filename*=UTF-8''${encodeURIComponent(name)}.docx`)
      .send(buf);

  fastify.get('/api/forms/:category', async (request) => {
    const { category } = parseOr400(CategoryParams, request.params, 'params');
    const spec = formSpec(ctx(), category);
    return {
      category,
      attachment: spec.attachment,
      title: spec.title,
      subtitle: spec.subtitle ?? null,
      provenance: spec.provenance ?? null,
      sections: sectionIds(ctx(), category),
      fields: allFields(spec),
    };
  });

  fastify.get('/api/forms/:category/checklist', async (request) => {
    const { category } = parseOr400(CategoryParams, request.params, 'params');
    const spec = formSpec(ctx(), category);
    return { category, attachment: spec.attachment, items: checklist(spec) };
  });

  fastify.post('/api/draft', async (request) => {
    const body = parseOr400(DraftRequest, request.body);
    return draftMaybeLlm(body.profile, body.category, body.section, `draft:${request.ip}`);
  });

  fastify.post('/api/export/docx', async (request, reply) => {
    const body = parseOr400(ExportRequest, request.body);
    const form = fillForm(ctx(), body.profile, body.category);
    return sendDocx(reply, await renderDocx(form), `${form.spec.title}${form.spec.subtitle ?? ''}`);
  });

  /** The session's facts as a drafting profile, and the category to draft for. */
  async function sessionProfile(request: FastifyRequest, wanted?: Category) {
    const sessionId = await fastify.requireSession(request);
    const answers = await fastify.store.getAnswers(sessionId);
    const data = fastify.kb.data;
    const { profile } = profileFromAnswers(data, answers);
    const e = profile.enterprise;
    const draftProfile = DraftProfile.parse({
      enterprise: {
        ...(e.name ? { name: e.name } : {}),
        ...(e.province ? { province: e.province } : {}),
        ...(e.city ? { city: e.city } : {}),
        ...(e.creditCode ? { creditCode: e.creditCode } : {}),
      },
      scope: profile.scope,
      productionMode: profile.productionMode,
      capabilities: profile.capabilities,
      metrics: profile.metrics,
      form: formFactsFromAnswers(ctx(), answers),
    });
    const category = wanted ?? evaluate(data, answers).assessment.category.recommended;
    if (!category) throw new HttpError(409, 'CATEGORY_UNKNOWN', '尚未确定申报类别：请先完成评估，或在请求中指定 category（smartWorkshop / discreteFactory / processFactory）');
    const saved = SavedDrafts.safeParse((await fastify.store.getDoc(sessionId, DRAFTS_DOC)) ?? {});
    return { sessionId, profile: draftProfile, category, saved: saved.success ? saved.data : {} };
  }

  fastify.get('/api/sessions/:id/drafts', async (request) => {
    parseOr400(SessionParams, request.params, 'params');
    const q = parseOr400(CategoryQuery, request.query, 'query');
    const { profile, category, saved } = await sessionProfile(request, q.category);
    const own = saved[category] ?? {};
    const nWs = Math.max(1, profile.form.workshops?.length ?? 0);
    const keys = sectionIds(ctx(), category).flatMap((s) => (s.perWorkshop ? Array.from({ length: nWs }, (_, i) => `${s.id}@${i + 1}`) : [s.id]));
    return {
      category,
      sections: keys.map((key) => {
        const generated = draftSection(ctx(), profile, category, key);
        const edit = own[key];
        return { section: key, title: generated.title, text: edit?.text ?? generated.text, edited: !!edit?.edited, savedAt: edit?.savedAt ?? null, generated };
      }),
    };
  });

  async function regenerate(request: FastifyRequest, overwrite: boolean, wanted?: Category) {
    const { section } = parseOr400(SessionSectionParams, request.params, 'params');
    const { sessionId, profile, category, saved } = await sessionProfile(request, wanted);
    const generated = await draftMaybeLlm(profile, category, section, sessionId);
    const existing = saved[category]?.[section];
    if (existing?.edited && !overwrite) {
      // An edit is the user's own work; only an explicit overwrite may replace it.
      throw new HttpError(409, 'DRAFT_EDITED', '该栏目已被编辑过；如需用重新生成的草稿覆盖，请在请求中注明 overwrite: true', { section, existing: existing.text, generated });
    }
    if (existing) {
      const next = { ...saved, [category]: { ...saved[category] } };
      delete next[category]![section];
      await fastify.store.putDoc(sessionId, DRAFTS_DOC, next);
    }
    return { ...generated, edited: false };
  }

  fastify.put('/api/sessions/:id/drafts/:section', async (request) => {
    const { section } = parseOr400(SessionSectionParams, request.params, 'params');
    const body = parseOr400(SaveDraftRequest, request.body);
    if ('regenerate' in body) return regenerate(request, body.overwrite, body.category);
    const { sessionId, category, profile, saved } = await sessionProfile(request, body.category);
    // Validates the section id against the chosen form before anything is stored.
    const generated = draftOr400(profile, category, section);
    const savedAt = new Date().toISOString();
    const next = { ...saved, [category]: { ...(saved[category] ?? {}), [section]: { text: body.text, edited: true, savedAt } } };
    await fastify.store.putDoc(sessionId, DRAFTS_DOC, next);
    const length = countChars(body.text);
    return {
      section,
      category,
      text: body.text,
      length,
      target: generated.target,
      withinTarget: generated.target ? length >= generated.target.min && length <= generated.target.max : null,
      edited: true,
      savedAt,
    };
  });

  fastify.post('/api/sessions/:id/drafts/:section/regenerate', async (request) => {
    const body = parseOr400(RegenerateRequest, request.body ?? {});
    return regenerate(request, body.overwrite, body.category);
  });

  fastify.get('/api/sessions/:id/export.docx', async (request, reply) => {
    parseOr400(SessionParams, request.params, 'params');
    const q = parseOr400(CategoryQuery, request.query, 'query');
    const { profile, category, saved } = await sessionProfile(request, q.category);
    const edited = Object.fromEntries(Object.entries(saved[category] ?? {}).map(([k, v]) => [k, v.text]));
    const form = fillForm(ctx(), profile, category, edited);
    return sendDocx(reply, await renderDocx(form), `${form.spec.title}${form.spec.subtitle ?? ''}`);
  });
}

export default fp(formsRoutes, { name: 'forms-routes', dependencies: ['knowledge', 'store'] });
