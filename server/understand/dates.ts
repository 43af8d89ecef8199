import { isRealDate } from '../schemas/forms';
import { fullYear, parseChineseNumber, YEAR_DIGIT } from './numbers';

/**
 * A date as people write it, in Arabic figures: 「二〇一一年四月二十日」 → 2011年4月20日, 「4月20号」 →
 * 4月20日, and a two-digit year before a month (「11年4月」) → 2011年4月, or 19xx when that would
 * be in the future.
 */
export function arabicDate(text: string): string {
  return text
    .replace(/[〇零一二三四五六七八九]{4}(?=\s*年)/g, (y) => [...y].map((c) => YEAR_DIGIT[c]).join(''))
    // 「一七年九月」 is 17年9月, whose two-digit year is read below; a count (「十七年」) is no year and is left alone.
    .replace(/(?<![〇零一二三四五六七八九十\d])[〇零一二三四五六七八九]{2}(?=\s*年\s*[一二三四五六七八九十\d]{1,3}\s*月)/g, (y) => [...y].map((c) => YEAR_DIGIT[c]).join(''))
    .replace(/([一二三四五六七八九十]{1,3})(?=\s*[月日号])/g, (n) => String(parseChineseNumber(n) ?? n))
    .replace(/(\d{1,2})\s*号/g, '$1日')
    .replace(/(?<!\d)(\d{2})(?=\s*年\s*\d{1,2}\s*月)/g, (yy) => String(fullYear(Number(yy), new Date().getFullYear())))
    // 「21.3」「21.11」, the whole reply: a two-digit year that no month can be (13 and above) before its month.
    .replace(/^(\s*)(1[3-9]|[2-9]\d)(?=\s*[./]\s*(?:0?[1-9]|1[0-2])(?:\s*[./]\s*\d{1,2})?\s*$)/u, (_m, sp: string, yy: string) => sp + String(fullYear(Number(yy), new Date().getFullYear())));
}

/** "2020年3月15日", "2020.3", "2020/03/15", 「二〇二〇年三月十五日」 → "2020-03-15" / "2020-03". */
export function parseDate(text: string): string | undefined {
  const m = /(\d{4})\s*[年\-./]\s*(\d{1,2})\s*(?:[月\-./]\s*(?:(\d{1,2})\s*日?)?)?/.exec(arabicDate(text));
  if (!m) return undefined;
  const s = `${m[1]}-${m[2]!.padStart(2, '0')}${m[3] ? `-${m[3].padStart(2, '0')}` : ''}`;
  return isRealDate(s) ? s : undefined;
}


/** What may follow a year said relative to today in a date: a month (「十月」「3月份」) or a part of the year (「底」「年初」「上半年」). */
const DATE_AFTER_YEAR = String.raw`\s*(?:的\s*)?(?=[一二三四五六七八九十\d]{1,3}\s*月|年?[底末终初中]|[上下前后]半年)`;

/**
 * 「去年十月」「前年底」「今年三月份」: a date whose year is said relative to the day of speaking, with that year written out
 * (「2025年十月」 said on 2026-12-07), so the one date reader reads it. `today` is that day (YYYY-MM-DD), passed in so the
 * reading stays pure; `words` maps each relative word to its offset in years (去年 −1, as the knowledge's `relativeYears`).
 * Only a word followed by a month or a part of the year is a date's: 「去年营收」 and 「去年」 alone name no date. The
 * longest word is read first, so 大前年 is never 前年; a word inside a longer one (过去年份) is left alone.
 */
export function relativeDates(text: string, today: string, words: Readonly<Record<string, number>>): { text: string; said: string[] } {
  const year = Number(/^(\d{4})-\d{2}/u.exec(today)?.[1]);
  const said = Object.keys(words).sort((a, b) => b.length - a.length);
  if (!Number.isFinite(year) || !said.length) return { text, said: [] };
  const re = new RegExp(`(?<![过])(${said.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})${DATE_AFTER_YEAR}`, 'gu');
  const found: string[] = [];
  const out = text.replace(re, (m: string, w: string, at: number) => {
    // The words the date was said in, up to the month or part of the year, for the reply to quote back.
    found.push(text.slice(at).match(/^.*?(?:[一二三四五六七八九十\d]{1,3}\s*月份?|年?[底末终初中]|[上下前后]半年)/u)?.[0] ?? m);
    return `${year + words[w]!}年`;
  });
  return { text: out, said: found };
}

/** The calendar day of an instant in China (UTC+8), as YYYY-MM-DD: the day a session's relative dates are counted from. */
export function chinaDay(at: Date): string {
  return new Date(at.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}
