import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { CAPABILITY_IDS } from '../../server/schemas/profile';
import { summaryColumns } from '../../server/staff/xlsx';
import { workshop } from '../chat/enterprises';
import { build, type Built } from '../helper';
import { as, newSession, staffAs, submit, type StaffLogin } from './helpers';

/*
 * The 推荐汇总表 goes to the province. An applicant that says it is outside the bureau's area is flagged in its
 * county column as the bureau's list flags it, instead of reading as 「（企业未填写）」 or as an unremarked county of
 * another city. Applicants inside the area read as before.
 */

let b: Built;
let luoyang: StaffLogin;

beforeAll(async () => {
  b = await build();
  luoyang = await staffAs(b, 'area-luoyang', 'bureau', '洛阳市');
});
afterAll(async () => b?.close());

async function applicant(name: string, place: Record<string, string | null>) {
  const s = await newSession(b.app);
  const caps = Object.fromEntries(CAPABILITY_IDS.map((c) => [`cap.${c}`, true]));
  await b.app.store.setAnswers(s.sessionId, { ...workshop.facts, ...caps, 'ent.city': null, 'ent.county': null, ...place, 'form.name': name } as never);
  expect((await submit(b.app, s, '洛阳市')).statusCode).toBe(201);
}

async function countyColumn(): Promise<Map<string, unknown>> {
  const res = await b.app.inject({ method: 'GET', url: '/api/staff/bureau/summary.xlsx', headers: as(luoyang) });
  expect(res.statusCode).toBe(200);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
  const ws = wb.getWorksheet('推荐汇总表')!;
  const header = summaryColumns(b.app.kb.data).map((c) => c.header);
  const out = new Map<string, unknown>();
  for (let r = 6; r <= ws.rowCount; r++) {
    const v = (ws.getRow(r).values as unknown[]).slice(1);
    if (typeof v[0] === 'number') out.set(String(v[header.indexOf('企业名称')]), v[header.indexOf('所在县（市、区）')]);
  }
  return out;
}

describe('the 推荐汇总表 flags an applicant outside the bureau\'s area', () => {
  it('names where the applicant is and who recommends it, for another city and for a county of another city', async () => {
    await applicant('区外城市测试有限公司', { 'ent.city': '郑州市' });
    await applicant('区外县测试有限公司', { 'ent.city': '郑州市', 'ent.county': '巩义市' });
    await applicant('区外地址测试有限公司', { 'form.address': '河南省新乡市红旗区新二街9号' });
    const list = (await b.app.inject({ method: 'GET', url: '/api/staff/bureau', headers: as(luoyang) })).json().applicants as { name: string; outOfArea: { tag: string } | null }[];
    const tag = (name: string) => list.find((a) => a.name === name)!.outOfArea?.tag;
    const col = await countyColumn();
    for (const name of ['区外城市测试有限公司', '区外县测试有限公司', '区外地址测试有限公司']) {
      expect(tag(name), name).toBeTruthy();
      expect(col.get(name), 'the table says what the list says').toBe(tag(name));
    }
    expect(String(col.get('区外城市测试有限公司'))).toContain('郑州市');
    expect(String(col.get('区外县测试有限公司'))).toContain('巩义市');
    expect(String(col.get('区外地址测试有限公司'))).toContain('新乡市');
  });

  it('leaves an applicant inside the area as it was: its county, or 「（企业未填写）」 when it named none', async () => {
    await applicant('区内县测试有限公司', { 'ent.city': '洛阳市', 'ent.county': '新安县' });
    await applicant('区内城市测试有限公司', { 'ent.city': '洛阳市' });
    await applicant('区内地址测试有限公司', { 'form.address': '河南省洛阳市涧西区建设路1号' });
    await applicant('未说所在地测试有限公司', {});
    const col = await countyColumn();
    // A county of the city is no part of its area (四(三): the county recommends it): flagged like one of another city.
    expect(col.get('区内县测试有限公司')).toBe('所在地在洛阳市新安县，应由新安县初审');
    expect(col.get('区内城市测试有限公司')).toBe(b.app.kb.data.ui.console.summary.notYet.county);
    expect(col.get('区内地址测试有限公司')).toBe('涧西区');
    expect(col.get('未说所在地测试有限公司')).toBe(b.app.kb.data.ui.console.summary.notYet.county);
  });
});
