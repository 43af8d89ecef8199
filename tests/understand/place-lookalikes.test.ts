import { describe, expect, it } from 'vitest';
import { interpret } from '../../server/engine';
import { createKnowledgeBase } from '../../server/knowledge/base';
import { loadKnowledgeData } from '../../server/knowledge/load';
import { answerQuestion } from '../../server/qa/answer';
import type { AnswerValue } from '../../server/schemas/interview';
import { partOfWord, withProvinces } from '../../server/understand';
import { realKb } from '../engine/kb';
import { q } from '../engine/readings';

/**
 * A place name of another province inside an everyday word (合肥 in 复合肥, 成都 in 「改造完成都…」):
 * read as a place, it turned a fertiliser maker's question into one about another province's policy,
 * and an interview reply into a registration outside Henan, which fails 二(一).
 */
const data = realKb();
const kb = createKnowledgeBase(loadKnowledgeData('knowledge', 'henan-2023'));
const here = data.regions.regions.flatMap((r) => [r.name, r.short, ...r.aliases]);
const read = (t: string) => withProvinces(t, data.regions.elsewhere, here, data.regions.lookalikes);
const outOfProvince = (question: string) => answerQuestion(kb, question).citations.every((c) => c.clause === '五');

describe('a place name inside an everyday word', () => {
  it('is no place in a question', () => {
    for (const t of ['俺厂做复合肥，能报不', '复混肥生产线改造完了能报车间吗', '改造完成都得交哪些东西', '系统集成都要打通哪几个', '项目建成都两年了，还能报吗', '车间里三明治包装线算不算'])
      expect(read(t), t).toBe(t);
    expect(partOfWord('复合肥', 1, 3, data.regions.lookalikes)).toBe(true);
  });

  it('gets its question answered, not refused as another province’s policy', () => {
    for (const t of ['俺厂做复合肥，能报流程型不', '改造完成都得交哪些材料', '系统集成都得做到啥程度']) {
      const r = answerQuestion(kb, t);
      expect(outOfProvince(t), `${t} → ${r.answer.slice(0, 60)}`).toBe(false);
    }
    // A fertiliser is 化学原料和化学制品制造业 (26), read from the trade list.
    expect(answerQuestion(kb, '俺厂做复合肥，能报流程型不').answer).toContain('第26大类');
  });

  it('is still a place where it stands as one', () => {
    expect(read('合肥的厂子能报吗')).toBe('安徽合肥的厂子能报吗');
    expect(read('我们在成都注册的')).toBe('我们在四川成都注册的');
    expect(read('总部在郑州，工厂放在合肥')).toBe('总部在郑州，工厂放在安徽合肥');
    expect(read('从任丘搬过来的')).toBe('从河北任丘搬过来的');
    expect(read('注册地是成都，能报吗')).toBe('注册地是四川成都，能报吗');
  });

  it('answers 不能 where the enterprise says it is registered there, with or without a factory named', () => {
    for (const t of ['我们在成都注册的，能报吗', '俺们是在江苏昆山登记的公司，能申报不', '执照是合肥的，可以报不']) {
      const r = answerQuestion(kb, t);
      expect(r.answer.startsWith('不能'), `${t} → ${r.answer.slice(0, 40)}`).toBe(true);
      expect(r.citations[0]?.clause).toBe('二(一)');
    }
    // Registered in Henan is no 不能.
    for (const t of ['我们在郑州注册的，能报吗', '在许昌登记的企业能报不']) expect(answerQuestion(kb, t).answer.startsWith('不能'), t).toBe(false);
  });
});

describe('an interview reply with such a word', () => {
  const items = (text: string, id: string): Record<string, AnswerValue> => {
    const r = interpret(data, text, q(id));
    return r.kind === 'answers' ? Object.fromEntries(r.items.map((i) => [i.questionId, i.value])) : {};
  };

  it('never records a registration outside Henan', () => {
    expect(items('是嘞，主要生产复合肥', 'ent.registeredInHenan')['ent.registeredInHenan']).toBe(true);
    expect(items('系统集成都弄好了', 'ent.registeredInHenan')['ent.registeredInHenan']).toBeUndefined();
    expect(items('是，做复混肥跟尿素的', 'ent.registeredInHenan')['ent.registeredInHenan']).toBe(true);
  });

  it('still records one where a place outside Henan is named', () => {
    expect(items('在合肥注册的', 'ent.registeredInHenan')['ent.registeredInHenan']).toBe(false);
    expect(items('注册地是成都', 'ent.registeredInHenan')['ent.registeredInHenan']).toBe(false);
  });
});
