import { describe, expect, it } from 'vitest';
import { loadKnowledgeData } from '../../server/knowledge/load';
import { createKnowledgeBase } from '../../server/knowledge/base';
import { answerQuestion } from '../../server/qa/answer';

const kb = createKnowledgeBase(loadKnowledgeData('knowledge', 'henan-2023'));
const ask = (q: string) => answerQuestion(kb, q);
const lead = (q: string) => ask(q).answer.split('\n')[0]!;

/** How the forms are signed and sealed: the notice names who signs and where seals go, not how. */
describe('signatures and seals', () => {
  it('concludes on handwriting when handwriting is asked, with or without 电子', () => {
    expect(lead('法人签名要本人手写吗')).toMatch(/^通知没有规定签字必须手写/);
    expect(lead('承诺书上的签字可以打印吗')).toMatch(/^通知没有规定签字必须手写/);
    expect(lead('签名必须亲笔手写吗')).toMatch(/^通知没有规定签字必须手写，也没有规定能否用电子签名或电子印章/);
    // The signer the form names is quoted, whoever the asker calls the boss.
    expect(ask('法人签名要本人手写吗').citations.map((c) => c.quote)).toContain('法定代表人签字：');
  });

  it('answers an electronic seal on the stamped pages as the open point it is, not with 「要」 put them in the PDF', () => {
    for (const q of ['盖章页可以盖电子章吗', '电子章盖的页能放进PDF吗']) {
      expect(lead(q)).toMatch(/^通知没有规定签字必须手写，也没有规定能否用电子签名或电子印章/);
    }
    // Without 电子 the stamped pages are still about what goes into the PDF.
    expect(lead('签字盖章页要放进PDF里吗')).toMatch(/^要。/);
  });

  it('answers which seal goes on the cover from the cover, and says the cover names no particular seal', () => {
    const a = ask('封面盖什么章 公章还是业务章');
    expect(a.answer).toMatch(/^要盖申报企业的章/);
    expect(a.answer).toContain('没有写明用哪一枚章');
    expect(a.citations.map((c) => c.clause)).toContain('附件2');
    // A question that does not name the cover is still about the commitment's signature and seal.
    expect(lead('申报书盖公章还是合同章')).toMatch(/^申报单位真实性承诺由法定代表人签字并加盖公章/);
  });

  it('says the 推荐意见 column has a seal and a date but no signature line, when a signature is asked', () => {
    const a = ask('推荐意见要局长签字吗');
    expect(a.answer).toMatch(/^通知没有要求推荐意见栏签字/);
    // The clause is cited once; its 推荐单位（公章） passage is part of that quote.
    expect(a.citations.some((c) => c.quote.includes('推荐单位（公章）'))).toBe(true);
    // Who fills it in is still its own question.
    expect(lead('推荐意见栏由谁填写')).toMatch(/^不由企业填/);
  });
});

describe('what a county bureau sends, and to whom', () => {
  it('says the notice does not route a county’s recommendation through its city', () => {
    for (const q of ['县工信局推荐要经过市里吗', '我们县推荐的名单是直接报省厅吗']) {
      const a = ask(q);
      expect(a.answer).toMatch(/^通知没有规定县（市）的推荐要经省辖市汇总转报/);
      expect(a.citations.map((c) => c.clause)).toEqual(expect.arrayContaining(['四(三)', '四(四)']));
    }
    // An enterprise going over its bureau's head is still told no.
    expect(lead('企业可以直接报给省工信厅吗')).toMatch(/^不能直接报省厅/);
  });

  it('says the 推荐汇总表 is the one upload the notice names, when asked what else to upload', () => {
    expect(lead('除了汇总表还得上传啥')).toMatch(/^通知只写了“推荐汇总表”/);
    expect(lead('推荐汇总表什么时候上传')).toMatch(/^3月15日前/);
  });
});

describe('an amount said, not asked', () => {
  it('reads 只有几台 as how many there are, so a missing system decides the answer', () => {
    expect(lead('只有几台数控机床没上MES能报车间吗')).toMatch(/^没有的话，不符合这一项要素条件/);
    expect(lead('车间要几台机器人')).toMatch(/^通知没有规定机器人的数量/);
  });

  it('answers a company too young for an audited year on whether it can apply, not on which year', () => {
    expect(lead('去年年底才成立的，没有上年度的审计报告，能申报吗')).toMatch(/^通知没有(?:规定成立年限|例外规定)/);
    expect(lead('审计报告要哪一年的')).toMatch(/^要上年度的/);
  });
});

describe('topics outside the notice found beside a weak match', () => {
  it('refuses a subsidy or another programme’s list that only shares required words with an answer', () => {
    expect(ask('技术改造专项资金补助比例是多少').outOfScope).toBe(true);
    expect(ask('5G工厂名单怎么申请').outOfScope).toBe(true);
  });

  it('keeps a year that only sets the scene of a question about this notice', () => {
    const a = ask('今年报车间明年再报工厂行不行');
    expect(a.outOfScope).toBe(false);
    expect(a.citations.map((c) => c.clause)).toContain('四(一)');
  });
});
