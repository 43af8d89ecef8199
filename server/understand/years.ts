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
