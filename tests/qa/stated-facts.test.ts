import { describe, expect, it } from 'vitest';
import { resolve } from 'node:path';
import { createKnowledgeBase } from '../../server/knowledge/base';
import { loadKnowledgeData } from '../../server/knowledge/load';
import { answerQuestion } from '../../server/qa/answer';

/*
 * A may-we-apply question that states several facts is judged on every one of them: a fact that fails a hard
 * condition (二(一), 二(四), 四(一)) makes the first sentence 不能, naming it and quoting its clause; what the
 * question's own answer says of the other facts follows. Facts said not to hold, or undone since (截至申报日),
 * change nothing.
 */
const kb = createKnowledgeBase(loadKnowledgeData(resolve(import.meta.dirname, '../../knowledge'), 'henan-2023'));
const ask = (q: string) => answerQuestion(kb, q);
const lead = (q: string) => ask(q).answer.split('\n')[0]!;

describe('a may-we-apply question stating a fact that fails a hard condition', () => {
  it('opens with 不能 and the failed condition, quoting its clause first, whatever the other facts are', () => {
    const cases: [string, RegExp, string][] = [
      // The probe's own message, then phrasings of our own with the failing fact in other places.
      ['我们是集团下面的子公司，有独立法人，能不能报？去年刚被列入失信名单了', /失信被执行人/, '二(四)'],
      ['我们是集团控股的子公司，独立法人，能报智能车间吗？不过上个月被法院列成失信被执行人了', /失信被执行人/, '二(四)'],
      ['集团下属子公司能不能报？我们被列入了严重违法失信名单', /严重违法失信名单/, '二(四)'],
      ['我们是做化工的，注册在江苏，能不能报流程型', /外省注册/, '二(一)'],
    ];
    for (const [q, named, clause] of cases) {
      const a = ask(q);
      expect(lead(q), q).toMatch(/^不能/);
      expect(lead(q), q).toMatch(named);
      expect(a.citations[0]!.clause, q).toBe(clause);
      expect(kb.clause(clause)!.text, q).toContain(a.citations[0]!.quote.replace(/^…|…$/gu, ''));
      // Not answered 可以 anywhere: the facts that pass are said after, without their own verdict word.
      expect(a.answer, q).not.toMatch(/^可以|\n可以。/u);
    }
  });

  it('says after the failed condition what the answer to the other facts is, and lists both entries', () => {
    const a = ask('我们是集团下面的子公司，有独立法人，能不能报？去年刚被列入失信名单了');
    expect(a.entries).toEqual(['dishonest', 'subsidiary']);
    expect(a.answer).toContain('您提到的其他情况本身不妨碍申报：集团下属子公司只要本身是在河南省境内注册');
    expect(a.citations.map((c) => c.clause)).toEqual(['二(四)', '二(一)']);
  });
});

describe('facts that do not fail a hard condition leave the verdict as it was', () => {
  it('answers 可以 when the list is said not to hold, or to have been left before the day of application', () => {
    for (const q of [
      '我们是集团下面的子公司，有独立法人，能不能报？没上失信名单',
      '我们是集团下面的子公司，有独立法人，能不能报？从未被列入失信被执行人',
      '我们是集团下面的子公司，以前上过失信名单，现在已经移出了，能不能报',
      '我们是集团下面的子公司，以前上过现在已移出，能不能报',
      '我们是集团下面的子公司，有独立法人，能不能报',
      '我们是民营企业，有独立法人，能不能报',
    ]) {
      expect(lead(q), q).toMatch(/^可以/);
      expect(ask(q).answer, q).not.toContain('您提到的其他情况');
    }
  });

  it('keeps a not-required answer as it is: a missing title or a loss fails no hard condition', () => {
    expect(lead('我们是子公司，没有高新技术企业资质，能不能报')).toMatch(/^不需要/);
    expect(ask('我们是子公司，去年亏损了，能不能报').answer).not.toMatch(/^不能/);
  });
});
