import { describe, expect, it } from 'vitest';
import { interpret } from '../../server/engine';
import { realKb } from './kb';
import { q } from './readings';

/*
 * Interview replies a browser probe found misread: a rate that names its own measure in a clause apart from its figure,
 * a design-software item whose parts are said one in place and one not, and a plan's making said at the SCADA item.
 * Each is read as the reported phrase, phrasings of our own, and near misses that keep their reading.
 */
const read = (id: string, text: string): Record<string, unknown> => {
  const r = interpret(realKb(), text, q(id));
  if (r.kind === 'answers') return Object.fromEntries(r.items.map((i) => [i.questionId, i.value]));
  return { kind: r.kind, ...('reason' in r && r.reason ? { reason: r.reason } : {}) };
};

describe('a rate that names its own measure apart from its figure', () => {
  it.each([
    ['数控化率不高，大概百分之三十五，好多还是老罐子手动阀门', 35],
    ['自动化率不算高，也就百分之四十左右吧', 40],
    ['数控化率偏低，差不多三成', 30],
  ])('「%s」 records %s', (text, value) => {
    expect(read('metric.automationRatio', text)).toEqual({ 'metric.automationRatio': value });
  });

  it.each([
    ['联网率不高，大概百分之三十五', 'metric.automationRatio'],
    ['数控化率不高，大概百分之三十五', 'metric.networkedRatio'],
  ])('「%s」 at %s names another rate and records nothing for it', (text, id) => {
    expect(read(id, text)).toEqual({ kind: 'unclear' });
  });
});

describe('a design-software item with one part in place and another not is partly in place', () => {
  it.each([
    '设计用的solidworks，仿真基本没做，工艺还是手写卡片',
    '画图用的CAXA，工艺卡都是手工填的',
    '三维建模有UG，仿真分析没搞过',
    'CAD有，CAE和CAPP没有',
  ])('「%s」 is partial', (text) => {
    expect(read('cap.cadCae', text)).toEqual({ 'cap.cadCae': 'partial' });
  });

  it.each([
    ['设计用UG，仿真也做，工艺用CAPP', true],
    ['设计用的solidworks', true],
    ['设计、仿真、工艺都没有软件', false],
    ['没有，设计都是手画的', false],
  ] as const)('「%s」 keeps its plain reading', (text, value) => {
    expect(read('cap.cadCae', text)).toEqual({ 'cap.cadCae': value });
  });
});

describe('a plan\'s making said at the SCADA item answers it neither way', () => {
  it.each(['生产计划是Excel排的，没有自动生成', '排产都是计划员手工排，没有系统', '作业计划靠车间主任排，有个表格'])('「%s」 is named back', (text) => {
    expect(read('cap.scada', text)).toEqual({ kind: 'unclear', reason: 'lookalike' });
  });

  it.each([
    ['没有，生产计划也是手工排的', false],
    ['设备数据采集没有，生产计划用Excel排', false],
    ['有SCADA，排产还是Excel', true],
    ['没有，只有摄像头', false],
  ] as const)('「%s」 answers it', (text, value) => {
    expect(read('cap.scada', text)).toEqual({ 'cap.scada': value });
  });
});
