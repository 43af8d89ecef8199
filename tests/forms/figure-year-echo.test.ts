import { describe, expect, it } from 'vitest';
import { loadKnowledgeData } from '../../server/knowledge/load';
import { figureYearEcho, formView, interpretForm } from '../../server/forms/phase';

/*
 * A yearly figure said with a relative year is placed by the form's own years, the notice's (2020–2022 in the 2023
 * notice): 去年 is 2022 whatever the day, and the reply says the calendar year it was stored as, beside the year the
 * day of speaking would give (2025 on 2026-12-07), so the two countings are never mixed up in silence.
 */
const kb = loadKnowledgeData('knowledge', 'henan-2023');
const TODAY = '2026-12-07';
const echo = (asked: string, t: string) => {
  const r = interpretForm(kb, t, formView(kb, asked, 'smartWorkshop'));
  const ids = r.kind === 'answers' ? r.items.map((i) => i.questionId) : [];
  return { ids, said: figureYearEcho(kb, t, ids, TODAY) };
};

describe('a yearly figure said with a relative year, on a 2026 day with the 2023 notice', () => {
  it.each([
    // The reported phrasing.
    ['去年营收1.2亿', '去年', 2022, 2025],
    // New phrasings of the same meaning.
    ['营收上年是1.2个亿', '上年', 2022, 2025],
    ['前年营业收入一亿一', '前年', 2021, 2024],
  ])('「%s」 is stored as 「%s」 = %s and said back so, not as %s', (t, word, year, spoken) => {
    const r = echo('form.finance.2022.revenue', t);
    expect(r.ids).toEqual([`form.finance.${year}.revenue`]);
    expect(r.said).toBe(`「${word}」的数已记在${year}年一栏：申报书近三年主要经济指标的年份按2023年度通知算，「${word}」就是${year}年（不是按今天算的${spoken}年）；如不对，请直接说年份。`);
  });

  it.each([
    // The reported phrasing.
    ['去年营收二点一亿，前年一点八亿', ['去年', '前年'], [2022, 2021], [2025, 2024]],
    // New phrasings of the same meaning.
    ['营收去年两个亿，前年一点五亿，大前年一个亿', ['去年', '前年', '大前年'], [2022, 2021, 2020], [2025, 2024, 2023]],
    ['前年营业收入一亿一，上年一亿三', ['前年', '上年'], [2021, 2022], [2024, 2025]],
  ])('「%s」 says its years back in one sentence, naming each', (t, words, years, spoken) => {
    const r = echo('form.finance.2020.revenue', t);
    expect(r.ids.sort()).toEqual(years.map((y) => `form.finance.${y}.revenue`).sort());
    const quoted = words.map((w) => `「${w}」`).join('、');
    const pairs = words.map((w, i) => `「${w}」就是${years[i]}年`).join('、');
    expect(r.said).toBe(`${quoted}的数已分别记在${years.map((y) => `${y}年`).join('、')}一栏：申报书近三年主要经济指标的年份按2023年度通知算，${pairs}（不是按今天算的${spoken.map((y) => `${y}年`).join('、')}）；如不对，请直接说年份。`);
  });

  it('near miss: one relative year said of two figures is said back once, as one year', () => {
    const r = echo('form.finance.2022.revenue', '去年营收1.2亿，去年利润800万');
    expect(r.said).toBe('「去年」的数已记在2022年一栏：申报书近三年主要经济指标的年份按2023年度通知算，「去年」就是2022年（不是按今天算的2025年）；如不对，请直接说年份。');
  });

  it.each([
    ['2022年营收1.2亿'],
    ['1.2亿'],
    // A year off the form is said back as such already, and nothing is stored.
    ['今年营收两个亿'],
  ])('near miss: 「%s」 gets no such note', (t) => {
    expect(echo('form.finance.2022.revenue', t).said).toBeUndefined();
  });
});
