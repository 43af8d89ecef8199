import { describe, expect, it } from 'vitest';
import { interpret } from '../../server/engine';
import type { AnswerValue, Interpretation } from '../../server/schemas/interview';
import { realKb } from './kb';
import { q } from './readings';

/**
 * 是 as the copula of a description (「我们是做化工的」) to a yes/no question: a wrong yes there records the
 * enterprise as 失信 or as applying in a group's name, and the verdict turns ineligible.
 */
const kb = realKb();
const read = (text: string, id: string): Interpretation => interpret(kb, text, q(id));
const items = (r: Interpretation): Record<string, AnswerValue> => (r.kind === 'answers' ? Object.fromEntries(r.items.map((i) => [i.questionId, i.value])) : {});

describe('a 是 that describes the enterprise', () => {
  it('is no yes to a hard condition, which is asked again', () => {
    for (const text of ['我们是做化工的', '是一家民营企业', '就是一家普通的民营企业'])
      for (const id of ['ent.credit.dishonestExecutee', 'ent.credit.taxViolationBlacklist', 'ent.appliedThisYear']) {
        // 「我们是做化工的」 names the industry, kept for its own question; the asked condition has no answer.
        const r = read(text, id);
        expect(r.kind === 'unclear' || (r.kind === 'answers' && r.items.every((i) => i.extra && i.questionId === 'ent.industryCode')), `${text} → ${id}`).toBe(true);
      }
  });

  it('still answers when it stands alone, with a particle, or says again what the question asks', () => {
    expect(items(read('是', 'ent.credit.dishonestExecutee'))).toEqual({ 'ent.credit.dishonestExecutee': true });
    expect(items(read('是的', 'ent.credit.dishonestExecutee'))).toEqual({ 'ent.credit.dishonestExecutee': true });
    expect(items(read('是被列入了', 'ent.credit.dishonestExecutee'))).toEqual({ 'ent.credit.dishonestExecutee': true });
    expect(items(read('是以集团名义报', 'ent.groupOrHeadOffice'))).toEqual({ 'ent.groupOrHeadOffice': true });
    // The 省辖市 it is registered in is kept for the city question.
    expect(items(read('是在郑州注册的', 'ent.registeredInHenan'))).toEqual({ 'ent.registeredInHenan': true, 'ent.city': '郑州市' });
    // A place in Henan is what the registration question asks for; a place elsewhere is no yes but a no.
    expect(items(read('是郑州的', 'ent.registeredInHenan'))).toEqual({ 'ent.registeredInHenan': true, 'ent.city': '郑州市' });
    expect(items(read('是江苏的', 'ent.registeredInHenan'))).toEqual({ 'ent.registeredInHenan': false });
    expect(read('是郑州的', 'ent.credit.dishonestExecutee').kind).toBe('unclear');
  });

  it('takes 是 with any particle of the knowledge\'s list as a plain yes', () => {
    for (const text of ['是啦', '是哟', '是呗', '是真的']) expect(items(read(text, 'ent.credit.dishonestExecutee')), text).toEqual({ 'ent.credit.dishonestExecutee': true });
  });

  it('is no yes when the words that restate the question are said with a no, or name a place outside Henan', () => {
    expect(read('是信用中国上查过没问题', 'ent.credit.dishonestExecutee').kind).toBe('unclear');
    expect(read('是河南省外的', 'ent.registeredInHenan').kind).toBe('unclear');
    expect(items(read('是外省注册的', 'ent.registeredInHenan'))).toEqual({ 'ent.registeredInHenan': false });
  });

  it('answers the main-business question, which asks what the enterprise is, and ends at a space', () => {
    expect(items(read('就是印纸箱的，别的不干', 'ent.manufacturingMainBusiness'))).toEqual({ 'ent.manufacturingMainBusiness': true });
    expect(items(read('是 尼龙切片和工业丝', 'ent.manufacturingMainBusiness'))).toEqual({ 'ent.manufacturingMainBusiness': true });
    expect(items(read('是 去年被列入过', 'ent.credit.taxViolationBlacklist'))).toEqual({ 'ent.credit.taxViolationBlacklist': true });
  });

  it('reads an enterprise that calls itself independent as not applying in a group’s name', () => {
    expect(items(read('是一家独立的企业', 'ent.groupOrHeadOffice'))).toEqual({ 'ent.groupOrHeadOffice': false });
    expect(items(read('不是集团，就是一家独立的化工企业', 'ent.groupOrHeadOffice'))).toEqual({ 'ent.groupOrHeadOffice': false });
  });
});

describe('a reply that speaks of another hard condition', () => {
  it('is asked again rather than given the asked question its answer word', () => {
    // What the reply says of the other condition is kept for that question, said in passing; the asked one has no answer.
    const passing = (r: Interpretation) => (r.kind === 'answers' ? r.items.map((i) => [i.questionId, i.value, i.extra === true]) : r.kind);
    expect(items(read('没有被列入失信被执行人', 'ent.groupOrHeadOffice'))).toEqual({ 'ent.credit.dishonestExecutee': false });
    // 失信 is a word of all three lists: a reply naming no list by a word of its own is recorded for none of them.
    expect(read('没有被列入失信', 'ent.groupOrHeadOffice').kind).toBe('unclear');
    expect(passing(read('以前没拿过这些称号', 'ent.credit.dishonestExecutee'))).toEqual([['ent.priorTitles', 'none', true]]);
    expect(passing(read('今年没报过', 'ent.credit.taxViolationBlacklist'))).toEqual([['ent.appliedThisYear', false, true]]);
    // A reply that says nothing of any question is still asked again.
    expect(read('我们这个情况比较复杂', 'ent.groupOrHeadOffice').kind).toBe('unclear');
  });

  it('still answers when it names the asked subject, or names none', () => {
    expect(items(read('没有', 'ent.groupOrHeadOffice'))).toEqual({ 'ent.groupOrHeadOffice': false });
    expect(items(read('没有，信用良好', 'ent.credit.dishonestExecutee'))).toEqual({ 'ent.credit.dishonestExecutee': false });
    expect(items(read('没有，纳税正常', 'ent.credit.taxViolationBlacklist'))).toEqual({ 'ent.credit.taxViolationBlacklist': false });
    expect(items(read('不是集团', 'ent.groupOrHeadOffice'))).toEqual({ 'ent.groupOrHeadOffice': false });
  });
});
