import { describe, expect, it } from 'vitest';
import { loadKnowledgeData } from '../../server/knowledge/load';
import { loadTemplates } from '../../server/forms/template';
import { draftSection, sectionIds, type FormsContext } from '../../server/forms/draft';
import { fillForm } from '../../server/forms/fill';
import { DraftProfile, type DraftProfileInput } from '../../server/schemas/forms';
import type { Category } from '../../server/schemas/profile';
import { formalText } from '../../server/forms/formal';
import { capabilityTerms, filledFormProblems } from './claims';

/*
 * Two enterprises that tell their effects in spoken words (「用了ERP以后对账快多了」「自从上了WMS，找料比以前快多了」),
 * give some figures and dates and leave other facts out, drafted as 附件1, 2 and 3. Every sentence traces to a fact
 * they gave; an effect said without its figures is asked for by what changed, and no spoken lead is printed.
 */
const data = loadKnowledgeData('knowledge', 'henan-2023');
const ctx: FormsContext = { ...data, templates: loadTemplates(), engine: data };
const terms = capabilityTerms(ctx.formDrafting);
const PLACEHOLDER = /〔请补充：[^〕]*〕/gu;
const SPOKEN = /(?<![采使应])用了|上了|有了|以后|之后|多了|不少|俺|咱|弄|一开始就|给美的/u;

const ENTERPRISES: Record<'A' | 'B', DraftProfileInput['form']> = {
  // An appliance-parts maker: two years of figures, one workshop with counts, effects told in spoken words.
  A: {
    name: '鹤壁市嘉禾电器有限公司',
    foundedOn: '2011-04',
    address: '鹤壁市淇滨区嘉禾路9号',
    registeredCapital: 3600,
    capitalNature: '民营',
    employees: 412,
    finance: { '2021': { revenue: 38520.4, profit: 1210.6, tax: 860 }, '2022': { revenue: 41276, profit: 1388.25, tax: 912.5, totalAssets: 52110, totalLiabilities: 23450 } },
    products: [{ name: '电饭煲内胆', share: 55 }, { name: '电热盘', share: 30 }],
    history: '俺们厂是2011年成立的，一开始就做电饭煲内胆，前年扩了新厂房。',
    business: '主要做小家电的内胆和电热盘，给美的、苏泊尔配套。',
    marketing: '产品卖到华南和华东，用了ERP以后对账快多了。',
    project: { name: '内胆智能制造车间', start: '2021-03', end: '2022-11', investment: 2860 },
    workshops: [
      {
        name: '内胆冲压车间',
        lines: ['冲压线1', '冲压线2', '喷涂线'],
        equipmentTotal: 136,
        automatedEquipment: 118,
        networkedEquipment: 101,
        descriptions: {
          'ws.run': '上了MES以后，报工都在系统里，排产快多了。',
          'ws.logistics': '我们弄了6台AGV送料，有了AGV之后送料省事多了',
          'ws.quality': '冲压后用视觉检测划痕，不良品少多了。',
        },
      },
    ],
    indicators: { defectRate: { before: 2.4, after: 1.1 }, headcount: { before: 180, after: 132 }, outputValue: { before: 21000, after: 26400 }, workingDays: 300 },
    benefits: '车间人数由180人减少到132人，用了视觉检测以后质量稳多了。',
  },
  // A fermentation works: one year of figures (a loss), no registered capital, no end date, a relative year.
  B: {
    name: '新乡润泽生物科技有限公司',
    foundedOn: '2016-09-12',
    address: '新乡市平原示范区润泽大道2号',
    capitalNature: '国有控股',
    finance: { '2022': { revenue: 18890.5, profit: -420.3, tax: 310 } },
    products: [{ name: '饲用酶制剂' }],
    history: '公司2016年9月成立，去年上了DCS。',
    business: '咱们主要搞发酵类的酶制剂。',
    project: { name: '酶制剂智能工厂', start: '2020-06', investment: 5120.75 },
    workshops: [
      {
        name: '发酵车间',
        lines: ['发酵罐组', '提取线'],
        descriptions: { 'ws.run': '发酵罐温度、pH都是自动控的，上了DCS以后批次稳定性好多了。', 'ws.safety': '装了有毒气体报警，跟应急平台还没接。' },
      },
    ],
    elements: { mgmt: '用了金蝶ERP，自从上了WMS，找料比以前快多了。', integration: 'ERP和MES还没打通。' },
    indicators: { energyPerOutput: { before: 0.52, after: 0.43 }, productivity: { before: 0.38 } },
  },
};

const profileOf = (id: 'A' | 'B') => DraftProfile.parse({ enterprise: { name: ENTERPRISES[id]!.name }, asOf: '2023-05-10', form: ENTERPRISES[id] });

function drafted(id: 'A' | 'B', category: Category) {
  const p = profileOf(id);
  const form = fillForm(ctx, p, category);
  const drafts = [...Object.values(form.drafts)];
  for (const s of sectionIds(ctx, category).filter((x) => x.perWorkshop)) drafts.push(draftSection(ctx, p, category, `${s.id}@1`));
  return { p, form, drafts, text: drafts.map((d) => d.text).join('\n') };
}

describe('two enterprises telling their effects in spoken words, drafted as 附件1/2/3', () => {
  // Measured: sentences checked by the claim check, and requests in all drafted sections (each workshop's too).
  it.each([
    ['A', 'smartWorkshop', 55, 20],
    ['A', 'discreteFactory', 63, 32],
    ['A', 'processFactory', 57, 28],
    ['B', 'smartWorkshop', 47, 30],
    ['B', 'discreteFactory', 57, 41],
    ['B', 'processFactory', 54, 36],
  ] as const)('%s as %s: every claim traces to a fact (%i checked), %i requests, no spoken lead printed', (id, category, checked, requests) => {
    const { p, form, drafts, text } = drafted(id, category);
    const r = filledFormProblems(p, form, drafts, terms);
    expect(r.problems).toEqual([]);
    expect(r.checked).toBe(checked);
    expect(drafts.reduce((n, d) => n + (d.text.match(PLACEHOLDER) ?? []).length, 0)).toBe(requests);
    expect(text.replace(PLACEHOLDER, '')).not.toMatch(SPOKEN);
  });

  it.each(['smartWorkshop', 'discreteFactory', 'processFactory'] as const)('A as %s: effects without figures are asked for by what changed', (category) => {
    const { text } = drafted('A', category);
    expect(text).toContain('产品销往华南和华东，ERP投入使用后，〔请补充：对账用时由…缩短至…〕。');
    // 「2011年成立」 only restates the 成立于2011年4月 the section states: the history goes on with its subject.
    expect(text).toContain('公司起初生产电饭煲内胆，2021年扩建了新厂房。');
    expect(text).not.toContain('2011年成立');
    expect(text).toContain('为美的、苏泊尔配套。');
  });

  it('A as 附件1: the one workshop\'s own cells stand in the 智能车间 form, not a request for what it said', () => {
    const { form } = drafted('A', 'smartWorkshop');
    expect(form.drafts['ws.run']!.text).toContain('MES投入使用后，报工均通过系统完成，〔请补充：排产用时由…缩短至…〕。');
    expect(form.drafts['ws.logistics']!.text).toBe('公司配置了6台AGV送料，AGV投入使用后，〔请补充：送料用时由…缩短至…〕。');
    expect(form.drafts['ws.quality']!.text).toContain('〔请补充：不良品由…降低至…〕');
  });

  it.each(['discreteFactory', 'processFactory'] as const)('B as %s: a spoken system and lead in a cell read as written, 还没 as 尚未', (category) => {
    const { form, text } = drafted('B', category);
    expect(form.drafts.mgmt!.text).toBe('公司采用了金蝶ERP，WMS投入使用后，〔请补充：找料用时由…缩短至…〕。');
    expect(form.drafts.integration!.text).toBe('ERP和MES尚未打通。');
    expect(text).toContain('DCS投入使用后，〔请补充：批次稳定性由…提高至…〕。');
    expect(text).toContain('公司2022年上线了DCS。');
    expect(text).not.toContain('2016年9月成立');
  });

  it('the case of each rule: a smartWorkshop cell of its own is kept over the workshop\'s, and two workshops give none', () => {
    const own = DraftProfile.parse({ ...profileOf('A'), form: { ...ENTERPRISES.A, elements: { 'ws.logistics': '车间配置AGV 6台，实现物料自动配送。' } } });
    expect(draftSection(ctx, own, 'smartWorkshop', 'ws.logistics').text).toBe('车间配置AGV 6台，实现物料自动配送。');
    const two = DraftProfile.parse({ ...profileOf('A'), form: { ...ENTERPRISES.A, workshops: [...ENTERPRISES.A!.workshops!, { name: '装配车间' }] } });
    expect(draftSection(ctx, two, 'smartWorkshop', 'ws.logistics').text).toMatch(/^〔请补充：/u);
  });
});

describe('二(一) 申报单位概况 and the 一(一) table', () => {
  it.each(['smartWorkshop', 'discreteFactory', 'processFactory'] as const)('as %s: the address the table shows is not restated; 成立时间 and 资本性质, which 二(一) asks for, are', (category) => {
    const { form } = drafted('A', category);
    const profile = form.drafts['overview.profile']!.text;
    expect(profile).toMatch(/^鹤壁市嘉禾电器有限公司成立于2011年4月，注册资本3600万元，资本性质为民营。/u);
    expect(profile).not.toContain('嘉禾路9号');
    expect(form.drafts.enterpriseIntro!.text).toContain('位于鹤壁市淇滨区嘉禾路9号');
    // An address not given is asked for where the table has it, not in 二(一).
    const noAddress = fillForm(ctx, DraftProfile.parse({ ...profileOf('A'), form: { ...ENTERPRISES.A, address: undefined } }), category);
    expect(noAddress.drafts['overview.profile']!.text).not.toContain('单位地址');
    expect(noAddress.drafts['overview.profile']!.missingFacts).not.toContain(ctx.formDrafting.factLabels.address);
  });
});

describe('spoken words these enterprises used, in written form', () => {
  it.each([
    ['用了金蝶ERP', '采用了金蝶ERP'],
    ['车间用了用友U8系统排产', '车间采用了用友U8系统排产'],
    ['公司一开始就做电饭煲内胆', '公司起初生产电饭煲内胆'],
    ['最早就搞外贸，后来转做生产。', '起初从事外贸，后来转做生产。'],
    ['主要给美的、苏泊尔配套。', '主要为美的、苏泊尔配套。'],
    // 用友 is a vendor's name, not the verb 用.
    ['ERP用的用友U8', 'ERP采用用友U8'],
  ])('「%s」 reads 「%s」', (said, written) => {
    expect(formalText(ctx.formDrafting, said)).toBe(written);
  });

  it.each([
    // Near misses: a span of time or money used, a verb already written, and 一开始 that is no trade stay as typed.
    '用了两年多',
    '公司用了三年时间完成改造',
    '使用了用友U8',
    '公司使用用友U8管理财务。',
    '用了不少钱',
    '一开始做的时候很难',
  ])('near miss: 「%s」 stands as typed', (said) => {
    expect(formalText(ctx.formDrafting, said)).toBe(said);
  });
});

describe('a steadier or more exact effect said with no figure', () => {
  it.each([
    ['用了视觉检测以后质量稳多了。', '视觉检测投入使用后，〔请补充：质量波动由…降低至…〕。'],
    ['上了APC以后炉温稳多了，能耗也低了。', 'APC投入使用后，〔请补充：炉温波动由…降低至…〕，能耗也低了。'],
    ['产品质量比以前稳定多了', '〔请补充：产品质量波动由…降低至…〕'],
    ['温度平稳多了', '〔请补充：温度波动由…降低至…〕'],
    // A time word is no subject: what steadied is asked for with the figure.
    ['现在稳多了', '〔请补充：…波动由…降低至…〕'],
    // A figure of another kind in the sentence (headcount) backs no steadiness.
    ['车间人数由180人减少到132人，质量稳多了。', '车间人数由180人减少到132人，〔请补充：质量波动由…降低至…〕。'],
    ['温度控制准多了', '〔请补充：温度控制准确率由…提高至…〕'],
    ['用了ERP以后库存准确多了', 'ERP投入使用后，〔请补充：库存准确率由…提高至…〕'],
    ['排产准多了，交期也稳多了。', '〔请补充：排产准确率由…提高至…〕，〔请补充：交期波动由…降低至…〕。'],
    ['精准多了', '〔请补充：…准确率由…提高至…〕'],
  ])('「%s」 reads 「%s」', (said, written) => {
    expect(formalText(ctx.formDrafting, said)).toBe(written);
  });

  it.each([
    // A figure of the same kind in the sentence backs the comparison: it is written, not asked for again.
    ['质量稳多了，合格率由95%提高到99%。', '质量更加稳定，合格率由95%提高到99%。'],
    ['波动由±3℃降至±1℃，稳多了', '波动由±3℃降至±1℃，更加稳定'],
    ['现在温度稳多了，波动在1度以内', '现在温度更加稳定，波动在1度以内'],
    ['库存准确率由90%提高到99.5%，准多了。', '库存准确率由90%提高到99.5%，更加准确。'],
    // Already written, or no comparison at all.
    ['质量稳定，满足客户要求。', '质量稳定，满足客户要求。'],
    ['设备运行稳定多年', '设备运行稳定多年'],
    ['算得准多了', '算得更加准确'],
  ])('near miss: 「%s」 reads 「%s」', (said, written) => {
    expect(formalText(ctx.formDrafting, said)).toBe(written);
  });

  it('A\'s 「用了视觉检测以后质量稳多了」 asks for the figure in its 效益 text', () => {
    const { text } = drafted('A', 'discreteFactory');
    expect(text).toContain('〔请补充：质量波动由…降低至…〕');
    expect(text).not.toContain('更加稳定');
  });
});

describe('a task said to be done all in a system, in written form', () => {
  it.each([
    ['报工都在系统里', '报工均通过系统完成'],
    ['报工都走系统', '报工均通过系统完成'],
    ['领料都走系统了', '领料均通过系统完成'],
    ['报工都在MES里做', '报工均通过MES完成'],
    ['采购审批都走OA', '采购审批均通过OA完成'],
    ['审批全在线上', '审批均在线上完成'],
    ['审批都在网上走', '审批均在线上完成'],
  ])('「%s」 reads 「%s」', (said, written) => {
    expect(formalText(ctx.formDrafting, said)).toBe(written);
  });

  it.each([
    // What is kept in a system is no task done through it; a past or planned one is not done now; paper is no system;
    // not all of it, a question, a system named in Han characters.
    '订单全在系统里',
    '质检数据都在系统里面',
    '库存都在ERP里',
    '以前报工都在系统里',
    '计划报工都走系统',
    '以前报工都在纸上',
    '报工不在系统里',
    '报工有一半在系统里',
    '报工都在系统里吗',
    '请假审批都在钉钉上',
  ])('near miss: 「%s」 stands as typed', (said) => {
    expect(formalText(ctx.formDrafting, said)).toBe(said);
  });
});
