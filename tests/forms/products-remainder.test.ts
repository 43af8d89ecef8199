import { describe, expect, it } from 'vitest';
import { loadKnowledgeData } from '../../server/knowledge/load';
import { loadTemplates } from '../../server/forms/template';
import { draftSection, type FormsContext } from '../../server/forms/draft';
import { sessionDraftProfile } from '../../server/forms/session';
import { applyFormAnswer } from '../../server/forms/phase';
import { typedAnswers } from './typed-enterprises';
import { ROUND7_ENTERPRISES } from './typed-round7';

/*
 * 「其他10%」 typed after the products is the rest of the revenue, not a main product: the draft neither lists it
 * among the main products nor adds it into their share (which would claim 100% the user never said), and prints the
 * share said of it after them, as said.
 */
const data = loadKnowledgeData('knowledge', 'henan-2023');
const ctx: FormsContext = { ...data, templates: loadTemplates(), engine: data };
const workshop = ROUND7_ENTERPRISES.find((e) => e.category === 'smartWorkshop')!;

describe('the rest of the revenue typed with the main products', () => {
  for (const [typed, rest] of [
    ['电力电缆 百分之六十；控制电缆 三成；其他10%', '其他产品'],
    ['电力电缆60%，控制电缆30%，其它产品10%', '其他产品'],
    ['电力电缆占60%、控制电缆占30%，其余10%', '其余产品'],
  ] as const) {
    it(`「${typed}」: two main products at 60% and 30%, their share 90% with its formula, the rest's 10% after them and no 100%`, () => {
      const r = applyFormAnswer(data, typedAnswers(ctx, workshop).answers, 'form.products', typed);
      expect(r.ok).toBe(true);
      const { profile } = sessionDraftProfile(data, ctx, r.ok ? r.answers : {});
      const d = draftSection(ctx, profile, 'smartWorkshop', 'enterpriseIntro');
      expect(d.text).toContain(`公司主要产品为电力电缆（占营业收入60%）、控制电缆（占营业收入30%），${rest}占营业收入10%。`);
      expect(d.text).toContain('主营产品收入合计占营业收入的90%');
      expect(d.text.match(/其[他它余]/gu), 'the rest is named once, in its own clause').toHaveLength(1);
      expect(d.text).not.toContain('100%');
      const sum = d.numbers.find((n) => n.source === 'computed:productsShare');
      expect(sum?.formula).toBe('主营产品收入占比 = 电力电缆 60% + 控制电缆 30% = 90%');
    });
  }
});
