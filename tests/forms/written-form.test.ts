import { describe, expect, it } from 'vitest';
import { loadKnowledgeData } from '../../server/knowledge/load';
import { loadTemplates } from '../../server/forms/template';
import { draftSection, type FormsContext } from '../../server/forms/draft';
import { fillForm } from '../../server/forms/fill';
import { formalText } from '../../server/forms/formal';
import { factoryRatioConflicts } from '../../server/forms/facts';
import { DraftProfile, type DraftProfileInput } from '../../server/schemas/forms';
import { discreteComplete, completeFixtures } from './fixtures';

/*
 * The enterprise's spoken phrasing goes into the 申报书 in written form with every name and figure kept;
 * a cell text that then opens with a verb gets its subject; and a factory's ratio is checked against the
 * workshops it is made up of.
 */
const data = loadKnowledgeData('knowledge', 'henan-2023');
const ctx: FormsContext = { ...data, templates: loadTemplates(), engine: data };
const written = (t: string) => formalText(ctx.formDrafting, t);

describe('spoken phrasing in written form', () => {
  it.each([
    ['用的金蝶ERP，成品库上了WMS', '采用金蝶ERP，成品库上线了WMS'],
    ['去年上了个MES', '去年上线了MES'],
    ['车间上了一套能源管理系统', '车间上线了能源管理系统'],
    ['2019年上了4800型纸机', '2019年配置了4800型纸机'],
    ['2020年搞了数字化', '2020年实施了数字化改造'],
    ['2021年搞了智能化改造', '2021年实施了智能化改造'],
    ['弄了条自动线', '建设了一条自动线'],
    ['弄了台六轴机器人', '配置了一台六轴机器人'],
    ['原料用的是本地玉米', '原料采用本地玉米'],
    ['ERP用的SAP', 'ERP采用SAP'],
    ['井道用CAE做结构仿真', '井道采用CAE进行结构仿真'],
    ['用机器人做焊接', '采用机器人进行焊接'],
    ['原料堆场用堆场管理系统', '原料堆场采用堆场管理系统'],
    ['挤塑线装了在线测径仪', '挤塑线安装了在线测径仪'],
    ['产线用上了视觉检测', '产线应用了视觉检测'],
  ])('%s → %s', (from, to) => {
    expect(written(from)).toBe(to);
  });

  it.each([
    '使用的设备均已联网',
    '应用的系统有MES',
    '产量上了新台阶',
    '调整了工艺参数',
    '用户反馈做了汇总',
    '生产用的原料来自本地',
    '安装了防火墙',
    '跟上了行业节奏',
    // 用心 and 用力 say how, not with what; 做好 is no task a system does.
    '用心做产品',
    '公司用心做好每一包面',
    '用力做好',
  ])('leaves written or unrelated words alone: %s', (t) => {
    expect(written(t)).toBe(t);
  });

  it('keeps every digit and Latin name of the text it rewrites', () => {
    const t = '俺们厂2019年上了4800型纸机，用的金蝶K3 ERP，弄了条年产3万吨的自动线，装了12台AGV。';
    const w = written(t);
    expect(w.match(/\d+/g)).toEqual(t.match(/\d+/g));
    expect(w.match(/[A-Za-z0-9]+/g)).toEqual(t.match(/[A-Za-z0-9]+/g));
    expect(w).not.toMatch(/俺|用的|上了|弄了|(?<!安)装了/);
  });
});

describe('a cell text opening with a verb gets its subject', () => {
  const profile = (elements: Record<string, string>, wsDesc?: Record<string, string>): DraftProfile =>
    DraftProfile.parse({
      ...discreteComplete,
      form: {
        ...discreteComplete.form,
        elements,
        workshops: discreteComplete.form!.workshops!.map((w, i) => (i === 0 && wsDesc ? { ...w, descriptions: wsDesc } : { ...w, descriptions: {} })),
      },
    } satisfies DraftProfileInput);

  it('a factory cell: 「用的金蝶ERP」 becomes 「公司采用金蝶ERP」', () => {
    const d = draftSection(ctx, profile({ mgmt: '用的金蝶ERP，成品库上了WMS。' }), 'discreteFactory', 'mgmt');
    expect(d.text.startsWith('公司采用金蝶ERP，成品库上线了WMS。')).toBe(true);
  });

  it('a workshop cell of a factory names its workshop, and a cell with its own subject is not given another', () => {
    const d = draftSection(ctx, profile({}, { 'ws.run': '上了个MES，工单自动下发。' }), 'discreteFactory', 'ws.run@1');
    expect(d.text).toContain('铸造车间上线了MES，工单自动下发。');
    expect(d.sentences.find((s) => s.text.startsWith('铸造车间上线了MES'))!.facts).toEqual(expect.arrayContaining(['form.workshops.0.descriptions.ws.run', 'form.workshops.0.name']));
    const own = draftSection(ctx, profile({ mgmt: '公司用的金蝶ERP。' }), 'discreteFactory', 'mgmt');
    expect(own.text.startsWith('公司采用金蝶ERP。')).toBe(true);
  });

  it('a 智能车间 cell: the subject is 车间', () => {
    const w = completeFixtures.smartWorkshop.form!;
    const p = DraftProfile.parse({ ...completeFixtures.smartWorkshop, form: { ...w, elements: { ...w.elements, 'ws.logistics': '弄了6台AGV送料。' } } });
    expect(draftSection(ctx, p, 'smartWorkshop', 'ws.logistics').text.startsWith('车间配置了6台AGV送料。')).toBe(true);
  });
});

describe("a factory's ratio against the workshops it is made up of", () => {
  const withMetrics = (metrics: Record<string, number>, elements: Record<string, string> = {}, ws = discreteComplete.form!.workshops!) =>
    DraftProfile.parse({ ...discreteComplete, metrics, form: { ...discreteComplete.form, elements, workshops: ws } });

  it('a 设备联网率 below every workshop\'s own is flagged with the parts and their sum, and not stated in the draft', () => {
    // 70/74 = 94.6% and 52/54 = 96.3%: the whole, 122/128 = 95.3%, cannot be 92%.
    const p = withMetrics({ automationRatio: 87, networkedRatio: 92 });
    const form = fillForm(ctx, p, 'discreteFactory');
    const flag = form.flags.find((f) => f.field === 'metrics.networkedRatio')!;
    expect(flag.message).toContain('92%');
    expect(flag.message).toContain('94.6%（铸造车间）');
    expect(flag.message).toContain('122/128算得95.3%');
    expect(form.flags.find((f) => f.field === 'metrics.automationRatio')).toBeUndefined();
    const text = form.drafts['detail.elements']!.text;
    expect(text).not.toMatch(/联网[^。]*92%/);
    expect(text).toContain('〔请补充：工厂设备联网率〕');
    // A figure within the parts (95) is stated as given.
    const ok = fillForm(ctx, withMetrics({ automationRatio: 87, networkedRatio: 95 }), 'discreteFactory');
    expect(ok.flags.filter((f) => f.field.startsWith('metrics.'))).toEqual([]);
    expect(ok.drafts['detail.elements']!.text).toContain('95%');
  });

  it('a 数据自动采集率 of the factory is compared with the rates its workshops state, and a workshop rate is not read as the factory\'s', () => {
    const ws = discreteComplete.form!.workshops!.map((w, i) => ({ ...w, descriptions: { 'ws.run': `数据自动采集率${i === 0 ? 96 : 98}%。` } }));
    const conflicts = (m: number, el: Record<string, string> = {}) => factoryRatioConflicts(withMetrics({ dataCollectionRate: m }, el, ws).form, { dataCollectionRate: m }, ctx.formDrafting.ratios).filter((c) => c.id === 'collected');
    expect(conflicts(90)).toHaveLength(1);
    expect(conflicts(97)).toEqual([]);
    expect(conflicts(97, { infra: '全厂数据自动采集率99.5%。' })).toHaveLength(1);
    expect(conflicts(97, { infra: '铸造车间数据采集率99.5%。' })).toEqual([]);
    // With a workshop that states no rate, the whole can be anything.
    const partial = ws.map((w, i) => (i === 1 ? { ...w, descriptions: {} } : w));
    expect(factoryRatioConflicts(withMetrics({}, {}, partial).form, { dataCollectionRate: 90 }, ctx.formDrafting.ratios).filter((c) => c.id === 'collected')).toEqual([]);
  });

  it('a rate above 100% is an error, and a 智能车间 form never compares a whole with parts', () => {
    const p = withMetrics({ automationRatio: 87, networkedRatio: 95 }, { infra: '设备联网率105%。' });
    const form = fillForm(ctx, p, 'discreteFactory');
    expect(form.flags.filter((f) => /超过100%/.test(f.message)).map((f) => [f.field, f.severity])).toEqual([['elements.infra', 'error']]);
    const ws = fillForm(ctx, DraftProfile.parse({ ...completeFixtures.smartWorkshop, metrics: { networkedRatio: 50 } }), 'smartWorkshop');
    expect(ws.flags.filter((f) => /各车间/.test(f.message))).toEqual([]);
  });
});

describe('spoken phrasing met in the round-8 enterprises', () => {
  it.each([
    ['2017年上了年产30万吨淀粉生产线', '2017年建设了年产30万吨淀粉生产线'],
    ['2015年上了硫酸法钛白粉二期', '2015年建成了硫酸法钛白粉二期'],
    ['APC只上了两台', 'APC只配置了两台'],
    ['2021年开始搞压铸车间数字化', '2021年开始推进压铸车间数字化'],
    ['主要做桥门式起重机', '主要生产桥门式起重机'],
  ])('%s → %s', (from, to) => {
    expect(written(from)).toBe(to);
  });

  it.each(['月产量上了10万吨', '做了三年试验', '用户评价做得好'])('leaves a figure or another sense alone: %s', (t) => {
    expect(written(t)).toBe(t);
  });

  it('a business text opening with 生产 reads 「公司主要生产…」, not 「公司主要从事生产…」', () => {
    const p = DraftProfile.parse({ ...discreteComplete, form: { ...discreteComplete.form, business: '做镁合金汽车压铸件' } });
    const d = fillForm(ctx, p, 'discreteFactory').drafts.enterpriseIntro!.text;
    expect(d).toContain('公司主要生产镁合金汽车压铸件。');
  });
});

describe('a relative time in the enterprise\'s own text', () => {
  it('「去年过了等保三级」 is flagged with its clause; 「2022年底」 and 「2022年上半年」 are dates already', () => {
    const p = DraftProfile.parse({ ...discreteComplete, form: { ...discreteComplete.form, elements: { infra: '全厂万兆环网，去年过了等保三级。', mgmt: '2022年底上线ERP，2022年上半年上线WMS。' } } });
    const flags = fillForm(ctx, p, 'discreteFactory').flags.filter((f) => f.message.includes('相对时间'));
    expect(flags.map((f) => f.field)).toEqual(['elements.infra']);
    expect(flags[0]!.message).toContain('“去年过了等保三级”');
  });
});

describe('more spoken verbs of the round-8 enterprises', () => {
  it.each([
    ['产品卖到全国20多个省', '产品销往全国20多个省'],
    ['去年过了等保三级', '去年通过了等保三级'],
    ['能源管理系统管全厂水电汽', '能源管理系统管理全厂水电汽'],
  ])('%s → %s', (from, to) => {
    expect(written(from)).toBe(to);
  });
  it.each(['经过了三年建设', '系统管道已改造', '度过了难关'])('leaves %s alone', (t) => {
    expect(written(t)).toBe(t);
  });
});

describe('the main products\' share of revenue', () => {
  it('is the sum of the shares each product was given, with its formula, and never from a round one', () => {
    const base = { ...discreteComplete.form, mainProductsShare: undefined };
    const at = (products: { name: string; share?: number; approx?: true }[]) =>
      fillForm(ctx, DraftProfile.parse({ ...discreteComplete, form: { ...base, products } }), 'discreteFactory').drafts['overview.products']!;
    const d = at([{ name: '金红石型钛白粉', share: 82 }, { name: '锐钛型钛白粉', share: 11 }]);
    expect(d.text).toContain('主营产品收入占营业收入的93%。');
    expect(d.numbers.find((n) => n.source === 'computed:productsShare')!.formula).toContain('金红石型钛白粉 82% + 锐钛型钛白粉 11% = 93%');
    expect(at([{ name: '电机', share: 60, approx: true }, { name: '高压电机' }]).text).toContain('〔请补充：主营产品占营业收入比例〕');
    expect(at([{ name: '电机', share: 60 }, { name: '高压电机' }]).text).toContain('〔请补充：主营产品占营业收入比例〕');
  });
});

describe('a prose text opening with a verb', () => {
  it('「2020年开始上智能工厂」 reads 开始建设; an R&D text opening with 采用 gets the company as subject', () => {
    expect(written('2020年开始上智能工厂')).toBe('2020年开始建设智能工厂');
    expect(written('2020年开始上线MES')).toBe('2020年开始上线MES');
    const p = DraftProfile.parse({ ...discreteComplete, form: { ...discreteComplete.form, rnd: { staff: 150, description: '用SolidWorks做三维设计。' } } });
    expect(fillForm(ctx, p, 'discreteFactory').drafts['overview.tech']!.text).toContain('公司采用SolidWorks进行三维设计。');
  });
});

describe('spoken endings and a workshop\'s own rate against its assessment', () => {
  it.each([
    ['面料利用率提高了3个点', '面料利用率提高了3个百分点'],
    ['扫铭牌二维码就能查', '扫铭牌二维码即可查询'],
    ['扫码能查到生产批次', '扫码可查询到生产批次'],
    ['测试数据自动存进MES', '测试数据自动存入MES'],
    ['AI识别还在试。', 'AI识别仍在试用。'],
  ])('%s → %s', (from, to) => {
    expect(written(from)).toBe(to);
  });

  // 上了 says something was put in, not that it is finished or running: the tidy-up names it no more
  // strongly than 配置/建设, and leaves it as said where the sentence says it is still on trial.
  it.each([
    ['上了立体库，还在调试。', '上了立体库，还在调试。'],
    ['AGV上了一台在试。', 'AGV上了一台在试。'],
    ['上了MES，还在试运行', '上了MES，还在试运行'],
    ['上了两台自动植发机', '配置了两台自动植发机'],
    ['PDM还在试用，只有研发部在用。', 'PDM还在试用，只有研发部在用。'],
    ['产品卖到了欧洲', '产品卖到了欧洲'],
  ])('no stronger and no garbling: %s → %s', (from, to) => {
    expect(written(from)).toBe(to);
  });

  it('a 智能车间 cell stating 数据自动采集率95% against 92 in the assessment is flagged; 92.4 is no contradiction', () => {
    const w = completeFixtures.smartWorkshop.form!;
    const at = (said: string, m: number) =>
      fillForm(ctx, DraftProfile.parse({ ...completeFixtures.smartWorkshop, metrics: { ...completeFixtures.smartWorkshop.metrics, dataCollectionRate: m }, form: { ...w, elements: { ...w.elements, 'ws.run': said } } }), 'smartWorkshop').flags.filter((f) => f.field === 'metrics.dataCollectionRate');
    const flags = at('关键工序数据自动采集率95%。', 92);
    expect(flags).toHaveLength(1);
    expect(flags[0]!.message).toContain('“数据自动采集率95%”');
    expect(flags[0]!.message).toContain('92%');
    expect(at('关键工序数据自动采集率92%。', 92.4)).toEqual([]);
  });

  it('「2010年建厂」 in the history only restates the founding date, so the 简介 says it once, with its month', () => {
    const p = DraftProfile.parse({ ...discreteComplete, form: { ...discreteComplete.form, foundedOn: '2010-10', history: '2010年建厂，2017年投产。' } });
    const t = fillForm(ctx, p, 'discreteFactory').drafts.enterpriseIntro!.text;
    expect(t).toContain('成立于2010年10月');
    expect(t).not.toContain('2010年建厂');
    expect(t).toContain('2017年投产。');
  });
});

describe('a company history and short replies said aloud, in written form', () => {
  it.each([
    ['嗯，公司是零五年建的，一二年扩了一条箱板纸线，二一年开始建设DCS。', '公司于2005年建成，2012年扩建了一条箱板纸线，2021年开始建设DCS。'],
    ['啊，我们九八年成立的，那个，一九年上了MES。', '公司1998年成立，2019年上线了MES。'],
    ['哦，厂子是零八年注册的，一六年搬到产业园。', '工厂于2008年注册，2016年搬迁至产业园。'],
  ])('fillers go and spoken years are dated: %s', (from, to) => expect(written(from)).toBe(to));

  it.each(['三五年内计划建设MES。', '一二年时间就能回本。', '二车间比那个车间早两年部署MES', '额度不够', '四五年建成'])('leaves what is no spoken year or filler alone: %s', (t) =>
    expect(written(t)).toBe(t),
  );

  it.each([
    // As reported: the filler before a name with a space, and before Chinese; the figures' spacing is closed up.
    ['那个 MES 于 2021 年上线。', 'MES于2021年上线。'],
    ['那个焊接机器人用得比较早。', '焊接机器人用得比较早。'],
    // New phrasings of the same: with no space, after a clause, before a figure, padded with a full-width space.
    ['那个MES是2021年上的。', 'MES于2021年上线。'],
    ['车间有两条线，那个 WMS 是 2022 年上的。', '车间有两条线，WMS于2022年上线。'],
    ['那个　ERP 覆盖采购和销售。', 'ERP覆盖采购和销售。'],
    ['那个激光切割机精度高。', '激光切割机精度高。'],
    ['嗯，那个 PLM 于 2020 年部署。', 'PLM于2020年部署。'],
  ])('a clause-initial 那个 is a filler and goes, and a name or figure is not spaced off: %s', (from, to) => expect(written(from)).toBe(to));

  it.each([
    // 那个 inside a phrase points at something; a time said with 那个 is no filler either.
    ['二车间比那个车间早两年部署MES。', '那个车间'],
    ['设备是从那个供应商采购的。', '那个供应商'],
    ['那个时候还没有ERP。', '那个时候'],
    ['那个年代全靠手工记账。', '那个年代'],
    ['那个人负责设备维护。', '那个人'],
  ])('keeps 那个 where it points at something: %s', (t, kept) => expect(written(t)).toContain(kept));

  it.each([
    // A space after a Chinese word before a figure is a spoken pause, not padding: it still reads as a comma.
    ['一车间 2019年建的', '一车间，2019年建的'],
    // A figure padded on both sides, or a name at a clause's start, is closed up.
    ['产能于 2023 年达到 5 万吨', '产能于2023年达到5万吨'],
    ['APS 排产已覆盖全部产线', 'APS排产已覆盖全部产线'],
  ])('spaces around Latin and figures: %s', (from, to) => expect(written(from)).toBe(to));

  it('a clause-initial 那个 does not reach the draft of a cell, a workshop or 行业优势', () => {
    const w = discreteComplete.form!;
    const p = DraftProfile.parse({
      ...discreteComplete,
      form: {
        ...w,
        elements: { ...w.elements, infra: '那个 MES 于 2021 年上线，全厂覆盖工业以太网。', 'rd.cad': '那个 CAD 于 2019 年上线，用于结构设计。' },
        advantages: '那个焊接机器人用得比较早，行业内较早实现自动化焊接。',
      },
    } satisfies DraftProfileInput);
    const form = fillForm(ctx, p, 'discreteFactory');
    const all = Object.values(form.drafts).map((d) => d!.text).join('\n');
    expect(all).not.toMatch(/那个/);
    expect(all).toContain('MES于2021年上线');
    expect(all).toContain('CAD于2019年上线');
    expect(all).toContain('焊接机器人用得比较早');
    expect(all).not.toMatch(/[A-Za-z0-9] +\p{Script=Han}|\p{Script=Han} +[A-Za-z0-9]/u);
  });

  it.each([
    ['防火墙安装了，别的还没有。', '已部署防火墙，其他暂无。'],
    ['网闸部署了，别的都还没有。', '已部署网闸，其他暂无。'],
    ['防火墙装了', '已部署防火墙'],
    ['柔性线在建，还没完工。', '柔性生产线在建，尚未完工。'],
    ['智能线还没投产。', '智能生产线尚未投产。'],
    ['数字化线还没验收', '数字化生产线尚未验收'],
    ['DCS是霍尼韦尔的，全线都用。', '全线采用霍尼韦尔DCS。'],
    ['PLC是西门子的，各车间都在用。', '各车间采用西门子PLC。'],
    ['SCADA是组态王的，全厂都使用。', '全厂采用组态王SCADA。'],
    ['成品库有WMS。原料堆场有管理系统。', '成品库已部署WMS。原料堆场已部署管理系统。'],
    ['仓库有ERP系统。', '仓库已部署ERP系统。'],
    ['质检室有LIMS', '质检室已部署LIMS'],
  ])('a colloquial reply is stated as written: %s → %s', (from, to) => expect(written(from)).toBe(to));

  it.each(['DCS是霍尼韦尔的。', '成品库没有WMS。', '原料堆场还没有管理系统。', '车间只有Excel。', '有没有WMS', '车间有2台AGV。', '应用的系统有MES', '自动线路改造', '柔性线路板'])(
    'leaves a near miss as said: %s',
    (t) => expect(written(t)).toBe(t),
  );
});
