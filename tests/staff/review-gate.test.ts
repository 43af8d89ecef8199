import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PgliteStore } from '../../server/store/pglite';
import { workshop } from '../chat/enterprises';
import { build, type Built } from '../helper';
import { as, completeReview, newSession, staffAs, submit, type StaffLogin } from './helpers';

/**
 * 四(三): the bureaus 初审 the materials and 到企业现场进行真实性核查 before they 择优推荐. 推荐 is refused until the
 * record says both were done (初审意见, 现场核查情况) and every checklist item is ticked or says why it was not verified.
 */
let b: Built;
let xinan: StaffLogin;
let luoyang: StaffLogin;

beforeAll(async () => {
  b = await build();
  xinan = await staffAs(b, 'xinan-gate', 'bureau', '新安县');
  luoyang = await staffAs(b, 'luoyang-gate', 'bureau', '洛阳市');
});
afterAll(async () => b?.close());

const gate = () => b.app.kb.data.facts.review.gate;
const detail = async (who: StaffLogin, id: string) => (await b.app.inject({ method: 'GET', url: `/api/staff/bureau/applicants/${id}`, headers: as(who) })).json();
const bureau = async (who: StaffLogin) => (await b.app.inject({ method: 'GET', url: '/api/staff/bureau', headers: as(who) })).json();
const review = (who: StaffLogin, id: string, body: object) => b.app.inject({ method: 'PUT', url: `/api/staff/bureau/applicants/${id}/review`, headers: as(who), payload: body });

async function applicant(name: string, region: string) {
  const s = await newSession(b.app);
  await b.app.store.setAnswers(s.sessionId, { ...workshop.facts, 'ent.city': region, 'form.name': name } as never);
  expect((await submit(b.app, s, region)).statusCode).toBe(201);
  return s;
}

async function sheetRows(who: StaffLogin) {
  const res = await b.app.inject({ method: 'GET', url: '/api/staff/bureau/summary.xlsx', headers: as(who) });
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
  const ws = wb.getWorksheet('推荐汇总表')!;
  const head = (ws.getRow(5).values as unknown[]).slice(1).map(String);
  const rows: { part: string; row: Record<string, unknown> }[] = [];
  let part = '';
  for (let r = 6; r <= ws.rowCount; r++) {
    const v = (ws.getRow(r).values as unknown[]).slice(1);
    if (typeof v[0] === 'string') part = v[0];
    else if (typeof v[0] === 'number') rows.push({ part, row: Object.fromEntries(head.map((h, i) => [h, v[i]])) });
  }
  return { rows, counted: String(ws.getCell('A3').value) };
}

describe('推荐 needs the 初审 and 现场核查 record of 四(三)', () => {
  it('refuses 推荐 with nothing ticked and nothing written, naming each missing part and quoting 四(三), and stores nothing', async () => {
    const s = await applicant('新安县门槛甲公司', '新安县');
    const d = await detail(xinan, s.sessionId);
    expect(d.checklist.length).toBeGreaterThan(3);
    const res = await review(xinan, s.sessionId, { recommended: true });
    expect(res.statusCode).toBe(409);
    const err = res.json().error;
    expect(err.code).toBe('REVIEW_INCOMPLETE');
    expect(err.message).toContain('不能推荐');
    expect(err.message, 'quotes 四(三) verbatim').toContain(`“${gate().quote.text}”`);
    expect(err.message).toContain('四(三)');
    expect(err.message).toContain('初审意见');
    expect(err.message).toContain('现场核查情况');
    expect(err.message).toContain(`${d.checklist.length} 项既未勾选核实，也未写明未核实的原因`);
    for (const item of d.checklist) expect(err.message, item.label).toContain(item.label);
    expect(err.details).toEqual({ notes: true, siteNotes: true, unchecked: d.checklist.map((i: { id: string }) => i.id) });
    const after = await detail(xinan, s.sessionId);
    expect(after.recommended).toBe(false);
    expect(after.review).toEqual({ notes: '', siteNotes: '', checklist: {}, reasons: {} });
    expect((await bureau(xinan)).quota.recommended).toBe(0);
  });

  it('names only what is missing: the site check alone, one unticked item alone', async () => {
    const s = await applicant('新安县门槛乙公司', '新安县');
    const full = await completeReview(b.app, xinan, s.sessionId);
    const noSite = (await review(xinan, s.sessionId, { ...full, siteNotes: '' })).json().error;
    expect(noSite.code).toBe('REVIEW_INCOMPLETE');
    expect(noSite.message).toContain('现场核查情况');
    expect(noSite.message).not.toContain('初审意见（');
    expect(noSite.message).not.toContain('既未勾选');
    const d = await detail(xinan, s.sessionId);
    const left = d.checklist[1];
    const oneOff = (await review(xinan, s.sessionId, { ...full, checklist: { ...full.checklist, [left.id]: false } })).json().error;
    expect(oneOff.message).toContain(`1 项既未勾选核实，也未写明未核实的原因：${left.clause} ${left.label}`);
    expect(oneOff.message).not.toContain('现场核查情况（');
    expect(oneOff.details.unchecked).toEqual([left.id]);
  });

  it('takes blank, spaces-only or punctuation-only text as not written, in each field', async () => {
    const s = await applicant('新安县门槛丙公司', '新安县');
    const full = await completeReview(b.app, xinan, s.sessionId);
    const first = full.checklist && Object.keys(full.checklist)[0]!;
    for (const empty of ['', '   ', '。', '——', '\n\n', '……；']) {
      expect((await review(xinan, s.sessionId, { ...full, notes: empty })).json().error?.details, `notes ${JSON.stringify(empty)}`).toMatchObject({ notes: true });
      expect((await review(xinan, s.sessionId, { ...full, siteNotes: empty })).json().error?.details, `siteNotes ${JSON.stringify(empty)}`).toMatchObject({ siteNotes: true });
      const unticked = { ...full, checklist: { ...full.checklist, [first]: false }, reasons: { [first]: empty } };
      expect((await review(xinan, s.sessionId, unticked)).json().error?.details, `reason ${JSON.stringify(empty)}`).toMatchObject({ unchecked: [first] });
    }
    expect((await detail(xinan, s.sessionId)).recommended).toBe(false);
  });

  it('accepts an unticked item with the reason it was not verified, and the 推荐汇总表 carries the reason', async () => {
    const s = await applicant('新安县门槛丁公司', '新安县');
    const full = await completeReview(b.app, xinan, s.sessionId);
    const d = await detail(xinan, s.sessionId);
    const item = d.checklist.find((i: { capability: string }) => i.capability === 'agvRgv') ?? d.checklist[0];
    const why = '核查当日AGV送修，查看了维修单和运行记录';
    const res = await review(xinan, s.sessionId, { ...full, checklist: { ...full.checklist, [item.id]: false }, reasons: { [item.id]: why } });
    expect(res.statusCode, res.body).toBe(200);
    const after = await detail(xinan, s.sessionId);
    expect(after.recommended).toBe(true);
    expect(after.review.reasons).toEqual({ [item.id]: why });
    expect(after.recommendationIncomplete).toBeNull();
    const { rows } = await sheetRows(xinan);
    const row = rows.find((r) => r.row['企业名称'] === '新安县门槛丁公司')!;
    expect(row.part).toMatch(/^推荐企业/);
    expect(row.row['是否推荐']).toBe('是');
    expect(row.row['未核实项及原因']).toBe(`${item.clause} ${item.label}：${why}`);
    expect(row.row['核查项（已核/共计）']).toBe(`${d.checklist.length - 1}/${d.checklist.length}`);
  });

  it('saves a review without 推荐 however incomplete, so working notes are never refused', async () => {
    const s = await applicant('新安县门槛戊公司', '新安县');
    for (const body of [{ recommended: false }, { notes: '材料待补', recommended: false }, { siteNotes: '约定下周去现场', checklist: {}, recommended: false }]) {
      const res = await review(xinan, s.sessionId, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(200);
    }
    expect((await detail(xinan, s.sessionId)).review.siteNotes).toBe('约定下周去现场');
  });

  it('still refuses an ineligible applicant for its hard conditions first, whatever the record says', async () => {
    const s = await newSession(b.app);
    await b.app.store.setAnswers(s.sessionId, { ...workshop.facts, 'form.name': '新安县失信门槛公司', 'ent.credit.dishonestExecutee': true } as never);
    expect((await submit(b.app, s, '新安县')).statusCode).toBe(201);
    const res = await review(xinan, s.sessionId, await completeReview(b.app, xinan, s.sessionId));
    expect(res.json().error.code).toBe('NOT_RECOMMENDABLE');
  });

  it('leaves a recommendation saved without the record out of the 推荐汇总表\'s 推荐企业 and says so in the list, until it is completed', async () => {
    const s = await applicant('洛阳旧推荐公司', '洛阳市');
    // As a recommendation saved before the console asked for the record: 推荐 with nothing written.
    await (await (b.app.store as PgliteStore).database()).query(`update staff_submissions set recommended = true, review = $2 where session_id = $1`, [
      s.sessionId,
      JSON.stringify({ notes: '同意', siteNotes: '', checklist: {} }),
    ]);
    const listed = (await bureau(luoyang)).applicants.find((a: { sessionId: string }) => a.sessionId === s.sessionId);
    expect(listed.recommended).toBe(true);
    expect(listed.recommendationIncomplete).toContain('未列入推荐汇总表的推荐企业');
    expect(listed.recommendationIncomplete).toContain('现场核查情况');
    let sheet = await sheetRows(luoyang);
    let row = sheet.rows.find((r) => r.row['企业名称'] === '洛阳旧推荐公司')!;
    expect(row.part).toMatch(/^未推荐企业/);
    expect(String(row.row['是否推荐'])).toMatch(/^否（已标为推荐，但初审记录不全/);
    expect(sheet.counted).toContain('推荐 0 家');
    expect(sheet.rows.filter((r) => r.part.startsWith('推荐企业'))).toEqual([]);

    expect((await review(luoyang, s.sessionId, await completeReview(b.app, luoyang, s.sessionId))).statusCode).toBe(200);
    expect((await bureau(luoyang)).applicants.find((a: { sessionId: string }) => a.sessionId === s.sessionId).recommendationIncomplete).toBeNull();
    sheet = await sheetRows(luoyang);
    row = sheet.rows.find((r) => r.row['企业名称'] === '洛阳旧推荐公司')!;
    expect(row.part).toMatch(/^推荐企业/);
    expect(sheet.counted).toContain('推荐 1 家');
  });

  it('writes a refused recommendation to the audit log', async () => {
    const s = await applicant('新安县门槛己公司', '新安县');
    expect((await review(xinan, s.sessionId, { notes: '同意', recommended: true })).statusCode).toBe(409);
    const lines = readFileSync(join(b.config.DATA_DIR, 'staff/audit.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.some((l) => l.action === 'bureau.review.refused' && l.target === s.sessionId)).toBe(true);
  });
});

describe('a city\'s page says its counties recommend on their own', () => {
  it('names the city\'s counties, quotes the county quota of 四(三) and the upload of 四(四) verbatim', async () => {
    const ov = await bureau(luoyang);
    const note = ov.countiesOwn;
    expect(note.title).toBe(b.app.kb.data.regions.wording.countiesOwn.title);
    const counties = b.app.kb.data.regions.regions.filter((r) => r.prefecture === '洛阳市' && (r.kind === '县' || r.kind === '县级市')).map((r) => r.name);
    expect(counties).toContain('新安县');
    expect(note.counties).toEqual(counties);
    for (const c of counties) expect(note.text).toContain(c);
    expect(note.text).toContain(`${counties.length} 个县（市）`);
    const clause = (id: string) => b.app.kb.data.clauses.find((c) => c.id === id)!.text;
    // Each passage in quotation marks is the notice's own words, in the clause the note names beside it.
    const w = b.app.kb.data.regions.wording.countiesOwn;
    const quota = b.app.kb.data.regions.groups.find((g) => g.id === 'county')!.quote;
    for (const [q, id] of [[w.review.text, '四(三)'], [quota, '四(三)'], [w.upload.text, '四(四)']] as const) {
      expect(note.text).toContain(`“${q}”`);
      expect(clause(id), q).toContain(q);
    }
    expect(note.text).toContain('“各县（市）不多于5家”');
    expect(note.text).toContain('将“推荐汇总表”上传至平台“推荐库”');
    expect(note.text).toContain('四(四)');
  });

  it('is not shown to a county, to 济源示范区 or to 航空港区, which have no counties under them', async () => {
    expect((await bureau(xinan)).countiesOwn).toBeNull();
    for (const region of ['济源示范区', '航空港区']) {
      const who = await staffAs(b, `gate-${region === '航空港区' ? 'hkg' : 'jiyuan'}`, 'bureau', region);
      expect((await bureau(who)).countiesOwn, region).toBeNull();
    }
  });

  it('names each city\'s own counties, not another city\'s', async () => {
    const zhengzhou = await staffAs(b, 'gate-zhengzhou', 'bureau', '郑州市');
    const text = (await bureau(zhengzhou)).countiesOwn.text as string;
    expect(text).toContain('巩义市');
    expect(text).not.toContain('新安县');
  });
});
