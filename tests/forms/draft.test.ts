import { describe, expect, it } from 'vitest';
import { loadKnowledgeData } from '../../server/knowledge/load';
import { loadTemplates } from '../../server/forms/template';
import { draftSection, placeholder, sectionIds, type FormsContext } from '../../server/forms/draft';
import { fill } from '../../server/engine/kb';
import { fillForm, missingFields } from '../../server/forms/fill';
import { DraftProfile } from '../../server/schemas/forms';
import type { Category } from '../../server/schemas/profile';
import { completeFixtures, sparse } from './fixtures';
import { traceProblems } from './trace';
import { capabilityTerms, draftClaimProblems, sentenceProblems } from './claims';
import { formFactsFromAnswers } from '../../server/forms/phase';

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

  it('names a confirmed system in full with its abbreviation, and never lets the notice say what it achieves', () => {
    const text = Object.values(form.drafts).map((d) => d.text).join('');
    expect(text).toMatch(/制造执行系统（MES）|MES/);
    for (const [id, c] of Object.entries(ctx.formDrafting.capabilities)) expect(text, id).not.toContain(c.achieve);
  });
});

describe('drafting with missing facts', () => {
  const profile = DraftProfile.parse(sparse);

  it('puts visible placeholders where facts are missing and lists them, without inventing values', () => {
    const d = draftSection(ctx, profile, 'discreteFactory', 'enterpriseIntro');
    expect(d.text).toContain('〔请补充：成立时间〕');
    expect(d.missingFacts).toEqual(expect.arrayContaining(['成立时间', '单位地址', '主营业务', '市场营销']));
    expect(d.text).toContain('新乡某机械有限公司');
    // The only number the enterprise gave is its 2022 revenue; nothing else may appear.
    expect(traceProblems(profile, d.text, d.numbers)).toEqual([]);
    for (const run of d.text.match(/\d+(?:\.\d+)?/g) ?? []) expect(['2022', '5000']).toContain(run);
  });

  it('flags unmet elements in section 三 and lists them', () => {
    const d = draftSection(ctx, profile, 'discreteFactory', 'detail.elements');
    expect(d.unmet).toEqual(['三(二)1', '三(二)2', '三(二)3', '三(二)4', '三(二)5', '三(二)6']);
    const block = /【生产制造】([^【]*)/.exec(d.text)![1]!;
    expect(block).toContain(`〔请补充：`);
    expect(block).toContain(ctx.formDrafting.capabilities.andon!.ask);
    expect(d.missingFacts.length).toBeGreaterThan(0);
  });

  it('leaves every table value it does not know as a placeholder', () => {
    const form = fillForm(ctx, profile, 'discreteFactory');
    expect(form.matrices.finance![3]![2]!.text).toBe('5000');
    expect(form.matrices.finance![2]![2]!.missing).toMatch(/资产负债率/);
    expect(form.matrices.benefits!.flat().every((c) => c.missing)).toBe(true);
    expect(form.values.creditCode!.text).toBe('〔请补充：统一社会信用代码〕');
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
    const form = fillForm(ctx, profile, 'discreteFactory', { enterpriseIntro: '改写后的简介〔请补充：荣誉〕', 'ws.infra@2': '机加工车间网络由企业自行改写。' });
    expect(form.drafts.enterpriseIntro).toMatchObject({ text: '改写后的简介〔请补充：荣誉〕', missingFacts: ['荣誉'] });
    expect(form.values.enterpriseIntro!.text).toBe('改写后的简介〔请补充：荣誉〕');
    expect(form.workshops[1]!.cells['ws.infra']!.text).toBe('机加工车间网络由企业自行改写。');
    expect(form.workshops[0]!.cells['ws.infra']!.text).toContain('铸造车间部署千兆工业以太网');
  });
});

describe('a draft claims only what the enterprise said', () => {
  const terms = capabilityTerms(ctx.formDrafting);
  const textOf = (d: { text: string }) => d.text;

  it('states only the capabilities the user named: 「二维码扫码，AGV小车」 is not the notice list of 条码…RGV', () => {
    // 物料配送自动化 was skipped (agvRgv unknown); only autoId was confirmed.
    const p = DraftProfile.parse({ enterprise: { name: '洛阳某某公司' }, scope: 'workshop', productionMode: 'discrete', capabilities: { autoId: true }, form: { elements: { 'ws.logistics': '二维码扫码，AGV小车' } } });
    const d = draftSection(ctx, p, 'smartWorkshop', 'ws.logistics');
    expect(d.text).toContain('二维码扫码，AGV小车');
    for (const w of ['电子标签', '移动扫描终端', 'RGV', '有轨制导']) expect(d.text).not.toContain(w);
    const none = draftSection(ctx, DraftProfile.parse({ ...p, form: {} }), 'smartWorkshop', 'ws.logistics');
    for (const w of ['电子标签', '移动扫描终端', 'RGV', '有轨制导', '实现物料的实时配送']) expect(none.text).not.toContain(w);
  });

  it('gives a skipped cell a request in the enterprise terms, never the notice wording', () => {
    const p = DraftProfile.parse({ enterprise: { name: '某公司' }, capabilities: { pdm: true, systemIntegration: true, mes: true }, form: { workshops: [{ name: '一车间' }] } });
    const cells = ['rd.pdm', 'integration', 'ws.dispatch'].map((s) => draftSection(ctx, p, 'discreteFactory', s));
    const all = cells.map(textOf).join('');
    for (const c of ['pdm', 'systemIntegration', 'mes'] as const) expect(all).not.toContain(ctx.formDrafting.capabilities[c]!.achieve);
    expect(cells[2]!.text).toContain('〔请补充：MES 的排产与调度应用情况〕');
    expect(cells[0]!.text).toMatch(/〔请补充：PDM[^〕]*〕/);
  });

  it('says 「部分」 for a partial answer, never 「正在建设中，尚未全面投用」', () => {
    const p = DraftProfile.parse({ ...completeFixtures.processFactory, capabilities: { ...completeFixtures.processFactory.capabilities, rto: 'partial' } });
    const form = fillForm(ctx, p, 'processFactory');
    const all = Object.values(form.drafts).map(textOf).join('') + form.workshops.map((w) => Object.values(w.cells).map((c) => c.text).join('')).join('');
    expect(all).not.toMatch(/正在建设|尚未全面投用/);
    expect(all).toContain('部分应用实时在线优化系统（RTO）');
  });

  it('keeps per-workshop facts per workshop: the factory metric is not given to each workshop', () => {
    const p = DraftProfile.parse({
      enterprise: { name: '濮阳某化工有限公司' }, productionMode: 'process', capabilities: { dcs: true }, metrics: { dataCollectionRate: 88 },
      form: { workshops: [{ name: 'BDO车间', descriptions: { 'ws.run': 'BDO车间采用DCS控制。' } }, { name: 'THF车间' }] },
    });
    for (const ws of [1, 2]) expect(draftSection(ctx, p, 'processFactory', `ws.run@${ws}`).text).not.toContain('88');
    const d = draftSection(ctx, p, 'processFactory', 'detail.elements');
    expect(d.text.match(/88/g)?.length).toBe(1);
    expect(d.text).not.toMatch(/THF车间[^。\n]*88/);
  });

  it('claims what a yes to 「罐区自动化（TAS）或堆场管理系统」 said: one of the two, never both', () => {
    const p = DraftProfile.parse({ enterprise: { name: '某化工' }, productionMode: 'process', capabilities: { tankYard: true, erp: true } });
    const text = draftSection(ctx, p, 'processFactory', 'mgmt').text;
    expect(text).toMatch(/罐区[^。]*或[^。]*堆场/);
    expect(text).not.toMatch(/罐区[与和及、]堆场/);
  });

  it('summarises a process workshop with the systems of its own 三(一)4 branch', () => {
    const caps = { industrialNetwork: true, smartInstruments: true, dcs: true, apc: true, rto: true, scada: true, mes: true } as const;
    const p = DraftProfile.parse({ enterprise: { name: '某玻璃公司' }, scope: 'workshop', productionMode: 'process', capabilities: caps });
    const text = draftSection(ctx, p, 'smartWorkshop', 'constructionSummary').text;
    for (const w of ['智能仪表', '（DCS）', '（APC）', '（RTO）']) expect(text).toContain(w);
  });

  it('leaves a system the enterprise said it lacks to the enterprise, with a request naming it, never a sentence of absence nor a claim', () => {
    const engineCtx: FormsContext = { ...ctx, engine: ctx as unknown as FormsContext['engine'] };
    const p = DraftProfile.parse({ enterprise: { name: '某药业', industryCode: '27' }, productionMode: 'process', capabilities: { dcs: true, sis: false } });
    const d = draftSection(engineCtx, p, 'processFactory', 'detail.elements');
    const sis = ctx.formDrafting.capabilities.sis!;
    const { lacking, lackingNote } = ctx.formDrafting.requests;
    // The app's draft says why it is asked; the signed form (fill.ts signedForm) leaves the note out.
    expect(d.text).toContain(`〔请补充：${lacking.replace('{ask}', sis.ask)}${lackingNote}〕`);
    expect(d.text).not.toMatch(/公司尚未|尚未应用|尚未建设/u);
    // The element is still unmet: the request leaves the gap open.
    expect(d.unmet).toContain('三(三)3');
    // A system it never mentioned is a fact not given: asked for plainly.
    expect(d.text).toContain(ctx.formDrafting.capabilities.apc!.ask);
  });

  it('asks for each lacking system under its element, whatever the category and branch, once', () => {
    const engineCtx: FormsContext = { ...ctx, engine: ctx as unknown as FormsContext['engine'] };
    const cases: [string, Record<string, boolean | 'partial'>, 'processFactory' | 'discreteFactory' | 'smartWorkshop', string[]][] = [
      ['26', { dcs: true, apc: false, rto: false }, 'processFactory', ['apc', 'rto']],
      ['34', { erp: true, scm: false, pdm: false }, 'discreteFactory', ['scm', 'pdm']],
      ['36', { mes: true, automatedLines: true, flexibleCell: false }, 'smartWorkshop', ['flexibleCell']],
    ];
    const { lackingNote } = ctx.formDrafting.requests;
    for (const [code, caps, cat, ids] of cases) {
      const p = DraftProfile.parse({ enterprise: { name: '某企业', industryCode: code }, capabilities: caps });
      const d = draftSection(engineCtx, p, cat, 'detail.elements');
      const asks = d.text.match(/〔请补充：[^〕]*〕/gu) ?? [];
      const lacking = asks.filter((a) => a.includes(lackingNote));
      for (const id of ids) {
        const c = ctx.formDrafting.capabilities[id as keyof typeof ctx.formDrafting.capabilities]!;
        expect(lacking.filter((a) => a.includes(c.askByMode?.[cat === 'discreteFactory' ? 'discrete' : 'process'] ?? c.ask)).length, `${cat} ${id}: ${d.text}`).toBe(1);
        expect(d.text, `${cat} ${id}`).not.toContain(`尚未${c.verb}${c.name}`);
      }
      expect(d.text).not.toMatch(/公司尚未|车间尚未/u);
    }
  });

  it('near misses: a system answered yes, partly, or not at all is never said to be lacking', () => {
    const engineCtx: FormsContext = { ...ctx, engine: ctx as unknown as FormsContext['engine'] };
    for (const caps of [{ dcs: true, sis: true, apc: 'partial' as const }, { dcs: true }, {}]) {
      const p = DraftProfile.parse({ enterprise: { name: '某化工', industryCode: '26' }, productionMode: 'process', capabilities: caps });
      const text = draftSection(engineCtx, p, 'processFactory', 'detail.elements').text;
      expect(text, JSON.stringify(caps)).not.toContain('尚未');
    }
  });

  it('states a system being built (a status beyond yes, partly and no) as being built, never as in place', () => {
    const engineCtx: FormsContext = { ...ctx, engine: ctx as unknown as FormsContext['engine'] };
    const p = DraftProfile.parse({ enterprise: { name: '某药业', industryCode: '27' }, productionMode: 'process', capabilities: { dcs: true } });
    // The interview's 在建 reaches the draft as the status 'building'.
    (p.capabilities as Record<string, unknown>).sis = 'building';
    const d = draftSection(engineCtx, p, 'processFactory', 'detail.elements');
    expect(d.text).toContain(ctx.formDrafting.buildingSentence.replace('{who}', '公司').replace('{names}', ctx.formDrafting.capabilities.sis!.name));
    expect(d.text).not.toMatch(/公司应用[^。]*安全仪表系统/);
    expect(d.text).not.toContain(ctx.formDrafting.capabilities.sis!.ask);
  });

  it('states the honours the enterprise listed, implying none it did not (no 「先后…等」 after one honour)', () => {
    const p = DraftProfile.parse({ enterprise: { name: '某汽配' }, form: { name: '某汽配', honours: ['河南省智能车间（线束装配车间）'] } });
    // In a factory's form 二(三) states them and 二(四) does not again; a workshop's form has no 二(三), so 二(三) 行业优势 does.
    for (const [c, s] of [['discreteFactory', 'enterpriseIntro'], ['discreteFactory', 'overview.tech'], ['smartWorkshop', 'overview.advantage']] as const) {
      const text = draftSection(ctx, p, c, s).text;
      expect(text, s).toContain('河南省智能车间（线束装配车间）');
      expect(text, s).not.toMatch(/先后获得|）等荣誉/);
    }
    expect(draftSection(ctx, p, 'discreteFactory', 'overview.advantage').text).not.toContain('河南省智能车间（线束装配车间）');
  });

  it('uses the branch own wording: the process PDM request asks for 产品配方', () => {
    const p = DraftProfile.parse({ enterprise: { name: '某化工' }, capabilities: { pdm: true } });
    const proc = draftSection(ctx, p, 'processFactory', 'rd.pdm').text;
    expect(proc).toContain('产品配方');
    expect(proc).not.toContain('产品设计');
    expect(draftSection(ctx, p, 'discreteFactory', 'rd.pdm').text).toContain('产品设计');
  });

  it('keeps user text verbatim: 「1,4-丁二醇」 from the answers reaches the draft unchanged', () => {
    const facts = formFactsFromAnswers(ctx, { 'form.products': '1,4-丁二醇 60%；四氢呋喃 30%', 'form.ws.1.lines': '1,4-丁二醇装置、四氢呋喃装置', 'form.workshopCount': 1 });
    const p = DraftProfile.parse({ enterprise: { name: '某化工' }, form: facts });
    expect(draftSection(ctx, p, 'processFactory', 'overview.products').text).toContain('1,4-丁二醇（占营业收入60%）');
    expect(fillForm(ctx, p, 'processFactory').workshops[0]!.cells['ws.lines']!.text).toContain('1,4-丁二醇装置、四氢呋喃装置');
  });

  it('computes the change of computed 生产效率 from the unrounded figures, printed to the 元 so the form recomputes as printed', () => {
    const ind = { headcount: { before: 150, after: 100 }, outputValue: { before: 15000, after: 21000 }, workingDays: 300 };
    const p = DraftProfile.parse({ enterprise: { name: '某公司' }, form: { indicators: ind } });
    const form = fillForm(ctx, p, 'smartWorkshop');
    const b = ind.outputValue.before / ind.headcount.before / ind.workingDays;
    const a = ind.outputValue.after / ind.headcount.after / ind.workingDays;
    const raw = (((a - b) / b) * 100).toFixed(1);
    const fromRounded = (((Number(a.toFixed(2)) - Number(b.toFixed(2))) / Number(b.toFixed(2))) * 100).toFixed(1);
    // 0.33 → 0.70 at two decimals would read 112.1%; the change is 110.0%, and 0.3333 → 0.7000 carry it.
    expect([raw, fromRounded]).toEqual(['110.0', '112.1']);
    expect(form.matrices.productivity![2]![0]!.text).toBe(raw);
    expect(form.drafts.benefitsSummary!.text).toContain(`提升${raw}%`);
    expect(form.drafts.benefitsSummary!.text).not.toContain(fromRounded);
  });

  it('leaves a word with 用 inside it as written: 乘用车 is no spoken 用', () => {
    // 「乘用车制动系统」 reads like 「用…系统」 to the spoken-用 rule; inside 乘用车 it is no verb.
    const p = DraftProfile.parse({ enterprise: { name: '许昌某某汽车零部件有限公司' }, form: { name: '许昌某某汽车零部件有限公司', business: '公司专注乘用车制动系统和商用车轮毂管理平台的研发，车间用MES系统排产。' } });
    const d = draftSection(ctx, p, 'discreteFactory', 'enterpriseIntro');
    expect(d.text).toContain('乘用车制动系统');
    expect(d.text).toContain('商用车轮毂管理平台');
    expect(d.text).not.toContain('采用车');
    // The rule still writes the spoken 「用」 outside such a word.
    expect(d.text).toContain('车间采用MES系统排产');
  });

  it('writes sentences with a subject, no stacked 方面, and the founding date once', () => {
    const p = DraftProfile.parse({
      enterprise: { name: '郑州某某铝业有限公司' },
      form: { name: '郑州某某铝业有限公司', foundedOn: '2008-04-16', history: '公司2008年在郑州经开区成立，2015年扩建压铸二厂。', business: '乘用车及商用车铝合金压铸件的研发、生产和销售', marketing: '产品配套宇通客车等整车企业' },
    });
    for (const s of ['enterpriseIntro', 'overview.profile']) {
      const d = draftSection(ctx, p, 'discreteFactory', s);
      // The business is stated in 企业简介, its home; 二(一) says where it stands instead of repeating it.
      if (s === 'enterpriseIntro') expect(d.text).toContain('公司主要从事乘用车及商用车铝合金压铸件的研发、生产和销售。');
      else expect(d.text).toContain('主营业务见“企业简介”。');
      // The founding is told once: by the history where it is printed, else by its date beside the reference to it.
      if (s === 'enterpriseIntro') expect(d.text).not.toContain('成立于2008年4月16日');
      else expect(d.text).toContain('成立于2008年4月16日');
      expect(d.text.match(/2008/g)?.length).toBe(1);
      expect(d.text).not.toMatch(/^(经营|市场营销)方面/m);
    }
    for (const c of categories) {
      const form = fillForm(ctx, DraftProfile.parse(completeFixtures[c]), c);
      for (const d of Object.values(form.drafts)) for (const s of d.sentences) expect((s.text.match(/方面/g) ?? []).length, s.text).toBeLessThanOrEqual(1);
    }
  });

  it('states a figure once per cell, and writes shared facts of three workshops once in section 三', () => {
    const p = DraftProfile.parse({
      enterprise: { name: '某公司' }, capabilities: { industrialNetwork: true, securityProtection: true },
      form: { workshops: [{ name: '一车间', automatedEquipment: 50, networkedEquipment: 46, descriptions: { 'ws.network': '一车间联网设备46台（套），联网率92.0%。' } }, { name: '二车间' }, { name: '三车间' }] },
    });
    const cell = draftSection(ctx, p, 'discreteFactory', 'ws.network@1').text;
    expect(cell.match(/92\.0/g)?.length).toBe(1);
    const d = draftSection(ctx, p, 'discreteFactory', 'detail.elements');
    const paras = d.text.split('\n').filter((x) => x.trim() && !x.startsWith('【'));
    expect(new Set(paras).size).toBe(paras.length);
    expect(d.text.match(/建有车间级工业通信网络/g)?.length).toBe(1);
  });

  it('does not repeat 建设情况简述 in 行业优势 (shared 8-character runs, measured)', () => {
    for (const c of categories) {
      const form = fillForm(ctx, DraftProfile.parse(completeFixtures[c]), c);
      // A section named as where a fact stands (“…效益对比”) is a reference, not a repeated claim.
      const refs = (t: string) => t.replace(/“[^”]*”/gu, '');
      const adv = refs(form.drafts['overview.advantage']?.text ?? form.drafts['overview.tech']!.text);
      const sum = refs(form.drafts.constructionSummary!.text);
      const grams = new Set(Array.from({ length: Math.max(0, sum.length - 7) }, (_, i) => sum.slice(i, i + 8)));
      const runs = Array.from({ length: Math.max(0, adv.length - 7) }, (_, i) => adv.slice(i, i + 8));
      const shared = runs.filter((g) => grams.has(g)).length / Math.max(1, runs.length);
      // Measured 0 on the three complete fixtures; listing the built systems in both sections would share many runs.
      expect(shared, c).toBe(0);
    }
  });

  it('never leaks internal wording into a request, and uses the one request mark', () => {
    for (const c of categories) {
      const form = fillForm(ctx, DraftProfile.parse(sparse), c);
      const all = Object.values(form.drafts).map(textOf).join('');
      expect(all).not.toMatch(/尚未满足|——|待补充|\b[a-z]+[A-Z]\w*\b/);
      expect(all).toContain('〔请补充：');
    }
  });

  it('names the facts that would lengthen a short draft instead of padding it', () => {
    const d = draftSection(ctx, DraftProfile.parse(sparse), 'discreteFactory', 'enterpriseIntro');
    expect(d.length).toBeLessThan(360);
    expect(d.addFacts).toEqual(expect.arrayContaining(['发展历程', '主营产品', '荣誉资质']));
    const full = draftSection(ctx, DraftProfile.parse(completeFixtures.discreteFactory), 'discreteFactory', 'enterpriseIntro');
    expect(full.addFacts).toEqual([]);
  });
});

describe('claim provenance over every form and every fixture', () => {
  const terms = capabilityTerms(ctx.formDrafting);
  const profiles = { ...completeFixtures, sparse } as Record<string, Parameters<typeof DraftProfile.parse>[0]>;

  it('has no sentence that states a capability, status, date or number without a fact behind it', () => {
    let checked = 0;
    const problems: string[] = [];
    for (const [name, input] of Object.entries(profiles))
      for (const c of categories) {
        const p = DraftProfile.parse(input);
        const form = fillForm(ctx, p, c);
        const drafts = [...Object.values(form.drafts)];
        const nWs = Math.max(1, p.form.workshops?.length ?? 0);
        for (const s of sectionIds(ctx, c).filter((x) => x.perWorkshop)) for (let i = 1; i <= nWs; i++) drafts.push(draftSection(ctx, p, c, `${s.id}@${i}`));
        for (const d of drafts) {
          const r = draftClaimProblems(p, d, terms);
          checked += r.checked;
          problems.push(...r.problems.map((x) => `${name}/${c} ${x}`));
        }
      }
    console.log(`claim check: ${checked} sentences over ${Object.keys(profiles).length} fixtures × ${categories.length} forms`);
    expect(problems).toEqual([]);
    // Regression guard on coverage: the count moves only when templates or fixtures change.
    expect(checked).toBeGreaterThan(900);
  });

  it('the checker itself flags an unsupported claim, a wrong status and an invented number', () => {
    const p = DraftProfile.parse(sparse);
    const d = { numbers: [] };
    expect(sentenceProblems(p, d, { text: '公司应用安灯系统（Andon）。', facts: [] }, terms)).not.toEqual([]);
    expect(sentenceProblems(p, d, { text: '公司部分应用制造执行系统（MES）。', facts: ['capabilities.mes'] }, terms)).not.toEqual([]);
    expect(sentenceProblems(p, d, { text: '公司现有员工300人。', facts: ['form.employees'] }, terms)).not.toEqual([]);
    expect(sentenceProblems(p, d, { text: '公司应用制造执行系统（MES）。', facts: ['capabilities.mes'] }, terms)).toEqual([]);
  });
});
