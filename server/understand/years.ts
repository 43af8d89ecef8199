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

/**
 * A figure's name said before its year (「营收前年四亿三」「利润2021年是八百万」「税金二一年九百万」) written with the year first
 * (「前年营收四亿三」), as readers of a yearly figure expect it. `figures`: the names of yearly figures (营收, 利润). Only a
 * year right after the name, with at most 的 or 是 between, is moved; any other text is returned as it came.
 */
export function yearBeforeFigure(text: string, figures: readonly string[], thisYear: number, words: Readonly<Record<string, number>>): string {
  const figure = [...figures].sort((a, b) => b.length - a.length).find((w) => text.startsWith(w));
  if (!figure) return text;
  const after = text.slice(figure.length);
  const gap = /^\s*(?:的|是)?\s*/u.exec(after)![0];
  const year = yearsSaid(after, thisYear, words)[0];
  if (!year || year.at !== gap.length) return text;
  return `${year.said}${figure}${after.slice(gap.length + year.said.length)}`;
}

/** One year as typed in a series: four digits, two digits, or two or four Chinese digits (二〇二〇, 二〇). */
const SERIES_YEAR = '(?:(?:19|20)\\d{2}|\\d{2}|[〇零o一二三四五六七八九]{4}|[〇零o一二三四五六七八九]{2})';
/** 「2020到2022年」「2020-2022年」「20至22年」「2020年到2022年」: a range of years, the last one closed by 年. */
const YEAR_RANGE = new RegExp(`(?<![\\d〇零o一二三四五六七八九.])(${SERIES_YEAR})\\s*年?\\s*(?:到|至|~|～|—|－|-|–)\\s*(${SERIES_YEAR})\\s*年度?`, 'iu');
/** 「2020、2021、2022年」「2020年、2021年和2022年」: a list of years, each joined by 、 or 和, the last one closed by 年. */
const YEAR_LIST = new RegExp(`(?<![\\d〇零o一二三四五六七八九.])(${SERIES_YEAR}\\s*年?度?(?:\\s*(?:、|，|,|和|及|与|跟)\\s*${SERIES_YEAR}\\s*年?度?)+)\\s*年度?`, 'iu');

function yearOfDigits(said: string, thisYear: number): number {
  const digits = [...said.toLowerCase()].map((c) => YEAR_DIGIT[c] ?? c).join('');
  return digits.length === 4 ? Number(digits) : fullYear(Number(digits), thisYear);
}

/**
 * 「近三年…分别」「最近两年…各」「过去3年…分别」: the years just before the year of speaking, as many as said. Only with
 * 分别 or 各 after them: 「近三年营收稳定增长」 speaks of a trend, and names no years that figures go to.
 */
const RECENT_YEARS = /(?:最近|近|过去)\s*([两二三四五2-5])\s*个?\s*年度?(?=[^，,。；;\d]{0,10}?(?:分别|各))/u;
const RECENT_COUNT: Record<string, number> = { 两: 2, 二: 2, 三: 3, 四: 4, 五: 5, '2': 2, '3': 3, '4': 4, '5': 5 };

/**
 * The years a reply names as one series, in order, with the words that name them: a range (「2020到2022年」, whose
 * first year has no 年 of its own and is therefore no amount), a list (「2020、2021、2022年」「21、22年」「2021年和2022年」),
 * or the years just before `thisYear` (「近三年」 in 2023 is 2020–2022). Undefined when the reply names no series, when a
 * range runs backwards or over more than ten years, or when a list repeats a year or is not in order: such words are
 * no series of figures' years, and the caller asks rather than guess. The one reader of years said together, for the
 * interview and the form alike (respectiveYears reads its figures).
 */
export function yearSeries(text: string, thisYear: number): { years: number[]; said: string; at: number; end: number } | undefined {
  const range = YEAR_RANGE.exec(text);
  if (range) {
    const [from, to] = [yearOfDigits(range[1]!, thisYear), yearOfDigits(range[2]!, thisYear)];
    if (to <= from || to - from > 10) return undefined;
    return { years: Array.from({ length: to - from + 1 }, (_, i) => from + i), said: range[0], at: range.index, end: range.index + range[0].length };
  }
  const list = YEAR_LIST.exec(text);
  if (list && /年/u.test(list[0])) {
    const years = [...list[1]!.matchAll(new RegExp(SERIES_YEAR, 'giu'))].map((m) => yearOfDigits(m[0], thisYear));
    if (years.some((y, i) => i > 0 && y <= years[i - 1]!)) return undefined;
    return { years, said: list[0], at: list.index, end: list.index + list[0].length };
  }
  const recent = RECENT_YEARS.exec(text);
  if (recent) {
    const n = RECENT_COUNT[recent[1]!]!;
    return { years: Array.from({ length: n }, (_, i) => thisYear - n + i), said: recent[0], at: recent.index, end: recent.index + recent[0].length };
  }
  return undefined;
}

/** After the years: what the figures are of (营收, 的利润), 分别 or 各, and the figures. */
const RESPECTIVELY = /^的?([^\d分]{0,8}?)(?:分别|各)(?:是|为|有|达到|在)?\s*(.+)$/u;

/**
 * 「21、22年分别是3.1亿和4.6亿」「2021年和2022年营收分别为3.1亿、4.6亿」「近三年利润分别是…」: figures said of several years
 * at once (the years as yearSeries reads them), written out as each year's own (「2021年3.1亿，2022年4.6亿」, with what
 * they are of kept before each figure), so a reader of yearly figures places each in its year. A list whose count of
 * figures is not its count of years is left as typed, so no figure is given to the wrong year.
 */
export function respectiveYears(text: string, thisYear: number): string {
  const series = yearSeries(text, thisYear);
  if (!series) return text;
  const m = RESPECTIVELY.exec(text.slice(series.end));
  if (!m) return text;
  const figures = m[2]!.replace(/[。！!]+$/u, '').split(/\s*(?:[、，,；;]|和|与|及)\s*/u).filter(Boolean);
  if (figures.length !== series.years.length) return text;
  const of = m[1]!.trim();
  return text.slice(0, series.at) + series.years.map((y, i) => `${y}年${of}${figures[i]}`).join('，');
}

/** 「都是」「也都是」「均为」: one figure said for every year named before it; the figure runs to the end of its clause. */
const SAME_FIGURE = /(?:也|还)?(?:都|均|全都)(?:是|为|有|在)?\s*(?!一样|一致)([^，,。；;！!？?\n]*[\d零〇一二两三四五六七八九十百千万亿][^，,。；;！!？?\n]*)/gu;
/** 「这三年都一样，1000万」「前两年都差不多，一千万左右」: the years said alike, then the one figure they share. */
const ALIKE_THEN_FIGURE = /(?:也|还)?(?:都|均|全都)(?:基本)?(?:一样|一致|相同|差不多|持平)[，,、\s]*(?:是|为|在)?\s*(?=[\d零〇一二两三四五六七八九十]|约|大概|大约)/u;
/** 「前两年」「之前两年」「再往前两年」: the years just before the one said last (or the one asked), as many as said. */
const PREVIOUS_YEARS = /^(?:再往前|往前|之前|此前|前面|前)\s*的?\s*([两二三2-3])\s*个?\s*年度?(.*)$/u;
/** 「近三年」「最近两年」「这三年」: the years just before the year of speaking, as many as said. */
const LAST_YEARS = /^(?:最近|近|过去|这)\s*([两二三2-3])\s*个?\s*年度?(.*)$/u;
/** 「每年」「年年」「这几年」: years that are not told apart, so no figure can be placed in any one of them. */
const EVERY_YEAR = /^(?:每一年|每年|年年|历年|往年|这几年|那几年|这些年|前几年|近几年)/u;
const YEAR_COUNT: Record<string, number> = { 两: 2, 二: 2, 三: 3, '2': 2, '3': 3 };

/**
 * One figure said for several years at once with 都 (「前两年都是1000万左右」, 「21年和20年都是1000万」, 「近三年都在800万上下」),
 * written out as each year's own clause (「2021年1000万左右，2020年1000万左右」), so a reader of yearly figures places it in
 * every year, hedge and all. 「前两年」 counts back from the last year said before it, else from `anchor` (the year the
 * question asks), whose figure said with no year of its own (「1200万，前两年都是…」) is then given that year. Years said
 * only as 每年 or 这几年 are none that a figure can be placed in: `vague` holds those words, and the text is left as typed.
 * A figure whose years cannot be told (no year before 前两年 and no anchor) is left as typed too.
 */
export function sameEachYear(said: string, thisYear: number, words: Readonly<Record<string, number>>, anchor?: number): { text: string; vague?: string } {
  const text = said.replace(ALIKE_THEN_FIGURE, '都是');
  const spread = sameEachYearSaid(text, thisYear, words, anchor);
  return spread.vague || spread.text !== text ? spread : { text: said };
}

function sameEachYearSaid(text: string, thisYear: number, words: Readonly<Record<string, number>>, anchor?: number): { text: string; vague?: string } {
  let out = text;
  for (const m of [...text.matchAll(SAME_FIGURE)].reverse()) {
    let start = Math.max(...[...'，,。；;！!？?\n'].map((s) => text.lastIndexOf(s, m.index - 1))) + 1;
    // 「前两年的税差不多，都是1000万」: a 都 opening its clause is of the years the clause before names.
    const own = text.slice(start, m.index).trim();
    const prior = own ? -1 : Math.max(...[...'，,。；;！!？?\n'].map((s) => text.lastIndexOf(s, start - 2))) + 1;
    const segment = own || text.slice(prior, start - 1).trim().replace(/(?:也|都)?(?:基本)?(?:差不多|一样|相同|持平|相当)$/u, '');
    if (!own && prior >= 0) start = prior;
    const figure = m[1]!.trim();
    if (EVERY_YEAR.test(segment)) return { text, vague: `${segment}${m[0]}`.trim() };
    let years: number[] | undefined;
    let of = '';
    let lead = '';
    const previous = PREVIOUS_YEARS.exec(segment);
    const last = LAST_YEARS.exec(segment);
    if (previous) {
      const before = yearsSaid(text.slice(0, start), thisYear, words);
      const from = before.length ? Math.max(...before.map((y) => y.year)) : anchor;
      if (from === undefined) continue;
      years = Array.from({ length: YEAR_COUNT[previous[1]!]! }, (_, i) => from - 1 - i);
      of = previous[2]!.replace(/^的/u, '');
      // 「1200万，前两年都是…」 to the asked year: the figure before, with no year of its own, is the asked year's.
      if (!before.length && /\d|[零〇一二两三四五六七八九十百千万亿]/u.test(text.slice(0, start))) lead = `${from}年`;
    } else if (last) {
      const n = YEAR_COUNT[last[1]!]!;
      years = Array.from({ length: n }, (_, i) => thisYear - n + i);
      of = last[2]!.replace(/^的/u, '');
    } else {
      // 「21年和20年」「去年和前年的利润」: every word of the segment before what the figure is of is a year or a joiner.
      const named = yearsSaid(segment, thisYear, words);
      if (named.length < 2 || named[0]!.at !== 0) continue;
      const end = named[named.length - 1]!.at + named[named.length - 1]!.said.length;
      const joined = named.every((y, i) => i === 0 || /^\s*(?:、|和|及|与|跟|以及)\s*$/u.test(segment.slice(named[i - 1]!.at + named[i - 1]!.said.length, y.at)));
      if (!joined || new Set(named.map((y) => y.year)).size !== named.length) continue;
      years = named.map((y) => y.year);
      of = segment.slice(end).replace(/^的/u, '');
    }
    out = lead + out.slice(0, start) + years.map((y) => `${y}年${of}${figure}`).join('，') + out.slice(m.index + m[0].length);
    if (lead) break;
  }
  return { text: out };
}

/** A year typed in Chinese digits (二〇一九年, 二零一二年, 一九九八年), with the month after it if one is said. */
const CHINESE_YEAR = /(?<![〇零o一二三四五六七八九十百千万\d])([一二][〇零o一二三四五六七八九]{3})(\s*年)(?:(十[一二]|[一二三四五六七八九十])月)?/giu;
const MONTH_DIGITS: Record<string, string> = { 一: '1', 二: '2', 三: '3', 四: '4', 五: '5', 六: '6', 七: '7', 八: '8', 九: '9', 十: '10', 十一: '11', 十二: '12' };

/** 「二零一二年」 → 「2012年」, 「二〇一九年三月」 → 「2019年3月」: a year said in Chinese digits as the form prints dates. */
export function arabicYears(text: string): string {
  return text.replace(CHINESE_YEAR, (m, y: string, _nian: string, month: string | undefined) => {
    const digits = [...y.toLowerCase()].map((c) => YEAR_DIGIT[c] ?? c).join('');
    if (!/^(?:19|20)\d{2}$/u.test(digits)) return m;
    return `${digits}年${month ? `${MONTH_DIGITS[month]}月` : ''}`;
  });
}

/** Two Chinese digits and 年, with no numeral before it (零五年, 一二年, 九八年): a year as spoken, the clause after it. */
const SPOKEN_YEAR = /(?<![〇零o一二三四五六七八九十百千万两几\d])([〇零一二三四五六七八九]{2})年(?![内后前来多度底初中左以半级])([^，。；,;！!？?\n]*)/gu;

/**
 * 「零五年建的」 → 「2005年建的」, 「九八年成立」 → 「1998年成立」: a year said in two Chinese digits, read as a date only
 * where a word of the company's history (`words`) follows it in its clause. 〇x–2x are this century's, 5x–9x the last
 * one's; 3x and 4x are neither and stay as said.
 */
export function spokenYears(text: string, words: readonly string[]): string {
  if (!words.length) return text;
  return text.replace(SPOKEN_YEAR, (m, y: string, rest: string) => {
    if (!words.some((w) => rest.includes(w))) return m;
    const d = [...y].map((c) => YEAR_DIGIT[c] ?? c).join('');
    const century = /^[012]/u.test(d) ? '20' : /^[5-9]/u.test(d) ? '19' : undefined;
    return century ? `${century}${d}年${rest}` : m;
  });
}

/**
 * 「去年营收二点一亿，前年一点八亿，大前年一点五亿」: a yearly figure named once and its other years said after it, each with a
 * year and a figure but no name, are the same figure's: each such clause gets the name of the last clause before it that
 * names one (「前年营收一点八亿」), put after its year, so that no clause is read as another figure (the one asked).
 * `figures`: the names of yearly figures (营收, 总资产); a clause that names none and says no year is left as it came.
 */
export function figureNameCarried(text: string, figures: readonly string[], thisYear: number, words: Readonly<Record<string, number>>): string {
  const names = [...figures].sort((a, b) => b.length - a.length);
  const parts = text.split(/([，,；;。\s]+)/u);
  let name: string | undefined;
  let changed = false;
  for (let k = 0; k < parts.length; k += 2) {
    const clause = parts[k]!;
    const own = names.find((w) => clause.includes(w));
    if (own) {
      name = yearsSaid(clause, thisYear, words).length ? own : undefined;
      continue;
    }
    // 「21年和20年都是1000万」 gives several years one figure: read as such (sameEachYear), never split by a name put in.
    const said = yearsSaid(clause, thisYear, words);
    const year = said.length === 1 ? said[0] : undefined;
    if (!name || !year || year.at !== 0 || !/[\d零〇一二两三四五六七八九十百千万亿]/u.test(clause.slice(year.said.length))) continue;
    parts[k] = `${year.said}${name}${clause.slice(year.said.length)}`;
    changed = true;
  }
  return changed ? parts.join('') : text;
}
