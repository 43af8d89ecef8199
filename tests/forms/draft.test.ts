import { describe, expect, it } from 'vitest';
import { loadKnowledgeData } from '../../server/knowledge/load';
import { loadTemplates } from '../../server/forms/template';
import { draftSection, sectionIds, type FormsContext } from '../../server/forms/draft';
import { fillForm, missingFields } from '../../server/forms/fill';
import { DraftProfile } from '../../server/schemas/forms';
import type { Category } from '../../server/schemas/profile';
import { completeFixtures, sparse } from './fixtures';
import { traceProblems } from './trace';

const ctx: FormsContext = { ...loadKnowledgeData('knowledge', 'henan-2023'), templates: loadTemplates() };
const categories: Category[] = ['smartWorkshop', 'discreteFactory', 'processFactory'];

describe.each(categories)('complete draft of the %s form', (category) => {
  const profile = DraftProfile.parse(completeFixtures[category]);
  const form = fillForm(ctx, profile, category);

  it('fills every field, matrix cell, workshop cell and section without a placeholder', () => {
    expect(missingFields(form)).toEqual([]);
    expect(JSON.stringify(form)).not.toContain('〔待补充');
  });

  it('keeps 企业简介 and 建设情况简述 within 360–440 字', () => {
    for (const id of ['enterpriseIntro', 'constructionSummary']) {
      const d = form.drafts[id]!;
      expect(d.length, `${id}: ${d.text}`).toBeGreaterThanOrEqual(360);
      expect(d.length, `${id}: ${d.text}`).toBeLessThanOrEqual(440);
      expect(d.withinTarget).toBe(true);
    }
  });

  it('traces every number of every draft and every table cell to a fact or a computed value', () => {
    const all = [
      ...Object.values(form.drafts).map((d) => [d.section, d.text, d.numbers] as const),
      ...Object.entries(form.values).map(([id, v]) => [id, v.text, v.numbers] as const),
      ...Object.entries(form.matrices).flatMap(([id, rows]) => rows.flat().map((c) => [id, c.text, c.numbers] as const)),
      ...form.workshops.flatMap((w, i) => Object.entries(w.cells).map(([id, c]) => [`ws${i}.${id}`, c.text, c.numbers] as const)),
    ];
    for (const [id, text, numbers] of all) expect(traceProblems(profile, text, numbers), id).toEqual([]);
  });

  it('drafts section 三 element by element in the order of the notice', () => {
    const d = form.drafts['detail.elements']!;
    const positions = form.spec.section3.elements.map((e) => d.text.indexOf(e.title));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  });

  it('writes system names in full with their abbreviation, in the notice wording', () => {
    const text = Object.values(form.drafts).map((d) => d.text).join('');
    expect(text).toContain('制造执行系统（MES），实现');
  });
});

describe('drafting with missing facts', () => {
  const profile = DraftProfile.parse(sparse);

  it('puts visible placeholders where facts are missing and lists them, without inventing values', () => {
    const d = draftSection(ctx, profile, 'discreteFactory', 'enterpriseIntro');
    expect(d.text).toContain('〔待补充：成立时间〕');
    expect(d.missingFacts).toEqual(expect.arrayContaining(['成立时间', '单位地址', '主营业务', '市场营销']));
    expect(d.text).toContain('新乡某机械有限公司');
    // The only number the enterprise gave is its 2022 revenue; nothing else may appear.
    expect(traceProblems(profile, d.text, d.numbers)).toEqual([]);
    for (const run of d.text.match(/\d+(?:\.\d+)?/g) ?? []) expect(['2022', '5000']).toContain(run);
  });

  it('flags unmet elements in section 三 and lists them', () => {
    const d = draftSection(ctx, profile, 'discreteFactory', 'detail.elements');
    expect(d.unmet).toEqual(['三(二)1', '三(二)2', '三(二)3', '三(二)4', '三(二)5', '三(二)6']);
    expect(d.text).toMatch(/〔待补充：生产制造——尚未满足：[^〕]*安灯系统（Andon）/);
    expect(d.missingFacts.length).toBeGreaterThan(0);
  });

  it('leaves every table value it does not know as a placeholder', () => {
    const form = fillForm(ctx, profile, 'discreteFactory');
    expect(form.matrices.finance![3]![2]!.text).toBe('5000');
    expect(form.matrices.finance![2]![2]!.missing).toMatch(/资产负债率/);
    expect(form.matrices.benefits!.flat().every((c) => c.missing)).toBe(true);
    expect(form.values.creditCode!.text).toBe('〔待补充：统一社会信用代码〕');
    for (const c of form.matrices.benefits!.flat()) expect(c.text).not.toMatch(/\d/);
  });

  it('rejects a section the form does not have', () => {
    expect(() => draftSection(ctx, profile, 'smartWorkshop', 'overview.tech')).toThrow(/没有可起草的栏目/);
  });

  it('lists the two 400字 section ids for every form', () => {
    for (const c of categories) expect(sectionIds(ctx, c).map((s) => s.id)).toEqual(expect.arrayContaining(['enterpriseIntro', 'constructionSummary', 'detail.elements']));
  });
});

describe('templates', () => {
  it('refuses a template line that writes a digit, because drafts may only carry numbers from facts', async () => {
    const { parseTemplate } = await import('../../server/forms/template');
    expect(() => parseTemplate('x.md', '! 公司已有5条生产线。')).toThrow(/digits are not allowed/);
    expect(parseTemplate('y.md', '?2 公司注册资本{registeredCapital}万元。').lines[0]).toMatchObject({ required: false, priority: 2 });
  });
});

describe('drafting never invents numbers', () => {
  it.each(categories)('every section of the %s form drafted from a sparse profile traces all its digits', (category) => {
    const profile = DraftProfile.parse(sparse);
    const form = fillForm(ctx, profile, category);
    for (const d of Object.values(form.drafts)) expect(traceProblems(profile, d.text, d.numbers), d.section).toEqual([]);
    for (const w of form.workshops) for (const [id, c] of Object.entries(w.cells)) expect(traceProblems(profile, c.text, c.numbers), id).toEqual([]);
    expect(missingFields(form).length).toBeGreaterThan(10);
  });

  it('uses the edited text of a section instead of the generated draft, per workshop too', () => {
    const profile = DraftProfile.parse(completeFixtures.discreteFactory);
    const form = fillForm(ctx, profile, 'discreteFactory', { enterpriseIntro: '改写后的简介〔待补充：荣誉〕', 'ws.infra@2': '机加工车间网络由企业自行改写。' });
    expect(form.drafts.enterpriseIntro).toMatchObject({ text: '改写后的简介〔待补充：荣誉〕', missingFacts: ['荣誉'] });
    expect(form.values.enterpriseIntro!.text).toBe('改写后的简介〔待补充：荣誉〕');
    expect(form.workshops[1]!.cells['ws.infra']!.text).toBe('机加工车间网络由企业自行改写。');
    expect(form.workshops[0]!.cells['ws.infra']!.text).toContain('铸造车间部署千兆工业以太网');
  });
});
