import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build, type Built } from '../helper';
import { creditCodeCheckChar } from '../../server/forms/creditCode';
import { extractByRules, verifySuggestion } from '../../server/documents/extract';
import { docxText } from '../fixtures/zip';
import { capabilityTerms } from '../forms/claims';
import { docxToPdfFile, multipart } from './files';
import { docs, docx, haveSoffice, para, table as tableOf } from './layouts';

/*
 * Five documents of one refractory maker (河南嵩岳新材料科技有限公司), in layouts the other document
 * tests do not use: a 企业简介 told as a story with its amounts in Chinese numerals and round figures,
 * naming systems by product, as planned, and a paper ledger and an Excel sheet where a system would be;
 * an equipment and systems list as a DOCX table; a scan's text layer with lines broken at the page width
 * and digits and separators full width; an audit report's excerpt whose balance sheet is in 元 and whose
 * three-year summary is captioned （万元） with 资产总额 and 负债总额 rows and a 资产负债率 row given as
 * 负债合计/资产总计; and the 近三年主要经济指标 table of an earlier 申报书, each row with its own unit.
 */
const NAME = '河南嵩岳新材料科技有限公司';
const ADDRESS = '郑州市登封市嵩阳路88号';

const first17 = '91410100MA3X7K2P0';
const code = first17 + creditCodeCheckChar(first17)!;
const fw = (s: string) => s.replace(/[0-9A-Za-z,.]/g, (c) => (c === ',' ? '，' : c === '.' ? '．' : String.fromCharCode(c.charCodeAt(0) + 0xfee0)));
const table = (rows: string[][]) => tableOf(rows, 1600);

const profile = () =>
  docx([
    para('企业简介'),
    para('河南嵩岳新材料科技有限公司成立于二〇一四年九月，注册资本叁仟万元，是一家专业从事高性能耐火材料研发、生产和销售的民营企业。'),
    para('公司现有职工八百余人，其中研发人员六十二人，2022年实现营业收入约三点二亿元，利润总额二千一百万元，上缴税金一千零五十万元。'),
    para('公司已上线用友U8管理系统，DCS采用西门子PCS7，设备点检目前仍以纸质台账记录，生产排产使用Excel表格；制造执行系统（MES）拟于2024年建设，计划于2025年上线。'),
    para('地址：郑州市登封市嵩阳路88号 邮编：452470 电话：0371-62881234'),
  ]);

const equipment = () =>
  docx([
    para('主要生产设备及信息系统清单'),
    table([
      ['序号', '名称', '品牌/型号', '数量（台/套）', '状态'],
      ['1', '隧道窑', '自制', '2', '在用'],
      ['2', '全自动液压压砖机', '科达KD3200', '12', '在用'],
      ['3', '集散控制系统（DCS）', '西门子PCS7', '1', '在用'],
      ['4', '企业资源计划（ERP）', '金蝶云星空', '1', '在用'],
      ['5', '制造执行系统（MES）', '待选型', '1', '拟建设，计划2025年上线'],
      ['6', '设备点检', '纸质台账', '—', '在用'],
    ]),
    para('填报单位：河南嵩岳新材料科技有限公司 地址：郑州市登封市嵩阳路88号 联系电话：0371-62881234'),
  ]);

// A scan's text layer: lines broken at the page width, digits and separators full width.
const scanned = () =>
  docx([
    para('营业执照（副本）'),
    para(`统一社会信用代码　${fw(code)}`),
    para('名　　称　河南嵩岳新材料科技有限公司'),
    para('类　　型　有限责任公司（自然人投资或控股）'),
    para(`住　　所　${fw('郑州市登封市嵩阳路')}`),
    para(fw('88号')),
    para(`注册资本　叁仟万圆整`),
    para(`成立日期　${fw('2014')}年${fw('09')}月${fw('26')}日`),
    para('主要财务数据'),
    para('单位：万元'),
    para(`项目　${fw('2022')}年　${fw('2021')}年　${fw('2020')}年`),
    para(`资产总计　${fw('45,218.36')}　${fw('41,002.10')}　${fw('38,761.00')}`),
    para(`负债合计　${fw('19,870.25')}　${fw('18,990.00')}　${fw('17,402.55')}`),
  ]);

// An audit report's excerpt: the balance sheet in 元, then the summary of three years captioned in 万元 without 「单位：」.
const audit = () =>
  docx([
    para('审计报告（节选）'),
    para('资产负债表'),
    para('2022年12月31日 单位：元'),
    table([
      ['项目', '附注', '期末余额', '期初余额'],
      ['资产总计', '', '452,183,600.00', '410,021,000.00'],
      ['负债合计', '五、15', '198,702,500.00', '189,900,000.00'],
    ]),
    para('近三年主要财务指标（万元）'),
    table([
      ['项目', '2020年', '2021年', '2022年'],
      ['资产总额', '38,761.00', '41,002.10', '45,218.36'],
      ['负债总额', '17,402.55', '18,990.00', '19,870.25'],
      ['资产负债率（负债合计/资产总计）', '44.90%', '46.32%', '43.94%'],
      ['营业收入', '26,410.00', '29,876.40', '32,105.80'],
      ['利润总额', '1,502.30', '1,866.00', '2,104.75'],
    ]),
  ]);

// The 近三年主要经济指标 table of an earlier 申报书: each row states its own unit, the table none.
const earlier = () =>
  docx([
    para('2022年度河南省智能车间申报书'),
    para('企业名称 河南嵩岳新材料科技有限公司'),
    table([
      ['近三年主要经济指标', '2019年', '2020年', '2021年'],
      ['总资产（万元）', '36,100.00', '38,761.00', '41,002.10'],
      ['总负债（万元）', '16,800.00', '17,402.55', '18,990.00'],
      ['资产负债率（%）', '46.54', '44.90', '46.32'],
      ['营业收入（万元）', '24,000.00', '26,410.00', '29,876.40'],
      ['利润（万元）', '1,300.00', '1,502.30', '1,866.00'],
      ['税金（万元）', '800.00', '902.00', '990.50'],
    ]),
  ]);

type Shown = { field: string; value: string | number; raw: string; label: string; source: { file: string; page: number | null; snippet: string } };
let b: Built;
let auth: Record<string, string> = {};
let sessionId = '';
beforeAll(async () => {
  b = await build();
  const s = (await b.app.inject({ method: 'POST', url: '/api/sessions' })).json();
  sessionId = s.sessionId;
  auth = { authorization: `Bearer ${s.token}` };
}, 180_000);
afterAll(async () => b.close());

async function upload(name: string, data: Buffer): Promise<{ documentId: string; suggestions: Shown[]; got: Record<string, string | number> }> {
  const m = multipart(name, data);
  const r = await b.app.inject({ method: 'POST', url: `/api/sessions/${sessionId}/documents`, payload: m.payload, headers: { ...m.headers, ...auth } });
  expect(r.statusCode).toBe(201);
  const suggestions = r.json().suggestions as Shown[];
  return { documentId: r.json().documentId, suggestions, got: Object.fromEntries(suggestions.map((s) => [s.field, s.value])) };
}

const LICENCE = { creditCode: code, name: NAME, address: ADDRESS, registeredCapital: 3000, foundedOn: '2014-09-26' };
const SCANNED_FINANCE = {
  'finance.2022.totalAssets': 45218.36, 'finance.2021.totalAssets': 41002.1, 'finance.2020.totalAssets': 38761,
  'finance.2022.totalLiabilities': 19870.25, 'finance.2021.totalLiabilities': 18990, 'finance.2020.totalLiabilities': 17402.55,
};
const AUDIT_FINANCE = {
  ...SCANNED_FINANCE,
  'finance.2020.revenue': 26410, 'finance.2021.revenue': 29876.4, 'finance.2022.revenue': 32105.8,
  'finance.2020.profit': 1502.3, 'finance.2021.profit': 1866, 'finance.2022.profit': 2104.75,
};

describe('a 企业简介 told as a story, and an equipment and systems list', () => {
  it('the story gives its labelled address, cut before 邮编 and 电话, and the figures its sentences bind; a round figure is offered only as round, and no product or planned system becomes a fact', async () => {
    const { got, suggestions } = await upload('企业简介.docx', await profile());
    const round = suggestions.filter((s) => (s as { approximate?: true }).approximate).map((s) => s.field);
    // 注册资本叁仟万元 in the first sentence is the company's own, in words; so is its founding month, to the precision printed.
    // The profile is headed only 企业简介: its first sentence opens with the company, which names it.
    expect(got).toEqual({ name: NAME, address: ADDRESS, registeredCapital: 3000, foundedOn: '2014-09', employees: 800, 'rnd.staff': 62, 'finance.2022.revenue': 32000, 'finance.2022.profit': 2100, 'finance.2022.tax': 1050 });
    // 八百余人 and 约三点二亿元 are round: offered as such, for the form to ask the exact figures.
    expect(round.sort()).toEqual(['employees', 'finance.2022.revenue']);
    expect(suggestions.find((s) => s.field === 'address')!.source.snippet).toContain('邮编');
  }, 60_000);

  it('the list gives the address of its footer and nothing from its rows: no system is read from a document', async () => {
    expect((await upload('设备清单.docx', await equipment())).got).toEqual({ address: ADDRESS });
  }, 60_000);
});

describe('a scan\'s text layer: lines broken at the page width, digits and separators full width', () => {
  it('DOCX: the address broken after 嵩阳路 is read whole, and the full-width figures in 万元 unchanged', async () => {
    const { got, suggestions } = await upload('营业执照及财务数据.docx', await scanned());
    expect(got).toEqual({ ...LICENCE, ...SCANNED_FINANCE });
    // The source shown is both lines, as the page prints them.
    expect(suggestions.find((s) => s.field === 'address')!.source.snippet).toBe('住 所 郑州市登封市嵩阳路 88号');
  }, 60_000);

  it.skipIf(!haveSoffice)('the same as a PDF reads the same, each suggestion on its page', async () => {
    const { got, suggestions } = await upload('营业执照及财务数据.pdf', await docxToPdfFile(await scanned()));
    expect(got).toEqual({ ...LICENCE, ...SCANNED_FINANCE });
    for (const s of suggestions) expect(s.source.page).toBe(1);
  }, 300_000);
});

describe('an audit report\'s excerpt: a balance sheet in 元, a summary captioned （万元）', () => {
  it('DOCX: the summary\'s figures stay in 万元 (never read in the 元 stated above it), 资产总额 and 负债总额 are read, the ratio row is not', async () => {
    const { got } = await upload('审计报告节选.docx', await audit());
    expect(got).toEqual(AUDIT_FINANCE);
  }, 60_000);

  it.skipIf(!haveSoffice)('the same as a PDF reads the same', async () => {
    expect((await upload('审计报告节选.pdf', await docxToPdfFile(await audit()))).got).toEqual(AUDIT_FINANCE);
  }, 300_000);
});

describe('an earlier 申报书\'s 近三年主要经济指标 (2019–2021), each row with its unit', () => {
  it('reads each row in its own unit, the form\'s 利润 row as profit, and only the years this form asks for', async () => {
    expect((await upload('2022年申报书.docx', await earlier())).got).toEqual({
      name: NAME,
      'finance.2020.totalAssets': 38761, 'finance.2021.totalAssets': 41002.1,
      'finance.2020.totalLiabilities': 17402.55, 'finance.2021.totalLiabilities': 18990,
      'finance.2020.revenue': 26410, 'finance.2021.revenue': 29876.4,
      'finance.2020.profit': 1502.3, 'finance.2021.profit': 1866,
      'finance.2020.tax': 902, 'finance.2021.tax': 990.5,
    });
  }, 60_000);
});

describe('accepted, the suggestions draft a 申报书 that claims only them', () => {
  it('each accepted value is listed with its source; drafts and DOCX print the figures unchanged, the rest as requests; the PDF exports', async () => {
    const s = (await b.app.inject({ method: 'POST', url: '/api/sessions' })).json();
    const own = { authorization: `Bearer ${s.token}` };
    for (const [file, data] of [['营业执照及财务数据.docx', await scanned()], ['审计报告节选.docx', await audit()]] as const) {
      const m = multipart(file, data);
      const r = await b.app.inject({ method: 'POST', url: `/api/sessions/${s.sessionId}/documents`, payload: m.payload, headers: { ...m.headers, ...own } });
      for (const x of r.json().suggestions as Shown[]) {
        const ok = await b.app.inject({ method: 'POST', url: `/api/sessions/${s.sessionId}/documents/${r.json().documentId}/accept`, headers: own, payload: { field: x.field, value: x.value } });
        expect(ok.statusCode, x.field).toBe(200);
      }
    }
    const listed = (await b.app.inject({ method: 'GET', url: `/api/sessions/${s.sessionId}/documents`, headers: own })).json().documents as { accepted: Record<string, unknown>; suggestions: Shown[] }[];
    const address = listed[0]!.suggestions.find((x) => x.field === 'address')!;
    expect(address).toMatchObject({ value: ADDRESS, label: '单位地址', source: { file: '营业执照及财务数据.docx', snippet: '住 所 郑州市登封市嵩阳路 88号' } });
    expect(listed[1]!.accepted).toMatchObject({ 'finance.2022.revenue': 32105.8 });

    const drafts = (await b.app.inject({ method: 'GET', url: `/api/sessions/${s.sessionId}/drafts?category=processFactory`, headers: own })).json().sections as { section: string; text: string }[];
    const intro = drafts.find((d) => d.section === 'overview.profile')!.text;
    expect(intro).toContain(`${NAME}成立于2014年9月26日，注册资本3000万元`);
    expect(intro).toContain('营业收入分别为26410万元、29876.4万元、32105.8万元');
    expect(intro).toContain('总资产分别为38761万元、41002.1万元、45218.36万元');
    // 负债合计/资产总计, computed from the accepted figures.
    expect(intro).toContain('资产负债率分别为44.9%、46.3%、43.9%');
    // No statement gave 税金: each year is asked for, never guessed.
    expect(intro).toMatch(/〔请补充：[^〕]*税金[^〕]*〕/);
    expect(intro).not.toMatch(/税金[^〔。]*\d/);
    // The documents named systems (用友U8, PCS7, a planned MES), but none is a fact until the enterprise says so.
    const all = drafts.map((d) => d.text.replace(/〔请补充：[^〕]*〕/g, '').replace(/【[^】]*】/g, '')).join('\n');
    const systems = [...capabilityTerms(b.app.kb.data.formDrafting).values()].flat().filter((w) => /^[A-Z]{2,}$/.test(w));
    expect(systems).toEqual(expect.arrayContaining(['MES', 'ERP', 'DCS']));
    for (const w of [...systems, '用友', '金蝶', 'PCS7']) expect(all, w).not.toMatch(new RegExp(`(?<![A-Za-z])${w}(?![A-Za-z])`));

    const docx = await b.app.inject({ method: 'GET', url: `/api/sessions/${s.sessionId}/export.docx?category=processFactory`, headers: own });
    expect(docx.statusCode).toBe(200);
    const text = docxText(docx.rawPayload);
    expect(text).toContain('附件3');
    expect(text).toContain('近三年主要经济指标');
    for (const n of ['45218.36', '19870.25', '32105.8', '2104.75', '44.9', '43.9', ADDRESS, code]) expect(text, n).toContain(n);
    if (haveSoffice) {
      const pdf = await b.app.inject({ method: 'GET', url: `/api/sessions/${s.sessionId}/export.pdf?category=processFactory`, headers: own });
      expect(pdf.statusCode).toBe(200);
      expect(pdf.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    }
  }, 300_000);
});

/** What the rules read from one page of text, as field → value. */
const read = (page: string) => Object.fromEntries(extractByRules([page], 'x', docs).filter((s) => verifySuggestion([page], s)).map((s) => [s.field, s.value]));

describe('each class of defect, on a page of text', () => {
  it('a labelled value ends at the next field with a colon or at a clause mark', () => {
    expect(read('地址：郑州市登封市嵩阳路88号 邮编：452470 电话：0371-62881234')).toEqual({ address: ADDRESS });
    expect(read('单位地址：郑州市登封市嵩阳路88号，占地面积二百亩')).toEqual({ address: ADDRESS });
    expect(read('公司名称：河南嵩岳新材料科技有限公司 传真 0371-62881235')).toEqual({ name: NAME });
  });

  it('a particular broken at the line end is completed by the next line, unless that line starts a particular of its own', () => {
    expect(read('住所：郑州市登封市嵩阳路\n88号')).toEqual({ address: ADDRESS });
    expect(read('住所：郑州市登封市嵩阳路\n注册资本：叁仟万圆整')).toEqual({ address: '郑州市登封市嵩阳路', registeredCapital: 3000 });
    // A branch's name broken before 分公司 is the branch's, never its company's, and answers 独立法人资格 as a branch.
    expect(read('名称：河南嵩岳新材料科技有限公司新郑\n分公司')).toEqual({ name: '河南嵩岳新材料科技有限公司新郑分公司', 'ent.independentLegalPerson': '否' });
    // A company's name broken inside its ending is read whole.
    expect(read('名称：河南嵩岳新材料科技有限\n公司')).toEqual({ name: NAME });
    // A credit code broken after its 12th character is read across the break, only if its check character holds.
    expect(read(`统一社会信用代码 ${code.slice(0, 12)}\n${code.slice(12)}`)).toEqual({ creditCode: code });
    expect(read(`统一社会信用代码 ${code.slice(0, 12)}\n${code.slice(12, 17)}${code[17] === 'A' ? 'B' : 'A'}`)).toEqual({});
  });

  it('full-width thousands separators are a figure\'s, not prose\'s', () => {
    expect(read('单位：万元\n项目 ２０２２年 ２０２１年\n营业收入 ３２，１０５．８０ ２９，８７６．４０')).toEqual({ 'finance.2022.revenue': 32105.8, 'finance.2021.revenue': 29876.4 });
  });

  it('the unit in force is the last one stated, in a caption too, and a unit not known ends the one before', () => {
    const balance = '资产负债表 2022年12月31日 单位：元\n项目 期末余额 期初余额\n资产总计 452,183,600.00 410,021,000.00';
    expect(read(`${balance}\n近三年主要财务指标（万元）\n项目 2022年 2021年\n营业收入 32,105.80 29,876.40`)).toMatchObject({ 'finance.2022.revenue': 32105.8, 'finance.2021.revenue': 29876.4 });
    expect(read(`${balance}\n主要财务数据 单位：人民币百万元\n项目 2022年 2021年\n营业收入 321.06 298.76`)).toMatchObject({ 'finance.2022.revenue': 32106, 'finance.2021.revenue': 29876 });
    const usd = read(`${balance}\n单位：万美元\n项目 2022年 2021年\n营业收入 4,612.30 4,430.00`);
    expect(usd).not.toHaveProperty(['finance.2022.revenue']);
    expect(usd).toMatchObject({ 'finance.2022.totalAssets': 45218.36 });
  });

  it('a loss in full-width brackets is a negative amount; a bracketed note reference stays a reference', () => {
    expect(read('单位：元\n项目 2022年度 2021年度\n利润总额 （1,234,560.00） 2,000,000.00')).toEqual({ 'finance.2022.profit': -123.456, 'finance.2021.profit': 200 });
    expect(read('单位：元\n项目 附注 2022年度 2021年度\n利润总额 （30） 1,234,560.00 2,000,000.00')).toEqual({ 'finance.2022.profit': 123.456, 'finance.2021.profit': 200 });
  });

  it('a row states its own unit where the table states none; a row with no unit is not read', () => {
    expect(read('近三年主要经济指标 2021年 2022年\n营业收入（万元） 29,876.40 32,105.80\n利润 1,866.00 2,104.75')).toEqual({ 'finance.2021.revenue': 29876.4, 'finance.2022.revenue': 32105.8 });
  });
});
