import { describe, expect, it } from 'vitest';
import { interpret } from '../../server/engine';
import { createKnowledgeBase } from '../../server/knowledge/base';
import { createRules } from '../../server/chat/rules';
import type { Category } from '../../server/schemas/profile';
import { realKb } from './kb';
import { q } from './readings';

/*
 * Replies that answer the item waiting and ask something beside it, and a workshop applicant's reply that speaks of a
 * workshop other than the one applying. Each is read as the reported phrase, two phrasings of our own, and near misses
 * that keep their reading. The same replies over the socket are in tests/chat/answer-beside-question-and-applied-workshop.
 */
const read = (id: string, text: string, category: Category | null = null, units: string[] = []): Record<string, unknown> => {
  const r = interpret(realKb(), text, q(id), category, units);
  if (r.kind === 'answers') return { ...Object.fromEntries(r.items.map((i) => [i.questionId, i.value])), ...(r.asks ? { asks: true } : {}) };
  return { kind: r.kind, ...('reason' in r && r.reason ? { reason: r.reason } : {}) };
};

describe('a yes or no opening a statement, then a question: the statement answers, the question is asked', () => {
  it.each([
    ['是的 主营就是生产。对了 啥算新一代信息技术啊？', true],
    ['对，我们主要就是做生产的。另外问下，啥叫智能工厂？', true],
    ['是 我们就是搞制造的，还有个事，申报要交哪些材料？', true],
    ['不是，我们主要做贸易，那还能报吗？', false],
  ])('「%s」 at the main-business question records %s and asks', (text, value) => {
    expect(read('ent.manufacturingMainBusiness', text)).toEqual({ 'ent.manufacturingMainBusiness': value, asks: true });
  });

  it.each(['主营是生产的话算吗？', '我们是做饲料的，能报吗？', '主营就是生产，视频要多长？'])('near miss: 「%s」 only asks', (text) => {
    expect(read('ent.manufacturingMainBusiness', text)).toEqual({ kind: 'question' });
  });
});

describe('a hedged no after asking what the system asked is: a no', () => {
  it.each([
    ['cap.rto', '啥是RTO？没听说过，应该没有'],
    ['cap.rto', 'RTO是什么？估计没有'],
    ['cap.rto', '实时优化是啥意思？好像没上'],
    ['cap.apc', 'APC指的是啥？我们应该没有吧'],
  ])('at %s 「%s」 records no and asks', (id, text) => {
    expect(read(id, text)).toEqual({ [id]: false, asks: true });
  });

  it.each([
    ['cap.rto', '啥是RTO？我们不清楚有没有', { kind: 'question' }],
    ['cap.rto', '啥是RTO？好像有', { kind: 'question' }],
    // Not understanding the name is no no.
    ['cap.mes', '啥叫制造执行系统？俺听不懂', { kind: 'question' }],
    // A hedged no beside a question about something else is no answer to the system asked.
    ['cap.rto', '视频要多长？应该没有', { kind: 'question' }],
    // Alone, a hedged no is still asked again.
    ['cap.rto', '应该没有', { kind: 'unclear', reason: 'hedge' }],
  ])('near miss: at %s 「%s」 records nothing', (id, text, expected) => {
    expect(read(id, text)).toEqual(expected);
  });
});

describe('a workshop applicant: what is said of another workshop does not count against the one applying', () => {
  it.each([
    ['cap.industrialNetwork', '发酵车间有工业以太网，灌装那边还没建', ['发酵车间']],
    // The known name said in part (发酵车间 of 酿造发酵车间).
    ['cap.industrialNetwork', '发酵车间有工业以太网，灌装那边还没建', ['酿造发酵车间']],
    ['cap.scada', '发酵车间都接了SCADA，包装线还没接', ['发酵车间']],
    ['cap.mes', '二车间上了MES，一车间还没上', ['二车间']],
    // The applying workshop named in the reply itself.
    ['cap.mes', '我们申报的机加车间MES用起来了，装配那块还没弄', []],
  ])('at %s 「%s」 (applying: %j) is a yes', (id, text, units) => {
    expect(read(id, text, 'smartWorkshop', units)).toEqual({ [id]: true });
  });

  it.each([
    // Nothing tells which workshop applies: partly built, as before.
    ['cap.industrialNetwork', '发酵车间有工业以太网，灌装那边还没建', [], 'smartWorkshop', 'partial'],
    // The workshop that lacks it is the applying one.
    ['cap.industrialNetwork', '发酵车间有工业以太网，灌装那边还没建', ['灌装车间'], 'smartWorkshop', 'partial'],
    ['cap.industrialNetwork', '车间里一半有以太网，一半还没建', ['发酵车间'], 'smartWorkshop', 'partial'],
    ['cap.industrialNetwork', '发酵车间有一部分有以太网，一部分还没建', ['发酵车间'], 'smartWorkshop', 'partial'],
    // A factory applies with every workshop.
    ['cap.industrialNetwork', '发酵车间有工业以太网，灌装那边还没建', ['发酵车间'], 'discreteFactory', 'partial'],
  ] as const)('near miss: at %s 「%s」 (applying: %j, %s) stays %s', (id, text, units, category, value) => {
    expect(read(id, text, category, [...units])).toEqual({ [id]: value });
  });

  it('takes the applying workshop from the form answers the session holds', () => {
    const rules = createRules(createKnowledgeBase(realKb()));
    const answers = { 'cat.scope': 'workshop', 'form.ws.1.name': '发酵车间' };
    const r = rules.interpret('发酵车间有工业以太网，灌装那边还没建', q('cap.industrialNetwork'), answers);
    expect(r).toMatchObject({ kind: 'answers', items: [{ questionId: 'cap.industrialNetwork', value: true }] });
    const unnamed = rules.interpret('发酵车间有工业以太网，灌装那边还没建', q('cap.industrialNetwork'), { 'cat.scope': 'workshop' });
    expect(unnamed).toMatchObject({ kind: 'answers', items: [{ questionId: 'cap.industrialNetwork', value: 'partial' }] });
  });

  it('reads a system said beside another question, or taken back, against the applying workshop too', () => {
    const rules = createRules(createKnowledgeBase(realKb()));
    const read = (text: string, answers: Record<string, unknown>) => rules.interpret(text, q('cap.mes'), { 'cat.scope': 'workshop', 'cap.industrialNetwork': false, ...answers });
    for (const text of ['不对，工业以太网发酵车间有，灌装那边还没建', '工业网络刚才答错了，发酵车间有工业以太网，灌装那边还没建']) {
      expect(read(text, { 'form.ws.1.name': '发酵车间' }), text).toMatchObject({ kind: 'answers', items: [{ questionId: 'cap.industrialNetwork', value: true }] });
      expect(read(text, {}), text).toMatchObject({ kind: 'answers', items: [{ questionId: 'cap.industrialNetwork', value: 'partial' }] });
    }
  });
});
