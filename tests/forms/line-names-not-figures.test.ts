import { describe, expect, it } from 'vitest';
import { loadKnowledgeData } from '../../server/knowledge/load';
import { loadTemplates } from '../../server/forms/template';
import type { FormsContext } from '../../server/forms/draft';
import { formView, interpretForm } from '../../server/forms/phase';
import { checkFormValue } from '../../server/forms/form-view';

/*
 * 「车间2有哪些生产线？」 wants the lines' names. A figure with its unit alone (「120台」, 「500万元」, 「85%」) names no line:
 * it is asked back as the kind of figure it reads as, in the chat and in the form view's box, and nothing is stored, so
 * the signed form never prints 「1条：120台」. A name that holds a figure (「120吨发酵罐生产线」) is a name.
 */
const data = loadKnowledgeData('knowledge', 'henan-2023');
const ctx: FormsContext = { ...data, templates: loadTemplates(), engine: data };
const LINES = 'form.ws.2.lines';
const read = (text: string) => interpretForm(ctx, text, formView(ctx, LINES, 'discreteFactory'));
const box = (text: string) => checkFormValue(ctx, { 'form.workshopCount': 2 }, 'discreteFactory', LINES, text);

describe('a figure alone where the lines are asked', () => {
  it.each([
    // As reported.
    ['120台', '数量'],
    // New phrasings of the same meaning: a count, an amount, a share, a count of the lines themselves.
    ['大概30套', '数量'],
    ['120台设备', '设备的台（套）数'],
    ['500万元', '金额'],
    ['85%', '百分比'],
    ['3条', '数量'],
  ])('「%s」 is asked back as %s and nothing is stored', (said, kind) => {
    expect(read(said)).toEqual({ kind: 'unclear', reason: 'wrongKind', choices: [said, kind, '生产线名称'], field: '车间2有哪些生产线' });
    const checked = box(said);
    expect(checked.ok).toBe(false);
    expect(checked.ok ? '' : checked.error).toContain(`「${said}」是${kind}`);
  });

  it.each(['1号线、2号线', '120吨发酵罐生产线', '120台设备的加工线', '冲压线；焊装线', '全自动压砖线两条 浇注料配料线一条'])('near miss: 「%s」 names lines and is stored as typed', (said) => {
    expect(read(said)).toEqual({ kind: 'answers', items: [{ questionId: LINES, value: said }] });
    expect(box(said)).toMatchObject({ ok: true, value: said });
  });
});

describe('a count typed after a Latin name of the equipment', () => {
  it.each([
    // As reported, and new phrasings: a Latin name, spaced or not, two counts, a Han word before it.
    'CNC30台',
    'CNC 30台',
    'AGV6台',
    'CNC加工中心30台',
    '大概CNC30台',
    'AGV 6台 CNC 30台',
    '数控机床30台',
    // A Latin name typed in lower or mixed case is the same name.
    'cnc30台',
    'Cnc 30台',
    'agv6台',
    '大概cnc三十台',
  ])('「%s」 is asked back as 设备的台（套）数 and nothing is stored', (said) => {
    expect(read(said)).toEqual({ kind: 'unclear', reason: 'wrongKind', choices: [said, '设备的台（套）数', '生产线名称'], field: '车间2有哪些生产线' });
    const checked = box(said);
    expect(checked.ok).toBe(false);
    expect(checked.ok ? '' : checked.error).toContain(`「${said}」是设备的台（套）数`);
  });

  it.each([
    // A line named with a Latin word and counted, a system's count, a model whose name holds digits, a name holding a count.
    'CNC加工线',
    'CNC线2条',
    'SMT贴片线3条',
    'MES3套',
    'S7 1200两套',
    'S7-1200两套',
    'CNC30台加工线',
    'cnc加工线',
    'cnc线2条',
    'mes3套',
  ])('near miss: 「%s」 is stored as typed', (said) => {
    expect(read(said)).toEqual({ kind: 'answers', items: [{ questionId: LINES, value: said }] });
    expect(box(said)).toMatchObject({ ok: true, value: said });
  });

  it('at the name of the workshop 「CNC30台」 is a count of equipment; 「CNC加工车间」 and 「CNC30台智能车间」 are names', () => {
    const name = (text: string) => interpretForm(ctx, text, formView(ctx, 'form.project.name', 'discreteFactory'));
    expect(name('CNC30台')).toMatchObject({ kind: 'unclear', reason: 'wrongKind', choices: ['CNC30台', '设备的台（套）数', '车间或工厂的名称'] });
    for (const said of ['CNC加工车间', 'CNC30台智能车间']) expect(name(said)).toEqual({ kind: 'answers', items: [{ questionId: 'form.project.name', value: said }] });
  });
});

describe('a count typed after a Latin name of the equipment, where the workshop\'s equipment total is asked', () => {
  const TOTAL = 'form.ws.2.equipmentTotal';
  const total = (text: string) => interpretForm(ctx, text, formView(ctx, TOTAL, 'discreteFactory'));
  it.each([
    // As reported, and new phrasings: either case, spaced or not, another Latin name, a Han name beside it.
    ['CNC30台', 'CNC', '30台'],
    ['cnc30台', 'CNC', '30台'],
    ['Cnc 30台', 'CNC', '30台'],
    ['AGV6台', 'AGV', '6台'],
    ['cnc加工中心三十台', '加工中心', '30台'],
    // Read as a Han name of a machine is.
    ['数控机床30台', '机床', '30台'],
  ])('「%s」 is one kind of machine\'s count, asked whether it is the whole (%s, %s)', (said, part, figure) => {
    expect(total(said)).toEqual({ kind: 'unclear', reason: 'onePart', choices: [said, part, figure, '全车间'], field: '车间2设备总数' });
  });

  it.each([
    ['30台', 30],
    ['一共120台，cnc30台', 120],
  ])('near miss: 「%s」 is the total %s', (said, value) => {
    expect(total(said)).toEqual({ kind: 'answers', items: [{ questionId: TOTAL, value }] });
  });
});
