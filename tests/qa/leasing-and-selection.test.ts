import { describe, expect, it } from 'vitest';
import { resolve } from 'node:path';
import { createKnowledgeBase } from '../../server/knowledge/base';
import { loadKnowledgeData } from '../../server/knowledge/load';
import { answerFollowUp, answerQuestion } from '../../server/qa/answer';

const kb = createKnowledgeBase(loadKnowledgeData(resolve(import.meta.dirname, '../../knowledge'), 'henan-2023'));
const ask = (q: string) => answerQuestion(kb, q);
const lead = (q: string) => ask(q).answer.split('\n')[0]!;
const clauses = (q: string) => ask(q).citations.map((c) => c.clause);

describe('leased equipment, lines and premises', () => {
  it('answers that the notice says nothing of ownership, wherever the leased thing sits', () => {
    for (const q of [
      '车间里有一条线是租来的设备，算不算',
      '我们有条产线整条是租别人的，可以拿来报吗',
      '检测设备是从别的公司租过来的，算我们的吗',
      '有几台设备是融资租赁的，能算进去吗',
      '几台新设备是融资租赁来的，算我们的设备吗',
      '车间厂房是租借的，影响吗',
    ]) {
      expect(lead(q), q).toMatch(/^通知没有提到厂房或设备的产权/);
      expect(ask(q).outOfScope, q).toBe(false);
      expect(clauses(q), q).toEqual(['二(一)']);
    }
  });

  it('still refuses financing itself, which the notice does not cover', () => {
    for (const q of ['智能化改造的设备能走融资租赁吗', '设备想做融资租赁，怎么办', '融资租赁公司能帮我们吗']) {
      expect(ask(q).outOfScope, q).toBe(true);
    }
  });

  it('leaves a workshop-size question with a leased building to the size answer', () => {
    expect(lead('厂房是租的，车间要多大面积')).toMatch(/^通知没有规定车间的面积/);
    expect(lead('车间只有一条线能报吗')).toMatch(/^通知没有规定车间的面积/);
  });
});

describe('how a bureau chooses within its quota', () => {
  const SELECTION = /^通知没有规定择优的具体标准。四\(三\)只写/;
  it('says the notice leaves the choice to the bureau, quoting 择优', () => {
    for (const q of ['推荐名额有限的话，市里怎么排', '县里怎么决定推荐谁', '名额不够的时候按什么标准挑企业', '报的企业多，区里先推哪家']) {
      expect(lead(q), q).toMatch(SELECTION);
      expect(ask(q).answer, q).toContain('“择优向省工业和信息化厅推荐”');
    }
  });

  it('keeps quota questions on the numbers', () => {
    expect(lead('郑州能推荐几家')).toBe('郑州市本次申报推荐企业不多于20家，多报无效。');
    for (const q of ['我们县名额有几个', '每个县最多推几家']) expect(lead(q), q).toMatch(/^每个县（市）本次申报推荐企业不多于5家/);
  });
});

describe('a term the notice does not use, asked beside one it does', () => {
  it('answers 数字化车间 as not a category of the notice, not with one category\'s ratios', () => {
    for (const q of ['数字化车间和智能车间有啥区别', '智能车间跟数字化车间是一回事吗']) {
      expect(lead(q), q).toMatch(/^通知没有使用这个指标或说法。它只分智能车间/);
    }
  });

  it('keeps the workshop item for a ratio the notice does not use', () => {
    expect(lead('智能车间数控化率要多少')).toMatch(/^通知没有使用这个指标。智能车间要填的是/);
  });
});

describe('a diagnosis report from somewhere else', () => {
  it('says the notice does not rule on it and names the platform it does name', () => {
    for (const q of ['第三方机构出的诊断报告可以用吗', '诊断报告谁做的都可以吗', '拿咨询公司做的诊断报告顶替行不行']) {
      expect(lead(q), q).toMatch(/^通知没有规定其他机构出具的报告能否代替。/);
      expect(ask(q).answer, q).toContain('0371—65507698');
    }
  });

  it('keeps the questions the platform entries answer', () => {
    expect(lead('诊断报告需要企业自己写吗')).toMatch(/^不用。数字化转型诊断报告不是企业自己撰写的/);
    expect(lead('诊断报告得找第三方机构做吗')).toMatch(/^不用找机构出。/);
  });
});

describe('handing in on paper, a missing element, another workshop, another category', () => {
  it('answers handing in in person with the online channel', () => {
    for (const q of ['材料可以线下交吗', '申报书能直接送到县工信局吗']) expect(lead(q), q).toMatch(/^通知没有要求报送纸质材料/);
  });

  it('answers a missing element with the element rule', () => {
    for (const q of ['七项要素差一条还能申报不', '要素条件少一项能报吗']) expect(lead(q), q).toMatch(/^通知要求企业“符合智能车间、智能工厂…相应要素条件”，没有规定可以缺项/);
  });

  it('answers applying again with another workshop from 四(一)', () => {
    expect(lead('评过智能车间的企业，换个车间还能报智能车间吗')).toMatch(/^可以。只获得过智能车间称号的企业/);
  });

  it('answers switching category by what decides the category', () => {
    for (const q of ['我们想改报智能工厂，可以吗', '能不能改为申报智能车间']) expect(lead(q), q).toMatch(/^要看申报对象达到哪一类的要素条件/);
  });
});

describe('a bound confirmed as the rule', () => {
  it('confirms the bound said with 以内 though 就行 judges', () => {
    expect(lead('视频两百兆以内就行吧')).toMatch(/^对，通知写的就是/);
    expect(lead('视频文件200兆之内就可以对吧')).toMatch(/^对，通知写的就是200兆。/);
  });

  it('corrects another bound and judges the asker\'s own file', () => {
    expect(lead('视频300兆以内就行对吧')).toMatch(/^不对，通知规定视频文件大小不超过200M，300兆超过了这个上限/);
    expect(lead('我们的视频120M可以吧')).toBe('可以，120M不超过200M。四(二)和各申报书附件都规定视频文件大小不超过200M（MP4格式，清晰度不低于1080P）。');
  });
});

describe('a follow-up to a figure the asker guessed', () => {
  it('asks the figure of the new subject instead of carrying the guess over', () => {
    const r = answerFollowUp(kb, '那周口呢', '洛阳能推荐二十家对吧');
    expect(r.askedAs).toBe('周口能推荐几家？');
    expect(r.response.answer).toContain('本次申报推荐企业不多于10家');
    expect(r.response.answer).not.toContain('二十家');
  });

  it('keeps a follow-up to a plain question as it was', () => {
    expect(answerFollowUp(kb, '那周口呢', '洛阳能推荐几家').askedAs).toBe('周口能推荐几家？');
  });
});

describe('scheduling asked per category', () => {
  // The notice names no scheduling system: it asks, in 三(一)5 and 三(二)3 alike, that plans be generated automatically.
  it('says the notice names no such system, and what the workshop\'s 三(一)5 and the discrete factory\'s 三(二)3 ask instead', () => {
    expect(lead('要不要上高级排程系统')).toMatch(/^通知没有点名高级排程系统，它要求的是系统要做到的事，要看申报哪一类：智能车间要“…应用制造执行系统，实现车间作业计划、设备维修维护计划自动生成.*（三\(一\)5）；离散型智能工厂要“.*（三\(二\)3）；流程型智能工厂的要素条件（三\(三\)）没有点名/);
  });

  it('leaves names the notice writes as they were', () => {
    expect(lead('需要安灯系统吗')).toMatch(/^要（离散型智能工厂）。/);
    expect(lead('要不要上SCADA')).toMatch(/^要。SCADA不是《通知》中的用语/);
  });
});
