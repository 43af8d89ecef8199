import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build, type Built } from '../helper';
import { startFakeOpenAI, type FakeOpenAI } from '../fakes/openai-server';
import { llmConnection, loadConfig } from '../../server/config';
import { createLlm } from '../../server/llm/provider';
import { loadKnowledgeData } from '../../server/knowledge/load';
import { extractWithModel } from '../../server/documents/model';
import { verifySuggestion } from '../../server/documents/extract';
import { docx, newSession, para, postDocument } from './layouts';

let fake: FakeOpenAI;
let b: Built;
beforeAll(async () => {
  fake = await startFakeOpenAI();
  b = await build({ LLM_BASE_URL: fake.url, LLM_MODEL: 'm', LLM_TIMEOUT_MS: '2000', LLM_MAX_RETRIES: '0' });
}, 120_000);
afterAll(async () => {
  await b.close();
  await fake.close();
});

/** Uploads a DOCX of `lines`, a paragraph each, into a new session, as the browser does. */
const upload = async (name: string, lines: string[]) => postDocument(b.app, await newSession(b.app), name, await docx(lines.map(para)));

describe('documents read by a model, checked by the server', () => {
  it('asks the model for the fields the rules can fill, the project\'s and the workshop\'s too, and checks a count as a count', async () => {
    // No sentence about the project or its workshop: the rules read none of these figures.
    const text = '设备情况\n联网设备共计118台（套）。';
    fake.enqueue({
      kind: 'tool',
      name: 'record_document_facts',
      args: JSON.stringify({
        facts: [
          { field: 'ws.1.networkedEquipment', value: 118, printed: '118台（套）', snippet: '联网设备共计118台（套）。' },
          // The figure printed under another count's label.
          { field: 'ws.1.equipmentTotal', value: 118, printed: '118台（套）', snippet: '联网设备共计118台（套）。' },
          // A count is the number printed, not ten thousand times it.
          { field: 'employees', value: 1180000, printed: '118台（套）', snippet: '联网设备共计118台（套）。' },
        ],
      }),
    });
    const r = await upload('设备情况.docx', text.split('\n'));
    expect(r.statusCode, r.body).toBe(201);
    expect(r.json().suggestions.map((x: { field: string; value: number }) => [x.field, x.value])).toEqual([['ws.1.networkedEquipment', 118]]);
    const asked = fake.requests.at(-1)!.body.messages.map((x) => x.content ?? '').join('\n');
    for (const f of ['project.investment', 'ws.1.equipmentTotal', 'employees', 'rnd.staff', 'finance.2022.revenue']) expect(asked).toContain(f);
  }, 120_000);

  it('keeps a model fact whose snippet is in the text and value in the snippet, and drops an invented one', async () => {
    // A company profile with no labelled fields the offline rules know; the capital, inside a phrase, only the model reads.
    const text = '企业简介\n公司现有员工620人，是注册资本1.2亿元的高新技术企业。\n公司拥有有效专利58项。';
    fake.enqueue({
      kind: 'tool',
      name: 'record_document_facts',
      args: JSON.stringify({
        facts: [
          { field: 'registeredCapital', value: 12000, printed: '1.2亿元', snippet: '公司现有员工620人，是注册资本1.2亿元的高新技术企业。' },
          // Invented: the snippet is not in the document.
          { field: 'finance.2022.revenue', value: 86000, printed: '8.6亿元', snippet: '2022年营业收入8.6亿元。' },
          // Inconsistent: the value is not what the snippet prints.
          { field: 'address', value: '郑州市金水路1号', printed: '郑州市金水路1号', snippet: '公司现有员工620人' },
        ],
      }),
    });
    const r = await upload('企业简介.docx', text.split('\n'));
    expect(r.statusCode).toBe(201);
    const sug = r.json().suggestions;
    // The head count its sentence binds is the rules' reading; the capital the model's.
    expect(sug).toEqual([
      expect.objectContaining({ field: 'employees', value: 620 }),
      expect.objectContaining({ field: 'registeredCapital', value: 12000, source: { file: '企业简介.docx', page: 1, snippet: '公司现有员工620人，是注册资本1.2亿元的高新技术企业。' } }),
    ]);
    // The document reached the model only inside the delimited data block.
    const sent = fake.requests.at(-1)!.body.messages.map((x) => x.content ?? '').join('\n');
    expect(sent).toContain('材料原文');
    expect(sent).toContain('注册资本1.2亿元');
  }, 120_000);

  it('reads amounts in Chinese numerals, offers a round figure (约, 余, 近) only as round, and drops a figure whose snippet names another year', async () => {
    const lines = [
      '河南嵩岳新材料科技有限公司成立于二〇一四年九月，注册资本叁仟万元。',
      '2022年实现营业收入约三点二亿元，利润总额二千一百万元，上缴税金一千零五十万元。',
      '2021年营业收入29,876.40万元，职工八百余人。',
      '2020年营业收入近2.6亿元。',
    ];
    fake.enqueue({
      kind: 'tool',
      name: 'record_document_facts',
      args: JSON.stringify({
        facts: [
          { field: 'registeredCapital', value: 3000, printed: '叁仟万元', snippet: lines[0] },
          // 约: the sentence gives a round figure, not the revenue the form asks for.
          { field: 'finance.2022.revenue', value: 32000, printed: '三点二亿元', snippet: lines[1] },
          { field: 'finance.2022.profit', value: 2100, printed: '二千一百万元', snippet: lines[1] },
          { field: 'finance.2022.tax', value: 1050, printed: '一千零五十万元', snippet: lines[1] },
          // Rescaled: 2100 万元 given as 21 万元.
          { field: 'finance.2021.profit', value: 21, printed: '二千一百万元', snippet: lines[1] },
          // The snippet names 2021年 only, the field 2020.
          { field: 'finance.2020.revenue', value: 29876.4, printed: '29,876.40万元', snippet: lines[2] },
          { field: 'finance.2021.revenue', value: 29876.4, printed: '29,876.40万元', snippet: lines[2] },
          // 近: a round figure again, in figures this time.
          { field: 'finance.2020.revenue', value: 26000, printed: '2.6亿元', snippet: lines[3] },
        ],
      }),
    });
    const r = await upload('企业简介.docx', lines);
    expect(r.statusCode).toBe(201);
    // The rules read the sentences first: the model's round figures are dropped, the rules' own offered as round.
    // 职工八百余人 in a sentence about 2021 is no head count of now: not read.
    expect(Object.fromEntries((r.json().suggestions as { field: string; value: number; approximate?: true }[]).map((x) => [x.field, x.approximate ? `≈${x.value}` : x.value]))).toEqual({
      // 成立于二〇一四年九月 is the company's own sentence: its founding month, to the precision printed.
      foundedOn: '2014-09',
      registeredCapital: 3000,
      'finance.2022.revenue': '≈32000',
      'finance.2022.profit': 2100,
      'finance.2022.tax': 1050,
      'finance.2021.revenue': 29876.4,
      'finance.2020.revenue': '≈26000',
    });
  }, 120_000);

  it('sends a document holding 「$`」 and 「$\'」 to the model as written', async () => {
    // In a string replacement 「$`」 is the text before the match and 「$'」 the text after: the prompt would be mangled.
    const line = "单价为$`100$' 的备注行，{{fields}} 原样。";
    fake.enqueue({ kind: 'tool', name: 'record_document_facts', args: JSON.stringify({ facts: [] }) });
    const r = await upload('企业简介.docx', ['企业简介', line]);
    expect(r.statusCode).toBe(201);
    const user = fake.requests.at(-1)!.body.messages.find((x) => x.role === 'user')!.content ?? '';
    expect(user).toContain("单价为$`100$' 的备注行");
    expect(user.match(/可以填写的字段/g)).toHaveLength(1);
  }, 120_000);

  it('falls back to the rules when the model fails', async () => {
    fake.enqueue({ kind: 'status', status: 500 });
    const before = fake.requests.length;
    const r = await upload('营业执照.docx', ['营业执照', '统一社会信用代码：91410300MA9F3R1L6C']);
    expect(r.statusCode).toBe(201);
    expect(fake.requests.length).toBe(before + 1);
    expect(r.json().suggestions).toEqual([expect.objectContaining({ field: 'creditCode', value: '91410300MA9F3R1L6C' })]);
  }, 120_000);
});

describe('a model fact must be printed as the field’s own', () => {
  const docs = loadKnowledgeData('knowledge', 'henan-2023').formDrafting.documents;
  const page = [
    '企业简介',
    '名称：郑州瑞达机械有限公司洛阳分公司',
    '营业期限：2011年4月20日至2031年4月19日',
    '2022年公司实现利润总额6300万元，上缴税金3120万元。2022年营业收入为86,000,000元。',
    '本报告由河南某会计师事务所出具（统一社会信用代码91410100MA44ABCDEF）。',
  ].join('\n');
  const fields = ['creditCode', 'name', 'foundedOn', 'registeredCapital', 'address', 'finance.2022.revenue', 'finance.2022.profit', 'finance.2022.tax', 'finance.2021.revenue'];
  const F = (field: string, value: string | number, printed: string, snippet: string) => ({ field, value, printed, snippet });
  async function read(f: ReturnType<typeof F>) {
    const llm = createLlm(llmConnection(loadConfig({ LLM_BASE_URL: fake.url, LLM_MODEL: 'm', LLM_TIMEOUT_MS: '2000', LLM_MAX_RETRIES: '0' }))!);
    fake.enqueue({ kind: 'tool', name: 'record_document_facts', args: JSON.stringify({ facts: [f] }) });
    return (await extractWithModel(llm, [page], 'a.pdf', fields, docs)).filter((s) => verifySuggestion([page], s)).map((s) => [s.field, s.value]);
  }

  it.each([
    ['a profit given as revenue', F('finance.2022.revenue', 6300, '6300万元', '2022年公司实现利润总额6300万元')],
    ['an amount in 元 given as 万元', F('finance.2022.revenue', 86000000, '86,000,000元', '2022年营业收入为86,000,000元')],
    ['a tax given as revenue of a year the snippet does not name', F('finance.2021.revenue', 3120, '3120万元', '上缴税金3120万元')],
    ['a branch’s name cut to its company’s', F('name', '郑州瑞达机械有限公司', '郑州瑞达机械有限公司洛阳分公司', '名称：郑州瑞达机械有限公司洛阳分公司')],
    ['another body’s code with a wrong check character', F('creditCode', '91410100MA44ABCDEF', '91410100MA44ABCDEF', '统一社会信用代码91410100MA44ABCDEF')],
    ['the start of 营业期限 given as the founding date', F('foundedOn', '2011-04-20', '2011年4月20日', '营业期限：2011年4月20日至2031年4月19日')],
  ])('drops %s', async (_name, f) => {
    expect(await read(f)).toEqual([]);
  }, 30_000);

  it.each([
    ['revenue in 元, converted to 万元', F('finance.2022.revenue', 8600, '86,000,000元', '2022年营业收入为86,000,000元'), 8600],
    ['a profit under its own label', F('finance.2022.profit', 6300, '6300万元', '2022年公司实现利润总额6300万元'), 6300],
    ['a tax after another figure of the year', F('finance.2022.tax', 3120, '3120万元', '2022年公司实现利润总额6300万元，上缴税金3120万元'), 3120],
    ['a branch’s whole name', F('name', '郑州瑞达机械有限公司洛阳分公司', '郑州瑞达机械有限公司洛阳分公司', '名称：郑州瑞达机械有限公司洛阳分公司'), '郑州瑞达机械有限公司洛阳分公司'],
  ])('keeps %s', async (_name, f, value) => {
    expect(await read(f)).toEqual([[f.field, value]]);
  }, 30_000);
});
