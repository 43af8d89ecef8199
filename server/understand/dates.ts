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

