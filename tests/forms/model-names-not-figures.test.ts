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
 * no range. 「S7-1200两套」 counts 两套, never −1200; at the equipment total it is one kind's count, asked back as such.
 */
const data = loadKnowledgeData('knowledge', 'henan-2023');
const ctx: FormsContext = { ...data, templates: loadTemplates(), engine: data };
const TOTAL = 'form.ws.2.equipmentTotal';
const total = (text: string) => interpretForm(ctx, text, formView(ctx, TOTAL, 'discreteFactory'));
const box = (text: string) => checkFormValue(ctx, { 'form.workshopCount': 2 }, 'discreteFactory', TOTAL, text);

describe('a model name before a count', () => {
  it.each([
    // As reported, and new phrasings: a maker before it, spaced, another maker's model, a model with 型, 型号 before it,
    // a model with no hyphen, digits before 型. Each counts one named kind, so at the total it is asked back as that
    // kind's figure, with the figure to send if the kind is all there is; the box takes the figure as typed.
    ['S7-1200两套', 'S7-1200', 2],
    ['S7 1200两套', 'S7 1200', 2],
    ['PLC S7-1200 两套', 'S7-1200', 2],
    ['西门子S7-1500三台', 'S7-1500', 3],
    ['ABB IRB-6700机器人8台', 'IRB-6700', 8],
    ['KUKA KR-210 六台', 'KR-210', 6],
    ['X-200型压机5台', 'X-200', 5],
    ['型号A-100共50台', 'A-100', 50],
    ['KR210六台', 'KR210', 6],
    ['IRB6700机器人8台', 'IRB6700', 8],
    ['6700型机器人8台', '6700型', 8],
  ])('「%s」 at the equipment total is asked back as %s\'s count %s, exact and never negative', (said, part, value) => {
    expect(total(said)).toEqual({ kind: 'unclear', reason: 'onePart', choices: [said, part, `${value}台`, '全车间'], field: '车间2设备总数' });
    expect(box(said)).toMatchObject({ ok: true, value });
  });

  it.each([
    // A maker or a part word alone names one kind as a model does; a Latin part word against its figure is no model.
    ['西门子的PLC三套', 'PLC', 3],
    ['发那科12台', '发那科', 12],
    ['三菱12台', '三菱', 12],
    ['ABB 8台', 'ABB', 8],
    ['数控机床30台', '机床', 30],
    ['CNC30台', 'CNC', 30],
    ['机器人8台，其中ABB 3台', '机器人', 8],
  ])('「%s」 at the equipment total is one kind\'s count: %s, %s', (said, part, value) => {
    expect(total(said)).toEqual({ kind: 'unclear', reason: 'onePart', choices: [said, part, `${value}台`, '全车间'], field: '车间2设备总数' });
  });

  it.each([
    // The whole said, or nothing of a kind named: the total, stored without asking, whatever model is named beside it.
    ['一共120台', 120],
    ['共120台', 120],
    ['120台', 120],
    ['车间里有40台', 40],
    ['全车间120台，其中S7-1200两套', 120],
    ['120台，其中S7-1200两套', 120],
    ['120台，其中S7-1200两套，机器人8台', 120],
    ['全车间一共120台，其中IRB-6700机器人8台', 120],
    ['总共有S7-1200两套', 2],
    ['库卡的机器人一共8台', 8],
  ])('「%s」 at the equipment total is the total %s', (said, value) => {
    expect(total(said)).toEqual({ kind: 'answers', items: [{ questionId: TOTAL, value }] });
  });

  it('two kinds\' figures with models are asked back with their sum, the models\' digits no part of it', () => {
    expect(total('S7-1200两套，IRB-6700机器人8台')).toMatchObject({ kind: 'unclear', reason: 'parts', choices: [expect.any(String), '10', '台（套）'] });
    expect(total('KR210六台，ABB 4台')).toMatchObject({ kind: 'unclear', reason: 'parts', choices: [expect.any(String), '10', '台（套）'] });
  });

  it('at a count whose parts are lines only, a model\'s count is the count itself', () => {
    const auto = (text: string) => interpretForm(ctx, text, formView(ctx, 'form.ws.2.automatedEquipment', 'discreteFactory'));
    expect(auto('西门子S7-1500三台')).toEqual({ kind: 'answers', items: [{ questionId: 'form.ws.2.automatedEquipment', value: 3 }] });
    expect(auto('ABB IRB-6700机器人8台')).toEqual({ kind: 'answers', items: [{ questionId: 'form.ws.2.automatedEquipment', value: 8 }] });
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
    expect(found('6700型机器人8台')).toEqual([8]);
    expect(found('型号6700，8台')).toEqual([6700, 8]);
    expect(isRange('s7-1200')).toBe(false);
    expect(isRange('1500-2000万')).toBe(true);
  });
});
