import { describe, expect, it } from 'vitest';
import { loadKnowledgeData } from '../../server/knowledge/load';
import { loadTemplates } from '../../server/forms/template';
import type { FormsContext } from '../../server/forms/draft';
import { formalText } from '../../server/forms/formal';
import { DraftProfile, type DraftProfileInput } from '../../server/schemas/forms';
import type { Category } from '../../server/schemas/profile';
import { draftedAll, expectTraced } from './spoken-drafts';

/*
 * A noodle maker that tells its story in spoken words with a typo (「哪天那条线」), effects beside their figures
 * (「排产快多了，由2天缩短到半天」), a time word where the subject would be (「现在稳多了」), a task done in a
 * system with the way it is done after it (「出入库都在WMS里，扫码完成」), and its sales said as 「货主要走…」, drafted
 * as 附件1, 2 and 3. Every sentence traces to a fact it gave, and each figure stands once where the form asks for it.
 */
const data = loadKnowledgeData('knowledge', 'henan-2023');
const ctx: FormsContext = { ...data, templates: loadTemplates(), engine: data };
const SPOKEN = /(?<![采使应])用了|上了|以后|多了|俺|咱|搞|减到|线上也卖|货主要走|给商超/u;

const FORM: DraftProfileInput['form'] = {
  name: '驻马店市丰穗面业有限公司',
  foundedOn: '2013-07',
  address: '驻马店市驿城区丰穗路16号',
  registeredCapital: 5200,
  capitalNature: '民营',
  employees: 286,
  finance: {
    '2020': { revenue: 30215.6, profit: 902.4, tax: 655 },
    '2021': { revenue: 33870, profit: 1046.8, tax: 701.2 },
    '2022': { revenue: 36402.5, profit: 1188, tax: 768.9, totalAssets: 41280, totalLiabilities: 17650 },
  },
  products: [{ name: '挂面', share: 62 }, { name: '专用粉', share: 25 }],
  history: '俺们是2013年建的厂，一开始就做挂面，18年又上了一条专用粉的线。',
  business: '主要搞挂面和烘焙专用粉，给商超和连锁面包房供货。',
  marketing: '货主要走河南、湖北，线上也卖，用了ERP以后对账现在快多了。',
  project: { name: '挂面智能生产车间', start: '2021-05', end: '2022-12', investment: 3460 },
  workshops: [
    {
      name: '挂面车间',
      lines: ['和面压延线', '烘干线', '切断包装线'],
      equipmentTotal: 94,
      automatedEquipment: 81,
      networkedEquipment: 72,
      descriptions: {
        'ws.run': '上了MES以后报工都在系统里，排产快多了，由2天缩短到半天。',
        'ws.logistics': '出入库都在WMS里，扫码完成，成品用4台AGV送到立库',
        'ws.quality': '包装后用金检机和称重机在线检测，现在稳多了。',
        'ws.batch': '每包挂面喷批次码，扫码能查到是哪天那条线生产的。',
      },
    },
  ],
  indicators: { defectRate: { before: 1.8, after: 0.7 }, headcount: { before: 96, after: 64 }, outputValue: { before: 18600, after: 21900 }, workingDays: 300 },
  benefits: '车间人数由96人减到64人，烘干现在省事多了。',
};

const profile = DraftProfile.parse({ enterprise: { name: FORM.name }, asOf: '2023-05-10', form: FORM });

const drafted = (category: Category) => draftedAll(ctx, profile, category);
const times = (text: string, part: string) => text.split(part).length - 1;

describe('a noodle maker telling its story in spoken words, drafted as 附件1/2/3', () => {
  // Measured: sentences checked by the claim check, and requests in all drafted sections (each workshop's too).
  it.each([
    ['smartWorkshop', 56, 12],
    ['discreteFactory', 63, 25],
    ['processFactory', 57, 23],
  ] as const)('as %s: every claim traces to a fact (%i checked), %i requests, no spoken word printed', (category, checked, requests) => {
    expectTraced(ctx, profile, category, checked, requests, SPOKEN);
  });

  it.each(['smartWorkshop', 'discreteFactory', 'processFactory'] as const)('as %s: effects said beside their figures are the figures; a time word is asked about neutrally', (category) => {
    const { text } = drafted(category);
    expect(text).toContain('MES投入使用后，报工均通过系统完成，排产用时由2天缩短至半天。');
    // 附件3 has no 物料配送 or 质量检测 cell of a workshop to hold these.
    if (category !== 'processFactory') {
      expect(text).toContain('出入库均通过WMS扫码完成，成品由4台AGV转运至立体仓库。');
      expect(text).toContain('包装后用金检机和称重机在线检测，〔请补充：…波动由…降低至…〕。');
    }
    expect(text).toContain('产品主要销往河南、湖北，同时开展线上销售，ERP投入使用后，〔请补充：对账用时由…缩短至…〕。');
    expect(text).toContain('为商超和连锁面包房供货');
    expect(text).not.toMatch(/〔请补充：(?:现在|目前|如今|这会儿)/u);
  });

  it.each(['smartWorkshop', 'discreteFactory', 'processFactory'] as const)('as %s: the figures 二(一) and 三 restate are the ones the tables hold, and the headcount is said once', (category) => {
    const { form } = drafted(category);
    // 二(一) asks for 财务状况: it gives the three years the table holds, in the same figures.
    expect(form.drafts['overview.profile']!.text).toContain('2020—2022年，公司营业收入分别为30215.6万元、33870万元、36402.5万元');
    expect(form.matrices.finance![3]!.map((c) => c.text)).toEqual(['30215.6', '33870', '36402.5']);
    // 三 answers each element with its figures first, the same counts as 一's cells.
    expect(form.drafts['detail.elements']!.text).toContain('挂面车间现有设备94台（套），其中自动化、数字化、智能化生产、检测设备81台（套），占车间设备台套数的86.2%。');
    // The enterprise's own words state the headcount change: no generated sentence says it again.
    expect(times(form.drafts['detail.benefits']!.text, '96人')).toBe(1);
    expect(form.drafts['detail.benefits']!.text).toContain('车间人数由96人减少到64人，〔请补充：烘干用时由…缩短至…〕。');
  });

  it.each(['smartWorkshop', 'discreteFactory', 'processFactory'] as const)('as %s: 「是2013年建的厂」 only restates the founding date, so the 简介 says it once, with its month', (category) => {
    const intro = drafted(category).form.drafts.enterpriseIntro!.text;
    expect(intro).toMatch(/^驻马店市丰穗面业有限公司成立于2013年7月，位于/u);
    expect(intro).toContain('公司起初生产挂面，2018年又配置了一条专用粉的线。');
    expect(times(intro, '2013年')).toBe(1);
  });

  it('as 附件1: 三(一) states the counts 一(二)\'s cells state, in the same words', () => {
    const { form } = drafted('smartWorkshop');
    const equipment = '挂面车间现有设备94台（套），其中自动化、数字化、智能化生产、检测设备81台（套），占车间设备台套数的86.2%。';
    const network = '挂面车间自动化、数字化、智能化设备联网72台（套），联网数占自动化、数字化、智能化设备总数的88.9%。';
    expect(form.drafts['ws.equipment']!.text).toBe(equipment);
    expect(form.drafts['ws.network']!.text).toBe(network);
    const elements = form.drafts['detail.elements']!.text;
    expect(elements).toContain(equipment);
    expect(elements).toContain(network);
  });
});

describe('spoken words this enterprise used, in written form', () => {
  it.each([
    ['车间人数由96人减到64人', '车间人数由96人减少到64人'],
    ['废品率降到1%', '废品率降低到1%'],
    ['主要给商超和连锁面包房供货', '主要为商超和连锁面包房供货'],
    ['公司给客户提供售后服务', '公司为客户提供售后服务'],
    ['货主要走河南、湖北，线上也卖', '产品主要销往河南、湖北，同时开展线上销售'],
    ['产品卖到全国二十多个省', '产品销往全国二十多个省'],
    ['俺们的货大部分发往华东', '产品大部分销往华东'],
    // A founding said aloud; a transfer said 用…送到; shop-floor abbreviations written out.
    ['俺们是2013年建的厂，一开始就做挂面', '公司于2013年建厂，起初生产挂面'],
    ['我们是2009年盖的厂', '公司于2009年建厂'],
    ['公司2016年5月建的工厂', '公司于2016年5月建厂'],
    ['在2013年建的厂，后来搬了', '于2013年建厂，后来搬了'],
    ['成品用4台AGV送到立库', '成品由4台AGV转运至立体仓库'],
    ['原料用输送线送到料仓', '原料由输送线转运至料仓'],
    ['用两台叉车运到成品库', '由两台叉车转运至成品库'],
    ['机加车间有30台CNC', '机械加工车间有30台CNC'],
    ['机加工完的零件进立库', '机械加工完的零件进立体仓库'],
    ['立库和机加都上了系统', '立体仓库和机械加工上线了系统'],
  ])('「%s」 reads 「%s」', (said, written) => {
    expect(formalText(ctx.formDrafting, said)).toBe(written);
  });

  it.each([
    // A cut already written, a fall said in full, a route that is no market, a sale said alone, a 给 that is no service.
    '成本缩减到80万',
    '温度下降到40度',
    '货走物流专线，两天到',
    '产品走经销商渠道',
    '线上也卖',
    '产品卖到了欧洲',
    '给钱就干',
    '他给我打电话',
    // A building, not the plant; 立库 and 机加 inside other words or a name; a transfer already written; no destination.
    '2013年建的厂房',
    '建立库存台账',
    '由立库科技有限公司承建',
    '电机加工车间',
    '手机加工',
    '有机加热炉',
    '采用AGV送到线边',
    '用户送到门店',
    '质检合格后入库',
  ])('near miss: 「%s」 stands as typed', (said) => {
    expect(formalText(ctx.formDrafting, said)).toBe(said);
  });
});
