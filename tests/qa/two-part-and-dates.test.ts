import { describe, expect, it } from 'vitest';
import { createKnowledgeBase } from '../../server/knowledge/base';
import { loadKnowledgeData } from '../../server/knowledge/load';
import { answerQuestion } from '../../server/qa/answer';

const kb = createKnowledgeBase(loadKnowledgeData('knowledge', 'henan-2023'));
const ask = (q: string) => answerQuestion(kb, q);

describe('a subsidy asked in two parts', () => {
  it.each(['认定以后给不给补助 按设备投资百分之几', '评上了有没有补贴，按投资额百分之几给', '认定后奖不奖励？按设备投资的百分之几'])(
    '%s is answered as the subsidy the notice does not cover, not as the share of automated equipment',
    (q) => {
      // The percentage part names no subject of its own: it asks the subsidy's rate, which the notice leaves out too.
      const a = ask(q);
      expect(a.outOfScope).toBe(true);
      expect(a.answer).toContain('没有涉及资金奖励、补贴');
      expect(a.answer).toContain('0371—65507698');
      expect(a.answer).not.toContain('省内行业先进水平');
    },
  );

  it('still answers the share of automated equipment asked beside the subsidy, and the share asked by 台套数 or 设备投资', () => {
    const both = ask('评上以后有没有奖励 智能装备占比要百分之几');
    expect(both.outOfScope).toBe(false);
    expect(both.answer).toContain('达到省内行业先进水平');
    expect(both.answer).toContain('没有涉及资金奖励、补贴');
    const share = ask('设备占比要百分之几 按台套数算还是按设备投资算');
    expect(share.outOfScope).toBe(false);
    expect(share.answer.split('\n')[0]).toContain('达到省内行业先进水平');
  });
});

describe('deadlines typed as 3/15, 3.15, 3-15 or 三月十五', () => {
  it.each(['3/15前要传完吗', '3.15前要传完吗', '3-15之前必须报完吧', '三月十五前得交上去吗', '3/15号前要上传完毕吗'])(
    '%s concludes with the 3月15日 deadline and whose deadline it is',
    (q) => {
      const first = ask(q).answer.split('\n')[0]!;
      expect(first).toMatch(/^3月15日前/u);
      expect(first).toContain('推荐汇总表');
    },
  );

  it('keeps the same-day, late and enterprise questions asked with a typed date on their own answers', () => {
    expect(ask('3/15当天传推荐汇总表算不算晚').answer).toMatch(/^通知没有说明3月15日当天是否算在内/u);
    expect(ask('3.15以后还能补交吗').answer).toMatch(/^通知没有规定逾期补交/u);
    expect(ask('企业是不是3.15前交上去就行').answer).toMatch(/^不是。/u);
    expect(ask('3/15前提交后还能修改吗').answer).toMatch(/^通知没有规定申报材料提交后能否修改/u);
  });
});
