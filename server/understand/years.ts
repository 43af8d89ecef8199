import { fullYear, YEAR_DIGIT } from './numbers';

/**
 * Years said relative to the year of speaking (去年, 前年, 上一年) as the calendar year each names: in an application
 * to the 2023 notice, 「去年营业收入一点二亿」 is 「2022年营业收入一点二亿」. `words` maps each word to its offset from
 * `thisYear` (knowledge data: 去年 −1, 前年 −2, 今年 0); the longest word is read first, so 大前年 is never 前年.
 * A word inside a longer one (过去年份) is left alone. Pure: the caller says which year the words are relative to.
 */
export function absoluteYears(text: string, thisYear: number, words: Readonly<Record<string, number>>): string {
  const said = Object.keys(words).sort((a, b) => b.length - a.length);
  if (!said.length) return text;
  const re = new RegExp(`(?<![过])(${said.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})`, 'gu');
  return text.replace(re, (w: string) => `${thisYear + words[w]!}年`);
}

/** A year as typed: four digits before 年 or a pause (2021年度, 「2021：…」), four Chinese digits before 年 (二〇二一年), or two digits before 年 (21年, 二一年). */
const YEAR_SAID = /(?<![\d.])((?:19|20)\d{2})(?:\s*年度?|(?=\s*[:：]|\s+\S))(?!\s*[\d〇零一二三四五六七八九十]{1,3}\s*月)|(?<![〇零o一二三四五六七八九十\d])([〇零o一二三四五六七八九]{4}|[〇零o一二三四五六七八九]{2}|\d{2})\s*年度?(?!\s*[\d〇零一二三四五六七八九十]{1,3}\s*月)/giu;

/**
 * The calendar years a reply names, each with the words that name it and where they start, in order: 「2021年」, 「21年」, 「二〇二一年」,
 * and the words relative to `thisYear` (「去年」, 「前年」, `words` as for absoluteYears). A two-digit year is the
 * century's nearest to `thisYear` (fullYear). A year followed by its month (「2021年3月」) is a date, not the year of a
 * figure, and is not listed. A count of years (「十年」, 「三年」) is no year.
 */
export function yearsSaid(text: string, thisYear: number, words: Readonly<Record<string, number>>): { year: number; said: string; at: number }[] {
  const out: { year: number; at: number; said: string }[] = [];
  const relative = Object.keys(words).sort((a, b) => b.length - a.length);
  const taken: [number, number][] = [];
  if (relative.length) {
    const re = new RegExp(`(?<![过])(${relative.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})`, 'gu');
    for (const m of text.matchAll(re)) {
      out.push({ year: thisYear + words[m[0]]!, at: m.index, said: m[0] });
      taken.push([m.index, m.index + m[0].length]);
    }
  }
  for (const m of text.matchAll(YEAR_SAID)) {
    if (taken.some(([a, b]) => m.index < b && m.index + m[0].length > a)) continue;
    const digits = [...(m[1] ?? m[2]!).toLowerCase()].map((c) => YEAR_DIGIT[c] ?? c).join('');
    const year = digits.length === 4 ? Number(digits) : fullYear(Number(digits), thisYear);
    out.push({ year, at: m.index, said: m[0].trim() });
  }
  return out.sort((a, b) => a.at - b.at);
}
