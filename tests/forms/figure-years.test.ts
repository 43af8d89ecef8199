import { describe, expect, it } from 'vitest';
import { loadKnowledgeData } from '../../server/knowledge/load';
import { loadTemplates } from '../../server/forms/template';
import type { FormsContext } from '../../server/forms/draft';
import { formView, interpretForm } from '../../server/forms/phase';
import { checkFormValue } from '../../server/forms/form-view';
import { yearsSaid } from '../../server/understand';

/*
 * A yearly figure of the 近三年主要经济指标 table said with a year of its own: the figure is that year's, never the
 * asked column's. A year the table has (2020–2022 for the 2023 notice) is recorded in its own column, beside the one
 * asked, which is asked again; a year it has not (今年, 2019) is recorded nowhere and the user hears which years the
 * form asks. A year only compared with, or the asked year itself, changes nothing.
 */
const data = loadKnowledgeData('knowledge', 'henan-2023');
const ctx: FormsContext = { ...data, templates: loadTemplates(), engine: data };
const read = (id: string, text: string) => interpretForm(ctx, text, formView(ctx, id, 'discreteFactory'));
const box = (id: string, text: string) => checkFormValue(ctx, {}, 'discreteFactory', id, text);
const REVENUE_2022 = 'form.finance.2022.revenue';
const relative = data.formQuestions.vocabulary.relativeYears;

describe('the years a reply names', () => {
  it('reads four digits, two digits and Chinese digits before 年, and the words relative to the notice\'s year', () => {
    for (const [text, years] of [
      ['2021年一点二亿', [2021]],
      ['二〇二一年是一点二亿', [2021]],
      ['二一年一个多亿', [2021]],
      ['20年的是九千万', [2020]],
      ['大前年五千万，前年六千万', [2020, 2021]],
      ['2021：1.2亿', [2021]],
    ] as const)
      expect(yearsSaid(text, 2023, relative).map((y) => y.year), text).toEqual(years);
  });

  it('reads no year in a count of years, a figure in 万 or a date with its month', () => {
    for (const text of ['成立十年了', '一年一点二亿', '营收2021万', '2021万元', '2021年3月', '过去年份', '二十年']) expect(yearsSaid(text, 2023, relative), text).toEqual([]);
  });
});

describe('a yearly figure said with another year than the one asked', () => {
  it('is recorded in the column of the year named, and the asked column stays open', () => {
    for (const [text, id, value] of [
      ['2021年一点二亿', 'form.finance.2021.revenue', 12000],
      ['前年一点二亿', 'form.finance.2021.revenue', 12000],
      ['21年是1.2个亿', 'form.finance.2021.revenue', 12000],
      ['二〇二〇年九千五百万', 'form.finance.2020.revenue', 9500],
      ['大前年的话五千万', 'form.finance.2020.revenue', 5000],
      // The row its words name, in the year named: 「2021年的利润」 is 2021's profit, not its revenue.
      ['2021年的利润是一千万', 'form.finance.2021.profit', 1000],
    ] as const) {
      const r = read(REVENUE_2022, text);
      expect(r, text).toEqual({ kind: 'answers', items: [{ questionId: id, value, extra: true }] });
    }
  });

  it('gives each year its own figure when a reply names several', () => {
    expect(read(REVENUE_2022, '2021年1.1亿，2022年1.2亿')).toEqual({
      kind: 'answers',
      items: [
        { questionId: 'form.finance.2021.revenue', value: 11000, extra: true },
        { questionId: REVENUE_2022, value: 12000 },
      ],
    });
    expect(read('form.finance.2020.totalAssets', '1.5亿是2021年的，1.8亿是2022年的')).toEqual({
      kind: 'answers',
      items: [
        { questionId: 'form.finance.2021.totalAssets', value: 15000, extra: true },
        { questionId: 'form.finance.2022.totalAssets', value: 18000, extra: true },
      ],
    });
  });

  it('records a year the table has no column for nowhere, and names the years the form asks', () => {
    for (const [text, year] of [
      ['今年营收两个亿', 2023],
      ['今年上半年六千万', 2023],
      ['2019年营收8000万', 2019],
      ['二〇一九年是七千万', 2019],
    ] as const)
      expect(read(REVENUE_2022, text), text).toEqual({ kind: 'answers', items: [], notes: [{ said: text, reason: 'otherYear', year, years: '2020、2021、2022' }] });
  });

  it('asks back a year with no figure of its own, never storing the year as the figure', () => {
    for (const text of ['2021年也是', '跟2021年差不多', '和21年一样']) {
      const r = read(REVENUE_2022, text);
      expect(r, text).toMatchObject({ kind: 'unclear', reason: 'otherYear', field: '2022年营业收入' });
    }
  });

  it('in the form view\'s box, is refused with where the figure goes, or which years the form asks', () => {
    const other = box(REVENUE_2022, '2021年一点二亿');
    expect(other.ok).toBe(false);
    expect(!other.ok && other.error).toContain('2021年的数请填在2021年一栏');
    const outside = box(REVENUE_2022, '今年营收两个亿');
    expect(!outside.ok && outside.error).toContain('只填2020、2021、2022年');
  });
});

describe('replies that only look like another year (precision)', () => {
  it('keep the asked column\'s figure: the asked year named, a year compared with, a relative year that is the asked one', () => {
    for (const text of ['2022年一点二亿', '2022年度一点二亿', '截至2022年底一点二亿', '去年一点二亿', '上一年1.2亿', '一点二亿，比2021年多了两千万', '营收一点二个亿（2022年）', '一点二亿'])
      expect(read(REVENUE_2022, text), text).toEqual({ kind: 'answers', items: [{ questionId: REVENUE_2022, value: 12000 }] });
    expect(box(REVENUE_2022, '去年一点二亿')).toMatchObject({ ok: true, value: 12000 });
  });

  it('leave fields of no year alone: a headcount or a date said with a year is read as before', () => {
    expect(read('form.employees', '2021年是300人')).toEqual({ kind: 'answers', items: [{ questionId: 'form.employees', value: 300 }] });
    expect(read('form.foundedOn', '2021年3月')).toEqual({ kind: 'answers', items: [{ questionId: 'form.foundedOn', value: '2021-03' }] });
    expect(read(REVENUE_2022, '2021万')).toEqual({ kind: 'answers', items: [{ questionId: REVENUE_2022, value: 2021 }] });
  });
});

describe('the asked year\'s figure, then another year\'s', () => {
  const TAX_2021 = 'form.finance.2021.tax';
  it('stores each figure under its own year', () => {
    const items = (id: string, text: string) => {
      const r = read(id, text);
      return r.kind === 'answers' ? r.items.map((i) => [i.questionId, i.value]) : r;
    };
    expect(items(TAX_2021, '1200万，2022年1300万')).toEqual([[TAX_2021, 1200], ['form.finance.2022.tax', 1300]]);
    // New phrasings: a two-digit year, a relative year, a year before the asked one.
    expect(items('form.finance.2021.revenue', '5000万，22年6000万')).toEqual([['form.finance.2021.revenue', 5000], ['form.finance.2022.revenue', 6000]]);
    expect(items(TAX_2021, '一千二百万，去年是一千三百万')).toEqual([[TAX_2021, 1200], ['form.finance.2022.tax', 1300]]);
    expect(items('form.finance.2022.profit', '800万，2020年500万')).toEqual([['form.finance.2022.profit', 800], ['form.finance.2020.profit', 500]]);
    // The form view's box places them as the chat does.
    expect(box(TAX_2021, '1200万，2022年1300万')).toMatchObject({ ok: true, value: 1200, said: '2021年1200万元', also: [{ questionId: 'form.finance.2022.tax', value: 1300 }] });
  });

  it('leaves alone one figure said with another year only (near misses)', () => {
    expect(read(TAX_2021, '2022年1300万')).toMatchObject({ kind: 'answers', items: [{ questionId: 'form.finance.2022.tax', value: 1300, extra: true }] });
    expect(read(TAX_2021, '1200万，比2022年少')).toMatchObject({ kind: 'answers', items: [{ questionId: TAX_2021, value: 1200 }] });
  });
});

describe('one figure for several years typed into one year\'s box', () => {
  const tax = (y: number) => `form.finance.${y}.tax`;
  it('fills the other years still empty, as the chat does', () => {
    // Only other years named: the box keeps what it had.
    expect(box(tax(2022), '前两年都是1000万')).toEqual({
      ok: true, value: null, display: '', keep: true,
      also: [{ questionId: tax(2021), value: 1000, display: '1000万元', label: '2021年税金' }, { questionId: tax(2020), value: 1000, display: '1000万元', label: '2020年税金' }],
    });
    expect(box(tax(2021), '这三年都一样，1000万')).toMatchObject({ ok: true, value: 1000, also: [{ questionId: tax(2020), value: 1000 }, { questionId: tax(2022), value: 1000 }] });
    expect(box(tax(2020), '这三年都一样，都是1000万')).toMatchObject({ ok: true, value: 1000, also: [{ questionId: tax(2021) }, { questionId: tax(2022) }] });
    expect(box(tax(2022), '前两年都差不多，一千万')).toMatchObject({ ok: true, keep: true, also: [{ questionId: tax(2021), value: 1000 }, { questionId: tax(2020), value: 1000 }] });
    // A year already filled is not overwritten; with every year named filled, nothing is saved and the box says why.
    expect(checkFormValue(ctx, { [tax(2021)]: 900 }, 'discreteFactory', tax(2022), '前两年都是1000万')).toMatchObject({ ok: true, keep: true, also: [{ questionId: tax(2020) }] });
    const full = checkFormValue(ctx, { [tax(2021)]: 900, [tax(2020)]: 800 }, 'discreteFactory', tax(2022), '前两年都是1000万');
    expect(full).toMatchObject({ ok: false, error: expect.stringContaining('2021、2020年的数') });
  });

  it('says back years the table has no column for, and reads 都一样 with no figure as no figure (near misses)', () => {
    expect(box(tax(2020), '前两年都是1000万')).toMatchObject({ ok: false, error: expect.stringContaining('2019、2018年的数') });
    expect(box(tax(2022), '这三年都一样')).toMatchObject({ ok: false });
    expect(read(tax(2022), '这三年都一样')).toMatchObject({ kind: 'unclear' });
    expect(box(tax(2022), '1000万')).toEqual({ ok: true, value: 1000, display: '1000万元' });
  });
});
