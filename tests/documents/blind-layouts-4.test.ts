import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deflateSync } from 'node:zlib';
import { build, type Built } from '../helper';
import { extractByRules, verifySuggestion } from '../../server/documents/extract';
import { docxToPdfFile } from './files';
import { acceptSuggestion, asGot, docs, docxSections, haveSoffice, listedDocuments, newSession, para, postDocument, scoreRound, sessionAnswers, table, triple, uploaded, valid, type Got, type RoundExpected, type Section, type Session, type Shown } from './layouts';

/*
 * A fourth blind round, written from the notice's form and the enterprises' facts before the extractor was read.
 *
 * An explosion-proof motor maker quoted on the 新三板 (南阳华鼎防爆电机股份有限公司, no subsidiaries) uploads
 * its 年度报告, whose 主要会计数据 tables give three years with the year-on-year change column between the
 * second and the third year and 净利润 beside 利润总额, and its 企业简介, whose figures are only in prose, some
 * of them round (「520余人」「约2.9亿元」) and one a share of revenue the form does not ask for.
 *
 * A new-materials maker (平顶山恒通新材料科技有限公司) uploads a bilingual (中英) profile whose labels and
 * values carry their English, an audit report in 元 with thousands separators, a loss year printed in
 * parentheses, and a balance sheet long enough to run over a page (running head and page number between its
 * rows), as DOCX and as PDF, and a 经营简报 that gives only 同比增长 rates.
 *
 * A paper-products maker (鹤壁丰源纸业有限公司) uploads, before anything of its own is recorded, its group's
 * audit report, then its licence, and then a phone photo of its licence saved as a PDF without a text layer.
 *
 * Each document states what it should yield: exact values, a round value shown as round, or nothing. A wrong
 * value is one the applicant could sign; a missed one is asked for later, so it is the lesser defect.
 */
const docx = (...sections: Section[]) => docxSections(sections, true);
/** 元 as audit tables print them: thousands separators, two decimals, a negative in parentheses. */
const yuan = (n: number) => {
  const s = Math.abs(n).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  return n < 0 ? `(${s})` : s;
};
const wan = (n: number) => Number((n / 10000).toPrecision(12));

type Kind = 'revenue' | 'profit' | 'tax' | 'totalAssets' | 'totalLiabilities';
type Expected = RoundExpected;
const fin = (y: number, o: Partial<Record<Kind, number>>) => Object.fromEntries(Object.entries(o).map(([k, v]) => [`finance.${y}.${k}`, v]));

// ——— 南阳华鼎防爆电机股份有限公司 ———
const HD = {
  name: '南阳华鼎防爆电机股份有限公司',
  creditCode: valid('91411300MA3X8K2P4'),
  address: '南阳市卧龙区工业南路288号',
  registeredCapital: 6000,
  foundedOn: '2009-08-26',
};
// 元, as the annual report prints them.
const HD_YUAN = {
  revenue: [326_845_120.35, 291_630_480.12, 254_118_760.5],
  profit: [23_568_040.2, 19_874_300, 15_602_450.8],
  netProfit: [20_100_330.1, 17_002_110, 13_450_000],
  totalAssets: [512_340_600, 468_900_250, 431_200_000],
  totalLiabilities: [208_450_120.6, 196_300_000, 188_020_500],
};
const HD_YEARS = [2022, 2021, 2020];
// Its first line is the enterprise's name alone, the report's header: the name too.
const HD_ANNUAL_EXPECTED = Object.assign(
  { name: HD.name },
  ...HD_YEARS.map((y, i) => fin(y, { revenue: wan(HD_YUAN.revenue[i]!), profit: wan(HD_YUAN.profit[i]!), totalAssets: wan(HD_YUAN.totalAssets[i]!), totalLiabilities: wan(HD_YUAN.totalLiabilities[i]!) })),
) as Expected;
const pct = (a: number, b: number) => (((a - b) / b) * 100).toFixed(2);
const hdLicence = () =>
  docx({
    children: [
      para('营业执照'),
      para(`统一社会信用代码 ${HD.creditCode}`),
      para(`名称 ${HD.name}`),
      para('类型 股份有限公司（非上市、自然人投资或控股）'),
      para('注册资本 陆仟万圆整'),
      para('成立日期 2009年08月26日'),
      para(`住所 ${HD.address}`),
    ],
  });
// The layout of a 新三板 annual report: 本年比上年增减 between 2021 and 2020, balance figures as 年末 in their own table.
const hdAnnual = () =>
  docx({
    children: [
      para(`${HD.name}`),
      para('2022年年度报告'),
      para('第三节 会计数据和财务指标'),
      para('一、盈利能力 单位：元'),
      table([
        ['项目', '2022年', '2021年', '本年比上年增减', '2020年'],
        ['营业收入', yuan(HD_YUAN.revenue[0]!), yuan(HD_YUAN.revenue[1]!), `${pct(HD_YUAN.revenue[0]!, HD_YUAN.revenue[1]!)}%`, yuan(HD_YUAN.revenue[2]!)],
        ['毛利率%', '24.36%', '23.10%', '-', '22.85%'],
        ['利润总额', yuan(HD_YUAN.profit[0]!), yuan(HD_YUAN.profit[1]!), `${pct(HD_YUAN.profit[0]!, HD_YUAN.profit[1]!)}%`, yuan(HD_YUAN.profit[2]!)],
        ['归属于挂牌公司股东的净利润', yuan(HD_YUAN.netProfit[0]!), yuan(HD_YUAN.netProfit[1]!), `${pct(HD_YUAN.netProfit[0]!, HD_YUAN.netProfit[1]!)}%`, yuan(HD_YUAN.netProfit[2]!)],
        ['加权平均净资产收益率%', '6.84%', '6.02%', '-', '5.51%'],
      ]),
      para('二、偿债能力 单位：元'),
      table([
        ['项目', '2022年末', '2021年末', '本年末比上年末增减', '2020年末'],
        ['资产总计', yuan(HD_YUAN.totalAssets[0]!), yuan(HD_YUAN.totalAssets[1]!), `${pct(HD_YUAN.totalAssets[0]!, HD_YUAN.totalAssets[1]!)}%`, yuan(HD_YUAN.totalAssets[2]!)],
        ['负债总计', yuan(HD_YUAN.totalLiabilities[0]!), yuan(HD_YUAN.totalLiabilities[1]!), `${pct(HD_YUAN.totalLiabilities[0]!, HD_YUAN.totalLiabilities[1]!)}%`, yuan(HD_YUAN.totalLiabilities[2]!)],
        ['资产负债率%', '40.69%', '41.86%', '-', '43.60%'],
      ]),
      para('第四节 管理层讨论与分析'),
      para(`报告期内，公司实现营业收入${(HD_YUAN.revenue[0]! / 10000).toFixed(2)}万元，同比增长${pct(HD_YUAN.revenue[0]!, HD_YUAN.revenue[1]!)}%；实现利润总额${(HD_YUAN.profit[0]! / 10000).toFixed(2)}万元。`),
    ],
  });
// Figures in prose: 3.27亿元 and 2356.8万元 are the year's figures as stated; 520余人 and 约2.9亿元 are round and may
// be offered only as round; 4.1% of revenue and 12% growth give no figure the form asks for; 累计 is no year's.
const hdProfile = () =>
  docx({
    children: [
      para('企业简介'),
      para(`${HD.name}成立于2009年，专业从事隔爆型三相异步电动机的研发、生产和销售。公司现有员工520余人，其中研发人员86人。`),
      para('2022年，公司实现营业收入3.27亿元，同比增长12%；实现利润总额2356.8万元；研发投入占营业收入的4.1%。'),
      para('2021年公司营业收入约2.9亿元。近三年累计上缴税金4600余万元。'),
    ],
  });
const HD_PROFILE_EXPECTED: Expected = {
  name: HD.name,
  'finance.2022.revenue': 32700,
  'finance.2022.profit': 2356.8,
  'finance.2021.revenue': { approx: 29000 },
  employees: { approx: 520 },
  'rnd.staff': 86,
};

// ——— 平顶山恒通新材料科技有限公司 ———
const PH = {
  name: '平顶山恒通新材料科技有限公司',
  creditCode: valid('91410400MA44H6WD1'),
  address: '平顶山市新华区建设路西段166号',
  registeredCapital: 8000,
  foundedOn: '2015-06-08',
};
// 万元 in the profile; 2021 was a loss year.
const PH_WAN: Record<2022 | 2021 | 2020, Record<Kind, number>> = {
  2022: { revenue: 18_236.45, profit: 1_024.3, tax: 612.08, totalAssets: 35_480.2, totalLiabilities: 16_902.75 },
  2021: { revenue: 14_108.9, profit: -234.57, tax: 455.6, totalAssets: 32_950.4, totalLiabilities: 16_120.33 },
  2020: { revenue: 12_560.35, profit: 388.12, tax: 402.5, totalAssets: 30_012.8, totalLiabilities: 14_230.1 },
};
const wanCell = (n: number) => yuan(n);
const phProfile = () =>
  docx({
    children: [
      para(`${PH.name} / Pingdingshan Hengtong New Material Technology Co., Ltd.`),
      para('企业简介 Company Profile'),
      para(`公司名称 Company Name：${PH.name}`),
      para(`统一社会信用代码 Unified Social Credit Code：${PH.creditCode}`),
      para('成立日期 Date of Establishment：2015年6月8日（June 8, 2015）'),
      para('注册资本 Registered Capital：8,000万元（RMB 80 million）'),
      para(`地址 Address：${PH.address}（No. 166 West Jianshe Road, Xinhua District, Pingdingshan, Henan）`),
      para('主要经济指标 Key Financial Indicators（单位：万元 Unit: RMB 10,000）'),
      table([
        ['项目 Item', '2022年 FY2022', '2021年 FY2021', '2020年 FY2020'],
        ...(
          [
            ['营业收入 Operating Revenue', 'revenue'],
            ['利润总额 Total Profit', 'profit'],
            ['上缴税金 Taxes Paid', 'tax'],
            ['资产总额 Total Assets', 'totalAssets'],
            ['负债总额 Total Liabilities', 'totalLiabilities'],
          ] as const
        ).map(([label, k]) => [label, wanCell(PH_WAN[2022][k]), wanCell(PH_WAN[2021][k]), wanCell(PH_WAN[2020][k])]),
      ]),
      para('The company employs over 300 people and holds 42 patents.'),
    ],
  });
const PH_PROFILE_EXPECTED: Expected = { ...PH, ...fin(2022, PH_WAN[2022]), ...fin(2021, PH_WAN[2021]), ...fin(2020, PH_WAN[2020]) };

// The audit report in 元: a balance sheet of some forty rows that runs over a page, the totals on the second.
const assetRows = ['货币资金', '交易性金融资产', '应收票据', '应收账款', '应收款项融资', '预付款项', '其他应收款', '存货', '合同资产', '一年内到期的非流动资产', '其他流动资产'];
const longAssetRows = ['长期股权投资', '其他权益工具投资', '投资性房地产', '固定资产', '在建工程', '使用权资产', '无形资产', '开发支出', '长期待摊费用', '递延所得税资产', '其他非流动资产'];
const debtRows = ['短期借款', '应付票据', '应付账款', '合同负债', '应付职工薪酬', '应交税费', '其他应付款', '一年内到期的非流动负债', '其他流动负债'];
const longDebtRows = ['长期借款', '租赁负债', '长期应付款', '递延收益', '递延所得税负债'];
const spread = (total: number, n: number, seed: number) => Array.from({ length: n }, (_, i) => Math.round((total / n) * (0.6 + ((i * seed) % 7) / 8.75) * 100) / 100);
const phBalanceRows = (): string[][] => {
  const ta = [PH_WAN[2022].totalAssets * 10000, PH_WAN[2021].totalAssets * 10000];
  const tl = [PH_WAN[2022].totalLiabilities * 10000, PH_WAN[2021].totalLiabilities * 10000];
  const rows = (labels: string[], total: number[], seed: number) => {
    const a = spread(total[0]!, labels.length, seed);
    const b = spread(total[1]!, labels.length, seed + 2);
    return labels.map((l, i) => [l, '', yuan(a[i]!), yuan(b[i]!)]);
  };
  return [
    ['项目', '附注', '期末余额', '期初余额'],
    ['流动资产：', '', '', ''],
    ...rows(assetRows, [ta[0]! * 0.45, ta[1]! * 0.45], 3),
    ['流动资产合计', '', yuan(ta[0]! * 0.45), yuan(ta[1]! * 0.45)],
    ['非流动资产：', '', '', ''],
    ...rows(longAssetRows, [ta[0]! * 0.55, ta[1]! * 0.55], 5),
    ['非流动资产合计', '', yuan(ta[0]! * 0.55), yuan(ta[1]! * 0.55)],
    ['资产总计', '', yuan(ta[0]!), yuan(ta[1]!)],
    ['流动负债：', '', '', ''],
    ...rows(debtRows, [tl[0]! * 0.7, tl[1]! * 0.7], 2),
    ['流动负债合计', '', yuan(tl[0]! * 0.7), yuan(tl[1]! * 0.7)],
    ['非流动负债：', '', '', ''],
    ...rows(longDebtRows, [tl[0]! * 0.3, tl[1]! * 0.3], 4),
    ['非流动负债合计', '', yuan(tl[0]! * 0.3), yuan(tl[1]! * 0.3)],
    ['负债合计', '', yuan(tl[0]!), yuan(tl[1]!)],
    ['实收资本', '', yuan(80_000_000), yuan(80_000_000)],
    ['所有者权益合计', '', yuan(ta[0]! - tl[0]!), yuan(ta[1]! - tl[1]!)],
  ];
};
const phAudit = () =>
  docx(
    {
      head: `${PH.name}2022年度审计报告`,
      children: [
        para('审计报告'),
        para(`${PH.name}全体股东：`),
        para(`我们审计了${PH.name}财务报表，包括2022年12月31日的资产负债表，2022年度的利润表以及相关财务报表附注。`),
        ...Array.from({ length: 14 }, (_, i) => para(`${i + 1}、审计意见段落。我们按照中国注册会计师审计准则的规定执行了审计工作，审计报告的“注册会计师对财务报表审计的责任”部分进一步阐述了我们在这些准则下的责任。`)),
        para('资产负债表'),
        para('2022年12月31日'),
        para(`编制单位：${PH.name} 单位：元`),
        table(phBalanceRows()),
      ],
    },
    {
      head: `${PH.name}2022年度审计报告`,
      children: [
        para('利润表'),
        para('2022年度'),
        para(`编制单位：${PH.name} 单位：元`),
        table([
          ['项目', '附注', '本期金额', '上期金额'],
          ['一、营业收入', '五、25', yuan(PH_WAN[2022].revenue * 10000), yuan(PH_WAN[2021].revenue * 10000)],
          ['减：营业成本', '五、25', yuan(PH_WAN[2022].revenue * 10000 * 0.81), yuan(PH_WAN[2021].revenue * 10000 * 0.9)],
          ['税金及附加', '五、26', yuan(PH_WAN[2022].tax * 10000), yuan(PH_WAN[2021].tax * 10000)],
          ['财务费用', '五、27', yuan(-345_678.9), yuan(-123_456.78)],
          ['二、营业利润（亏损以“－”号填列）', '', yuan(PH_WAN[2022].profit * 10000 - 52_000), yuan(PH_WAN[2021].profit * 10000 - 31_000)],
          ['三、利润总额（亏损总额以“－”号填列）', '', yuan(PH_WAN[2022].profit * 10000), yuan(PH_WAN[2021].profit * 10000)],
          ['减：所得税费用', '', yuan(1_536_450), yuan(0)],
          ['四、净利润（净亏损以“－”号填列）', '', yuan(PH_WAN[2022].profit * 10000 - 1_536_450), yuan(PH_WAN[2021].profit * 10000)],
        ]),
      ],
    },
  );
// The report's running head names the enterprise (「…有限公司2022年度审计报告」): the name is read too.
const PH_AUDIT_EXPECTED: Expected = { name: PH.name, ...fin(2022, PH_WAN[2022]), ...fin(2021, PH_WAN[2021]) };

// Only rates of change: no year's figure can be had from them.
const phBrief = () =>
  docx({
    children: [
      para(`${PH.name}2022年经营情况简报`),
      para('2022年，公司营业收入同比增长29.25%，利润总额同比扭亏为盈，上缴税金同比增长34.3%，总资产较上年末增长7.68%。'),
      para('主要指标增幅 单位：%'),
      table([
        ['指标', '2022年同比增长', '2021年同比增长'],
        ['营业收入', '29.25', '12.33'],
        ['上缴税金', '34.34', '13.19'],
        ['资产总额', '7.68', '9.79'],
      ]),
    ],
  });

// ——— 鹤壁丰源纸业有限公司, and its group ———
const FY = { name: '鹤壁丰源纸业有限公司', creditCode: valid('91410600MA47JX5T2') };
const FY_GROUP = { name: '河南丰源控股集团有限公司', creditCode: valid('91410600MA3N6QC81') };
const fyGroupAudit = () =>
  docx({
    children: [
      para('审计报告'),
      para(`${FY_GROUP.name}全体股东：`),
      para(`我们审计了${FY_GROUP.name}财务报表。`),
      para(`公司名称：${FY_GROUP.name}`),
      para(`统一社会信用代码：${FY_GROUP.creditCode}`),
      para('利润表 2022年度 单位：万元'),
      table([
        ['项目', '本期金额', '上期金额'],
        ['营业收入', '98,200.00', '91,350.00'],
        ['利润总额', '6,120.00', '5,480.00'],
      ]),
    ],
  });
const fyLicence = () =>
  docx({
    children: [
      para('营业执照'),
      para(`统一社会信用代码 ${FY.creditCode}`),
      para(`名称 ${FY.name}`),
      para('类型 其他有限责任公司'),
      para('注册资本 叁仟万元整'),
      para('成立日期 2013年10月12日'),
      para('住所 鹤壁市淇滨区淇河路58号'),
    ],
  });

/**
 * A phone photo of the licence printed to PDF: front and back as two rotated pages, each an RGB image cut in
 * tiles under a clipping path, with the producer's metadata and no text layer. Built by hand.
 */
function photoPdf(): Buffer {
  const w = 240;
  const h = 80;
  const tile = (seed: number) => {
    const px = Buffer.alloc(w * h * 3);
    for (let i = 0; i < w * h; i++) {
      const v = (i * 7 + seed * 13 + ((i * seed) % 31)) & 0xff;
      px[i * 3] = 200 - (v >> 3);
      px[i * 3 + 1] = 190 - (v >> 2);
      px[i * 3 + 2] = i % 480 < 40 ? 60 : 170;
    }
    return deflateSync(px);
  };
  const objs: (string | Buffer)[] = ['<< /Type /Catalog /Pages 2 0 R >>', '<< /Type /Pages /Kids [3 0 R 4 0 R] /Count 2 >>'];
  const content = 'q 0 0 595 842 re W n q 480 0 0 160 57 500 cm /T1 Do Q q 480 0 0 160 57 340 cm /T2 Do Q Q';
  // Objects 3–4 are the pages, 5–6 their contents, 7–10 the tiles, 11 the metadata.
  objs.push(`<< /Type /Page /Parent 2 0 R /Rotate 90 /MediaBox [0 0 595 842] /Resources << /XObject << /T1 7 0 R /T2 8 0 R >> >> /Contents 5 0 R >>`);
  objs.push(`<< /Type /Page /Parent 2 0 R /Rotate 90 /MediaBox [0 0 595 842] /Resources << /XObject << /T1 9 0 R /T2 10 0 R >> >> /Contents 6 0 R >>`);
  objs.push(`<< /Length ${content.length} >>\nstream\n${content}\nendstream`, `<< /Length ${content.length} >>\nstream\n${content}\nendstream`);
  for (const seed of [1, 2, 3, 4]) {
    const px = tile(seed);
    objs.push(Buffer.concat([Buffer.from(`<< /Type /XObject /Subtype /Image /Width ${w} /Height ${h} /ColorSpace /DeviceRGB /BitsPerComponent 8 /Filter /FlateDecode /Length ${px.length} >>\nstream\n`), px, Buffer.from('\nendstream')]));
  }
  objs.push('<< /Producer (Microsoft: Print To PDF) /Title (IMG_20230215_101522.jpg) >>');
  const parts: Buffer[] = [Buffer.from('%PDF-1.7\n')];
  const offsets: number[] = [];
  let pos = parts[0]!.length;
  objs.forEach((o, i) => {
    offsets.push(pos);
    const body = Buffer.concat([Buffer.from(`${i + 1} 0 obj\n`), Buffer.isBuffer(o) ? o : Buffer.from(o), Buffer.from('\nendobj\n')]);
    parts.push(body);
    pos += body.length;
  });
  parts.push(Buffer.from(`xref\n0 ${objs.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}trailer\n<< /Size ${objs.length + 1} /Root 1 0 R /Info ${objs.length} 0 R >>\nstartxref\n${pos}\n%%EOF\n`));
  return Buffer.concat(parts);
}

const score = (got: Got, expected: Expected) => scoreRound(got, expected);

let b: Built;
beforeAll(async () => {
  b = await build();
}, 180_000);
afterAll(async () => b.close());

const session = () => newSession(b.app);
const post = (s: Session, name: string, data: Buffer) => postDocument(b.app, s, name, data);
async function upload(s: Session, name: string, data: Buffer) {
  const r = await uploaded(b.app, s, name, data);
  return { documentId: r.documentId, got: asGot(r.suggestions), suggestions: r.suggestions, notice: r.notice };
}
const accept = (s: Session, documentId: string, field: string, value: string | number) => acceptSuggestion(b.app, s, documentId, field, value);
const listed = async (s: Session) => (await listedDocuments(b.app, s)) as { documentId: string; suggestions: Shown[]; notice?: string }[];
const answers = (s: Session) => sessionAnswers(b.app, s);

describe('an explosion-proof motor maker: an annual report and a profile in prose', () => {
  it('each document yields its values and nothing else: [correct, wrong, missed] per document', async () => {
    const s = await session();
    const lic = await upload(s, '营业执照.docx', await hdLicence());
    const scores: Record<string, number[]> = { '营业执照.docx': triple(score(lic.got, HD)) };
    expect((await accept(s, lic.documentId, 'name', HD.name)).statusCode).toBe(200);
    const files: [string, () => Promise<Buffer>, Expected][] = [
      ['2022年年度报告.docx', hdAnnual, HD_ANNUAL_EXPECTED],
      ['企业简介.docx', hdProfile, HD_PROFILE_EXPECTED],
    ];
    const detail: Record<string, unknown> = {};
    for (const [file, make, expected] of files) {
      const sc = score((await upload(s, file, await make())).got, expected);
      scores[file] = triple(sc);
      detail[file] = { wrong: sc.wrongFields, missed: sc.missedFields };
    }
    // Measured before the fixes: the annual report [8, 0, 4] (the 2020 column after 本年比上年增减 missed) and the
    // profile [0, 0, 5] (prose not read); the name heading the report was missed until a first-line name was read.
    expect(scores, JSON.stringify(detail)).toEqual({
      '营业执照.docx': [5, 0, 0],
      '2022年年度报告.docx': [13, 0, 0],
      // The licence's 成立日期 is in the session before the profile: its founding year is not offered beside it. The
      // profile's first sentence opens with the company, which names it.
      '企业简介.docx': [6, 0, 0],
    });
  }, 300_000);

  it('a round figure accepted as offered is recorded as round: the form still asks for the exact one', async () => {
    const s = await session();
    const lic = await upload(s, '营业执照.docx', await hdLicence());
    expect((await accept(s, lic.documentId, 'name', HD.name)).statusCode).toBe(200);
    const prof = await upload(s, '企业简介.docx', await hdProfile());
    const employees = prof.suggestions.find((x) => x.field === 'employees');
    expect(employees?.approximate).toBe(true);
    expect((await accept(s, prof.documentId, 'employees', 520)).statusCode).toBe(200);
    const a = await answers(s);
    expect(a['form.employees']).toBe(520);
    expect(a['approx.form.employees']).toContain('520余人');
  }, 300_000);
});

describe('a new-materials maker: bilingual, 元 with separators, parentheses, pages, rates only', () => {
  it('each document yields its values and nothing else: [correct, wrong, missed] per document', async () => {
    const s = await session();
    const prof = await upload(s, '企业简介（中英文）.docx', await phProfile());
    const scores: Record<string, number[]> = {};
    const detail: Record<string, unknown> = {};
    const note = (file: string, got: Got, expected: Expected) => {
      const sc = score(got, expected);
      scores[file] = triple(sc);
      detail[file] = { wrong: sc.wrongFields, missed: sc.missedFields };
    };
    note('企业简介（中英文）.docx', prof.got, PH_PROFILE_EXPECTED);
    // No licence here: its name, where the profile gives it, is what tells the enterprise's documents from others'.
    await accept(s, prof.documentId, 'name', PH.name);
    note('2022年度审计报告.docx', (await upload(s, '2022年度审计报告.docx', await phAudit())).got, PH_AUDIT_EXPECTED);
    note('经营情况简报.docx', (await upload(s, '经营情况简报.docx', await phBrief())).got, {});
    // Measured before the fixes: the bilingual profile [2, 1, 17] (the address taken with its English, the name and
    // capital cut at the gloss's colon, the table's figures not following their labels).
    expect(scores, JSON.stringify(detail)).toEqual({
      '企业简介（中英文）.docx': [20, 0, 0],
      '2022年度审计报告.docx': [11, 0, 0],
      '经营情况简报.docx': [0, 0, 0],
    });
  }, 300_000);

  it.skipIf(!haveSoffice)('the audit report as a PDF, its balance sheet over two pages, reads as its DOCX does', async () => {
    const s = await session();
    const prof = await upload(s, '企业简介（中英文）.docx', await phProfile());
    await accept(s, prof.documentId, 'name', PH.name);
    const r = await post(s, '2022年度审计报告.pdf', await docxToPdfFile(await phAudit()));
    expect(r.statusCode, r.body).toBe(201);
    expect(r.json().pages).toBeGreaterThanOrEqual(3);
    const sc = score(asGot(r.json().suggestions), PH_AUDIT_EXPECTED);
    // Measured before the fixes: [6, 0, 4], the totals on the balance sheet's second page not read.
    expect(triple(sc), JSON.stringify(sc)).toEqual([11, 0, 0]);
  }, 400_000);
});

describe('a paper-products maker: its group\'s report first, then its licence, then a photo of it', () => {
  it('the group\'s report uploaded before anything is recorded says whose it is and that it is not confirmed as the enterprise\'s', async () => {
    const s = await session();
    const group = await upload(s, '审计报告.docx', await fyGroupAudit());
    // At upload nothing says whose the enterprise is: the document's company is named, and not as the enterprise.
    // Measured before the fixes: no notice, its figures shown as any others.
    expect(group.notice).toBeDefined();
    expect(group.notice).toContain(FY_GROUP.name);
    expect((await listed(s)).find((d) => d.documentId === group.documentId)!.notice).toContain(FY_GROUP.name);
    const lic = await upload(s, '营业执照.docx', await fyLicence());
    expect((await accept(s, lic.documentId, 'name', FY.name)).statusCode).toBe(200);
    // Once the enterprise is known the group's figures are not offered, and cannot be accepted.
    const after = (await listed(s)).find((d) => d.documentId === group.documentId)!;
    expect(after.suggestions).toEqual([]);
    expect(after.notice).toContain(FY_GROUP.name);
    expect((await accept(s, group.documentId, 'finance.2022.revenue', 98200)).statusCode).toBe(400);
    // The licence itself, now its name is recorded, carries no such notice.
    expect((await listed(s)).find((d) => d.documentId === lic.documentId)!.notice).toBeUndefined();
  }, 300_000);

  it('a photo of the licence saved as a PDF is refused as a scan, and nothing is lost', async () => {
    const s = await session();
    const lic = await upload(s, '营业执照.docx', await fyLicence());
    expect((await accept(s, lic.documentId, 'name', FY.name)).statusCode).toBe(200);
    const before = { docs: await listed(s), answers: await answers(s) };
    const r = await post(s, '营业执照照片.pdf', photoPdf());
    expect([r.statusCode, r.json().error?.message]).toEqual([422, docs.messages.imageOnly]);
    expect(await listed(s)).toEqual(before.docs);
    expect(await answers(s)).toEqual(before.answers);
  }, 400_000);
});

/** What the rules read from pages of text, as field → value, a round figure as 「≈value」. */
const read = (...pages: string[]) =>
  Object.fromEntries(extractByRules(pages, 'x', docs).filter((s) => verifySuggestion(pages, s)).map((s) => [s.field, s.approximate ? `≈${s.value}` : s.value]));

describe('each general cause, on a page of text', () => {
  it('a figure in prose is read where its sentence binds it to its item and one year; a round one is marked round', () => {
    expect(read('2022年度公司营业收入达到3.27亿元，利润总额为2,356.80万元。')).toEqual({ 'finance.2022.revenue': 32700, 'finance.2022.profit': 2356.8 });
    expect(read('公司2021年实现销售收入28,600万元；上缴税金1,050万元。')).toEqual({ 'finance.2021.revenue': 28600, 'finance.2021.tax': 1050 });
    expect(read('2020年营业收入约2.9亿元，利润总额近1800万元。')).toEqual({ 'finance.2020.revenue': '≈29000', 'finance.2020.profit': '≈1800' });
    expect(read('公司现有职工1,250人，其中研发人员近90人。')).toEqual({ employees: 1250, 'rnd.staff': '≈90' });
  });

  it('a figure in prose is not read where the item, the year or the figure is another\'s', () => {
    for (const sentence of [
      '2022年实现净利润1800万元，营业利润2000万元。', // not the items the form asks for
      '2022年营业收入同比增长15.2%，研发投入占营业收入的4.1%。', // rates, no figure
      '2022年营业收入较上年增加3000万元。', // a change
      '上年营业收入2.9亿元。', // no year stated
      '2020-2022年累计实现营业收入9亿元。', // a total over years
      '2022年上半年实现营业收入1.5亿元。', // part of a year
      '2023年公司计划实现营业收入4亿元。', // a plan
      '集团2022年实现营业收入50亿元。', // another body's
      '2021年和2022年净利润分别为2.9亿元和3.27亿元。', // two years respectively, of an item not asked for
      '2021年、2022年营业收入分别增长12%和15%。', // two years respectively, of rates
      '车间员工120人，退休职工30人。', // not the enterprise's staff
      '2020年公司员工300人。', // a past year's head count
      '营业收入 32,684.51 29,163.05', // a table row without its header or unit
    ])
      expect(read(sentence), sentence).toEqual({});
  });

  it('a change column between year columns is passed over, and the years after it are read', () => {
    expect(read('单位：万元\n项目 2022年 2021年 本年比上年增减(%) 2020年\n营业收入 3,268.45 2,916.30 12.07 2,541.19\n毛利率% 24.36% 23.10% - 22.85%')).toEqual({
      'finance.2022.revenue': 3268.45, 'finance.2021.revenue': 2916.3, 'finance.2020.revenue': 2541.19,
    });
    expect(read('单位：元\n项目 2022年末 2021年末 增减比例 2020年末\n资产总计 512,340,600.00 468,900,250.00 9.26% 431,200,000.00')).toEqual({
      'finance.2022.totalAssets': 51234.06, 'finance.2021.totalAssets': 46890.025, 'finance.2020.totalAssets': 43120,
    });
    // A change column after the last year is no year's either: the rows are read as before.
    expect(read('单位：万元\n项目 2022年 2021年 同比增减\n营业收入 3,268.45 2,916.30 -\n利润总额 320.00 300.00 6.67%')).toEqual({
      'finance.2022.revenue': 3268.45, 'finance.2021.revenue': 2916.3, 'finance.2022.profit': 320, 'finance.2021.profit': 300,
    });
  });

  it('a bilingual label, value and table: the English is a gloss, never part of the value or between the figures', () => {
    expect(read('注册资本 Registered Capital：5,000万元（RMB 50 million）\n住所 Domicile：郑州市金水区花园路88号 / No. 88 Huayuan Road, Jinshui District')).toEqual({ registeredCapital: 5000, address: '郑州市金水区花园路88号' });
    expect(read('企业名称 Name of Enterprise：河南中原动力科技有限公司')).toEqual({ name: '河南中原动力科技有限公司' });
    expect(read('单位：万元 Unit: RMB 10,000\n项目 Item 2022年 FY2022 2021年 FY2021\n营业收入 Operating Revenue 18,236.45 14,108.90\n利润总额 Total Profit 1,024.30 (234.57)')).toEqual({
      'finance.2022.revenue': 18236.45, 'finance.2021.revenue': 14108.9, 'finance.2022.profit': 1024.3, 'finance.2021.profit': -234.57,
    });
  });

  it('a table that runs over a page is read on under its header; a page that starts another table is not', () => {
    const head = '资产负债表\n2022年12月31日 单位：元\n项目 附注 期末余额 期初余额\n货币资金 12,000,000.00 10,000,000.00';
    const rest = '某公司2022年度审计报告\n非流动资产合计 200,000,000.00 180,000,000.00\n资产总计 354,802,000.00 329,504,000.00\n第 2 页';
    expect(read(head, rest)).toEqual({ 'finance.2022.totalAssets': 35480.2, 'finance.2021.totalAssets': 32950.4 });
    // The next page states its own unit and header: its rows are its own table's.
    expect(read(head, '主要指标 单位：万元\n资产总计 35,480.20 32,950.40')).toEqual({});
    // Two pages on, past a page with no table, nothing is carried.
    expect(read(head, '审计说明\n本所已审计了后附的财务报表。单位负责人：张三', '资产总计 354,802,000.00 329,504,000.00')).toEqual({});
  });
});
