import { describe, expect, it } from 'vitest';
import { interpret } from '../../server/engine';
import { industryFromText } from '../../server/engine/plan';
import { figureBound } from '../../server/understand/numbers';
import { realKb } from './kb';
import { q } from './readings';

/*
 * Interview replies a browser probe found misread: a product named by its metal (不锈钢餐具) taken for the smelting
 * trade, 独立法人 said with a yes to whether the group applies, a reduction of energy or water per unit not read as the
 * green-development yes, a figure said as below or above a share, a standing in the trade, a 进销存 tool at the ERP item.
 * Each is read as the reported phrase, two phrasings of our own, and near misses that keep their reading.
 */
const read = (id: string, text: string): Record<string, unknown> => {
  const r = interpret(realKb(), text, q(id));
  if (r.kind === 'answers') return Object.fromEntries(r.items.map((i) => [i.questionId, i.value]));
  return { kind: r.kind, ...('reason' in r && r.reason ? { reason: r.reason } : {}), ...('choices' in r && r.choices ? { choices: r.choices } : {}) };
};

describe('a product made of a metal is a metal product, not the smelting of the metal', () => {
  it.each([
    ['不锈钢餐具', '33'],
    ['铝合金门窗', '33'],
    ['铜管件', '33'],
    ['钢结构', '33'],
    ['不锈钢水槽', '33'],
    ['铝锅铝盆', '33'],
    ['做不锈钢的，主要冲压抛光', '33'],
    // Near misses: smelting, rolling and the mill forms of a metal keep their division; a word that only holds a metal's
    // character names no metal product.
    ['炼钢', '31'],
    ['轧钢', '31'],
    ['不锈钢冶炼', '31'],
    ['不锈钢板材', '31'],
    ['电解铝', '32'],
    ['铝型材', '32'],
    ['铁路机车', '37'],
    ['钢琴', undefined],
  ])('「%s」 is division %s', (text, code) => {
    expect(industryFromText(realKb(), text)).toBe(code);
  });

  it.each([
    ['是，做不锈钢餐具的，冲压抛光', '33'],
    ['是，生产铝合金门窗', '33'],
    ['对，我们做铜管件的', '33'],
    ['是，炼钢的', '31'],
    ['是，电解铝', '32'],
  ])('at the main-business question, 「%s」 names division %s in passing', (text, code) => {
    expect(read('ent.manufacturingMainBusiness', text)).toEqual({ 'ent.manufacturingMainBusiness': true, 'ent.industryCode': code });
  });
});

describe('独立法人 said with a yes at the group question', () => {
  it.each(['是，独立法人', '对，我们是独立法人', '是的，有独立法人资格'])('「%s」 records the legal person only, and the group question stays open', (text) => {
    expect(read('ent.groupOrHeadOffice', text)).toEqual({ 'ent.independentLegalPerson': true });
  });

  it.each([
    ['是，用集团的名义报', { 'ent.groupOrHeadOffice': true }],
    ['是', { 'ent.groupOrHeadOffice': true }],
    ['不是，我们是独立法人，自己报', { 'ent.groupOrHeadOffice': false, 'ent.independentLegalPerson': true }],
    ['否，独立法人', { 'ent.groupOrHeadOffice': false, 'ent.independentLegalPerson': true }],
  ])('near miss: 「%s」 answers the group question', (text, want) => {
    expect(read('ent.groupOrHeadOffice', text)).toEqual(want);
  });
});

describe('a reduction per unit at the green-development question', () => {
  it.each(['单位产值能耗这两年降了一成多', '吨纸水耗这几年降了三分之一', '吨钢综合能耗比2020年下降了8%', '每吨产品用电量少了两成', '排放这几年减少了不少'])('「%s」 is a yes', (text) => {
    expect(read('ent.greenPriority', text)).toEqual({ 'ent.greenPriority': true });
  });

  it.each([
    ['能耗没降', { 'ent.greenPriority': false }],
    ['能耗这两年没有减少', { 'ent.greenPriority': false }],
    ['能耗涨了', { kind: 'unclear' }],
  ])('near miss: 「%s」 is no yes', (text, want) => {
    expect(read('ent.greenPriority', text)).toEqual(want);
  });
});

describe('a round share said as below or above a figure', () => {
  it.each([
    ['一半不到', 'below'],
    ['不到三成', 'below'],
    ['将近一半', 'below'],
    ['七成多', 'above'],
    ['过半', 'above'],
    ['一半以上', 'above'],
    ['差不多一半', undefined],
    ['三成左右', undefined],
    ['一半', undefined],
  ])('「%s」 is %s its figure', (text, side) => {
    expect(figureBound(text)).toBe(side);
  });

  it.each([
    ['一半不到', 50],
    ['过半', 50],
    ['不到三成', 30],
    ['七成多', 70],
  ])('「%s」 records %s', (text, value) => {
    expect(read('metric.networkedRatio', text)).toEqual({ 'metric.networkedRatio': value });
  });
});

describe('a standing in the trade at a self-assessment', () => {
  it.each(['行业里数得着', '排前几名', '在全省同行里算前面的', '省内能排在前面'])('「%s」 is a yes', (text) => {
    expect(read('self.automationAdvanced', text)).toEqual({ 'self.automationAdvanced': true });
  });

  it.each(['一般般', '中等', '不算前面的'])('near miss: 「%s」 is a no', (text) => {
    expect(read('self.automationAdvanced', text)).toEqual({ 'self.automationAdvanced': false });
  });

  // The notice compares with the province's trade: a standing in one city is asked again, naming the city.
  it.each([
    ['在许昌家具行业里算前面的', '许昌'],
    ['在俺们长垣这一片算先进的', '这一片'],
  ])('「%s」 is a standing in a narrower scope, asked again naming 「%s」', (text, word) => {
    expect(read('self.automationAdvanced', text)).toEqual({ kind: 'unclear', reason: 'narrowScope', choices: [word] });
  });
});

describe('a 进销存 tool at the ERP question', () => {
  it.each(['ERP算不算？我们用的是管家婆', '管家婆就是我们的进销存', '用的速达进销存', '就用个进销存软件'])('「%s」 is ERP in part', (text) => {
    expect(read('cap.erp', text)).toEqual({ 'cap.erp': 'partial' });
  });

  it.each([
    ['有，用友U8', true],
    ['用的金蝶K3', true],
    ['没有，连进销存都没有', false],
    ['进销存软件都没有', false],
  ])('near miss: 「%s」 is %s', (text, value) => {
    expect(read('cap.erp', text)).toEqual({ 'cap.erp': value });
  });
});
