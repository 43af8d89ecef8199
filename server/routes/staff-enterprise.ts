import type { FastifyInstance } from 'fastify';
import { HttpError, parseOr400 } from '../errors';
import { rulesFor } from '../chat/rules';
import { onlyHardConditionsOpen, outsideArea, regionIn, regionNames, resolveRegion, ticksStillValid, type SubmissionSnapshot } from '../staff/bureau';
import { FeedbackRequest, SubmitRequest, SubmitStateQuery } from '../staff/schemas';
import type { StaffContext } from '../staff/plugin';

/**
 * The enterprise's side of the staff workspace, opened only by the session's bearer token:
 * submitting to the local bureau, asking the helpline to look along, and 👍/👎 on an answer.
 */
export default async function staffEnterpriseRoutes(fastify: FastifyInstance, opts: { ctx: StaffContext }): Promise<void> {
  const { ctx } = opts;
  const enterprise = (sessionId: string) => ({ actor: `session:${sessionId.slice(0, 8)}`, role: 'enterprise' });

  /** 「提交给所在地工信部门初审」: the bureau of `region` sees this session's assessment and drafts as they are now. */
  fastify.post('/api/sessions/:id/submit', async (request, reply) => {
    const sessionId = await fastify.requireSession(request);
    const body = parseOr400(SubmitRequest, request.body);
    const kb = await fastify.sessionKnowledge(sessionId);
    const region = resolveRegion(kb.data, body.region);
    if (!region) throw new HttpError(400, 'VALIDATION_FAILED', `body.region：未知地区“${body.region}”，应为省辖市、济源示范区、航空港区或县（市）名称，如 洛阳市`);
    const answers = await fastify.store.getAnswers(sessionId);
    // A bureau whose area does not hold the location the applicant gave would review, and count against its quota,
    // an enterprise another bureau recommends: the applicant is warned, and the bureau sees the same words.
    const outside = outsideArea(kb.data, region, answers);
    const step = rulesFor(kb).step(answers);
    // The bureau reviews a verdict. An interview still waiting on answers has none, and
    // recommending from it would mean guessing what the enterprise has not yet said.
    // Hard conditions left 不清楚 alone do not hold the submission back: the bureau verifies them at its 初审 (四(三)).
    if (step.assessment.verdict === 'incomplete' && !onlyHardConditionsOpen(step.assessment)) {
      const next = step.question ? `，下一个问题是：“${step.question.text}”` : '';
      throw new HttpError(
        409,
        'ASSESSMENT_INCOMPLETE',
        `自评尚未得出结论，暂不能提交初审：请先在对话中回答完申报条件和要素条件的问题（还有 ${step.progress.remaining} 个${next}），得出自评结论后再提交`,
      );
    }
    const name = answers['form.name'];
    const snapshot: SubmissionSnapshot = {
      name: typeof name === 'string' && name.trim() ? name.trim() : null,
      answers,
      assessment: step.assessment,
      drafts: (await fastify.store.getDoc(sessionId, 'drafts')) ?? null,
    };
    const r = await ctx.store().submit(sessionId, region, snapshot, { knowledgeVersion: kb.version, programmeYear: kb.data.manifest.year }, (previous) =>
      ticksStillValid(kb.data, previous.snapshot as SubmissionSnapshot, snapshot, previous.review?.checklist ?? {}),
    );
    ctx.audit({
      ...enterprise(sessionId),
      action: 'submit',
      target: region,
      ip: request.ip,
      // What a changed resubmission undid stays on record here: the review row keeps only what still applies.
      ...(r.changed || r.recommendationWithdrawn ? { detail: { changed: r.changed, recommendationWithdrawn: r.recommendationWithdrawn, ticksCleared: r.ticksCleared } } : {}),
    });
    // The bureau pages open on the list see the applicant at once; a move takes it off the list it left.
    ctx.signals.applicantChanged({ region, sessionId, kind: 'submitted' });
    if (r.previousRegion && r.previousRegion !== region) ctx.signals.applicantChanged({ region: r.previousRegion, sessionId, kind: 'moved' });
    return reply.status(201).send({ region, submittedAt: r.submittedAt, ...(outside ? { warning: outside } : {}) });
  });

  /**
   * Whether this session was submitted, and the regions it may choose from: first the one its
   * address names, else the one its interview recorded (the recommending county, else the city).
   * With ?region=, or else for the region already submitted to, `warning` says whether that bureau's area
   * holds the location the applicant gave, so the page can say so while the bureau is being chosen.
   */
  fastify.get('/api/sessions/:id/submit', async (request) => {
    const sessionId = await fastify.requireSession(request);
    const q = parseOr400(SubmitStateQuery, request.query, 'query');
    const answers = await fastify.store.getAnswers(sessionId);
    const kb = await fastify.sessionKnowledge(sessionId);
    const named = (v: unknown) => (typeof v === 'string' && v.trim() ? regionIn(kb.data, v) : null);
    const submission = (await ctx.store().submissionOf(sessionId)) ?? null;
    const region = q.region !== undefined ? resolveRegion(kb.data, q.region) : submission?.region;
    if (q.region !== undefined && !region) throw new HttpError(400, 'VALIDATION_FAILED', `query.region：未知地区“${q.region}”，应为省辖市、济源示范区、航空港区或县（市）名称，如 洛阳市`);
    return {
      submission,
      regions: regionNames(kb.data),
      suggested: named(answers['form.address']) ?? named(answers['ent.county']) ?? named(answers['ent.city']),
      ...(region ? { region, warning: outsideArea(kb.data, region, answers) } : {}),
    };
  });

  /** 「请热线协助」: a 6-digit code, valid 30 minutes, that the enterprise reads out to the helpline. */
  fastify.post('/api/sessions/:id/assist', async (request, reply) => {
    const sessionId = await fastify.requireSession(request);
    const code = await ctx.store().newAssistCode(sessionId);
    ctx.audit({ ...enterprise(sessionId), action: 'assist.code', ip: request.ip });
    const { unit, phone } = fastify.kb.data.facts.contact;
    return reply.status(201).send({ ...code, helpline: { unit, phone } });
  });

  /** Who is viewing now, so the enterprise can see it and revoke. */
  fastify.get('/api/sessions/:id/assist', async (request) => {
    const sessionId = await fastify.requireSession(request);
    return ctx.store().assistState(sessionId);
  });

  fastify.delete('/api/sessions/:id/assist', async (request) => {
    const sessionId = await fastify.requireSession(request);
    await ctx.store().revokeAssist(sessionId);
    ctx.audit({ ...enterprise(sessionId), action: 'assist.revoke', ip: request.ip });
    return ctx.store().assistState(sessionId);
  });

  /** 👍/👎 on one answer. The question id is a random UUID handed only to whoever asked, so it is its own permission. */
  fastify.post('/api/feedback', async (request) => {
    const body = parseOr400(FeedbackRequest, request.body);
    if (!(await ctx.store().setFeedback(body.questionId, body.vote))) throw new HttpError(404, 'NOT_FOUND', '问题记录不存在或已过保留期');
    return { ok: true };
  });
}
