import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { docs, readPages, scoreOffered } from './layouts';
import { ROUND_15 } from './round-15';
import { parseDocument } from '../../server/documents/parse';
import { extractByRules, partiesOf, verifySuggestion } from '../../server/documents/extract';

/*
 * The fifteenth blind round (its documents in round-15.ts): whose a letter is when it greets no one, and a company's
 * name run into a document's title. Measured before the branch's fixes (the same documents read by the rules the
 * branch started from), then after. Before: the suppliers' letters that name the enterprise (「我公司为…有限公司提供的」,
 * 「我司向…有限公司交付的」) were read as the supplier's own account, offering its name, head count and capital as the
 * enterprise's, as was a 报价单 titled with its issuer's name (6 wrong); no name run into a title (审计报告摘要, 关于…的
 * 说明, 验收报告, 财务报表, 自评报告) was read (5 missed).
 */
const MEASURED_BEFORE: [number, number, number] = [31, 6, 5];
const MEASURED_AFTER: [number, number, number] = [36, 0, 0];

describe('the fifteenth blind round: 16 documents of three enterprises, letters that greet no one and names run into titles', () => {
  it('each upload gives the facts it states, and no supplier\'s name or figures', async () => {
    expect(ROUND_15.reduce((n, [, files]) => n + files.length, 0)).toBe(16);
    const { total, detail } = await scoreOffered(ROUND_15);
    expect(total, detail).toEqual(MEASURED_AFTER);
    expect(MEASURED_AFTER[1], 'fewer wrong than before').toBeLessThan(MEASURED_BEFORE[1]);
    expect(MEASURED_AFTER[2], 'fewer missed than before').toBeLessThan(MEASURED_BEFORE[2]);
  }, 600_000);
});

const SUPPLIER = '许昌远航智能装备有限公司';
const ENTERPRISE = '平顶山瑞丰机械有限公司';
const letter = (body: string, head = SUPPLIER, sign = `${SUPPLIER}（盖章）`) => [[head, '关于项目情况的说明', body, '特此说明。', sign, '2023年2月20日'].join('\n')];

describe('a letter that greets no one is its writer\'s, as its wording says', () => {
  it('a supplier saying it built, delivered or set up a project for a company it names offers nothing, before and after the enterprise is recorded', () => {
    for (const body of [
      `我司为${ENTERPRISE}承建的装配线已投入使用，我司现有员工420人。`,
      `我公司向${ENTERPRISE}交付的六轴机器人共12台，我公司注册资本6000万元。`,
      `我公司给${ENTERPRISE}部署的WMS系统已上线，我公司成立于2009年。`,
      `我公司协助${ENTERPRISE}完成了数字化车间改造，我公司现有员工420人。`,
    ]) {
      expect(readPages(...letter(body)), body).toEqual({});
      const before = partiesOf(letter(body), docs);
      expect(before.unsure, 'before the enterprise is known, the user is asked which company it is').toContain(SUPPLIER);
      expect(before.ownWriter, body).toBeUndefined();
      expect(partiesOf(letter(body), docs, { name: ENTERPRISE }).issuedBy?.company, body).toBe(SUPPLIER);
    }
  });

  it('a writer naming itself by the seller\'s role (「我公司（乙方）」, 「我司（供方）」) is the other side', () => {
    for (const body of ['我公司（乙方）已按合同完成甲方总装车间MES系统的实施，我公司现有员工420人。', '我司（供方）已按期供货，我司注册资本6000万元。']) {
      expect(readPages(...letter(body)), body).toEqual({});
      expect(partiesOf(letter(body), docs).issuedBy?.company, body).toBe(SUPPLIER);
    }
  });

  it('near misses: the enterprise\'s own letter naming a customer it supplies, a supplier it bought from, or itself as the buyer, is still its own', () => {
    const own = (body: string) => letter(body, ENTERPRISE, `${ENTERPRISE}（盖章）`);
    // A count in the sentence that names another company is not read as the enterprise's; its name is.
    expect(readPages(...own(`我公司自2017年起向${SUPPLIER}供应铸件，我公司现有员工380人。`)).name).toBe(ENTERPRISE);
    expect(readPages(...own(`我公司于2021年从${SUPPLIER}引进焊接生产线，我公司现有员工380人。`)).name).toBe(ENTERPRISE);
    expect(readPages(...own('我公司（甲方）与供应商签订了设备采购合同，我公司现有员工380人。')).name, 'the buyer\'s role is the enterprise\'s').toBe(ENTERPRISE);
    // The enterprise, once recorded, is the writer of its own delivery letter.
    expect(partiesOf(letter(`我司为${ENTERPRISE}承建的装配线已投入使用。`), docs, { name: SUPPLIER }).issuedBy).toBeUndefined();
  });
});

describe('a company\'s name run into a document\'s title', () => {
  it('names the enterprise across kinds of document', () => {
    for (const title of [
      `${ENTERPRISE}2023年度审计报告摘要`,
      `${ENTERPRISE}2022年度审计报告（摘要）`,
      `${ENTERPRISE}铸造车间智能化改造项目验收报告`,
      `${ENTERPRISE}关于设备联网情况的说明`,
      `${ENTERPRISE}2020—2022年主要经济指标`,
      '河南恒通集团有限公司2022年度财务报表',
    ])
      expect(readPages(`${title}\n公司现有员工380人。`).name, title).toBe(title.startsWith('河南') ? '河南恒通集团有限公司' : ENTERPRISE);
  });

  it('near misses: an issuer\'s 报价单, an auditor\'s own title, two companies, or a title of no listed kind name no enterprise', () => {
    for (const title of [`${SUPPLIER}报价单`, '河南华信会计师事务所有限公司审计报告', `${ENTERPRISE}与${SUPPLIER}合作协议`, `${ENTERPRISE}产品质量问题的处理意见`])
      expect(readPages(`${title}\n数量 2台`).name, title).toBeUndefined();
    expect(readPages(`${SUPPLIER}报价单\n我公司现有员工3000人。`), 'a quotation is its issuer\'s').toEqual({});
  });
});

describe('a long sheet', () => {
  it('a workbook of 20,000 rows of workshops and a 合计 is read whole: each workshop\'s counts, each quoted by its own row', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('各车间设备情况');
    ws.addRow(['车间', '设备总数', '联网设备']);
    for (let i = 1; i <= 20_000; i++) ws.addRow([`${i}号车间`, 10 + (i % 7), 8]);
    const pages = await parseDocument(Buffer.from(await wb.xlsx.writeBuffer()), 'xlsx', { ...docs, parseTimeoutMs: 120_000 });
    const found = extractByRules(pages, '设备情况.xlsx', docs).filter((s) => verifySuggestion(pages, s));
    const totals = found.filter((s) => s.field.endsWith('.equipmentTotal'));
    expect(totals.length, 'one total a workshop').toBe(20_000);
    const last = totals.find((s) => s.workshop === '20000号车间')!;
    expect(last.value).toBe(10 + (20_000 % 7));
    expect(last.source.snippet, 'a row far down is quoted on its own').toBe(`20000号车间 ${10 + (20_000 % 7)} 8`);
    expect(totals.find((s) => s.workshop === '1号车间')!.source.snippet, 'the first rows are quoted with the heading').toBe('设备总数 联网设备 1号车间 11 8');
  }, 600_000);
});
