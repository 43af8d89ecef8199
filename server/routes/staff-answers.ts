import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { HttpError, notFound, parseOr400 } from '../errors';
import { answerQuestion, matchEntries } from '../qa/answer';
import { answersOf, checkEntry, EntryRejected, staffEntryIds } from '../qa/layer';
import { understanderFor } from '../understand';
import { fill } from '../engine/kb';
import type { AnswerEntry } from '../knowledge/schemas/answer-base';
import type { KnowledgeBase } from '../knowledge/base';
import { LOW_CONFIDENCE } from '../staff/dashboard';
import { searchText } from '../staff/store';
import { readLoggedReply } from '../staff/interview-reply';
import { applyAnswerLayer } from '../staff/answer-layer';
import type { StaffContext } from '../staff/plugin';
import { AnswerVersionQuery, EntryIdParam, ReviewQueueQuery, RollbackRequest, SaveEntryRequest, type StaffIdentity, type StaffRole } from '../staff/schemas';

export interface StaffAnswerOptions {
  ctx: StaffContext;
  requireRole(request: FastifyRequest, ...roles: StaffRole[]): StaffIdentity;
  audit(request: FastifyRequest, action: string, target?: string, detail?: unknown): void;
}

/** A question as typed, compared by its words: the log's own folding (width, case, traditional forms), without punctuation or spaces. */
const sameWords = (q: string) => searchText(q).replace(/[\p{P}\p{S}\s]/gu, '');

const ENTRY_FIELDS = ['questions', 'answer', 'conclusion', 'clauses', 'quotes', 'requires', 'excludes', 'topic', 'fill', 'label'] as const;

/** JSON with object keys sorted: an entry read back from jsonb has its keys in another order. */
function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (v && typeof v === 'object') return `{${Object.keys(v).sort().map((k) => `${JSON.stringify(k)}:${canonical((v as Record<string, unknown>)[k])}`).join(',')}}`;
  return JSON.stringify(v ?? null);
}

/** The fields in which `next` differs from the entry in force before it. */
function changedFields(before: AnswerEntry | null, next: AnswerEntry | null): string[] {
  if (!before || !next) return before === next ? [] : ['entry'];
  return ENTRY_FIELDS.filter((k) => canonical(before[k]) !== canonical(next[k]));
}

/**
 * The review queue and the staff answer layer, inside the staff scope (cookie, CSRF and roles
 * are checked by the hooks of staff.ts). Only the helpline and admins write answers: a bureau
 * account reviews applicants, not the province's answers.
 *
 * Each knowledge version has its own layer, and a session keeps the version it began under, so
 * the answer routes take ?version= (the default version when absent): an entry saved under last
 * year's notice still answers last year's sessions after the default moves on, and stays in reach.
 */
export default async function staffAnswerRoutes(fastify: FastifyInstance, opts: StaffAnswerOptions): Promise<void> {
  const { ctx, requireRole, audit } = opts;
  const kb = () => fastify.kb;
  const editors: StaffRole[] = ['helpline', 'admin'];
  /** The served version a request names (?version=), else the default; one no longer served is a 400 listing those that are. */
  const kbOf = (request: FastifyRequest): KnowledgeBase => fastify.knowledgeFor(parseOr400(AnswerVersionQuery, request.query, 'query').version, 'query.version');

  const shippedEntry = (k: KnowledgeBase, id: string) => k.data.answerBase.entries.find((e) => e.id === id) ?? null;
  /** The entry that answers under this id now: the latest staff revision, else the shipped one. */
  const inForce = async (k: KnowledgeBase, id: string): Promise<AnswerEntry | null> => {
    const latest = (await ctx.store().entryRevisions(k.version, id))[0];
    return latest ? latest.entry ?? shippedEntry(k, id) : shippedEntry(k, id);
  };

  const say = () => kb().data.ui.console.errors;
  /**
   * A logged item is a question when someone asked it (the chat, the console, the API, the command line); an interview
   * reply answered the interview's question, so no answer-base entry is written from it: it has its own action.
   */
  const isQuestion = (item: { source: string }) => item.source !== 'interview';

  const rejected = (err: unknown): never => {
    if (err instanceof EntryRejected) throw new HttpError(400, 'ENTRY_REJECTED', err.message, err.details);
    throw err;
  };

  // Saves run one at a time: a rebuild that read the rows before another save committed must not
  // finish after that save's rebuild and swap in a layer without it.
  let saving: Promise<unknown> = Promise.resolve();

  /** Stores a revision and lays the version's entries over the shipped base again, before answering. */
  const save = (request: FastifyRequest, k: KnowledgeBase, id: string, entry: AnswerEntry | null, note: string, fromQuestion?: string) => {
    const who = requireRole(request, ...editors);
    const run = saving.then(async () => {
      const before = await inForce(k, id);
      const changed = changedFields(before, entry ?? shippedEntry(k, id));
      const rev = await ctx.store().saveEntryRevision({ version: k.version, entryId: id, entry, author: who.username, note, changed, fromQuestion });
      await applyAnswerLayer(fastify, ctx.store(), k);
      ctx.signals.answersChanged(k.version);
      if (fromQuestion) await ctx.store().markReviewed(fromQuestion, who.username, id);
      return rev;
    });
    saving = run.catch(() => undefined);
    return run;
  };

  /**
   * Whether a queued question is one staff have decided: the same words were answered from the queue with an entry
   * that still answers, or it was refused by a 通知未涉及 entry staff wrote or fixed for these words (a question line of
   * theirs). A paraphrase the entry caught is still queued, since a refusal may have read its topic wrongly.
   */
  const settledBy = async () => {
    // Folded once per queue read, not once per queued item.
    const into = (await ctx.store().reviewedInto()).map((r) => ({ entry: r.entry, words: sameWords(r.question) }));
    const reviewed = new Set(into.map((r) => `${r.entry} ${r.words}`));
    const servedIds = new Map<string, Set<string>>();
    const servedIn = (version: string, k: KnowledgeBase) => {
      let ids = servedIds.get(version);
      if (!ids) servedIds.set(version, (ids = new Set(answersOf(k).entries.map((x) => x.entry.id))));
      return ids;
    };
    return (item: { source: string; refused: boolean; entries: string[]; question: string; knowledgeVersion: string }): boolean => {
      const k = servedOrNull(item.knowledgeVersion);
      if (!k || !isQuestion(item)) return false;
      const asked = sameWords(item.question);
      // The same words asked again before staff answered them (a caller who tried twice): answered by the entry they wrote, while it answers.
      const served = servedIn(item.knowledgeVersion, k);
      if (into.some((r) => served.has(r.entry) && r.words === asked)) return true;
      const id = item.entries[0];
      if (!item.refused || item.entries.length !== 1 || !id) return false;
      const entry = answersOf(k).entries.find((x) => x.entry.id === id)?.entry;
      if (entry?.conclusion !== 'notCovered' || !staffEntryIds(k).has(id)) return false;
      return reviewed.has(`${id} ${asked}`) || entry.questions.some((x) => sameWords(x) === asked);
    };
  };
  const servedOrNull = (version: string): KnowledgeBase | null => {
    try {
      return fastify.knowledgeFor(version);
    } catch {
      return null;
    }
  };

  /**
   * The 通知未涉及 entries of the shipped answer base, as each served version has them in force (「version entryId」):
   * reviewed before they shipped, their refusal is the answer wherever it is given, not a question left unanswered. An
   * entry staff added is not among them: a paraphrase it caught stays queued (settledBy).
   */
  const shippedNotCovered = (): string[] =>
    fastify.knowledge.versions().flatMap((version) => {
      const k = servedOrNull(version);
      if (!k) return [];
      const shipped = new Set(k.data.answerBase.entries.map((e) => e.id));
      return answersOf(k).entries.filter((x) => x.entry.conclusion === 'notCovered' && shipped.has(x.entry.id)).map((x) => `${version} ${x.entry.id}`);
    });

  fastify.get('/api/staff/review', async (request) => {
    requireRole(request, ...editors);
    const q = parseOr400(ReviewQueueQuery, request.query, 'query');
    const items = await ctx.store().reviewQueue({ ...q, lowConfidence: LOW_CONFIDENCE, settled: await settledBy(), answeredBy: shippedNotCovered() });
    const u = understanderFor(kb().data);
    audit(request, 'review.list');
    return {
      lowConfidence: LOW_CONFIDENCE,
      knowledgeVersion: kb().version,
      // The entry the question comes closest to, so staff can fix it instead of writing a second one.
      items: items.map((i) => {
        // An interview reply is no question: no answer-base entry answers it, so none is offered beside it.
        const interview = isQuestion(i) ? null : interviewMisread(i.answer);
        if (interview) return { ...i, nearest: null, nearestQuestion: null, interview };
        const nearest = matchEntries(kb(), u.read(i.question).text, 1)[0]?.prepared.entry ?? null;
        return { ...i, nearest: nearest?.id ?? null, nearestQuestion: nearest ? (nearest.label ?? nearest.questions[0] ?? null) : null, interview: null };
      }),
    };
  });

  /**
   * What an interview reply in the queue is: the interview logs it as 「[question id · clause] what the enterprise was
   * told」. Said in the console's words with the question's label, so staff read which question it answered.
   */
  const interviewMisread = (logged: string) => {
    const w = kb().data.ui.console.interviewMisread;
    const r = readLoggedReply(kb().data, logged);
    const text = !r ? logged : r.clause ? fill(w.what, { question: r.question, clause: r.clause, toldBack: r.toldBack }) : fill(w.whatForm, { question: r.question, toldBack: r.toldBack });
    return { questionId: r?.questionId ?? '', question: r?.question ?? '', tag: w.tag, what: text, lexicon: w.lexicon, lexiconDone: w.lexiconDone };
  };

  // An interview reply the rules did not read is noted for the interview's lexicon (in the audit log, with the
  // question it answered) and leaves the queue; the words themselves stay in the masked question log.
  fastify.post('/api/staff/review/:id/misread', async (request) => {
    const who = requireRole(request, ...editors);
    const { id } = parseOr400(z.object({ id: z.uuid() }), request.params, 'params');
    const item = (await ctx.store().questionById(id)) ?? null;
    if (!item) throw notFound(kb().data.ui.notFound, 'questionLog');
    if (isQuestion(item)) throw new HttpError(400, 'NOT_INTERVIEW', say().notInterview);
    if (!(await ctx.store().markReviewed(id, who.username, null))) throw notFound(kb().data.ui.notFound, 'questionLog');
    audit(request, 'review.interviewMisread', id, { questionId: interviewMisread(item.answer).questionId });
    return { ok: true };
  });

  fastify.post('/api/staff/review/:id/dismiss', async (request) => {
    const who = requireRole(request, ...editors);
    const { id } = parseOr400(z.object({ id: z.uuid() }), request.params, 'params');
    if (!(await ctx.store().markReviewed(id, who.username, null))) throw notFound(kb().data.ui.notFound, 'questionLog');
    audit(request, 'review.dismiss', id);
    return { ok: true };
  });

  /**
   * The entries of one version, and the versions whose staff answers can be opened: the default and
   * every served version with staff edits (a version no longer served answers no one).
   */
  fastify.get('/api/staff/answers', async (request) => {
    requireRole(request, ...editors);
    const k = kbOf(request);
    const version = k.version;
    const staff = new Map((await ctx.store().latestEntries(version)).map((r) => [r.entryId, r]));
    type Row = { id: string; question: string; conclusion: AnswerEntry['conclusion'] | null; origin: 'shipped' | 'edited' | 'staff' | 'withdrawn'; revision: number | null; by: string | null; at: string | null };
    const list: Row[] = answersOf(k).entries.map(({ entry }) => {
      const r = staff.get(entry.id);
      return { id: entry.id, question: entry.questions[0]!, conclusion: entry.conclusion, origin: r ? (shippedEntry(k, entry.id) ? 'edited' : 'staff') : 'shipped', revision: r?.revision ?? null, by: r?.author ?? null, at: r?.at ?? null };
    });
    // Withdrawn staff-only entries answer nothing but keep their history, so they can be rolled back.
    for (const [id, r] of staff) if (!r.entry && !shippedEntry(k, id)) list.push({ id, question: '', conclusion: null, origin: 'withdrawn', revision: r.revision, by: r.author, at: r.at });
    const edited = new Set(await ctx.store().layeredVersions());
    const served = fastify.knowledge.versions().filter((v) => v === kb().version || edited.has(v));
    const versions = served.map((v) => ({ version: v, year: fastify.knowledge.get(v)!.data.manifest.year, isDefault: v === kb().version, edited: edited.has(v) }));
    // What a 通知未涉及 entry answers with, whatever its own answer text says: the editor shows it before saving, with {topic} left for the topic typed.
    const { unit, phone } = k.data.facts.contact;
    const refusal = fill(k.data.intents.outOfScope.answer, { topic: '{topic}', related: '', unit, phone });
    return { knowledgeVersion: version, versions, entries: list, refusal };
  });

  fastify.get('/api/staff/answers/:id', async (request) => {
    requireRole(request, ...editors);
    const { id } = parseOr400(EntryIdParam, request.params, 'params');
    const k = kbOf(request);
    const revisions = await ctx.store().entryRevisions(k.version, id);
    const shipped = shippedEntry(k, id);
    if (!shipped && revisions.length === 0) throw notFound(kb().data.ui.notFound, 'answerEntries', { version: k.version });
    return { id, knowledgeVersion: k.version, entry: await inForce(k, id), shipped, staff: staffEntryIds(k).has(id), revisions };
  });

  fastify.put('/api/staff/answers/:id', async (request) => {
    const { id } = parseOr400(EntryIdParam, request.params, 'params');
    requireRole(request, ...editors);
    const k = kbOf(request);
    const body = parseOr400(SaveEntryRequest, request.body);
    if (body.entry.id !== id) throw new HttpError(400, 'VALIDATION_FAILED', `body.entry.id: 应与地址中的条目编号 ${id} 一致`);
    // The item an entry is written from is checked before the entry, so a reply is refused as what it is, and nothing is saved.
    const from = body.fromQuestion ? await ctx.store().questionById(body.fromQuestion) : undefined;
    if (body.fromQuestion && !from) throw notFound(kb().data.ui.notFound, 'questionLog');
    if (from && !isQuestion(from)) {
      audit(request, 'answer.fromInterview', body.fromQuestion);
      throw new HttpError(400, 'FROM_INTERVIEW', fill(say().fromInterview, { lexicon: kb().data.ui.console.interviewMisread.lexicon }));
    }
    let entry: AnswerEntry;
    try {
      entry = checkEntry(k, body.entry);
    } catch (err) {
      audit(request, 'answer.rejected', id);
      return rejected(err);
    }
    const rev = await save(request, k, id, entry, body.note, body.fromQuestion);
    audit(request, 'answer.save', id, { version: k.version, revision: rev.revision, changed: rev.changed, fromQuestion: body.fromQuestion });
    // What the next asker gets, so the writer sees the entry answer at once.
    const probe = from ? from.question : entry.questions[0]!;
    return { knowledgeVersion: k.version, revision: rev, answer: answerQuestion(k, probe), probe };
  });

  fastify.post('/api/staff/answers/:id/rollback', async (request) => {
    const { id } = parseOr400(EntryIdParam, request.params, 'params');
    requireRole(request, ...editors);
    const k = kbOf(request);
    const { revision } = parseOr400(RollbackRequest, request.body);
    const target = (await ctx.store().entryRevisions(k.version, id)).find((r) => r.revision === revision);
    if (!target) throw notFound(kb().data.ui.notFound, 'entryRevision', { id, revision });
    let entry: AnswerEntry | null = null;
    try {
      entry = target.entry ? checkEntry(k, target.entry) : null;
    } catch (err) {
      return rejected(err);
    }
    const rev = await save(request, k, id, entry, fill(say().rollbackNote, { revision }));
    audit(request, 'answer.rollback', id, { version: k.version, to: revision, revision: rev.revision });
    return { revision: rev };
  });

  /** Withdraws the staff entry: the shipped entry of that id (if any) answers again. History is kept. */
  fastify.delete('/api/staff/answers/:id', async (request) => {
    const { id } = parseOr400(EntryIdParam, request.params, 'params');
    requireRole(request, ...editors);
    const k = kbOf(request);
    if (!staffEntryIds(k).has(id)) throw notFound(kb().data.ui.notFound, 'staffEntries', { version: k.version });
    const rev = await save(request, k, id, null, say().withdrawNote);
    audit(request, 'answer.withdraw', id, { version: k.version, revision: rev.revision });
    return { revision: rev };
  });
}
