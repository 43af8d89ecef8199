import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { partiesOf } from '../../server/documents/extract';
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
        'a 合格率, 人均产值 per year and 综合能耗 in tonnes are not the form\'s indicators',
        ['指标 建设前 建设后', '产品合格率（%） 97.5 99.2', '人均产值（万元/人/年） 95 168', '综合能耗（吨标准煤） 5200 4300'].join('\n'),
      ],
      ['a row whose unit is not printed and not implied (产值) is not guessed', ['指标 建设前 建设后', '产值 15600 21800'].join('\n')],
      ['a development plan\'s before and after are targets', ['公司智能化改造三年规划', '指标 建设前 建设后', '车间人数（人） 180 120'].join('\n')],
    ];
    for (const [what, page] of none)
      it(what, () => {
        expect(ind(readPages(page))).toEqual({});
      });
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

  it('a letter signed at its foot only, or with a letterhead of another company than the signer, still asks which company is the enterprise', () => {
    const footOnly = [['关于公司经营情况的说明', '我公司成立于2011年3月，主要客户为双汇食品销售有限公司。', '漯河丰禾食品有限公司', '2023年5月6日'].join('\n')];
    expect(partiesOf(footOnly, docs).ownWriter).toBeUndefined();
    expect(partiesOf(footOnly, docs).unsure).toBeDefined();
  });
});
