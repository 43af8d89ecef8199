import { describe, expect, it } from 'vitest';
import { loadKnowledgeData } from '../../server/knowledge/load';
import { loadTemplates } from '../../server/forms/template';
import type { FormsContext } from '../../server/forms/draft';
import { formView, interpretForm } from '../../server/forms/phase';
import { checkFormValue } from '../../server/forms/form-view';
import { parseNumber } from '../../server/engine/interpret';
import { findQuantities, isRange } from '../../server/understand/numbers';
import { normalise } from '../../server/understand/normalise';

/*
 * A model name with digits (S7-1200, IRB-6700, KR-210) is a name: its digits are no count, its hyphen no minus sign and
 * no range. 「S7-1200两套」 at a count asks 两套; before, it was read as −1200, which the form refused as no count.
 */
const data = loadKnowledgeData('knowledge', 'henan-2023');
const ctx: FormsContext = { ...data, templates: loadTemplates(), engine: data };
const TOTAL = 'form.ws.2.equipmentTotal';
const total = (text: string) => interpretForm(ctx, text, formView(ctx, TOTAL, 'discreteFactory'));
const box = (text: string) => checkFormValue(ctx, { 'form.workshopCount': 2 }, 'discreteFactory', TOTAL, text);

describe('a model name before a count', () => {
  it.each([
    // As reported, and new phrasings: a maker before it, spaced, another maker's model, a model with 型, 型号 before it.
    ['S7-1200两套', 2],
    ['S7 1200两套', 2],
    ['PLC S7-1200 两套', 2],
    ['西门子S7-1500三台', 3],
    ['ABB IRB-6700机器人8台', 8],
    ['KUKA KR-210 六台', 6],
    ['X-200型压机5台', 5],
    ['型号A-100共50台', 50],
  ])('「%s」 at the equipment total is the count %s, exact and never negative', (said, value) => {
    expect(total(said)).toEqual({ kind: 'answers', items: [{ questionId: TOTAL, value }] });
    expect(box(said)).toMatchObject({ ok: true, value });
  });

  it.each([
    // Near misses: a range, a negative said in words, a Latin name with no digits spaced from its count, a plain figure.
    ['80-90台', 80, true],
    ['-5', -5, undefined],
    ['亏损了50万', -50, undefined],
    ['CNC 30台', 30, undefined],
    ['共120台', 120, undefined],
  ])('near miss: 「%s」 reads %s', (said, value, approx) => {
    const n = parseNumber(said, said.includes('万') ? '万元' : '台（套）');
    expect(n?.value).toBe(value);
    expect(n?.approx).toBe(approx);
  });

  it('the number finder gives no quantity for a model\'s digits, and a model is no range', () => {
    const found = (s: string) => findQuantities(normalise(s).text).map((q) => q.value);
    expect(found('s7-1200两套')).toEqual([2]);
    expect(found('irb-6700机器人8台')).toEqual([8]);
    expect(found('s7 1200 两套')).toEqual([2]);
    expect(found('80-90台')).toEqual([80, 90]);
    expect(isRange('s7-1200')).toBe(false);
    expect(isRange('1500-2000万')).toBe(true);
  });
});
