import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CAPABILITY_IDS } from '../../server/schemas/profile';
import { workshop } from '../chat/enterprises';
import { build, type Built } from '../helper';
import { as, completeReview, newSession, staffAs, submit, type StaffLogin } from './helpers';

/**
 * 二(二) makes meeting the element conditions a 申报条件. A bureau may still judge them met on site, so a new 推荐 of an
 * applicant whose own assessment left some unmet is not refused outright: it waits for the bureau's confirmation,
 * named clause by clause, and the confirmation is kept in the 初审 record.
 */
let b: Built;
let bureau: StaffLogin;
beforeAll(async () => {
  b = await build();
  bureau = await staffAs(b, 'unmet-luoyang', 'bureau', '洛阳市');
});
afterAll(async () => b?.close());

async function applicant(name: string, capabilities: Partial<Record<string, boolean>>) {
  const s = await newSession(b.app);
  const caps = Object.fromEntries(CAPABILITY_IDS.map((c) => [`cap.${c}`, capabilities[c] ?? true]));
  await b.app.store.setAnswers(s.sessionId, { ...workshop.facts, ...caps, 'ent.city': '洛阳市', 'form.name': name } as never);
  expect((await submit(b.app, s, '洛阳市')).statusCode).toBe(201);
  return s;
}
const review = (id: string, body: object) => b.app.inject({ method: 'PUT', url: `/api/staff/bureau/applicants/${id}/review`, headers: as(bureau), payload: body });
const detail = async (id: string) => (await b.app.inject({ url: `/api/staff/bureau/applicants/${id}`, headers: as(bureau) })).json();
const quota = async () => (await b.app.inject({ url: '/api/staff/bureau', headers: as(bureau) })).json().quota.recommended as number;
type Condition = { clause: string; title: string; status: string };

describe('推荐 of an applicant with unmet element conditions', () => {
  it.each([
    ['no industrial network', { industrialNetwork: false }],
    ['no automated lines or flexible cells', { automatedLines: false, flexibleCell: false }],
    ['neither MES nor ERP', { mes: false, erp: false }],
  ])('asks the bureau to confirm, naming each unmet clause (%s), then records the confirmation', async (_what, caps) => {
    const s = await applicant(`要素未满足企业${_what}`, caps);
    const d = await detail(s.sessionId);
    const unmet = (d.conditions as Condition[]).filter((c) => c.status === 'unmet');
    expect(unmet.length).toBeGreaterThan(0);
    const before = await quota();

    const first = await review(s.sessionId, await completeReview(b.app, bureau, s.sessionId));
    expect(first.statusCode).toBe(409);
    expect(first.json().error.code).toBe('CONDITIONS_UNCONFIRMED');
    const message: string = first.json().error.message;
    expect(message).toContain(`${unmet.length} 项条件未确认满足`);
    for (const c of unmet) expect(message).toContain(`${c.clause} ${c.title}（自评未满足：`);
    expect(message).toContain('二(二)');
    expect(first.json().error.details.clauses).toEqual(unmet.map((c) => expect.objectContaining({ clause: c.clause, title: c.title, status: 'unmet', kind: 'element' })));
    // Nothing saved, no place taken.
    expect((await detail(s.sessionId)).recommended).toBe(false);
    expect(await quota()).toBe(before);

    const second = await review(s.sessionId, await completeReview(b.app, bureau, s.sessionId, { conditionsConfirmed: true }));
    expect(second.statusCode, second.body).toBe(200);
    expect(second.json().quota.recommended).toBe(before + 1);
    const saved = await detail(s.sessionId);
    expect(saved.recommended).toBe(true);
    expect(saved.review.confirmedUnmet).toMatchObject({ clauses: unmet.map((c) => c.clause), by: 'unmet-luoyang' });
    // The record says what was confirmed: each condition with its status then.
    expect(saved.review.confirmedUnmet.conditions.map((c: Condition) => [c.clause, c.status])).toEqual(unmet.map((c) => [c.clause, 'unmet']));
    expect(saved.confirmation).toContain('经初审确认推荐（unmet-luoyang，');
    expect(Number.isNaN(Date.parse(saved.review.confirmedUnmet.at))).toBe(false);

    // Saved again while it stands, the confirmation stays; withdrawn, it goes with the recommendation.
    expect((await review(s.sessionId, await completeReview(b.app, bureau, s.sessionId))).statusCode).toBe(200);
    expect((await detail(s.sessionId)).review.confirmedUnmet.clauses).toEqual(unmet.map((c) => c.clause));
    expect((await review(s.sessionId, await completeReview(b.app, bureau, s.sessionId, { recommended: false }))).statusCode).toBe(200);
    expect((await detail(s.sessionId)).review.confirmedUnmet).toBeUndefined();
    // A new 推荐 after the withdrawal asks again.
    expect((await review(s.sessionId, await completeReview(b.app, bureau, s.sessionId))).json().error.code).toBe('CONDITIONS_UNCONFIRMED');
  });

  it('recommends at once an applicant with every element condition met, recording no confirmation', async () => {
    const s = await applicant('要素全部满足企业', {});
    expect(((await detail(s.sessionId)).conditions as Condition[]).filter((c) => c.status === 'unmet')).toEqual([]);
    const r = await review(s.sessionId, await completeReview(b.app, bureau, s.sessionId));
    expect(r.statusCode, r.body).toBe(200);
    expect((await detail(s.sessionId)).review.confirmedUnmet).toBeUndefined();
  });

  it('asks for the 初审 record before the confirmation, and refuses a confirm flag that is not a boolean', async () => {
    const s = await applicant('要素确认顺序企业', { industrialNetwork: false });
    expect((await review(s.sessionId, { recommended: true, conditionsConfirmed: true })).json().error.code).toBe('REVIEW_INCOMPLETE');
    const bad = await review(s.sessionId, await completeReview(b.app, bureau, s.sessionId, { conditionsConfirmed: '是' }));
    expect(bad.statusCode).toBe(400);
    expect((await detail(s.sessionId)).recommended).toBe(false);
  });
});
