import { describe, expect, it } from 'vitest';
import { loadKnowledgeData } from '../../server/knowledge/load';
import { createKnowledgeBase } from '../../server/knowledge/base';
import { createRules } from '../../server/chat/rules';
import { reassignedLines } from '../../server/forms/phase';
import type { Answers, Interpretation } from '../../server/schemas/interview';
import { discreteFactory } from '../chat/enterprises';

/*
 * Form replies read as the chat reads them (rules.interpret), for an eligible 离散型智能工厂 with two workshops:
 * a reply putting the field off in the user's own words stores nothing; a number that is part of a name is never
 * the figure; a correction names a workshop's field; several facts in one reply each go to their own field.
 */
const data = loadKnowledgeData('knowledge', 'henan-2023');
const rules = createRules(createKnowledgeBase(data));
const answers = Object.freeze({ ...discreteFactory.facts, 'form.workshopCount': 2 }) as Answers;
const read = (id: string, text: string): Interpretation => {
  const view = rules.views(answers, [id])[0];
  if (!view) throw new Error(`no view ${id}`);
  return rules.interpret(text, view, answers);
};
const items = (r: Interpretation) => (r.kind === 'answers' ? r.items.map((i) => [i.questionId, i.value]) : r.kind);

describe('a reply that puts the asked field off in words of its own', () => {
  it.each([
    ['form.rnd.description', '研发情况先空着'],
    ['form.rnd.description', '先略过研发这块'],
    ['form.creditCode', '营业执照不在手上，回头再填'],
    ['form.creditCode', '信用代码稍后补'],
    ['form.creditCode', '执照没在手边'],
    ['form.history', '发展历程先跳过吧'],
    ['form.address', '资料不在身边，晚点再填'],
    ['form.marketing', '销售网络先不填，等会儿'],
    ['form.advantages', '先略过，待会儿再说'],
  ])('skips %s on 「%s」 and stores no words', (id, text) => {
    expect(read(id, text)).toEqual({ kind: 'answers', items: [{ questionId: id, value: null }] });
  });

  it.each([
    ['form.finance.2022.profit', '2022年财务数据整体跳过', undefined],
    ['form.finance.2020.tax', '2020年财务数据整体跳过。', undefined],
    ['form.ws.2.lines', '车间2先跳过（6项）', 'workshops@2'],
    ['form.finance.2021.tax', '财务数据先跳过（15项）', 'finance'],
    // The button's label names its part, then a colon, then what it does.
    ['form.ws.2.lines', '车间2：先跳过（6项）', 'workshops@2'],
    ['form.finance.2021.tax', '财务数据：先跳过（15项）', 'finance'],
  ])('reads a skip button’s own label typed at %s (「%s」) as that button', (id, text, section) => {
    expect(read(id, text)).toEqual({ kind: 'answers', items: [{ questionId: id, value: null }], wholeGroup: true, ...(section ? { section } : {}) });
  });

  it.each([
    ['form.rnd.description', '跳过了人工质检环节，检测全部由视觉系统完成'],
    ['form.business', '后续再扩产'],
    ['form.rnd.description', '跳过一些工序后效率提升了20%'],
    ['form.history', '2015年跳过中间环节直接量产'],
  ])('keeps 「%s」 at %s as the text it is', (id, text) => {
    expect(items(read(id, text))).toEqual([[id, text]]);
  });

  it('reads a field name and a colon before a story as the story, not as a button label', () => {
    expect(items(read('form.history', '发展历程：2015年跳过中间环节直接量产'))).toEqual([['form.history', '2015年跳过中间环节直接量产']]);
  });

  it('asks back a put-off naming another workshop than the one asked, never storing it', () => {
    expect(read('form.ws.1.lines', '车间2先跳过')).toEqual({ kind: 'unclear', reason: 'notAnAnswer' });
    expect(read('form.address', '2号车间的先跳过')).toEqual({ kind: 'unclear', reason: 'notAnAnswer' });
    // A year other than the asked one's is no button of this field: asked back for that year, nothing skipped.
    expect(read('form.finance.2021.revenue', '2020年财务数据整体跳过')).toMatchObject({ kind: 'unclear' });
  });
});

describe('a number that is part of a name', () => {
  it.each([
    ['form.ws.1.equipmentTotal', '1号车间共有设备200台', [['form.ws.1.equipmentTotal', 200]]],
    ['form.ws.1.equipmentTotal', '一车间设备总数180台，其中自动化的150台', [['form.ws.1.equipmentTotal', 180], ['form.ws.1.automatedEquipment', 150]]],
    ['form.ws.2.automatedEquipment', '二车间自动化设备85台套，设备总数120台', [['form.ws.2.automatedEquipment', 85], ['form.ws.2.equipmentTotal', 120]]],
    ['form.ws.2.networkedEquipment', '2#车间联网设备共64台套', [['form.ws.2.networkedEquipment', 64]]],
    ['form.ws.1.networkedEquipment', '联网的有96台，1号线全部联网', [['form.ws.1.networkedEquipment', 96]]],
  ])('at %s reads 「%s」 by its counts, each in its own field of that workshop', (id, text, expected) => {
    expect(items(read(id, text))).toEqual(expected);
  });

  it('asks back another workshop’s figure, and reads a plain figure as before', () => {
    expect(read('form.ws.1.equipmentTotal', '车间2一共200台')).toEqual({ kind: 'unclear', reason: 'notAnAnswer' });
    expect(items(read('form.ws.1.equipmentTotal', '150台'))).toEqual([['form.ws.1.equipmentTotal', 150]]);
    expect(items(read('form.ws.1.equipmentTotal', '一共150台套'))).toEqual([['form.ws.1.equipmentTotal', 150]]);
  });
});

describe('a correction naming a workshop’s field', () => {
  it.each([
    ['form.ws.2.lines', '车间1设备总数填错了，是160台套', 'form.ws.1.equipmentTotal', 160],
    ['form.address', '刚才车间2联网设备写错了，应该是64台', 'form.ws.2.networkedEquipment', 64],
    ['form.ws.1.equipmentTotal', '2号车间的自动化设备说错了，是88台', 'form.ws.2.automatedEquipment', 88],
    ['form.ws.1.equipmentTotal', '车间1的名称写错了，应该是灌装车间', 'form.ws.1.name', '灌装车间'],
  ])('at %s reads 「%s」 as that field’s new value', (id, text, field, value) => {
    expect(items(read(id, text))).toEqual([[field, value]]);
  });

  it('still corrects a field named without a workshop', () => {
    expect(items(read('form.capitalNature', '单位地址填错了，应该是郑州市中原路9号'))).toEqual([['form.address', '郑州市中原路9号']]);
  });
});

describe('a correction that moves lines between workshops', () => {
  const given = { ...answers, 'form.ws.1.lines': '巴氏奶灌装线；UHT灭菌灌装线；发酵罐区；酸奶灌装线', 'form.ws.2.lines': '奶粉包装线' } as Answers;
  it('gives a workshop its list and moves the lines named to the other', () => {
    const r = reassignedLines(data, given, '说错了，车间1的生产线是巴氏奶灌装线；UHT灭菌灌装线，发酵罐区和酸奶灌装线是车间2的');
    expect(items(r!)).toEqual([
      ['form.ws.1.lines', '巴氏奶灌装线'],
      ['form.ws.2.lines', '奶粉包装线；UHT灭菌灌装线；发酵罐区；酸奶灌装线'],
    ]);
  });

  it('moves one line named after a correction word', () => {
    expect(items(reassignedLines(data, given, '不对，发酵罐区是2号车间的')!)).toEqual([
      ['form.ws.1.lines', '巴氏奶灌装线；UHT灭菌灌装线；酸奶灌装线'],
      ['form.ws.2.lines', '奶粉包装线；发酵罐区'],
    ]);
  });

  it('asks back a workshop the form has not, and leaves a reply that corrects nothing to the other readings', () => {
    expect(reassignedLines(data, given, '搞错了，酸奶灌装线属于车间3')).toEqual({ kind: 'unclear', reason: 'notAnAnswer' });
    expect(reassignedLines(data, given, '车间2的生产线是奶粉包装线、酸奶灌装线')).toBeUndefined();
    expect(reassignedLines(data, given, '我们车间1是新建的')).toBeUndefined();
  });
});

describe('several facts in one reply', () => {
  it.each([
    ['form.address', '郑州市金水区花园路12号，国有企业，员工360人', [['form.address', '郑州市金水区花园路12号'], ['form.capitalNature', '国有'], ['form.employees', 360]]],
    ['form.registeredCapital', '五千万，民营', [['form.registeredCapital', 5000], ['form.capitalNature', '民营']]],
    ['form.project.start', '2019年6月启动，2021年12月建成投用', [['form.project.start', '2019-06'], ['form.project.end', '2021-12']]],
    ['form.project.end', '2022年9月竣工，总投资3200万', [['form.project.end', '2022-09'], ['form.project.investment', 3200]]],
    ['form.project.start', '2021年5月动工，软硬件投入4500万元', [['form.project.start', '2021-05'], ['form.project.investment', 4500]]],
    ['form.project.end', '软硬件一共花了两千三百万', [['form.project.investment', 2300]]],
  ])('at %s stores each fact of 「%s」 in its own field', (id, text, expected) => {
    expect(items(read(id, text))).toEqual(expected);
  });

  it('keeps a listed name inside an address as the address', () => {
    expect(items(read('form.address', '郑州市民营科技园8号'))).toEqual([['form.address', '郑州市民营科技园8号']]);
    expect(items(read('form.project.start', '2020年3月'))).toEqual([['form.project.start', '2020-03']]);
  });
});
