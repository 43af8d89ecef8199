import { describe, expect, it } from 'vitest';
import { realKb } from './kb';
import { applyAnswer, interpret } from '../../server/engine';
import { viewOf } from '../../server/engine/plan';
import { indexOf } from '../../server/engine/kb';
import { loadTemplates } from '../../server/forms/template';
import { formFactsFromAnswers, formPlan } from '../../server/forms/phase';

/*
 * A founding date said with its month (「2009年8月成立的」) is kept whole, whether it answers the founding question
 * or is said in passing: the form's 成立时间 is that date and is not asked again. A year alone stays a year.
 */
const kb = realKb();
const forms = { ...kb, templates: loadTemplates() };
const question = (id: string) => viewOf(indexOf(kb).questions.get(id)!, null);

/** What the interview keeps for a founding reply: read, then stored as the engine stores it. */
function kept(text: string, pending: string): unknown {
  const r = interpret(kb, text, question(pending));
  const item = r.kind === 'answers' ? r.items.find((i) => i.questionId === 'ent.foundedYear') : undefined;
  if (!item) return undefined;
  const a = applyAnswer(kb, {}, 'ent.foundedYear', item.value);
  return a.ok ? a.answers['ent.foundedYear'] : a.error;
}

describe('a founding date with its month', () => {
  it.each([
    ['2009年8月成立的', '2009-08'],
    ['公司是2009年8月注册的', '2009-08'],
    ['始建于2009年8月', '2009-08'],
    ['2009年8月建厂', '2009-08'],
    ['09年8月成立', '2009-08'],
    ['二〇〇九年八月成立的', '2009-08'],
    ['2011年3月20日注册成立的', '2011-03-20'],
  ])('「%s」 is kept as %s, to the founding question and in passing', (text, date) => {
    expect(kept(text, 'ent.foundedYear')).toBe(date);
    expect(kept(text, 'ent.city')).toBe(date);
  });

  it.each([
    ['2009.8', '2009-08'],
    ['二〇〇九年八月', '2009-08'],
    ['2009年8月', '2009-08'],
  ])('「%s」 to the founding question is kept as %s', (text, date) => {
    expect(kept(text, 'ent.foundedYear')).toBe(date);
  });

  it.each(['2009年成立的', '09年建厂的', '始建于2009年', '二〇〇九年成立'])('「%s」 names the year alone, kept without a month', (text) => {
    expect(kept(text, 'ent.foundedYear')).toBe('2009');
  });

  it('reads back in the words of a date, not as the stored form', () => {
    const a = applyAnswer(kb, {}, 'ent.foundedYear', '2009年8月成立的');
    expect(a.ok && a.recorded[0]!.display).toBe('2009年8月');
  });

  it('fills the form\'s 成立时间, which is then not asked; a year alone leaves the month to ask', () => {
    const dated = { 'ent.foundedYear': '2009-08' };
    expect(formFactsFromAnswers(forms, dated)).toMatchObject({ foundedOn: '2009-08' });
    expect(formFactsFromAnswers(forms, dated).foundedYear).toBeUndefined();
    expect(formPlan(forms, dated, 'smartWorkshop').map((c) => c.id)).not.toContain('form.foundedOn');
    const year = { 'ent.foundedYear': '2009' };
    expect(formFactsFromAnswers(forms, year)).toMatchObject({ foundedYear: 2009 });
    expect(formFactsFromAnswers(forms, year).foundedOn).toBeUndefined();
    expect(formPlan(forms, year, 'smartWorkshop').map((c) => c.id)).toContain('form.foundedOn');
  });

  it('a date the form was given itself is not replaced by the interview\'s', () => {
    const facts = formFactsFromAnswers(forms, { 'ent.foundedYear': '2009-08', 'form.foundedOn': '2009-08-18' });
    expect(facts.foundedOn).toBe('2009-08-18');
  });
});
