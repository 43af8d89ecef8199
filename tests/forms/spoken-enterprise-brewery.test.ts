import { describe, expect, it } from 'vitest';
import { loadKnowledgeData } from '../../server/knowledge/load';
import { loadTemplates } from '../../server/forms/template';
import type { FormsContext } from '../../server/forms/draft';
import { formalText } from '../../server/forms/formal';
import { DraftProfile, type DraftProfileInput } from '../../server/schemas/forms';
import type { Category } from '../../server/schemas/profile';
import { draftedAll, expectTraced } from './spoken-drafts';

/*
 * A soy-sauce and vinegar brewery (a 流程型 maker) that tells its story in spoken words with a typo (「发酵灌」 for 发酵罐
 * in a line name, printed as given): its founding said as 「是08年建的厂」 beside the founding date, a transfer said
 * 「用…送到/拉到」, 立库 for 立体仓库, 跟 for 和, 给…做代工, 线上也卖一点, 都录到…里, drafted as 附件1, 2 and 3. Every
 * sentence traces to a fact it gave.
 */
const data = loadKnowledgeData('knowledge', 'henan-2023');
const ctx: FormsContext = { ...data, templates: loadTemplates(), engine: data };
const SPOKEN = /俺|咱|搞|建的厂|开始就|跟食醋|给食品厂|做代工|也卖|送到|拉到|立库|录到|搬到|减到|降到(?!1\.6)/u;

const FORM: DraftProfileInput['form'] = {
  name: '许昌市禾盛酿造食品有限公司',
  foundedOn: '2008-03',
  address: '许昌市建安区禾盛路8号',
  registeredCapital: 6800,
  capitalNature: '民营',
  employees: 342,
  finance: {
    '2020': { revenue: 26480.3, profit: 1502.6, tax: 980.4 },
    '2021': { revenue: 28915, profit: 1688.2, tax: 1043 },
    '2022': { revenue: 31240.8, profit: 1820, tax: 1126.5, totalAssets: 45360, totalLiabilities: 16920 },
  },
  products: [{ name: '酿造酱油', share: 58 }, { name: '食醋', share: 27 }],
  history: '咱厂是08年建的厂，开始就做酱油，15年又上了一条食醋的线，19年搬到新厂区。',
  business: '主要搞酿造酱油跟食醋，给餐饮和商超供货，也给食品厂做代工。',
  marketing: '货主要走河南、安徽、山东，线上也卖一点。',
  project: { name: '酿造智能工厂', start: '2020-08', end: '2022-10', investment: 4280 },
  workshops: [
    {
      name: '酿造车间',
      lines: ['制曲线', '发酵灌组', '压榨线', '灌装线'],
      equipmentTotal: 128,
      automatedEquipment: 109,
      networkedEquipment: 97,
      descriptions: {
        'ws.run': '上了DCS以后发酵罐温度、液位都是自动控的，现在稳多了。',
        'ws.logistics': '原料用气力输送线送到料仓，成品用叉车拉到立库',
        'ws.quality': '每批次取样化验氨基酸态氮，质检数据都录到LIMS里。',
      },
    },
  ],
  indicators: { defectRate: { before: 1.2, after: 0.5 }, headcount: { before: 150, after: 112 }, outputValue: { before: 24500, after: 29800 }, workingDays: 330 },
  benefits: '车间人数由150人减到112人，吨酱油蒸汽消耗降到1.6吨，人工巡检少多了。',
};

const profile = DraftProfile.parse({ enterprise: { name: FORM.name }, asOf: '2023-05-10', form: FORM });

const drafted = (category: Category) => draftedAll(ctx, profile, category);
const times = (text: string, part: string) => text.split(part).length - 1;

describe('a brewery telling its story in spoken words, drafted as 附件1/2/3', () => {
  // Measured: sentences checked by the claim check, and requests in all drafted sections (each workshop's too).
  it.each([
    ['smartWorkshop', 55, 12],
    ['discreteFactory', 63, 24],
    ['processFactory', 57, 24],
  ] as const)('as %s: every claim traces to a fact (%i checked), %i requests, no spoken word printed', (category, checked, requests) => {
    expectTraced(ctx, profile, category, checked, requests, SPOKEN);
  });

  it.each(['smartWorkshop', 'discreteFactory', 'processFactory'] as const)('as %s: the 简介 states the founding once, with its month, and the story in written form', (category) => {
    const intro = drafted(category).form.drafts.enterpriseIntro!.text;
    expect(intro).toMatch(/^许昌市禾盛酿造食品有限公司成立于2008年3月，位于/u);
    expect(times(intro, '2008年')).toBe(1);
    expect(intro).toContain('公司起初生产酱油，2015年又配置了一条食醋的线，2019年搬迁至新厂区。');
    expect(intro).toContain('公司主要生产酿造酱油和食醋，为餐饮和商超供货，也为食品厂提供代工。');
    expect(intro).toContain('产品主要销往河南、安徽、山东，同时开展线上销售。');
    // The line name is the enterprise's particular, typo and all.
    expect(drafted(category).text).toContain('发酵灌组');
  });

  it.each(['smartWorkshop', 'discreteFactory'] as const)('as %s: the transfer and the records read as written', (category) => {
    const { text } = drafted(category);
    expect(text).toContain('原料由气力输送线转运至料仓，成品由叉车转运至立体仓库。');
    expect(text).toContain('每批次取样化验氨基酸态氮，质检数据均录入LIMS。');
  });

  it('as 附件3: 效益 keeps its figures, the spoken effect asked for', () => {
    const { form } = drafted('processFactory');
    expect(form.drafts['detail.benefits']!.text).toContain('车间人数由150人减少到112人，吨酱油蒸汽消耗降低到1.6吨，〔请补充：人工巡检由…降低至…〕。');
    expect(form.drafts['overview.profile']!.text).toContain('2020—2022年，公司营业收入分别为26480.3万元、28915万元、31240.8万元');
  });
});

describe('spoken words this brewery used, in written form', () => {
  it.each([
    ['公司开始就做酱油', '公司起初生产酱油'],
    ['主要做酱油跟食醋', '主要生产酱油和食醋'],
    ['也给食品厂做代工', '也为食品厂提供代工'],
    ['还给美的做配套', '还为美的提供配套'],
    ['产品线上也卖一点', '产品线上也卖一点'],
    ['货主要走华中，线上也卖一些', '产品主要销往华中，同时开展线上销售'],
    ['2019年搬到新厂区', '2019年搬迁至新厂区'],
    ['2020年又搬进产业园', '2020年又搬迁至产业园'],
    ['质检数据都录到LIMS里', '质检数据均录入LIMS'],
    ['检验结果录到系统里面', '检验结果录入系统'],
    ['原料用气力输送线送到料仓', '原料由气力输送线转运至料仓'],
    ['成品用电动叉车拉到立库', '成品由电动叉车转运至立体仓库'],
  ])('「%s」 reads 「%s」', (said, written) => {
    expect(formalText(ctx.formDrafting, said)).toBe(written);
  });

  it.each([
    // 跟 of following or of a partner, a start that is no 起初, a move not dated, a record with no 里.
    '主要跟踪订单进度',
    '公司跟客户签了合同',
    '开始就亏损',
    '把设备搬到新车间',
    '数据录到一半',
    '给钱就干',
  ])('near miss: 「%s」 stands as typed', (said) => {
    expect(formalText(ctx.formDrafting, said)).toBe(said);
  });
});
