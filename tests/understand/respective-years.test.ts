import { describe, expect, it } from 'vitest';
import { respectiveYears } from '../../server/understand';

/* Figures said of several years at once, written out as each year's own so a reader of yearly figures places each. */
describe('figures of several years said at once', () => {
  it.each([
    ['21、22年分别是3.1亿和4.6亿', '2021年3.1亿，2022年4.6亿'],
    ['2020、2021、2022年营收分别为2.8亿、3.1亿、4.6亿', '2020年营收2.8亿，2021年营收3.1亿，2022年营收4.6亿'],
    ['21和22年的利润分别是3200万和4100万', '2021年利润3200万，2022年利润4100万'],
    ['20年、21年税金各1800万、2000万', '2020年税金1800万，2021年税金2000万'],
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
  ])('leaves 「%s」 as typed', (text) => {
    expect(respectiveYears(text, 2023)).toBe(text);
  });
});
