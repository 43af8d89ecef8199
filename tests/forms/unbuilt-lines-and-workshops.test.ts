import { describe, expect, it } from 'vitest';
import { loadKnowledgeData } from '../../server/knowledge/load';
import { loadTemplates } from '../../server/forms/template';
import type { FormsContext } from '../../server/forms/draft';
import type { Answers } from '../../server/schemas/interview';
import { applyFormAnswer } from '../../server/forms/phase';
import { buildFormView, formFlags } from '../../server/forms/form-view';
import { draftTyped, typedAt } from './typed-draft';
import { typedAnswers } from './typed-enterprises';
import { ROUND7_ENTERPRISES } from './typed-round7';

/*
 * A 智能车间's lines as typed: a count among them (「两条」) names no line, 「一条X」 names X, and a line said in
 * construction or not running (在建, 还没投产, 明年上) is not among the lines the workshop 涵盖: the draft leaves it out
 * and a flag beside the box (and in the chat) quotes what was said. 四(一) limits an application to one workshop: a
 * 车间名称 naming two is kept, and flagged with the clause's words.
 */
const data = loadKnowledgeData('knowledge', 'henan-2023');
const ctx: FormsContext = { ...data, templates: loadTemplates(), engine: data };
const workshop = ROUND7_ENTERPRISES.find((e) => e.category === 'smartWorkshop')!;
const base = () => ({ ...typedAnswers(ctx, workshop).answers }) as Answers;

const summaryOf = (answers: Answers) => {
  const d = draftTyped(data, ctx, answers, 'smartWorkshop');
  return { lines: d.profile.form.workshops?.[0]?.lines, sentence: d.sentences.find((s) => s.includes('等生产线')) ?? '', text: d.drafts.map((x) => x.text).join('\n') };
};
const flagsAt = (answers: Answers, field: string) => formFlags(ctx, answers, 'smartWorkshop').filter((f) => f.field === field).map((f) => f.message);
const chatFlags = (answers: Answers, id: string, value: string) => {
  const r = applyFormAnswer(ctx, answers, id, value, 'smartWorkshop');
  if (!r.ok) throw new Error(r.error);
  return r.newlyBlocking.map((b) => b.reason);
};
/** A box of the form view, with the flags shown beside it. */
const fieldOf = (answers: Answers, id: string) =>
  buildFormView(ctx, answers, 'smartWorkshop').sections.flatMap((s) => s.groups.flatMap((g) => g.rows.flatMap((r) => r.fields))).find((f) => f.questionId === id);

describe('a workshop\'s lines with a count, 「一条X」 and a line not built', () => {
  it.each([
    ['两条，一条酱油发酵线，一条醋酸发酵线，灌装线在建还没投产', ['酱油发酵线', '醋酸发酵线'], '灌装线在建还没投产'],
    ['三条：一条冲压线、一条焊装线，涂装线正在建', ['冲压线', '焊装线'], '涂装线正在建'],
    ['几条线：机加线；装配线；包装线明年上', ['机加线', '装配线'], '包装线明年上'],
    ['共3条生产线，一条注塑线，另一条是组装线，喷涂线还没上', ['注塑线', '组装线'], '喷涂线还没上'],
  ])('「%s」 drafts the lines built only, and flags the one not built', (said, built, notBuilt) => {
    const a = typedAt(ctx, base(), 'form.ws.1.lines', said, 'smartWorkshop');
    const s = summaryOf(a);
    expect(s.lines).toEqual(built);
    expect(s.sentence).toContain(`涵盖${built.join('、')}等生产线`);
    expect(s.text).not.toContain(notBuilt.replace(/(?:在建|正在建|明年上|还没上).*$/u, '') + '等生产线');
    expect(s.text).not.toMatch(/涵盖[^。]*(?:两条|三条|几条|3条|一条|在建|还没|明年)/u);
    const flag = flagsAt(a, 'workshops.0.lines');
    expect(flag).toHaveLength(1);
    expect(flag[0]).toContain(`“${notBuilt}”`);
    expect(chatFlags(base(), 'form.ws.1.lines', said)).toEqual(flag);
    expect(fieldOf(a, 'form.ws.1.lines')?.flags?.map((f) => f.message)).toEqual(flag);
  });

  it.each([
    ['三条线：冲压线、焊装线、涂装线', ['冲压线', '焊装线', '涂装线']],
    ['总装线已投产；机加线', ['总装线', '机加线']],
    ['箱体加工线；主轴装配线', ['箱体加工线', '主轴装配线']],
    ['一条线', undefined],
  ])('near miss: 「%s」 names %j, all built, with no flag', (said, built) => {
    const a = typedAt(ctx, base(), 'form.ws.1.lines', said, 'smartWorkshop');
    expect(summaryOf(a).lines).toEqual(built);
    expect(flagsAt(a, 'workshops.0.lines')).toEqual([]);
  });
});

describe('四(一): one workshop in a 智能车间\'s 车间名称', () => {
  it.each([
    ['酿造发酵车间和灌装车间', '“酿造发酵车间”、“灌装车间”', '2'],
    ['冲压车间、焊装车间及涂装车间', '“冲压车间”、“焊装车间”、“涂装车间”', '3'],
    ['一分厂与二分厂', '“一分厂”、“二分厂”', '2'],
  ])('「%s」 is kept and flagged with the clause, beside the box and in the chat', (name, listed, count) => {
    const a = typedAt(ctx, base(), 'form.ws.1.name', name, 'smartWorkshop');
    expect(a['form.ws.1.name']).toBe(name);
    const flag = flagsAt(a, 'workshops.0.name');
    expect(flag).toHaveLength(1);
    expect(flag[0]).toContain(`车间名称“${name}”写了${count}个车间（${listed}）`);
    expect(flag[0]).toContain('“每家企业当年限报1个智能车间或智能工厂。”');
    expect(chatFlags(base(), 'form.ws.1.name', name)).toEqual(flag);
    expect(fieldOf(a, 'form.ws.1.name')?.flags?.map((f) => f.message)).toEqual(flag);
  });

  it.each(['机加和装配联合车间', '装配车间（含包装工段和检测工段）', '酿造、发酵车间', '第二车间'])('near miss: 「%s」 names one workshop, with no flag', (name) => {
    const a = typedAt(ctx, base(), 'form.ws.1.name', name, 'smartWorkshop');
    expect(flagsAt(a, 'workshops.0.name')).toEqual([]);
  });

  it('a factory\'s workshops each named are not flagged as two in one', () => {
    expect(ctx.formDrafting.messages.severalWorkshops).toContain('{workshops}');
    const a = { ...base(), 'form.ws.1.name': '酿造车间和灌装车间' } as Answers;
    expect(formFlags(ctx, a, 'discreteFactory').filter((f) => f.message.includes('限报1个'))).toEqual([]);
  });
});
