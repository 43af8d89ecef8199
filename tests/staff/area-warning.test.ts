import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { workshop } from '../chat/enterprises';
import { build, type Built } from '../helper';
import { as, newSession, staffAs, submit } from './helpers';

/**
 * The out-of-area warning is said while the applicant chooses the bureau, not only once it has submitted, and the
 * bureau that receives such a submission sees it in its queue and in the record.
 */
let b: Built;
beforeAll(async () => {
  b = await build();
});
afterAll(async () => b?.close());

async function applicantAt(place: Record<string, unknown>) {
  const s = await newSession(b.app);
  await b.app.store.setAnswers(s.sessionId, { ...workshop.facts, 'ent.county': null, ...place, 'form.name': '所在地测试企业' } as never);
  return s;
}
const state = async (s: { sessionId: string; token: string }, region?: string) => {
  const r = await b.app.inject({ url: `/api/sessions/${s.sessionId}/submit${region ? `?region=${encodeURIComponent(region)}` : ''}`, headers: { authorization: `Bearer ${s.token}` } });
  return { status: r.statusCode, body: r.json() };
};

describe('choosing the bureau', () => {
  it.each([
    ['a city district, a county of the same city chosen', { 'ent.city': '郑州市', 'form.address': '郑州金水区花园路88号' }, '中牟县', '郑州市'],
    ['a county, a neighbouring county chosen', { 'ent.city': '洛阳市', 'ent.county': '新安县' }, '宜阳县', '新安县'],
    ['a county named in the address, another city chosen', { 'ent.city': '洛阳市', 'form.address': '河南省洛阳市新安县产业集聚区' }, '郑州市', '新安县'],
    ['a city only, a county of another city chosen', { 'ent.city': '洛阳市' }, '中牟县', '洛阳市'],
  ])('warns before submitting when the bureau does not cover %s, naming where to submit', async (_what, place, chosen, recommender) => {
    const s = await applicantAt(place);
    const r = await state(s, chosen);
    expect(r.status).toBe(200);
    expect(r.body.region).toBe(chosen);
    expect(r.body.warning).toContain(`不在${chosen}的受理范围内`);
    expect(r.body.warning).toContain(`请改为提交给${recommender}`);
    // The bureau the location belongs to is not warned about.
    expect((await state(s, recommender)).body.warning).toBeNull();
  });

  it('takes a short name or an alias for the region, refuses an unknown one in Chinese, and says nothing when no region is asked about', async () => {
    const s = await applicantAt({ 'ent.city': '郑州市', 'form.address': '郑州金水区花园路88号' });
    expect((await state(s, '郑州')).body).toMatchObject({ region: '郑州市', warning: null });
    const unknown = await state(s, '火星市');
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.message).toContain('未知地区“火星市”');
    const none = await state(s);
    expect(none.body).not.toHaveProperty('warning');
    expect(none.body.suggested).toBe('郑州市');
  });

  it('after submitting, says it for the bureau submitted to; the bureau sees it in its queue and in the record', async () => {
    const s = await applicantAt({ 'ent.city': '郑州市', 'form.address': '郑州金水区花园路88号' });
    expect((await submit(b.app, s, '中牟县')).json().warning).toContain('不在中牟县的受理范围内');
    expect((await state(s)).body).toMatchObject({ region: '中牟县', warning: expect.stringContaining('请改为提交给郑州市') });
    const zhongmou = await staffAs(b, 'zhongmou-area', 'bureau', '中牟县');
    const queue = (await b.app.inject({ url: '/api/staff/bureau', headers: as(zhongmou) })).json();
    const row = queue.applicants.find((a: { sessionId: string }) => a.sessionId === s.sessionId);
    expect(row.outOfArea).toEqual({ where: '郑州市金水区', recommender: '郑州市', tag: '所在地在郑州市金水区，应由郑州市初审' });
    const record = (await b.app.inject({ url: `/api/staff/bureau/applicants/${s.sessionId}`, headers: as(zhongmou) })).json();
    expect(record.outsideArea).toContain('不在中牟县的受理范围内');
    expect(record.outsideArea, 'the bureau is told what it can do: it cannot move the submission itself').toContain('请企业改为提交给郑州市');

    // An applicant in the bureau's own area is not flagged.
    const own = await applicantAt({ 'ent.city': '郑州市', 'form.address': '郑州市中牟县官渡镇' });
    expect((await submit(b.app, own, '中牟县')).json()).not.toHaveProperty('warning');
    const again = (await b.app.inject({ url: '/api/staff/bureau', headers: as(zhongmou) })).json();
    expect(again.applicants.find((a: { sessionId: string }) => a.sessionId === own.sessionId).outOfArea).toBeNull();
  });
});
