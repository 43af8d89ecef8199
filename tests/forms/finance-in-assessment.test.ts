import { describe, expect, it } from 'vitest';
import { loadKnowledgeData } from '../../server/knowledge/load';
import { loadTemplates } from '../../server/forms/template';
import type { FormsContext } from '../../server/forms/draft';
import { createKnowledgeBase } from '../../server/knowledge/base';
import { createRules } from '../../server/chat/rules';
import type { Answers } from '../../server/schemas/interview';
import { ROUND7_ENTERPRISES } from './typed-round7';
import { typedAnswers } from './typed-enterprises';

/*
 * 「还中吧，去年赚了点，没亏」 recorded 经营良好 = 是, and the form then took a 2022 loss (亏了八十万 → -80): the figure
 * contradicts the yes. The enterprise's own assessment says so as a 待确认 note, as the bureau's 初审 warning does.
 */
const data = loadKnowledgeData('knowledge', 'henan-2023');
const ctx: FormsContext = { ...data, templates: loadTemplates(), engine: data };
const base = ROUND7_ENTERPRISES.find((e) => e.category === 'smartWorkshop')!;
const baseAnswers = typedAnswers(ctx, base).answers;
const rules = createRules(createKnowledgeBase(data));
const notesOf = (answers: Answers) => rules.step(answers).assessment.notes.map((n) => n.text);

describe('a loss year beside 经营良好 in the enterprise\'s assessment', () => {
  it.each([-80, -450, -3])('a profit of %s万元 beside 是 is a 待确认 note', (profit) => {
    const notes = notesOf({ ...baseAnswers, 'ent.operatingWell': true, 'form.finance.2022.profit': profit });
    const note = notes.find((t) => t.startsWith('待确认：'));
    expect(note).toContain(`2022年利润${profit}万元（亏损${-profit}万元）`);
    expect(note).toContain('生产经营和财务状况良好');
  });

  it('near miss: a profit, or a loss beside a 否, adds no such note', () => {
    expect(notesOf({ ...baseAnswers, 'ent.operatingWell': true, 'form.finance.2022.profit': 80 }).some((t) => t.startsWith('待确认：'))).toBe(false);
    expect(notesOf({ ...baseAnswers, 'ent.operatingWell': false, 'form.finance.2022.profit': -80 }).some((t) => t.includes('亏损80万元'))).toBe(false);
  });
});
