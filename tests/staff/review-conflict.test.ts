import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CAPABILITY_IDS } from '../../server/schemas/profile';
import { workshop } from '../chat/enterprises';
import { build, type Built } from '../helper';
import { as, completeReview, newSession, staffAs, submit, type StaffLogin } from './helpers';

/*
 * Two members of one bureau may have the same applicant open. A save made on a page opened before a colleague's save
 * would overwrite the colleague's 初审 record unseen; it is refused instead, naming who saved and when, and the
 * page can then overwrite knowingly.
 */

let b: Built;
let li: StaffLogin;
let wang: StaffLogin;

beforeAll(async () => {
  b = await build();
  li = await staffAs(b, 'conflict-li', 'bureau', '洛阳市');
  wang = await staffAs(b, 'conflict-wang', 'bureau', '洛阳市');
});
afterAll(async () => b?.close());

async function applicant(name: string) {
  const s = await newSession(b.app);
  const caps = Object.fromEntries(CAPABILITY_IDS.map((c) => [`cap.${c}`, true]));
  await b.app.store.setAnswers(s.sessionId, { ...workshop.facts, ...caps, 'ent.city': '洛阳市', 'form.name': name });
  expect((await submit(b.app, s, '洛阳市')).statusCode).toBe(201);
  return s;
}
const opened = async (who: StaffLogin, id: string) =>
  (await b.app.inject({ method: 'GET', url: `/api/staff/bureau/applicants/${id}`, headers: as(who) })).json() as { reviewedAt: string | null; reviewedBy: string | null; review: { notes: string } };
const save = (who: StaffLogin, id: string, body: object) => b.app.inject({ method: 'PUT', url: `/api/staff/bureau/applicants/${id}/review`, headers: as(who), payload: body });

describe('a review saved on a page opened before a colleague\'s save', () => {
  it('is refused, naming the colleague, and the colleague\'s record stays as saved', async () => {
    const s = await applicant('冲突测试一号有限公司');
    const seenByLi = await opened(li, s.sessionId);
    const seenByWang = await opened(wang, s.sessionId);
    expect(seenByLi.reviewedAt).toBeNull();
    const first = await save(wang, s.sessionId, { notes: '王：材料齐全', siteNotes: '', checklist: {}, reasons: {}, recommended: false, basedOn: seenByWang.reviewedAt });
    expect(first.statusCode, first.body).toBe(200);
    const late = await save(li, s.sessionId, { notes: '李：材料缺营业执照', siteNotes: '', checklist: {}, reasons: {}, recommended: false, basedOn: seenByLi.reviewedAt });
    expect(late.statusCode).toBe(409);
    expect(late.json().error.code).toBe('REVIEW_CONFLICT');
    expect(late.json().error.message).toContain('conflict-wang');
    expect(late.json().error.message).toContain('北京时间');
    expect(late.json().error.details.at).toBe(first.json().reviewedAt);
    expect((await opened(li, s.sessionId)).review.notes, 'the colleague\'s notes were not overwritten').toBe('王：材料齐全');

    // Having read it, the bureau may overwrite knowingly: the save names the record it replaces.
    const over = await save(li, s.sessionId, { notes: '李：材料缺营业执照', siteNotes: '', checklist: {}, reasons: {}, recommended: false, basedOn: late.json().error.details.at });
    expect(over.statusCode, over.body).toBe(200);
    expect((await opened(wang, s.sessionId)).review.notes).toBe('李：材料缺营业执照');
  });

  it('a page saving twice in a row, with the time its own save returned, is not refused', async () => {
    const s = await applicant('冲突测试二号有限公司');
    const start = await opened(li, s.sessionId);
    const one = await save(li, s.sessionId, { notes: '第一次', siteNotes: '', checklist: {}, reasons: {}, recommended: false, basedOn: start.reviewedAt });
    expect(one.statusCode).toBe(200);
    const two = await save(li, s.sessionId, { notes: '第二次', siteNotes: '', checklist: {}, reasons: {}, recommended: false, basedOn: one.json().reviewedAt });
    expect(two.statusCode, two.body).toBe(200);
    // A full recommendation on top, still from the same page.
    const body = await completeReview(b.app, li, s.sessionId, { basedOn: two.json().reviewedAt });
    expect((await save(li, s.sessionId, body)).statusCode).toBe(200);
  });

  it('an enterprise resubmitting meanwhile is no colleague\'s save, and a save without basedOn is not checked', async () => {
    const s = await applicant('冲突测试三号有限公司');
    const start = await opened(li, s.sessionId);
    expect((await submit(b.app, s, '洛阳市')).statusCode).toBe(201);
    expect((await save(li, s.sessionId, { notes: '看过', siteNotes: '', checklist: {}, reasons: {}, recommended: false, basedOn: start.reviewedAt })).statusCode).toBe(200);
    expect((await save(wang, s.sessionId, { notes: '脚本写入', siteNotes: '', checklist: {}, reasons: {}, recommended: false })).statusCode).toBe(200);
    expect((await save(wang, s.sessionId, { notes: 'x', siteNotes: '', checklist: {}, reasons: {}, recommended: false, basedOn: '昨天' })).statusCode, 'a basedOn that is no time is bad input').toBe(400);
  });
});
