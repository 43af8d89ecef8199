import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PgliteStore } from '../../server/store/pglite';
import { workshop } from '../chat/enterprises';
import { build, type Built } from '../helper';
import { as, completeReview, newSession, staffAs, submit, type StaffLogin } from './helpers';

let b: Built;
let xinan: StaffLogin;
let yichuan: StaffLogin;
let zhengzhou: StaffLogin;

beforeAll(async () => {
  b = await build();
  xinan = await staffAs(b, 'xinan', 'bureau', '新安县');
  yichuan = await staffAs(b, 'yichuan', 'bureau', '伊川县');
  zhengzhou = await staffAs(b, 'zhengzhou', 'bureau', '郑州市');
});
afterAll(async () => b?.close());

const year = () => b.app.kb.data.manifest.year;
const bureau = async (who: StaffLogin, query = '') => (await b.app.inject({ method: 'GET', url: `/api/staff/bureau${query}`, headers: as(who) })).json();
const detail = async (who: StaffLogin, id: string) => (await b.app.inject({ method: 'GET', url: `/api/staff/bureau/applicants/${id}`, headers: as(who) })).json();
const review = (who: StaffLogin, id: string, body: object) => b.app.inject({ method: 'PUT', url: `/api/staff/bureau/applicants/${id}/review`, headers: as(who), payload: body });
const db = async () => (b.app.store as PgliteStore).database();
/** A complete 初审 record with only `ticks` ticked: every other item carries the reason it was not verified. */
const partlyVerified = async (who: StaffLogin, id: string, ticks: Record<string, boolean>, extra: Record<string, unknown> = {}) => {
  const d = await detail(who, id);
  const reasons = Object.fromEntries(d.checklist.filter((i: { id: string }) => !ticks[i.id]).map((i: { id: string }) => [i.id, '核查当日该系统停机检修，未能现场演示']));
  return completeReview(b.app, who, id, { checklist: ticks, reasons, ...extra });
};

/** A workshop applicant whose interview reached a verdict, submitted to `region`. */
async function applicant(name: string, region: string, extra: Record<string, unknown> = {}) {
  const s = await newSession(b.app);
  await b.app.store.setAnswers(s.sessionId, { ...workshop.facts, 'ent.city': region, 'form.name': name, ...extra } as never);
  const res = await submit(b.app, s, region);
  expect(res.statusCode, res.body).toBe(201);
  return s;
}

/** The enterprise changes some answers, keeping the rest, as an edit in the chat does. */
async function edit(sessionId: string, patch: Record<string, unknown>) {
  await b.app.store.setAnswers(sessionId, { ...(await b.app.store.getAnswers(sessionId)), ...patch } as never);
}

async function workbookRows(who: StaffLogin, query = '') {
  const res = await b.app.inject({ method: 'GET', url: `/api/staff/bureau/summary.xlsx${query}`, headers: as(who) });
  expect(res.statusCode).toBe(200);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
  const ws = wb.getWorksheet('推荐汇总表')!;
  // The applicants' rows (those numbered in 序号), by the header's names; section headings are left out.
  let head: unknown[] = [];
  const rows: Record<string, unknown>[] = [];
  for (let r = 1; r <= ws.rowCount; r++) {
    const values = (ws.getRow(r).values as unknown[]).slice(1);
    if (values[0] === '序号') head = values;
    else if (head.length && typeof values[0] === 'number') rows.push(Object.fromEntries(head.map((h, i) => [String(h), values[i]])));
  }
  return { rows, counted: String(ws.getCell('A3').value) };
}

describe('a resubmission after the bureau reviewed', () => {
  it('withdraws the recommendation when the content changed and says it needs reviewing again', async () => {
    const s = await applicant('新安县甲公司', '新安县');
    const d = await detail(xinan, s.sessionId);
    expect((await review(xinan, s.sessionId, await partlyVerified(xinan, s.sessionId, { [d.checklist[0].id]: true }, { notes: '材料齐全' }))).statusCode).toBe(200);
    expect((await bureau(xinan)).quota.recommended).toBe(1);

    // The enterprise then answers 失信被执行人 = 是 and submits again to the same county.
    await edit(s.sessionId, { 'ent.credit.dishonestExecutee': true });
    expect((await submit(b.app, s, '新安县')).statusCode).toBe(201);

    const after = await detail(xinan, s.sessionId);
    // What the bureau recommended is not what is now submitted: the place in the quota is free again.
    expect(after.recommended).toBe(false);
    expect(after.changedSinceReview).toBe(true);
    expect(after.verdict).toBe('ineligible');
    // The notes stay; an ineligible applicant has no category, so no checklist item applies any more.
    expect(after.review.notes).toBe('材料齐全');
    expect(after.review.checklist).toEqual({});
    expect((await bureau(xinan)).quota.recommended).toBe(0);
    const { rows } = await workbookRows(xinan);
    expect(rows.find((r) => r['企业名称'] === '新安县甲公司')!['是否推荐']).toBe('否');

    // Saving a review again clears the mark.
    expect((await review(xinan, s.sessionId, { notes: '已复核', recommended: false })).statusCode).toBe(200);
    expect((await detail(xinan, s.sessionId)).changedSinceReview).toBe(false);
  });

  it('keeps the ticks on capabilities still claimed the same way and drops the one withdrawn', async () => {
    const s = await applicant('新安县丁公司', '新安县');
    const d = await detail(xinan, s.sessionId);
    const mes = d.checklist.find((i: { capability: string }) => i.capability === 'mes');
    const other = d.checklist.find((i: { capability: string }) => i.capability !== 'mes');
    expect((await review(xinan, s.sessionId, await partlyVerified(xinan, s.sessionId, { [mes.id]: true, [other.id]: true }))).statusCode).toBe(200);
    await edit(s.sessionId, { [`cap.${other.capability}`]: false });
    expect((await submit(b.app, s, '新安县')).statusCode).toBe(201);
    const after = await detail(xinan, s.sessionId);
    expect(after.recommended).toBe(false);
    expect(after.review.checklist).toEqual({ [mes.id]: true });
    // What the resubmission undid stays on record in the audit log.
    const lines = readFileSync(join(b.config.DATA_DIR, 'staff/audit.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.filter((l) => l.action === 'submit').at(-1).detail).toEqual({ changed: true, recommendationWithdrawn: true, ticksCleared: [other.id] });
  });

  it('keeps the recommendation and the review when the same content is submitted again', async () => {
    const s = await applicant('新安县乙公司', '新安县');
    const d = await detail(xinan, s.sessionId);
    const ticks = { [d.checklist[0].id]: true };
    expect((await review(xinan, s.sessionId, await partlyVerified(xinan, s.sessionId, ticks, { notes: '同意' }))).statusCode).toBe(200);
    expect((await submit(b.app, s, '新安县')).statusCode).toBe(201);
    const after = await detail(xinan, s.sessionId);
    expect(after.recommended).toBe(true);
    expect(after.changedSinceReview).toBe(false);
    expect(after.review.checklist).toEqual(ticks);
  });

  it('withdraws the recommendation when the applicant moves to another region, which sees where it came from', async () => {
    const s = await applicant('新安县丙公司', '新安县');
    expect((await review(xinan, s.sessionId, await completeReview(b.app, xinan, s.sessionId))).statusCode).toBe(200);
    expect((await submit(b.app, s, '伊川县')).statusCode).toBe(201);
    const there = await detail(yichuan, s.sessionId);
    expect(there.recommended).toBe(false);
    expect(there.movedFrom).toMatchObject({ region: '新安县' });
    expect((await bureau(yichuan)).quota.recommended).toBe(0);
  });

  it('keeps a bureau\'s notes, checklist and reviewer with that bureau when the applicant moves, and gives them back if it returns', async () => {
    const s = await applicant('新安县丁公司', '新安县');
    const first = await detail(xinan, s.sessionId);
    const ticks = Object.fromEntries(first.checklist.slice(0, 2).map((i: { id: string }) => [i.id, true]));
    expect((await review(xinan, s.sessionId, { notes: '法人代表说下月搬到伊川', siteNotes: '车间尚未投产', checklist: ticks, recommended: false })).statusCode).toBe(200);

    expect((await submit(b.app, s, '伊川县')).statusCode).toBe(201);
    const there = await detail(yichuan, s.sessionId);
    // The new bureau sees that it was moved, and from where; not the first bureau's working papers.
    expect(there.movedFrom).toMatchObject({ region: '新安县' });
    expect(there.review).toEqual({ notes: '', siteNotes: '', checklist: {}, reasons: {} });
    expect(there.reviewedBy).toBeNull();
    expect(there.changedSinceReview).toBe(false);
    const listed = (await bureau(yichuan)).applicants.find((a: { sessionId: string }) => a.sessionId === s.sessionId);
    expect(JSON.stringify(listed)).not.toContain('搬到伊川');
    // Nor can the first bureau read it any more: it is the new bureau's applicant now.
    expect((await b.app.inject({ method: 'GET', url: `/api/staff/bureau/applicants/${s.sessionId}`, headers: as(xinan) })).statusCode).toBe(404);

    // The new bureau writes its own notes; they stay with it in turn.
    expect((await review(yichuan, s.sessionId, { notes: '伊川县初审意见', recommended: false })).statusCode).toBe(200);
    expect((await submit(b.app, s, '新安县')).statusCode).toBe(201);
    const back = await detail(xinan, s.sessionId);
    expect(back.review).toMatchObject({ notes: '法人代表说下月搬到伊川', siteNotes: '车间尚未投产', checklist: ticks });
    expect(back.movedFrom).toMatchObject({ region: '伊川县' });
    // It was elsewhere meanwhile: the returning bureau is asked to look again.
    expect(back.changedSinceReview).toBe(true);
    expect(JSON.stringify(back)).not.toContain('伊川县初审意见');
  });
});

describe('what can be submitted and recommended', () => {
  it('refuses to submit an interview that has not reached a verdict, saying what to finish first', async () => {
    const s = await newSession(b.app);
    const res = await submit(b.app, s, '郑州市');
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('ASSESSMENT_INCOMPLETE');
    expect(res.json().error.message).toMatch(/自评尚未得出结论.*请先在对话中回答完/);
    // Nothing reached the bureau.
    expect((await bureau(zhengzhou)).applicants.map((a: { sessionId: string }) => a.sessionId)).not.toContain(s.sessionId);
  });

  it('accepts an ineligible applicant for 初审 but refuses to recommend it, naming the failed hard condition', async () => {
    const s = await applicant('郑州失信公司', '郑州市', { 'ent.credit.dishonestExecutee': true });
    const listed = (await bureau(zhengzhou)).applicants.find((a: { sessionId: string }) => a.sessionId === s.sessionId);
    expect(listed.verdict).toBe('ineligible');
    expect(listed.notRecommendable).toMatch(/四\(一\)|二/);
    const res = await review(zhengzhou, s.sessionId, { notes: '列入失信被执行人', recommended: true });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('NOT_RECOMMENDABLE');
    const failed = listed.blocking.map((x: { clause: string }) => x.clause);
    expect(failed.length).toBeGreaterThan(0);
    for (const clause of failed) expect(res.json().error.message).toContain(clause);
    expect((await detail(zhengzhou, s.sessionId)).recommended).toBe(false);
    // Notes without 推荐 still save.
    expect((await review(zhengzhou, s.sessionId, { notes: '列入失信被执行人', recommended: false })).statusCode).toBe(200);
  });
});

describe('the quota is counted per programme year', () => {
  it('records the knowledge version and year of each submission; last year\'s recommendations neither fill this year\'s quota nor appear in its table', async () => {
    const old = await applicant('郑州去年公司', '郑州市');
    expect((await review(zhengzhou, old.sessionId, await completeReview(b.app, zhengzhou, old.sessionId))).statusCode).toBe(200);
    // As if it had been submitted and recommended under last year's notice.
    await (await db()).query('update staff_submissions set programme_year = $2, knowledge_version = $3 where session_id = $1', [old.sessionId, year() - 1, `henan-${year() - 1}`]);
    const now = await applicant('郑州今年公司', '郑州市');
    expect((await review(zhengzhou, now.sessionId, await completeReview(b.app, zhengzhou, now.sessionId))).statusCode).toBe(200);

    const ov = await bureau(zhengzhou);
    expect(ov.year).toBe(year());
    expect(ov.years).toEqual([year(), year() - 1]);
    expect(ov.quota.recommended).toBe(1);
    const mine = ov.applicants.find((a: { sessionId: string }) => a.sessionId === now.sessionId);
    expect(mine).toMatchObject({ knowledgeVersion: b.app.kb.version, programmeYear: year() });
    expect(ov.applicants.map((a: { sessionId: string }) => a.sessionId)).not.toContain(old.sessionId);
    const thisYear = await workbookRows(zhengzhou);
    expect(thisYear.rows.map((r) => r['企业名称'])).not.toContain('郑州去年公司');
    expect(thisYear.counted).toContain('推荐 1 家');

    // Last year's rows are kept and shown under their own year.
    const last = await bureau(zhengzhou, `?year=${year() - 1}`);
    expect(last.applicants.map((a: { sessionId: string }) => a.sessionId)).toEqual([old.sessionId]);
    expect(last.quota.recommended).toBe(1);
    expect((await workbookRows(zhengzhou, `?year=${year() - 1}`)).rows.map((r) => r['企业名称'])).toEqual(['郑州去年公司']);
  });
});
