import { describe, expect, it } from 'vitest';
import { loadKnowledgeData } from '../../server/knowledge/load';
import { loadTemplates } from '../../server/forms/template';
import type { FormsContext } from '../../server/forms/draft';
import type { Answers } from '../../server/schemas/interview';
import { caps, ELIGIBLE_NO_PRIORITY } from '../fixtures/hard-conditions';
import { draftTyped, typedAt } from './typed-draft';

/*
 * A workshop's equipment count answered round (「六十来台」) is no exact figure to print, but it was answered: the draft
 * asks for the exact count by its own label, quoting the words given in written form (约60台), as every round figure's
 * request does, in the workshop's table cell and in 三, and never prints a unit after the request.
 */
const data = loadKnowledgeData('knowledge', 'henan-2023');
const ctx: FormsContext = { ...data, templates: loadTemplates(), engine: data };
const base: Answers = { ...ELIGIBLE_NO_PRIORITY, 'ent.industryCode': 'C3089', 'ent.foundedYear': '2006', 'cat.productionMode': 'discrete', ...caps({ mes: true, erp: true }) } as Answers;

const factory = (said: string, more: Answers = {}) => {
  const a = typedAt(ctx, { ...base, 'cat.scope': 'factory', 'form.workshopCount': 2, 'form.ws.1.name': '装配车间', 'form.ws.2.name': '喷涂车间', ...more } as Answers, 'form.ws.1.equipmentTotal', said, 'discreteFactory');
  return draftTyped(data, ctx, a, 'discreteFactory');
};

describe('a workshop\'s equipment count said round', () => {
  it.each([
    ['六十来台', '约60台'],
    ['大概八十台左右', '约80台'],
    ['一百多台', '100余台'],
  ])('「%s」 is asked for in the workshop\'s cell, quoting %s', (said, quoted) => {
    const d = factory(said);
    const cell = d.form.workshops[0]!.cells['ws.equipment']!.text;
    expect(cell).toContain(`〔请补充：车间设备总台套数的准确数字（已答“${quoted}”）`);
    expect(d.form.workshops[1]!.cells['ws.equipment']!.text).not.toContain(quoted);
    const elements = d.form.drafts['detail.elements']!.text;
    expect(elements).toContain(`车间设备总台套数的准确数字（已答“${quoted}”）`);
    expect(elements).toContain('装配车间');
  });

  it('with the automated count exact, the sentence states it and asks for the total in its place, with no unit after the request', () => {
    const d = factory('六十来台', { 'form.ws.1.automatedEquipment': 40 } as Answers);
    const cell = d.form.workshops[0]!.cells['ws.equipment']!.text;
    expect(cell).toContain('装配车间现有设备〔请补充：车间设备总台套数的准确数字（已答“约60台”）〕，其中自动化、数字化、智能化生产、检测设备40台（套）');
    expect(cell).not.toMatch(/〕台/u);
  });

  it('in a workshop\'s own form, 三 asks for it the same way', () => {
    const a = typedAt(ctx, { ...base, 'cat.scope': 'workshop', 'form.ws.1.name': '装配车间' } as Answers, 'form.ws.1.equipmentTotal', '七十来台', 'smartWorkshop');
    const d = draftTyped(data, ctx, a, 'smartWorkshop');
    expect(d.form.drafts['detail.elements']!.text).toContain('车间设备总台套数的准确数字（已答“约70台”）');
  });

  it('near miss: an exact count is printed, not asked for', () => {
    const d = factory('60台', { 'form.ws.1.automatedEquipment': 40 } as Answers);
    const cell = d.form.workshops[0]!.cells['ws.equipment']!.text;
    expect(cell).toContain('60台（套）');
    expect(cell).not.toContain('准确数字');
  });
});
