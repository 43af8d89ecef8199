import { describe, expect, it } from 'vitest';
import { loadKnowledgeData } from '../../server/knowledge/load';
import { buildFormView, checkFormValue } from '../../server/forms/form-view';
import { interpretForm, formView, readFigure } from '../../server/forms/phase';
import { relativeDates } from '../../server/understand';
import type { Category } from '../../server/schemas/profile';

/*
 * The form view's box reads as the chat reads the same words: 员工人数 has a box in every 附件, beside the 企业简介 it
 * feeds; a round figure (「九十多号人」) is kept as said and shown as round; a figure with how it changed said beside it
 * (「一个亿，同比涨了两成」) is the figure; years said alike with no figure ask for the figure in the same box; a date
 * whose year is said relative to the session's day (「去年十月」) is counted from that day and shown for confirmation.
 */
const kb = loadKnowledgeData('knowledge', 'henan-2023');
const box = (id: string, t: string, today?: string) => checkFormValue(kb, {}, 'discreteFactory', id, t, today);
const TODAY = '2023-08-15';

describe('员工人数 in the form view', () => {
  it.each(['smartWorkshop', 'discreteFactory', 'processFactory'] as Category[])('%s: a box of its own in 企业基本信息, before the 企业简介 it feeds', (category) => {
    const v = buildFormView(kb, {}, category);
    const s1 = v.sections.find((s) => s.id === 'section1')!;
    const rows = s1.groups.flatMap((g) => g.rows.flatMap((r) => r.fields));
    const at = rows.findIndex((f) => f.questionId === 'form.employees');
    expect(at).toBeGreaterThanOrEqual(0);
    expect(rows[at]).toMatchObject({ input: 'number', unit: '人', status: 'empty' });
    expect(rows.findIndex((f) => f.key === 'enterpriseIntro')).toBeGreaterThan(at);
  });

  it('checked as the chat checks it: a negative count or a phone is refused', () => {
    expect(box('form.employees', '-5')).toMatchObject({ ok: false });
    expect(box('form.employees', '13837112345')).toMatchObject({ ok: false });
    expect(box('form.employees', '356人')).toEqual({ ok: true, value: 356, display: '356人' });
  });
});

describe('a round figure typed in the box', () => {
  it.each([
    ['九十多号人', 90],
    // New phrasings of the same meaning.
    ['一百来号人', 100],
    ['九十几个人', 90],
    ['差不多两百人', 200],
  ])('「%s」 is kept as said, read as the chat reads it (%s, round), and shown as a round figure', (t, value) => {
    const r = box('form.employees', t);
    expect(r).toMatchObject({ ok: true, value });
    if (!r.ok) return;
    expect(r.said).toBeDefined();
    expect(t).toContain(r.said!.replace(/个$/u, ''));
    expect(r.display).toContain('约数，待确认');
    expect(readFigure(kb, 'form.employees', r.said!)).toMatchObject({ kind: 'value', value, approx: true });
    const chat = interpretForm(kb, t, formView(kb, 'form.employees', 'discreteFactory'));
    expect(chat).toMatchObject({ kind: 'answers', items: [{ questionId: 'form.employees', value, approx: true }] });
  });

  it.each([['九十号人', 90], ['95人', 95], ['九十五号人', 95]])('near miss: 「%s」 is exact, saved and shown as %s人', (t, value) => {
    expect(box('form.employees', t)).toEqual({ ok: true, value, display: `${value}人` });
  });
});

describe('a figure with how it changed said beside it', () => {
  it.each([
    ['一个亿，同比涨了两成', 10000],
    // New phrasings of the same meaning.
    ['一亿元，比上年增长20%', 10000],
    ['八千万，较去年涨了一成多', 8000],
  ])('「%s」 in the revenue box is %s万元, as the chat reads it', (t, value) => {
    expect(box('form.finance.2022.revenue', t)).toMatchObject({ ok: true, value });
    expect(readFigure(kb, 'form.finance.2022.revenue', t)).toEqual({ kind: 'value', value });
  });

  it.each(['涨了两成', '同比增长20%', '两成'])('near miss: 「%s」 alone gives no figure and is refused', (t) => {
    expect(box('form.finance.2022.revenue', t)).toMatchObject({ ok: false });
  });
});

describe('years said alike with no figure, in the box', () => {
  it.each(['这三年都一样', '近三年都一样', '这三年都持平'])('「%s」 asks for the figure beside the words, and with it fills every year', (t) => {
    const r = box('form.finance.2022.revenue', t);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toContain(`如「${t}，1200万」`);
    const both = box('form.finance.2022.revenue', `${t}，1200万`);
    expect(both).toMatchObject({ ok: true, value: 1200 });
    if (both.ok) expect(both.also?.map((a) => a.questionId).sort()).toEqual(['form.finance.2020.revenue', 'form.finance.2021.revenue']);
  });

  it.each(['每年都一样', '不清楚'])('near miss: 「%s」 is not asked for a figure for the years alike', (t) => {
    const r = box('form.finance.2022.revenue', t);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).not.toContain('这几年会一并填上');
  });
});

describe('a date said relative to the session\'s day', () => {
  it.each([
    ['去年十月', '2022-10'],
    ['前年底', '2021-12'],
    ['今年三月份', '2023-03'],
    // New phrasings of the same meaning.
    ['大前年的5月', '2020-05'],
    ['去年年底', '2022-12'],
    ['上年9月', '2022-09'],
  ])('「%s」 is %s, counted from the session\'s day and shown with it for confirmation', (t, date) => {
    const r = box('form.project.start', t, TODAY);
    expect(r).toMatchObject({ ok: true, value: date });
    if (r.ok) expect(r.display).toBe(`${date}（「${t}」按2023年8月15日推算，请核对）`);
  });

  it('「前年初」 names no one month: its year is counted, and the month asked', () => {
    expect(box('form.project.start', '前年初', TODAY)).toMatchObject({ ok: false, error: expect.stringContaining('「前年初」是2021年的几月') });
  });

  it.each([
    ['去年十月', undefined],
    ['去年', TODAY],
    ['过去年份', TODAY],
  ] as const)('near miss: 「%s」 with the day %s is no date the box can save', (t, today) => {
    expect(box('form.project.start', t, today)).toMatchObject({ ok: false });
  });

  it('a plain date is saved as it is, with no note; a planned date under way is counted from the notice\'s year as before', () => {
    expect(box('form.project.start', '2021年10月', TODAY)).toEqual({ ok: true, value: '2021-10', display: '2021-10' });
    expect(checkFormValue(kb, {}, 'smartWorkshop', 'form.project.end', '预计明年六月完工', TODAY)).toMatchObject({ ok: true, value: '2024-06', said: '预计明年六月完工' });
  });
});

describe('relativeDates, the one reading of a relative year in a date', () => {
  const words = kb.formQuestions.vocabulary.relativeYears;
  it('writes the year out where a month or a part of the year follows it', () => {
    expect(relativeDates('去年十月', '2026-12-07', words)).toEqual({ text: '2025年十月', said: ['去年十月'] });
    expect(relativeDates('前年底投产', '2026-12-07', words)).toEqual({ text: '2024年底投产', said: ['前年底'] });
    expect(relativeDates('今年三月份', '2026-01-02', words)).toEqual({ text: '2026年三月份', said: ['今年三月份'] });
    expect(relativeDates('大前年的5月', '2026-12-07', words).text).toBe('2023年5月');
  });
  it('leaves a year that names no date, and a word inside a longer one', () => {
    for (const t of ['去年营收一个亿', '去年', '过去年份', '前年被列过']) expect(relativeDates(t, '2026-12-07', words)).toEqual({ text: t, said: [] });
  });
});
