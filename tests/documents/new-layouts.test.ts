import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import { build, type Built } from '../helper';
import { findExecutable } from '../../server/documents/exec';
import { creditCodeCheckChar } from '../../server/forms/creditCode';
import { loadKnowledgeData } from '../../server/knowledge/load';
import { documentAnswerValue } from '../../server/documents/answers';
import { extractByRules, verifySuggestion } from '../../server/documents/extract';
import { NEW_ENTERPRISES } from '../fixtures/new-enterprises';
import { docxToPdfFile, multipart } from './files';

/*
 * Uploads in layouts the other document tests do not use, made here from the facts of N10 (a small
 * motor maker whose accounts are in 万元 with decimals): a licence whose text layer prints digits and
 * letters full width and pads labels with ideographic spaces, and a December monthly 利润表 in 万元
 * with 本月数 / 本年累计数 / 上年同期数 columns beside a balance sheet with 期末余额 / 年初余额.
 */
const haveSoffice = !!findExecutable(['soffice', 'libreoffice']);
const e = NEW_ENTERPRISES.find((x) => x.id.startsWith('N10'))!;
const form = e.form!;
const f2022 = form.finance!['2022']!;
const f2021 = form.finance!['2021']!;
const first17 = '91410702MA46L8M7X';
const creditCode = first17 + creditCodeCheckChar(first17)!;
const fullWidth = (s: string) => s.replace(/[0-9A-Za-z]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
const wan = (n: number) => n.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
// 本月数 figures: a December's own month, which belongs to no year column of the form.
const month = { revenue: 165.2, profit: 3.1, tax: 4.02 };

const para = (text: string) => new Paragraph({ children: [new TextRun({ text })] });
const table = (rows: string[][]) =>
  new Table({ rows: rows.map((r) => new TableRow({ children: r.map((t) => new TableCell({ width: { size: 1800, type: WidthType.DXA }, children: [para(t)] })) })) });

async function licenceDocx(): Promise<Buffer> {
  const [y, m, d] = form.foundedOn!.split('-');
  const doc = new Document({
    sections: [
      {
        children: [
          para('营\u3000业\u3000执\u3000照'),
          para(`统一社会信用代码\u3000${fullWidth(creditCode)}`),
          para(`名\u3000\u3000\u3000\u3000称\u3000${form.name}`),
          para('类\u3000\u3000\u3000\u3000型\u3000有限责任公司（自然人投资或控股）'),
          para('注\u3000册\u3000资\u3000本\u3000贰仟万圆整'),
          para(`成\u3000立\u3000日\u3000期\u3000${fullWidth(`${y}`)}年${fullWidth(m!)}月${fullWidth(d!)}日`),
          para(`住\u3000\u3000\u3000\u3000所\u3000${fullWidth(form.address!)}`),
        ],
      },
    ],
  });
  return Buffer.from(await Packer.toBuffer(doc));
}

/** The licence's particulars typed into a two-column table: each label in its own cell, its value in the next. */
async function licenceTableDocx(): Promise<Buffer> {
  const doc = new Document({
    sections: [
      {
        children: [
          para('营业执照（副本）'),
          table([
            ['统一社会信用代码', creditCode],
            ['名 称', form.name!],
            ['注册资本', '贰仟万圆整'],
            ['成立日期', form.foundedOn!.replace(/^(\d{4})-(\d{2})-(\d{2})$/, '$1年$2月$3日')],
            ['住 所', form.address!],
            ['登记机关', '新乡市市场监督管理局'],
          ]),
        ],
      },
    ],
  });
  return Buffer.from(await Packer.toBuffer(doc));
}

async function statementsDocx(): Promise<Buffer> {
  const doc = new Document({
    sections: [
      {
        children: [
          para('资产负债表'),
          para(`编制单位：${form.name}\u30002022年12月31日\u3000单位：万元`),
          table([
            ['资产', '期末余额', '年初余额'],
            ['资产总计', wan(f2022.totalAssets!), wan(f2021.totalAssets!)],
            ['负债合计', wan(f2022.totalLiabilities!), wan(f2021.totalLiabilities!)],
          ]),
        ],
      },
      {
        children: [
          para('利润表'),
          para(`编制单位：${form.name}\u30002022年12月\u3000金额单位：万元`),
          table([
            ['项目', '行次', '本月数', '本年累计数', '上年同期数'],
            ['一、营业收入', '1', wan(month.revenue), wan(f2022.revenue!), wan(f2021.revenue!)],
            ['税金及附加', '3', wan(month.tax), wan(f2022.tax!), wan(f2021.tax!)],
            ['三、利润总额（亏损总额以“－”号填列）', '18', wan(month.profit), wan(f2022.profit!), wan(f2021.profit!)],
          ]),
        ],
      },
    ],
  });
  return Buffer.from(await Packer.toBuffer(doc));
}

type Suggestion = { field: string; value: string | number };
let b: Built;
let auth: Record<string, string> = {};
let sessionId = '';
beforeAll(async () => {
  b = await build();
  const s = (await b.app.inject({ method: 'POST', url: '/api/sessions' })).json();
  sessionId = s.sessionId;
  auth = { authorization: `Bearer ${s.token}` };
}, 180_000);
afterAll(async () => {
  await b.close();
});

async function upload(name: string, data: Buffer): Promise<Record<string, string | number>> {
  const m = multipart(name, data);
  const r = await b.app.inject({ method: 'POST', url: `/api/sessions/${sessionId}/documents`, payload: m.payload, headers: { ...m.headers, ...auth } });
  expect(r.statusCode).toBe(201);
  return Object.fromEntries((r.json().suggestions as Suggestion[]).map((s) => [s.field, s.value]));
}

const financeOf = (years: Record<string, Record<string, number | undefined>>, keys: string[]) =>
  Object.fromEntries(Object.entries(years).flatMap(([y, f]) => keys.map((k) => [`finance.${y}.${k}`, f[k]])));

describe('a licence whose text prints digits and letters full width', () => {
  it('gives the credit code, the date and the address in their ASCII forms', async () => {
    expect(await upload('营业执照.docx', await licenceDocx())).toEqual({
      creditCode,
      name: form.name,
      registeredCapital: form.registeredCapital,
      foundedOn: form.foundedOn,
      address: form.address,
    });
  }, 60_000);

  it('a licence typed into a table, one cell per line, gives each particular from the cell after its label', async () => {
    expect(await upload('营业执照-表格.docx', await licenceTableDocx())).toEqual({
      creditCode,
      name: form.name,
      registeredCapital: form.registeredCapital,
      foundedOn: form.foundedOn,
      address: form.address,
    });
  }, 60_000);

  it('the server check accepts a full-width snippet for its ASCII value, and still refuses a value the page does not print', () => {
    const docs = loadKnowledgeData('knowledge', 'henan-2023').formDrafting.documents;
    const page = `成\u3000立\u3000日\u3000期\u3000２０１６年０３月０８日\n统一社会信用代码\u3000${fullWidth(creditCode)}`;
    const found = extractByRules([page], 'x', docs);
    expect(found.map((s) => s.value).sort()).toEqual([creditCode, '2016-03-08'].sort());
    for (const s of found) expect(verifySuggestion([page], s)).toBe(true);
    expect(verifySuggestion([page], { ...found[0]!, value: '2016-03-09', raw: '２０１６年０３月０９日' })).toBe(false);
  });
});

describe('statements in 万元 with 本月数, 本年累计数 and 上年同期数 columns', () => {
  const expected = {
    ...financeOf({ 2022: f2022, 2021: f2021 }, ['totalAssets', 'totalLiabilities', 'revenue', 'profit', 'tax']),
  };

  it('DOCX: each year takes its own column; the month column goes nowhere; 万元 decimals are kept', async () => {
    const got = await upload('财务报表.docx', await statementsDocx());
    expect(got).toEqual(expected);
    for (const v of Object.values(month)) expect(Object.values(got)).not.toContain(v);
  }, 60_000);

  it.skipIf(!haveSoffice)('the same statements as a PDF read the same', async () => {
    expect(await upload('财务报表.pdf', await docxToPdfFile(await statementsDocx()))).toEqual(expected);
  }, 300_000);

  it('without a year stated for the month, the 本年累计 and 上年同期 columns give no year', () => {
    const docs = loadKnowledgeData('knowledge', 'henan-2023').formDrafting.documents;
    const page = ['利润表', '2023年6月', '单位：万元', '项目 行次 本月数 本年累计数 上年同期数', '一、营业收入 1 165.20 987.36 916.48'].join('\n');
    expect(extractByRules([page], 'x', docs)).toEqual([]);
  });
});

/*
 * Two more layouts, from the facts of N14 (a 分公司) and N16 (an electronics maker): a branch's licence,
 * which prints 营业场所 and 负责人 where a company's prints 住所 and 法定代表人 and has no 注册资本, and
 * statements whose amounts are in 千元 (「金额单位：人民币千元」), as larger companies' audited accounts print them.
 */
const branch = NEW_ENTERPRISES.find((x) => x.id.startsWith('N14'))!.form!;
const branchFirst17 = '91410305MA9F3KQ21';
const branchCode = branchFirst17 + creditCodeCheckChar(branchFirst17)!;
const smt = NEW_ENTERPRISES.find((x) => x.id.startsWith('N16'))!.form!;
const qian = (wanValue: number) => (wanValue * 10).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

async function branchLicenceDocx(): Promise<Buffer> {
  const doc = new Document({
    sections: [
      {
        children: [
          para('营业执照'),
          para(`统一社会信用代码 ${branchCode}`),
          para(`名称 ${branch.name}`),
          para('类型 有限责任公司分公司（自然人投资或控股）'),
          para('负责人 王建国'),
          para(`营业场所 ${branch.address}`),
          para('经营范围 轴承及配件的生产、销售（依法须经批准的项目，经相关部门批准后方可开展经营活动）'),
          para(`成立日期 ${branch.foundedOn!.replace(/^(\d{4})-(\d{2})-(\d{2})$/, '$1年$2月$3日')}`),
        ],
      },
    ],
  });
  return Buffer.from(await Packer.toBuffer(doc));
}

async function thousandsDocx(): Promise<Buffer> {
  const y22 = smt.finance!['2022']!;
  const y21 = smt.finance!['2021']!;
  const doc = new Document({
    sections: [
      {
        children: [
          para('合并资产负债表'),
          para('2022年12月31日'),
          para(`编制单位：${smt.name}\u3000金额单位：人民币千元`),
          table([
            ['项目', '附注', '期末余额', '期初余额'],
            ['资产总计', '', qian(y22.totalAssets!), qian(y21.totalAssets!)],
            ['负债合计', '', qian(y22.totalLiabilities!), qian(y21.totalLiabilities!)],
          ]),
          para('合并利润表'),
          para('2022年度'),
          para('金额单位：人民币千元'),
          table([
            ['项目', '附注', '本期金额', '上期金额'],
            ['一、营业总收入', '五、30', qian(y22.revenue!), qian(y21.revenue!)],
            ['税金及附加', '五、31', qian(y22.tax!), qian(y21.tax!)],
            ['四、利润总额', '', qian(y22.profit!), qian(y21.profit!)],
          ]),
        ],
      },
    ],
  });
  return Buffer.from(await Packer.toBuffer(doc));
}

describe('a branch\'s licence (营业场所, 负责人, no 注册资本)', () => {
  it('gives the code, the name, the date and the address from 营业场所, and no registered capital it does not print', async () => {
    expect(await upload('分公司营业执照.docx', await branchLicenceDocx())).toEqual({
      creditCode: branchCode,
      name: branch.name,
      foundedOn: branch.foundedOn,
      address: branch.address,
      // 类型 「有限责任公司分公司」: the interview's 二(一) question, answered as the licence reads.
      'ent.independentLegalPerson': '否',
    });
  }, 60_000);

  it('suggests 「否」 to the interview\'s 独立法人资格 question, stores nothing until accepted, then blocks under 二(一)', async () => {
    const s = (await b.app.inject({ method: 'POST', url: '/api/sessions' })).json();
    const own = { authorization: `Bearer ${s.token}` };
    const m = multipart('分公司营业执照.docx', await branchLicenceDocx());
    const r = await b.app.inject({ method: 'POST', url: `/api/sessions/${s.sessionId}/documents`, payload: m.payload, headers: { ...m.headers, ...own } });
    expect(r.statusCode).toBe(201);
    const q = loadKnowledgeData('knowledge', 'henan-2023').interview.questions.find((x) => x.id === 'ent.independentLegalPerson')!;
    const suggestion = (r.json().suggestions as (Suggestion & { label: string; source: { snippet: string } })[]).find((x) => x.field === q.id)!;
    expect(suggestion.label).toBe(q.label);
    expect(suggestion.source.snippet).toContain('分公司');
    // The question's own value travels with the reading, for the page to record it over the chat like a typed answer.
    expect((suggestion as { answer?: unknown }).answer).toBe(false);
    // Form facts carry no such value: they are accepted as read or edited.
    expect((r.json().suggestions as { field: string; answer?: unknown }[]).filter((x) => x.answer !== undefined).map((x) => x.field)).toEqual([q.id]);
    const before = (await b.app.inject({ method: 'GET', url: `/api/sessions/${s.sessionId}`, headers: own })).json();
    expect(before.answers).not.toHaveProperty([q.id]);
    expect(before.assessment.blocking).toEqual([]);
    const ok = await b.app.inject({ method: 'POST', url: `/api/sessions/${s.sessionId}/documents/${r.json().documentId}/accept`, headers: own, payload: { field: q.id, value: suggestion.value } });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().recorded.map((x: { questionId: string }) => x.questionId)).toEqual([q.id]);
    const after = (await b.app.inject({ method: 'GET', url: `/api/sessions/${s.sessionId}`, headers: own })).json();
    expect(after.answers[q.id]).toBe(false);
    expect(after.assessment.blocking.map((x: { clause: string }) => x.clause)).toEqual(['二(一)']);
    // Only what the knowledge lets a document answer: another interview question is refused.
    const other = await b.app.inject({ method: 'POST', url: `/api/sessions/${s.sessionId}/documents/${r.json().documentId}/accept`, headers: own, payload: { field: 'ent.operatingWell', value: '是' } });
    expect(other.statusCode).toBe(400);
  }, 60_000);
});

describe('a document\'s reading of an interview question as the question\'s value', () => {
  const kb = loadKnowledgeData('knowledge', 'henan-2023');
  const v = kb.interview.vocabulary;
  it('turns the yes/no display words into the answer, and leaves other readings and questions as they are', () => {
    expect(documentAnswerValue(kb, 'ent.independentLegalPerson', v.noDisplay)).toBe(false);
    expect(documentAnswerValue(kb, 'ent.independentLegalPerson', ` ${v.yesDisplay} `)).toBe(true);
    expect(documentAnswerValue(kb, 'ent.independentLegalPerson', '分公司')).toBe('分公司');
    expect(documentAnswerValue(kb, 'ent.industryCode', v.noDisplay)).toBe(v.noDisplay);
    expect(documentAnswerValue(kb, 'ent.nonexistent', v.noDisplay)).toBe(v.noDisplay);
  });
});

describe('statements in 千元', () => {
  const expected = financeOf({ 2022: smt.finance!['2022']!, 2021: smt.finance!['2021']! }, ['totalAssets', 'totalLiabilities', 'revenue', 'profit', 'tax']);

  it('DOCX: amounts in 千元 are read in 万元 (a tenth), each year from its own column', async () => {
    expect(await upload('审计报告-千元.docx', await thousandsDocx())).toEqual(expected);
  }, 60_000);

  it.skipIf(!haveSoffice)('the same statements as a PDF read the same', async () => {
    expect(await upload('审计报告-千元.pdf', await docxToPdfFile(await thousandsDocx()))).toEqual(expected);
  }, 300_000);

  it('a 千元 statement after a 元 one on the same page is read in its own unit', () => {
    const docs = loadKnowledgeData('knowledge', 'henan-2023').formDrafting.documents;
    const page = ['资产负债表', '2022年12月31日', '单位：元', '项目 期末余额 期初余额', '资产总计 301,500,000.00 286,000,000.00', '利润表', '2022年度', '单位：千元', '项目 本期金额 上期金额', '营业收入 120,000.00 108,000.00'].join('\n');
    const got = Object.fromEntries(extractByRules([page], 'x', docs).map((x) => [x.field, x.value]));
    expect(got).toEqual({ 'finance.2022.totalAssets': 30150, 'finance.2021.totalAssets': 28600, 'finance.2022.revenue': 12000, 'finance.2021.revenue': 10800 });
  });
});

