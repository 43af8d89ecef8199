import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../server/config';
import { loadKnowledgeData } from '../../server/knowledge/load';
import { extractByRules, verifySuggestion, type Suggestion } from '../../server/documents/extract';

const config = loadConfig({});
const docs = loadKnowledgeData(config.KNOWLEDGE_DIR, config.KNOWLEDGE_VERSION).formDrafting.documents;

/** What the offline rules read from the pages, keeping only what the server's own check accepts (as the upload route does). */
function read(...pages: string[]): Record<string, string | number> {
  const found: Suggestion[] = extractByRules(pages, 'x.pdf', docs).filter((s) => verifySuggestion(pages, s));
  return Object.fromEntries(found.map((s) => [s.field, s.value]));
}

describe('offline reading of a business licence', () => {
  it('reads the printed layout: letter-spaced labels, no colons, two particulars on a line, amounts in financial numerals', () => {
    const licence = [
      '营 业 执 照',
      '统一社会信用代码 91410300MA9F3R1L6C',
      '名 称 洛阳恒宇轴承有限公司 注册资本 伍仟万圆整',
      '类 型 有限责任公司(自然人投资或控股) 成立日期 2011年04月20日',
      '法定代表人 王某某 营业期限 长期',
      '住 所 洛阳市涧西区华山北路18号',
      '登记机关 洛阳市市场监督管理局',
    ].join('\n');
    expect(read(licence)).toEqual({
      creditCode: '91410300MA9F3R1L6C',
      name: '洛阳恒宇轴承有限公司',
      registeredCapital: 5000,
      foundedOn: '2011-04-20',
      address: '洛阳市涧西区华山北路18号',
    });
  });

  it('ends an address where the next particular starts, and reads 壹亿贰仟万元', () => {
    const r = read('住所：河南省郑州市经开区第九大街88号 经营范围：轴承制造', '注册资本：人民币壹亿贰仟万元整');
    expect(r.address).toBe('河南省郑州市经开区第九大街88号');
    expect(r.registeredCapital).toBe(12000);
  });

  it('still reads the colon layout', () => {
    expect(read('公司名称：河南中原精工机械有限公司\n注册资本：人民币5000万元\n成立日期：2011-4-12\n注册地址：河南省郑州市经开区第九大街88号')).toEqual({
      name: '河南中原精工机械有限公司',
      registeredCapital: 5000,
      foundedOn: '2011-04-12',
      address: '河南省郑州市经开区第九大街88号',
    });
  });
});

describe('offline reading of financial statements', () => {
  it('a balance sheet dated by year end, with a 附注 column, in 元', () => {
    const page = [
      '资产负债表',
      '2022年12月31日',
      '编制单位：洛阳恒宇轴承有限公司 单位：元',
      '项目 附注 2022年12月31日 2021年12月31日',
      '货币资金 五、1 56,000,000.00 48,000,000.00',
      '资产总计 612,345,678.90 568,000,000.00',
      '负债合计 五、20 256,000,000.00 241,000,000.00',
    ].join('\n');
    expect(read(page)).toEqual({
      'finance.2022.totalAssets': 61234.56789,
      'finance.2021.totalAssets': 56800,
      'finance.2022.totalLiabilities': 25600,
      'finance.2021.totalLiabilities': 24100,
    });
  });

  it('an income statement with 本期金额 / 上期金额, numbered rows and notes, as PDF text spaces it', () => {
    const page = [
      '利润表',
      '2022 年 度',
      '编制单位：洛阳恒宇轴承有限公司 金额单位：人民币元',
      '项目 附注 本期金额 上期金额',
      '一、营业收入 五、30 860,000,000.00 765,000,000.00',
      '减：营业成本 五、30 700,000,000.00 640,000,000.00',
      '税金及附加 五、31 3,120,000.00 2,650,000.00',
      '三、利润总额（亏损总额以“－”号填列） 63,000,000.00 52,000,000.00',
    ].join('\n');
    expect(read(page)).toEqual({
      'finance.2022.revenue': 86000,
      'finance.2021.revenue': 76500,
      'finance.2022.tax': 312,
      'finance.2021.tax': 265,
      'finance.2022.profit': 6300,
      'finance.2021.profit': 5200,
    });
  });

  it('a 行次 column of bare numbers is skipped, and a figure column is not taken for one', () => {
    const page = '利润表 2022年度 单位：万元\n项目 行次 本年金额 上年金额\n营业收入 1 86000 76500\n利润总额 18 6300 5200';
    expect(read(page)).toEqual({
      'finance.2022.revenue': 86000,
      'finance.2021.revenue': 76500,
      'finance.2022.profit': 6300,
      'finance.2021.profit': 5200,
    });
  });

  it('a three-year summary with plain year columns (「2022年 2021年 2020年」)', () => {
    const page = '主要财务数据（单位：万元）\n项目 2022年 2021年 2020年\n营业收入 56012.35 48000 41000\n资产总计 86000 79000 70000';
    expect(read(page)).toEqual({
      'finance.2022.revenue': 56012.35,
      'finance.2021.revenue': 48000,
      'finance.2020.revenue': 41000,
      'finance.2022.totalAssets': 86000,
      'finance.2021.totalAssets': 79000,
      'finance.2020.totalAssets': 70000,
    });
  });

  it('a table read out one cell per line', () => {
    const page = ['单位：元', '项目', '2022年度', '2021年度', '营业收入', '860,000,000.00', '765,000,000.00'].join('\n');
    expect(read(page)).toEqual({ 'finance.2022.revenue': 86000, 'finance.2021.revenue': 76500 });
  });

  it('two statements on one page each take their own year (a DOCX has no page breaks)', () => {
    const page = [
      '资产负债表 2022年12月31日 单位：元',
      '项目 期末余额 期初余额',
      '资产总计 612,345,678.90 568,000,000.00',
      '利润表 2023年度 单位：万元',
      '项目 本期金额 上期金额',
      '营业收入 91000 86000',
    ].join('\n');
    expect(read(page)).toEqual({
      'finance.2022.totalAssets': 61234.56789,
      'finance.2021.totalAssets': 56800,
      'finance.2023.revenue': 91000,
      'finance.2022.revenue': 86000,
    });
  });

  // What this asserts is the row read, not how fast: the reading takes seconds alone and several times that on a machine
  // shared with other runs, so the test is given the time a loaded machine needs rather than the suite's default.
  it('finds a row after twenty thousand others', () => {
    const rows = Array.from({ length: 20_000 }, (_, i) => `其他项目${i} 1,000.00 2,000.00`).join('\n');
    const page = `利润表 2022年度 单位：元\n项目 本期金额 上期金额\n${rows}\n营业收入 860,000,000.00 765,000,000.00`;
    expect(read(page)).toEqual({ 'finance.2022.revenue': 86000, 'finance.2021.revenue': 76500 });
  }, 300_000);

  it('gives no year to 本期/上期 figures of a part-year statement, or of a page that names no year', () => {
    expect(read('利润表\n2023年1-6月\n单位：元\n项目 本期金额 上期金额\n营业收入 430,000,000.00 380,000,000.00')).toEqual({});
    expect(read('利润表\n单位：元\n项目 本期金额 上期金额\n营业收入 430,000,000.00 380,000,000.00')).toEqual({});
  });
});
