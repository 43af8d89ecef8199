import { describe, expect, it } from 'vitest';
import { resolve } from 'node:path';
import { createKnowledgeBase } from '../../server/knowledge/base';
import { loadKnowledgeData } from '../../server/knowledge/load';
import { answerFollowUp, answerQuestion } from '../../server/qa/answer';
import { understanderFor } from '../../server/understand';

const kb = createKnowledgeBase(loadKnowledgeData(resolve(import.meta.dirname, '../../knowledge'), 'henan-2023'));
const ask = (q: string) => answerQuestion(kb, q);

describe('a tag asking for leave after a question', () => {
  it('is the question asked again, not a second part the notice cannot answer', () => {
    for (const [q, opens] of [
      ['俺厂在济源，能推几家，中不中', /^济源示范区属于/],
      ['咱在鹤壁，市里能推荐几家，行不行？', /^鹤壁/],
      ['我们是化工企业，能报智能工场不，中不中？', /流程型/],
      ['车间只有一条线能报吗，可以不', /^通知没有规定车间的面积/],
    ] as const) {
      const a = ask(q);
      expect(a.answer, q).not.toMatch(/^\d\. /m);
      expect(a.answer, q).not.toContain('这一问无法根据通知作答');
      expect(a.answer.replace(/^（已按[^）]*）\n/u, '').split('\n')[0], q).toMatch(opens);
    }
  });

  it('leaves a question of two real parts as two parts, read back with Chinese commas', () => {
    const a = ask('视频要多大，拍3分钟行不行？');
    expect(a.answer).toMatch(/^1\. .*200M/mu);
    expect(a.answer).toMatch(/^2\. /mu);
    const b = ask('我们是化工企业,能报智能工厂不？视频要多大？');
    expect(b.answer).toMatch(/^1\. [^\n,]*化工企业，能报智能工厂不？/mu);
  });
});

describe('a character typed for one that looks like it', () => {
  const read = (t: string) => understanderFor(kb.data).read(t).text;

  it('is read as the term it stands in', () => {
    expect(read('智能车问和智能工厂有什么区别')).toBe('智能车间和智能工厂有什么区别');
    expect(read('申报智能车问要什么条件')).toBe('申报智能车间要什么条件');
    expect(ask('智能车问和智能工厂有啥区别').answer).toMatch(/^（已按“智能车间”理解。）\n对象和范围不同/u);
  });

  it('is left alone outside a term, and where the text says a word of its own', () => {
    for (const t of ['我想问一下车间的事', '问间隔多长时间', '车间问题多', '末端设备联网了吗']) expect(read(t)).toBe(t);
  });
});

describe('a follow-up naming a thing after a question that ended on a statement', () => {
  it('is not glued to the statement', () => {
    const r = answerFollowUp(kb, '那车间呢', '俺们厂是分公司，能不能报，去年上了失信名单');
    expect(r.askedAs ?? '').not.toContain('失信名单车间');
    expect(answerFollowUp(kb, '那时长呢', '视频不超过200M对吧').askedAs).toBe('视频时长呢？');
  });
});
