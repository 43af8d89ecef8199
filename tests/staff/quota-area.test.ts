import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CAPABILITY_IDS } from '../../server/schemas/profile';
import { workshop } from '../chat/enterprises';
import { build, type Built } from '../helper';
import { as, completeReview, newSession, staffAs, submit, type StaffLogin } from './helpers';

/**
 * 四(三) gives each 县（市） its own bureau and quota, and a 省辖市 recommends for its districts. An applicant whose stated
 * place is another bureau's is refused 推荐 by the bureau it submitted to, so it never takes a place of that quota.
 */
let b: Built;
const staff: Record<string, StaffLogin> = {};
const who = async (region: string) => (staff[region] ??= await staffAs(b, `quota-${Object.keys(staff).length}`, 'bureau', region));

beforeAll(async () => {
  b = await build();
});
afterAll(async () => b?.close());

async function applicantAt(region: string, place: Record<string, unknown>, name = '所在地推荐测试企业') {
  const s = await newSession(b.app);
  const caps = Object.fromEntries(CAPABILITY_IDS.map((c) => [`cap.${c}`, true]));
  await b.app.store.setAnswers(s.sessionId, { ...workshop.facts, ...caps, 'ent.county': null, ...place, 'form.name': name } as never);
  const res = await submit(b.app, s, region);
  expect(res.statusCode, res.body).toBe(201);
  return s;
}
const review = (by: StaffLogin, id: string, body: object) => b.app.inject({ method: 'PUT', url: `/api/staff/bureau/applicants/${id}/review`, headers: as(by), payload: body });
const overview = async (by: StaffLogin) => (await b.app.inject({ url: '/api/staff/bureau', headers: as(by) })).json();

describe('推荐 of an applicant in another bureau\'s area', () => {
  it.each([
    ['a county of the city, given as its county', '濮阳市', { 'ent.city': '濮阳市', 'ent.county': '范县' }, '范县'],
    ['a county of the city, named in the address', '洛阳市', { 'ent.city': '洛阳市', 'form.address': '河南省洛阳市新安县产业集聚区纬二路' }, '新安县'],
    ['a county whose name holds the city\'s', '濮阳市', { 'ent.city': '濮阳市', 'form.address': '濮阳市濮阳县文留镇' }, '濮阳县'],
    ['a county-level city of the city', '郑州市', { 'ent.city': '郑州市', 'ent.county': '巩义市' }, '巩义市'],
    ['a district of another city', '洛阳市', { 'ent.city': '郑州市', 'form.address': '郑州金水区花园路88号' }, '郑州市'],
  ])('refuses it for %s, naming the bureau that recommends it, and the quota is untouched', async (_what, region, place, recommender) => {
    const bureau = await who(region);
    const s = await applicantAt(region, place);
    const before = (await overview(bureau)).quota.recommended;
    const listed = (await overview(bureau)).applicants.find((a: { sessionId: string }) => a.sessionId === s.sessionId);
    // Said beside the control before the bureau writes its record.
    expect(listed.notRecommendable).toContain(`应由${recommender}初审推荐`);
    const r = await review(bureau, s.sessionId, await completeReview(b.app, bureau, s.sessionId));
    expect(r.statusCode).toBe(409);
    expect(r.json().error.code).toBe('OUT_OF_AREA');
    expect(r.json().error.message).toMatch(new RegExp(`^不能推荐：.*应由${recommender}初审推荐，不能占用${region}的推荐名额`));
    expect(r.json().error.details).toMatchObject({ recommender });
    expect((await overview(bureau)).quota.recommended).toBe(before);
    // Without 推荐 the bureau's 初审 record is saved as ever.
    expect((await review(bureau, s.sessionId, { notes: '所在地待核实', recommended: false })).statusCode).toBe(200);
  });

  it.each([
    ['a district of the city', '濮阳市', { 'ent.city': '濮阳市', 'form.address': '濮阳市华龙区中原路' }],
    ['the city alone', '郑州市', { 'ent.city': '郑州市' }],
    ['its own county', '范县', { 'ent.city': '濮阳市', 'ent.county': '范县' }],
    ['its own county, the city named alone', '新安县', { 'ent.city': '洛阳市' }],
    ['its own county-level city, in the address', '巩义市', { 'ent.city': '郑州市', 'form.address': '河南省巩义市孝义街道' }],
  ])('recommends an applicant in its area: %s, and counts it', async (_what, region, place) => {
    const bureau = await who(region);
    const s = await applicantAt(region, place);
    const before = (await overview(bureau)).quota.recommended;
    const listed = (await overview(bureau)).applicants.find((a: { sessionId: string }) => a.sessionId === s.sessionId);
    expect(listed.notRecommendable).toBeNull();
    const r = await review(bureau, s.sessionId, await completeReview(b.app, bureau, s.sessionId));
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json().quota.recommended).toBe(before + 1);
  });
});
