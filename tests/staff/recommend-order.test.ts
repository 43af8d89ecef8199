import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CAPABILITY_IDS } from '../../server/schemas/profile';
import { workshop } from '../chat/enterprises';
import { build, type Built } from '../helper';
import { as, completeReview, newSession, staffAs, submit, type StaffLogin } from './helpers';

/*
 * 推荐 is checked in the order a bureau works, each question asked once: the 初审 record first, then (for an applicant
 * whose figures raise warnings) the bureau's confirmation that it has checked them, then the 四(三) quota. A warning
 * confirmed is not asked again, and an applicant without warnings is never asked to confirm.
 */
let b: Built;
let county: StaffLogin;
const REGION = '巩义市';

/** Liabilities above assets in 2022 and a loss year beside 经营良好: two finance warnings for the 初审. */
const IN_DEBT = { 'ent.operatingWell': true, 'form.finance.2022.totalAssets': 52000, 'form.finance.2022.totalLiabilities': 61000, 'form.finance.2020.profit': -450 };

async function applicant(name: string, extra: Record<string, unknown> = {}) {
  const s = await newSession(b.app);
  await b.app.store.setAnswers(s.sessionId, { ...workshop.facts, ...Object.fromEntries(CAPABILITY_IDS.map((c) => [`cap.${c}`, true])), 'form.name': name, ...extra });
  const res = await submit(b.app, s, REGION);
  expect(res.statusCode, res.body).toBe(201);
  return s.sessionId;
}

const review = (id: string, body: object) => b.app.inject({ method: 'PUT', url: `/api/staff/bureau/applicants/${id}/review`, headers: as(county), payload: body });
const codeOf = async (id: string, body: object) => {
  const r = await review(id, body);
  return r.statusCode === 200 ? 'ok' : (r.json().error.code as string);
};

beforeAll(async () => {
  b = await build();
  county = await staffAs(b, 'gongyi', 'bureau', REGION);
});
afterAll(async () => b?.close());

describe('the order of the checks before 推荐', () => {
  it('asks for the 初审 record, then the finance confirmation, then says the quota, each once', async () => {
    const quota = b.app.kb.data.regions.groups.find((g) => g.id === 'county')!.max;
    const indebted = await applicant('负债企业一', IN_DEBT);
    const detail = (await b.app.inject({ method: 'GET', url: `/api/staff/bureau/applicants/${indebted}`, headers: as(county) })).json();
    expect(detail.financeWarnings.items.length, 'the page shows the warnings beside the verdict').toBe(2);

    // An empty record: the record is asked for, and nothing about the figures yet.
    const empty = await review(indebted, { recommended: true });
    expect(empty.statusCode).toBe(409);
    expect(empty.json().error.code).toBe('REVIEW_INCOMPLETE');
    expect(empty.json().error.message).not.toContain('财务');

    // The record complete: now the warnings, in the knowledge's words, with each figure and the note that 二(一) is the bureau's to judge.
    const full = await completeReview(b.app, county, indebted);
    const unconfirmed = await review(indebted, full);
    expect(unconfirmed.statusCode).toBe(409);
    const e = unconfirmed.json().error;
    expect(e.code).toBe('FINANCE_UNCONFIRMED');
    expect(e.message).toContain('初审记录已齐全');
    expect(e.message).toContain('资产负债率117.3%');
    expect(e.message).toContain('亏损450万元');
    expect(e.message).toContain('由主管部门初审认定');
    expect(e.details.items).toEqual(detail.financeWarnings.items);

    expect(await codeOf(indebted, { ...full, financeConfirmed: true })).toBe('ok');
    // Saved again as recommended (a note corrected), the confirmed warnings are not asked again.
    expect(await codeOf(indebted, { ...full, notes: `${full.notes}。补充：已核对审计报告` })).toBe('ok');
    // Not recommending never asks for either.
    const other = await applicant('负债企业二', IN_DEBT);
    expect(await codeOf(other, { notes: '暂不推荐', recommended: false })).toBe('ok');

    // Applicants without warnings fill the quota, never asked to confirm anything.
    for (let i = 1; i < quota; i++) {
      const plain = await applicant(`无提示企业${i}`);
      expect(await codeOf(plain, await completeReview(b.app, county, plain)), `plain ${i}`).toBe('ok');
    }
    // The quota full, an applicant with warnings is still asked in the same order: the record, the warnings, then the quota.
    expect(await codeOf(other, { recommended: true })).toBe('REVIEW_INCOMPLETE');
    const otherFull = await completeReview(b.app, county, other);
    expect(await codeOf(other, otherFull)).toBe('FINANCE_UNCONFIRMED');
    const over = await review(other, { ...otherFull, financeConfirmed: true });
    expect(over.json().error.code).toBe('OVER_QUOTA');
    expect(over.json().error.message).toContain(b.app.kb.data.regions.overQuota);
    // An applicant without warnings at a full quota goes from its record straight to the quota.
    const last = await applicant('无提示企业末');
    expect(await codeOf(last, { recommended: true })).toBe('REVIEW_INCOMPLETE');
    expect(await codeOf(last, await completeReview(b.app, county, last))).toBe('OVER_QUOTA');
  }, 120_000);
});
