import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import multipart from '@fastify/multipart';
import { z } from 'zod';
import { ErrorCode, HttpError, INTERNAL_MESSAGE, parseOr400 } from '../errors';
import { cleanText } from '../schemas/text';
import { applyFormAnswer, markApproximate } from '../forms/phase';
import { applyDocumentAnswer, documentAnswerValue } from '../documents/answers';
import { AnswerValue } from '../schemas/interview';
import { detectKind, DocumentError, type DocumentKind } from '../documents/detect';
import { parseDocument } from '../documents/parse';
import { companiesIn, extractByRules, documentPlan, otherCompanyIn, partiesOf, placeWorkshops, plannedColumns, plannedYear, withoutOtherParties, verifySuggestion, type FormWorkshops, type NamedCompanies, type Suggestion } from '../documents/extract';
import { fill } from '../engine/kb';
import { listDocuments, readDocument, readDocumentFile, saveDocument, updateDocument, type StoredDocument } from '../documents/store';
import { docxPageTexts, placeOnPages } from '../documents/pages';
import { documentFields } from '../documents/fields';
import { sofficeLocator } from '../export/pdf';
import { checkPhotos, checkVideo, probeVideo } from '../documents/media';
import { withSlot } from '../llm/provider';
import { ChecklistState, ChecklistUpdate } from '../schemas/forms';
import { Category } from '../schemas/profile';
import { checklist } from '../forms/fill';
import { formSpec } from '../forms/knowledge';
import { evaluate } from '../engine';
import { createWriteStream } from 'node:fs';
import { mkdtemp, open, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { PassThrough } from 'node:stream';

const SessionParams = z.object({ id: z.string().min(1).max(100) });
const DocParams = SessionParams.extend({ documentId: z.string().min(1).max(100) });
const ItemParams = SessionParams.extend({ itemId: z.string().regex(/^[a-zA-Z][\w.-]{0,40}$/) });
const CategoryQuery = z.object({ category: Category.optional() });
const CHECKLIST_DOC = 'checklist';
const AcceptBody = z.object({ field: z.string().min(1).max(80), value: z.union([z.string().max(2000), z.number().finite()]) }).strict();
const RejectBody = z.object({ field: z.string().min(1).max(80) }).strict();

/** The stages of reading an upload, in the order the server goes through them, and the message naming each. */
type UploadStage = 'read' | 'recognise' | 'model' | 'pages' | 'save';
const STAGE_MESSAGES: Record<UploadStage, string> = { read: 'stageRead', recognise: 'stageRecognise', model: 'stageModel', pages: 'stagePages', save: 'stageSave' };
const STREAMED = /application\/x-ndjson/;

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

  // A DOCX has pages only once laid out; LibreOffice, where installed, lays it out to count them.
  const sofficeNow = sofficeLocator();
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

  /** The enterprise as far as the session has recorded it, to tell its documents from another company's. */
  const ownCompany = (answers: Record<string, unknown>) => ({
    name: typeof answers['form.name'] === 'string' ? answers['form.name'] : undefined,
    creditCode: typeof answers['form.creditCode'] === 'string' ? answers['form.creditCode'] : undefined,
  });
  /** The form's workshops as recorded: a document's workshop figures go to the one it names. */
  const formWorkshops = (answers: Record<string, unknown>): FormWorkshops => {
    const count = Number(answers['form.workshopCount']);
    const names: Record<number, string> = {};
    for (const [k, v] of Object.entries(answers)) {
      const m = /^form\.ws\.(\d+)\.name$/.exec(k);
      if (m && typeof v === 'string') names[Number(m[1])] = v;
    }
    return { ...(Number.isInteger(count) && count > 0 ? { count } : {}), names };
  };
  const otherNotice = (other: string, own: { name?: string; creditCode?: string }) => fill(docs().messages.otherCompany!, { other, own: own.name ?? own.creditCode });
  /**
   * What the user is told of whose a document is. Against a recorded enterprise, another company's document is
   * named as such. Before anything is recorded nothing can be compared: a document that names a company says which,
   * so that its values are not taken for the applicant's own unseen (a group's report uploaded first).
   */
  const companyNotice = (companies: NamedCompanies, own: { name?: string; creditCode?: string }): { notice?: string } => {
    const other = otherCompanyIn(companies, own);
    if (other) return { notice: otherNotice(other, own) };
    if (own.name || own.creditCode) return {};
    const named = companies.labelled[0] ?? companies.title[0] ?? companies.codes[0];
    return named ? { notice: fill(docs().messages.unconfirmedCompany!, { company: named }) } : {};
  };

  /**
   * Whether the session holds the company's founding date: recorded in the form, or offered by an upload (a licence's
   * 成立日期) and not declined there.
   */
  const foundingDated = (answers: Record<string, unknown>, list: StoredDocument[]) =>
    (typeof answers['form.foundedOn'] === 'string' && answers['form.foundedOn'] !== '') || list.some((doc) => doc.suggestions.some((s) => s.field === 'foundedOn') && !doc.rejected.includes('foundedOn'));

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
    // The name is the client's text like any other field: no path separators or line breaks in a name
    // shown back as one line, then the shared rule (noncharacters, and a surrogate pair the cut split).
    const name = cleanText(file.filename.replace(/[\\/\u0000-\u001f]/g, '').slice(0, 200)) || 'document';
    // A client that asks for NDJSON is told each stage as the server reaches it (reading the file, recognising, the
    // model, laying out pages, saving), then the result or the refusal as the last line; any other gets one answer.
    if (STREAMED.test(request.headers.accept ?? '')) {
      const out = new PassThrough();
      const line = (o: unknown) => out.write(`${JSON.stringify(o)}\n`);
      void reply.code(200).header('content-type', 'application/x-ndjson; charset=utf-8').header('cache-control', 'no-store').send(out);
      try {
        line({ result: await readUpload(request.log, sessionId, name, data, (stage) => line({ stage, label: m[STAGE_MESSAGES[stage]] })), statusCode: 201 });
      } catch (err) {
        const e = err instanceof DocumentError ? new HttpError(err.statusCode, err.code, err.message) : err;
        if (e instanceof HttpError) line({ error: { code: e.code, message: e.message }, statusCode: e.statusCode });
        else {
          request.log.error({ err }, 'document upload failed');
          line({ error: { code: ErrorCode.internal, message: INTERNAL_MESSAGE, requestId: request.id }, statusCode: 500 });
        }
      }
      out.end();
      return reply;
    }
    return reply.code(201).send(await readUpload(request.log, sessionId, name, data));
  });

  /**
   * Reads an uploaded file into suggestions and stores it, saying each stage as it starts: the file's text, the
   * rules' reading, the model's (when one is configured and the rules left fields), a DOCX's pages, the save.
   */
  async function readUpload(log: FastifyBaseLogger, sessionId: string, name: string, data: Buffer, stage: (s: UploadStage) => void = () => {}) {
    const d = docs();
    try {
      const kind = detectKind(data, name, d.messages);
      stage('read');
      const pages = await slot(() => parseDocument(data, kind, d));
      stage('recognise');
      const read = await readPages(log, sessionId, name, kind, data, pages, await fastify.store.getAnswers(sessionId), stage);
      stage('save');
      const stored = await saveDocument(fastify.config.DATA_DIR, sessionId, kind, data, {
        file: name,
        pages: read.pages,
        suggestions: read.suggestions,
        companies: read.companies,
        ...(read.unsure ? { unsure: read.unsure } : {}),
      });
      return { documentId: stored.documentId, kind, pages: read.pages, suggestions: read.suggestions, ...(read.notice ? { notice: read.notice } : {}) };
    } catch (err) {
      return refuse(err);
    }
  }

  /**
   * What a document's text offers the enterprise as the session records it now: the rules' reading (and the model's,
   * when one is configured and the rules left fields), placed on the form's workshops and a DOCX's pages, each
   * suggestion labelled, with the notice that says whose the document is and what was passed over.
   */
  async function readPages(log: FastifyBaseLogger, sessionId: string, name: string, kind: DocumentKind, data: Buffer, pages: string[], answers: Record<string, unknown>, stage: (s: UploadStage) => void = () => {}) {
    const d = docs();
    const labels = fastify.kb.data.formDrafting.factLabels;
    // Each suggestion names its field in words (「2022年营业收入」) for the user deciding whether to accept it.
    const label = (s: { field: string; workshop?: string }) => {
      const f = s.field;
      const y = /^finance\.(\d{4})\.(\w+)$/.exec(f);
      // A workshop's figure (ws.2.equipmentTotal) is named with the workshop it is recorded for, by the name the form
      // holds for it, else the document's: 「车间2（纺纱车间）：联网设备台套数」; a number alone says not which one.
      const w = /^ws\.(\d+)\.(\w+)$/.exec(f);
      const named = w ? (workshops.names[Number(w[1])]?.trim() || s.workshop) : undefined;
      if (w) return `车间${w[1]}${named ? `（${named}）` : ''}：${labels[`workshops.${w[2]}`] ?? w[2]}`;
      // An indicator before or after the construction (ind.defectRate.before): 「建设完成前产品不良品率」.
      const i = /^ind\.(\w+)\.(before|after)$/.exec(f);
      if (i) return fill(i[2] === 'before' ? d.messages.indicatorBefore! : d.messages.indicatorAfter!, { label: labels[`indicators.${i[1]}`] ?? i[1]! });
      return y ? `${y[1]}年${labels[`finance.${y[2]}`] ?? y[2]}` : (labels[f] ?? interviewLabel(f) ?? f);
    };
    const interviewLabel = (f: string) => fastify.kb.data.interview.questions.find((q) => q.id === f)?.label;
    // The years the forms' finance table asks for: a statement's other years (2023, or 2019) could not be accepted.
    const years = [...new Set(Object.values(fastify.kb.data.forms).flatMap((f) => f.section1.blocks.flatMap((b) => (b.type === 'matrix' && b.id === 'finance' ? b.columns.map((c) => c.key) : []))))];
    // One list of the fields a document may fill, for the rules' reading and the model's alike; a licence's answer to
    // an interview question (ent.*) is the knowledge's own reading of its words.
    const fields = documentFields(fastify.kb.data);
    const asked = (s: { field: string }) => s.field.startsWith('ent.') || fields.includes(s.field);
    // A document of another company (a supplier's brochure, the group's report) uploaded by mistake gives
    // that company's particulars and figures: none is suggested as the enterprise's own.
    const own = ownCompany(answers);
    const companies = companiesIn(pages, d);
    const other = otherCompanyIn(companies, own);
    // A quotation or a contract between two companies is neither's account of itself: the model is not asked either.
    // A document the enterprise keeps may name its supplier (「供应商：…」): that side's lines are passed over, by the
    // rules and the model alike; a letter or a quotation from another company gives nothing.
    const parties = partiesOf(pages, d, own);
    const closed = !!other || parties.between.length > 0 || !!parties.issuedBy || !!parties.unsure || !!parties.letter || !!parties.noWriter;
    // A founding year read from prose is not offered where the session knows the founding date (a licence's 成立日期,
    // offered by another upload or recorded in the form): the licence's date wins, and a year beside it is either the
    // same fact again or a conflicting one the user would have to settle.
    const dated = foundingDated(answers, await listDocuments(fastify.config.DATA_DIR, sessionId));
    const found = closed ? [] : extractByRules(pages, name, d, { years, own }).filter((s) => asked(s) && verifySuggestion(pages, s) && !(dated && s.field === d.yearAnswers.foundedOn));
    if (fastify.llm && !closed) {
      // The model reads what rules cannot (free-form profiles, other layouts); rules keep priority, and a
      // model failure leaves the rules' suggestions.
      const have = new Set(found.map((s) => s.field));
      if (fields.some((f) => !have.has(f))) try {
        stage('model');
        // Loaded only with a model configured: the text splitter is not needed offline.
        const { extractWithModel } = await import('../documents/model');
        const more = await withSlot(fastify.llm, sessionId, () => extractWithModel(fastify.llm!, withoutOtherParties(pages, d, parties), name, fields.filter((f) => !have.has(f)), d));
        // A plan's year, or one not ended when the document was dated, is no actual year's figure, whoever read it.
        const plan = documentPlan(pages, d);
        const actual = (f: string) => !/^finance\.(\d{4})\./.test(f) || !plannedYear(plan, f.split('.')[1]!);
        for (const s of more) if (!have.has(s.field) && asked(s) && actual(s.field) && verifySuggestion(pages, s)) {
          have.add(s.field);
          found.push(s);
        }
      } catch (err) {
        log.warn({ err }, 'document extraction by the model failed; rules only');
      }
    }
    // A workshop's counts go to the form's workshop the document names; those of a workshop the form does not have,
    // or of no named workshop where the form has several, go nowhere, and the user is told so.
    const workshops = formWorkshops(answers);
    const { placed: onWorkshops, unplaced } = placeWorkshops(found, workshops);
    const workshopNotice = [
      ...(unplaced.named.length ? [fill(d.messages.workshopNotInForm!, { workshops: unplaced.named.map((w) => `“${w}”`).join('、') })] : []),
      ...(unplaced.unnamed ? [fill(d.messages.workshopUnnamed!, { count: workshops.count ?? Object.keys(workshops.names).length })] : []),
    ];
    // A PDF's pages are its own; a DOCX's are those of its layout, or none is claimed (null).
    if (kind === 'docx') stage('pages');
    const laidOut = kind === 'docx' ? await slot(() => docxPageTexts(data, sofficeNow(), d)) : pages;
    const placed = kind === 'docx' ? placeOnPages(onWorkshops, laidOut) : onWorkshops;
    // An interview question's reading also carries the question's own value, for the page to record over the chat.
    const answerOf = (f: string, v: string | number) => (f.startsWith('ent.') ? { answer: documentAnswerValue(fastify.kb.data, f, v) } : {});
    // A round figure says so beside its value: accepted as offered it is recorded as round, and the form asks for the exact one.
    // A workshop's figure placed on the form's only workshop, which has no name yet, says which workshop the document names.
    // A figure from one of a table's year columns says which year and row it is: the user checks it is the latest count.
    // A figure converted from the document's unit, or from the rate it is the rest of, says how: the user accepts the
    // form's figure knowing what the document printed.
    const roundNote = (s: Pick<Suggestion, 'approximate' | 'raw' | 'workshop' | 'period' | 'conversion' | 'value' | 'field'>) => {
      const notes = [
        ...(s.approximate ? [fill(d.messages.approximate!, { said: s.raw })] : s.workshop ? [fill(d.messages.workshopNamed!, { workshop: s.workshop })] : []),
        ...(s.period ? [fill(d.messages.yearColumn!, s.period)] : []),
        ...(s.conversion ? [conversionNote(s.conversion, s)] : []),
      ];
      return notes.length ? { note: notes.join('') } : {};
    };
    const conversionNote = (c: NonNullable<Suggestion['conversion']>, s: { raw: string; value: string | number; field: string }) => {
      if (c.complementOf) return fill(d.messages.complementConverted!, { from: c.complementOf, raw: s.raw, to: labels[`indicators.${s.field.split('.')[1]}`] ?? s.field, value: s.value });
      // A factor below one reads better the other way round: 「每天24小时」, not 「每小时0.0417天」.
      const back = Number((1 / c.factor).toPrecision(12));
      const rate = c.factor < 1 && Number.isInteger(back) ? `每${c.to}${back}${c.unit}` : `每${c.unit}${c.factor}${c.to}`;
      return fill(d.messages.unitConverted!, { raw: s.raw, unit: c.unit, rate, value: s.value, to: c.to });
    };
    // How a figure was converted is said in its note; the suggestion itself holds the form's figure.
    const suggestions = placed.map(({ conversion, ...s }) => ({ ...s, label: label(s), ...answerOf(s.field, s.value), ...roundNote({ ...s, conversion }) }));
    const pageCount = laidOut ? laidOut.length : null;
    const quoted = (names: string[]) => names.map((p) => `“${p}”`).join('和');
    // Why a document gave nothing (between companies, or issued by another), or what of it was passed over (its supplier's lines).
    const partyNotice = parties.between.length
      ? fill(d.messages.betweenParties!, { parties: quoted(parties.between) })
      : parties.issuedBy
        ? fill(d.messages.issuedByOther!, { company: `“${parties.issuedBy.company}”`, kind: parties.issuedBy.kind || d.messages.issuedKindUnnamed! })
        : parties.unsure
          ? parties.writer
            ? parties.unsure.some((c) => c !== parties.writer)
              ? fill(d.messages.whichWriter!, { writer: `“${parties.writer}”`, others: quoted(parties.unsure.filter((c) => c !== parties.writer)) })
              : fill(d.messages.whichAttester!, { writer: `“${parties.writer}”` })
            : fill(d.messages.whichParty!, { parties: quoted(parties.unsure) })
          : parties.letter
            ? fill(d.messages.letterFromOther!, { to: parties.letter.to ? `“${parties.letter.to}”` : d.messages.letterReader! })
            : parties.noWriter
              ? fill(d.messages.noWriter!, { kind: parties.noWriter.kind || d.messages.issuedKindUnnamed! })
              : parties.ownWriter
              ? fill(d.messages.ownWriter!, { writer: `“${parties.ownWriter.company}”`, others: quoted(parties.ownWriter.others) })
              : undefined;
    const skipped = !closed && parties.others.length ? fill(d.messages.otherPartySkipped!, { parties: quoted(parties.others) }) : undefined;
    // A plan's or a forecast's columns of the years the form asks for were passed over: the user is told which.
    const planned = closed ? [] : plannedColumns(pages, d, years);
    const plannedNotice = planned.length ? fill(d.messages.plannedColumns!, { columns: planned.map((c) => `“${c}”`).join('、') }) : undefined;
    const notice = [partyNotice ?? companyNotice(companies, own).notice, skipped, plannedNotice, ...workshopNotice].filter((x) => x !== undefined).join('');
    return { pages: pageCount, suggestions, companies, unsure: parties.unsure, notice: notice || undefined };
  }

  /**
   * A contract read before the enterprise was named offered neither party's particulars. Once the name is recorded it
   * is read again from the kept file, under the session's lock so that no accept writes the record meanwhile: its own
   * side's particulars are offered as suggestions for the user to confirm, never written into the answers.
   */
  async function readAgainNamed(log: FastifyBaseLogger, sessionId: string, doc: StoredDocument, answers: Record<string, unknown>): Promise<StoredDocument> {
    const own = ownCompany(answers);
    if (!doc.unsure || !own.name) return doc;
    return fastify.sessionLocks.run(sessionId, async () => {
      const current = (await readDocument(fastify.config.DATA_DIR, sessionId, doc.documentId)) ?? doc;
      if (!current.unsure) return current;
      const data = await readDocumentFile(fastify.config.DATA_DIR, sessionId, current);
      const pages = await slot(() => parseDocument(data, current.kind, docs()));
      const read = await readPages(log, sessionId, current.file, current.kind, data, pages, answers);
      const readAgain = [fill(docs().messages.readAgain!, { company: own.name! }), read.notice].filter((x) => x !== undefined).join('');
      const { unsure: _, ...rest } = current;
      const next: StoredDocument = { ...rest, suggestions: read.suggestions, companies: read.companies, readAgain };
      await updateDocument(fastify.config.DATA_DIR, sessionId, next);
      return next;
    });
  }

  fastify.get('/api/sessions/:id/documents', async (request) => {
    parseOr400(SessionParams, request.params, 'params');
    const sessionId = await fastify.requireSession(request);
    const answers = await fastify.store.getAnswers(sessionId);
    const own = ownCompany(answers);
    const list = await Promise.all((await listDocuments(fastify.config.DATA_DIR, sessionId)).map((doc) => readAgainNamed(request.log, sessionId, doc, answers)));
    // A profile's founding year offered before a licence's date came is withdrawn once the date is there, unless taken.
    const yearField = docs().yearAnswers.foundedOn;
    const dated = foundingDated(answers, list);
    return {
      documents: list.map(({ documentId, file, kind, pages, uploadedAt, suggestions, accepted, rejected, companies, readAgain }) => {
        // A document uploaded before the enterprise was known is checked again against what is known now.
        const other = companies ? otherCompanyIn(companies, own) : null;
        const notice = other || !readAgain ? (companies ? companyNotice(companies, own) : {}) : { notice: readAgain };
        const shown = suggestions.filter((s) => !(dated && s.field === yearField && !(s.field in accepted)));
        return { documentId, file, kind, pages, uploadedAt, suggestions: other ? [] : shown, accepted, rejected, ...notice };
      }),
    };
  });

  /** The user accepts a suggestion, as shown or edited; it is validated like a typed answer. */
  fastify.post('/api/sessions/:id/documents/:documentId/accept', async (request) => {
    const { documentId } = parseOr400(DocParams, request.params, 'params');
    const body = parseOr400(AcceptBody, request.body);
    const sessionId = await fastify.requireSession(request);
    const m = docs().messages;
    const doc = await readDocument(fastify.config.DATA_DIR, sessionId, documentId);
    if (!doc) throw new HttpError(404, 'NOT_FOUND', m.notFound!);
    const offered = doc.suggestions.find((s) => s.field === body.field);
    if (!offered) throw new HttpError(400, 'NOT_SUGGESTED', m.badSuggestion!);
    // Its suggestions were shown before the enterprise was known; the document may since have turned out another company's.
    const own = ownCompany(await fastify.store.getAnswers(sessionId));
    const other = doc.companies ? otherCompanyIn(doc.companies, own) : null;
    if (other) throw new HttpError(400, 'OTHER_COMPANY', otherNotice(other, own));
    // A round figure accepted as offered, by its number or in the document's words (「520余人」), is that figure,
    // marked round below; an edited value is the user's own.
    const round = !!offered.approximate && !body.field.startsWith('ent.') && (body.value === offered.value || body.value === offered.raw);
    const value = AnswerValue.parse(round ? offered.value : body.value);
    // Under the chat's lock: a turn reads the answers and writes them back whole, so an accept between
    // its read and its write would be lost, and this write would lose a turn's answer the same way.
    return fastify.sessionLocks.run(sessionId, async () => {
      const answers = await fastify.store.getAnswers(sessionId);
      const data = (await fastify.sessionKnowledge(sessionId)).data;
      // A licence's answer to an interview question (a 分公司 has no legal personality) is checked like a typed
      // answer to that question; everything else is a form fact, validated by the form of the session's version.
      const r = body.field.startsWith('ent.') ? applyDocumentAnswer(data, answers, body.field, value) : applyFormAnswer(data, answers, `form.${body.field}`, value);
      if (!r.ok) throw new HttpError(400, 'VALIDATION_FAILED', r.error);
      // Marked round with the document's words, as a round figure typed in the chat is: the form leaves it out and asks for the exact one.
      await fastify.store.setAnswers(sessionId, round ? markApproximate(r.answers, `form.${body.field}`, offered.raw) : r.answers);
      // Two accepts of one document must not drop each other's entry either.
      const current = (await readDocument(fastify.config.DATA_DIR, sessionId, documentId)) ?? doc;
      // Taking a value the user had declined is a change of mind: the later decision stands.
      const rejected = current.rejected.filter((f) => f !== body.field);
      await updateDocument(fastify.config.DATA_DIR, sessionId, { ...current, accepted: { ...current.accepted, [body.field]: body.value }, rejected });
      return { field: body.field, value: body.value, recorded: r.recorded };
    });
  });

  /** The user declines a suggestion: nothing is recorded in the answers, and the decision is kept with the document. */
  fastify.post('/api/sessions/:id/documents/:documentId/reject', async (request) => {
    const { documentId } = parseOr400(DocParams, request.params, 'params');
    const body = parseOr400(RejectBody, request.body);
    const sessionId = await fastify.requireSession(request);
    const m = docs().messages;
    // Under the session's lock like an accept, so the two never write the document's record over each other.
    return fastify.sessionLocks.run(sessionId, async () => {
      const doc = await readDocument(fastify.config.DATA_DIR, sessionId, documentId);
      if (!doc) throw new HttpError(404, 'NOT_FOUND', m.notFound!);
      if (!doc.suggestions.some((s) => s.field === body.field)) throw new HttpError(400, 'NOT_SUGGESTED', m.badSuggestion!);
      // An accepted value is already in the answers; declining it here would leave it there while the page says it is not.
      if (body.field in doc.accepted) throw new HttpError(409, 'ALREADY_ACCEPTED', m.alreadyAccepted!);
      if (!doc.rejected.includes(body.field)) await updateDocument(fastify.config.DATA_DIR, sessionId, { ...doc, rejected: [...doc.rejected, body.field] });
      return { field: body.field, rejected: true };
    });
  });
}

/** The materials checklist that tracks: each item of 附件N.四 ticked with a note, photos counted, the video checked. */
async function checklistRoutes(fastify: FastifyInstance): Promise<void> {
  const state = async (sessionId: string): Promise<ChecklistState> => {
    const r = ChecklistState.safeParse((await fastify.store.getDoc(sessionId, CHECKLIST_DOC)) ?? {});
    return r.success ? r.data : { items: {} };
  };
  const items = async (sessionId: string, wanted?: Category) => {
    // The materials of the notice the session was created under.
    const data = (await fastify.sessionKnowledge(sessionId)).data;
    const category = wanted ?? evaluate(data, await fastify.store.getAnswers(sessionId)).assessment.category.recommended;
    if (!category) throw new HttpError(409, 'CATEGORY_UNKNOWN', '尚未确定申报类别：请先完成评估，或在请求中指定 category（smartWorkshop / discreteFactory / processFactory）');
    return { category, items: checklist(formSpec(data, category)) };
  };
  const view = async (sessionId: string, wanted?: Category) => {
    const { category, items: list } = await items(sessionId, wanted);
    const st = await state(sessionId);
    return { category, items: list.map((i) => ({ ...i, done: st.items[i.id]?.done ?? false, note: st.items[i.id]?.note ?? '', checks: st.items[i.id]?.checks ?? [] })) };
  };
  const save = async (sessionId: string, itemId: string, patch: Partial<ChecklistState['items'][string]>) => {
    const st = await state(sessionId);
    const prev = st.items[itemId] ?? { done: false, checks: [], updatedAt: '' };
    st.items[itemId] = { ...prev, ...patch, updatedAt: new Date().toISOString() };
    await fastify.store.putDoc(sessionId, CHECKLIST_DOC, st);
    return st.items[itemId]!;
  };

  fastify.get('/api/sessions/:id/checklist', async (request) => {
    parseOr400(SessionParams, request.params, 'params');
    const q = parseOr400(CategoryQuery, request.query, 'query');
    return view(await fastify.requireSession(request), q.category);
  });

  fastify.put('/api/sessions/:id/checklist/:itemId', async (request) => {
    const { itemId } = parseOr400(ItemParams, request.params, 'params');
    const body = parseOr400(ChecklistUpdate, request.body);
    const q = parseOr400(CategoryQuery, request.query, 'query');
    const sessionId = await fastify.requireSession(request);
    const { items: list } = await items(sessionId, q.category);
    if (!list.some((i) => i.id === itemId)) throw new HttpError(404, 'NOT_FOUND', '材料清单中没有这一项');
    const patch: Partial<ChecklistState['items'][string]> = {};
    if (body.note !== undefined) patch.note = body.note;
    if (body.done !== undefined) patch.done = body.done;
    if (body.photoCount !== undefined) {
      if (itemId !== 'photos') throw new HttpError(400, 'VALIDATION_FAILED', '照片张数只适用于“照片”一项');
      const c = checkPhotos((await fastify.sessionKnowledge(sessionId)).data.formDrafting.materials, body.photoCount);
      patch.checks = [c.message];
      // Ticking is the user's call; a count below the minimum un-ticks rather than leaving a wrong tick.
      if (!c.ok) patch.done = false;
    }
    return { itemId, ...(await save(sessionId, itemId, patch)) };
  });

  /** The video is checked and not kept: a 200 MB file has no use on the server once its rules are read. */
  fastify.post('/api/sessions/:id/checklist/video', async (request) => {
    parseOr400(SessionParams, request.params, 'params');
    const sessionId = await fastify.requireSession(request);
    const mat = (await fastify.sessionKnowledge(sessionId)).data.formDrafting.materials;
    if (!request.isMultipart()) throw new HttpError(400, 'MISSING_FILE', fastify.kb.data.formDrafting.documents.messages.missingFile!);
    const limit = mat.rules.videoMaxMB * 1024 * 1024;
    const file = await request.file({ limits: { fileSize: limit + 1, files: 1 } });
    if (!file) throw new HttpError(400, 'MISSING_FILE', fastify.kb.data.formDrafting.documents.messages.missingFile!);
    const dir = await mkdtemp(join(tmpdir(), 'zz-video-'));
    try {
      const path = join(dir, 'video');
      let tooBig = false;
      try {
        await pipeline(file.file, createWriteStream(path));
      } catch (err) {
        if ((err as { code?: string }).code !== 'FST_REQ_FILE_TOO_LARGE') throw err;
        tooBig = true;
      }
      tooBig ||= file.file.truncated;
      const size = tooBig ? limit + 1 : (await stat(path)).size;
      const head = Buffer.alloc(12);
      const fh = await open(path, 'r');
      await fh.read(head, 0, 12, 0);
      await fh.close();
      // An MP4 names its brand in an 'ftyp' box at byte 4.
      const mp4Magic = head.subarray(4, 8).toString('latin1') === 'ftyp';
      let probe = null;
      try {
        probe = tooBig ? null : await probeVideo(path);
      } catch {
        const msg = mat.messages.videoUnreadable!;
        return { itemId: 'video', ...(await save(sessionId, 'video', { checks: [msg], done: false })), ok: false };
      }
      const r = checkVideo(mat, size, probe, mp4Magic);
      return { itemId: 'video', ...(await save(sessionId, 'video', { checks: r.messages, ...(r.ok ? {} : { done: false }) })), ok: r.ok };
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
}

async function allRoutes(fastify: FastifyInstance): Promise<void> {
  await documentRoutes(fastify);
  await checklistRoutes(fastify);
}

export default fp(allRoutes, { name: 'document-routes', dependencies: ['knowledge', 'store'] });
