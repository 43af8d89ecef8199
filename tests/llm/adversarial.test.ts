import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { llmConnection, loadConfig } from '../../server/config';
import { createLlm, type Llm } from '../../server/llm/provider';
import { loadKnowledgeData } from '../../server/knowledge/load';
import { createKnowledgeBase } from '../../server/knowledge/base';
import { loadTemplates } from '../../server/forms/template';
import { draftSection, type FormsContext } from '../../server/forms/draft';
import { draftSectionWithLlm } from '../../server/llm/forms';
import { DraftProfile, type DraftProfileInput } from '../../server/schemas/forms';
import { discreteComplete } from '../forms/fixtures';
import { startFakeOpenAI, type FakeOpenAI } from '../fakes/openai-server';

/*
 * A model that rewrites the offline draft with one claim changed, the way a fluent but careless model
 * does: a figure moved to another fact, a plan written as done, a partial system as a whole one, the title
 * applied for claimed as held, a request for a missing fact dropped. Each must fall back to the offline draft.
 */
const data = loadKnowledgeData('knowledge', 'henan-2023');
const kb = createKnowledgeBase(data);
const forms: FormsContext = { ...data, templates: loadTemplates(), engine: data };
const base = discreteComplete as DraftProfileInput;
const offline = (p: DraftProfileInput, section: string) => draftSection(forms, DraftProfile.parse(p), 'discreteFactory', section);

let fake: FakeOpenAI;
let llm: Llm;
let reply = '';
beforeAll(async () => {
  fake = await startFakeOpenAI({ fallback: () => ({ kind: 'text', text: reply, chunks: [reply] }) });
  llm = createLlm(llmConnection(loadConfig({ LLM_BASE_URL: fake.url, LLM_MODEL: 'm', LLM_TIMEOUT_MS: '3000', LLM_MAX_RETRIES: '0' }))!);
});
afterAll(() => fake.close());

/** The model's reply is the offline text with `change` applied; the change must have hit. */
async function rewrite(p: DraftProfileInput, section: string, change: (o: string) => string) {
  const o = offline(p, section);
  reply = change(o.text);
  expect(reply, 'the rewrite changes the offline text').not.toBe(o.text);
  return { o, r: await draftSectionWithLlm(llm, kb, forms, DraftProfile.parse(p), 'discreteFactory', section, { sessionKey: 's' }) };
}

describe('a request for a missing fact the model drops', () => {
  // No workshop descriptions: the dispatch cell asks for them.
  const missing = structuredClone(base) as { form: { workshops: { descriptions?: unknown }[] } };
  for (const w of missing.form.workshops) delete w.descriptions;

  it('keeps a rewrite that keeps the request', async () => {
    const { r } = await rewrite(missing as DraftProfileInput, 'ws.dispatch', (o) => `目前，${o}`);
    expect(r.source).toBe('llm');
  });

  it('falls back when the request is gone or cut short', async () => {
    for (const change of [(o: string) => o.replace(/〔请补充：[^〕]*〕/, ''), (o: string) => o.replace(/〔请补充：[^〕]*〕/, '〔请补充：MES 的排产与调度应用情况〕')]) {
      const { o, r } = await rewrite(missing as DraftProfileInput, 'ws.dispatch', change);
      expect(o.missingFacts.length).toBeGreaterThan(0);
      expect(r.source).toBe('offline');
      expect(r.draft.text).toBe(o.text);
      expect(r.notice).toContain('〔请补充：');
    }
  });
});

describe('a figure moved to another fact', () => {
  const FIN = '2022年，公司实现营业收入86000万元，利润6300万元，上缴税金3120万元。';

  it.each([
    ['the R&D staff’s figure given as the head count', (o: string) => o.replace('公司现有员工620人', '公司现有员工96人'), /现有员工96/],
    ['2020’s revenue stated for 2022', (o: string) => o.replace('营业收入86000万元', '营业收入68000万元'), /2022年营业收入68000/],
    ['profit and tax swapped in a 分别 list', (o: string) => o.replace(FIN, '2022年，公司营业收入、利润和税金分别为86000万元、3120万元和6300万元。'), /利润3120/],
    ['two years’ revenue swapped in a 分别 list', (o: string) => o.replace(FIN, '2020年、2021年、2022年，公司营业收入分别为76500万元、68000万元和86000万元。'), /2020年营业收入76500/],
  ])('falls back when %s', async (_name, change, claim) => {
    const { o, r } = await rewrite(base, 'enterpriseIntro', change);
    expect(r.source).toBe('offline');
    expect(r.draft.text).toBe(o.text);
    expect(r.violations.join('、')).toMatch(claim);
  });

  it.each([
    ['the figures reworded', (o: string) => o.replace(FIN, '2022年，公司营业收入为8.6亿元，利润6300万元，上缴税金3120万元。')],
    ['the figures as a 分别 list', (o: string) => o.replace(FIN, '2022年，公司营业收入、利润和税金分别为86000万元、6300万元和3120万元。')],
    ['three years’ revenue in a 分别 list', (o: string) => o.replace(FIN, '2020年、2021年、2022年，公司营业收入分别为68000万元、76500万元和86000万元。')],
  ])('keeps %s', async (_name, change) => {
    const { r } = await rewrite(base, 'enterpriseIntro', change);
    expect(r.violations).toEqual([]);
    expect(r.source).toBe('llm');
  });
});

describe('a status, a partial system or a title stated beyond the facts', () => {
  const MKT = /公司为国内多家主流整车厂[^。]*。/;
  // Partly confirmed MES and Andon, no workshop descriptions: the offline draft says 「部分应用」.
  const partial = structuredClone(base) as { capabilities: Record<string, unknown>; form: { workshops: { descriptions?: unknown }[]; rnd?: unknown } };
  partial.capabilities.mes = 'partial';
  partial.capabilities.andon = 'partial';
  for (const w of partial.form.workshops) delete w.descriptions;
  delete partial.form.rnd;
  const P = partial as DraftProfileInput;

  it.each([
    ['a plan written as built', base, 'enterpriseIntro', (o: string) => o.replace('2019年启动数字化工厂规划', '2019年建成数字化工厂'), /建成数字化工厂/],
    ['a partly applied system written as applied', P, 'ws.dispatch', (o: string) => o.replace('公司部分应用', '公司应用'), /（部分）/],
    ['the title applied for written as held', base, 'enterpriseIntro', (o: string) => o.replace(MKT, '公司已被评为河南省智能工厂。'), /智能工厂称号/],
    ['a claim of framing words only', base, 'enterpriseIntro', (o: string) => o.replace(MKT, '公司已实现生产数据管理。'), /实现生产数据管理/],
    ['a claim spelled from bigrams of unrelated facts', base, 'enterpriseIntro', (o: string) => o.replace(MKT, '公司实现生产管理数据信息系统平台一体化。'), /平台一体化/],
  ])('falls back on %s', async (_name, p, section, change, claim) => {
    const { o, r } = await rewrite(p as DraftProfileInput, section, change);
    expect(r.source).toBe('offline');
    expect(r.draft.text).toBe(o.text);
    expect(r.violations.join('、')).toMatch(claim);
  });

  it.each([
    ['what the enterprise built, as built', base, 'enterpriseIntro', (o: string) => o.replace('公司由本地铸造厂改制设立，先后建成', '公司由本地铸造厂改制设立，并先后建成了')],
    ['a partly applied system kept partial', P, 'ws.dispatch', (o: string) => o.replace('公司部分应用', '目前，公司部分应用')],
    ['a plan kept a plan', base, 'enterpriseIntro', (o: string) => o.replace('2019年启动数字化工厂规划', '2019年公司启动数字化工厂规划')],
  ])('keeps %s', async (_name, p, section, change) => {
    const { r } = await rewrite(p as DraftProfileInput, section, change);
    expect(r.violations).toEqual([]);
    expect(r.source).toBe('llm');
  });

  it('lets a prior title the enterprise gave be stated as held', async () => {
    const titled = structuredClone(base) as { enterprise: { priorTitles: string[] } };
    titled.enterprise.priorTitles = ['smartWorkshop'];
    const { r } = await rewrite(titled as DraftProfileInput, 'enterpriseIntro', (o) => o.replace(MKT, '公司已被评为河南省智能车间。'));
    expect(r.violations.join('、')).not.toMatch(/称号/);
    const { r: factory } = await rewrite(titled as DraftProfileInput, 'enterpriseIntro', (o) => o.replace(MKT, '公司已被评为河南省智能工厂。'));
    expect(factory.violations.join('、')).toMatch(/智能工厂称号/);
  });
});
