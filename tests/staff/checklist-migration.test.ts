import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { processFactory } from '../chat/enterprises';
import { build, type Built } from '../helper';
import { as, newSession, staffAs, submit, type StaffLogin } from './helpers';

/**
 * A checklist a bureau saved before the integration element was grouped: 三(三)5 listed each system it names as an
 * item of its own, and the bureau ticked them there. Saved as such, it is what older review rows hold.
 */
const OLD_TICKS = {
  '三(三)3:dcs': true,
  '三(三)5:dcs': true,
  '三(三)5:scada': true,
  '三(三)5:manufacturingControl': true,
  '三(三)5:erp': true,
  '三(三)5:wms': true,
  '三(三)5:tankYard': true,
};

let b: Built;
let luoyang: StaffLogin;
beforeAll(async () => {
  b = await build();
  luoyang = await staffAs(b, 'luoyang-old', 'bureau', '洛阳市');
});
afterAll(async () => b?.close());

async function processApplicant() {
  const s = await newSession(b.app);
  await b.app.store.setAnswers(s.sessionId, { ...processFactory.facts, 'ent.city': '洛阳市', 'form.name': '老清单化工' } as never);
  expect((await submit(b.app, s, '洛阳市')).statusCode).toBe(201);
  return s;
}
const detail = async (id: string) => (await b.app.inject({ url: `/api/staff/bureau/applicants/${id}`, headers: as(luoyang) })).json();
const saveReview = (id: string, checklist: Record<string, boolean>) =>
  b.app.inject({ method: 'PUT', url: `/api/staff/bureau/applicants/${id}/review`, headers: as(luoyang), payload: { notes: '旧清单', siteNotes: '', checklist, recommended: false } });

describe('a 初审 checklist saved under the ungrouped 三(三)5 ids', () => {
  it('opens with its ticks on today\'s items: the integration and each system\'s presence where it is now checked', async () => {
    const s = await processApplicant();
    expect((await saveReview(s.sessionId, OLD_TICKS)).statusCode).toBe(200);
    const d = await detail(s.sessionId);
    const join = d.checklist.find((i: { kind: string }) => i.kind === 'integration');
    expect(join.id).toBe('三(三)5:integration');
    expect(d.review.checklist[join.id], 'every joined system was ticked under 三(三)5').toBe(true);
    for (const cap of ['scada', 'manufacturingControl', 'erp', 'wms', 'tankYard']) {
      const presence = d.checklist.find((i: { kind: string; capability: string }) => i.kind === 'presence' && i.capability === cap);
      expect(d.review.checklist[presence.id], cap).toBe(true);
    }
    // The record itself keeps what was saved.
    expect(d.review.checklist['三(三)5:erp']).toBe(true);
    // The 推荐汇总表 counts the migrated ticks too.
    const x = await b.app.inject({ url: '/api/staff/bureau/summary.xlsx', headers: as(luoyang) });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(x.rawPayload as never);
    const text = wb.worksheets.map((w) => w.getSheetValues().flat().map(String).join(' ')).join(' ');
    const ticked = d.checklist.filter((i: { id: string }) => d.review.checklist[i.id] === true).length;
    expect(ticked).toBeGreaterThan(5);
    expect(text).toContain(`${ticked}/${d.checklist.length}`);
  });

  it('leaves the integration for the bureau when only some of its systems were ticked, and keeps a decided presence item as it was', async () => {
    const s = await processApplicant();
    const dcs = (await detail(s.sessionId)).checklist.find((i: { capability: string }) => i.capability === 'dcs').id;
    expect((await saveReview(s.sessionId, { [dcs]: false, '三(三)5:dcs': true, '三(三)5:erp': true, '三(三)5:wms': false })).statusCode).toBe(200);
    const d = await detail(s.sessionId);
    expect(d.review.checklist['三(三)5:integration']).toBe(false);
    expect(d.review.checklist[dcs], 'a presence item the bureau decided itself is not overwritten').toBe(false);
    const erp = d.checklist.find((i: { kind: string; capability: string }) => i.kind === 'presence' && i.capability === 'erp');
    expect(d.review.checklist[erp.id]).toBe(true);
  });

  it('keeps the migrated ticks when the enterprise resubmits unchanged content', async () => {
    const s = await processApplicant();
    expect((await saveReview(s.sessionId, OLD_TICKS)).statusCode).toBe(200);
    await b.app.store.setAnswers(s.sessionId, { ...processFactory.facts, 'ent.city': '洛阳市', 'form.name': '老清单化工（更名）' } as never);
    expect((await submit(b.app, s, '洛阳市')).statusCode).toBe(201);
    const d = await detail(s.sessionId);
    expect(d.review.checklist['三(三)5:integration']).toBe(true);
  });
});
