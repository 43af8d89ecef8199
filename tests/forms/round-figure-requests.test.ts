import { describe, expect, it } from 'vitest';
import { loadKnowledgeData } from '../../server/knowledge/load';
import { loadTemplates } from '../../server/forms/template';
import type { FormsContext } from '../../server/forms/draft';
import type { Answers } from '../../server/schemas/interview';
import { markApproximate } from '../../server/forms/phase';
import { draftTyped, typedAt } from './typed-draft';
import { typedAnswers } from './typed-enterprises';
import { ROUND7_ENTERPRISES } from './typed-round7';

/*
 * A figure answered round (「一百来人」) is asked for again in the draft: the request names the figure (员工人数) and
 * quotes the words given with their unit (约100人), so the sentence's own unit (人, 台（套）, 万元, %) is not printed
 * after it as well: 「现有员工〔…约100人…〕人」 reads the unit twice.
 */
const data = loadKnowledgeData('knowledge', 'henan-2023');
const ctx: FormsContext = { ...data, templates: loadTemplates(), engine: data };
const workshop = ROUND7_ENTERPRISES.find((e) => e.category === 'smartWorkshop')!;

const drafted = (answers: Answers) => {
  const d = draftTyped(data, ctx, answers, 'smartWorkshop');
  return [...d.drafts.map((x) => x.text), ...Object.values(d.form.values).map((v) => v.text)].join('\n');
};
const base = () => ({ ...typedAnswers(ctx, workshop).answers }) as Answers;
/** A round figure's request with a unit printed after it. */
const UNIT_AFTER_REQUEST = /〔请补充：[^〕]*准确数字[^〕]*〕(?:人|台|套|万元|万|元|[%％])/u;

describe('a round figure\'s request reads once, with its unit inside', () => {
  it.each([
    ['一百来人', '约100人'],
    ['差不多一百人吧', '约100人'],
    ['一百多人', '100余人'],
    ['将近一百人', '近100人'],
  ])('员工人数 said 「%s」 is asked for as 员工人数, quoting %s, with no 人 after the request', (said, quoted) => {
    const text = drafted(typedAt(ctx, base(), 'form.employees', said, 'smartWorkshop'));
    expect(text).toContain(`现有员工〔请补充：员工人数的准确数字（已答“${quoted}”）〕。`);
    expect(text).not.toMatch(UNIT_AFTER_REQUEST);
  });

  it.each([
    ['form.project.investment', '一千二百万左右', '软硬件投资（万元）的准确数字（已答“约1200万”）'],
    ['form.project.investment', '大概八百来万', '软硬件投资（万元）的准确数字（已答“约800万”）'],
    ['form.registeredCapital', '一千万左右', '注册资本（万元）的准确数字（已答“约1000万”）'],
    ['form.registeredCapital', '两千多万', '注册资本（万元）的准确数字（已答“2000余万”）'],
  ])('%s said 「%s」: the request carries the unit, none follows it', (id, said, request) => {
    const text = drafted(typedAt(ctx, base(), id, said, 'smartWorkshop'));
    expect(text).toContain(`〔请补充：${request}〕`);
    expect(text).not.toMatch(UNIT_AFTER_REQUEST);
  });

  it('a ratio given round asks for its exact figure with no % after the request', () => {
    const a = { ...base() } as Record<string, unknown>;
    for (const k of Object.keys(a)) if (/^(approx\.)?form\.(ws\.\d+\.(equipmentTotal|automatedEquipment|networkedEquipment)|cell\.ws\.(equipment|network))$/.test(k)) delete a[k];
    let answers = { ...a, 'metric.networkedRatio': 85 } as Answers;
    answers = markApproximate(answers, 'metric.networkedRatio', '百分之八十五左右');
    const text = drafted(answers);
    expect(text).toContain('设备联网率的准确数字（已答“约85%”）〕');
    expect(text).not.toMatch(UNIT_AFTER_REQUEST);
  });

  it.each([['100人', '现有员工100人。'], ['一百人', '现有员工100人。'], ['一百零三人', '现有员工103人。']])('an exact head count (「%s」) keeps its unit in the sentence: %s', (said, sentence) => {
    const text = drafted(typedAt(ctx, base(), 'form.employees', said, 'smartWorkshop'));
    expect(text).toContain(sentence);
    expect(text).not.toContain('员工人数的准确数字');
  });
});
