import { describe, expect, it } from 'vitest';
import { respectiveYears } from '../../server/understand';

/* Figures said of several years at once, written out as each year's own so a reader of yearly figures places each. */
describe('figures of several years said at once', () => {
  it.each([
    ['21、22年分别是3.1亿和4.6亿', '2021年3.1亿，2022年4.6亿'],
    ['2020、2021、2022年营收分别为2.8亿、3.1亿、4.6亿', '2020年营收2.8亿，2021年营收3.1亿，2022年营收4.6亿'],
    ['21和22年的利润分别是3200万和4100万', '2021年利润3200万，2022年利润4100万'],
    ['20年、21年税金各1800万、2000万', '2020年税金1800万，2021年税金2000万'],
    // The same reader as a series of years: a list with 年 after each year, a range, and the years before the session's.
    ['2021年和2022年营收分别为3.1亿、4.6亿', '2021年营收3.1亿，2022年营收4.6亿'],
    ['2021年度跟2022年度利润分别是500万和650万', '2021年利润500万，2022年利润650万'],
    ['20到22年的税金分别是90万、110万和130万', '2020年税金90万，2021年税金110万，2022年税金130万'],
    ['近三年营业收入分别是1.1亿、1.3亿、1.6亿', '2020年营业收入1.1亿，2021年营业收入1.3亿，2022年营业收入1.6亿'],
    ['最近两年利润各是800万、950万', '2021年利润800万，2022年利润950万'],
  ])('reads 「%s」 as 「%s」', (text, read) => {
    expect(respectiveYears(text, 2023)).toBe(read);
  });

  it.each([
    // As many figures as years, or the list is left as typed: no figure is given to the wrong year.
    '21、22年分别是3.1亿',
    '21、22年分别是3.1亿、4.6亿和5亿',
    // No 分别: one figure for two years is not split.
    '21、22年都是3.1亿',
    '2022年营收4.6亿',
    '两个车间分别是120人和80人',
    '10、12号线分别是20台和30台',
    // 近三年 with no 分别 speaks of a trend; a count of years is no series either.
    '近三年营收稳定增长',
    '近三年营收分别是1.1亿和1.3亿',
    '三年分别是1.1亿、1.3亿、1.6亿',
    '2022到2020年分别是1亿、2亿、3亿',
  ])('leaves 「%s」 as typed', (text) => {
    expect(respectiveYears(text, 2023)).toBe(text);
  });
});
