import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build, type Built } from '../helper';
import { creditCodeCheckChar, CREDIT_CODE_CHARSET } from '../../server/forms/creditCode';
import { anotherCompany, extractByRules, printedDate, verifySuggestion } from '../../server/documents/extract';
import { fitsField } from '../../server/documents/model';
import { docxToPdfFile, multipart } from './files';
import { docs, docx, haveSoffice, newSession, para, scoreValues, table, uploaded, valid, yuan, type Score, type Session } from './layouts';

/*
 * A second blind round: the documents of two enterprises in industries the other document tests do
 * not cover, written from the notice's form fields and the enterprises' facts before the extractor was
 * read. A quick-frozen food maker (漯河沙澧食品科技有限公司, a subsidiary of a food group) uploads a
 * licence's text layer with its particulars in an odd order and 成立日期 in Chinese numerals, an
 * excerpt of its 2022 statements whose columns are 本期金额（元）/上期金额（元） (the unit in the
 * column head only) and whose income row is 营业总收入, a 企业简介 that gives the group's figures beside
 * its own, a systems list with systems 在建 or 计划, and a supplier's brochure uploaded by mistake.
 * A cotton-yarn spinner (商丘睢阳纺织有限公司) uploads a licence whose credit code has a wrong check
 * character, a table of 2021/2022/2023 with a 同比增长（%） column, an excerpt of its 2023 annual
 * report (本期 is 2023, which the form does not ask for), a 企业简介 whose figures are all 约/近/超/余,
 * and a systems list.
 *
 * Each document states what it should yield: exact values, or nothing. A wrong value is one the
 * applicant could sign; a missed one is asked for later, so it is the lesser defect.
 */
/** The code with its check character replaced by the next one of the charset: well-formed, but wrong. */
const broken = (first17: string) => first17 + CREDIT_CODE_CHARSET[(CREDIT_CODE_CHARSET.indexOf(creditCodeCheckChar(first17)!) + 1) % CREDIT_CODE_CHARSET.length]!;

// ——— 漯河沙澧食品科技有限公司: quick-frozen dumplings and rice balls, a subsidiary of a food group ———
const FOOD_GROUP = '河南沙澧食品集团有限公司';
const FOOD = {
  name: '漯河沙澧食品科技有限公司',
  creditCode: valid('91411100MA47QH3R5'),
  address: '漯河市召陵区黄河路66号',
  registeredCapital: 8000,
  foundedOn: '2015-07-21',
};
// 元, as the statements print them.
const FOOD_YUAN = {
  2022: { revenue: 361_207_400, profit: 26_889_100, tax: 12_360_200, totalAssets: 612_059_000, totalLiabilities: 270_183_300 },
  2021: { revenue: 334_021_800, profit: 24_100_600, tax: 11_025_500, totalAssets: 568_801_200, totalLiabilities: 254_307_500 },
};
const wan = (n: number) => n.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

// The licence's text layer, its particulars in the order the reader meets them on a landscape licence:
// the right column first. The date at the foot is the licence's issue date, not the founding date.
const foodLicence = () =>
  docx([
    para('营业执照'),
    para(`住所 ${FOOD.address}`),
    para('成立日期 二〇一五年七月二十一日'),
    para('法定代表人 王建国'),
    para('注册资本 捌仟万元整'),
    para(`名称 ${FOOD.name}`),
    para(`统一社会信用代码 ${FOOD.creditCode}`),
    para('类型 有限责任公司（非自然人投资或控股的法人独资）'),
    para('经营范围 速冻食品［速冻面米食品（生制品）］生产、销售。'),
    para('登记机关 漯河市市场监督管理局'),
    para('2023年05月10日'),
  ]);

// The 2022 statements: 元 only in the column heads, 营业总收入 with 其中：营业收入 beneath it, 净利润 below 利润总额.
const foodStatements = () =>
  docx([
    para(`${FOOD.name}2022年度财务报表（节选）`),
    para('利润表'),
    para('2022年度'),
    para(`编制单位：${FOOD.name}`),
    table([
      ['项目', '本期金额（元）', '上期金额（元）'],
      ['一、营业总收入', yuan(FOOD_YUAN[2022].revenue), yuan(FOOD_YUAN[2021].revenue)],
      ['其中：营业收入', yuan(FOOD_YUAN[2022].revenue), yuan(FOOD_YUAN[2021].revenue)],
      ['二、营业总成本', '330,118,500.00', '305,876,300.00'],
      ['税金及附加', yuan(FOOD_YUAN[2022].tax), yuan(FOOD_YUAN[2021].tax)],
      ['三、营业利润', '26,120,300.00', '23,880,100.00'],
      ['四、利润总额', yuan(FOOD_YUAN[2022].profit), yuan(FOOD_YUAN[2021].profit)],
      ['减：所得税费用', '6,722,275.00', '6,025,150.00'],
      ['五、净利润', '20,166,825.00', '18,075,450.00'],
    ]),
    para('资产负债表'),
    para('2022年12月31日'),
    table([
      ['项目', '期末余额（元）', '期初余额（元）'],
      ['资产总计', yuan(FOOD_YUAN[2022].totalAssets), yuan(FOOD_YUAN[2021].totalAssets)],
      ['负债合计', yuan(FOOD_YUAN[2022].totalLiabilities), yuan(FOOD_YUAN[2021].totalLiabilities)],
    ]),
  ]);

// A 企业简介 that gives the group's figures first, then the enterprise's own exact ones.
const foodProfile = () =>
  docx([
    para('企业简介'),
    para(`${FOOD.name}是${FOOD_GROUP}的全资子公司，主要生产速冻水饺、汤圆等速冻米面制品。`),
    para('集团现有员工1.2万人，集团年营收50亿元，2022年集团实现利润总额4.3亿元，纳税2.1亿元。'),
    para('公司2022年实现营业收入36120.74万元，利润总额2688.91万元，上缴税金1236.02万元。'),
    para(`公司地址：${FOOD.address}`),
  ]);

// Systems in use, being built and planned; a footer with the enterprise's name.
const foodSystems = () =>
  docx([
    para('智能化设备及信息系统清单'),
    table([
      ['序号', '名称', '供应商/型号', '数量（台/套）', '状态'],
      ['1', '全自动水饺成型机', '思念定制', '24', '在用'],
      ['2', '螺旋速冻机', '自制', '6', '在用'],
      ['3', '制造执行系统（MES）', '鼎捷', '1', '在用'],
      ['4', '仓储管理系统（WMS）', '富勒', '1', '在建，预计2024年6月上线'],
      ['5', '自动化立体冷库', '—', '1', '在建'],
      ['6', '能源管理系统', '—', '1', '计划2024年建设'],
    ]),
    para(`企业名称：${FOOD.name}`),
  ]);

// A supplier's brochure: every particular in it is the supplier's, and the enterprise is named as a customer.
const SUPPLIER = { name: '郑州智控自动化设备有限公司', creditCode: valid('91410100MA44K6T2X') };
const supplierBrochure = () =>
  docx([
    para(`${SUPPLIER.name} 产品手册`),
    para(`公司名称：${SUPPLIER.name}`),
    para(`统一社会信用代码：${SUPPLIER.creditCode}`),
    para('成立日期：2009年5月12日'),
    para('注册资本：5000万元'),
    para('地址：郑州市高新区科学大道100号'),
    para('近三年主要经济指标 单位：万元'),
    table([
      ['项目', '2021年', '2022年'],
      ['营业收入', '24,500.00', '28,030.00'],
      ['利润总额', '2,210.00', '2,650.00'],
    ]),
    para(`典型客户：${FOOD.name}、三全食品股份有限公司。`),
  ]);

// ——— 商丘睢阳纺织有限公司: compact-spun cotton yarn ———
const YARN_17 = '91411403MA3XRT8N2';
const YARN = {
  name: '商丘睢阳纺织有限公司',
  creditCode: valid(YARN_17),
  address: '商丘市睢阳区纺织路18号',
  registeredCapital: 12000,
  foundedOn: '2009-11-30',
};
// 万元.
const YARN_WAN = {
  2021: { revenue: 102_345.6, profit: 5_230.4, tax: 2_310.7, totalAssets: 88_420.5, totalLiabilities: 41_230.8 },
  2022: { revenue: 110_872.3, profit: 6_045.9, tax: 2_560.2, totalAssets: 93_105.2, totalLiabilities: 43_880.1 },
  2023: { revenue: 118_500.4, profit: 6_580, tax: 2_790, totalAssets: 97_760, totalLiabilities: 45_020 },
};

// A licence whose credit code was mistyped in its last character.
const yarnLicence = () =>
  docx([
    para('营业执照（副本）'),
    para(`统一社会信用代码 ${broken(YARN_17)}`),
    para(`名称 ${YARN.name}`),
    para('类型 其他有限责任公司'),
    para('注册资本 人民币壹亿贰仟万元整'),
    para('成立日期 2009年11月30日'),
    para(`住所 ${YARN.address}`),
  ]);

// Three years and a growth column; 2023 is not asked for and the growth column is no year's.
const growth = (k: keyof (typeof YARN_WAN)[2021]) => (((YARN_WAN[2023][k] - YARN_WAN[2022][k]) / YARN_WAN[2022][k]) * 100).toFixed(2);
const yarnIndicators = () =>
  docx([
    para(`${YARN.name}主要经济指标`),
    para('单位：万元'),
    table([
      ['指标', '2021年', '2022年', '2023年', '2023年同比增长（%）'],
      ...(['revenue', 'profit', 'tax', 'totalAssets', 'totalLiabilities'] as const).map((k) => [
        { revenue: '营业收入', profit: '利润总额', tax: '上缴税金', totalAssets: '资产总额', totalLiabilities: '负债总额' }[k],
        wan(YARN_WAN[2021][k]),
        wan(YARN_WAN[2022][k]),
        wan(YARN_WAN[2023][k]),
        growth(k),
      ]),
    ]),
  ]);

// The 2023 annual report: 本期 is 2023 and 上期 2022; the year is stated above the statements only.
const y2023 = (n: number) => yuan(Math.round(n * 10000));
const yarnAnnual = () =>
  docx([
    para(`${YARN.name}2023年年度报告（节选）`),
    para('第十节 财务报告'),
    para('利润表'),
    para('2023年1—12月 单位：元'),
    table([
      ['项目', '附注', '本期发生额', '上期发生额'],
      ['一、营业总收入', '七、61', y2023(YARN_WAN[2023].revenue), y2023(YARN_WAN[2022].revenue)],
      ['税金及附加', '七、62', y2023(YARN_WAN[2023].tax), y2023(YARN_WAN[2022].tax)],
      ['四、利润总额（亏损总额以“－”号填列）', '', y2023(YARN_WAN[2023].profit), y2023(YARN_WAN[2022].profit)],
    ]),
    para('资产负债表'),
    para('2023年12月31日 单位：元'),
    table([
      ['项目', '附注', '期末余额', '期初余额'],
      ['资产总计', '', y2023(YARN_WAN[2023].totalAssets), y2023(YARN_WAN[2022].totalAssets)],
      ['负债合计', '', y2023(YARN_WAN[2023].totalLiabilities), y2023(YARN_WAN[2022].totalLiabilities)],
    ]),
  ]);

// Every figure of this profile is approximate, a year's partial date or a year the form does not ask for: a round one
// may be offered only as round.
const yarnProfile = () =>
  docx([
    para('企业简介'),
    para(`${YARN.name}始建于2009年，是一家以紧密纺棉纱为主的纺织企业，拥有纱锭约20万锭，员工近1500人。`),
    para('2022年公司实现营业收入超11亿元，利润总额6000余万元，纳税约2560万元；2021年营业收入近10.2亿元。'),
    para('2023年营业收入118500.40万元，同比增长6.88%。'),
    para(`单位地址：${YARN.address}`),
  ]);

const yarnSystems = () =>
  docx([
    para('信息系统建设情况'),
    table([
      ['系统', '建设状态', '投资（万元）'],
      ['企业资源计划（ERP）', '已上线', '320'],
      ['制造执行系统（MES）', '在建', '580'],
      ['细纱机单锭监测系统', '计划2024年实施', '约900'],
      ['合计', '', '1800'],
    ]),
    para(`单位名称：${YARN.name}`),
  ]);

type Expected = Record<string, string | number>;
const wanOf = (y: number, o: Record<string, number>) => Object.fromEntries(Object.entries(o).map(([k, v]) => [`finance.${y}.${k}`, v]));

/** The documents in upload order, each with what it should yield. */
const FOOD_DOCS: [string, () => Promise<Buffer>, Expected][] = [
  ['营业执照.docx', foodLicence, { ...FOOD }],
  // Titles that run the enterprise's own name in (「…有限公司2022年度财务报表」) give the name too.
  ['2022年度财务报表.docx', foodStatements, { name: FOOD.name, ...wanOf(2022, { revenue: 36120.74, profit: 2688.91, tax: 1236.02, totalAssets: 61205.9, totalLiabilities: 27018.33 }), ...wanOf(2021, { revenue: 33402.18, profit: 2410.06, tax: 1102.55, totalAssets: 56880.12, totalLiabilities: 25430.75 }) }],
  ['企业简介.docx', foodProfile, { address: FOOD.address, 'finance.2022.revenue': 36120.74, 'finance.2022.profit': 2688.91, 'finance.2022.tax': 1236.02 }],
  ['设备及系统清单.docx', foodSystems, { name: FOOD.name }],
  ['智控产品手册.docx', supplierBrochure, {}],
];
const YARN_DOCS: [string, () => Promise<Buffer>, Expected][] = [
  ['营业执照.docx', yarnLicence, { name: YARN.name, address: YARN.address, registeredCapital: YARN.registeredCapital, foundedOn: YARN.foundedOn }],
  ['主要经济指标.docx', yarnIndicators, { name: YARN.name, ...wanOf(2021, YARN_WAN[2021]), ...wanOf(2022, YARN_WAN[2022]) }],
  ['2023年年度报告.docx', yarnAnnual, { name: YARN.name, ...wanOf(2022, YARN_WAN[2022]) }],
  // 超11亿元 is a lower bound and 员工近1500人 now's head count (始建于2009年 dates the company): both round.
  ['企业简介.docx', yarnProfile, { name: YARN.name, address: YARN.address, employees: '≈1500', 'finance.2022.revenue': '≈110000', 'finance.2022.profit': '≈6000', 'finance.2022.tax': '≈2560' }],
  ['信息系统清单.docx', yarnSystems, { name: YARN.name }],
];

const score = (got: Expected, expected: Expected) => scoreValues(got, expected);

let b: Built;
beforeAll(async () => {
  b = await build();
}, 180_000);
afterAll(async () => b.close());

const session = () => newSession(b.app);
async function upload(s: Session, name: string, data: Buffer) {
  const r = await uploaded(b.app, s, name, data);
  // A round figure is offered as round: it scores as 「≈value」, never as the exact figure.
  return { documentId: r.documentId, got: Object.fromEntries(r.suggestions.map((x) => [x.field, x.approximate ? `≈${x.value}` : x.value])) as Expected };
}

/**
 * Uploads one enterprise's documents into one session in order, accepting the licence's name as the
 * applicant would before going on, and scores each document.
 */
async function round(docs: [string, () => Promise<Buffer>, Expected][]) {
  const s = await session();
  const scores: Record<string, ReturnType<typeof score>> = {};
  for (const [file, make, expected] of docs) {
    const { documentId, got } = await upload(s, file, await make());
    scores[file] = score(got, expected);
    if (file.startsWith('营业执照') && typeof got.name === 'string') {
      const ok = await b.app.inject({ method: 'POST', url: `/api/sessions/${s.id}/documents/${documentId}/accept`, headers: s.auth, payload: { field: 'name', value: got.name } });
      expect(ok.statusCode).toBe(200);
    }
  }
  return scores;
}
const counts = (scores: Record<string, Score>) => Object.fromEntries(Object.entries(scores).map(([f, { correct, wrong, missed }]) => [f, [correct, wrong, missed]]));

describe('a quick-frozen food maker of a food group', () => {
  it('each document yields its values and nothing else: [correct, wrong, missed] per document', async () => {
    // Measured before the fixes: the licence [4, 0, 1] (成立日期 in Chinese numerals missed), the statements
    // [0, 0, 10] (元 in the column heads only: no unit, nothing read), the profile [0, 0, 4] (公司地址 not a
    // label; prose figures are not read by the rules), the systems list [1, 0, 0], and the supplier's brochure
    // [0, 9, 0]: the supplier's name, code, date, capital, address and four figures offered as the enterprise's.
    const scores = await round(FOOD_DOCS);
    expect(counts(scores)).toEqual({
      '营业执照.docx': [5, 0, 0],
      '2022年度财务报表.docx': [11, 0, 0],
      // The enterprise's own exact figures in prose are read where the sentence binds them to 2022; the group's are not.
      '企业简介.docx': [4, 0, 0],
      '设备及系统清单.docx': [1, 0, 0],
      '智控产品手册.docx': [0, 0, 0],
    });
    expect(scores['企业简介.docx']!.missedFields).toEqual([]);
  }, 300_000);

  it('the brochure says why it gives nothing: it names the supplier, not the enterprise', async () => {
    const s = await session();
    const lic = await upload(s, '营业执照.docx', await foodLicence());
    await b.app.inject({ method: 'POST', url: `/api/sessions/${s.id}/documents/${lic.documentId}/accept`, headers: s.auth, payload: { field: 'name', value: FOOD.name } });
    const m = multipart('智控产品手册.docx', await supplierBrochure());
    const r = await b.app.inject({ method: 'POST', url: `/api/sessions/${s.id}/documents`, payload: m.payload, headers: { ...m.headers, ...s.auth } });
    expect(r.json().suggestions).toEqual([]);
    expect(r.json().notice).toContain(SUPPLIER.name);
    expect(r.json().notice).toContain(FOOD.name);
  }, 300_000);
});

describe('a cotton-yarn spinner', () => {
  it('each document yields its values and nothing else: [correct, wrong, missed] per document', async () => {
    // Measured before the fixes: the same, [4, 0, 0], [10, 0, 0], [5, 0, 0], [1, 0, 0], [1, 0, 0]. The
    // licence's mistyped code was refused by its check character, the 2023 column and the growth column
    // went nowhere, 本期 of the 2023 report was not taken for 2022, and the hedged figures were not read.
    const scores = await round(YARN_DOCS);
    expect(counts(scores)).toEqual({
      '营业执照.docx': [4, 0, 0],
      '主要经济指标.docx': [11, 0, 0],
      '2023年年度报告.docx': [6, 0, 0],
      // 利润总额6000余万元, 纳税约2560万元, 超11亿元 and 员工近1500人 offered as round; 近10.2亿元 (a sentence of two years)
      // is not read. Measured before 超 was read as a lower bound and the founding year was told from the count's: [3, 0, 0].
      // The licence's 成立日期 is in the session before the profile: its founding year is not offered beside it.
      '企业简介.docx': [6, 0, 0],
      '信息系统清单.docx': [1, 0, 0],
    });
  }, 300_000);
});

/** What the rules read from one page of text, as field → value. */
const read = (page: string) => Object.fromEntries(extractByRules([page], 'x', docs).filter((s) => verifySuggestion([page], s)).map((s) => [s.field, s.value]));

describe('each general cause, on a page of text', () => {
  it('a date in Chinese numerals is read as the day it names; a year and month alone, or a day that does not exist, is none', () => {
    expect(printedDate('二〇一五年七月二十一日')).toEqual({ iso: '2015-07-21', raw: '二〇一五年七月二十一日' });
    expect(printedDate('二〇〇九年十一月三十日')?.iso).toBe('2009-11-30');
    expect(printedDate('二〇一五年七月')).toBeNull();
    expect(printedDate('二〇一五年二月三十日')).toBeNull();
    expect(read('成立日期 二〇一五年七月二十一日')).toEqual({ foundedOn: '2015-07-21' });
  });

  it('a unit in the column heads is the figures\' unit; heads that disagree leave the figures unread', () => {
    expect(read('利润表\n2022年度\n项目 本期金额（元） 上期金额（元）\n营业收入 361,207,400.00 334,021,800.00')).toEqual({ 'finance.2022.revenue': 36120.74, 'finance.2021.revenue': 33402.18 });
    // A PDF cell wraps the unit onto its own line.
    expect(read('利润表\n2022年度\n项目 本期金额 （元） 上期金额 （元）\n营业收入 361,207,400.00 334,021,800.00')).toEqual({ 'finance.2022.revenue': 36120.74, 'finance.2021.revenue': 33402.18 });
    // The heads override a page unit stated above them.
    expect(read('单位：万元\n利润表\n2022年度\n项目 本期金额（元） 上期金额（元）\n营业收入 361,207,400.00 334,021,800.00')).toEqual({ 'finance.2022.revenue': 36120.74, 'finance.2021.revenue': 33402.18 });
    expect(read('单位：万元\n项目 2022年（元） 2021年（万元）\n营业收入 361,207,400.00 33,402.18')).toEqual({});
  });

  it('a row label a narrow column wrapped in a PDF is read whole, the longer label first', () => {
    const page = '利润表\n2022 年度\n项目 本期金额\n（元）\n上期金额\n（元）\n一、营业总收\n入\n361,207,400.00 334,021,800.00\n四、利润总\n额\n26,889,100.00 24,100,600.00';
    expect(read(page)).toEqual({ 'finance.2022.revenue': 36120.74, 'finance.2021.revenue': 33402.18, 'finance.2022.profit': 2688.91, 'finance.2021.profit': 2410.06 });
  });

  it('a statement captioned as the group\'s or the parent\'s is read for no one; a company\'s full name with 集团 in it is only a name', () => {
    expect(read('集团近三年主要经济指标 单位：万元\n项目 2021年 2022年\n营业收入 480,000.00 500,000.00')).toEqual({});
    expect(read('母公司利润表 2022年度 单位：元\n项目 本期金额 上期金额\n营业收入 361,207,400.00 334,021,800.00')).toEqual({});
    expect(read('编制单位：河南宏达集团机械有限公司 单位：万元\n项目 2021年 2022年\n营业收入 33,402.18 36,120.74')).toEqual({ 'finance.2021.revenue': 33402.18, 'finance.2022.revenue': 36120.74 });
  });

  it('a model\'s figure whose clause names the group is refused; the enterprise\'s own in the next clause is kept', () => {
    const snippet = '集团现有员工1.2万人，集团年营收50亿元，2022年集团实现利润总额4.3亿元；公司2022年实现营业收入36120.74万元。';
    expect(fitsField({ field: 'finance.2022.revenue', value: 500000, printed: '50亿元', snippet }, docs)).toBe(false);
    expect(fitsField({ field: 'finance.2022.profit', value: 43000, printed: '4.3亿元', snippet }, docs)).toBe(false);
    expect(fitsField({ field: 'finance.2022.revenue', value: 36120.74, printed: '36120.74万元', snippet }, docs)).toBe(true);
  });

  it('a document is another company\'s when it names one, or prints a valid code, that is not the enterprise\'s', () => {
    const own = { name: FOOD.name, creditCode: FOOD.creditCode };
    expect(anotherCompany([`公司名称：${SUPPLIER.name}`], docs, own)).toBe(SUPPLIER.name);
    expect(anotherCompany([`编制单位：${FOOD_GROUP} 2022年12月31日 单位：元`], docs, own)).toBe(FOOD_GROUP);
    expect(anotherCompany([`统一社会信用代码 ${SUPPLIER.creditCode}`], docs, own)).toBe(SUPPLIER.creditCode);
    // Its own documents, a branch of it, and a mistyped code (no valid code at all) are not another company's.
    expect(anotherCompany([`编制单位：${FOOD.name} 单位：元`, `名称 ${FOOD.name}召陵分公司`, `统一社会信用代码 ${broken(YARN_17)}`], docs, own)).toBeNull();
    // A brochure's title names its company with no label; the enterprise's own brochure names the enterprise.
    expect(anotherCompany([`${SUPPLIER.name} 企业宣传册\n公司始建于2003年，主营速冻设备。`], docs, own)).toBe(SUPPLIER.name);
    expect(anotherCompany([`${SUPPLIER.name} 设备采购合同\n买方：${FOOD.name}`], docs, own)).toBeNull();
    // Nothing known of the enterprise yet: nothing to compare with.
    expect(anotherCompany([`公司名称：${SUPPLIER.name}`], docs, {})).toBeNull();
  });
});

describe('the same as PDF', () => {
  // Measured before the fixes: the licence [4, 0, 1] and the statements [0, 0, 10], as their DOCX; after the
  // unit fix, the PDF still missed both revenue figures, its label wrapped in the narrow first column.
  it.skipIf(!haveSoffice)('the food maker\'s licence and statements, as PDFs, read as their DOCX do', async () => {
    const s = await session();
    for (const [file, make] of FOOD_DOCS.slice(0, 2)) {
      const d = await make();
      const fromDocx = (await upload(s, file, d)).got;
      const fromPdf = (await upload(s, file.replace('.docx', '.pdf'), await docxToPdfFile(d))).got;
      expect(fromPdf, file).toEqual(fromDocx);
    }
  }, 400_000);
});
