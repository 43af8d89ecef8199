import { describe, expect, it } from 'vitest';
import { serveForFile } from './serve';
import { discreteFactory, workshop, type ScriptedEnterprise } from './enterprises';
import { replyAt } from './steer';

/*
 * Replies a browser probe found stored against the wrong item or lost, typed over the socket as the app runs: a yearly
 * figure that names its own measure, a plan said at the SCADA item, a rate beside words about the plant, design
 * software with parts in and out, an address at the founding date, a familiar name beside the full one. Each with the
 * reported phrase, phrasings of our own, and near misses that keep their reading.
 */
const srv = serveForFile();

async function reply(e: ScriptedEnterprise, at: string, text: string) {
  const { client, ...r } = await replyAt(srv.url, e, at, text);
  await client.close();
  return r;
}

describe('a yearly figure that names its measure goes to that measure, year by year', () => {
  it.each([
    ['去年营收二点一亿，前年一点八亿，大前年一点五亿', 'revenue', [21000, 18000, 15000]],
    ['去年利润八百万，前年六百万，大前年五百万', 'profit', [800, 600, 500]],
    ['去年纳税一千二百万，前年一千万', 'tax', [1200, 1000]],
  ] as const)('「%s」 at 2020年总资产 records each year\'s %s and asks 总资产 again', async (text, row, values) => {
    const r = await reply(workshop, 'form.finance.2020.totalAssets', text);
    const want = Object.fromEntries(values.map((v, i) => [`form.finance.${2022 - i}.${row}`, v]));
    expect(r.stored).toEqual(want);
    expect(r.next?.id).toBe('form.finance.2020.totalAssets');
    for (const year of Object.keys(want).map((id) => id.split('.')[2])) expect(r.said).toContain(`${year}年`);
  }, 120_000);

  it('「前年一点八亿，大前年一点五亿」, no measure named, is the asked 总资产 and the year before', async () => {
    const r = await reply(workshop, 'form.finance.2020.totalAssets', '前年一点八亿，大前年一点五亿');
    expect(r.stored).toEqual({ 'form.finance.2021.totalAssets': 18000, 'form.finance.2020.totalAssets': 15000 });
  }, 120_000);
});

describe('a plan\'s making said at the SCADA item', () => {
  it.each(['生产计划是Excel排的，没有自动生成', '排产都是计划员手工排，没有系统', '作业计划靠车间主任排，有个表格'])('「%s」 is not taken for SCADA, which is asked again', async (text) => {
    const r = await reply(workshop, 'cap.scada', text);
    expect(r.stored).toEqual({});
    expect(r.next?.id).toBe('cap.scada');
    expect(r.said).toContain('不是这一项问的');
    expect(r.said).toContain('SCADA');
  }, 120_000);

  it('「没有，生产计划也是手工排的」 opens with its no, which answers SCADA', async () => {
    const r = await reply(workshop, 'cap.scada', '没有，生产计划也是手工排的');
    expect(r.stored).toEqual({ 'cap.scada': false });
  }, 120_000);
});

describe('a rate named by its own measure in a clause apart from its figure', () => {
  it.each([
    ['数控化率不高，大概百分之三十五，好多还是老罐子手动阀门', 35, '约35%（您说的“大概百分之三十五”）'],
    ['自动化率不算高，也就百分之四十左右吧', 40, '约40%（您说的“也就百分之四十左右吧”）'],
    ['数控化率偏低，差不多三成', 30, '约30%（您说的“差不多三成”）'],
  ] as const)('「%s」 records %s, read back as %s', async (text, value, shown) => {
    const r = await reply(workshop, 'metric.automationRatio', text);
    expect(r.stored).toEqual({ 'metric.automationRatio': value });
    expect(r.shown['metric.automationRatio']).toBe(shown);
  }, 120_000);

  it('「联网率不高，大概百分之三十五」 names another rate and is not taken for this one', async () => {
    const r = await reply(workshop, 'metric.automationRatio', '联网率不高，大概百分之三十五');
    expect(r.stored['metric.automationRatio']).toBeUndefined();
  }, 120_000);
});

describe('design software with some parts in place and some not', () => {
  it.each(['设计用的solidworks，仿真基本没做，工艺还是手写卡片', '画图用的CAXA，工艺卡都是手工填的', '三维建模有UG，仿真分析没搞过'])('「%s」 is 部分', async (text) => {
    const r = await reply(discreteFactory, 'cap.cadCae', text);
    expect(r.stored).toEqual({ 'cap.cadCae': 'partial' });
  }, 120_000);

  it.each([
    ['设计用UG，仿真也做，工艺用CAPP', true],
    ['没有，设计都是手画的', false],
  ] as const)('「%s」 keeps its plain reading', async (text, value) => {
    const r = await reply(discreteFactory, 'cap.cadCae', text);
    expect(r.stored).toEqual({ 'cap.cadCae': value });
  }, 120_000);
});

describe('an address at the founding date, a familiar name beside the full one', () => {
  it.each(['长垣市产业集聚区，医疗器械园区纬三路十八号', '新乡市红旗区新二街12号', '郑州高新区科学大道100号院'])('「%s」 at 成立时间 fills the address; the date waits', async (text) => {
    const r = await reply(workshop, 'form.foundedOn', text);
    expect(r.stored).toEqual({ 'form.address': text });
    expect(r.next?.id).toBe('form.foundedOn');
    expect(r.said).toContain('是地址');
  }, 120_000);

  it('「2009年5月」 at 成立时间 is the date', async () => {
    const r = await reply(workshop, 'form.foundedOn', '2009年5月');
    expect(r.stored).toEqual({ 'form.foundedOn': '2009-05' });
  }, 120_000);

  it.each([
    ['联系人小孙，孙丽娜，电话13903736688', '孙丽娜'],
    ['小孙，孙丽娜', '孙丽娜'],
    ['老王，王建国，13803950000', '王建国'],
  ])('「%s」 gives the contact %s', async (text, name) => {
    const r = await reply(workshop, 'form.contact.name', text);
    expect(r.stored['form.contact.name']).toBe(name);
    expect(r.said).not.toContain('没能对应到这一项');
  }, 120_000);

  it('「小李，孙丽娜」 names two people and stores no name', async () => {
    const r = await reply(workshop, 'form.contact.name', '小李，孙丽娜');
    expect(r.stored['form.contact.name']).toBeUndefined();
    expect(r.next?.id).toBe('form.contact.name');
  }, 120_000);

  it('「四百六十来个」 at 员工 is about 460, kept as the round figure and asked exactly', async () => {
    const r = await reply(workshop, 'form.employees', '四百六十来个');
    expect(r.stored).toEqual({ 'form.employees': 460 });
    expect(r.said).toContain('约数');
    expect(r.said).toContain('准确数字');
  }, 120_000);
});
