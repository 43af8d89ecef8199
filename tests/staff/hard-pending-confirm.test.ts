import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CAPABILITY_IDS } from '../../server/schemas/profile';
import { workshop } from '../chat/enterprises';
import { build, type Built } from '../helper';
import { as, completeReview, newSession, staffAs, submit, type StaffLogin } from './helpers';

/**
 * A hard condition (二, 四(一)) the enterprise answered 不清楚 or skipped is no less a condition: the bureau's detail
 * names it 待确认 by its clause, and a new 推荐 waits for the bureau to confirm it verified it, recorded with the review
 * beside the element conditions confirmed.
 * The enterprise may still submit: the bureau's 初审 and on-site check (四(三)) are where such a condition is settled.
 */
let b: Built;
let bureau: StaffLogin;
beforeAll(async () => {
  b = await build();
  bureau = await staffAs(b, 'pending-xinxiang', 'bureau', '新乡市');
});
afterAll(async () => b?.close());

const allCaps = Object.fromEntries(CAPABILITY_IDS.map((c) => [`cap.${c}`, true]));
async function applicant(name: string, unanswered: string[], caps: Record<string, boolean> = {}, submits = true) {
  const s = await newSession(b.app);
  const answers: Record<string, unknown> = { ...workshop.facts, ...allCaps, ...caps, 'ent.city': '新乡市', 'form.name': name };
  for (const id of unanswered) delete answers[id];
  await b.app.store.setAnswers(s.sessionId, answers as never);
  const r = await submit(b.app, s, '新乡市');
  expect(r.statusCode, 'an unanswered hard condition does not stop the enterprise submitting').toBe(submits ? 201 : 409);
  return s;
}
const review = (id: string, body: object) => b.app.inject({ method: 'PUT', url: `/api/staff/bureau/applicants/${id}/review`, headers: as(bureau), payload: body });
const detail = async (id: string) => (await b.app.inject({ url: `/api/staff/bureau/applicants/${id}`, headers: as(bureau) })).json();

describe('推荐 of an applicant with a hard condition left unanswered', () => {
  it.each([
    ['严重违法失信名单 unknown', ['ent.credit.seriousIllegalDishonest'], {}, [{ clause: '二(四)', title: '严重违法失信名单' }], 0],
    ['independent legal person and this year’s other application unknown', ['ent.independentLegalPerson', 'ent.appliedThisYear'], {}, [{ clause: '二(一)', title: '具有独立法人资格' }, { clause: '四(一)', title: '当年限报1个' }], 0],
    ['tax blacklist unknown and an element unmet', ['ent.credit.taxViolationBlacklist'], { 'cap.industrialNetwork': false }, [{ clause: '二(四)', title: '税收违法黑名单' }], 1],
  ])('names it 待确认 in the detail and asks the bureau to confirm it (%s), then records the confirmation', async (_what, unanswered, caps, pending, unmetCount) => {
    const s = await applicant(`硬性条件待确认企业${_what}`, unanswered, caps);
    const d = await detail(s.sessionId);
    expect(d.pending).toEqual(pending);
    expect(d.blocking).toEqual([]);
    for (const p of pending) expect(d.gaps).toContainEqual(expect.objectContaining({ clause: p.clause, title: p.title, status: 'pending' }));
    expect(d.notRecommendable, 'the bureau can settle a hard condition at its 初审').toBeNull();

    const first = await review(s.sessionId, await completeReview(b.app, bureau, s.sessionId));
    expect(first.statusCode).toBe(409);
    expect(first.json().error.code).toBe('CONDITIONS_UNCONFIRMED');
    const message: string = first.json().error.message;
    expect(message).toContain(`该企业有 ${pending.length + unmetCount} 项条件未确认满足`);
    for (const p of pending) expect(message).toContain(`${p.clause} ${p.title}（企业未答明）`);
    expect(message.includes('（自评未满足')).toBe(unmetCount > 0);
    const hardOf = (cs: { clause: string; title: string; kind: string }[]) => cs.filter((c) => c.kind === 'hard').map(({ clause, title }) => ({ clause, title }));
    expect(hardOf(first.json().error.details.clauses)).toEqual(pending);
    expect((await detail(s.sessionId)).recommended).toBe(false);

    const second = await review(s.sessionId, await completeReview(b.app, bureau, s.sessionId, { conditionsConfirmed: true }));
    expect(second.statusCode, second.body).toBe(200);
    const saved = await detail(s.sessionId);
    expect(saved.recommended).toBe(true);
    expect(hardOf(saved.review.confirmedUnmet.conditions)).toEqual(pending);
    expect(saved.review.confirmedUnmet.by).toBe('pending-xinxiang');
    expect(saved.review.confirmedUnmet.clauses.length).toBe(pending.length + unmetCount);

    // Withdrawn, the confirmation goes with the recommendation.
    expect((await review(s.sessionId, await completeReview(b.app, bureau, s.sessionId, { recommended: false }))).statusCode).toBe(200);
    expect((await detail(s.sessionId)).review.confirmedUnmet).toBeUndefined();
  });

  it('near miss: every hard condition answered, nothing is pending and 推荐 needs no confirmation', async () => {
    const s = await applicant('硬性条件均已回答企业', []);
    const d = await detail(s.sessionId);
    expect(d.pending).toEqual([]);
    expect(d.gaps.filter((g: { status: string }) => g.status === 'pending')).toEqual([]);
    const r = await review(s.sessionId, await completeReview(b.app, bureau, s.sessionId));
    expect(r.statusCode, r.body).toBe(200);
    expect((await detail(s.sessionId)).review.confirmedUnmet).toBeUndefined();
  });

  it('near miss: with an element condition also left unanswered the verdict stays open, and submitting is refused as before', async () => {
    await applicant('要素未回答企业', ['ent.credit.seriousIllegalDishonest', 'cap.mes', 'cap.erp'], {}, false);
  });
});
