import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { extractByRules, partiesOf } from '../../server/documents/extract';
import { parseDocument } from '../../server/documents/parse';
import { docs, readPages } from './layouts';

/**
 * The construction's benefit indicators (附件2/附件3's 建设前后主要效益指标, 附件1's 人数) read from a table whose columns
 * are before and after it, in the form's units; and whose document a sheet or a letter is. The tables here are laid out
 * as a PDF's text gives them (a row a line) or as an XLSX's cells; none is one of the blind rounds' own.
 */
const ind = (got: Record<string, unknown>) => Object.fromEntries(Object.entries(got).filter(([f]) => f.startsWith('ind.')));

async function sheet(name: string, rows: (string | number)[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet(name).addRows(rows);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('indicator tables', () => {
  it('a numbered table with 改造前/改造后 and a change column gives each indicator before and after, weeks as days', () => {
    const got = readPages(
      ['表3 车间改造前后效益指标', '序号 指标名称 改造前 改造后 变化率', '1 用工人数（人） 320 210 -34.4%', '2 产品不良率（%） 3.5 1.2 -65.7%', '3 新产品研发周期（周） 12 8 -33.3%'].join('\n'),
    );
    expect(ind(got)).toEqual({
      'ind.headcount.before': 320,
      'ind.headcount.after': 210,
      'ind.defectRate.before': 3.5,
      'ind.defectRate.after': 1.2,
      'ind.upgradeCycle.before': 84,
      'ind.upgradeCycle.after': 56,
    });
  });

  it('columns printed after-first are read by their headings, not their order', () => {
    const got = readPages(['指标 建设后 建设前', '日运营成本（万元/天） 45.2 51.8', '生产效率（万元/人/天） 1.35 0.92'].join('\n'));
    expect(ind(got)).toEqual({ 'ind.operatingCost.before': 51.8, 'ind.operatingCost.after': 45.2, 'ind.productivity.before': 0.92, 'ind.productivity.after': 1.35 });
  });

  it('output in 元 with separators, energy in a 单位 column in 千克标准煤, and a defect rate in ppm are converted to the form\'s units', () => {
    const got = readPages(
      ['项目实施前后对比', '指标 单位 实施前 实施后', '工业总产值 元 186,000,000 245,000,000', '单位产值能耗 千克标准煤/万元 86 64', '不良品率 ppm 850 320'].join('\n'),
    );
    expect(ind(got)).toEqual({
      'ind.outputValue.before': 18600,
      'ind.outputValue.after': 24500,
      'ind.energyPerOutput.before': 0.086,
      'ind.energyPerOutput.after': 0.064,
      'ind.defectRate.before': 0.085,
      'ind.defectRate.after': 0.032,
    });
  });

  it('two years under a caption about the change are before and after, the earlier year before, whichever is printed first', () => {
    const got = readPages(['智能化改造成效', '指标 2023年 2021年', '车间人数（人） 96 150', '产品不良品率（%） 0.7 2.2'].join('\n'));
    expect(ind(got)).toEqual({ 'ind.headcount.before': 150, 'ind.headcount.after': 96, 'ind.defectRate.before': 2.2, 'ind.defectRate.after': 0.7 });
  });

  it('an XLSX of 建设前/建设后 with a 提升比例 column gives the indicators', async () => {
    const data = await sheet('效益指标', [
      ['指标', '建设前', '建设后', '提升比例'],
      ['员工人数（人）', 412, 305, '-26%'],
      ['年产值（亿元）', 5.6, 7.1, '26.8%'],
      ['产品升级周期（天）', 90, 60, '-33%'],
    ]);
    const got = readPages(...(await parseDocument(data, 'xlsx', docs)));
    expect(ind(got)).toEqual({
      'ind.headcount.before': 412,
      'ind.headcount.after': 305,
      'ind.outputValue.before': 56000,
      'ind.outputValue.after': 71000,
      'ind.upgradeCycle.before': 90,
      'ind.upgradeCycle.after': 60,
    });
  });

  describe('near misses give no indicator', () => {
    const none: [string, string][] = [
      ['three years of the company are no before and after', ['近三年主要指标', '指标 2020年 2021年 2022年', '员工人数（人） 520 548 566', '产值（万元） 23100 26800 30200'].join('\n')],
      ['two years with no caption about a change are two years', ['主要经营指标', '指标 2021年 2022年', '员工人数（人） 548 566', '产品不良品率（%） 1.2 1.1'].join('\n')],
      ['two years compared in a table of economic benefits are two years, not a construction', ['主要经济效益指标对比', '指标 2021年 2022年', '车间人数（人） 150 140'].join('\n')],
      ['a forecast 建设后 is a target', ['指标 建设前 建设后（预计）', '车间人数（人） 180 120', '产品不良品率（%） 2.0 0.8'].join('\n')],
      [
        '人均产值 per year and 综合能耗 in tonnes are not the form\'s indicators',
        ['指标 建设前 建设后', '人均产值（万元/人/年） 95 168', '综合能耗（吨标准煤） 5200 4300'].join('\n'),
      ],
      [
        'a 合格率 of suppliers, of training or of incoming material is no product\'s and leaves no 不良品率',
        ['指标 建设前 建设后', '供应商合格率（%） 92.0 97.5', '人员培训合格率（%） 88 99', '来料检验合格率 95.5% 98.6%'].join('\n'),
      ],
      ['a 合格率 above the whole is no rate', ['指标 建设前 建设后', '产品合格率（%） 965 992'].join('\n')],
      ['a cycle whose cells carry a unit it is never printed in (台) is not read', ['指标 建设前 建设后', '产品研制周期 6台 4台'].join('\n')],
      ['a row whose unit is not printed and not implied (产值) is not guessed', ['指标 建设前 建设后', '产值 15600 21800'].join('\n')],
      ['a development plan\'s before and after are targets', ['公司智能化改造三年规划', '指标 建设前 建设后', '车间人数（人） 180 120'].join('\n')],
    ];
    for (const [what, page] of none)
      it(what, () => {
        expect(ind(readPages(page))).toEqual({});
      });
  });

  it('a products\' 合格率 gives the 不良品率 it leaves (100% less it), and says it was converted', () => {
    for (const [label, before, after, expected] of [
      ['产品合格率（%）', '96.5', '99.2', [3.5, 0.8]],
      ['产品一次合格率', '97.8%', '99.35%', [2.2, 0.65]],
      ['良品率（%）', '95', '98.6', [5, 1.4]],
      ['一次交检合格率（‰）', '982', '996', [1.8, 0.4]],
    ] as const) {
      const page = ['包装车间改造前后指标', '指标 改造前 改造后', `${label} ${before} ${after}`, '车间人数（人） 120 80'].join('\n');
      expect(ind(readPages(page)), label).toEqual({ 'ind.defectRate.before': expected[0], 'ind.defectRate.after': expected[1], 'ind.headcount.before': 120, 'ind.headcount.after': 80 });
      const s = extractByRules([page], 'x', docs).find((x) => x.field === 'ind.defectRate.after')!;
      expect(s.conversion, 'the suggestion carries how it was converted, for its note').toMatchObject({ complementOf: label.replace(/（.*$/, '') });
    }
  });

  it('a table that gives both 不良品率 and 合格率 is read by its 不良品率, whichever row comes first', () => {
    const got = readPages(['指标 实施前 实施后', '产品合格率（%） 97.0 99.0', '产品不良率（%） 2.6 0.7'].join('\n'));
    expect(ind(got)).toEqual({ 'ind.defectRate.before': 2.6, 'ind.defectRate.after': 0.7 });
  });

  it('a cycle in months, years or hours is converted to days, by the factor stated, on its label, in a 单位 column or on its cells', () => {
    const read = (row: string) => ind(readPages(['指标 建设前 建设后', row].join('\n')));
    expect(read('新产品研发周期（月） 6 4')).toEqual({ 'ind.upgradeCycle.before': 180, 'ind.upgradeCycle.after': 120 });
    expect(read('产品研制周期 18个月 10个月')).toEqual({ 'ind.upgradeCycle.before': 540, 'ind.upgradeCycle.after': 300 });
    expect(read('升级周期 年 2 1.5')).toEqual({ 'ind.upgradeCycle.before': 730, 'ind.upgradeCycle.after': 547.5 });
    expect(read('产品升级周期（小时） 36 12')).toEqual({ 'ind.upgradeCycle.before': 1.5, 'ind.upgradeCycle.after': 0.5 });
    const s = extractByRules([['指标 建设前 建设后', '新产品研发周期（月） 6 4'].join('\n')], 'x', docs).find((x) => x.field === 'ind.upgradeCycle.before')!;
    expect(s.conversion, 'the factor is kept for the note').toEqual({ unit: '月', factor: 30, to: '天' });
    const days = extractByRules([['指标 建设前 建设后', '产品研制周期（天） 90 60'].join('\n')], 'x', docs).find((x) => x.field === 'ind.upgradeCycle.before')!;
    expect(days.conversion, 'a figure in the form\'s own unit is not converted').toBeUndefined();
  });

  it('an equipment table under the same headings still gives the equipment counts and no indicator', () => {
    const got = readPages(['装配车间设备情况', '指标 建设前 建设后', '设备总数（台套） 64 118', '联网设备（台套） 20 106'].join('\n'));
    expect(ind(got)).toEqual({});
    expect(got['ws.1.equipmentTotal']).toBe(118);
  });
});

describe('whose a sheet or a letter is', () => {
  it('an XLSX quotation whose supplier stands alone in A1 over a sheet named 报价单 is the supplier\'s: only the customer\'s line is the enterprise\'s', async () => {
    const data = await sheet('报价单', [['郑州科润输送设备有限公司'], ['客户名称', '安阳宏达铸造有限公司'], ['序号', '设备', '金额（万元）'], [1, '输送线', 260], ['我公司成立于2006年，现有员工210人。']]);
    const pages = await parseDocument(data, 'xlsx', docs);
    expect(pages[0]!.split('\n').filter(Boolean).slice(0, 2), 'A1 first, the sheet name after it').toEqual(['郑州科润输送设备有限公司', '报价单']);
    const p = partiesOf(pages, docs, { name: '安阳宏达铸造有限公司' });
    expect(p.writtenByOther).toBe('郑州科润输送设备有限公司');
  });

  it('a sheet whose first row has several cells keeps its name first, as a caption over its table', async () => {
    const pages = await parseDocument(await sheet('设备清单', [['序号', '设备名称', '数量'], [1, '机器人', 6]]), 'xlsx', docs);
    expect(pages[0]!.split('\n').filter(Boolean)[0]).toBe('设备清单');
  });

  const ownLetter = (title: string, body: string, company = '漯河丰禾食品有限公司') => [[company, title, body, '特此说明。', `${company}（盖章）`, '2023年5月6日'].join('\n')];

  it('before the enterprise is recorded, a letter headed and signed by one company naming its customer is that company\'s own', () => {
    const pages = ownLetter('关于公司经营情况的说明', '我公司成立于2011年3月，现有员工380人，主要客户为双汇食品销售有限公司。');
    const p = partiesOf(pages, docs);
    expect(p.ownWriter?.company).toBe('漯河丰禾食品有限公司');
    expect(p.ownWriter?.others.join(), 'the customer is named as written of').toContain('双汇食品销售有限公司');
    expect(p.unsure, 'nothing is asked').toBeUndefined();
    expect(readPages(...pages)).toMatchObject({ name: '漯河丰禾食品有限公司', employees: 380, foundedOn: '2011-03' });
  });

  it('the same layout attesting the other company (合作证明, 兹证明) or written to it (贵司) is not read as the writer\'s own', () => {
    const proof = ownLetter('合作证明', '兹证明漯河丰禾食品有限公司自2018年起向我公司供货，我公司现有员工1500人。', '双汇食品销售有限公司');
    expect(partiesOf(proof, docs).ownWriter).toBeUndefined();
    expect(partiesOf(proof, docs).unsure).toContain('双汇食品销售有限公司');
    const toReader = ownLetter('关于设备交付的说明', '感谢贵司选用我公司设备，漯河丰禾食品有限公司的订单已交付。', '郑州鼎力食品机械有限公司');
    expect(partiesOf(toReader, docs).ownWriter).toBeUndefined();
  });

  // A supplier's letter under its own letterhead and sign-off, written to its customer: its 「我公司」 is the supplier.
  const supplierLetter = (greeting: string, supplier = '许昌远航智能装备有限公司', signed = true) => [
    [supplier, greeting, '我公司成立于2009年，注册资本6000万元，现有员工420人，专业从事自动化生产线集成。', '特此函告。', ...(signed ? [`${supplier}（盖章）`, '2023年2月20日'] : ['2023年2月20日'])].join('\n'),
  ];

  it('a supplier\'s letter to a customer greeted as such (尊敬的客户, 各位用户) is the supplier\'s, before and after the enterprise is recorded', () => {
    for (const greeting of ['尊敬的客户：', '尊敬的用户：您好！', '致：尊敬的合作伙伴', '各位客户：', '亲爱的客户朋友们：']) {
      const pages = supplierLetter(greeting);
      for (const mine of [{}, { name: '平顶山瑞丰机械有限公司' }]) {
        const p = partiesOf(pages, docs, mine);
        expect(p.issuedBy?.company, `${greeting} ${JSON.stringify(mine)}`).toBe('许昌远航智能装备有限公司');
        expect(p.ownWriter, greeting).toBeUndefined();
      }
      expect(readPages(...pages), 'nothing is offered, least of all its name as the enterprise\'s').toEqual({});
    }
    expect(partiesOf(supplierLetter('尊敬的客户：', '许昌远航智能装备有限公司', false), docs).issuedBy?.company, 'a letterhead without a sign-off is the writer too').toBe('许昌远航智能装备有限公司');
  });

  it('a letter 致 a company\'s department or person is to that company, and names neither as the enterprise', () => {
    for (const to of ['致：平顶山瑞丰机械有限公司采购部', '致：平顶山瑞丰机械有限公司王总', '平顶山瑞丰机械有限公司设备部：', '尊敬的平顶山瑞丰机械有限公司领导：']) {
      const pages = supplierLetter(to);
      expect(partiesOf(pages, docs).between, to).toEqual(expect.arrayContaining(['平顶山瑞丰机械有限公司', '许昌远航智能装备有限公司']));
      expect(readPages(...pages), to).toEqual({});
    }
  });

  it('near misses: the enterprise\'s own letter to the authorities or greeting no customer is still its own; a branch is no department', () => {
    for (const greeting of ['河南省工业和信息化厅：', '致：平顶山市工业和信息化局', '尊敬的评审专家：']) {
      const pages = supplierLetter(greeting, '平顶山瑞丰机械有限公司');
      expect(partiesOf(pages, docs).issuedBy, greeting).toBeUndefined();
      expect(readPages(...pages), greeting).toMatchObject({ name: '平顶山瑞丰机械有限公司', employees: 420, registeredCapital: 6000 });
    }
    // A sentence about customers (「为客户提供」) greets no one.
    const own = [['平顶山瑞丰机械有限公司', '关于公司基本情况的说明', '我公司成立于2009年，现有员工420人，为客户提供定制化服务。', '平顶山瑞丰机械有限公司（盖章）', '2023年2月20日'].join('\n')];
    expect(partiesOf(own, docs).issuedBy).toBeUndefined();
    expect(readPages(...own)).toMatchObject({ name: '平顶山瑞丰机械有限公司', employees: 420 });
  });

  it('a letter signed at its foot only, or with a letterhead of another company than the signer, still asks which company is the enterprise', () => {
    const footOnly = [['关于公司经营情况的说明', '我公司成立于2011年3月，主要客户为双汇食品销售有限公司。', '漯河丰禾食品有限公司', '2023年5月6日'].join('\n')];
    expect(partiesOf(footOnly, docs).ownWriter).toBeUndefined();
    expect(partiesOf(footOnly, docs).unsure).toBeDefined();
  });
});
