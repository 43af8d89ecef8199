import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { z } from 'zod';
import { HttpError, parseOr400 } from '../errors';
import { Category } from '../schemas/profile';
import { DraftProfile, DraftRequest, ExportRequest, RegenerateRequest, SaveDraftRequest, SavedDrafts, SectionKey, STALE_EXPORT_HEADER } from '../schemas/forms';
import { draftSection, sectionIds, UnknownSectionError, type FormsContext } from '../forms/draft';
import { networkedBasisNote } from '../forms/facts';
import { checklist, fillForm, ineligibleText, signedForm } from '../forms/fill';
import { formSpec } from '../forms/knowledge';
import { allFields } from '../forms/spec';
import { countChars } from '../forms/length';
import { loadTemplates } from '../forms/template';
import { companyName, draftsView, editedTexts, factLabels, figureNotes, sessionDraftProfile, staleOfDrafts, staleSections, withEdit, type StaleSections } from '../forms/session';
import { contentDisposition, exportFileName } from '../export/filename';
import { docxToPdf, PdfUnavailableError, sofficeLocator } from '../export/pdf';
import { llmDraftResponse } from '../llm/forms';
import { buildGapReport, renderGapReport } from '../export/report';
import { reviewFinanceWarnings } from '../forms/review-finance';
import { ChecklistState } from '../schemas/forms';
import { evaluate } from '../engine';
import type { KnowledgeBase } from '../knowledge/base';
import { buildFormView, checkFormValue } from '../forms/form-view';
import { sessionDay } from '../store/session-day';
import { FormCheckRequest } from '../schemas/form-view';

const CategoryParams = z.object({ category: Category });
const SessionParams = z.object({ id: z.string().min(1).max(100) });
const SessionSectionParams = SessionParams.extend({ section: SectionKey });
const CategoryQuery = z.object({ category: Category.optional() });
const FormatParams = z.object({ format: z.enum(['docx', 'pdf']) });

declare module 'fastify' {
  interface FastifyInstance {
    /**
     * A session's application form as the session routes make it, by session id: for a route that has already
     * checked its caller may see that session (a helpline member's assisted view), so it reads the same form.
     */
    sessionForms: {
      /** The chosen form (附件) and how far it is filled; null while no category is decided. */
      summary(sessionId: string): Promise<SessionFormSummary | null>;
      /** Sends the form as DOCX or PDF, exactly as the enterprise's own export does. */
      send(reply: FastifyReply, sessionId: string, format: 'docx' | 'pdf'): Promise<FastifyReply>;
    };
  }
}

/** What an assisted view shows of a session's form: which 附件, how many of its fields are filled, and its drafted sections. */
export interface SessionFormSummary {
  category: Category;
  attachment: string;
  title: string;
  /** Fields the enterprise gives: filled (as said, or as a round figure to confirm), missing (empty or refused), skipped. */
  fields: { filled: number; missing: number; skipped: number };
  /** Drafted sections: every one, those the enterprise edited, and those still waiting for facts (shown as placeholders). */
  sections: { total: number; edited: number; missingFacts: number };
  /** The line the draft prints at its top for an enterprise the notice rules out; null otherwise. */
  ineligible: string | null;
  /** Whether PDF can be made on this server. */
  pdf: boolean;
  /**
   * Edited sections behind the facts given since they were saved: the warning the enterprise's own export carries
   * (`staleExport`), for the helpline to see what the enterprise is told; null when none is.
   */
  stale: StaleSections | null;
}

const MIME = { docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', pdf: 'application/pdf' } as const;
const DRAFTS_DOC = 'drafts';

/**
 * Form specs, drafting and export. Drafting and rendering are pure functions of (knowledge, facts) in
 * server/forms and server/export; these routes validate, look up the session and send the result.
 */
async function formsRoutes(fastify: FastifyInstance): Promise<void> {
  const templates = loadTemplates();
  // Session routes pass the session's own version; the stateless ones use the default.
  const ctx = (kb: KnowledgeBase = fastify.kb): FormsContext => {
    const d = kb.data;
    // The industries let a division code the interview recorded print as its name (所属行业), not as "35".
    // The notice's deadlines let a completion date after them be flagged in the form view and its box.
    return { forms: d.forms, formQuestions: d.formQuestions, formDrafting: d.formDrafting, industries: d.industries, facts: d.facts, templates, engine: d };
  };
  // Looked up at each export, so LibreOffice installed after the start is used without a restart.
  const sofficeNow = sofficeLocator();

  const draftOr400 = (profile: DraftProfile, category: Category, section: string, kb: KnowledgeBase = fastify.kb) => {
    try {
      return draftSection(ctx(kb), profile, category, section);
    } catch (err) {
      if (err instanceof UnknownSectionError) throw new HttpError(400, 'VALIDATION_FAILED', `请求参数有误：body.section：${err.message}`, [{ field: 'body.section', code: 'unknown_section', message: err.message }]);
      throw err;
    }
  };

  // LLM mode: the model writes the section over the offline draft, checked claim by claim.
  const draftMaybeLlm = async (profile: DraftProfile, category: Category, section: string, key: string, kb: KnowledgeBase = fastify.kb) => {
    const offline = draftOr400(profile, category, section, kb);
    return fastify.llm ? llmDraftResponse(fastify.llm, kb, ctx(kb), profile, category, section, offline, key) : offline;
  };

  // The docx package is large; loading it on first export keeps startup fast.
  const renderDocx: typeof import('../export/docx').renderDocx = async (form) => (await import('../export/docx')).renderDocx(form);

  /** Sends the filled form as DOCX, or as PDF through LibreOffice where it is installed. */
  async function sendForm(reply: FastifyReply, profile: DraftProfile, category: Category, format: 'docx' | 'pdf', edited: Record<string, string> = {}, kb: KnowledgeBase = fastify.kb) {
    const form = signedForm(ctx(kb), fillForm(ctx(kb), profile, category, edited));
    const messages = kb.data.formDrafting.messages;
    const soffice = format === 'pdf' ? sofficeNow() : null;
    if (format === 'pdf' && !soffice) throw new HttpError(501, 'PDF_UNAVAILABLE', messages.pdfUnavailable);
    let body = await renderDocx(form);
    if (format === 'pdf') {
      try {
        body = await docxToPdf(body, { soffice });
      } catch (err) {
        if (err instanceof PdfUnavailableError) throw new HttpError(501, 'PDF_UNAVAILABLE', messages.pdfUnavailable);
        fastify.log.error({ err }, 'pdf conversion failed');
        throw new HttpError(502, 'PDF_FAILED', messages.pdfFailed);
      }
    }
    const name = exportFileName(form.spec, companyName(profile), format);
    fastify.exportLog?.record(format);
    return reply.type(MIME[format]).header('content-disposition', contentDisposition(name, `application-${category}.${format}`)).send(body);
  }

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

  /** What the export can make here: the UI offers PDF only when it can be made, else says how. */
  fastify.get('/api/export/formats', async () => {
    const m = fastify.kb.data.formDrafting.messages;
    const soffice = sofficeNow();
    return { docx: true, pdf: !!soffice, ...(soffice ? {} : { pdfHowTo: m.pdfUnavailable }), note: m.pdfHowTo };
  });

  fastify.post('/api/draft', async (request) => {
    const body = parseOr400(DraftRequest, request.body);
    return draftMaybeLlm(body.profile, body.category, body.section, `draft:${request.ip}`);
  });

  fastify.post('/api/export/:format', async (request, reply) => {
    const { format } = parseOr400(FormatParams, request.params, 'params');
    const body = parseOr400(ExportRequest, request.body);
    return sendForm(reply, body.profile, body.category, format);
  });

  /** The session's day, which its relative words are counted from. */
  const sessionDate = (sessionId: string) => sessionDay(fastify.store, sessionId);

  /** The session's facts as a drafting profile, and the category to draft for. */
  async function sessionProfile(request: FastifyRequest, wanted?: Category) {
    return profileOf(await fastify.requireSession(request), wanted);
  }

  /** The same, by a session id its caller has already been allowed to read. */
  async function profileOf(sessionId: string, wanted?: Category) {
    const kb = await fastify.sessionKnowledge(sessionId);
    const answers = await fastify.store.getAnswers(sessionId);
    const { profile, recommended } = sessionDraftProfile(kb.data, ctx(kb), answers, await sessionDate(sessionId));
    const category = wanted ?? recommended;
    if (!category) throw new HttpError(409, 'CATEGORY_UNKNOWN', '尚未确定申报类别：请先完成评估，或在请求中指定 category（smartWorkshop / discreteFactory / processFactory）');
    const saved = SavedDrafts.safeParse((await fastify.store.getDoc(sessionId, DRAFTS_DOC)) ?? {});
    return { sessionId, kb, profile, category, saved: saved.success ? saved.data : {} };
  }

  /** The chosen category's form sent with the enterprise's saved edits, and the notes on it the response carries. */
  async function sendSessionForm(reply: FastifyReply, sessionId: string, format: 'docx' | 'pdf', wanted?: Category) {
    const { kb, profile, category, saved } = await profileOf(sessionId, wanted);
    // Edited sections behind the facts given since are printed as edited: the response says which, for the page to
    // show, since the signed document must carry no note of the system's.
    const stale = staleSections(ctx(kb), profile, category, saved);
    // Ratios written against the counts are printed as the counts give them; the response says so, as the form view does.
    const figures = figureNotes(ctx(kb), profile, category);
    if (stale || figures.length)
      reply.header(STALE_EXPORT_HEADER, encodeURIComponent(JSON.stringify({ warning: stale?.warning ?? '', sections: stale?.sections ?? [], ...(figures.length ? { figures } : {}) })));
    return sendForm(reply, profile, category, format, editedTexts(saved, category), kb);
  }

  fastify.decorate('sessionForms', {
    summary: async (sessionId: string): Promise<SessionFormSummary | null> => {
      const answers = await fastify.store.getAnswers(sessionId);
      const kb = await fastify.sessionKnowledge(sessionId);
      const { profile, recommended: category } = sessionDraftProfile(kb.data, ctx(kb), answers, await sessionDate(sessionId));
      if (!category) return null;
      const saved = SavedDrafts.safeParse((await fastify.store.getDoc(sessionId, DRAFTS_DOC)) ?? {});
      const view = buildFormView(ctx(kb), answers, category);
      const sections = draftsView(ctx(kb), profile, category, saved.success ? saved.data : {});
      const c = view.counts;
      return {
        category,
        attachment: view.attachment,
        title: view.title,
        fields: { filled: c.filled + c.unconfirmed, missing: c.empty + c.invalid, skipped: c.skipped },
        // An edited section is the enterprise's own text: what it still lacks is for it to say, not a drafted placeholder.
        sections: { total: sections.length, edited: sections.filter((x) => x.edited).length, missingFacts: sections.filter((x) => !x.edited && x.generated.missingFacts.length > 0).length },
        ineligible: ineligibleText(ctx(kb), profile, category) ?? null,
        pdf: !!sofficeNow(),
        stale: staleOfDrafts(ctx(kb), sections),
      };
    },
    send: (reply: FastifyReply, sessionId: string, format: 'docx' | 'pdf') => sendSessionForm(reply, sessionId, format),
  });

  fastify.get('/api/sessions/:id/drafts', async (request) => {
    parseOr400(SessionParams, request.params, 'params');
    const q = parseOr400(CategoryQuery, request.query, 'query');
    const { kb, profile, category, saved } = await sessionProfile(request, q.category);
    // The line the draft and the DOCX print at their top for an enterprise the notice rules out.
    const sections = draftsView(ctx(kb), profile, category, saved);
    return { category, ineligible: ineligibleText(ctx(kb), profile, category), sections, factLabels: factLabels(kb.data, sections) };
  });

  async function regenerate(request: FastifyRequest, overwrite: boolean, wanted?: Category) {
    const { section } = parseOr400(SessionSectionParams, request.params, 'params');
    const { sessionId, kb, profile, category, saved } = await sessionProfile(request, wanted);
    const generated = await draftMaybeLlm(profile, category, section, sessionId, kb);
    const existing = saved[category]?.[section];
    if (existing?.edited && !overwrite) {
      // An edit is the user's own work; only an explicit overwrite may replace it.
      throw new HttpError(409, 'DRAFT_EDITED', '该栏目已被编辑过；如需用重新生成的草稿覆盖，请在请求中注明 overwrite: true', { section, existing: existing.text, generated });
    }
    if (existing) await fastify.store.putDoc(sessionId, DRAFTS_DOC, withEdit(saved, category, section, null, new Date().toISOString()));
    return { ...generated, edited: false };
  }

  fastify.put('/api/sessions/:id/drafts/:section', async (request) => {
    const { section } = parseOr400(SessionSectionParams, request.params, 'params');
    const body = parseOr400(SaveDraftRequest, request.body);
    if ('regenerate' in body) return regenerate(request, body.overwrite, body.category);
    const { sessionId, kb, category, profile, saved } = await sessionProfile(request, body.category);
    // Validates the section id against the chosen form before anything is stored.
    const generated = draftOr400(profile, category, section, kb);
    const savedAt = new Date().toISOString();
    await fastify.store.putDoc(sessionId, DRAFTS_DOC, withEdit(saved, category, section, body.text, savedAt));
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

  /** The chosen form as a form view: every field with its value, status and computed figures. */
  fastify.get('/api/sessions/:id/form', async (request) => {
    parseOr400(SessionParams, request.params, 'params');
    const q = parseOr400(CategoryQuery, request.query, 'query');
    const sessionId = await fastify.requireSession(request);
    const answers = await fastify.store.getAnswers(sessionId);
    const kb = await fastify.sessionKnowledge(sessionId);
    const category = q.category ?? evaluate(kb.data, answers).assessment.category.recommended;
    if (!category) throw new HttpError(409, 'CATEGORY_UNKNOWN', '尚未确定申报类别：请先完成评估，或在请求中指定 category（smartWorkshop / discreteFactory / processFactory）');
    return buildFormView(ctx(kb), answers, category, await sessionDate(sessionId));
  });

  /**
   * Reads and checks a value typed into the form view against the session's answers, storing
   * nothing: the page then saves it over the chat socket, where the same rules check it again.
   */
  fastify.post('/api/sessions/:id/form/check', async (request) => {
    parseOr400(SessionParams, request.params, 'params');
    const body = parseOr400(FormCheckRequest, request.body);
    const sessionId = await fastify.requireSession(request);
    const answers = await fastify.store.getAnswers(sessionId);
    const kb = await fastify.sessionKnowledge(sessionId);
    const category = body.category ?? evaluate(kb.data, answers).assessment.category.recommended;
    return checkFormValue(ctx(kb), answers, category, body.questionId, body.text, await sessionDate(sessionId));
  });

  /** The self-assessment report: the engine's assessment as is, the gaps as a build plan, the materials as ticked. */
  for (const format of ['docx', 'pdf'] as const)
    fastify.get(`/api/sessions/:id/report.${format}`, async (request, reply) => {
      parseOr400(SessionParams, request.params, 'params');
      const q = parseOr400(CategoryQuery, request.query, 'query');
      const sessionId = await fastify.requireSession(request);
      const kb = await fastify.sessionKnowledge(sessionId);
      const answers = await fastify.store.getAnswers(sessionId);
      const data = kb.data;
      const { assessment } = evaluate(data, answers);
      const { profile } = sessionDraftProfile(data, ctx(kb), answers);
      const category = q.category ?? assessment.category.recommended;
      const spec = category ? formSpec(ctx(kb), category) : null;
      const state = ChecklistState.safeParse((await fastify.store.getDoc(sessionId, 'checklist')) ?? {});
      const report = buildGapReport(data.formDrafting, spec, assessment, {
        company: companyName(profile),
        checklist: spec ? checklist(spec) : [],
        state: state.success ? state.data : undefined,
        financeWarnings: reviewFinanceWarnings(data, answers, category),
        notes: [networkedBasisNote(profile.form, profile.metrics, data.formDrafting.report.networkedOfAll)].filter((n) => n !== null),
      });
      let body = await renderGapReport(report);
      const m = data.formDrafting.messages;
      if (format === 'pdf') {
        const soffice = sofficeNow();
        if (!soffice) throw new HttpError(501, 'PDF_UNAVAILABLE', m.pdfUnavailable);
        try {
          body = await docxToPdf(body, { soffice });
        } catch (err) {
          if (err instanceof PdfUnavailableError) throw new HttpError(501, 'PDF_UNAVAILABLE', m.pdfUnavailable);
          fastify.log.error({ err }, 'pdf conversion failed');
          throw new HttpError(502, 'PDF_FAILED', m.pdfFailed);
        }
      }
      const kind = data.formDrafting.report.fileKind;
      const name = exportFileName(spec ?? { title: data.formDrafting.report.title, subtitle: undefined }, companyName(profile), format, spec ? kind : undefined);
      return reply.type(MIME[format]).header('content-disposition', contentDisposition(name, `self-assessment.${format}`)).send(body);
    });

  for (const format of ['docx', 'pdf'] as const)
    fastify.get(`/api/sessions/:id/export.${format}`, async (request, reply) => {
      parseOr400(SessionParams, request.params, 'params');
      const q = parseOr400(CategoryQuery, request.query, 'query');
      return sendSessionForm(reply, await fastify.requireSession(request), format, q.category);
    });
}

export default fp(formsRoutes, { name: 'forms-routes', dependencies: ['knowledge', 'store'] });
