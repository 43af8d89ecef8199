import { describe, expect, it } from 'vitest';
import { loadKnowledgeData } from '../../server/knowledge/load';
import { checkFormValue } from '../../server/forms/form-view';
import { datedReply, formView, interpretForm, monthAfterYear } from '../../server/forms/phase';

/*
 * A date whose year is said relative to the session's day keeps its year and its month together: 「去年3月份」「去年的三月」
 * 「前年年底」 said at once, and 「去年」 asked back for its month and then 「3月份」, are one year and month, counted from the
 * session's day (2026-12-07 here, with the 2023 notice) and said back.
 */
const kb = loadKnowledgeData('knowledge', 'henan-2023');
const TODAY = '2026-12-07';
const START = 'form.project.start';
const read = (t: string) => {
  const d = datedReply(kb, START, t, TODAY);
  return { said: d?.said, read: interpretForm(kb, d?.text ?? t, formView(kb, START, 'smartWorkshop')) };
};

describe('a relative year and its month said at once', () => {
  it.each([
    // The reported phrasings.
    ['去年3月份', '2025-03'],
    ['去年的三月', '2025-03'],
    ['前年年底', '2024-12'],
    // New phrasings of the same meaning.
    ['前年的十一月份', '2024-11'],
    ['去年年末开始的', '2025-12'],
    ['大前年5月', '2023-05'],
  ])('「%s」 is %s, year and month together', (t, date) => {
    expect(read(t).read).toEqual({ kind: 'answers', items: [{ questionId: START, value: date }] });
    expect(checkFormValue(kb, {}, 'smartWorkshop', START, t, TODAY)).toMatchObject({ ok: true, value: date, display: expect.stringContaining('按2026年12月7日推算') });
  });

  it('near miss: 「去年营收三个亿」 names no date and is no date of the question', () => {
    expect(read('去年营收三个亿').said).toBeUndefined();
  });
});

describe('a relative year alone, then its month', () => {
  it('「去年」 alone is written out as its year, so its month is asked for, naming that year in the box', () => {
    expect(read('去年')).toMatchObject({ said: '去年', read: { kind: 'unclear', reason: 'bare' } });
    expect(checkFormValue(kb, {}, 'smartWorkshop', START, '去年', TODAY)).toMatchObject({ ok: false, error: expect.stringContaining('是2025年的几月') });
  });

  it.each([
    // The reported meaning, said in two replies.
    ['去年', '3月份', '2025-03'],
    // New phrasings of the same meaning.
    ['去年', '三月', '2025-03'],
    ['前年', '的十二月', '2024-12'],
    ['大前年', '5月', '2023-05'],
  ])('「%s」 then 「%s」 is %s, counted from the session\'s day', (year, month, date) => {
    expect(monthAfterYear(kb, START, year, month, TODAY)).toEqual({ kind: 'answers', items: [{ questionId: START, value: date }] });
  });

  it.each([
    ['去年', '3月份', undefined],
    ['去年', '营收3个亿', TODAY],
    ['去年', '13月', TODAY],
    ['过去', '3月份', TODAY],
    ['前年初', '2月', TODAY],
  ] as const)('near miss: 「%s」 then 「%s」 with the day %s is no date', (year, month, today) => {
    expect(monthAfterYear(kb, START, year, month, today)).toBeUndefined();
  });

  it('a year in figures still takes its month with no day needed', () => {
    expect(monthAfterYear(kb, START, '2020年', '3月份')).toEqual({ kind: 'answers', items: [{ questionId: START, value: '2020-03' }] });
  });
});
