import { describe, expect, it } from 'vitest';
import { realKb } from './kb';
import { applyAnswer, describeAnswers, evaluate } from '../../server/engine';
import { formFactsFromAnswers } from '../../server/forms/phase';
import { NEW_ENTERPRISES, interviewAnswersOf } from '../fixtures/new-enterprises';

/*
 * A division outside manufacturing (N19's 59) is named like any other in the review card, the
 * assessment's reason and the form's 所属行业: a code alone tells the enterprise nothing.
 */
const kb = realKb();
const n19 = NEW_ENTERPRISES.find((e) => e.id.startsWith('N19-'))!;

describe('GB/T 4754 divisions outside manufacturing', () => {
  it('every division of the standard outside 13—43 has its name in the knowledge', () => {
    const others = kb.industries.otherDivisions ?? [];
    const codes = others.map((d) => Number(d.code));
    const expected = Array.from({ length: 97 }, (_, i) => i + 1).filter((n) => n < 13 || n > 43);
    expect(codes).toEqual(expected);
    expect(others.find((d) => d.code === '59')!.name).toBe('装卸搬运和仓储业');
  });

  it('N19 typed 「仓储」: the review card and the 二(一) reason name division 59, not the code alone', () => {
    const r = applyAnswer(kb, {}, 'ent.industryCode', '仓储');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.recorded[0]!.display).toBe('59 装卸搬运和仓储业');
    const answers = Object.fromEntries(Object.entries(interviewAnswersOf(n19)).filter(([, v]) => v !== undefined && v !== null)) as Record<string, string | boolean | number>;
    const a = evaluate(kb, answers).assessment;
    const reason = a.blocking.find((b) => b.reason.includes('不在制造业'))!.reason;
    expect(reason).toContain('59 装卸搬运和仓储业');
    const card = describeAnswers(kb, answers).find((x) => x.questionId === 'ent.industryCode')!;
    expect(card.display).toBe('59 装卸搬运和仓储业');
  });

  it('the form\'s 所属行业 carried from the interview is the division\'s name', () => {
    const facts = formFactsFromAnswers(kb, { 'ent.industryCode': '59' });
    expect(facts.industry).toBe('装卸搬运和仓储业');
  });
});
