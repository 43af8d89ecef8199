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

describe('an everyday acronym asked 「对应哪条」', () => {
  it.each([
    ['我们的OEE看板和设备报警是在SCADA上做的 这对应通知里哪条要求', '数据采集和监控系统', '实时监控、自动报警和诊断分析', '流程型智能工厂三(三)3'],
    ['RFID属于通知里哪条要素', '自动识别技术', '实现对物品流动的定位、跟踪、控制等功能', '离散型智能工厂三(二)3'],
    ['PLC算通知里的哪一项', '自动化成套控制系统', '建成柔性智能制造单元', '智能车间三(一)4'],
  ])('%s concludes with the notice\'s term, each category\'s clause and what it asks', (q, term, requirement, where) => {
    // Before, the conclusion only named the related term, and what the clause asks was left to the quotes.
    const first = answerQuestion(kb, q).answer.split('\n')[0]!;
    expect(first).toContain(`“${term}”`);
    expect(first).toContain(requirement);
    expect(first).toContain(where);
  });

  it('answers what an acronym means with its name alone, and keeps the notice\'s own acronym read from its 「全称（简称）」', () => {
    expect(ask('SCADA是什么意思').answer.split('\n')[0]).toBe('SCADA不是《通知》中的用语；《通知》三(一)5中与它相关的是“数据采集和监控系统”。');
    expect(ask('MES对应通知里哪一条').answer).toMatch(/^MES是《通知》三\(二\)3中“制造执行系统”的简称。对应的要素条件是智能车间三\(一\)5、离散型智能工厂三\(二\)3/u);
  });
});

describe('MES asked without a category', () => {
  it.each(['没有MES能不能报', 'MES是必须的吗', 'MES系统要上吗', '一定要有MES吗', '我们没上MES 能报吗'])(
    '%s names 制造执行系统 for the workshop and discrete factory and 制造管控系统 for the process factory',
    (q) => {
      // The notice words the process factory's system as 制造管控系统; a bare 「是」 would tell a process plant it needs an MES.
      const first = ask(q).answer.split('\n')[0]!;
      expect(first).toMatch(/^要看申报哪一类/u);
      expect(first).toContain('制造执行系统（MES）');
      expect(first).toContain('“制造管控系统”');
    },
  );

  it('keeps the answers of a category named: workshop 要, discrete 要, process 制造管控系统', () => {
    expect(ask('智能车间必须上MES吗').answer).toMatch(/^是，要应用制造执行系统（MES）/u);
    expect(ask('智能车间没有MES能不能报').answer).toMatch(/^没有的话，不符合这一项要素条件/u);
    expect(ask('离散型工厂没有MES能不能报').answer).toMatch(/^没有的话，不符合这一项要素条件/u);
    expect(ask('流程型工厂MES是必须的吗').answer).toMatch(/^不一定叫MES，但要有制造管控系统/u);
    expect(ask('MES和制造管控系统有什么区别').answer).toMatch(/^通知没有解释两者的关系/u);
  });
});
