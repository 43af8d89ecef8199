import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { CAPABILITY_IDS } from '../../server/schemas/profile';
import type { PgliteStore } from '../../server/store/pglite';
import { summaryColumns } from '../../server/staff/xlsx';
import { workshop } from '../chat/enterprises';
import { build, type Built } from '../helper';
import { as, completeReview, newSession, staffAs, submit, type StaffLogin } from './helpers';

/**
 * What the bureau's page and its 推荐汇总表 say about the 四(三) quota and the conditions a 推荐 was confirmed past.
 * A 推荐 stored before out-of-area 推荐 was refused is kept and flagged, and counts in no quota; a 推荐 of an applicant
 * whose conditions are partial or unanswered waits for the bureau's confirmation as an unmet one does, and the
 * confirmation, condition by condition, goes into the 推荐汇总表.
 */
let b: Built;
const staff: Record<string, StaffLogin> = {};
const who = async (region: string) => (staff[region] ??= await staffAs(b, `qc-${Object.keys(staff).length}`, 'bureau', region));

beforeAll(async () => {
  b = await build();
});
afterAll(async () => b?.close());

/** An applicant of the workshop category submitted to `region`, its answers overridden by `over` (undefined drops one). */
async function applicant(region: string, name: string, over: Record<string, unknown>) {
  const s = await newSession(b.app);
  const answers: Record<string, unknown> = { ...workshop.facts, ...Object.fromEntries(CAPABILITY_IDS.map((c) => [`cap.${c}`, true])), 'ent.city': null, 'ent.county': null, 'form.name': name };
  for (const [k, v] of Object.entries(over)) {
    if (v === undefined) delete answers[k];
    else answers[k] = v;
  }
  await b.app.store.setAnswers(s.sessionId, answers as never);
  const res = await submit(b.app, s, region);
  expect(res.statusCode, res.body).toBe(201);
  return s;
}

/** Marks a stored submission recommended directly, as a row saved before today's checks would have been. */
async function storedRecommendation(sessionId: string, review: object = { notes: '同意推荐', siteNotes: '已现场核查', checklist: {} }) {
  const db = await (b.app.store as PgliteStore).database();
  await db.query(`update staff_submissions set recommended = true, review = $2, reviewed_by = '早先的账号', reviewed_at = now() where session_id = $1`, [sessionId, JSON.stringify(review)]);
}

const review = (by: StaffLogin, id: string, body: object) => b.app.inject({ method: 'PUT', url: `/api/staff/bureau/applicants/${id}/review`, headers: as(by), payload: body });
const overview = async (by: StaffLogin) => (await b.app.inject({ url: '/api/staff/bureau', headers: as(by) })).json();
const detail = async (by: StaffLogin, id: string) => (await b.app.inject({ url: `/api/staff/bureau/applicants/${id}`, headers: as(by) })).json();

/** The 推荐汇总表's rows by company name: which part each is in, and its cells by header. */
async function summary(by: StaffLogin): Promise<{ quotaLine: string; rows: Map<string, { part: string; cells: Record<string, string> }> }> {
  const res = await b.app.inject({ method: 'GET', url: '/api/staff/bureau/summary.xlsx', headers: as(by) });
  expect(res.statusCode).toBe(200);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
  const ws = wb.getWorksheet('推荐汇总表')!;
  const rows = new Map<string, { part: string; cells: Record<string, string> }>();
  let part = '';
  for (let r = 6; r <= ws.rowCount; r++) {
    const v = (ws.getRow(r).values as unknown[]).slice(1);
    if (typeof v[0] === 'string') part = v[0];
    if (typeof v[0] !== 'number') continue;
    const cells = Object.fromEntries(summaryColumns(b.app.kb.data).map((c, i) => [c.header, v[i] === undefined || v[i] === null ? '' : String(v[i])]));
    rows.set(cells['企业名称']!, { part, cells });
  }
  return { quotaLine: String(ws.getRow(3).values && (ws.getRow(3).values as unknown[])[1]), rows };
}

describe('a stored 推荐 of an applicant outside the bureau\'s area', () => {
  const away = [
    ['另一城市', { 'ent.city': '郑州市' }, '郑州市'],
    ['另一城市的地址', { 'form.address': '河南省新乡市红旗区新二街9号' }, '新乡市'],
    ['同市另一县', { 'ent.city': '洛阳市', 'ent.county': '宜阳县' }, '宜阳县'],
    ['另一市的县', { 'ent.city': '濮阳市', 'ent.county': '范县' }, '范县'],
    ['另一市的区', { 'form.address': '郑州市金水区花园路88号' }, '郑州市'],
  ] as const;

  it('is kept and flagged in the list and the 推荐汇总表, takes no place of the quota, and leaves the places to the area\'s own applicants', async () => {
    const bureau = await who('新安县');
    const stored: string[] = [];
    // As many as the county's whole quota (四(三): 各县（市）不多于5家).
    for (const [what, place] of away) {
      const s = await applicant('新安县', `区外旧推荐${what}有限公司`, place);
      await storedRecommendation(s.sessionId);
      stored.push(s.sessionId);
    }
    const ov = await overview(bureau);
    expect(ov.quota.max).toBe(5);
    expect(ov.quota.recommended, 'a stored 推荐 outside the area counts in no quota').toBe(0);
    expect(ov.quota.warning).toBeNull();
    for (const [k, [what, , recommender]] of away.entries()) {
      const row = ov.applicants.find((a: { sessionId: string }) => a.sessionId === stored[k]);
      // Data is kept as stored: the flag says what it is, rather than the row disappearing or losing its 推荐.
      expect(row.recommended, what).toBe(true);
      expect(row.outsideAreaRecommended, what).toContain(`应由${recommender}初审推荐，不计入新安县的推荐名额`);
      expect((await detail(bureau, stored[k]!)).outsideAreaRecommended, what).toBe(row.outsideAreaRecommended);
    }

    // The county's own applicant takes the first place, although five rows are marked 推荐.
    const own = await applicant('新安县', '区内新推荐有限公司', { 'ent.city': '洛阳市', 'form.address': '河南省洛阳市新安县产业集聚区' });
    const r = await review(bureau, own.sessionId, await completeReview(b.app, bureau, own.sessionId));
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json().quota.recommended).toBe(1);
    expect(r.json().applicant.outsideAreaRecommended).toBeNull();

    const { quotaLine, rows } = await summary(bureau);
    expect(quotaLine).toMatch(/^推荐 1 家 \/ 限额 5 家/);
    expect(rows.get('区内新推荐有限公司')).toMatchObject({ part: `${b.app.kb.data.ui.console.summary.groups.recommended}（1 家）`, cells: { 是否推荐: '是' } });
    for (const [what] of away) {
      const row = rows.get(`区外旧推荐${what}有限公司`)!;
      expect(row.part, what).toMatch(new RegExp(`^${b.app.kb.data.ui.console.summary.groups.notRecommended}`));
      expect(row.cells['是否推荐'], what).toMatch(/^否（此推荐保存于所在地核对之前：.*不计入新安县的推荐名额/);
    }

    // Withdrawn by the bureau, the flag goes with the 推荐; the row stays.
    const w = await review(bureau, stored[0]!, { notes: '所在地在郑州市，已告知企业', recommended: false });
    expect(w.statusCode, w.body).toBe(200);
    expect(w.json().applicant).toMatchObject({ recommended: false, outsideAreaRecommended: null });
    expect(w.json().quota.recommended).toBe(1);
  });

  it('still counts every stored 推荐 of an applicant inside the area, so the quota is full at its limit', async () => {
    const bureau = await who('嵩县');
    const inside = [{ 'ent.city': '洛阳市', 'ent.county': '嵩县' }, { 'form.address': '河南省洛阳市嵩县城关镇' }, { 'ent.city': '洛阳市' }, { 'ent.county': '嵩县' }, {}];
    for (const [k, place] of inside.entries()) await storedRecommendation((await applicant('嵩县', `区内旧推荐${k}有限公司`, place)).sessionId);
    const ov = await overview(bureau);
    expect(ov.quota.recommended).toBe(5);
    expect(ov.quota.atLimit).toBe(true);
    expect(ov.applicants.every((a: { outsideAreaRecommended: string | null }) => a.outsideAreaRecommended === null)).toBe(true);
    const next = await applicant('嵩县', '区内第六家有限公司', { 'ent.city': '洛阳市', 'ent.county': '嵩县' });
    const r = await review(bureau, next.sessionId, await completeReview(b.app, bureau, next.sessionId));
    expect(r.statusCode).toBe(409);
    expect(r.json().error.code).toBe('OVER_QUOTA');
  });
});

type Open = { clause: string; title: string; status: string; kind: string; detail: string[] };

describe('推荐 of an applicant whose conditions are partial or unanswered', () => {
  const cases = [
    ['a system in partial use', { 'cap.mes': 'partial' }, [{ status: 'partial', kind: 'element', words: '（自评部分满足：制造执行系统（MES）' }]],
    ['a system being built', { 'cap.erp': 'building' }, [{ status: 'partial', kind: 'element', words: '（自评部分满足：' }]],
    ['a system never answered, beside a gap', { 'cap.industrialNetwork': false, 'cap.erp': undefined }, [{ status: 'unmet', kind: 'element', words: '（自评未满足：' }, { status: 'unknown', kind: 'element', words: '（企业未答明：企业资源计划系统（ERP）' }]],
    ['a credit question never answered, beside a gap', { 'cap.industrialNetwork': false, 'ent.credit.taxViolationBlacklist': undefined }, [{ status: 'unknown', kind: 'hard', words: '二(四) 税收违法黑名单（企业未答明）' }, { status: 'unmet', kind: 'element', words: '（自评未满足：' }]],
  ] as const;

  it.each(cases)('asks the bureau to confirm %s, saying what is partial or unknown, and records what was confirmed', async (what, over, expected) => {
    const bureau = await who('洛阳市');
    const s = await applicant('洛阳市', `条件待确认${what}有限公司`, { 'ent.city': '洛阳市', ...over });
    expect((await detail(bureau, s.sessionId)).notRecommendable, 'recommendable: the verdict is 存在差距 or 符合').toBeNull();
    const before = (await overview(bureau)).quota.recommended;

    const first = await review(bureau, s.sessionId, await completeReview(b.app, bureau, s.sessionId));
    expect(first.statusCode, first.body).toBe(409);
    expect(first.json().error.code).toBe('CONDITIONS_UNCONFIRMED');
    const message: string = first.json().error.message;
    const open = first.json().error.details.clauses as Open[];
    expect(open.map((c) => [c.status, c.kind])).toEqual(expected.map((e) => [e.status, e.kind]));
    expect(message).toContain(`该企业有 ${expected.length} 项条件未确认满足`);
    for (const e of expected) expect(message).toContain(e.words);
    expect((await overview(bureau)).quota.recommended, 'nothing saved before the confirmation').toBe(before);

    const second = await review(bureau, s.sessionId, await completeReview(b.app, bureau, s.sessionId, { conditionsConfirmed: true }));
    expect(second.statusCode, second.body).toBe(200);
    const saved = await detail(bureau, s.sessionId);
    expect(saved.review.confirmedUnmet.conditions).toEqual(open);
    expect(saved.review.confirmedUnmet.clauses).toEqual(open.map((c) => c.clause));
    for (const e of expected) expect(saved.confirmation).toContain(e.words);
    expect(second.json().applicant.confirmation).toBe(saved.confirmation);
  });

  it('asks nothing of an applicant whose conditions are all met and answered, and its 汇总表 row names no confirmation', async () => {
    const bureau = await who('洛阳市');
    const s = await applicant('洛阳市', '条件全部满足有限公司', { 'ent.city': '洛阳市' });
    const r = await review(bureau, s.sessionId, await completeReview(b.app, bureau, s.sessionId));
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json().applicant.confirmation).toBeNull();
    const row = (await summary(bureau)).rows.get('条件全部满足有限公司')!;
    expect(row.cells['是否推荐']).toBe('是');
    expect(row.cells['未满足或未答明条件的确认']).toBe('');
  });
});

describe('the 推荐汇总表 says which conditions the bureau confirmed', () => {
  it('shows, per row, who confirmed which conditions and their status, for a new confirmation and one stored with clauses only', async () => {
    const bureau = await who('洛阳市');
    const fresh = await applicant('洛阳市', '汇总表确认新记录有限公司', { 'ent.city': '洛阳市', 'cap.mes': 'partial', 'cap.industrialNetwork': false });
    expect((await review(bureau, fresh.sessionId, await completeReview(b.app, bureau, fresh.sessionId, { conditionsConfirmed: true }))).statusCode).toBe(200);

    // A confirmation saved before each condition's status was kept named the unmet clauses only.
    const old = await applicant('洛阳市', '汇总表确认旧记录有限公司', { 'ent.city': '洛阳市', 'cap.industrialNetwork': false });
    const unmet = ((await detail(bureau, old.sessionId)).conditions as { clause: string; title: string; status: string }[]).filter((c) => c.status === 'unmet');
    expect(unmet.length).toBeGreaterThan(0);
    await storedRecommendation(old.sessionId, {
      ...(await completeReview(b.app, bureau, old.sessionId)),
      confirmedUnmet: { clauses: unmet.map((c) => c.clause), by: '早先的账号', at: '2023-03-10T01:05:00.000Z' },
    });

    const { rows } = await summary(bureau);
    const freshCell = rows.get('汇总表确认新记录有限公司')!.cells['未满足或未答明条件的确认']!;
    expect(freshCell).toMatch(/^经初审确认推荐（qc-\d+，\d{4}-\d\d-\d\d \d\d:\d\d 北京时间）：/);
    expect(freshCell).toContain('（自评部分满足：制造执行系统（MES）');
    expect(freshCell).toContain('（自评未满足：');
    const oldRow = rows.get('汇总表确认旧记录有限公司')!;
    expect(oldRow.cells['是否推荐']).toBe('是');
    expect(oldRow.cells['未满足或未答明条件的确认']).toBe(`经初审确认推荐（早先的账号，2023-03-10 09:05 北京时间）：${unmet.map((c) => `${c.clause} ${c.title}（自评未满足）`).join('；')}`);
    // The list says the same as the table.
    const listed = (await overview(bureau)).applicants.find((a: { sessionId: string }) => a.sessionId === old.sessionId);
    expect(listed.confirmation).toBe(oldRow.cells['未满足或未答明条件的确认']);
  });
});
