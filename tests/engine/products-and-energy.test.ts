import { describe, expect, it } from 'vitest';
import { interpret } from '../../server/engine';
import { industryFromText, tradeInPassing } from '../../server/engine/plan';
import { realKb } from './kb';
import { q } from './readings';

/*
 * A product typed as the trade (钢窗, 铝合金轮毂) is read for the division the product is made in: a metal product of one
 * character (钢窗, 铁门) is a metal product, and a product that is a trade's own word (轮毂, a car part) decides over the
 * metal it is made of. At the green-development question, energy said not to have dropped (能耗还是那样) is a no, even
 * beside a yes of something else (降本增效搞了).
 */
const read = (id: string, text: string): Record<string, unknown> => {
  const r = interpret(realKb(), text, q(id));
  if (r.kind === 'answers') return Object.fromEntries(r.items.map((i) => [i.questionId, i.value]));
  return { kind: r.kind, ...('reason' in r && r.reason ? { reason: r.reason } : {}) };
};

describe('a product typed as the trade', () => {
  it.each([
    ['钢窗', '33'],
    ['做钢窗的', '33'],
    ['铁门', '33'],
    ['防盗门', '33'],
    ['不锈钢水槽', '33'],
    ['铝合金轮毂', '36'],
    ['汽车轮毂', '36'],
    ['不锈钢轮毂', '36'],
    ['电动车车架', '37'],
    ['铝型材', '32'],
    ['铝合金型材', '32'],
    // Near misses: a product of another trade named first keeps it; a mill form, a smelting word and a word that only
    // holds a metal's character keep their readings.
    ['电动车轮毂', '37'],
    ['摩托车轮毂', '37'],
    ['钢板', undefined],
    ['钢琴', undefined],
    ['铁路', '37'],
    ['炼钢', '31'],
    ['不锈钢', '31'],
  ])('「%s」 is division %s', (text, code) => {
    expect(industryFromText(realKb(), text)).toBe(code);
  });

  it.each([
    ['是，我们是做钢窗的', '33'],
    ['是，生产防盗门', '33'],
    ['对，做铝合金轮毂的', '36'],
  ])('at the main-business question, 「%s」 names division %s in passing', (text, code) => {
    expect(read('ent.manufacturingMainBusiness', text)).toEqual({ 'ent.manufacturingMainBusiness': true, 'ent.industryCode': code });
  });

  it('near miss: a bare metal said in passing is its smelting trade', () => {
    expect(tradeInPassing(realKb(), '我们是做不锈钢的')).toBe('31');
  });
});

describe('energy said not to have dropped at the green-development question', () => {
  it.each(['降本增效搞了，能耗还是那样', '设备换了不少，电耗跟以前差不多', '搞了技改，能耗没啥变化', '排放和去年持平', '能耗还是老样子'])('「%s」 is a no', (text) => {
    expect(read('ent.greenPriority', text)).toEqual({ 'ent.greenPriority': false });
  });

  it.each([
    ['能耗降了一成多', { 'ent.greenPriority': true }],
    ['降本增效搞了，能耗降了一成多', { 'ent.greenPriority': true }],
    ['能耗降了，跟同行差不多', { 'ent.greenPriority': true }],
    // A comparison with the trade says nothing of a drop: neither a yes nor a no.
    ['能耗跟同行差不多', { kind: 'unclear' }],
  ])('near miss: 「%s」', (text, want) => {
    expect(read('ent.greenPriority', text)).toEqual(want);
  });
});

describe('a no of a penalty or an accident where the question asks of something else', () => {
  it.each([
    ['ent.greenPriority', '没有环保问题'],
    ['ent.greenPriority', '环保上没出过事'],
    ['ent.greenPriority', '从来没被环保罚过'],
    ['ent.operatingWell', '没有环保问题'],
    ['cap.energyManagement', '没有环保问题'],
    ['cap.emergencyCommand', '没出过环保事故'],
  ])('at %s, 「%s」 is named back, and no answer', (id, text) => {
    expect(read(id, text)).toEqual({ kind: 'unclear', reason: 'lookalike' });
  });

  it.each([
    ['ent.greenPriority', '没有，环保也没出过事', { 'ent.greenPriority': false }],
    ['ent.greenPriority', '没有', { 'ent.greenPriority': false }],
    ['ent.credit.seriousIllegalDishonest', '没有，环保上也没出过事', { 'ent.credit.seriousIllegalDishonest': false }],
    ['cap.energyManagement', '没有，也没出过环保事故', { 'cap.energyManagement': false }],
    ['cap.emergencyCommand', '有环保在线监测', { 'cap.emergencyCommand': true }],
  ])('near miss: at %s, 「%s」 answers', (id, text, want) => {
    expect(read(id, text)).toEqual(want);
  });
});
