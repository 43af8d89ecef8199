import { describe, expect, it } from 'vitest';
import { interpret } from '../../server/engine';
import { correctionOfNamedItem } from '../../server/engine/named-correction';
import { isAssessmentRequest } from '../../server/engine/interpret';
import type { Answers } from '../../server/engine/plan';
import { HARD_CONDITIONS_MET } from '../fixtures/hard-conditions';
import { realKb } from './kb';
import { items, q } from './readings';

/*
 * Replies that speak of another item than the one asked: a correction naming an earlier answer, a denial of an option
 * asked later; and a hedged no given with evidence, two systems said not yet joined, a request to be assessed.
 */

const corrected = (text: string, pendingId: string, answers: Answers) => {
  const r = correctionOfNamedItem(realKb(), text, q(pendingId), answers, null);
  return r?.kind === 'answers' ? Object.fromEntries(r.items.map((i) => [i.questionId, i.value])) : r;
};

describe('a correction that names an earlier item, whichever question waits', () => {
  const listed = { ...HARD_CONDITIONS_MET, 'ent.credit.dishonestExecutee': true, 'ent.credit.seriousIllegalDishonest': true, 'ent.appliedThisYear': true };

  it('changes the item it names by the list\'s own name, not the credit question waiting', () => {
    for (const text of ['严重违法失信名单 改成否', '严重违法失信那个刚才选错了，应该是没有', '更正一下：没被列入严重违法失信名单']) {
      expect(corrected(text, 'ent.credit.taxViolationBlacklist', listed), text).toEqual({ 'ent.credit.seriousIllegalDishonest': false });
    }
  });

  it('changes the 失信被执行人 answer from a reply naming it, while the titles are asked', () => {
    for (const text of ['刚才答错了 失信被执行人那个是没有', '前面那个被执行人的问题我点错了，没有', '失信被执行人 改为否']) {
      expect(corrected(text, 'ent.priorTitles', listed), text).toEqual({ 'ent.credit.dishonestExecutee': false });
    }
  });

  it('reads the answer before the correction as the waiting question\'s', () => {
    expect(corrected('没评过。对了前面失信被执行人我打错了，应该是没有', 'ent.priorTitles', listed)).toEqual({ 'ent.priorTitles': 'none', 'ent.credit.dishonestExecutee': false });
    expect(corrected('木有。税收黑名单那个俺点错了 也是木有', 'ent.credit.seriousIllegalDishonest', { ...HARD_CONDITIONS_MET, 'ent.credit.taxViolationBlacklist': true }))
      .toEqual({ 'ent.credit.seriousIllegalDishonest': false, 'ent.credit.taxViolationBlacklist': false });
  });

  it('changes the second application\'s answer named by its label or in words, with or without a correction word', () => {
    expect(corrected('本年度另有申报 改成否', 'ent.city', listed)).toEqual({ 'ent.appliedThisYear': false });
    expect(corrected('今年就报这一个 没有别的申报', 'ent.foundedYear', listed)).toEqual({ 'ent.appliedThisYear': false });
    expect(corrected('今年只报这一个，没有其他申报', 'ent.city', listed)).toEqual({ 'ent.appliedThisYear': false });
  });

  it('leaves a reply that names no item of its own, or answers the waiting question beside it, to the usual reading', () => {
    // 失信 is a word of all three lists: it names none of them.
    expect(corrected('失信那个改成否', 'ent.priorTitles', listed)).toBeUndefined();
    // The item asked is the one named.
    expect(corrected('税收黑名单没有', 'ent.credit.taxViolationBlacklist', listed)).toBeUndefined();
    // A statement in passing beside the waiting question's answer changes nothing given.
    expect(corrected('是，主营生产，今年就报这一个', 'ent.manufacturingMainBusiness', listed)).toBeUndefined();
    // 一个 in 上一个 points back; it names no second application.
    expect(corrected('上一个说错了，其实有', 'cap.apc', listed)).toBeUndefined();
    // The same value as given is no change.
    expect(corrected('今年就报这一个', 'ent.city', HARD_CONDITIONS_MET)).toBeUndefined();
  });
});

describe('a hedged no to a credit list, given with evidence of good standing', () => {
  it('is a no, with the evidence kept as the detail', () => {
    for (const [text, said] of [
      ['应该没有，纳税信用A级', '纳税信用A级'],
      ['应该木有 俺们年年都是纳税A级', '俺们年年都是纳税A级'],
      ['应该没有 信用中国上查过是干净的', '信用中国上查过是干净的'],
      ['估计没有吧，我们是A级纳税人', '我们是A级纳税人'],
    ]) {
      const r = interpret(realKb(), text, q('ent.credit.taxViolationBlacklist'));
      expect(r, text).toMatchObject({ kind: 'answers', items: [{ questionId: 'ent.credit.taxViolationBlacklist', value: false }], notes: [{ said, reason: 'standing' }] });
    }
  });

  it('stays asked again without evidence, or as a hedged yes', () => {
    expect(interpret(realKb(), '应该没有吧', q('ent.credit.dishonestExecutee'))).toMatchObject({ kind: 'unclear', reason: 'hedge' });
    expect(interpret(realKb(), '好像有，纳税信用A级', q('ent.credit.dishonestExecutee'))).toMatchObject({ kind: 'unclear', reason: 'hedge' });
  });
});

describe('two systems said not yet joined', () => {
  it('are both in place, and their integration is what is missing', () => {
    for (const text of ['MES跟ERP还没连一块', 'MES和ERP没对接', 'ERP跟MES还没连起来', 'MES跟ERP数据不通', 'MES和ERP还没连在一起']) {
      expect(items(text, q('cap.scadaMesErpIntegration')), text).toEqual({ 'cap.mes': true, 'cap.erp': true, 'cap.scadaMesErpIntegration': false });
      expect(items(text, q('cap.mes')), text).toMatchObject({ 'cap.mes': true, 'cap.erp': true, 'cap.scadaMesErpIntegration': false });
    }
  });

  it('one join not made and another made is a partly built integration, in either order', () => {
    expect(items('MES跟ERP还没连一块 数据采集倒是接到MES了', q('cap.scadaMesErpIntegration'))).toMatchObject({ 'cap.scadaMesErpIntegration': 'partial' });
    expect(items('MES和ERP打通了，SCADA还没接进来', q('cap.scadaMesErpIntegration'))).toMatchObject({ 'cap.scadaMesErpIntegration': 'partial' });
  });
});

describe('a denial of an option asked later', () => {
  it('answers neither the waiting question nor the item it denies, and is never a skip or a no', () => {
    for (const id of ['ent.foundedYear', 'ent.city', 'ent.registeredInHenan', 'cap.mes']) {
      for (const text of ['不是离散的', '不算流程型', '俺们不是离散型的']) {
        expect(interpret(realKb(), text, q(id)), `${id} 「${text}」`).toMatchObject({ kind: 'unclear', reason: 'otherItem', field: '生产方式' });
      }
      expect(interpret(realKb(), '不是车间', q(id)), id).toMatchObject({ kind: 'unclear', reason: 'otherItem', field: '申报方向' });
    }
  });

  it('to its own question, with no option named instead, is asked again rather than read as the option denied', () => {
    expect(interpret(realKb(), '不是车间', q('cat.scope'))).toMatchObject({ kind: 'unclear', reason: 'otherItem' });
    expect(interpret(realKb(), '不是离散的', q('cat.productionMode'))).toMatchObject({ kind: 'unclear', reason: 'otherItem' });
    // With the option named, it is that option.
    expect(items('不是离散的，是流程', q('cat.productionMode'))).toEqual({ 'cat.productionMode': 'process' });
    expect(items('不是离散的 是流程', q('ent.foundedYear'))).toMatchObject({ 'cat.productionMode': 'process' });
  });
});

describe('a request to be assessed', () => {
  it('is told from a question about the notice', () => {
    for (const text of ['我想申报 帮我评估一下', '帮我评估下我们厂', '俺们想申报，给俺测一测', '帮我看看能不能报']) expect(isAssessmentRequest(realKb(), text), text).toBe(true);
    for (const text of ['我想申报，要什么材料', '评估要多长时间？', '申报条件有哪些']) expect(isAssessmentRequest(realKb(), text), text).toBe(false);
  });
});

describe('a trade named by its metal', () => {
  it('reads 钨钼 trades as division 32: one-character metal names never name a trade, so their words do', async () => {
    const { industryFromText } = await import('../../server/engine/plan');
    for (const text of ['钨钼冶炼', '钼冶炼', '钼铁', '做钼精矿焙烧的']) expect(industryFromText(realKb(), text), text).toBe('32');
  });
});
