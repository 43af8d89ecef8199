import { describe, expect, it } from 'vitest';
import { interpret } from '../../server/engine';
import { correctionOfNamedItem } from '../../server/engine/named-correction';
import { viewOf } from '../../server/engine/plan';
import type { Category } from '../../server/schemas/profile';
import { realKb } from './kb';

/*
 * Replies a browser probe found read against what was said: a lack explained by hand after another system said missing,
 * taken for the asked system's no; a finance package named as the ERP; a process plant's MES said in passing, kept apart
 * from the 制造管控系统 its category asks for; a listing said lifted while a system question waits. Each is read as the
 * reported phrase, two phrasings of our own, and near misses that keep their reading.
 */
const kb = realKb();
const view = (id: string, category: Category | null) => viewOf(kb.interview.questions.find((x) => x.id === id)!, category);
const read = (id: string, text: string, category: Category | null = null): Record<string, unknown> => {
  const r = interpret(kb, text, view(id, category), category);
  if (r.kind === 'answers') return Object.fromEntries(r.items.map((i) => [i.questionId, i.value]));
  return { kind: r.kind, ...('reason' in r && r.reason ? { reason: r.reason } : {}) };
};

describe('a lack explained by hand after another system said missing', () => {
  it.each([
    ['cap.manufacturingControl', 'WMS没有，成品库还是手工账'],
    ['cap.scm', 'WMS没有，成品库还是人工记录'],
    ['cap.erp', '仓储管理系统没上，仓库都是手工记账'],
  ])('at %s, 「%s」 records the WMS only', (id, text) => {
    expect(read(id, text, 'processFactory')).toEqual({ 'cap.wms': false });
  });

  it.each([
    // The asked system's own lack, said bare or in a sentence of its own, is its no.
    ['cap.scm', '没有，成品库还是手工账', { 'cap.scm': false }],
    ['cap.scm', '成品库还是手工账', { 'cap.scm': false }],
    ['cap.scm', 'WMS没有。采购还是手工记账', { 'cap.wms': false, 'cap.scm': false }],
    ['cap.scm', 'WMS没有，我们也没有SCM', { 'cap.wms': false, 'cap.scm': false }],
    // Another system said in place leaves the lack after it to the asked one.
    ['cap.mes', 'ERP有，还是纸质', { 'cap.erp': true, 'cap.mes': false }],
  ])('near miss: at %s, 「%s」 reads %j', (id, text, want) => {
    expect(read(id, text, 'processFactory')).toEqual(want);
  });
});

describe('a finance package named as the ERP', () => {
  it.each(['ERP用的是用友财务软件', 'ERP就是金蝶的记账软件', '我们ERP其实是个财务软件'])('「%s」 at the ERP question records nothing and names the lookalike', (text) => {
    expect(read('cap.erp', text)).toEqual({ kind: 'unclear', reason: 'lookalike' });
  });

  it.each(['ERP用的是用友财务软件', '我们ERP其实是个财务软件'])('「%s」 in passing records no ERP', (text) => {
    expect(read('cap.wms', text)).not.toHaveProperty('cap.erp');
  });

  it.each(['ERP用的是用友U8', 'ERP是用友的', 'ERP用的是用友U8，财务软件也是用友的', 'ERP有，财务软件也在用'])('near miss: 「%s」 is the ERP in place', (text) => {
    expect(read('cap.erp', text)).toEqual({ 'cap.erp': true });
  });

  it('near miss: 「没DCS 用的PLC」 is no DCS, the PLC being what is used instead', () => {
    expect(read('cap.dcs', '没DCS 用的PLC')).toEqual({ 'cap.dcs': false });
  });
});

describe('a process plant\'s MES said in passing is its 制造管控系统', () => {
  it.each([
    ['其实MES我们有，去年上的造纸MES，成本质量都能跟踪', true],
    ['生产管理用的是MES，质量成本都在里面跟踪', true],
    ['MES正在上，下个月才上线', 'building'],
    ['MES还在调试', 'building'],
  ])('「%s」 while another system is asked records 制造管控系统 %s', (text, value) => {
    expect(read('cap.tankYard', text, 'processFactory')).toEqual({ 'cap.manufacturingControl': value });
  });

  it.each([
    ['smartWorkshop', 'MES正在上，下个月才上线', 'building'],
    ['smartWorkshop', 'MES还在调试，预计六月上线', 'building'],
    ['discreteFactory', '其实MES我们有', true],
    [null, '其实MES我们有', true],
  ] as const)('near miss: for %s, 「%s」 is the MES %s', (category, text, value) => {
    expect(read('cap.autoId', text, category)).toEqual({ 'cap.mes': value });
  });
});

describe('a listing said lifted while a system question waits', () => {
  const change = (id: string, text: string, answers: Record<string, unknown>) => {
    const r = correctionOfNamedItem(kb, text, view(id, 'processFactory'), answers as never, 'processFactory');
    return r?.kind === 'answers' ? Object.fromEntries(r.items.map((i) => [i.questionId, i.value])) : r;
  };
  it.each([
    '失信被执行人上周已经移出名单了，有法院结案证明',
    '失信被执行人已经移出了，现在不在名单上',
    '被执行人名单上个月撤销了，法院给了结案通知',
    '老赖那个名单已经移除了',
  ])('「%s」 changes the listing to 否', (text) => {
    expect(change('cap.tankYard', text, { 'ent.credit.dishonestExecutee': true })).toEqual({ 'ent.credit.dishonestExecutee': false });
  });

  it.each([
    ['ent.credit.taxViolationBlacklist', '失信被执行人上周已经移出名单了，有法院结案证明'],
    ['ent.credit.seriousIllegalDishonest', '失信被执行人已经移出了，现在不在名单上'],
    ['ent.credit.taxViolationBlacklist', '被执行人名单上个月撤销了'],
  ])('at %s, 「%s」 speaks of the 失信被执行人 list, not the one asked', (id, text) => {
    expect(read(id, text)).toEqual({ 'ent.credit.dishonestExecutee': false });
  });

  it.each([
    ['已经移出了', { 'ent.credit.taxViolationBlacklist': false }],
    ['税收黑名单已经移出了', { 'ent.credit.taxViolationBlacklist': false }],
    ['以前上过，已经移出来了', { 'ent.credit.taxViolationBlacklist': false }],
  ])('near miss: at the tax list, 「%s」 answers it', (text, want) => {
    expect(read('ent.credit.taxViolationBlacklist', text)).toEqual(want);
  });

  it('the tax list named by its own words is the one changed', () => {
    expect(change('cap.scm', '税收黑名单去年已经撤出了', { 'ent.credit.taxViolationBlacklist': true })).toEqual({ 'ent.credit.taxViolationBlacklist': false });
  });

  it.each([
    // Still listed: no lifting to record.
    ['失信被执行人还没移出', { 'ent.credit.dishonestExecutee': true }],
    // No word of the listing: the system question waiting keeps the reply.
    ['失信这块没问题', { 'ent.credit.dishonestExecutee': true }],
    ['生产这块没有', { 'ent.manufacturingMainBusiness': true }],
    ['主营这块已经移出了', { 'ent.manufacturingMainBusiness': true }],
  ])('near miss: 「%s」 changes nothing', (text, answers) => {
    expect(change('cap.scm', text, answers)).toBeUndefined();
  });
});
