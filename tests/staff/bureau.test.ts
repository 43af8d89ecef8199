import { chinaDay } from '../../server/understand/dates';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { CAPABILITY_IDS } from '../../server/schemas/profile';
import { beijingTime, summaryColumns } from '../../server/staff/xlsx';
import { summaryDeadline } from '../../server/staff/bureau';
import { workshop } from '../chat/enterprises';
import { build, type Built } from '../helper';
import { as, completeReview, newSession, staffAs, submit, type StaffLogin } from './helpers';

let b: Built;
let luoyang: StaffLogin;
let zhengzhou: StaffLogin;

beforeAll(async () => {
  b = await build();
  luoyang = await staffAs(b, 'luoyang', 'bureau', '洛阳市');
  zhengzhou = await staffAs(b, 'zhengzhou', 'bureau', '郑州市');
});
afterAll(async () => b?.close());

/** A session whose interview answers are a scripted workshop enterprise with some capabilities claimed. */
async function applicant(name: string, region: string, capabilities: Partial<Record<string, boolean>> = {}) {
  const s = await newSession(b.app);
  const caps = Object.fromEntries(CAPABILITY_IDS.map((c) => [`cap.${c}`, capabilities[c] ?? true]));
  await b.app.store.setAnswers(s.sessionId, { ...workshop.facts, ...caps, 'ent.city': region, 'form.name': name });
  const res = await submit(b.app, s, region);
  expect(res.statusCode, res.body).toBe(201);
  return s;
}

const bureau = async (who: StaffLogin) => (await b.app.inject({ method: 'GET', url: '/api/staff/bureau', headers: as(who) })).json();
const review = (who: StaffLogin, id: string, body: object) => b.app.inject({ method: 'PUT', url: `/api/staff/bureau/applicants/${id}/review`, headers: as(who), payload: body });

describe('submitting to the bureau', () => {
  it('needs the session token and a region from regions.json', async () => {
    const s = await newSession(b.app);
    expect((await b.app.inject({ method: 'POST', url: `/api/sessions/${s.sessionId}/submit`, payload: { region: '洛阳市' } })).statusCode).toBe(404);
    expect((await submit(b.app, s, '火星市')).statusCode).toBe(400);
    // A short name or an alias resolves to the region's full name (of an interview that reached its verdict).
    await b.app.store.setAnswers(s.sessionId, workshop.facts);
    const ok = await submit(b.app, s, '洛阳');
    expect(ok.json().region).toBe('洛阳市');
    const state = await b.app.inject({ method: 'GET', url: `/api/sessions/${s.sessionId}/submit`, headers: { authorization: `Bearer ${s.token}` } });
    expect(state.json().submission.region).toBe('洛阳市');
  });

  it('warns when the bureau\'s area does not hold the location the applicant gave, saying where to submit, and shows the bureau the same', async () => {
    const s = await newSession(b.app);
    await b.app.store.setAnswers(s.sessionId, { ...workshop.facts, 'ent.city': '郑州市', 'ent.county': null, 'form.address': '郑州金水区花园路88号' } as never);
    const warned = await submit(b.app, s, '中牟县');
    expect(warned.statusCode).toBe(201);
    expect(warned.json().warning).toContain('不在中牟县的受理范围内');
    expect(warned.json().warning).toContain('请改为提交给郑州市');
    const shown = await b.app.inject({ method: 'GET', url: `/api/staff/bureau/applicants/${s.sessionId}`, headers: as(await staffAs(b, 'zhongmou-w', 'bureau', '中牟县')) });
    expect(shown.json().outsideArea).toContain('不在中牟县的受理范围内');
    expect(shown.json().outsideArea).toContain('请企业改为提交给郑州市');
  });

  it('offers the regions of regions.json, the one the address names first; a county beside its city wins', async () => {
    const s = await newSession(b.app);
    const offered = async (address?: string) => {
      if (address) await b.app.store.setAnswers(s.sessionId, { 'form.address': address });
      return (await b.app.inject({ method: 'GET', url: `/api/sessions/${s.sessionId}/submit`, headers: { authorization: `Bearer ${s.token}` } })).json();
    };
    const none = await offered();
    expect(none.suggested).toBeNull();
    // Every region that recommends under 四(三); a 市辖区's 省辖市 recommends for it.
    expect(none.regions).toEqual(b.app.kb.data.regions.regions.filter((r) => r.kind !== '市辖区').map((r) => r.name));
    expect((await offered('河南省洛阳市涧西区建设路1号')).suggested).toBe('洛阳市');
    const county = b.app.kb.data.regions.regions.find((r) => r.kind === '县' && r.prefecture === '洛阳市')!;
    expect((await offered(`河南省洛阳市${county.name}工业园`)).suggested).toBe(county.name);
  });

  it('without an address, offers the place the interview recorded: the recommending county, else the city', async () => {
    const s = await newSession(b.app);
    const suggested = async (answers: Record<string, string | null>) => {
      await b.app.store.setAnswers(s.sessionId, answers);
      return (await b.app.inject({ method: 'GET', url: `/api/sessions/${s.sessionId}/submit`, headers: { authorization: `Bearer ${s.token}` } })).json().suggested;
    };
    expect(await suggested({ 'ent.city': '郑州市', 'ent.county': null })).toBe('郑州市');
    expect(await suggested({ 'ent.city': '郑州市', 'ent.county': '巩义市' })).toBe('巩义市');
    // The address, when given, names the place.
    expect(await suggested({ 'ent.city': '郑州市', 'ent.county': null, 'form.address': '河南省洛阳市涧西区建设路1号' })).toBe('洛阳市');
  });
});

describe('bureau view', () => {
  it('lists its own region\'s applicants only, with verdict, category and gaps', async () => {
    const a = await applicant('洛阳甲公司', '洛阳市', { industrialNetwork: false });
    const z = await applicant('郑州乙公司', '郑州市');
    const ly = await bureau(luoyang);
    const names = ly.applicants.map((x: { name: string }) => x.name);
    expect(names).toContain('洛阳甲公司');
    expect(names).not.toContain('郑州乙公司');
    expect((await bureau(zhengzhou)).applicants.map((x: { sessionId: string }) => x.sessionId)).toEqual([z.sessionId]);
    const mine = ly.applicants.find((x: { sessionId: string }) => x.sessionId === a.sessionId);
    expect(mine.category).toBe('smartWorkshop');
    expect(mine.categoryLabel).toBe(b.app.kb.data.elements.categories.smartWorkshop.label);
    // The workshop network was denied, so its element condition (三(一)1) shows as a gap with the knowledge's advice.
    expect(mine.verdict).toBe('gaps');
    expect(mine.gaps.length).toBeGreaterThan(0);
    expect(mine.gaps.every((g: { clause: string }) => g.clause.startsWith('三(一)'))).toBe(true);
  });

  it('shows the application as submitted: the form facts entered and the sections the enterprise rewrote, not an absent "draft"', async () => {
    const detail = async (id: string) => (await b.app.inject({ method: 'GET', url: `/api/staff/bureau/applicants/${id}`, headers: as(luoyang) })).json();
    // Facts filled in, no section rewritten: the form is there, drafted from them.
    const s = await newSession(b.app);
    const caps = Object.fromEntries(CAPABILITY_IDS.map((c) => [`cap.${c}`, true]));
    await b.app.store.setAnswers(s.sessionId, { ...workshop.facts, ...caps, 'form.proceed': 'now', 'form.name': '洛阳填表公司', 'form.address': '河南省洛阳市涧西区建设路1号' } as never);
    expect((await submit(b.app, s, '洛阳市')).statusCode).toBe(201);
    const filled = (await detail(s.sessionId)).application;
    expect(filled.formAnswers).toEqual(expect.arrayContaining([expect.objectContaining({ display: '洛阳填表公司' }), expect.objectContaining({ display: '河南省洛阳市涧西区建设路1号' })]));
    // The question whether to go on filling the form is no field of it.
    expect(filled.formAnswers.some((f: { display: string }) => f.display.includes('继续填写'))).toBe(false);
    expect(filled.editedSections).toEqual([]);

    // A value the form view flags (more networked machines than automated ones) is flagged beside the value submitted.
    const flagged = await newSession(b.app);
    await b.app.store.setAnswers(flagged.sessionId, { ...workshop.facts, ...caps, 'form.proceed': 'now', 'form.name': '洛阳填表公司', 'form.ws.1.automatedEquipment': 100, 'form.ws.1.networkedEquipment': 130 } as never);
    expect((await submit(b.app, flagged, '洛阳市')).statusCode).toBe(201);
    const rows = (await detail(flagged.sessionId)).application.formAnswers as { display: string; flags?: { severity: string; message: string }[] }[];
    const networked = rows.find((r) => r.display.startsWith('130'));
    expect(networked?.flags).toEqual([{ severity: 'error', message: '车间1联网设备数大于自动化、数字化、智能化设备数' }]);
    // Near miss: the automated count it is compared with carries no flag of its own, nor does the name.
    expect(rows.find((r) => r.display.startsWith('100'))?.flags).toBeUndefined();
    expect(rows.find((r) => r.display === '洛阳填表公司')?.flags).toBeUndefined();

    // A relative year in the enterprise's own text is dated as its form view dated it: from the day it was written, not
    // from the notice's year.
    const dated = await newSession(b.app);
    await b.app.store.setAnswers(dated.sessionId, { ...workshop.facts, ...caps, 'form.proceed': 'now', 'form.name': '洛阳填表公司', 'form.history': '公司前年上了MES' } as never);
    expect((await submit(b.app, dated, '洛阳市')).statusCode).toBe(201);
    const history = ((await detail(dated.sessionId)).application.formAnswers as { display: string; flags?: { message: string }[] }[]).find((r) => r.display.includes('前年'));
    const year = Number(chinaDay(new Date()).slice(0, 4));
    expect(history?.flags?.map((f) => f.message).join('')).toContain(`${year - 2}年`);
    expect(history?.flags?.map((f) => f.message).join('')).not.toContain('2021年');

    // A section the enterprise rewrote and saved is shown under its title, with its own text.
    const save = await b.app.inject({ method: 'PUT', url: `/api/sessions/${s.sessionId}/drafts/enterpriseIntro`, headers: { authorization: `Bearer ${s.token}` }, payload: { text: '本企业自己写的企业简介。' } });
    expect(save.statusCode, save.body).toBe(200);
    expect((await submit(b.app, s, '洛阳市')).statusCode).toBe(201);
    const edited = (await detail(s.sessionId)).application.editedSections;
    expect(edited).toEqual([expect.objectContaining({ title: '企业简介', text: '本企业自己写的企业简介。' })]);

    // Nothing of the form entered: said as such, the assessment resting on the interview.
    const bare = await applicant('', '洛阳市');
    const none = (await detail(bare.sessionId)).application;
    expect(none.formAnswers).toEqual([]);
    expect(none.editedSections).toEqual([]);
  });

  it('builds the 初审 checklist from the capabilities the applicant claims', async () => {
    const a = await applicant('洛阳丙公司', '洛阳市', { andon: false, mes: true });
    const d = (await b.app.inject({ method: 'GET', url: `/api/staff/bureau/applicants/${a.sessionId}`, headers: as(luoyang) })).json();
    const caps = d.checklist.map((i: { capability: string }) => i.capability);
    expect(caps).toContain('mes');
    expect(caps).not.toContain('andon');
    expect(d.checklist.every((i: { clause: string }) => i.clause.startsWith('三(一)'))).toBe(true);
    const saved = await review(luoyang, a.sessionId, { notes: '材料齐全', siteNotes: '现场核查MES运行正常', checklist: { [d.checklist[0].id]: true }, recommended: false });
    expect(saved.statusCode).toBe(200);
    const again = (await b.app.inject({ method: 'GET', url: `/api/staff/bureau/applicants/${a.sessionId}`, headers: as(luoyang) })).json();
    expect(again.review).toEqual({ notes: '材料齐全', siteNotes: '现场核查MES运行正常', checklist: { [d.checklist[0].id]: true }, reasons: {} });
  });

  it('counts recommendations against the 四(三) quota from regions.json, warns at the limit and refuses beyond it', async () => {
    const group = b.app.kb.data.regions.groups.find((g) => g.id === b.app.kb.data.regions.regions.find((r) => r.name === '洛阳市')!.group)!;
    expect(group.max).toBe(15);
    // Some of these applicants left element conditions unmet; the bureau's confirmation of those is tested in unmet-confirm.test.ts.
    const confirmed = { conditionsConfirmed: true };
    // Only applicants in 洛阳市's own area can take its places: one that says it is in 郑州 (submitted above) is refused.
    type Listed = { sessionId: string; outOfArea: unknown };
    const ownArea = async () => ((await bureau(luoyang)).applicants as Listed[]).filter((a) => a.outOfArea === null);
    for (let i = (await ownArea()).length; i < group.max + 1; i++) await applicant(`洛阳企业${i}`, '洛阳市');
    const all = await ownArea();
    expect(all.length).toBe(group.max + 1);
    const away = ((await bureau(luoyang)).applicants as Listed[]).filter((a) => a.outOfArea !== null);
    expect(away.length).toBeGreaterThan(0);
    for (const [i, a] of all.slice(0, group.max).entries()) {
      const r = await review(luoyang, a.sessionId, await completeReview(b.app, luoyang, a.sessionId, confirmed));
      expect(r.statusCode, r.body).toBe(200);
      expect(r.json().quota.recommended).toBe(i + 1);
      expect(r.json().quota.atLimit).toBe(i + 1 === group.max);
    }
    const over = await review(luoyang, all[group.max]!.sessionId, await completeReview(b.app, luoyang, all[group.max]!.sessionId, confirmed));
    expect(over.statusCode).toBe(409);
    expect(over.json().error.message).toContain(b.app.kb.data.regions.overQuota);
    // The 初审 record is asked for first, whatever the quota: the order of the checks is tested in recommend-order.test.ts.
    expect((await review(luoyang, all[group.max]!.sessionId, { recommended: true })).json().error.code).toBe('REVIEW_INCOMPLETE');
    const ov = await bureau(luoyang);
    expect(ov.quota).toMatchObject({ max: 15, recommended: 15, remaining: 0, atLimit: true, clause: '四(三)' });
    // The out-of-area applicant is refused for its area, not for the quota.
    expect((await review(luoyang, away[0]!.sessionId, await completeReview(b.app, luoyang, away[0]!.sessionId))).json().error.code).toBe('OUT_OF_AREA');
    // Un-recommending frees a place.
    expect((await review(luoyang, all[0]!.sessionId, { recommended: false })).json().quota.recommended).toBe(14);
    expect((await review(luoyang, all[group.max]!.sessionId, await completeReview(b.app, luoyang, all[group.max]!.sessionId, confirmed))).statusCode).toBe(200);
    // 郑州 is untouched by 洛阳's count.
    expect((await bureau(zhengzhou)).quota).toMatchObject({ max: 20, recommended: 0 });
  });

  it('exports the 推荐汇总表 as XLSX with our column layout: recommended and not recommended each numbered from 1, the checklist counted, Beijing time, credit code, county and contact', async () => {
    const withContact = await newSession(b.app);
    const caps = Object.fromEntries(CAPABILITY_IDS.map((c) => [`cap.${c}`, true]));
    await b.app.store.setAnswers(withContact.sessionId, {
      ...workshop.facts,
      ...caps,
      'form.name': '洛阳联系人测试公司',
      'form.creditCode': '91410300MA44XXXX1A',
      'ent.city': '洛阳市',
      'ent.county': '涧西区',
      'form.contact.name': '王工',
      'form.contact.phone': '0379-12345678',
      'form.contact.mobile': '13912345678',
    });
    expect((await submit(b.app, withContact, '洛阳市')).statusCode).toBe(201);
    const checklist = (await b.app.inject({ method: 'GET', url: `/api/staff/bureau/applicants/${withContact.sessionId}`, headers: as(luoyang) })).json().checklist;
    expect(checklist.length).toBeGreaterThan(1);
    expect((await review(luoyang, withContact.sessionId, { checklist: { [checklist[0].id]: true, 'not-on-the-list': true }, recommended: false })).statusCode).toBe(200);

    const res = await b.app.inject({ method: 'GET', url: '/api/staff/bureau/summary.xlsx', headers: as(luoyang) });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('推荐汇总表')!;
    expect(ws.getCell('A1').value).toBe('洛阳市推荐汇总表');
    expect(ws.getCell('A2').value).toBe(b.app.kb.data.ui.console.summary.layoutNote);
    expect(String(ws.getCell('A3').value)).toContain('推荐 15 家 / 限额 15 家');
    const header = (ws.getRow(5).values as unknown[]).slice(1);
    expect(header).toEqual(summaryColumns(b.app.kb.data).map((c) => c.header));
    expect(header).toContain('提交时间（北京时间）');
    const col = (name: string) => header.indexOf(name);

    // Read back: a heading row opens each part, and the rows under it are numbered from 1.
    const parts: { heading: string; rows: unknown[][] }[] = [];
    for (let r = 6; r <= ws.rowCount; r++) {
      const v = (ws.getRow(r).values as unknown[]).slice(1);
      if (typeof v[0] === 'string') parts.push({ heading: v[0], rows: [] });
      else parts.at(-1)!.rows.push(v);
    }
    const applicants = (await bureau(luoyang)).applicants as { sessionId: string; name: string; recommended: boolean; submittedAt: string }[];
    const notRecommended = applicants.filter((a) => !a.recommended).length;
    expect(parts.map((p) => p.heading)).toEqual([`${b.app.kb.data.ui.console.summary.groups.recommended}（15 家）`, `${b.app.kb.data.ui.console.summary.groups.notRecommended}（${notRecommended} 家）`]);
    for (const p of parts) expect(p.rows.map((r) => r[col('序号')])).toEqual(p.rows.map((_, i) => i + 1));
    expect(parts[0]!.rows.every((r) => r[col('是否推荐')] === '是')).toBe(true);
    expect(parts[1]!.rows.every((r) => r[col('是否推荐')] === '否')).toBe(true);
    const rows = parts.flatMap((p) => p.rows);
    expect(new Set(rows.map((r) => r[col('企业名称')]))).toEqual(new Set(applicants.map((a) => a.name ?? '（未填写企业名称）')));
    // No 郑州 applicant leaks into 洛阳's table.
    expect(rows.some((r) => String(r[col('企业名称')]).includes('郑州'))).toBe(false);

    // One item of its checklist ticked: the total is the checklist's length, not the number of ticks, and a tick off the list does not count.
    const withCode = rows.find((r) => r[col('企业名称')] === '洛阳联系人测试公司')!;
    expect(withCode[col('核查项（已核/共计）')]).toBe(`1/${checklist.length}`);
    // Recommended only after a complete 初审: every item of their checklists checked, out of all of them.
    const recommendedChecks = rows.filter((r) => r[col('是否推荐')] === '是').map((r) => String(r[col('核查项（已核/共计）')]));
    expect(recommendedChecks.every((c) => c.split('/')[0] === c.split('/')[1]), recommendedChecks.join(' ')).toBe(true);
    expect(recommendedChecks.filter((c) => c !== '0/0').length).toBeGreaterThan(10);

    expect(withCode[col('统一社会信用代码')]).toBe('91410300MA44XXXX1A');
    expect(withCode[col('所在县（市、区）')]).toBe('涧西区');
    // What the bureau has not done yet is said, not left blank.
    expect(withCode[col('现场核查情况')]).toBe(b.app.kb.data.ui.console.summary.notYet.site);
    expect(withCode[col('初审意见')]).toBe(b.app.kb.data.ui.console.summary.notYet.review);
    expect(withCode[col('联系人')]).toBe('王工');
    expect(withCode[col('联系电话')]).toBe('13912345678');
    const submitted = applicants.find((a) => a.name === '洛阳联系人测试公司')!.submittedAt;
    expect(withCode[col('提交时间（北京时间）')]).toBe(beijingTime(submitted));
  });

  it('writes submission times in Beijing time, across midnight and the year', () => {
    expect(beijingTime('2026-03-14T17:30:00.000Z')).toBe('2026-03-15 01:30');
    expect(beijingTime('2025-12-31T16:00:59.999Z')).toBe('2026-01-01 00:00');
    expect(beijingTime('2026-03-15T03:05:00Z')).toBe('2026-03-15 11:05');
  });

  it('counts down to the 四(四) deadline taken from the knowledge data', async () => {
    const ov = await bureau(luoyang);
    const fact = b.app.kb.data.facts.deadlines.find((d) => d.id === 'recommendationSummary')!;
    expect(ov.deadline).toMatchObject({ clause: fact.clause, date: `${b.app.kb.data.manifest.year}-03-15` });
    const d = summaryDeadline(b.app.kb.data, new Date(Date.UTC(b.app.kb.data.manifest.year, 2, 5)))!;
    expect(d.daysLeft).toBe(10);
    expect(summaryDeadline(b.app.kb.data, new Date(Date.UTC(b.app.kb.data.manifest.year, 2, 16)))!.daysLeft).toBe(-1);
    // The bureau's day is Beijing's: at 01:30 on 3月15日 there (17:30 UTC the day before) the deadline is today.
    expect(summaryDeadline(b.app.kb.data, new Date(Date.UTC(b.app.kb.data.manifest.year, 2, 14, 17, 30)))!.daysLeft).toBe(0);
    expect(summaryDeadline(b.app.kb.data, new Date(Date.UTC(b.app.kb.data.manifest.year, 2, 15, 16, 1)))!.daysLeft).toBe(-1);
  });

  it('gives each submission the deadline of its own knowledge version, and a year no served version is of no deadline', async () => {
    const a = await applicant('洛阳截止日期公司', '洛阳市');
    const detail = (await b.app.inject({ method: 'GET', url: `/api/staff/bureau/applicants/${a.sessionId}`, headers: as(luoyang) })).json();
    const year = b.app.kb.data.manifest.year;
    expect(detail.knowledgeVersion).toBe(b.app.kb.version);
    expect(detail.deadline).toMatchObject({ clause: '四(四)', date: `${year}-03-15`, label: `${year}年3月15日` });
    expect(detail.deadline.daysLeft).toBe(summaryDeadline(b.app.kb.data, new Date())!.daysLeft);
    // A year no served knowledge version is of: another year's 3月15日 would be a wrong date, so none is shown.
    const other = (await b.app.inject({ method: 'GET', url: `/api/staff/bureau?year=${year - 1}`, headers: as(luoyang) })).json();
    expect(other.year).toBe(year - 1);
    expect(other.deadline).toBeNull();
    // The year of the served version has its own.
    expect((await bureau(luoyang)).deadline.date).toBe(`${year}-03-15`);
  });
});
