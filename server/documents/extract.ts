import type { FormDrafting } from '../knowledge/schemas/forms';
import { checkCreditCode } from '../forms/creditCode';
import { isRealDate } from '../schemas/forms';
import { findQuantities, inUnit, parseChineseNumber, type Quantity } from '../understand/numbers';

/** A fact read from a document, for the user to accept or edit: never filled in on its own. */
export interface Suggestion {
  /** Form-facts name: "creditCode", "foundedOn", "finance.2022.revenue". */
  field: string;
  value: string | number;
  /** The text of the value as the document prints it (「860,000,000.00」), when the value is converted (元 → 万元). */
  raw: string;
  source: { file: string; page: number; snippet: string };
  /**
   * The document gives the figure as a round one (「520余人」, 「约2.9亿元」): `value` is its number, `raw` the words.
   * It is offered as round, never as the exact figure the form asks for.
   */
  approximate?: true;
  /**
   * The workshop a workshop's figure (ws.1.equipmentTotal) is about, as the document names it (「总装车间」); placed on the
   * form's workshop of that name by placeWorkshops().
   */
  workshop?: string;
  /** A figure read from one of a table's year columns: the year and the row it is from (「2023年」, 「合计」). */
  period?: { year: string; row: string };
  /**
   * The figure is converted from what the document prints, and the user is told how: from `unit` to the form's `to`
   * by `factor` (「6」 个月 → 180 天, at 30 days a month), or, with `complementOf`, from the rate the field is the rest of
   * (产品合格率 99.2% → 不良品率 0.8%).
   */
  conversion?: { unit: string; factor: number; to: string; complementOf?: string };
}

/**
 * A scanned licence's text layer often prints digits, Latin letters and colons full width
 * (「９１４１０７０２ＭＡ…」, 「２０１６年０３月」) and pads labels with ideographic spaces: read as their
 * ASCII forms, as the form's fields hold them.
 */
export function plain(s: string): string {
  // Most of a sheet's cells hold none of what is read otherwise (a full-width form, an ideographic space, 年).
  if (!PLAIN_WORK.test(s)) return s;
  return remembered(PLAIN_DONE, s, readPlain);
}
const PLAIN_WORK = /[\uFF01-\uFF5E\u3000年]/;

/**
 * The last few long texts read and what they were read as: a page is asked for whole, plain or squashed, by each of
 * the rules reading it, and a sheet of 20,000 rows is one page of a megabyte. Short texts are read again, as keeping
 * them would cost more than it saves.
 */
function remembered(done: [string, string][], s: string, read: (s: string) => string): string {
  if (s.length < LONG_TEXT) return read(s);
  const hit = done.find(([k]) => k === s);
  if (hit) return hit[1];
  const out = read(s);
  done.unshift([s, out]);
  done.length = Math.min(done.length, REMEMBERED);
  return out;
}
const LONG_TEXT = 4096;
const REMEMBERED = 4;
const PLAIN_DONE: [string, string][] = [];
const SQUASH_DONE: [string, string][] = [];

function readPlain(s: string): string {
  return (
    s
      .replace(/[\uFF01-\uFF5E]/g, (c) => (c === '（' || c === '）' || c === '，' || c === '；' || c === '：' ? c : String.fromCharCode(c.charCodeAt(0) - 0xfee0)))
      .replace(/\u3000/g, ' ')
      // The same text layer separates thousands with a full-width comma (「４５，２１８．３６」): a figure's separator, not prose.
      .replace(/(\d)，(?=\d{3}(?!\d))/g, '$1,')
      // A year in Chinese numerals heads a period or a row as its figures do (「二〇二二年度」, 「二〇二〇年」): read as one. A
      // whole date in them (「二〇一六年三月十八日」) is left for printedDate, which reads it whole.
      .replace(/((?:二[〇零]|一九)[〇零一二三四五六七八九]{2})(?=\s*年(?!\s*[一二三四五六七八九十]{1,2}\s*月))/g, (y) => [...y].map((c) => CN_DIGIT[c]).join(''))
      // A balance sheet dated at its year's end in Chinese numerals (「二〇二二年十二月三十一日」) is dated as one in figures is.
      .replace(/((?:二[〇零]|一九)[〇零一二三四五六七八九]{2})\s*年\s*十二\s*月\s*三十一\s*日/g, (_, y: string) => `${[...y].map((c) => CN_DIGIT[c]).join('')}年12月31日`)
  );
}

/** PDF text puts spaces between CJK and digits (「2011 年 4 月」); whitespace is not part of a fact. */
export function squash(s: string): string {
  return remembered(SQUASH_DONE, s, (t) => plain(t).replace(/\s+/g, ''));
}

/** Lines of a page with whitespace collapsed. */
function lines(page: string): string[] {
  return page
    .split('\n')
    .map((l) => l.replace(/\s+/g, ' ').trim())
    .filter(Boolean);
}

/**
 * The first `n` lines of a page as lines(plain(page)) gives them, reading only the page's start: a document's title,
 * letterhead and greeting are asked for many times, and a sheet of 20,000 rows is one page.
 */
function firstLines(page: string, n: number): string[] {
  let end = 0;
  for (let found = 0; end < page.length && found <= n; ) {
    const next = page.indexOf('\n', end);
    const stop = next < 0 ? page.length : next + 1;
    if (page.slice(end, stop).trim()) found++;
    end = stop;
  }
  return lines(plain(page.slice(0, end))).slice(0, n);
}

/** The last `n` lines of a page as lines(plain(page)) gives them, reading only the page's end (its sign-off). */
function lastLines(page: string, n: number): string[] {
  let start = page.length;
  for (let found = 0; start > 0 && found <= n; ) {
    const prev = page.lastIndexOf('\n', start - 1);
    if (page.slice(prev + 1, start).trim()) found++;
    start = prev < 0 ? 0 : prev;
  }
  return lines(plain(page.slice(start))).slice(-n);
}

const CODE = /(?<![0-9A-Z])[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}(?![0-9A-Z])/g;

/** A credit code broken over two lines that hold nothing else, when its check character accepts the join. */
function codeOverLines(line: string, next: string | undefined): { code: string; snippet: string } | null {
  const a = squash(line);
  const b = squash(next ?? '');
  if (!/^[0-9A-Z]{2,16}$/.test(a) || !/^[0-9A-Z]{2,16}$/.test(b) || a.length + b.length !== 18) return null;
  const code = a + b;
  return new RegExp(`^${CODE.source}$`).test(code) && checkCreditCode(code).ok ? { code, snippet: `${line}\n${next}` } : null;
}
// A loss is printed 「-1,234.00」, 「(1,234.00)」 or, in a Word table, 「（1,234.00）」: full-width brackets only
// around an amount with decimals, as 「（30）」 is a note reference.
const NUM = /^(?:-?\(?[\d,]+(?:\.\d+)?\)?|（[\d,]+\.\d+）)$/;

/** A label as a pattern that also matches it letter-spaced, as licences print it (「名　　称」). */
function spaced(label: string): string {
  return label.split('').join('\\s*');
}

/**
 * Whatever follows a value on its line and is not part of it: another field written with a colon
 * (「 邮编：452470」, 「 联系电话：…」, labels the knowledge does not list), or the rest of a sentence
 * after a clause mark (「…88号，占地二百亩」). A particular never holds either.
 */
const TRAILER = /(?:\s+[\p{Script=Han}A-Za-z][\p{Script=Han}A-Za-z\-]{0,9}\s*[：:]|[，。；;]).*$/u;

/**
 * The value after one of `labels` in a line: 「名称：…」, or 「名 称 …」 with no colon, as a business
 * licence prints it, also after another particular on the same line. The value ends where the
 * next known label starts (`stops`), so 「住所 … 营业期限 …」 gives the address alone, or at any other
 * field or clause after it (TRAILER).
 */
function labelled(line: string, labels: string[], stops: RegExp): string | null {
  for (const l of labels) {
    const m = labelPattern(l).exec(line);
    if (!m) continue;
    const value = m[1]!.replace(stops, '').replace(TRAILER, '').replace(GLOSS_AFTER, '').trim();
    if (value) return value;
  }
  return null;
}

/** Each label's pattern, made once: a long sheet asks every line for every label. */
const LABEL_PATTERNS = new Map<string, RegExp>();
function labelPattern(label: string): RegExp {
  let re = LABEL_PATTERNS.get(label);
  // A bilingual document glosses its label before the colon (「公司名称 Company Name：」): the gloss is part of the label.
  if (!re) LABEL_PATTERNS.set(label, (re = new RegExp(`(?:^|\\s)${spaced(label)}(?:\\s*${GLOSS}\\s*[：:]\\s*|\\s*[：:]\\s*|\\s+)(\\S.*)$`)));
  return re;
}

/** An English gloss of a label: Latin words, no digits (「Unified Social Credit Code」). */
const GLOSS = "[A-Za-z][A-Za-z .'&/-]*";
/**
 * The English of a value after it, bracketed or after a slash (「…166号（No. 166 West Jianshe Road）」,
 * 「8,000万元（RMB 80 million）」): a translation, never part of the value the form holds.
 */
const GLOSS_AFTER = /\s*(?:[（(][^（()）\p{Script=Han}]*[A-Za-z][^（()）\p{Script=Han}]*[)）]|\s\/\s*[A-Za-z][^\p{Script=Han}]*)$/u;

/** Everything from the first whitespace-led known label on: the end of a labelled value. */
function stopPattern(docs: FormDrafting['documents']): RegExp {
  const all = [...Object.entries(docs.labels).filter(([k]) => !k.startsWith('finance.')).flatMap(([, v]) => v), ...docs.otherLabels];
  // Longest first, so 注册地址 is cut whole rather than at 地址.
  const alts = [...new Set(all)].sort((a, b) => b.length - a.length).map(spaced);
  return new RegExp(`\\s(?:${alts.join('|')})(?:\\s*[：:]|\\s).*$`);
}

/** A line that is only a known label (「名称」, 「注 册 资 本」): a table cell whose value is the next cell. */
function labelLine(docs: FormDrafting['documents']): RegExp {
  const all = [...Object.entries(docs.labels).filter(([k]) => !k.startsWith('finance.')).flatMap(([, v]) => v), ...docs.otherLabels];
  return new RegExp(`^(?:${[...new Set(all)].sort((a, b) => b.length - a.length).map(spaced).join('|')})\\s*[：:]?$`);
}

/** A line that starts with a known label: a particular of its own, never the end of the line before. */
function labelStart(docs: FormDrafting['documents']): RegExp {
  const all = [...Object.entries(docs.labels).filter(([k]) => !k.startsWith('finance.')).flatMap(([, v]) => v), ...docs.otherLabels];
  return new RegExp(`^(?:${[...new Set(all)].sort((a, b) => b.length - a.length).map(spaced).join('|')})(?:\\s*[：:]|\\s)`);
}

/** How an address ends: its number, building, room or village. One that ends otherwise may have been cut by a line break. */
const ADDRESS_END = /[号室楼层幢栋座院村组内侧角处]$/;

/**
 * The company's name at the start of a labelled value, up to its ending (有限公司, 厂 …). A branch is named
 * after its company: 「…有限公司洛阳分公司」 is the branch's whole name. A name followed straight on by
 * more characters (「…有限公司新郑」, the rest of a branch's name on the next line) is not a name read whole.
 */
function companyName(value: string): string | null {
  const sq = squash(value);
  const n = /^(\S+?(?:有限责任公司|股份有限公司|有限公司|集团公司|公司|厂)(?:[\p{Script=Han}\d]{0,15}?(?:分公司|分厂))?)/u.exec(sq)?.[1];
  return n && !/^[\p{Script=Han}\d]/u.test(sq.slice(n.length)) ? n : null;
}

/**
 * A licence typed into a table reads one cell per line: 「名称」 then 「新乡市…有限公司」. Each label
 * standing alone is joined to the line after it, unless that line is a label too.
 */
function joinLabelLines(ls: string[], labelOnly: RegExp): string[] {
  const out: string[] = [];
  for (let i = 0; i < ls.length; i++) {
    const next = ls[i + 1];
    if (labelOnly.test(ls[i]!) && next !== undefined && !labelOnly.test(next)) {
      out.push(`${ls[i]} ${next}`);
      i++;
    } else out.push(ls[i]!);
  }
  return out;
}

const CN_DIGIT: Record<string, number> = { 〇: 0, 零: 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/**
 * The first whole date a text prints, as the form holds it (2015-07-21): in figures (「2015年07月21日」,
 * 「2015-7-21」), or in Chinese numerals as a licence may print 成立日期 (「二〇一五年七月二十一日」), the year
 * digit by digit. A date that is not a real day, or a year and month without the day, is no date.
 */
export function printedDate(text: string): { iso: string; raw: string } | null {
  const d = /(\d{4})\s*[年\-./]\s*(\d{1,2})\s*[月\-./]\s*(\d{1,2})(?!\d)/.exec(text);
  const c = d ? null : /([〇零一二三四五六七八九]{4})\s*年\s*([一二三四五六七八九十]{1,3})\s*月\s*([一二三四五六七八九十]{1,3})\s*日/.exec(text);
  const parts = d ? [d[1]!, d[2]!, d[3]!] : c ? [[...c[1]!].map((x) => CN_DIGIT[x]).join(''), String(parseChineseNumber(c[2]!) ?? ''), String(parseChineseNumber(c[3]!) ?? '')] : null;
  if (!parts || !parts[1] || !parts[2]) return null;
  const iso = `${parts[0]}-${parts[1].padStart(2, '0')}-${parts[2].padStart(2, '0')}`;
  return isRealDate(iso) ? { iso, raw: (d ?? c)![0] } : null;
}

/**
 * A founding date as a document prints it, to the precision it prints: a whole day (see printedDate), else a year and
 * month alone, which the form holds as such (2009-08) and shows as 「2009年8月」, never with a day made up. The month
 * may be printed 「2009年8月」, 「2009.8」, 「2009-08」, 「2009/8」, with a two-digit year (「09年8月」), or in Chinese
 * numerals (「二〇〇九年八月」). A year alone is no date the form can hold.
 */
export function printedMonthOrDate(text: string): { iso: string; raw: string } | null {
  const whole = printedDate(text);
  if (whole) return whole;
  // A month is not a day's leftovers: 「2009.8.」 or 「2009年8月1」 would be a date broken off, and are not read.
  const d = /(?<!\d)(\d{4}|\d{2})\s*(?:年\s*(\d{1,2})\s*月|[.\-/]\s*(\d{1,2})(?![\d.\-/]))(?!\s*\d)/.exec(text);
  const c = d ? null : /(?<![〇零一二三四五六七八九])([〇零一二三四五六七八九]{4})\s*年\s*([一二三四五六七八九十]{1,2})\s*月(?!\s*[一二三四五六七八九十])/.exec(text);
  // A two-digit year (「09年8月」) is 20xx up to 49 and 19xx from 50 on: an enterprise founded before 1950 prints four digits.
  const year = d ? (d[1]!.length === 2 ? `${Number(d[1]) < 50 ? '20' : '19'}${d[1]}` : d[1]!) : c ? [...c[1]!].map((x) => CN_DIGIT[x]).join('') : null;
  const month = d ? (d[2] ?? d[3])! : c ? String(parseChineseNumber(c[2]!) ?? '') : '';
  if (!year || !month || (d && d[1]!.length === 2 && !d[2])) return null;
  const iso = `${year}-${month.padStart(2, '0')}`;
  return isRealDate(iso) ? { iso, raw: (d ?? c)![0] } : null;
}

/**
 * A year printed alone where a date would stand (「2011年」, 「2011」, 「二〇一一年」), read only where nothing follows it
 * in its clause but a founding word or the clause's end: a fact at the year's precision, never a month made up.
 */
export function printedYear(text: string): { year: string; raw: string } | null {
  const d = /^(?:(\d{4})|([〇零一二三四五六七八九]{4}))(年?)/.exec(text);
  if (!d) return null;
  const year = d[1] ?? [...d[2]!].map((x) => CN_DIGIT[x]).join('');
  // 「2011」 with no 年 is a year only where it stands alone (a table's cell); 「20110」 or 「2011-」 is none.
  if (!d[3] && text.length > d[0].length) return null;
  return Number(year) >= 1900 && Number(year) <= 2100 ? { year, raw: d[0] } : null;
}

function toNumber(raw: string): number | null {
  const neg = /^[(（].*[)）]$/.test(raw) || raw.startsWith('-');
  const n = Number(raw.replace(/[(),\-（）]/g, ''));
  return Number.isFinite(n) ? (neg ? -n : n) : null;
}

/**
 * 注册资本 in 万元, as a licence or report prints it: 「人民币5000万元」, 「1.2亿元」, 「50,000,000元」, or
 * in the financial numerals of a licence, 「伍仟万圆整」.
 */
function capitalWan(text: string): { wan: number; raw: string } | null {
  const c = /([\d,]+(?:\.\d+)?)\s*(亿元|万元|元)/.exec(text);
  if (c) {
    const n = toNumber(c[1]!);
    return n === null ? null : { wan: Number((c[2] === '亿元' ? n * 10000 : c[2] === '元' ? n / 10000 : n).toPrecision(12)), raw: c[0] };
  }
  const w = /([零〇壹贰貳叁參肆伍陆陸柒捌玖拾佰仟萬億一二两三四五六七八九十百千万亿]+)\s*(圆|元)/.exec(text);
  const yuan = w ? parseChineseNumber(w[1]!) : undefined;
  return w && yuan ? { wan: Number((yuan / 10000).toPrecision(12)), raw: w[0] } : null;
}

/**
 * Offline rules for what has a fixed shape: the credit code (with its GB 32100 check character), the
 * name, 成立日期, 注册资本, the address, and the three-year lines of an audit report's statements.
 */
export interface ExtractOptions {
  /**
   * The years the forms' finance table asks for. A head count stated as at a date (「截至2023年底」) is now's only from
   * the latest of them on; without them, a head count in a sentence that dates it is not read.
   */
  years?: string[];
  /** The enterprise as recorded: a document where it is the other side (乙方, 供应商) is not its own account. */
  own?: { name?: string };
}

export function extractByRules(rawPages: string[], file: string, docs: FormDrafting['documents'], opts: ExtractOptions = {}): Suggestion[] {
  const parties = partiesOf(rawPages, docs, opts.own);
  if (parties.between.length || parties.issuedBy || parties.unsure || parties.letter) return [];
  // The other side's lines (a supplier's name, code and address) are passed over; the rest is the enterprise's document.
  const pages = withoutOtherParties(rawPages, docs, parties).map(plain);
  // A plan's years, and a year not ended when the document was dated, give no actual figures (see documentPlan).
  const plan = documentPlan(rawPages, docs);
  const out: Suggestion[] = [];
  const L = docs.labels;
  const stops = stopPattern(docs);
  const seen = new Set<string>();
  // Two workshops' counts in one document are two suggestions of the same field until placed on their workshops.
  const add = (s: Suggestion) => {
    const key = `${s.field}|${s.workshop ?? ''}`;
    if (seen.has(key)) return;
    seen.add(key);
    out.push(s);
  };
  const docWorkshop = documentWorkshop(pages, docs, stops);
  // Where a founding date is printed to its year only, the interview question that holds a year answers it.
  const yearField = docs.yearAnswers.foundedOn;
  const labelOnly = labelLine(docs);
  const startsLabelled = labelStart(docs);
  const paired = printsBothScopes(pages, docs);
  let carry: Header | undefined;
  pages.forEach((page, i) => {
    const pageNo = i + 1;
    const ls = joinLabelLines(lines(page), labelOnly);
    ls.forEach((line, k) => {
      for (const m of line.matchAll(CODE)) if (checkCreditCode(m[0]).ok) add({ field: 'creditCode', value: m[0], raw: m[0], source: { file, page: pageNo, snippet: line } });
      // A narrow table cell wraps the code itself over lines (「91411000MA40D」 「L7Q50」), its label wrapped above it:
      // two lines of code characters only, read as one where together they make a code its check character accepts.
      const split = codeOverLines(line, ls[k + 1]);
      if (split) add({ field: 'creditCode', value: split.code, raw: split.code, source: { file, page: pageNo, snippet: split.snippet } });
      // A scan's text layer breaks a long particular at the page width: 「住所 郑州市…嵩阳路」 then 「88号」.
      // The next line completes the value only when it starts no particular of its own.
      const next = ls[k + 1];
      const wrapped = next !== undefined && !labelOnly.test(next) && !startsLabelled.test(next) ? `${line} ${next}` : null;
      // A credit code broken at the line end (「…MA3X」 / 「7K2P0T」) is read across the break; its check character guards the join.
      if (wrapped && line.search(CODE) < 0 && labelled(line, L.creditCode!, stops))
        for (const m of squash(wrapped).matchAll(CODE)) if (checkCreditCode(m[0]).ok) add({ field: 'creditCode', value: m[0], raw: m[0], source: { file, page: pageNo, snippet: wrapped } });
      // An OCR'd text layer may space a code out in groups (「91411000 MA45R7 K32X」) or give its letters in lower
      // case: the labelled value read whole, its check character guarding the reading.
      const codeValue = labelled(line, L.creditCode!, stops);
      if (codeValue)
        for (const m of squash(codeValue).toUpperCase().matchAll(CODE)) if (checkCreditCode(m[0]).ok) add({ field: 'creditCode', value: m[0], raw: codeValue, source: { file, page: pageNo, snippet: line } });
      const nameIn = (l: string) => {
        const v = labelled(l, L.name!, stops);
        return v ? companyName(v) : null;
      };
      const n = nameIn(line) ?? (wrapped && labelled(line, L.name!, stops) ? nameIn(wrapped) : null);
      if (n) add({ field: 'name', value: n, raw: n, source: { file, page: pageNo, snippet: n === nameIn(line) ? line : wrapped! } });
      for (const a of docs.answers) {
        for (const l of a.labels) {
          const v = labelled(line, [l], stops);
          if (!v) continue;
          // A name says it only by its ending (「…有限公司洛阳分公司」); a 类型 anywhere in it (「有限责任公司分公司（…）」).
          const word = L.name!.includes(l) ? a.words.find((w) => (/^(\S+)/.exec(squash(v))?.[1] ?? '').endsWith(w)) : a.words.find((w) => squash(v).includes(w));
          // A branch's name the page width broke over two lines says it at the end of the name read whole.
          const byName = !word && L.name!.includes(l) && n ? a.words.find((w) => n.endsWith(w)) : undefined;
          if (word ?? byName) add({ field: a.question, value: a.value, raw: (word ?? byName)!, source: { file, page: pageNo, snippet: word ? line : n === nameIn(line) ? line : wrapped! } });
        }
      }
      const founded = labelled(line, L.foundedOn!, stops);
      const date = founded ? printedMonthOrDate(founded) : null;
      if (date) add({ field: 'foundedOn', value: date.iso, raw: date.raw, source: { file, page: pageNo, snippet: line } });
      // 「成立时间 2011年」: the year alone, offered as the interview's founding year; the form's date stays to be asked.
      const year = founded && !date ? printedYear(squash(founded)) : null;
      if (year && squash(founded!) === year.raw && yearField) add({ field: yearField, value: year.year, raw: year.raw, source: { file, page: pageNo, snippet: line } });
      const cap = labelled(line, L.registeredCapital!, stops);
      const capital = cap ? capitalWan(cap) : null;
      if (capital) add({ field: 'registeredCapital', value: capital.wan, raw: capital.raw, source: { file, page: pageNo, snippet: line } });
      const one = labelled(line, L.address!, stops);
      // An address that stops short of its number or building (「…嵩阳路」) takes the next line's end of it (「88号」); a
      // narrow cell may wrap it over three lines (「安阳市龙安区马」 「家乡工业集聚区 8」 「号」).
      let whole: string | null = null;
      let over = line;
      for (let n = 1; one && !ADDRESS_END.test(squash(one)) && !whole && n <= 2; n++) {
        const more = ls[k + n];
        if (more === undefined || labelOnly.test(more) || startsLabelled.test(more)) break;
        over = `${over} ${more}`;
        const joined = labelled(over, L.address!, stops);
        if (joined && squash(joined).startsWith(squash(one)) && squash(joined).length - squash(one).length <= 20 && ADDRESS_END.test(squash(joined))) whole = joined;
      }
      // A project's particulars table (「其中：软硬件投资 2,950万元」): an amount of the project's own the form asks for, under
      // its label; the label may stand alone in its cell with the amount on the next line, and a PDF may wrap the label
      // itself (「其中：软硬件投」 「资」).
      for (const item of docs.prose.project) {
        if (item.unit !== '万元') continue;
        const isLabel = (t: string) => item.labels.includes(rowLabel(squash(t).replace(/[：:]$/, '')));
        const tail = next !== undefined && /^\p{Script=Han}{1,3}$/u.test(next) && isLabel(line + next) ? next : undefined;
        const own = /^(\S+?)\s*[：:]?\s+(.+)$/.exec(line);
        const cells: [string, string, string][] = [];
        if (own && isLabel(own[1]!)) cells.push([line, own[1]!, own[2]!]);
        if (!own && isLabel(line) && next !== undefined) cells.push([`${line}\n${next}`, line, next]);
        if (tail && ls[k + 2] !== undefined) cells.push([`${line}\n${tail}\n${ls[k + 2]}`, line + tail, ls[k + 2]!]);
        for (const [snippet, , value] of cells) {
          const amount = capitalWan(value);
          if (amount && squash(value) === squash(amount.raw)) add({ field: item.field, value: amount.wan, raw: amount.raw, source: { file, page: pageNo, snippet } });
        }
      }
      const addr = whole ?? one;
      if (addr && /[省市县区镇路街号]/.test(addr)) add({ field: 'address', value: squash(addr), raw: addr, source: { file, page: pageNo, snippet: whole ? over : line } });
    });
    const statements = financeLines(page, pageNo, file, docs, paired, carry, opts.years?.length ? [...opts.years].sort().at(-1) : undefined, plan);
    for (const s of statements.found) add(s);
    carry = statements.last;
    for (const s of equipmentTables(page, pageNo, file, docs, docWorkshop, plan)) add(s);
    if (plan.from === undefined) for (const s of indicatorTables(page, pageNo, file, docs)) add(s);
    for (const s of unitCells(page, pageNo, file, docs)) add(s);
  });
  // Figures in prose come after every table's: where both give a field, the table's exact figure is offered.
  // A workshop's count is the workshop's the sentence starts with (「总装车间现有设备…」), else the document's.
  for (const s of proseFigures(pages, file, docs, paired, opts)) add(s.field.startsWith('ws.') ? { ...s, ...workshopOf(workshopName(s.source.snippet, docs) ?? docWorkshop) } : s);
  for (const s of proseAddress(pages, file, docs)) add(s);
  for (const s of proseFounding(pages, file, docs)) add(s);
  // A founding year is offered only where the document gives no fuller date: the date says the year too.
  if (out.some((s) => s.field === 'foundedOn')) out.splice(0, out.length, ...out.filter((s) => s.field !== yearField));
  // The company on the applicant's side of a contract or list (「甲方（需方）：…」) is the enterprise; a letterhead over
  // another company's side names none.
  const party = ownParty(pages, docs, parties);
  if (party) add({ ...party, source: { ...party.source, file } });
  const head = titleName(pages, file, docs);
  if (head && (!parties.own.length || parties.own.includes(sameName(String(head.value))))) add(head);
  // A public body's attestation (「兹证明…有限公司…」 under its seal) names the company it is of.
  const attested = parties.own.length ? undefined : attestedCompany(pages, file, docs);
  if (attested) add(attested);
  // A year's figure of a plan, or of a year not ended when the document was dated, is none of the year's actual ones; a
  // count a plan dates in its years (「到2024年员工达到800人」) is a target, not now's.
  return out.filter((s) => {
    const y = /^finance\.(\d{4})\./.exec(s.field)?.[1];
    if (y) return !plannedYear(plan, y);
    if (plan.from === undefined || typeof s.value !== 'number' || PARTICULARS.has(s.field)) return true;
    return ![...squash(s.source.snippet).matchAll(/(?<!\d)(20\d{2})年/g)].some((m) => m[1]! >= plan.from!);
  });
}

/** The particulars of a licence: the company's at any date, never a plan's. */
const PARTICULARS = new Set(['name', 'creditCode', 'foundedOn', 'registeredCapital', 'address']);

/** The enterprise's name where a line names it as the one company on the applicant's side (「甲方（需方）：…有限公司」). */
function ownParty(pages: string[], docs: FormDrafting['documents'], parties: Parties): Suggestion | undefined {
  const role = roleLine(docs);
  if (!role || parties.own.length !== 1) return undefined;
  for (const [i, page] of pages.entries())
    for (const line of lines(page)) {
      const m = role.exec(line);
      const n = m && sideOf(m[1]!, m[2], docs, parties.flipped) === 'own' ? companyName(m[3]!.split(' ')[0]!) : null;
      if (n && sameName(n) === parties.own[0]) return { field: 'name', value: n, raw: n, source: { file: '', page: i + 1, snippet: line } };
    }
  return undefined;
}

const workshopOf = (name: string | undefined) => (name ? { workshop: name } : {});

/**
 * A scan's text layer often starts with the company's name alone, unlabelled (「漯 河 康 源 食 品 股 份 有 限 公 司」): the
 * document's header, and so the enterprise it is about. Read only where the first line is a company's full name and
 * nothing else, and not an intermediary's letterhead (a 会计师事务所's): a labelled name, read first, is preferred.
 */
function titleName(pages: string[], file: string, docs: FormDrafting['documents']): Suggestion | undefined {
  const first = lines(pages[0] ?? '')[0];
  if (!first) return undefined;
  // 「…有限公司简介」, 「…有限公司2022年度经营情况」: the name, and after it only what says the document is its own account.
  const own = new RegExp(`^(.+?)(?:20\\d{2}年度?)?(?:${docs.titleNames.ownDocuments.join('|') || '(?!)'})$`, 'u').exec(squash(first))?.[1];
  const opening = own === '' || /^(?:企业|公司|本公司)$/u.test(own ?? '-') ? profileSubject(pages, docs) : undefined;
  const name = opening?.name ?? own ?? titledName(first, docs) ?? squash(first);
  if (!/^[\p{Script=Han}()（）]{2,40}?(?:有限责任公司|股份有限公司|有限公司|集团公司|集团)$/u.test(name)) return undefined;
  if (docs.titleNames.notApplicants.some((w) => name.includes(w))) return undefined;
  return { field: 'name', value: name, raw: name, source: { file, page: 1, snippet: opening?.line ?? first } };
}

/**
 * The company a profile under a title of no name (「企业简介」, 「公司概况」) opens its first sentence with, as the subject
 * of its founding, its place or what it is (「…有限公司成立于2009年」, 「…有限公司位于…」, 「…有限公司是…」).
 */
function profileSubject(pages: string[], docs: FormDrafting['documents']): { name: string; line: string } | undefined {
  const line = lines(pages[0] ?? '')[1];
  if (!line) return undefined;
  const m = /^([\p{Script=Han}()（）]{2,40}?(?:有限责任公司|股份有限公司|有限公司|集团公司))(.*)$/u.exec(squash(line));
  const verbs = [...(docs.proseLabels.foundedOn ?? []), ...(docs.proseLabels.address ?? []), '成立', '始建于', '是'];
  // 「…有限公司是我公司的主要客户」, 「…有限公司成立于2009年，是公司的长期合作伙伴」: another company the writer deals with.
  const clause = m?.[2]!.split(/[。；;]/u)[0] ?? '';
  return m && verbs.some((v) => m[2]!.startsWith(v)) && !/我|本公司|本企业|公司的/u.test(clause) ? { name: m[1]!, line } : undefined;
}

/**
 * The company a title runs its name into (「…机械有限公司2023年度审计报告摘要」, 「…有限公司智能车间建设项目验收报告」,
 * 「…有限公司关于设备联网情况的说明」): a full name, then at most a year, a few words of what the document covers and one
 * of the kinds of document a company is the subject of. Each place a name may end is tried, so that 「…集团有限公司」 is
 * read whole; the words between may name no other company.
 */
function titledName(line: string, docs: FormDrafting['documents']): string | undefined {
  const kinds = docs.titleNames.titledKinds;
  if (!kinds.length) return undefined;
  const t = squash(line);
  const tail = new RegExp(`^(?:[（(]?20\\d{2}(?:[—\\-~～至]20\\d{2})?年度?[)）]?)?(?:关于)?[\\p{Script=Han}\\dA-Za-z、（）()]{0,24}?(?:${[...kinds].sort((a, b) => b.length - a.length).map(escaped).join('|')})(?:[（(](?:摘要|摘录|节选|简本)[)）])?$`, 'u');
  for (const m of t.matchAll(/有限责任公司|股份有限公司|有限公司|集团公司/gu)) {
    const end = m.index! + m[0].length;
    const name = t.slice(0, end);
    const rest = t.slice(end);
    if (!rest || /公司|集团|[：:]/.test(rest) || !tail.test(rest)) continue;
    // 「关于…有限公司的审计报告」 is written about the company by another, not titled with its own name.
    if (/^[\p{Script=Han}()（）]{2,40}$/u.test(name) && !name.startsWith('关于')) return name;
  }
  return undefined;
}

/**
 * A workshop's name a text starts with: 「总装车间设备情况」, 「熔铸车间智能化改造项目验收报告」 → the name up to 车间. The
 * category (智能车间), a place or a year in it (「2023年度河南省智能车间」), or the company (「公司各车间」) names none.
 */
function workshopName(text: string, docs: FormDrafting['documents']): string | undefined {
  const m = /^([\p{Script=Han}\dA-Za-z]{1,12}?车间)/u.exec(squash(text));
  if (!m || docs.workshops.notNames.some((w) => m[1]!.includes(w))) return undefined;
  return m[1];
}

/**
 * The workshop a document is about: the value of its 车间名称 (in a line, or the cell after the label's), or else a
 * title among its first lines that starts with a workshop's name (「总装车间设备情况」).
 */
function documentWorkshop(pages: string[], docs: FormDrafting['documents'], stops: RegExp): string | undefined {
  const W = docs.workshops;
  for (const page of pages) {
    const ls = lines(page);
    for (const [k, line] of ls.entries()) {
      const alone = W.labels.includes(squash(line).replace(/[：:]$/, ''));
      const v = alone ? ls[k + 1] : labelled(line, W.labels, stops);
      const name = v ? squash(v) : '';
      if (name && name.length <= 30 && !W.notNames.some((w) => name === w)) return name;
    }
  }
  for (const line of lines(pages[0] ?? '').slice(0, TITLE_LINES)) {
    const name = workshopName(line, docs);
    if (name) return name;
  }
  return undefined;
}

/** A cell of an equipment table: a count. */
const COUNT_CELL = /^\d{1,6}$/;
/** A cell of a 建设前 / 建设后 table, which may also hold rates and amounts beside the counts. */
const STATE_CELL = /^-?[\d,]*\.?\d+[%％]?$/;

/** A state column's heading without the count and unit it may carry: 「建设后数量（台）」 → 「建设后」. */
const stateWord = (h: string) => squash(h).replace(/(?:设备)?(?:数量|台数|台套数)?(?:[（(](?:台|套|台套|台\/套|台（套）|台\(套\))[)）])?$/, '');

/** An equipment table's heading without 「其中：」 before it or its unit after it: 「其中：联网设备（台套）」 → 「联网设备」. */
const bareHead = (h: string) => rowLabel(squash(h)).replace(/[（(](?:台|套|台套|台\/套|台（套）|台\(套\))[)）]$/, '');

/** A table's row: its label, its cells, and the tokens it spans (`from` its label, up to `to`). */
type TableRow = { label: string; cells: string[]; from: number; to: number };

/** How many tokens a row's snippet may span from its table's heading; a row further down is quoted on its own. */
const SNIPPET_TOKENS = 80;

/**
 * The text a row's figure is quoted with: its table's heading down to the row, or, for a row far down a long table
 * (a list of hundreds of workshops or items), the row alone, so that each row's quote stays as short as a row and a
 * long sheet is read in time proportional to its length.
 */
const rowSnippet = (tokens: string[], head: number, row: { from: number; to: number }) => tokens.slice(row.to - head <= SNIPPET_TOKENS ? head : row.from, row.to).join(' ');

/**
 * Rows of a table under its headings, from token `from`: each a label (a narrow cell may wrap it over tokens) and
 * exactly `width` cells, and no cell more; the rows end where one does not fit.
 */
function tableRows(tokens: string[], from: number, width: number, cell: RegExp, maxLabel: number): TableRow[] {
  const rows: TableRow[] = [];
  for (let r = from; r < tokens.length; ) {
    let k = r;
    while (k < tokens.length && !cell.test(tokens[k]!) && k - r < maxLabel) k++;
    const cells = tokens.slice(k, k + width);
    if (k === r || cells.length < width || !cells.every((c) => cell.test(c)) || cell.test(tokens[k + width] ?? '')) break;
    rows.push({ label: tokens.slice(r, k).join(''), cells, from: r, to: k + width });
    r = k + width;
  }
  return rows;
}

/**
 * A workshop's equipment counts in a table. Either the columns are the counts (「设备类别 台（套）数 其中：数控设备 其中：联网设备」):
 * a column is read only where its heading names a count the form asks for (数控设备 is none), from the row of each
 * workshop (「总装车间 86 55 58」) or, in a table of one workshop's equipment by category, from its 合计 row; a 合计 over
 * several workshops is no workshop's. Or the columns are 建设前 and 建设后 and the rows the counts: the 建设后 column
 * is the workshop as it is. A PDF may wrap a heading or a row's label over lines; the headings are joined back to as
 * many as the rows have cells, or the table is not read.
 */
function equipmentTables(page: string, pageNo: number, file: string, docs: FormDrafting['documents'], docWorkshop: string | undefined, plan: DocumentPlan = {}): Suggestion[] {
  const W = docs.workshops;
  const items = docs.prose.project.filter((x) => x.unit === '台套');
  const total = items.find((x) => x.field.endsWith('.equipmentTotal'))?.field;
  const fieldOf = (head: string) => {
    const b = bareHead(head);
    if (W.countColumns.includes(b)) return total;
    return items.find((x) => x.labels.includes(b) || (b.startsWith('车间') && x.labels.includes(b.slice(2))))?.field;
  };
  // PDF text spaces a year from its 年 (「2021 年」): a year heading is one token.
  const text = page.replace(/(20\d{2})\s+(年(?:度|末|底)?)(?=\s|$)/g, '$1$2');
  const spans = [...text.matchAll(/\S+/g)];
  const tokens = spans.map((m) => m[0]);
  const out: Suggestion[] = [];
  const isState = (t: string) => W.before.includes(stateWord(t)) || W.after.includes(stateWord(t));
  for (let i = 0; i < tokens.length; i++) {
    // Columns of states: the rows are the counts, the 建设后 cell each one's.
    if (isState(tokens[i]!)) {
      let e = i;
      while (e + 1 < tokens.length && isState(tokens[e + 1]!)) e++;
      const heads = tokens.slice(i, e + 1).map(stateWord);
      const col = heads.findIndex((h) => W.after.includes(h));
      if (col < 0 || heads.length < 2) {
        i = e;
        continue;
      }
      // A heading over two rows: the counts under each state (「建设前」 over 「设备总数 联网设备」), or the states under
      // each count (「设备数量（台套）」 over 「建设前 建设后」), the rows then being workshops or items and a 合计.
      const merged = mergedStateTable(tokens, i, e, text, spans, docs, fieldOf);
      if (merged) {
        for (const { row, workshop } of stateRows(tokens, merged.start, merged.columns.length, docs, docWorkshop))
          merged.columns.forEach((c, n) => {
            const cell = row.cells[n]!;
            if (c.field && c.after && COUNT_CELL.test(cell))
              out.push({ field: c.field, value: Number(cell), raw: cell, source: { file, page: pageNo, snippet: rowSnippet(tokens, merged.first, row) }, ...workshopOf(workshop) });
          });
        i = Math.max(e, merged.start - 1);
        continue;
      }
      const rows = tableRows(tokens, e + 1, heads.length, STATE_CELL, 6);
      // A list of equipment under the states, each row numbered and noted (「1 和面机 4 6 新增2台」), counts them all in
      // its 合计, read where the caption is about equipment and gives no amounts (元).
      const caption = squash(text.slice(Math.max(0, spans[i]!.index! - CAPTION_CHARS), spans[i]!.index!));
      if (!rows.length && caption.includes('设备') && !caption.includes('元') && total)
        for (const { row, workshop } of stateRows(tokens, e + 1, heads.length, docs, docWorkshop).filter((r) => r.total))
          if (COUNT_CELL.test(row.cells[col]!))
            out.push({ field: total, value: Number(row.cells[col]!), raw: row.cells[col]!, source: { file, page: pageNo, snippet: rowSnippet(tokens, i, row) }, ...workshopOf(workshop) });
      for (const row of rows) {
        const field = fieldOf(row.label.replace(/^[（(]?\d+[)）.、]?/, ''));
        const cell = row.cells[col]!;
        if (field && COUNT_CELL.test(cell))
          out.push({ field, value: Number(cell), raw: cell, source: { file, page: pageNo, snippet: rowSnippet(tokens, i, row) }, ...workshopOf(docWorkshop) });
      }
      i = Math.max(e, rows.at(-1)?.to ?? 0);
      continue;
    }
    // Columns of years (「设备名称 2021年 2022年 2023年」): the workshop as it is is the latest year's column, one cell
    // of it, never the years added up.
    if (YEAR_HEAD.test(squash(tokens[i]!))) {
      const t = yearColumns(tokens, spans, i, text, pageNo, file, docs, fieldOf, docWorkshop, plan);
      out.push(...t.found);
      i = Math.max(i, t.to - 1);
      continue;
    }
    if (!fieldOf(tokens[i]!)) continue;
    // Columns of counts: the first row's cells say how many columns there are.
    let f = i + 1;
    while (f < tokens.length && f - i <= 12 && !COUNT_CELL.test(tokens[f]!)) f++;
    let width = 0;
    while (COUNT_CELL.test(tokens[f + width] ?? '')) width++;
    // A count heading over 建设前 and 建设后 in the row below is read with those states (see mergedStateTable).
    if (!width || tokens.slice(i + 1, f).some(isState)) continue;
    // The first row's label may be wrapped over a token or two before its cells, and a column the form does not ask
    // for may come before the first one it does (「数控设备 联网设备 设备总数」).
    let heads: string[] | undefined;
    let start = f;
    let first = i;
    for (let back = 0; back <= 2 && !heads && i - back >= 0; back++)
      for (let l = 1; l <= 3 && f - l > i; l++) {
        const h = joinHeads(tokens.slice(i - back, f - l), width);
        if (h.length === width) {
          [heads, start, first] = [h, f - l, i - back];
          break;
        }
      }
    const offset = spans[first]!.index!;
    if (!heads || !squash(text.slice(Math.max(0, offset - CAPTION_CHARS), spans[start]!.index!)).includes('设备')) continue;
    const rows = tableRows(tokens, start, width, COUNT_CELL, 4);
    const fields = heads.map(fieldOf);
    const byWorkshop = rows.map((r) => ({ row: r, name: workshopName(r.label, docs) })).filter((r) => r.name === squash(r.row.label));
    const totals = rows.filter((r) => W.totalRows.includes(r.label));
    const read = byWorkshop.length ? byWorkshop.map((r) => ({ row: r.row, workshop: r.name })) : totals.slice(-1).map((row) => ({ row, workshop: docWorkshop }));
    for (const { row, workshop } of read)
      fields.forEach((field, n) => {
        if (field) out.push({ field, value: Number(row.cells[n]!), raw: row.cells[n]!, source: { file, page: pageNo, snippet: rowSnippet(tokens, first, row) }, ...workshopOf(workshop) });
      });
    i = Math.max(i, (rows.at(-1)?.to ?? 0) - 1);
  }
  return out;
}

/** A cell of an indicator table: a figure, with the percent or per-mille sign, or a unit of its row (「6个月」), it may carry. */
const INDICATOR_CELL = /^(-?[\d,]*\.?\d+)\s*([^\d\s,.\-]*)$/;
/** Tokens without a row of indicators after which an indicator table has ended. */
const INDICATOR_GAP = 6;
/** The unit a row label carries in its brackets: 「年产值（万元）」 → 「万元」. */
const LABEL_UNIT = /^(.+?)[（(]([^（()）]+)[)）]$/;

/**
 * The benefit indicators of a construction (建设成效: 人数, 产值, 生产效率, 运营成本, 产品升级周期, 不良品率, 单位产值能耗)
 * in a table whose columns are before and after it: the states 建设前 / 建设后 (改造前, 实施后 …), or two years under a
 * caption about the change (「改造前后主要指标对比」), the earlier year being before; a third year makes it a table of
 * years, not of a construction. Each row is an indicator the knowledge lists, its unit in its label's brackets, in a
 * 单位 column or on its cells (「1.8%」, 「6个月」), converted to the form's unit, each conversion said beside the figure;
 * a row in a unit the knowledge does not list for it (人均产值 in 万元/人/年), a column marked as a forecast
 * (「建设后（预计）」) and cells after the two (a 提升比例) are not read. A products' 合格率 is read as the 不良品率 it leaves
 * (100% less it) only where the table gives no 不良品率 itself; a supplier's or a training's 合格率 is no indicator.
 */
function indicatorTables(page: string, pageNo: number, file: string, docs: FormDrafting['documents']): Suggestion[] {
  const I = docs.indicators;
  if (!I.rows.length) return [];
  const W = docs.workshops;
  const text = page.replace(/(20\d{2})\s+(年(?:度|末|底)?)(?=\s|$)/g, '$1$2');
  const tokens = [...text.matchAll(/\S+/g)].map((m) => m[0]);
  const spans = [...text.matchAll(/\S+/g)];
  const markers = docs.plans.markers.filter((w) => w.length > 1);
  // A state heading with the year it stands for (「建设前（2020年）」) is that state; one marked as a forecast is none.
  const state = (t: string): 'before' | 'after' | 'planned' | undefined => {
    const m = /^(.+?)(?:[（(]([^（()）]*)[)）])?$/.exec(squash(t))!;
    const s = W.before.includes(m[1]!) ? 'before' : W.after.includes(m[1]!) ? 'after' : undefined;
    return s && m[2] && markers.some((w) => m[2]!.includes(w)) ? 'planned' : s;
  };
  const units = new Set(I.rows.flatMap((r) => Object.keys(r.units)));
  // The form's unit of a row: the one it converts by 1.
  const formUnit = (row: (typeof I.rows)[number]) => Object.entries(row.units).find(([, f]) => f === 1)?.[0] ?? row.bare ?? '';
  const rowOf = (label: string) => {
    const l = squash(label).replace(/^[（(]?\d+[)）.、]|^其中[：:]/g, '');
    const u = LABEL_UNIT.exec(l);
    const name = rowLabel(u ? u[1]! : l);
    const row = I.rows.find((r) => r.labels.includes(name));
    if (row) return { row, unit: u?.[2] };
    const rest = I.rows.find((r) => r.complement?.labels.includes(name));
    return rest ? { row: rest, unit: u?.[2], complementOf: name } : undefined;
  };
  const out: Suggestion[] = [];
  for (let i = 0; i + 1 < tokens.length; i++) {
    let order: ('before' | 'after')[] | undefined;
    const [a, b] = [state(tokens[i]!), state(tokens[i + 1]!)];
    if (a === 'planned' || b === 'planned') break;
    if (a && b && a !== b) order = [a, b] as ('before' | 'after')[];
    const y1 = YEAR_HEAD.exec(squash(tokens[i]!))?.[1];
    const y2 = YEAR_HEAD.exec(squash(tokens[i + 1]!))?.[1];
    if (!order && y1 && y2 && y1 !== y2 && !YEAR_HEAD.test(squash(tokens[i - 1] ?? '')) && !YEAR_HEAD.test(squash(tokens[i + 2] ?? ''))) {
      const caption = squash(text.slice(Math.max(0, spans[i]!.index! - CAPTION_CHARS * 2), spans[i]!.index!));
      if (I.yearCaptions.some((w) => caption.includes(w)) && !markers.some((w) => caption.includes(w))) order = y1 < y2 ? ['before', 'after'] : ['after', 'before'];
    }
    if (!order) continue;
    let gap = 0;
    for (let r = i + 2; r < tokens.length && gap <= INDICATOR_GAP; ) {
      if (state(tokens[r]!) || /[。；]/.test(tokens[r]!)) break;
      // A narrow cell may wrap a long label over a token or two (「单位产值能耗（吨标」 「准煤/万元）」, 「车间人数」 「（人）」):
      // the longest run of tokens that names an indicator is its label.
      let found: ReturnType<typeof rowOf>;
      let k = r;
      for (let n = Math.min(3, tokens.length - r); n >= 1 && !found; n--) {
        found = rowOf(tokens.slice(r, r + n).join(''));
        k = r + n;
      }
      if (!found) {
        r++;
        gap++;
        continue;
      }
      const row = found.row;
      let unit = found.unit;
      if (!unit && units.has(tokens[k] ?? '')) unit = tokens[k++]!;
      const cells = tokens.slice(k, k + 2).map((c) => INDICATOR_CELL.exec(c));
      // A cell's own sign or unit must be one its row is printed in: 「96.5%」, 「6个月」, never 「6台」.
      const signs = cells.map((c) => (c?.[2] ? c[2] : undefined));
      if (cells.length < 2 || !cells.every((c) => c) || signs.some((s) => s !== undefined && row.units[s] === undefined)) {
        r = k;
        gap++;
        continue;
      }
      unit ??= signs[0] ?? row.bare;
      const factor = unit === undefined ? undefined : row.units[unit];
      if (factor !== undefined && signs.every((s) => s === undefined || row.units[s] === factor)) {
        const to = formUnit(row);
        cells.forEach((c, n) => {
          const v = Number(c![1]!.replace(/,/g, '')) * factor;
          // The rest of a rate is the share of the whole (100%) it leaves; a rate above the whole is no rate.
          const value = found!.complementOf ? 100 - v : v;
          if (found!.complementOf && (v < 0 || v > 100)) return;
          const conversion = found!.complementOf ? { conversion: { unit: unit!, factor, to, complementOf: found!.complementOf } } : factor !== 1 ? { conversion: { unit: unit!, factor, to } } : {};
          out.push({ field: `${row.field}.${order![n]}`, value: Number(value.toPrecision(12)), raw: c![0], source: { file, page: pageNo, snippet: tokens.slice(i, k + 2).join(' ') }, ...conversion });
        });
      }
      gap = 0;
      r = k + 2;
    }
  }
  // A rate the table gives itself is read before the rest of another rate.
  return [...out.filter((s) => !s.conversion?.complementOf), ...out.filter((s) => s.conversion?.complementOf && !out.some((o) => o.field === s.field && !o.conversion?.complementOf))];
}

/** A column of a table under a heading over two rows: the count it is (none the form asks for) and whether it is 建设后's. */
type StateColumn = { field: string | undefined; after: boolean };
/** How many tokens back from its states a count heading over them may stand: the top row's later cells (「是否联网」) come between. */
const TOP_ROW_CELLS = 6;

/**
 * A 建设前 / 建设后 table whose heading spans two rows, from its run of states at tokens `i`..`e`, as a DOCX's or a
 * PDF's text gives it row by row with the empty cells gone. Either each state spans the counts under it (「建设前」
 * 「建设后」 then 「设备总数 联网设备 设备总数 联网设备」), or each count spans the states under it (「设备总数」 「联网设备」
 * then 「建设前 建设后 建设前 建设后」; a single 「设备数量（台套）」 over 「建设前 建设后」 heads a list of equipment whose 合计
 * is the total). A count must name one the form asks for, and a single heading over the states is read only under a
 * caption about equipment that gives no amounts (元), so that an investment's or an output's table is not a count.
 */
function mergedStateTable(
  tokens: string[],
  i: number,
  e: number,
  text: string,
  spans: RegExpMatchArray[],
  docs: FormDrafting['documents'],
  fieldOf: (head: string) => string | undefined,
): { columns: StateColumn[]; start: number; first: number } | null {
  const W = docs.workshops;
  const states = tokens.slice(i, e + 1).map(squash);
  const isAfter = (s: string) => W.after.includes(s);
  // The states' own period: 「建设前 建设后 建设前 建设后」 repeats every two.
  const period = [...Array(states.length).keys()].slice(1).find((p) => states.length % p === 0 && states.every((s, n) => s === states[n % p])) ?? states.length;
  const groups = states.length / period;
  // The counts under the states, in the row below them.
  if (groups === 1) {
    let m = e + 1;
    while (m < tokens.length && m - e <= 4 * states.length && !STATE_CELL.test(tokens[m]!) && fieldOf(tokens[m]!)) m++;
    const sub = tokens.slice(e + 1, m);
    const k = sub.length / states.length;
    if (sub.length && Number.isInteger(k) && sub.every((h, n) => squash(h) === squash(sub[n % k]!)))
      return { columns: sub.map((h, n) => ({ field: fieldOf(h), after: isAfter(states[Math.floor(n / k)]!) })), start: m, first: i };
  }
  // The counts over the states, in the row above them: the nearest `groups` headings that name a count.
  const above: number[] = [];
  for (let b = i - 1; b >= 0 && i - b <= TOP_ROW_CELLS + groups && above.length < groups; b--) if (fieldOf(tokens[b]!)) above.unshift(b);
  if (above.length !== groups || (groups > 1 && above.some((b, n) => n && b !== above[n - 1]! + 1))) return null;
  if (groups === 1) {
    const offset = spans[above[0]!]!.index!;
    const caption = squash(text.slice(Math.max(0, offset - CAPTION_CHARS), spans[i]!.index!));
    if (!caption.includes('设备') || caption.includes('元')) return null;
  }
  return { columns: states.map((s, n) => ({ field: fieldOf(tokens[above[Math.floor(n / period)]!]!), after: isAfter(s) })), start: e + 1, first: above[0]! };
}

/**
 * The rows of a merged-heading table that are a workshop's or the 合计: the label, then `width` cells. Rows of single
 * items (「1 焊接机器人 6 18 是」, with a 序号 before and a note after) are passed over; a table of workshops is read by
 * workshop, else its last 合计 is the document's workshop's.
 */
function stateRows(tokens: string[], from: number, width: number, docs: FormDrafting['documents'], docWorkshop: string | undefined) {
  const W = docs.workshops;
  const rows: { row: { cells: string[]; from: number; to: number }; workshop: string | undefined; total: boolean }[] = [];
  for (let r = from; r < tokens.length; r++) {
    const t = squash(tokens[r]!);
    // The table ends where another heading of states starts.
    if (W.before.includes(t) || W.after.includes(t)) break;
    const name = workshopName(t, docs);
    const total = W.totalRows.includes(t);
    if (!total && name !== t) continue;
    const cells = tokens.slice(r + 1, r + 1 + width);
    if (cells.length === width && cells.every((c) => STATE_CELL.test(c))) rows.push({ row: { cells, from: r, to: r + 1 + width }, workshop: total ? docWorkshop : name, total });
  }
  const byWorkshop = rows.filter((r) => !r.total);
  return byWorkshop.length ? byWorkshop : rows.filter((r) => r.total).slice(-1);
}

/** A column heading that is a year alone: 「2023年」, 「2023年度」, 「2023年末」, 「2023」. */
const YEAR_HEAD = /^(20\d{2})(?:年(?:度|末|底)?)?$/;

/**
 * An equipment table whose columns are years, from the first year heading at token `i`. Its rows are either the counts
 * (「设备总数（台套） 40 52 61」, 「其中：联网设备 18 30 47」), each read from its latest year's cell; or the equipment by
 * category or by workshop, whose counts are the equipment total only where the caption says equipment and names no
 * other count: a workshop's row, or else the 合计 row, in the latest year's column. Each figure says which year and row
 * it is from (`period`). A heading run that is not all years (a 「2024年（计划）」 column) is not read: which is now
 * would be a guess.
 */
function yearColumns(
  tokens: string[],
  spans: RegExpMatchArray[],
  i: number,
  page: string,
  pageNo: number,
  file: string,
  docs: FormDrafting['documents'],
  fieldOf: (head: string) => string | undefined,
  docWorkshop: string | undefined,
  plan: DocumentPlan,
): { found: Suggestion[]; to: number } {
  const W = docs.workshops;
  let e = i;
  while (e + 1 < tokens.length && YEAR_HEAD.test(squash(tokens[e + 1]!))) e++;
  const years = tokens.slice(i, e + 1).map((t) => YEAR_HEAD.exec(squash(t))![1]!);
  // A plan's year among them makes which is now a guess, as a marked one does. A count is as at the day the document was
  // written, so a year not yet ended is no plan of equipment.
  if (years.length < 2 || new Set(years).size !== years.length || /^[（(]/.test(tokens[e + 1] ?? '') || years.some((y) => plan.from !== undefined && y >= plan.from)) return { found: [], to: e + 1 };
  const latest = years.indexOf([...years].sort().at(-1)!);
  const rows = tableRows(tokens, e + 1, years.length, COUNT_CELL, 6);
  if (!rows.length) return { found: [], to: e + 1 };
  const offset = spans[i]!.index!;
  const caption = squash(page.slice(Math.max(0, offset - CAPTION_CHARS), offset));
  const found: Suggestion[] = [];
  const add = (field: string, row: TableRow, workshop: string | undefined) => {
    const cell = row.cells[latest]!;
    const label = squash(row.label);
    found.push({ field, value: Number(cell), raw: cell, period: { year: years[latest]!, row: label }, source: { file, page: pageNo, snippet: rowSnippet(tokens, i, row) }, ...workshopOf(workshop) });
  };
  const counted = rows.map((row) => ({ row, field: fieldOf(row.label.replace(/^[（(]?\d+[)）.、]?/, '')) })).filter((r) => r.field);
  if (counted.length) {
    for (const { row, field } of counted) add(field!, row, docWorkshop);
    return { found, to: rows.at(-1)!.to };
  }
  // Rows by category or by workshop: the caption says which count they are, the total unless it names another.
  const items = docs.prose.project.filter((x) => x.unit === '台套');
  const total = items.find((x) => x.field.endsWith('.equipmentTotal'))?.field;
  const named = items.filter((x) => x.field !== total && x.labels.some((l) => caption.includes(l)));
  const field = named.length === 1 ? named[0]!.field : !named.length && caption.includes('设备') ? total : undefined;
  if (!field) return { found, to: rows.at(-1)!.to };
  const byWorkshop = rows.map((row) => ({ row, name: workshopName(row.label, docs) })).filter((r) => r.name === squash(r.row.label));
  if (byWorkshop.length) for (const { row, name } of byWorkshop) add(field, row, name);
  else for (const row of rows.filter((r) => W.totalRows.includes(r.label)).slice(-1)) add(field, row, docWorkshop);
  return { found, to: rows.at(-1)!.to };
}

/** The form's workshops as the session has recorded them: how many, and the name of each by its number. */
export interface FormWorkshops {
  count?: number;
  names: Record<number, string>;
}

/**
 * Puts each workshop's figure on the form's workshop it is about. A figure whose document names its workshop goes to
 * the form's workshop of that name; with no workshop named in the form yet and at most one workshop, to the first,
 * marked with the name the document gives so that the user confirms it. A figure of a workshop the form does not have,
 * or one that names no workshop where the form has several, is placed nowhere: `unplaced` says which, never guessed.
 */
export function placeWorkshops(found: Suggestion[], form: FormWorkshops): { placed: Suggestion[]; unplaced: { named: string[]; unnamed: boolean } } {
  const recorded = Object.entries(form.names).filter(([, n]) => squash(n));
  const single = (form.count ?? 1) <= 1 && recorded.length <= 1;
  // The same name only: 「二总装车间」 may be another workshop than 「总装车间」, so a name with more before it is none of them.
  const same = (a: string, b: string) => squash(a) === squash(b);
  const placed: Suggestion[] = [];
  const named = new Set<string>();
  let unnamed = false;
  const taken = new Set<string>();
  for (const s of found) {
    const m = /^ws\.1\.(\w+)$/.exec(s.field);
    if (!m) {
      placed.push(s);
      continue;
    }
    const { workshop, ...rest } = s;
    let field: string | undefined;
    let mark = false;
    if (workshop) {
      const hit = recorded.find(([, n]) => same(n, workshop));
      if (hit) field = `ws.${hit[0]}.${m[1]}`;
      else if (!recorded.length && single) [field, mark] = [s.field, true];
      else named.add(workshop);
    } else if (single) field = `ws.${recorded[0]?.[0] ?? 1}.${m[1]}`;
    else unnamed = true;
    if (!field || taken.has(field)) continue;
    taken.add(field);
    placed.push({ ...rest, field, ...(mark ? { workshop } : {}) });
  }
  return { placed, unplaced: { named: [...named], unnamed } };
}

/** A sentence whose subject is the company: its full name, or 公司 and its kin, starts it. */
const COMPANY_WORDS = '本公司|该公司|公司|企业|[\\p{Script=Han}()（）]+?(?:有限责任公司|股份有限公司|有限公司)';
// 「我公司」 opens a sentence of the enterprise's own letter; a letter by another company is not read at all (partiesOf).
const COMPANY_SUBJECT = new RegExp(`^(?:我公司|我司|本企业|我企业|我们(?:公司|企业)|${COMPANY_WORDS})`, 'u');

/**
 * The address a profile gives in prose: 「…有限公司成立于2014年，位于新乡市红旗区新星路99号，是…」. Read only where the
 * company is the sentence's subject, a clause or two before (not 「项目位于…」 or 「车间位于…」), and the place runs from a
 * city, district or county to its number or building, as an address does.
 */
function proseAddress(pages: string[], file: string, docs: FormDrafting['documents']): Suggestion[] {
  const out: Suggestion[] = [];
  pages.forEach((page, i) => {
    for (const piece of proseSentences(page)) {
      const sentence = squash(piece);
      if (!COMPANY_SUBJECT.test(sentence) || namesOtherSubject(sentence, docs)) continue;
      for (const label of docs.proseLabels.address ?? []) {
        const at = sentence.indexOf(label);
        // The company's clauses may run on (「…成立于2012年5月，注册资本8000万元，位于…」): a label that starts its own clause
        // a few clauses on is still the company's, where no clause between it names a project or a workshop.
        const before = sentence.slice(0, at);
        const clauses = before.match(/[，,；;]/g)?.length ?? 0;
        const own = clauses <= 1 || (clauses <= 3 && /[，,；;]$/.test(before) && !docs.prose.projectSubjects.some((w) => before.includes(w)));
        if (at < 0 || !own) continue;
        const value = sentence.slice(at + label.length).split(/[，,；;、（(]/)[0]!;
        if (value.length <= 40 && /[省市县区]/.test(value) && ADDRESS_END.test(value)) out.push({ field: 'address', value, raw: value, source: { file, page: i + 1, snippet: sentence } });
      }
    }
  });
  return out;
}

/** The writer speaking as the company: a subject that is never another company's. */
const OWN_SUBJECT = /(?:我公司|我司|我们公司|我们企业|本公司|本企业|我企业|我厂|本厂)/u;

/** Who a sentence about the company's founding starts with: the company, or the writer speaking as it. */
const FOUNDING_SUBJECT = new RegExp(`^(?:(?:我公司|我司|我们公司|我们企业|本企业|我企业)(?:(?:(?!的)[\\p{Script=Han}()（）])+?(?:有限责任公司|股份有限公司|有限公司))?|${COMPANY_WORDS})(?:[（(][^（()）]{1,20}[)）])?[，,]?`, 'u');

/** The date a clause starts with as the company's founding: after a founding label (成立于), or before a founding word (成立). */
function foundingDate(clause: string, labels: string[], words: string[]): { iso: string; raw: string; yearOnly?: true } | null {
  const label = labels.find((l) => clause.startsWith(l));
  // 「我们公司是2008年…成立的」 says the date as 「公司于2008年…成立」 does.
  const after = label ? clause.slice(label.length).replace(/^于/, '') : clause.replace(/^(?:是)?(?:于|在)?/, '');
  const full = printedMonthOrDate(after);
  const year = full ? null : printedYear(after);
  const date: { iso: string; raw: string; yearOnly?: true } | null = full ?? (year && year.raw.endsWith('年') ? { iso: year.year, raw: year.raw, yearOnly: true } : null);
  if (!date || !after.startsWith(date.raw)) return null;
  // The founding word ends its clause: 「公司2019年8月成立了研发中心」 founds something else. A year alone after a label
  // ends its clause too: 「成立于2011年的子公司」 is about another.
  const tail = after.slice(date.raw.length).replace(/^日/, '');
  const ends = (t: string) => /^(?:[，,；;：:。]|$|以来|至今)/.test(t);
  // The place it was founded in may stand between the date and the word (「2008年在焦作市注册成立」), and 「…成立的」 ends
  // the clause as 「…成立」 does.
  const word = label ? tail : tail.replace(new RegExp(`^在[\\p{Script=Han}]{1,12}?(?=(?:正式|依法)?(?:${words.map(escaped).join('|')}))`, 'u'), '').replace(/^(?:正式|依法)/, '');
  return (label && (!date.yearOnly || ends(tail))) || words.some((w) => word.startsWith(w) && ends(word.slice(w.length).replace(/^的(?=[，,；;。]|$)/, ''))) ? date : null;
}

/**
 * The founding date a profile gives in prose, to the precision it gives: 「公司成立于2009年8月」, 「本公司于2009年8月注册成立」,
 * 「…有限公司始建于二〇〇九年八月」. Read only where the company starts the sentence and the date stands right after the
 * founding label (成立于) or right before the founding word (成立), so that a subsidiary's, a workshop's or a project's
 * founding (「公司全资子公司…成立于2015年」, 「车间2019年8月建成」) is never the company's.
 */
function proseFounding(pages: string[], file: string, docs: FormDrafting['documents']): Suggestion[] {
  const out: Suggestion[] = [];
  // 「始建于1998年」 founds the company, unless the document says it took its present form later (「原名…，2006年改制」).
  const refounded = pages.some((page) => docs.prose.refounded.some((w) => squash(page).includes(w)));
  const labels = [...(docs.proseLabels.foundedOn ?? [])].filter((l) => !refounded || !docs.prose.history.includes(l)).sort((a, b) => b.length - a.length);
  const words = [...docs.prose.founded].sort((a, b) => b.length - a.length);
  pages.forEach((page, i) => {
    for (const piece of proseSentences(page)) {
      const whole = squash(piece);
      // A sentence that opens with another subject (「宇通客车…是我公司的主要客户，我公司成立于2009年」) is read again from
      // each clause where the writer speaks as the company: only 「我公司」-like words there, as a full name may be another's.
      const starts = [0, ...[...whole.matchAll(new RegExp(`(?<=[，,；;])${OWN_SUBJECT.source}`, 'gu'))].map((m) => m.index)];
      for (const at of starts) {
        const sentence = whole.slice(at);
        const date = foundingIn(sentence, at === 0, labels, words, docs);
        if (!date) continue;
        const field = date.yearOnly ? docs.yearAnswers.foundedOn : 'foundedOn';
        if (field) out.push({ field, value: date.iso, raw: date.raw, source: { file, page: i + 1, snippet: whole } });
        break;
      }
    }
  });
  return out;
}

/**
 * The founding date a sentence about the company gives, from its subject on. A full name that opens the sentence and whose
 * first clause speaks of the writer (「…有限公司是我公司的主要客户」) is another company, never the one founded.
 */
function foundingIn(sentence: string, opening: boolean, labels: string[], words: string[], docs: FormDrafting['documents']): ReturnType<typeof foundingDate> {
  const subject = FOUNDING_SUBJECT.exec(sentence);
  if (!subject || namesOtherSubject(sentence, docs)) return null;
  const rest = sentence.slice(subject[0].length);
  if (opening && !OWN_SUBJECT.test(subject[0]) && new RegExp(`${OWN_SUBJECT.source}|(?:^|[是为系])公司的`, 'u').test(rest.split(/[，,；;]/u)[0]!)) return null;
  // 「…有限公司是…的控股子公司，成立于2009年8月」: a clause after one that says what the company is goes on about it,
  // unless a clause between names a project or a workshop. A group named in it (「是…集团有限公司的全资子公司」) is no 「公司的」
  // of the writer's: only a bare 公司 is.
  const clauses = rest.split(/[，,；;]/);
  const described = /^(?:是|系)/.test(rest) ? clauses.slice(1, 4) : [];
  const stop = described.findIndex((c) => docs.prose.projectSubjects.some((w) => c.includes(w)));
  for (const clause of [rest, ...(stop < 0 ? described : described.slice(0, stop))]) {
    const date = foundingDate(clause, labels, words);
    if (date) return date;
  }
  return null;
}

/** A word with Latin letters and no Chinese: an English gloss in a bilingual document (「Revenue」, 「FY2022」, 「(RMB」). */
const LATIN_WORD = /(?<!\S)[^\s\p{Script=Han}]*[A-Za-z][^\s\p{Script=Han}]*(?!\S)/gu;

const FINANCE_KEYS = ['totalAssets', 'totalLiabilities', 'revenue', 'profit', 'tax'] as const;
/** A year a sentence states its figures for: 「2022年」, 「2022年度」, not a range's end (「2020-2022年」) nor a month's or part-year's year. */
const PROSE_YEAR = /(?<![\d\-~～至到—])(20\d{2})年度?(?![\d上下前后第末底初])/g;
/** What may follow a figure that is the item's own: not 「的」 (「营业收入的4.1%」) or a rate. */
const NOT_OWN_AFTER = /^(?:的|\/|增|减|以上|以下)/;

/**
 * Figures a profile states in sentences: 「2022年，公司实现营业收入3.27亿元，同比增长12%；实现利润总额2356.8万元」 gives
 * 2022's revenue and profit, 「现有员工520余人，其中研发人员86人」 the head counts. A figure is read only where the
 * sentence binds it: the item's label stands right before it (a connector such as 实现 or 达 between), the item is not
 * another one that ends in its label (净利润, 营业利润), the sentence names exactly one year before it, and nothing in its
 * clause makes it another year's, a total over years, a forecast or a change (上年, 累计, 预计, 增长). A head count is
 * stated for now, in a sentence that names no year. A round figure (「520余人」, 「约2.9亿元」) is offered as round.
 * In a report that prints the group's statements beside its own, or in a sentence about another body (集团), the
 * prose is the group's and gives nothing.
 */
function proseFigures(pages: string[], file: string, docs: FormDrafting['documents'], paired: boolean, opts: ExtractOptions): Suggestion[] {
  const P = docs.prose;
  const out: Suggestion[] = [];
  const byLength = (a: string, b: string) => b.length - a.length;
  const connectors = [...P.connectors].sort(byLength);
  const money = FINANCE_KEYS.map((k) => ({ field: k, labels: [...(docs.labels[`finance.${k}`] ?? []), ...(docs.proseLabels[`finance.${k}`] ?? [])].sort(byLength) }));
  const counts = Object.entries(P.counts).map(([field, labels]) => ({ field, labels: [...labels].sort(byLength) }));
  const unbound = (t: string) => P.unbound.some((w) => t.includes(w));
  const founding = docs.proseLabels.foundedOn ?? [];
  const capitalLabels = [...(docs.labels.registeredCapital ?? []), ...(docs.proseLabels.registeredCapital ?? [])].sort(byLength);
  const latest = opts.years?.length ? [...opts.years].sort().at(-1) : undefined;
  // The one year a document's title names (「…2022年度经营情况」), never a range's end or one of several.
  const titles = lines(pages[0] ?? '').slice(0, TITLE_LINES).filter((l) => !/[，,。；;：:]/.test(l));
  const titled = new Set(titles.flatMap((l) => [...squash(l).matchAll(PROSE_YEAR)].map((m) => (/^[至到\-~～—]/.test(squash(l).slice(m.index + m[0].length)) ? 'range' : m[1]!))));
  const titleYear = titled.size === 1 && !titled.has('range') ? [...titled][0] : undefined;
  pages.forEach((page, i) => {
    for (const piece of proseSentences(page)) {
      const sentence = squash(piece);
      if (!sentence || namesOtherSubject(sentence, docs)) continue;
      // Thousands separators dropped for reading (「3,268万元」), each character kept mapped to the sentence as printed.
      const at: number[] = [];
      let norm = '';
      for (let k = 0; k < sentence.length; k++) {
        if (sentence[k] === ',' && /\d/.test(sentence[k - 1] ?? '') && /^\d{3}(?!\d)/.test(sentence.slice(k + 1))) continue;
        at.push(k);
        norm += sentence[k];
      }
      // Read once, and only for a reading that may take one: the sentence's figures serve each reading below. Money is
      // in 元, a head count in 人 or 名 or under a 总数/人数 label: a sentence naming none (a sheet's cell) gives neither.
      let found: Quantity[] | undefined;
      const quantities = () => (found ??= findQuantities(norm));
      for (const q of MONEY_OR_COUNT.test(norm) ? quantities() : []) {
        const isMoney = q.unit === '元' || q.unit === '万元';
        const after = norm.slice(q.index + q.text.length);
        const { rest: told, hedged } = beforeFigure(norm.slice(0, q.index), connectors, P);
        // A head count may name its people after the figure (「现有1280名员工」): read as if the label stood before it.
        const trailing = q.unit === '人' || q.unit === '名' ? countAfter(after, counts) : undefined;
        // A total's label says the figure is a number of people without a unit (「职工总数1280」), where the figure ends its clause.
        const bare = q.unit === undefined && Number.isInteger(q.value) && /^(?:[，,；;。]|$)/.test(after) && counts.some((c) => c.labels.some((l) => /(?:总数|人数)$/.test(l) && told.endsWith(l)));
        const isCount = q.unit === '人' || q.unit === '名' || bare;
        if (!isMoney && !isCount) continue;
        if (NOT_OWN_AFTER.test(after)) continue;
        // With the label after the figure, what stands before the figure is the clause's lead (「现有」, 「公司共有」), not a
        // connector to take off; only a hedge (「约」) is.
        const rest = trailing ? withoutHedges(norm.slice(0, q.index), P) + trailing : told;
        const approx = q.approx || hedged;
        // 注册资本 in a sentence (「注册资本人民币五千万元」) is the company's at any date: no year is asked of it. Only where
        // its label starts the clause, so that no one else's capital (「子公司注册资本…」) is taken.
        const capitalLabel = isMoney ? capitalLabels.find((l) => rest.endsWith(l)) : undefined;
        if (capitalLabel) {
          const lead = rest.slice(0, -capitalLabel.length);
          const value = inUnit(q, '万元');
          const own = lead === '' || /[，,；;：:]$/.test(lead) || P.countLeads.includes(lead) || /^[\p{Script=Han}()（）]+?(?:有限责任公司|股份有限公司|有限公司)$/u.test(lead);
          if (value !== undefined && own && (COMPANY_SUBJECT.test(sentence) || lead === '')) {
            const raw = sentence.slice(at[q.index]!, at[q.index + q.text.length - 1]! + 1);
            out.push({ field: 'registeredCapital', value, raw, source: { file, page: i + 1, snippet: sentence }, ...(approx ? { approximate: true as const } : {}) });
          }
          continue;
        }
        const item = (isMoney ? money : counts).map((m) => ({ field: m.field, label: m.labels.find((l) => rest.endsWith(l)) })).find((m) => m.label !== undefined);
        if (!item) continue;
        const before = rest.slice(0, -item.label!.length);
        // The clause the label stands in, from the last comma or semicolon before it.
        const clause = before.slice(Math.max(...['，', ',', '；', ';', '：', ':'].map((c) => before.lastIndexOf(c))) + 1);
        if (unbound(clause) || P.modifiers.some((m) => before.endsWith(m))) continue;
        // What a balance sheet holds (资产总额, 负债总额) is stated at a year's end: 「截至2022年12月31日」, 「2022年末」.
        const years = [...before.matchAll(PROSE_YEAR), ...(STOCK_ITEMS.has(item.field) ? before.matchAll(YEAR_END) : [])];
        let field: string;
        let value: number | undefined;
        if (isMoney) {
          // 「全年实现利润总额…」 with no year of its own is the year of the document's title, where the title names one.
          const whole = !years.length && titleYear && !STOCK_ITEMS.has(item.field) && P.wholeYear.some((w) => sentence.startsWith(w));
          if (whole) {
            if (paired || unbound(before)) continue;
            field = `finance.${titleYear}.${item.field}`;
            value = inUnit(q, '万元');
          } else {
            if (paired || new Set(years.map((y) => y[1])).size !== 1 || unbound(before.slice(0, years[0]!.index))) continue;
            field = `finance.${years[0]![1]}.${item.field}`;
            value = inUnit(q, '万元');
          }
        } else {
          // 「车间员工」「退休职工」 are not the enterprise's staff: a count's label starts its clause or follows the company.
          if (!(clause === '' || P.countLeads.some((w) => clause.endsWith(w)))) continue;
          // The form asks for the head count now. A year the sentence names before it dates the count, 「截至2023年底」 as
          // much as 「2020年」, and one before the latest year the forms ask for makes it a past count; the year the
          // company was founded (「成立于2011年」) dates the company, not its staff.
          const dated = [...before.matchAll(/(?<!\d)(20\d{2})年/g)].filter((m) => !foundingYear(before, m.index!, m[0].length, founding, P));
          if (dated.length && (!latest || dated.some((m) => m[1]! < latest))) continue;
          field = item.field;
          value = Number.isInteger(q.value) ? q.value : undefined;
        }
        if (value === undefined) continue;
        const raw = sentence.slice(at[q.index]!, at[q.index + q.text.length - 1]! + 1);
        out.push({ field, value, raw, source: { file, page: i + 1, snippet: sentence }, ...(approx ? { approximate: true as const } : {}) });
      }
      out.push(...projectFigures(sentence, norm, quantities, at, P, connectors, unbound, file, i + 1));
      if (paired) continue;
      // 「2021年、2022年营业收入分别为15.1亿元和18.6亿元」: the years in the order named, the figures in the same order.
      for (const r of respective(norm, quantities, money, connectors, P, unbound)) {
        const q = r.quantity;
        const raw = sentence.slice(at[q.index]!, at[q.index + q.text.length - 1]! + 1);
        out.push({ field: `finance.${r.year}.${r.field}`, value: inUnit(q, '万元')!, raw, source: { file, page: i + 1, snippet: sentence }, ...(q.approx ? { approximate: true as const } : {}) });
      }
    }
  });
  return out;
}

/** What a sentence giving money or a head count holds: 元 (万元, 亿元), 人 or 名, or a 总数/人数 label. */
const MONEY_OR_COUNT = /[元人名]|总数|人数/;

/** A text with the hedges at its end taken off: 「现有约」 → 「现有」. */
function withoutHedges(text: string, P: FormDrafting['documents']['prose']): string {
  let t = text;
  for (let h = P.hedges.find((w) => t.endsWith(w)); h; h = P.hedges.find((w) => t.endsWith(w))) t = t.slice(0, -h.length);
  return t;
}

/**
 * The label of a head count printed after its figure (「1280名员工」, 「1,280人职工」), where nothing but the clause's end
 * follows it: 「1280名员工的培训」 is about something else.
 */
function countAfter(after: string, counts: { field: string; labels: string[] }[]): string | undefined {
  for (const c of counts) for (const l of c.labels) if (after.startsWith(l) && /^(?:[，,；;。]|$)/.test(after.slice(l.length))) return l;
  return undefined;
}

/**
 * Whether the year at `at` in `text` dates the company rather than a head count: after a founding label or a history
 * word (「成立于2003年」, 「始建于2005年」), or before a founding or history word (「2003年注册」, 「1998年3月建厂」).
 */
function foundingYear(text: string, at: number, length: number, founding: string[], P: FormDrafting['documents']['prose']): boolean {
  const before = text.slice(0, at);
  if ([...founding, ...P.history].some((w) => before.endsWith(w) || before.endsWith(`${w}于`))) return true;
  const after = text.slice(at + length).replace(/^\d{1,2}月(?:\d{1,2}日)?/, '').replace(/^(?:正式|依法)/, '');
  return [...P.founded, ...P.history].some((w) => after.startsWith(w));
}

/** Balance-sheet items, stated at a year's end rather than over a year. */
const STOCK_ITEMS = new Set<string>(['totalAssets', 'totalLiabilities']);
/** A year's end a sentence dates a balance by: 「(截至)2022年12月31日」, 「2022年末」, 「2022年底」; not a range's end (「2020至2022年末」). */
const YEAR_END = /(?<![\d\-~～到—])(?<!(?<!截)至)(20\d{2})年(?:12月31日|末|底)/g;

/**
 * The text before a figure with what may stand between an item's label and its figure taken off its end: connectors
 * (实现, 达, 为), adverbs (仍, 已) and a hedge a connector left apart from the number (「约为」, 「近达」), which makes the
 * figure round. 「营业收入仍超11亿元」 and 「营业收入约为11亿元」 both end at 营业收入.
 */
function beforeFigure(text: string, connectors: string[], P: FormDrafting['documents']['prose']): { rest: string; hedged: boolean } {
  const byLength = (a: string, b: string) => b.length - a.length;
  const adverbs = [...P.adverbs].sort(byLength);
  const hedges = [...P.hedges].sort(byLength);
  let rest = text;
  let hedged = false;
  for (;;) {
    const c = connectors.find((w) => rest.endsWith(w)) ?? adverbs.find((w) => rest.endsWith(w));
    const h = c ? undefined : hedges.find((w) => rest.endsWith(w));
    if (!c && !h) return { rest, hedged };
    hedged ||= h !== undefined;
    rest = rest.slice(0, -(c ?? h)!.length);
  }
}

/**
 * The applicant project's own figures a 验收报告 states in a sentence about the project or its workshop (「项目总投资
 * 5,280万元，其中智能化软硬件投资4,160万元」, 「车间现有生产设备168台（套），其中…联网设备118台（套）」): each item's label
 * starts its clause or follows one of its leads, so 「新购置机器人等设备74台」 and 「新增设备86台」 are not the workshop's
 * count, and nothing in the clause makes it a plan, a total over years or a change. A sentence about the company
 * alone gives none: its equipment is not the workshop's, its investments not the project's.
 */
function projectFigures(
  sentence: string,
  norm: string,
  quantities: () => Quantity[],
  at: number[],
  P: FormDrafting['documents']['prose'],
  connectors: string[],
  unbound: (t: string) => boolean,
  file: string,
  page: number,
): Suggestion[] {
  if (!P.project.length || !P.projectSubjects.some((w) => norm.includes(w))) return [];
  const byLength = (a: string, b: string) => b.length - a.length;
  const out: Suggestion[] = [];
  for (const q of quantities()) {
    const unit = q.unit === '元' || q.unit === '万元' ? '万元' : q.unit === '台' || q.unit === '套' || q.unit === '台套' ? '台套' : undefined;
    if (!unit || NOT_OWN_AFTER.test(norm.slice(q.index + q.text.length))) continue;
    const { rest, hedged } = beforeFigure(norm.slice(0, q.index), connectors, P);
    const item = P.project
      .filter((x) => x.unit === unit)
      .flatMap((x) => [...x.labels].sort(byLength).map((label) => ({ x, label })))
      .filter(({ label }) => rest.endsWith(label))
      .sort((a, b) => b.label.length - a.label.length)[0];
    if (!item) continue;
    const before = rest.slice(0, -item.label.length);
    const clause = before.slice(Math.max(...['，', ',', '；', ';', '：', ':'].map((c) => before.lastIndexOf(c))) + 1);
    if (unbound(clause) || !(clause === '' || item.x.leads.some((w) => clause.endsWith(w)))) continue;
    const value = unit === '万元' ? inUnit(q, '万元') : Number.isInteger(q.value) ? q.value : undefined;
    if (value === undefined) continue;
    const raw = sentence.slice(at[q.index]!, at[q.index + q.text.length - 1]! + 1);
    out.push({ field: item.x.field, value, raw, source: { file, page, snippet: sentence }, ...(q.approx || hedged ? { approximate: true as const } : {}) });
  }
  return out;
}

/** 「分别为」 and its kin: what comes after it are the figures of the things named before it, one each, in order. */
const RESPECTIVELY = /分别(?:约为|为|是|达到|达|实现|完成)?/g;
/** A list of years at the end of a text: 「2021年、2022年」, 「2021年和2022年」. */
const YEAR_LIST_END = /(?:20\d{2}年度?[、和及与,，]?)+$/;

/**
 * The figures of a sentence that gives one item for several years respectively: the years before the item's label
 * (「2021年、2022年公司营业收入分别为…」) or after it (「营业收入2021年、2022年分别为…」), and as many figures of money after
 * 「分别为」, one after the other with only 「和」「、」 between. Where the counts differ, the item is not one the form
 * asks for (净利润), or the clause makes the figures other than the years' own (累计, 增长), nothing is read.
 */
function respective(
  norm: string,
  quantities: () => Quantity[],
  money: { field: string; labels: string[] }[],
  connectors: string[],
  P: FormDrafting['documents']['prose'],
  unbound: (t: string) => boolean,
): { field: string; year: string; quantity: Quantity }[] {
  const out: { field: string; year: string; quantity: Quantity }[] = [];
  for (const m of norm.matchAll(RESPECTIVELY)) {
    const before = norm.slice(0, m.index);
    if (unbound(before)) continue;
    let rest = before;
    for (let c = connectors.find((w) => rest.endsWith(w)); c; c = connectors.find((w) => rest.endsWith(w))) rest = rest.slice(0, -c.length);
    // The years may stand between the label and 分别 (「营业收入2021年、2022年分别为」).
    const trailing = YEAR_LIST_END.exec(rest)?.[0] ?? '';
    const head = rest.slice(0, rest.length - trailing.length);
    const item = money.map((x) => ({ field: x.field, label: x.labels.find((l) => head.endsWith(l)) })).find((x) => x.label !== undefined);
    if (!item) continue;
    const beforeLabel = head.slice(0, -item.label!.length);
    if (P.modifiers.some((w) => beforeLabel.endsWith(w))) continue;
    const years = [...(trailing || beforeLabel).matchAll(PROSE_YEAR)].map((y) => y[1]!);
    if (years.length < 2 || new Set(years).size !== years.length) continue;
    // The figures, one straight after another from 分别为 on.
    const figures: Quantity[] = [];
    let from = m.index + m[0].length;
    for (const q of quantities()) {
      if (q.index < from) continue;
      if (!/^[、和及与,，]?$/.test(norm.slice(from, q.index)) || (figures.length && norm.slice(from, q.index) === '')) break;
      if (q.unit !== '元' && q.unit !== '万元') break;
      figures.push(q);
      from = q.index + q.text.length;
      if (figures.length === years.length) break;
    }
    if (figures.length !== years.length || NOT_OWN_AFTER.test(norm.slice(from))) continue;
    years.forEach((year, k) => out.push({ field: item.field, year, quantity: figures[k]! }));
  }
  return out;
}

/** A heading or a numbered item (「三、员工权益」, 「（二）」, 「第四节」): it starts a text of its own. */
const HEADING = /^(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]{1,2}[)）]|\d{1,2}[、．](?!\d)|第[一二三四五六七八九十\d]+[章节部分条])/;
/** A row of a table as text: two figures or more standing apart, and no mark of a sentence. */
const tableRow = (l: string) => !/[，。、；：！？]/.test(l) && (l.match(/(?:^|\s)[-(（]?[\d,]*\.?\d+%?[)）]?(?=\s|$)/g)?.length ?? 0) >= 2;

/** The fewest characters a line of a page laid out in full width holds: a page of headings and labels only has none. */
const WRAP_WIDTH = 25;

/**
 * A page's text as sentences. A PDF's text layer breaks a paragraph at the page width anywhere in a sentence, even
 * inside a figure or its unit (「…公司全年营」 「业收入超 11 亿元，利润」 「总额约 8,600 万元…」): a line of prose (one whose
 * sentence so far has a clause mark) that ends no sentence goes on into the next line, unless that one starts a
 * heading or is a table's row. A heading, a label or a table row ends its line.
 */
function proseSentences(page: string): string[] {
  const ls = page.split('\n').map((l) => l.trim()).filter(Boolean);
  // A line as wide as the page's widest is one the layout broke, whatever it holds.
  const width = Math.max(0, ...ls.filter((l) => !tableRow(l)).map((l) => squash(l).length));
  const full = (l: string) => width >= WRAP_WIDTH && squash(l).length >= width * 0.85;
  const paras: string[] = [];
  let prev = '';
  for (const line of ls) {
    const last = paras.at(-1);
    const open = last?.split(/[。！？!?]/).at(-1) ?? '';
    if (last !== undefined && open && (/[，、；]/.test(open) || full(prev)) && !tableRow(prev) && !HEADING.test(prev) && !HEADING.test(line) && !tableRow(line)) paras[paras.length - 1] = last + line;
    else paras.push(line);
    prev = line;
  }
  return paras.flatMap((p) => p.split(/[。！？!?]/));
}

/** A company's full name, whatever words it contains: 「河南沙澧食品集团有限公司」 is a name, not the word 集团. */
const FULL_NAME = /[\p{Script=Han}()（）]+?(?:有限责任公司|股份有限公司|有限公司)/gu;

/**
 * Whether a text makes another body the subject of what follows it: one of `otherSubjects` (集团,
 * 母公司) outside any company's full name, which is compared by the name checks instead.
 */
export function namesOtherSubject(text: string, docs: FormDrafting['documents']): boolean {
  const t = squash(text).replace(FULL_NAME, '');
  return docs.otherSubjects.some((w) => t.includes(w));
}

/** A company's name compared as printed: whitespace and bracket widths aside (「（河南）」 is 「(河南)」). */
const sameName = (s: string) => squash(s).replace(/（/g, '(').replace(/）/g, ')');

/**
 * The companies a document names, kept with the upload so that it can be checked again once the enterprise
 * is known: the valid credit codes it prints, the names under a name or subject label (a statement's
 * 编制单位), the names standing in its first lines (a brochure's title), and every full company name it prints.
 */
export interface NamedCompanies {
  codes: string[];
  labelled: string[];
  title: string[];
  printed: string[];
}

/** A company's name as printed anywhere in running text, to tell whether the document names the enterprise at all. */
const PRINTED_NAME = /[\p{Script=Han}()（）]+?(?:有限责任公司|股份有限公司|有限公司|集团公司|公司|厂)/gu;
/** How many printed names are kept of a long document: enough for any enterprise's name to be among them. */
const PRINTED_NAMES = 2000;

export function companiesIn(rawPages: string[], docs: FormDrafting['documents']): NamedCompanies {
  const labels = [...(docs.labels.name ?? []), ...docs.subjectLabels];
  const stops = stopPattern(docs);
  const labelOnly = labelLine(docs);
  const codes = new Set<string>();
  const parties = partiesOf(rawPages, docs);
  // A company on the applicant's side of the document is the company it is about, as one under a name label is; the
  // other side's code and address are not the document's (withoutOtherParties).
  const underLabel = new Set<string>(parties.unsure ? [] : parties.own);
  const printed = new Set<string>();
  for (const page of withoutOtherParties(rawPages, docs, parties).map(plain)) {
    const ls = joinLabelLines(lines(page), labelOnly);
    for (const [k, line] of ls.entries()) {
      for (const m of line.matchAll(CODE)) if (checkCreditCode(m[0]).ok) codes.add(m[0]);
      const split = codeOverLines(line, ls[k + 1]);
      if (split) codes.add(split.code);
      // A code spaced out or in lower case under its label is the same company's code.
      const code = labelled(line, docs.labels.creditCode ?? [], stops);
      if (code) for (const m of squash(code).toUpperCase().matchAll(CODE)) if (checkCreditCode(m[0]).ok) codes.add(m[0]);
      const v = labelled(line, labels, stops);
      // 「编制单位：…有限公司　2022年12月31日　单位：元」: the name is the value up to the first space.
      const n = v ? companyName(v.split(' ')[0]!) : null;
      if (n) underLabel.add(n);
    }
    if (!parties.unsure) for (const m of sameName(page).matchAll(PRINTED_NAME)) if (printed.size < PRINTED_NAMES) printed.add(m[0]);
  }
  // A contract not saying which side is the uploader's names both parties as printed: the enterprise may be either.
  if (parties.unsure) for (const page of rawPages.map(plain)) for (const m of sameName(page).matchAll(PRINTED_NAME)) if (printed.size < PRINTED_NAMES) printed.add(m[0]);
  const title = firstLines(rawPages[0] ?? '', TITLE_LINES)
    .flatMap((line) => [...line.split(' ').map(companyName), titledName(line, docs) ?? null])
    // A party's line (「甲方（供方）：…」) names a side of the document, not whose title it is.
    .filter((n): n is string => !!n && !/[：:]/.test(n));
  return { codes: [...codes], labelled: [...underLabel], title, printed: [...printed] };
}

/**
 * Whether a document is about another company than the enterprise: it names a company under a name
 * label or a subject label (a statement's 编制单位) that is not the enterprise's, or prints a valid credit
 * code that is not the enterprise's. A supplier's brochure uploaded by mistake gives the supplier's
 * particulars and figures, none of which is the enterprise's. A branch (the enterprise's name with
 * more after it) and its company are not told apart here. Returns what names the other company, or
 * null; with nothing known of the enterprise, nothing can be compared and null is returned.
 */
export function otherCompanyIn(found: NamedCompanies, own: { name?: string; creditCode?: string }): string | null {
  if (!own.name && !own.creditCode) return null;
  const mine = own.name ? sameName(own.name) : undefined;
  const code = own.creditCode?.trim().toUpperCase();
  const other = (n: string) => !!mine && !sameName(n).startsWith(mine) && !mine.startsWith(sameName(n));
  const named = found.labelled.find(other);
  if (named) return named;
  // A document that prints the enterprise's own code beside another (a contract's two parties) is not another
  // company's for that: whose side is whose is the parties' reading (partiesOf).
  if (code && !found.codes.includes(code)) for (const c of found.codes) if (c !== code) return c;
  // A brochure's title names its company with no label (「洛阳宏图机械制造有限公司 企业宣传册」): a company named
  // in the first lines, in a document that nowhere names the enterprise, is whose document it is.
  if (mine && !found.printed.some((p) => p.includes(mine))) return found.title.find(other) ?? null;
  return null;
}

export function anotherCompany(rawPages: string[], docs: FormDrafting['documents'], own: { name?: string; creditCode?: string }): string | null {
  return otherCompanyIn(companiesIn(rawPages, docs), own);
}

/** What a document says of the companies party to it: see partiesOf(). */
export interface Parties {
  /** The companies on the side an applicant takes (甲方, 需方, 用户, 委托方): the enterprise, where one is named. */
  own: string[];
  /** The companies on the other side (乙方, 供方, 供应商): their lines are passed over, never read as the enterprise's. */
  others: string[];
  /**
   * Not empty where the document is between companies and neither's account of itself, so that nothing in it is read:
   * a letter to a company (致) from another, two companies on the applicant's side, or the enterprise on the other side.
   */
  between: string[];
  /** A document a company issues to its customer (a quotation, an acceptance report) under its own letterhead: nothing in it is read. */
  issuedBy?: { company: string; kind: string };
  /**
   * The document is written under the letterhead of a company not on the applicant's side (a supplier's contract form,
   * a vendor's acceptance report naming the enterprise as 用户单位): its 「我公司…」 is the writer's, so only the
   * applicant's side's lines are read.
   */
  writtenByOther?: string;
  /**
   * The enterprise is the company on the side the roles give as the other's (the seller of its own sales contract, as
   * its recorded name or the document's 「（我方）」 says): the sides are read the other way round.
   */
  flipped?: true;
  /**
   * A contract naming a company on each side, read before the enterprise's name is recorded and not saying which side
   * is the uploader's: the enterprise may be either, so neither side's name, code or address is offered, and the user
   * is asked which of the two it is.
   */
  unsure?: string[];
  /**
   * A letter whose 「我公司…」 is a correspondent's: written to the enterprise (「致：…」, 「…有限公司：」, 「贵司」) and
   * signed by no company on its side. `to` is the addressee where the letter names one.
   */
  letter?: { to?: string };
  /**
   * Read before the enterprise's name is recorded, a letter headed and signed by one and the same company that writes
   * to no one by name and attests nothing of another (no 证明): its writer is taken as the enterprise, its 「我公司…」 as
   * the enterprise's own account, and its name is offered with the rest for the user to confirm.
   */
  ownWriter?: { company: string; others: string[] };
  /**
   * With `unsure`, the document is a letter or a certificate its writer signed that names the other companies in
   * `unsure`: the enterprise may be the writer or a company it writes about.
   */
  writer?: string;
  /**
   * A letter or an attestation (a 证明, a 说明) that names no writer: no letterhead, no sign-off, no name in its title,
   * under a label or on a party's line. Its 「我公司」 may be the enterprise or any company writing of it, which no
   * recorded name can settle, so nothing is read and the user is asked for a copy that shows who issued it. `kind` is
   * the kind its title names, empty where only its wording (「兹证明」) says it attests.
   */
  noWriter?: { kind: string };
}

const escaped = (w: string) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A line that starts with a party's role: the role, its bracket (「甲方（需方）」), and what follows the colon or the cell's gap. */
function roleLine(docs: FormDrafting['documents']): RegExp | null {
  const roles = docs.parties.roles;
  if (!roles.length) return null;
  // Longest first, so 供应商名称 is taken whole rather than as 供应商.
  const alts = [...roles].sort((a, b) => b.length - a.length).map(escaped);
  return new RegExp(`^(${alts.join('|')})(?:[（(]([^（()）]{1,8})[)）])?(?:\\s*[：:]\\s*|\\s+)(\\S.*)$`, 'u');
}

/**
 * The side a role names: a bracket that is a role itself says it over the word before it (「甲方（出租方）」 is the other
 * side). Where the enterprise is on the side the roles give as the other's (`flipped`), the sides are swapped.
 */
function sideOf(role: string, bracket: string | undefined, docs: FormDrafting['documents'], flipped = false): 'own' | 'other' | 'addressed' {
  const P = docs.parties;
  const word = bracket !== undefined && P.roles.includes(bracket) ? bracket : role;
  if (P.addressed.includes(word)) return 'addressed';
  return P.own.includes(word) !== flipped ? 'own' : 'other';
}

/**
 * A page with each cell that is only a role or a label (「买方」, 「统一社会信用代码」) joined to the cell after it, as a
 * two-column table prints a party's particulars one cell a line: 「买方 漯河…有限公司」 then reads as a role line does.
 */
function joinCells(page: string, docs: FormDrafting['documents']): string {
  const P = docs.parties;
  if (!P.roles.length) return page;
  const alone = new RegExp(`^(?:${[...P.roles].sort((a, b) => b.length - a.length).map(escaped).join('|')})(?:[（(][^（()）]{1,8}[)）])?\\s*[：:]?$`, 'u');
  const labelOnly = labelLine(docs);
  const ls = page.split('\n');
  const out: string[] = [];
  for (let i = 0; i < ls.length; i++) {
    const line = plain(ls[i]!).replace(/\s+/g, ' ').trim();
    let j = i + 1;
    while (j < ls.length && !ls[j]!.trim()) j++;
    const next = ls[j]?.trim();
    const role = alone.test(line) && next !== undefined && companyName(squash(next)) === squash(next);
    const label = !role && labelOnly.test(line) && next !== undefined && !labelOnly.test(plain(next).trim()) && !alone.test(plain(next).trim());
    if (line && (role || label)) {
      out.push(`${ls[i]!.trim()} ${next}`);
      i = j;
    } else out.push(ls[i]!);
  }
  return out.join('\n');
}

/** Where a second party starts in the middle of a line (「甲方：… 乙方：…」): a space before a role and its colon. */
const SECOND_PARTY = new WeakMap<FormDrafting['documents'], RegExp>();
function secondParty(docs: FormDrafting['documents']): RegExp {
  // Made once per knowledge: it splits every line of a document.
  let re = SECOND_PARTY.get(docs);
  if (!re) SECOND_PARTY.set(docs, (re = newSecondParty(docs)));
  return re;
}
function newSecondParty(docs: FormDrafting['documents']): RegExp {
  return new RegExp(`\\s(?=(?:${[...docs.parties.roles].sort((a, b) => b.length - a.length).map(escaped).join('|')})(?:[（(][^（()）]{1,8}[)）])?\\s*[：:])`, 'u');
}

/** How many of a document's last lines may hold its sign-off (落款): the company, its seal, the date. */
const SIGN_OFF_LINES = 6;

/**
 * The company a document is signed by (its 落款): one company's name standing alone in the last lines, with at most a
 * sign-off label (「落款单位：」), its seal (「（盖章）」) and a date beside it. A contract's sign-off names both parties
 * and so names no one writer; an intermediary (会计师事务所) signs its opinion, not the statements it audited.
 */
export function signedBy(rawPages: string[], docs: FormDrafting['documents']): string | undefined {
  const P = docs.parties;
  const role = roleLine(docs);
  const last = lastLines(rawPages.filter((p) => p.trim()).at(-1) ?? '', SIGN_OFF_LINES);
  const labels = [...P.signOff].sort((a, b) => b.length - a.length).map(escaped).join('|');
  const found = new Set<string>();
  const stops = stopPattern(docs);
  const particular = labelStart(docs);
  const sealWords = labels ? new RegExp(`^(?:${labels})[：:]?|[（(](?:${labels})[)）]`, 'gu') : undefined;
  const sealOnly = (l: string | undefined) => !!l && !!sealWords && squash(l).replace(sealWords, '').replace(/[：:]/g, '') === '';
  // A short bare word beside the company (a person's name, a column's head: 「张伟」, 「日期」), which no letter's
  // closing (此致, 特此证明), date or label of the signing unit (「申报单位」) is, makes the company one cell of a table's row.
  const cellWord = (l: string | undefined) => {
    const w = l === undefined ? '' : squash(l);
    return /^\p{Script=Han}{2,4}$/u.test(w) && !/单位$/u.test(w) && !P.closings.includes(w) && !printedMonthOrDate(w) && !sealOnly(w);
  };
  const dateOnly = (l: string | undefined) => !!l && !!printedMonthOrDate(squash(l)) && squash(l).length <= 12;
  for (const [i, line] of last.entries()) {
    // A particular's line (「名称 …有限公司」, 「类型 其他有限责任公司」, its label spaced off or not) at a short licence's end
    // is no sign-off.
    if (role?.test(line) || labelled(line, docs.labels.name ?? [], stops) || particular.test(line)) continue;
    let rest = squash(line);
    if (labels) rest = rest.replace(new RegExp(`^(?:${labels})[：:]?`, 'u'), '');
    if (labels) rest = rest.replace(new RegExp(`[（(](?:${labels})[)）]`, 'gu'), '');
    // A sign-off is marked as one by its seal or signature wording (「（盖章）」, 「签字：」), on its line or the next; a
    // company among a table's cells (「负责人 | 张伟 | 2023-05-06」 rows, a PDF's row of them on one line) without it is data.
    const sealed = rest !== squash(line) || sealOnly(last[i + 1]);
    const next = dateOnly(last[i + 1]) ? undefined : last[i + 1];
    const cell = !sealed && (cellWord(last[i - 1]) || cellWord(next) || line.split(' ').some(cellWord));
    const date = printedMonthOrDate(rest);
    if (date && rest.endsWith(date.raw.replace(/\s/g, '')) ) rest = rest.slice(0, -date.raw.replace(/\s/g, '').length);
    else if (date && rest.endsWith(`${date.raw.replace(/\s/g, '')}日`)) rest = rest.slice(0, -date.raw.replace(/\s/g, '').length - 1);
    // A particular's line (「名称：…有限公司」) at a licence's end is no sign-off.
    const n = /[：:]/.test(rest) ? null : companyName(rest);
    if (n && n === rest && !docs.titleNames.notApplicants.some((w) => n.includes(w))) {
      if (!cell) found.add(sameName(n));
    }
    // A name followed by what only a table's cells hold (「是」 in a 是否联网 column, a 「合计」 row) is one of the
    // table's cells (a 生产厂家's), not a sign-off.
    else if (P.cellMarks.includes(rest)) found.clear();
  }
  return found.size === 1 ? [...found][0] : undefined;
}

/**
 * The public body a document is sealed by (「南阳市宛城区应急管理局（盖章）」): a line of its last ones naming one of the
 * bodies an authority is (局, 委员会, 人民政府) with its seal or signature wording beside it. Such a body is no company
 * and files no application: what it attests of a company it names (「兹证明…有限公司…」) is that company's.
 */
export function sealedByBody(rawPages: string[], docs: FormDrafting['documents']): string | undefined {
  const P = docs.parties;
  if (!P.bodies.length || !P.signOff.length) return undefined;
  const words = alternatives(P.signOff);
  const body = new RegExp(`^((?:${words})[：:]?)?([\\p{Script=Han}()（）]{2,40}?(?:${alternatives(P.bodies)}))([（(](?:${words})[)）])?$`, 'u');
  const sealOnly = new RegExp(`^[（(]?(?:${words})[)）]?[：:]?$`, 'u');
  const last = lastLines(rawPages.filter((p) => p.trim()).at(-1) ?? '', SIGN_OFF_LINES).map(squash);
  for (const [i, line] of last.entries()) {
    const m = body.exec(line);
    if (m && (m[1] || m[3] || sealOnly.test(last[i + 1] ?? ''))) return m[2];
  }
  return undefined;
}

/** The company a public body's sealed attestation is of: the full name straight after its lead (「兹证明…有限公司」). */
function attestedCompany(pages: string[], file: string, docs: FormDrafting['documents']): Suggestion | undefined {
  const P = docs.parties;
  if (!P.attestationLeads.length || !sealedByBody(pages, docs)) return undefined;
  const re = new RegExp(`(?:${alternatives(P.attestationLeads)})(${COMPANY_RUN})(?![\\p{Script=Han}])`, 'u');
  for (const [i, page] of pages.entries())
    for (const line of lines(plain(page))) {
      const m = re.exec(squash(line));
      if (m && !P.bodies.some((b) => m[1]!.endsWith(b))) return { field: 'name', value: m[1]!, raw: m[1]!, source: { file, page: i + 1, snippet: line } };
    }
  return undefined;
}

/**
 * The company a letter is addressed to, as its 致 line or salutation names it: the name whole, or the name with the
 * department or person it is for after it (「…有限公司采购部」, 「…有限公司张总」), which is still that company.
 */
function addressee(value: string, docs: FormDrafting['documents']): string | null {
  const sq = squash(value);
  const whole = companyName(sq);
  if (whole) return whole;
  const m = /^(\S+?(?:有限责任公司|股份有限公司|有限公司|集团公司|公司|厂))(\p{Script=Han}{1,8})$/u.exec(sq);
  // 「…有限公司全体股东：」 opens an auditor's report on that company: the company's own bodies are no one it writes to.
  if (m && docs.parties.ownBodies.includes(m[2]!)) return null;
  return m && !/^(?:分公司|分厂)/u.test(m[2]!) ? m[1]! : null;
}

/** A letter's salutation: a company's name alone before a colon in its first lines (「洛阳…有限公司：」, 「尊敬的…有限公司采购部：」). */
function salutation(rawPages: string[], docs: FormDrafting['documents']): string | undefined {
  for (const line of firstLines(rawPages[0] ?? '', SIGN_OFF_LINES)) {
    const m = /^(?:尊敬的)?(.+?)[：:]$/u.exec(squash(line));
    const n = m ? addressee(m[1]!, docs) : null;
    if (n) return sameName(n);
  }
  return undefined;
}

/**
 * Whether a letter's first lines greet its reader as a customer (「尊敬的客户：」, 「致：尊敬的用户」, 「各位客户：您好」): a
 * supplier's circular to those it sells to, written by its letterhead's company, never by the reader.
 */
function greetsReader(rawPages: string[], docs: FormDrafting['documents']): boolean {
  const words = docs.parties.readerSalutations;
  if (!words.length) return false;
  const alts = [...words].sort((a, b) => b.length - a.length).map(escaped).join('|');
  const greeting = new RegExp(`^(?:致[：:]?)?(?:(?:尊敬|亲爱)的(?:${alts})(?:们)?(?:[：:，,！!]|$)|(?:${alts})(?:们)?[：:])`, 'u');
  return firstLines(rawPages[0] ?? '', SIGN_OFF_LINES).some((l) => greeting.test(squash(l)));
}

/** Whether the document is a contract between its parties (its title lines name 合同, 协议 …), either of whom may keep it. */
function isContract(rawPages: string[], docs: FormDrafting['documents']): boolean {
  const title = firstLines(rawPages[0] ?? '', TITLE_LINES).map(squash).join('');
  return docs.parties.contracts.some((k) => title.includes(k));
}

/**
 * The company a first line runs into a kind of document a company issues to its customer (「…有限公司报价单」,
 * 「…有限公司产品合格证」), where that kind is not one the company is the subject of (a 验收报告 is titled with the
 * enterprise's name).
 */
function issuerTitle(rawPages: string[], docs: FormDrafting['documents']): string | undefined {
  const kinds = docs.parties.issuedKinds.filter((k) => !docs.titleNames.titledKinds.includes(k));
  if (!kinds.length) return undefined;
  const first = squash(firstLines(rawPages[0] ?? '', 1)[0] ?? '');
  const m = new RegExp(`^([\\p{Script=Han}()（）]{2,40}?(?:有限责任公司|股份有限公司|有限公司|集团公司))[\\p{Script=Han}\\dA-Za-z]{0,12}?(?:${kinds.map(escaped).join('|')})$`, 'u').exec(first);
  return m && !/公司|集团/.test(first.slice(m[1]!.length)) ? sameName(m[1]!) : undefined;
}

/** The company a document's first line names alone: a letterhead, or a scan's unlabelled header. */
function letterhead(rawPages: string[]): string | undefined {
  const first = squash(firstLines(rawPages[0] ?? '', 1)[0] ?? '');
  const head = companyName(first);
  return head && head === first ? sameName(head) : undefined;
}

/**
 * The companies a document names as parties, and whose document it is. A line starting with a party's role (「致：…」,
 * 「甲方（需方）：…」, 「供应商名称 …」) names a company on one side; the first line may name one alone (a letterhead).
 * An applicant keeps documents where it is on its side (a purchase contract as 甲方, an equipment list under its
 * letterhead naming each 供应商): that company is the enterprise, and the other side's lines are passed over
 * (withoutOtherParties). Nothing is read from a letter to a company from another (a quotation 致 the enterprise), from a
 * document with two companies on the applicant's side (which is the enterprise is not said), from one where the
 * enterprise as recorded (`mine`) is the other side, nor from a document a company issues to its customer under its
 * own letterhead (a 报价单 or 验收报告 headed by the supplier: its 「我公司现有员工560人」 is the supplier's).
 */
export function partiesOf(rawPages: string[], docs: FormDrafting['documents'], mine: { name?: string } = {}): Parties {
  // The upload route, the companies' reading and the rules' each ask this of the same pages.
  let byPages = PARTIES_READ.get(docs);
  if (!byPages) PARTIES_READ.set(docs, (byPages = new WeakMap()));
  let read = byPages.get(rawPages);
  if (!read || read.pages.length !== rawPages.length || read.pages.some((p, i) => p !== rawPages[i])) byPages.set(rawPages, (read = { pages: [...rawPages], byName: new Map() }));
  let parties = read.byName.get(mine.name);
  if (!parties) read.byName.set(mine.name, (parties = readParties(rawPages, docs, mine)));
  return copyParties(parties);
}
const PARTIES_READ = new WeakMap<FormDrafting['documents'], WeakMap<string[], { pages: string[]; byName: Map<string | undefined, Parties> }>>();

/** A reading of its own for each caller, so that none can change another's. */
function copyParties(p: Parties): Parties {
  return {
    ...p,
    own: [...p.own],
    others: [...p.others],
    between: [...p.between],
    ...(p.issuedBy ? { issuedBy: { ...p.issuedBy } } : {}),
    ...(p.unsure ? { unsure: [...p.unsure] } : {}),
    ...(p.letter ? { letter: { ...p.letter } } : {}),
    ...(p.ownWriter ? { ownWriter: { ...p.ownWriter, others: [...p.ownWriter.others] } } : {}),
    ...(p.noWriter ? { noWriter: { ...p.noWriter } } : {}),
  };
}

function readParties(rawPages: string[], docs: FormDrafting['documents'], mine: { name?: string }): Parties {
  const role = roleLine(docs);
  let own = new Set<string>();
  let others = new Set<string>();
  const addressed = new Set<string>();
  // The side the document itself marks as the uploader's (「乙方（我方）：…」).
  let self: 'own' | 'other' | undefined;
  if (role)
    for (const page of rawPages.map((p) => plain(joinCells(p, docs))))
      // A line may print both parties (「委托方：… 受托方：…」): each is a party's line of its own.
      for (const line of lines(page).flatMap((l) => (/[：:]/.test(l) ? l.split(secondParty(docs)) : [l]))) {
        // A role stands before a colon or as a table's cell (「供应商名称 洛阳…有限公司 联系人 …」), never inside a word (「致力于」).
        const m = role.exec(line);
        // A letter's 致 line may name the department or person it is for after the company (「致：…有限公司采购部」).
        const side = m ? sideOf(m[1]!, m[2], docs) : undefined;
        const n = m ? (side === 'addressed' ? addressee(m[3]!.split(' ')[0]!, docs) : companyName(m[3]!.split(' ')[0]!)) : null;
        if (!n || !side) continue;
        (side === 'own' ? own : side === 'other' ? others : addressed).add(sameName(n));
        if (side !== 'addressed' && m![2] !== undefined && docs.parties.self.includes(m![2])) self = side;
      }
  // A title that runs a company's name into a kind of document it issues to its customer (「…有限公司报价单」) is headed by
  // its issuer as a letterhead is.
  const head = letterhead(rawPages) ?? issuerTitle(rawPages, docs);
  const greeted = salutation(rawPages, docs);
  if (greeted && !own.has(greeted) && !others.has(greeted)) addressed.add(greeted);
  const signer = signedBy(rawPages, docs);
  for (const n of own) others.delete(n);
  const recorded = mine.name ? sameName(mine.name) : undefined;
  const same = (n: string) => !!recorded && (n.startsWith(recorded) || recorded.startsWith(n));
  // Either party keeps a contract. Which side is the enterprise is read from its recorded name, or from the side the
  // document marks as its own; where it is the side the roles give as the other's (its sales contract), the sides swap.
  const contract = own.size >= 1 && others.size >= 1 && isContract(rawPages, docs);
  const flipped = contract && (self === 'other' || (self === undefined && [...others].some(same) && ![...own].some(same)));
  if (flipped) [own, others] = [others, own];
  const all = [...new Set([...addressed, ...own, ...others, ...(head ? [head] : []), ...(signer ? [signer] : [])])];
  // A letterhead, or a sign-off, of a company not on the applicant's side is the writer's (a vendor's report on its 用户单位).
  const squashed = rawPages.map(squash);
  const toReader = docs.parties.reader.some((w) => squashed.some((p) => p.includes(w))) || greetsReader(rawPages, docs);
  // A quotation, a report or a letter to its customer (「客户名称：…」, 「贵司」) whose one other side is named by its role
  // (「报价单位：…」) was written by that side, letterhead or none.
  const issuer = own.size && !contract && others.size === 1 && (issuedKind(rawPages, docs) !== undefined || toReader) ? [...others][0] : undefined;
  const writer = head && own.size && !own.has(head) ? head : signer && own.size && !contract && !own.has(signer) && !same(signer) ? signer : issuer;
  if (writer) others.add(writer);
  const result = (between: string[] = []): Parties => ({ own: [...own], others: [...others], between, ...(writer ? { writtenByOther: writer } : {}), ...(flipped ? { flipped: true as const } : {}) });
  // A letter to a company is its writer's: neither the writer's figures nor the addressee's name are read from it.
  if (addressed.size && all.length >= 2) return result(all);
  if (own.size >= 2) return result(all);
  if (contract && !self) {
    // Before the enterprise is known, a contract does not say which party uploaded it; once known, a contract it is
    // no party to is none of its own.
    if (!recorded) return { ...result(), unsure: [...own, ...others] };
    if (![...own].some(same)) return result(all);
  }
  if (recorded && [...others].some(same) && ![...own].some(same)) return result(all);
  // 「我公司」 in a letter is its writer's. A letter signed by another company than the enterprise, or written to the
  // enterprise (an addressee, 「贵司」) and signed by none on its side, is a correspondent's account, never the enterprise's.
  const signerOwn = !!signer && (own.has(signer) || same(signer));
  if (signer && !signerOwn && !own.size && (recorded ? !same(signer) : toReader || addressed.size > 0))
    return { ...result(), issuedBy: { company: signer, kind: issuedKind(rawPages, docs) ?? '' } };
  if (!signerOwn && !own.size && !head && (addressed.size > 0 || toReader)) return { ...result(), letter: addressed.size ? { to: [...addressed][0]! } : {} };
  // Who wrote a letter or an attestation is said by its letterhead, its sign-off or its title (「…有限公司关于…的说明」);
  // one that says it nowhere is no one's account that can be told, before or after the enterprise is recorded.
  // A public body's seal (「…应急管理局（盖章）」) says who wrote it as a company's does.
  if (!head && !signer && !all.length && (letterKind(rawPages, docs) || attests(rawPages, docs)) && !titleName(rawPages, '', docs) && !labelledNames(rawPages, docs).size && !sealedByBody(rawPages, docs))
    return { ...result(), noWriter: { kind: letterKindNamed(rawPages, docs) ?? '' } };
  // A letter to its reader (贵司, 「尊敬的客户：」) under a company's letterhead, signed by no one, is the letterhead's.
  if (head && !signer && !own.size && toReader && (!recorded || !same(head))) return { ...result(), issuedBy: { company: head, kind: issuedKind(rawPages, docs) ?? '' } };
  // A letter or a certificate signed, or headed, by one company that names another in its sentences (「兹证明…有限公司
  // 自2019年起向我公司采购」) is one company's account of its dealings with the other: its 「我公司」 is the writer. Where
  // the enterprise is recorded, the writer being another company makes it that company's; before, either may be the
  // enterprise, so nothing is read until it is named.
  const writes = signer ?? (head && !own.size && !others.size && letterKind(rawPages, docs) ? head : undefined);
  const mentioned = writes && !own.size && !others.size ? mentionedCompanies(rawPages, docs, writes) : [];
  // A writer that names itself by the other side's role (「我公司（乙方）」), or says it built or supplied a project for a
  // company it names (「我司为…有限公司承建的生产线」), is that company's supplier: its letter is the enterprise's own
  // account only where the enterprise is known to be the writer.
  const author = signer ?? head;
  const supplier = !!author && !own.size && !others.size && (writerSide(rawPages, docs) === 'other' || deliveredTo(rawPages, docs, author).length > 0);
  if (author && supplier && !same(author)) {
    if (!recorded && mentioned.length) return { ...result(), unsure: [author, ...mentioned], writer: author };
    return { ...result(), issuedBy: { company: author, kind: issuedKind(rawPages, docs) ?? '' } };
  }
  // An attestation (供货证明, 「特此证明」) is written of another company: one that names no other, by a company not known to
  // be the enterprise, may as well be a supplier's account of itself as the enterprise's, and is asked about.
  if (author && !own.size && !others.size && !same(author) && attests(rawPages, docs) && !mentionedCompanies(rawPages, docs, author).length) {
    if (!recorded) return { ...result(), unsure: [author], writer: author };
    return { ...result(), issuedBy: { company: author, kind: issuedKind(rawPages, docs) ?? '' } };
  }
  if (writes && mentioned.length) {
    // A company's own account of its dealings names it at its head and at its foot, the same company both times, or says
    // in its own words that it supplies the companies it names (「我公司为…有限公司提供配套件」); a correspondent's letter
    // about the enterprise is addressed to it (贵司) or attests (证明).
    const customers = customersOf(rawPages, docs, writes);
    const named = mentioned.map((m) => customers.find((c) => m.endsWith(c)) ?? m);
    const ownAccount = head === signer || named.every((m) => customers.includes(m));
    if (!recorded && ownAccount && !toReader && !addressed.size && !attests(rawPages, docs)) return { ...result(), ownWriter: { company: writes, others: [...new Set(named)] } };
    if (!recorded) return { ...result(), unsure: [writes, ...mentioned], writer: writes };
    if (!same(writes)) return { ...result(), issuedBy: { company: writes, kind: issuedKind(rawPages, docs) ?? '' } };
  }
  // A letterhead on the other side heads the other side's own document when no company stands on the applicant's.
  if (head && !own.size && others.has(head)) return { ...result(), issuedBy: { company: head, kind: issuedKind(rawPages, docs) ?? '' } };
  // A letterhead over a kind of document a company issues to its customer, with no company on the applicant's side and
  // the letterhead's company named under no label of its own (「项目承担单位：…」).
  const kind = head && !own.size ? issuedKind(rawPages, docs) : undefined;
  if (head && kind !== undefined && !labelledNames(rawPages, docs).has(head) && !labelledWrapped(rawPages, docs, head)) return { ...result(), issuedBy: { company: head, kind } };
  return result();
}

/** The side a letter's writer names itself by: a role in brackets after 「我公司」 (「我公司（乙方）」, 「我司（供方）」). */
function writerSide(rawPages: string[], docs: FormDrafting['documents']): 'own' | 'other' | undefined {
  const P = docs.parties;
  if (!P.writerSelf.length) return undefined;
  const self = new RegExp(`(?:${[...P.writerSelf].sort((a, b) => b.length - a.length).map(escaped).join('|')})[（(]([^（()）]{1,6})[)）]`, 'gu');
  for (const page of rawPages)
    for (const m of squash(page).matchAll(self)) {
      if (!P.roles.includes(m[1]!) || P.addressed.includes(m[1]!)) continue;
      return sideOf(m[1]!, undefined, docs) === 'own' ? 'own' : 'other';
    }
  return undefined;
}

const alternatives = (ws: string[]) => [...ws].sort((a, b) => b.length - a.length).map(escaped).join('|');

/**
 * The companies other than `writer` a letter says it built or supplied a project for: a company's full name after one
 * of the delivery leads (为, 向) with one of the delivery words in the rest of its clause (「我司为…有限公司承建的焊装线」,
 * 「为…有限公司提供的数控机床已交付」); supplying goods (「向…有限公司供应正极材料」, 「为…有限公司提供配套件」) is no project.
 */
export function deliveredTo(rawPages: string[], docs: FormDrafting['documents'], writer: string): string[] {
  const P = docs.parties;
  if (!P.deliveries.length || !P.deliveryLeads.length) return [];
  const re = new RegExp(`(?:${alternatives(P.deliveryLeads)})(${COMPANY_RUN})([^，,。；;！!]*)`, 'gu');
  return namedIn(rawPages, docs, writer, re, (m) => projectClause(m[2]!, P));
}

/**
 * Whether the rest of a clause after a company's name says a project was built or supplied for it: a delivery word
 * within a few characters, other than one that goes on to goods (「提供配套件」, 「提供零部件」).
 */
function projectClause(rest: string, P: FormDrafting['documents']['parties']): boolean {
  // A supply word before 的 describes what follows it (「提供配套的自动化生产线」 is a line, built for the company); the
  // goods are what the phrase after 的 names (「提供配套件」, 「提供配套的零部件」, 「提供配套的制动系统总成」).
  const supply = alternatives(P.supplies);
  const goods = P.supplies.length ? `(?!(?:${supply})(?!的))(?![^，,。；;！!的]{0,8}的[^，,。；;！!的]{0,8}?(?:${supply}))` : '';
  return new RegExp(`^[^，,。；;！!]{0,24}?(?:${alternatives(P.deliveries)})${goods}`, 'u').test(rest);
}

/**
 * The companies other than `writer` a letter's writer says it supplies (「我公司为…有限公司提供配套件」, 「我司自2019年起向
 * …有限公司供货」): the writer naming itself (我公司) as the subject of a clause that sells its goods to that company, its
 * customer, and builds it no project. The clause states the writer's own trade; whose the letter is follows from who
 * wrote it.
 */
function customersOf(rawPages: string[], docs: FormDrafting['documents'], writer: string): string[] {
  const P = docs.parties;
  if (!P.supplies.length || !P.deliveryLeads.length || !P.writerSelf.length) return [];
  const re = new RegExp(`(?:^|[，,。；;！!])(?:${alternatives(P.writerSelf)})[^，,。；;！!]{0,16}?(?:${alternatives(P.deliveryLeads)})(${COMPANY_RUN})([^，,。；;！!]*)`, 'gu');
  const goods = new RegExp(`^[^，,。；;！!]{0,24}?(?:${alternatives(P.supplies)})(?!的)`, 'u');
  return namedIn(rawPages, docs, writer, re, (m) => goods.test(m[2]!) && !projectClause(m[2]!, P));
}

/** A company's full name, lazily: read after a lead word it starts there, not at a longer run before it (「年起为」). */
const COMPANY_RUN = '[\\p{Script=Han}()（）]{2,40}?(?:有限责任公司|股份有限公司|有限公司|集团公司)';

/** The names `re` captures first in a document's lines, where `keep` takes the match: none `writer`'s own or an intermediary's. */
function namedIn(rawPages: string[], docs: FormDrafting['documents'], writer: string, re: RegExp, keep: (m: RegExpMatchArray) => boolean = () => true): string[] {
  const w = sameName(writer);
  const out = new Set<string>();
  for (const line of rawPages.flatMap((p) => lines(plain(p))))
    for (const m of sameName(line).matchAll(re)) {
      const n = m[1]!;
      if (keep(m) && !n.includes(w) && !w.includes(n) && !docs.titleNames.notApplicants.some((x) => n.includes(x))) out.add(n);
    }
  return [...out];
}

/** Whether the title lines or the text name an attestation (「合作证明」, 「兹证明」), which a company writes of another. */
function attests(rawPages: string[], docs: FormDrafting['documents']): boolean {
  const title = firstLines(rawPages[0] ?? '', TITLE_LINES).map(squash).join('');
  const text = rawPages.map((p) => squash(plain(p))).join('');
  return docs.parties.attestations.some((k) => title.includes(k)) || docs.parties.attestationLeads.some((k) => text.includes(k));
}

/** Whether the title lines name a letter or a certificate (「供货证明」, 「关于…的说明」, 「…函」). */
function letterKind(rawPages: string[], docs: FormDrafting['documents']): boolean {
  return letterKindNamed(rawPages, docs) !== undefined;
}

/** The kind of letter or certificate the title lines name, the longest that fits (「确认书」 over 「函」). */
function letterKindNamed(rawPages: string[], docs: FormDrafting['documents']): string | undefined {
  const title = firstLines(rawPages[0] ?? '', TITLE_LINES).map(squash).join('');
  return [...docs.parties.letterKinds].sort((a, b) => b.length - a.length).find((k) => title.includes(k));
}

/**
 * The companies other than `writer` a document names by their full names in its sentences, with the words a letter
 * puts before a name (「兹证明」, 「我公司为」) taken off; an intermediary (a bank, an accounting firm) is none.
 */
function mentionedCompanies(rawPages: string[], docs: FormDrafting['documents'], writer: string): string[] {
  const leads = [...docs.parties.mentionLeads].sort((a, b) => b.length - a.length);
  const w = sameName(writer);
  const out = new Set<string>();
  const particular = labelStart(docs);
  // A name in a particular's line (「单位名称：…」, 「开户银行：…」) is the writer's own detail; only sentences name whom it writes of.
  for (const line of rawPages.flatMap((p) => lines(plain(p))).filter((l) => !particular.test(l) && !PARTICULAR.test(l)))
    for (const m of sameName(line).matchAll(FULL_NAME)) {
      let n = m[0];
      for (let l = leads.find((x) => n.startsWith(x)); l; l = leads.find((x) => n.startsWith(x))) n = n.slice(l.length);
      if (n.length < 6 || n.includes(w) || w.includes(n) || docs.titleNames.notApplicants.some((x) => n.includes(x))) continue;
      out.add(n);
    }
  return [...out];
}

/** The kind of document its title lines name among those a company issues to its customer (「报 价 单」), if any. */
function issuedKind(rawPages: string[], docs: FormDrafting['documents']): string | undefined {
  const title = firstLines(rawPages[0] ?? '', TITLE_LINES).map(squash).join('');
  return docs.parties.issuedKinds.find((k) => title.includes(k));
}

/**
 * Whether a table cell wrapped over lines, as a PDF's text layer prints it (「项目承担单位 漯河卓越食品机\n械有限公司」),
 * names the company under a name or subject label: read with the spaces and line breaks taken out.
 */
function labelledWrapped(rawPages: string[], docs: FormDrafting['documents'], company: string): boolean {
  const flat = rawPages.map((p) => plain(p).replace(/\s+/g, '')).join('');
  return [...(docs.labels.name ?? []), ...docs.subjectLabels].some((label) => [label, `${label}：`, `${label}:`].some((l) => flat.includes(`${l}${company}`)));
}

/** The companies named under a name or subject label (「名称：…」, 「项目承担单位：…」, 「编制单位：…」). */
function labelledNames(rawPages: string[], docs: FormDrafting['documents']): Set<string> {
  const labels = [...(docs.labels.name ?? []), ...docs.subjectLabels];
  const stops = stopPattern(docs);
  const labelOnly = labelLine(docs);
  const out = new Set<string>();
  for (const page of rawPages.map(plain))
    for (const line of joinLabelLines(lines(page), labelOnly)) {
      const v = labelled(line, labels, stops);
      const n = v ? companyName(v.split(' ')[0]!) : null;
      if (n) out.add(sameName(n));
    }
  return out;
}

/** Each page's lines naming a company on the applicant's side, and the particulars listed under each (「地址：…」). */
function ownBlocks(rawPages: string[], docs: FormDrafting['documents'], role: RegExp, flipped = false): string[] {
  return rawPages.map((page) => {
    let inBlock = false;
    const kept: string[] = [];
    for (const raw of page.split('\n')) {
      const line = plain(raw).replace(/\s+/g, ' ').trim();
      if (!line) continue;
      const m = role.exec(line);
      if (m) inBlock = sideOf(m[1]!, m[2], docs, flipped) === 'own';
      else if (!PARTICULAR.test(line)) inBlock = false;
      if (inBlock) kept.push(raw);
    }
    return kept.join('\n');
  });
}

/**
 * The companies a document between companies names, where nothing in it is to be read (partiesOf().between); none for
 * a document of the enterprise's own, even one that names its suppliers.
 */
export function partiesIn(rawPages: string[], docs: FormDrafting['documents']): string[] {
  return partiesOf(rawPages, docs).between;
}

/** A particular's line: a short label and a colon (「地址：…」, 「开户银行：…」), as a party's block lists them. */
const PARTICULAR = /^[\p{Script=Han}A-Za-z（）()]{1,12}\s*[：:]/u;

/**
 * The pages without the other side's lines: each line naming a company on the other side (「乙方（供方）：…」,
 * 「供应商：…」), the particulars listed under it (「地址：…」, 「统一社会信用代码：…」) up to the next party or the body,
 * any line that starts with the other side's role and a label (「乙方统一社会信用代码：…」), and a letterhead that is
 * the other side's. A line holding both sides (「甲方：… 乙方：…」) keeps the applicant's part. What is left is the
 * enterprise's side and the document's own text.
 */
export function withoutOtherParties(rawPages: string[], docs: FormDrafting['documents'], parties: Parties): string[] {
  const role = roleLine(docs);
  if (!role || !parties.others.length) return rawPages;
  // A contract not saying which side is the uploader's keeps neither side's lines; a flipped one passes over the roles
  // the enterprise usually takes.
  const passed = (side: 'own' | 'other' | 'addressed') => side === 'other' || (!!parties.unsure && side === 'own');
  const otherRoles = docs.parties.roles.filter((r) => !docs.parties.addressed.includes(r) && (parties.unsure || docs.parties.own.includes(r) === !!parties.flipped));
  const startsOther = new RegExp(`^(?:${[...otherRoles].sort((a, b) => b.length - a.length).map(escaped).join('|')})(?:[（(][^（()）]{1,8}[)）])?\\s*[\\p{Script=Han}]{1,12}\\s*[：:]`, 'u');
  // A second party in the middle of a line: the line ends before it.
  const midRole = secondParty(docs);
  const head = letterhead(rawPages);
  // Under another company's letterhead only the applicant's side's lines are the enterprise's.
  if (parties.writtenByOther) return ownBlocks(rawPages.map((p) => joinCells(p, docs)), docs, role, parties.flipped);
  return rawPages.map((p) => joinCells(p, docs)).map((page, p) => {
    let inBlock = false;
    let first = p === 0;
    return page
      .split('\n')
      .map((raw) => {
        const line = plain(raw).replace(/\s+/g, ' ').trim();
        if (!line) return raw;
        if (first) {
          first = false;
          if (head && parties.others.includes(head) && !parties.own.includes(head)) return '';
        }
        const m = role.exec(line);
        if (m) {
          inBlock = passed(sideOf(m[1]!, m[2], docs, parties.flipped));
          const cut = midRole.exec(line);
          // A line holding both sides keeps the applicant's: the first part, or the second where the first is passed over.
          if (!cut) return inBlock ? '' : raw;
          const second = line.slice(cut.index).trim();
          const m2 = role.exec(second);
          const secondKept = !!m2 && !passed(sideOf(m2[1]!, m2[2], docs, parties.flipped));
          return inBlock ? (secondKept ? second : '') : line.slice(0, cut.index);
        }
        if (startsOther.test(line)) return '';
        if (inBlock && PARTICULAR.test(line)) return '';
        inBlock = false;
        return raw;
      })
      .join('\n');
  });
}

/** The lines at the top of a document where its title, and the company it is about, stand. */
const TITLE_LINES = 3;

/** A row label without its numbering and note: 「一、营业收入」, 「三、利润总额（亏损总额以“－”号填列）」 → the label. */
function rowLabel(token: string): string {
  return token.replace(/^(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[)）]|[加减]\s*[：:]|其中\s*[：:])+/, '').replace(/[（(][^（()）]*[)）]$/, '');
}

/** A note reference or line number between a row's label and its figures: 「五、30」, 「七.1」, 「(三)」, 「12」. */
const REFERENCE = /^(?:附注)?[（(]?[一二三四五六七八九十\d]+[)）]?(?:[、.．\-][（(]?[一二三四五六七八九十\d]+[)）]?)*$/;

/** 万元 per unit a statement states its amounts in. */
const WAN_PER: Record<string, number> = { 元: 1 / 10000, 千元: 1 / 10, 万元: 1, 百万元: 100, 亿元: 10000 };

/**
 * Where a page states the unit of the figures after it: 「单位：元」, 「金额单位：人民币千元」, or a caption's
 * 「（万元）」. Whatever word follows 「单位：」 is taken, so a unit this table does not know (「单位：万美元」)
 * ends the one before it rather than leaving it in force.
 */
const UNIT = /单位\s*[：:]\s*(?:人民币)?\s*([\p{Script=Han}A-Za-z]{1,5}?)(?:人民币)?(?![\p{Script=Han}A-Za-z])|[（(]\s*(?:人民币)?\s*(亿元|百万元|万元|千元|元)\s*[)）]/gu;

/**
 * A note under a table that states its unit, the table having stated none above it: 「注：上表金额单位均为人民币万元」,
 * 「注：表中数据单位为万元」.
 */
const FOOTNOTE_UNIT = /注\s*\d?\s*[：:][^。\n]{0,20}?单位\s*(?:均|皆|统一)?\s*(?:为|是)\s*(?:人民币)?\s*(亿元|百万元|万元|千元|元)/gu;

/** The unit a footnote states for the table from `from` on, before the text at `to` (where the next table starts). */
function footnoteUnit(text: string, from: number, to: number): string | undefined {
  return [...text.matchAll(FOOTNOTE_UNIT)].find((m) => m.index > from && m.index < to)?.[1];
}

/** How far before a statement's header its caption is looked for, in characters. */
const CAPTION_CHARS = 40;

/** A column heading with its unit: 「本期金额（元）」, 「2022年（万元）」. */
const HEAD_UNIT = /^(.+?)[（(](?:人民币)?(亿元|百万元|万元|千元|元)[)）]$/;
/** A unit alone in a token: a heading's unit wrapped onto the next line of its cell. */
const UNIT_CELL = /^[（(](?:人民币)?(亿元|百万元|万元|千元|元)[)）]$/;

/** A figure and the unit its cell prints after it (「186,523,400.00元」), or the figure alone. */
function ownUnit(cell: string): { figure: string; unit?: string } {
  const m = /^(.+?)(亿元|百万元|万元|千元|元)$/.exec(cell);
  return m && NUM.test(m[1]!) ? { figure: m[1]!, unit: m[2]! } : { figure: cell };
}

/** A row's own unit, printed after its label as the forms print theirs: 「总资产（万元）」. */
const ROW_UNIT = /[（(](?:人民币)?(亿元|百万元|万元|千元|元)[)）]$/;

interface Header {
  /** The year of each figure column, or null for a column whose figures are not the enterprise's own (合并 beside 母公司). */
  years: (string | null)[];
  /** Index of the header's first year column in the tokens. */
  at: number;
  /** Whether a reference column (附注, 行次) comes just before the figure columns. */
  reference: boolean;
  /** Figure columns before the year columns that belong to no year (本月数 of a monthly statement): skipped in each row. */
  skip: number;
  /** 万元 per unit of the figures under this header; null where the page states none, so each row must state its own. */
  scale: number | null;
  /** Whether each row gives its unit in a column after its figures (「资产总额 38,120.55 万元」). */
  unitColumn: boolean;
  /** Which figure columns give a rate of change between years (「本年比上年增减」): a percentage or a dash, read for no year. */
  change: boolean[];
  /** Whether the headings state no unit, so that a note under the table may state it. */
  footnote?: boolean;
}

/** The year of a planned column, in a header's run: its figures are a plan's or a forecast's, never the year's own. */
const PLANNED = 'planned';

/**
 * A heading or row label marked as a plan or as the actual figures: 「2022年（预计）」, 「预计2022年」, 「2022E」, 「2021年实际」.
 * Whitespace a PDF leaves inside it is no part of it.
 */
function markedYear(token: string, words: string[]): string | undefined {
  // Only a token with a year in it can be one; a long statement has tens of thousands of others.
  if (!words.length || !/20\d{2}/.test(token)) return undefined;
  const m = markedPattern(words).exec(squash(token));
  return m ? (m[1] ?? m[2]) : undefined;
}

const MARKED = new Map<string, RegExp>();
function markedPattern(words: string[]): RegExp {
  const key = words.join('|');
  let re = MARKED.get(key);
  if (!re) {
    const w = [...words].sort((a, b) => b.length - a.length).map(escaped).join('|');
    re = new RegExp(`^(?:(?:${w})(20\\d{2})年?度?|(20\\d{2})(?:年度?)?[（(]?(?:${w})(?:数|值|数据)?[)）]?)$`, 'u');
    MARKED.set(key, re);
  }
  return re;
}

/** Whether each year's figures in a document are planned rather than actual (see the knowledge's `plans`). */
export interface DocumentPlan {
  /** The year a plan document's planned years start from; '' where its title names none, so that all are planned. */
  from?: string;
  /** The date the document is dated, ISO; a year that had not ended by then gives no actual figures. */
  dated?: string;
}

export function documentPlan(rawPages: string[], docs: FormDrafting['documents']): DocumentPlan {
  const P = docs.plans;
  const pages = rawPages.map(plain);
  // The title: the first lines up to the first sentence, table heading or unit (「单位：万元」 「项目 2021年 2022年」).
  const head = lines(pages[0] ?? '').slice(0, TITLE_LINES);
  const body = head.findIndex((l) => /[，。；：:,;]/.test(l) || (squash(l).match(/20\d{2}/g)?.length ?? 0) >= 3 || /\s20\d{2}/.test(l));
  const title = head.slice(0, body < 0 ? head.length : body).map(squash).join(' ');
  const isPlan = P.titles.some((w) => title.includes(w)) && !P.notPlans.some((w) => title.includes(w));
  const named = [...title.matchAll(/(?<!\d)(20\d{2})(?!\d)/g)].map((m) => m[1]!).sort();
  const out: DocumentPlan = isPlan ? { from: named[0] ?? '' } : {};
  // Its date: under a date label anywhere, or standing alone in its last lines (the sign-off's 「二〇二二年六月十五日」).
  const all = pages.flatMap((p) => lines(p));
  const labels = [...P.dateLabels].sort((a, b) => b.length - a.length).map(spaced).join('|');
  const dates: string[] = [];
  const dateLabel = labels ? new RegExp(`(?:^|\\s)(?:${labels})\\s*[：:]\\s*(.+)$`, 'u') : undefined;
  for (const [k, line] of all.entries()) {
    const labelledDate = dateLabel?.exec(line)?.[1];
    if (!labelledDate && k < all.length - 5) continue;
    const sq = squash(line);
    const own = k >= all.length - 5 ? printedDate(sq) : null;
    const alone = own && sq.replace(/[（()）]/g, '').replace(/日$/, '') === own.raw.replace(/\s/g, '').replace(/日$/, '') ? sq : undefined;
    const d = printedDate(labelledDate ?? alone ?? '');
    if (d) dates.push(d.iso);
  }
  if (dates.length) out.dated = dates.sort().at(-1);
  return out;
}

/** Whether a document's figures for `year` are planned: a plan's year, or a year not ended when the document was dated. */
export function plannedYear(plan: DocumentPlan, year: string): boolean {
  return (plan.from !== undefined && year >= plan.from) || (plan.dated !== undefined && plan.dated < `${year}-12-31`);
}

/**
 * The columns and rows of the years `asked` that a document gives as planned, as it prints them (「2022年（预计）」,
 * 「2022年」 in a plan): the form's actual figures are not taken from them, and the user is told so.
 */
export function plannedColumns(rawPages: string[], docs: FormDrafting['documents'], asked: string[]): string[] {
  const plan = documentPlan(rawPages, docs);
  const out = new Set<string>();
  for (const page of rawPages.map(plain)) {
    const text = joinPlanMarks(page, docs);
    for (const t of text.split(/\s+/)) {
      const marked = markedYear(t, docs.plans.markers);
      if (marked && asked.includes(marked)) out.add(squash(t));
      const y = YEAR_HEAD.exec(squash(t))?.[1] ?? YEAR_ROW.exec(squash(t))?.[1];
      if (y && asked.includes(y) && plannedYear(plan, y) && !markedYear(t, docs.plans.actual)) out.add(`${y}年`);
    }
  }
  return [...out];
}

/** A plan's mark wrapped onto the next line of its heading cell (「2022年」 「（预计）」): joined back to its year. */
function joinPlanMarks(text: string, docs: FormDrafting['documents']): string {
  const w = [...docs.plans.markers, ...docs.plans.actual].sort((a, b) => b.length - a.length).map(escaped).join('|');
  return w ? text.replace(new RegExp(`(20\\d{2}\\s*年?度?)\\s*([（(]\\s*(?:${w})\\s*(?:数|值|数据)?\\s*[)）])`, 'gu'), (_, y: string, m: string) => `${y.replace(/\s/g, '')}${m.replace(/\s/g, '')}`) : text;
}

/** The year of a change column, in a header's run: a place held, never a year. */
const CHANGE = 'change';

/** A heading of a change column, with or without its 「（%）」: 「本年比上年增减」, 「增减比例(%)」. */
function isChange(token: string, docs: FormDrafting['documents']): boolean {
  const t = token.replace(/[（(]\s*[%％]\s*[)）]$|[%％]$/, '');
  return docs.columns.change.includes(t);
}

/** What a change column's cell may print: a rate, with or without its sign and 「%」, or a dash for none. */
const CHANGE_CELL = /^(?:[+\-－]?[\d,]*\.?\d+\s*[%％]?|[—–\-－/／]+|不适用)$/;

/**
 * Every statement header of a page, in order: a run of figure columns each naming a year, written
 * out (「2022年度」, 「2022年」, 「2022年12月31日」, 「2022年1-12月」) or as 本期/上期 and 期末/期初, which
 * stand for the statement's own year and the year before. A statement's own year is the last
 * period named before its header (「2023年度」, 「2022年12月31日」), so two statements on one page
 * each get their own; a part-year period (「2023年6月30日」) gives those headings no year, as
 * its figures are not a year's. The unit is the last one stated before the header.
 */
function headers(text: string, docs: FormDrafting['documents'], paired: boolean, plan: DocumentPlan = {}): { tokens: string[]; headers: Header[] } {
  const spans = [...text.matchAll(/\S+/g)];
  const captions = [...text.matchAll(statementCaption(docs))].map((m) => ({ at: m.index, scope: scopeOf(m[0], docs) }));
  const tokens = spans.map((m) => m[0]);
  // The periods and units stated in the page, each found once; a pointer follows the tokens.
  // 「2022年12月」 heads a December monthly statement, whose 本年累计 is the year's figure.
  const periods = [...text.matchAll(/(20\d{2})年(度|12月31日|1-12月|\d{1,2}月\d{1,2}日|12月(?![\d至\-]))/g)].map((m) => ({ at: m.index, own: /^(度|12月31日|1-12月|12月)$/.test(m[2]!) ? m[1] : undefined }));
  // 千元 must be read as a unit of its own: skipped, it would leave an earlier 「单位：元」 in force over its figures.
  const units = [...text.matchAll(UNIT)].map((m) => ({ at: m.index, unit: (m[1] ?? m[2])! }));
  const yearIn = (t: string) => /^(20\d{2})(?:年(?:度|末)?|年12月31日|年1-12月|[.\-/]12[.\-/]31)$/.exec(t)?.[1] ?? markedYear(t, docs.plans.actual) ?? (markedYear(t, docs.plans.markers) ? PLANNED : undefined);
  const unplanned = (y: string | undefined, t: string) => (y && y !== PLANNED && plannedYear(plan, y) && !markedYear(t, docs.plans.actual) ? PLANNED : y);
  let p = -1;
  let u = -1;
  const out: Header[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const offset = spans[i]!.index!;
    while (p + 1 < periods.length && periods[p + 1]!.at < offset) p++;
    while (u + 1 < units.length && units[u + 1]!.at < offset) u++;
    const own = periods[p]?.own;
    // The text just before a header, after the statement before it: its caption.
    const before = out.length ? spans[out.at(-1)!.at]!.index! : 0;
    const from = Math.max(before, offset - CAPTION_CHARS);
    // A planned column (「2022年（预计）」, or a year of a plan) holds its place in the run and gives no year's figures.
    const yearOf = (t: string): string | undefined => {
      const y = unplanned(yearIn(t), t);
      if (y) return y;
      // One figure column for the one year its caption names (「2022年」 over 「指标 金额（万元）」).
      if (docs.columns.amount.includes(t)) {
        const named = new Set([...text.slice(from, offset).matchAll(/(20\d{2})年(?![度末\d])/g)].map((m) => m[1]!));
        return named.size === 1 ? unplanned([...named][0], t) : undefined;
      }
      if (!own) return undefined;
      if (docs.columns.current.includes(t)) return unplanned(own, t);
      if (docs.columns.previous.includes(t)) return unplanned(String(Number(own) - 1), t);
      return undefined;
    };
    // A column heading may carry the unit of its figures (「本期金额（元）」), in its cell or, wrapped, as the next token.
    const run: string[] = [];
    const heads: (string | undefined)[] = [];
    // Whose figures each column gives, where its heading says (「母公司本期金额」, 「本期金额（合并）」).
    const scopes: (Scope | undefined)[] = [];
    let amount = false;
    let j = i;
    for (; j < tokens.length; j++) {
      const h = HEAD_UNIT.exec(tokens[j]!);
      const { rest, scope } = columnScope(h ? h[1]! : tokens[j]!, docs);
      // A column of the change between two years (「本年比上年增减」) stands between year columns in an annual
      // report's key figures: its figures are no year's, and the year columns after it are read on.
      if (run.length && isChange(rest, docs) && yearOf(columnScope(tokens[j + 1] ?? '', docs).rest)) {
        run.push(CHANGE);
        scopes.push(undefined);
        heads.push(undefined);
        continue;
      }
      const y = yearOf(rest);
      if (!y || (run.length && docs.columns.amount.includes(rest))) break;
      run.push(y);
      amount ||= docs.columns.amount.includes(rest);
      scopes.push(scope);
      const cell = UNIT_CELL.exec(tokens[j + 1] ?? '');
      heads.push(h?.[2] ?? cell?.[1]);
      if (!h && cell) j++;
    }
    // A second heading row under the periods, 「合并 母公司 合并 母公司」: each period splits into as many columns.
    let years: string[] = run;
    const sub: Scope[] = [];
    while (run.length && j + sub.length < tokens.length && exactScope(tokens[j + sub.length]!, docs)) sub.push(exactScope(tokens[j + sub.length]!, docs)!);
    if (run.length >= 2 && sub.length >= 2 * run.length && sub.length % run.length === 0 && !scopes.some((x) => x !== undefined)) {
      const k = sub.length / run.length;
      years = run.flatMap((y) => Array<string>(k).fill(y));
      scopes.splice(0, scopes.length, ...sub);
      j += sub.length;
    }
    // A second heading row under years merged over two columns or more, 「金额 同比增长 金额 同比增长」: each year splits
    // into its amount and the change beside it, which is no year's figure.
    const split: string[] = [];
    const subHead = (t: string | undefined) => t !== undefined && (docs.columns.amount.includes(t) || isChange(t, docs));
    while (years === run && run.length >= 2 && !run.includes(CHANGE) && subHead(tokens[j + split.length])) split.push(tokens[j + split.length]!);
    const per = split.length / run.length;
    if (split.length >= 2 * run.length && Number.isInteger(per) && run.every((_, n) => split.slice(n * per, (n + 1) * per).filter((t) => docs.columns.amount.includes(t)).length === 1)) {
      years = run.flatMap((y, n) => split.slice(n * per, (n + 1) * per).map((t) => (docs.columns.amount.includes(t) ? y : CHANGE)));
      scopes.splice(0, scopes.length, ...run.flatMap((_, n) => Array<Scope | undefined>(per).fill(scopes[n])));
      heads.splice(0, heads.length, ...run.flatMap((_, n) => Array<string | undefined>(per).fill(heads[n])));
      j += split.length;
    }
    // A column after the figures that gives each row's unit (「计量单位」).
    const unitColumn = run.length > 0 && docs.columns.unit.includes(tokens[j] ?? '');
    if (unitColumn) j++;
    const stated = new Set(heads.filter((x) => x !== undefined));
    // The headings' own unit overrides the page's, when every heading states it and all state the same; headings
    // that disagree, or state it for some columns only, leave the figures without a unit to read them in.
    const unit = stated.size === 0 ? units[u]?.unit : stated.size === 1 && heads.every((x, k) => x !== undefined || years[k] === CHANGE) ? [...stated][0] : undefined;
    // A statement captioned as another body's (「集团主要经济指标」) is read for no one: the caption is the text
    // just before its header, after the statement before it.
    if (!(run.length >= 2 || (run.length === 1 && amount))) continue;
    // The statement's caption since the one before it (「母公司利润表」), for whose figures they are.
    const caption = captions.filter((c) => c.at >= before && c.at < offset).at(-1)?.scope;
    const taken = ownFigures(years, scopes, caption, paired).map((y, k) => (years[k] === CHANGE || years[k] === PLANNED ? null : y));
    const change = years.map((y) => y === CHANGE);
    // Two columns of one year are one year's only when one of them is whose the form asks for.
    const kept = taken.filter((y) => y !== null);
    const yearsRun = run.filter((y) => y !== CHANGE && y !== PLANNED);
    if (new Set(kept).size !== kept.length || (scopes.every((x) => x === undefined) && new Set(yearsRun).size !== yearsRun.length)) continue;
    // In a report that prints the company's own statements, 母公司 in their captions is the company itself.
    const ownNamed = paired || scopes.includes('own');
    const captionText = ownNamed ? docs.scopes.own.reduce((t, w) => t.split(w).join(''), text.slice(from, offset)) : text.slice(from, offset);
    if (namesOtherSubject(captionText, docs)) i = j - 1;
    else {
      let skip = 0;
      while (docs.columns.ignored.includes(tokens[i - 1 - skip] ?? '')) skip++;
      out.push({ years: taken, change, at: i, reference: docs.columns.reference.includes(tokens[i - 1 - skip] ?? ''), skip, scale: unit ? (WAN_PER[unit] ?? null) : null, unitColumn, footnote: stated.size === 0 });
      i = j - 1;
    }
  }
  // A unit stated in a note under the table is this table's, over one the page stated above for a table before it.
  out.forEach((h, n) => {
    if (!h.footnote) return;
    const unit = footnoteUnit(text, spans[h.at]!.index!, n + 1 < out.length ? spans[out[n + 1]!.at]!.index! : text.length);
    if (unit) h.scale = WAN_PER[unit] ?? null;
  });
  return { tokens, headers: out };
}

type Scope = 'group' | 'own' | 'both';

/** Whose figures a caption or heading names: the group's (合并), the company's own (母公司), both, or neither. */
function scopeOf(text: string, docs: FormDrafting['documents']): Scope | undefined {
  const c = docs.scopes.consolidated.some((w) => text.includes(w));
  const o = docs.scopes.own.some((w) => text.includes(w));
  return c && o ? 'both' : c ? 'group' : o ? 'own' : undefined;
}

/** A heading cell that is only a scope word: the second heading row of 「本期金额 / 合并 母公司」. */
function exactScope(token: string, docs: FormDrafting['documents']): Scope | undefined {
  return docs.scopes.consolidated.includes(token) ? 'group' : docs.scopes.own.includes(token) ? 'own' : undefined;
}

/** A column heading with its scope before it or bracketed after it: 「母公司本期金额」, 「本期金额（合并）」. */
function columnScope(token: string, docs: FormDrafting['documents']): { rest: string; scope?: Scope } {
  for (const w of [...docs.scopes.consolidated, ...docs.scopes.own]) {
    const scope = exactScope(w, docs);
    if (token.length > w.length && token.startsWith(w)) return { rest: token.slice(w.length), scope };
    for (const [l, r] of [['（', '）'], ['(', ')']]) if (token.endsWith(`${l}${w}${r}`)) return { rest: token.slice(0, -(w.length + 2)), scope };
  }
  return { rest: token };
}

/** A statement's caption, with whose it is before its name: 「合并资产负债表」, 「母公司利润表」, 「合并及母公司利润表」. */
function statementCaption(docs: FormDrafting['documents']): RegExp {
  const scope = [...docs.scopes.consolidated, ...docs.scopes.own].join('|');
  return new RegExp(`(?:(?:${scope})(?:[及和与、](?:${scope}))?)?(?:${docs.scopes.statements.join('|') || '(?!)'})`, 'g');
}

/**
 * Whether a document prints the group's consolidated statements beside the company's own: then it is a
 * report of a company with subsidiaries, and its 母公司 statements are the company's own figures.
 */
function printsBothScopes(pages: string[], docs: FormDrafting['documents']): boolean {
  if (!docs.scopes.statements.length) return false;
  const found = new Set(pages.flatMap((p) => [...p.replace(/\s+/g, '').matchAll(statementCaption(docs))].map((m) => scopeOf(m[0], docs))));
  return found.has('both') || (found.has('group') && found.has('own'));
}

/**
 * The years a statement's columns give as the enterprise's own figures. The form is a 单体 enterprise's
 * (二(一)): where the columns or the report give the company's own (母公司) figures beside the group's
 * (合并), only the own ones are; a statement that does not say whose it is, in such a report, is no one's.
 * A report of consolidated statements alone is read as it is, there being no other figures of the company.
 */
function ownFigures(years: string[], scopes: (Scope | undefined)[], caption: Scope | undefined, paired: boolean): (string | null)[] {
  if (scopes.includes('own')) return years.map((y, k) => (scopes[k] === 'own' ? y : null));
  if (scopes.includes('group')) return paired || caption === 'both' ? years.map(() => null) : years;
  if (paired || caption === 'both') return caption === 'own' ? years : years.map(() => null);
  return years;
}

/**
 * The statements' rows: under each header (see headers()), each labelled row's figures in the
 * header's order, converted to 万元 by the unit the document states. A reference column (附注,
 * 行次) between label and figures is skipped.
 */
function financeLines(page: string, pageNo: number, file: string, docs: FormDrafting['documents'], paired: boolean, carry?: Header, latest?: string, plan: DocumentPlan = {}): { found: Suggestion[]; last?: Header } {
  const text = joinPlanMarks(page, docs)
    // A bilingual table glosses its labels and headings (「营业收入 Operating Revenue」, 「2022年 FY2022」): the English
    // words are dropped so that each row's figures follow its label and each heading's year the one before.
    .replace(LATIN_WORD, ' ')
    .replace(/(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日/g, '$1年$2月$3日')
    .replace(/(\d{4})\s*年\s*1\s*[-－—~～至]\s*12\s*月/g, '$1年1-12月')
    .replace(/(\d{4})\s*年\s*(\d{1,2})\s*月/g, '$1年$2月')
    .replace(/(\d{4})\s*年(?:\s*(度|末))?/g, '$1年$2')
    // A narrow heading cell wraps its unit (「2021 年（万」 「元）」): a unit in brackets is one word.
    .replace(/[（(](?:人民币)?(?:亿|百万|万|千)?\s*(?:亿|百万|万|千)?\s*元\s*[)）]/g, (m) => m.replace(/\s+/g, ''))
    // A narrow cell wraps a figure that prints its unit onto the next line (「186,523,400.0」 「0 元」, 「6,102,500.00」
    // 「元」): put back together only where the pieces make a well-formed amount of two decimals or none. A unit on the
    // same line is a unit column's cell, read as such.
    .replace(/(?<=\s|^)(\d{1,3}(?:,\d{3})*\.\d)[ \t]*\n\s*(\d)\s+(亿元|百万元|万元|千元|元)(?=\s|$)/g, '$1$2$3')
    .replace(/(?<=\s|^)(\d{1,3}(?:,\d{3})*(?:\.\d{2})?)[ \t]*\n\s*(亿元|百万元|万元|千元|元)(?=\s|$)/g, '$1$2')
    // A scan's text layer breaks a figure itself at the line's end (「462,183,500.0」 「0 401,225,800.00」, 「462,183,」
    // 「500.00」): the pieces are one figure only where the first cannot end one (a trailing separator, a point or a single
    // decimal after thousands) and together they make a well-formed amount of two decimals.
    .replace(/(?<=\s|^)(\d{1,3}(?:,\d{3})*(?:,|\.)|\d{1,3}(?:,\d{3})+\.\d)[ \t]*\n\s*(\d[\d,]*(?:\.\d{1,2})?)(?=\s|$)/g, (m, a: string, b: string) =>
      /^\d{1,3}(?:,\d{3})*\.\d{2}$/.test(a + b) ? a + b : m,
    );
  const { tokens, headers: found } = headers(text, docs, paired, plan);
  const out: Suggestion[] = paired ? [] : yearRows(text, pageNo, file, docs, latest, plan);
  // A table that runs over a page goes on at the top of the next without its header (the running head and page
  // number aside): its rows there are read under the header of the page before, up to the first unit, caption or
  // header the page states, where another table starts.
  const caption = statementCaption(docs);
  const starts = tokens.findIndex((t) => /单位/.test(t) || new RegExp(caption.source).test(t));
  const stop = Math.min(found[0]?.at ?? tokens.length, starts < 0 ? tokens.length : starts);
  const hs = carry && stop > 0 ? [{ ...carry, at: -1 }, ...found] : found;
  hs.forEach((header, h) => {
    const { years } = header;
    const end = header.at < 0 ? stop : (hs[h + 1]?.at ?? tokens.length);
    for (const key of ['totalAssets', 'totalLiabilities', 'revenue', 'profit', 'tax'] as const) {
      const labels = docs.labels[`finance.${key}`] ?? [];
      // A narrow label column wraps a row's label in a PDF (「一、营业总收」 「入」): a token and a short run of
      // characters after it read as one label, where together they are one.
      const wrappedAt = (i: number) => {
        const tail = tokens[i + 1];
        return tail !== undefined && i + 1 < end && /^\p{Script=Han}{1,3}$/u.test(tail) ? tokens[i] + tail : null;
      };
      let idx = -1;
      let width = 1;
      for (const l of labels) {
        for (let i = header.at + 1; i < end && idx < 0; i++) {
          if (rowLabel(tokens[i]!) === l) idx = i;
          else if (wrappedAt(i) !== null && rowLabel(wrappedAt(i)!) === l) [idx, width] = [i, 2];
        }
        if (idx >= 0) break;
      }
      if (idx < 0) continue;
      const label = width === 2 ? wrappedAt(idx)! : tokens[idx]!;
      let first = idx + width;
      // The row's own unit, after its label in the same cell or the next: it overrides the page's.
      let rowUnit = ROW_UNIT.exec(label)?.[1];
      const unitCell = /^[（(](?:人民币)?(亿元|百万元|万元|千元|元)[)）]$/.exec(tokens[first] ?? '');
      if (!rowUnit && unitCell) {
        rowUnit = unitCell[1];
        first++;
      }
      const scale = rowUnit ? WAN_PER[rowUnit]! : header.scale;
      // A note after the label that PDF text wraps over several tokens: 「（亏损总额以」 「“－”号填列）」.
      if (/^[（(]/.test(tokens[first] ?? '') && !/[)）]$/.test(tokens[first]!)) {
        const close = tokens.slice(first, Math.min(end, first + 8)).findIndex((t) => /[)）]$/.test(t));
        if (close > 0) first += close + 1;
      }
      const next = tokens[first];
      // 「五、30」 is a reference; a bare 「12」 is one only where the header has such a column and
      // the row has a figure more than the header has years.
      if (next !== undefined && !NUM.test(next) && REFERENCE.test(next)) first++;
      else if (header.reference && next !== undefined && /^\d{1,3}$/.test(next) && tokens.slice(first, first + header.skip + years.length + 1).filter((f) => NUM.test(f)).length === header.skip + years.length + 1) first++;
      const all = tokens.slice(first, first + header.skip + years.length);
      if (all.length < header.skip + years.length || !all.every((f, k) => (header.change[k - header.skip] ? CHANGE_CELL.test(f) : NUM.test(ownUnit(f).figure)))) continue;
      const figures = all.slice(header.skip);
      // A figure that prints its unit (「186,523,400.00元」) is in that unit, whatever the heading or page says.
      const cellUnits = years.map((y, k) => (y === null || y === CHANGE ? undefined : ownUnit(figures[k]!).unit));
      const ownUnits = years.every((y, k) => y === null || y === CHANGE || cellUnits[k] !== undefined);
      if (scale === null && !header.unitColumn && !ownUnits) continue;
      // The row's unit in the header's unit column: a unit of money, or the row is no amount (「46.30 %」).
      // A unit column's cell on the line after its figure is read with the figure (「38,120.55」 「万元」 → one cell).
      const unitColumn = header.unitColumn && !ownUnits;
      const unitAfter = unitColumn ? WAN_PER[tokens[first + header.skip + years.length] ?? ''] : undefined;
      if (unitColumn && !rowUnit && unitAfter === undefined) continue;
      const rowScale = rowUnit ? scale : (unitAfter ?? scale);
      if (rowScale === null && !ownUnits) continue;
      const snippet = tokens.slice(idx, first + header.skip + years.length + (unitColumn ? 1 : 0)).join(' ');
      years.forEach((y, k) => {
        if (y === null) return;
        const n = toNumber(ownUnit(figures[k]!).figure);
        const unit = cellUnits[k];
        const cellScale = unit ? WAN_PER[unit]! : rowScale;
        if (n === null || cellScale === null) return;
        out.push({ field: `finance.${y}.${key}`, value: Number((n * cellScale).toPrecision(12)), raw: figures[k]!, source: { file, page: pageNo, snippet } });
      });
    }
    if (!paired) out.push(...countRow(tokens, header, end, docs, latest, file, pageNo));
  });
  return { found: out, last: found.at(-1) ?? (carry && starts < 0 ? carry : undefined) };
}

/**
 * A particulars table's cells whose label states the unit and whose value is a bare figure, as an application form
 * prints them: 「注册资本（万元）」 「6000」, 「从业人员（人）」 「356」, 「其中：研发人员（人）」 「42」, in cells of their own or
 * on one line. Read only where one figure follows the label and no figure after it, so that a row of years
 * (「从业人员（人） 512 538 561」) is never read here.
 */
function unitCells(page: string, pageNo: number, file: string, docs: FormDrafting['documents']): Suggestion[] {
  const tokens = page.split(/\s+/).filter(Boolean);
  const out: Suggestion[] = [];
  const capital = docs.labels.registeredCapital ?? [];
  tokens.forEach((t, i) => {
    const value = tokens[i + 1];
    if (value === undefined || !/^\d[\d,]*(?:\.\d+)?$/.test(value) || /^-?[\d,]*\.?\d+$/.test(tokens[i + 2] ?? '')) return;
    const m = /^(.+?)[（(](?:人民币)?(万元|亿元|元|人|名)[)）]$/.exec(squash(t));
    if (!m) return;
    const label = rowLabel(m[1]!);
    const snippet = `${t} ${value}`;
    const n = toNumber(value);
    if (n === null) return;
    if (capital.includes(label) && m[2]!.endsWith('元')) out.push({ field: 'registeredCapital', value: Number((n * WAN_PER[m[2]!]!).toPrecision(12)), raw: value, source: { file, page: pageNo, snippet } });
    const count = m[2] === '人' || m[2] === '名' ? countField(label, docs) : undefined;
    if (count && Number.isInteger(n)) out.push({ field: count, value: n, raw: value, source: { file, page: pageNo, snippet } });
  });
  return out;
}

/** The head-count field a table's row or column label names (「从业人员（人）」, 「其中：研发人员」, 「从业人员期末人数」), if any. */
function countField(label: string, docs: FormDrafting['documents']): string | undefined {
  const l = rowLabel(label);
  return Object.entries(docs.prose.counts).find(([, labels]) => labels.some((x) => l === x || docs.prose.countRowSuffixes.some((s) => l === x + s)))?.[0];
}

/** A row label a narrow cell wrapped, its tail on the next token: 「从业人员期末人」 「数（人）」, 「其中：研发人员」 「（人）」. */
const LABEL_TAIL = /^(?:\p{Script=Han}{1,3}|\p{Script=Han}{0,3}[（(][^（()）]{1,4}[)）])$/u;

/**
 * A head count's row in a table whose columns are years (「从业人员（人） 512 538 561」 under 「2021年 2022年 2023年」). The form
 * asks for the head count now: the latest year's column, and only where that year is the latest the forms ask for or
 * later; a table of past years gives none, and no other year's figure is ever offered for now.
 */
function countRow(tokens: string[], header: Header, end: number, docs: FormDrafting['documents'], latest: string | undefined, file: string, page: number): Suggestion[] {
  const years = header.years;
  const valid = years.filter((y): y is string => y !== null && y !== CHANGE);
  if (!latest || header.skip || valid.length !== years.length || new Set(valid).size !== valid.length) return [];
  const newest = [...valid].sort().at(-1)!;
  if (newest < latest) return [];
  const col = years.indexOf(newest);
  const out: Suggestion[] = [];
  const seen = new Set<string>();
  for (let i = header.at + 1; i < end; i++) {
    const tail = tokens[i + 1];
    const wrapped = tail !== undefined && LABEL_TAIL.test(tail) && countField(tokens[i]! + tail, docs) ? 2 : 1;
    const field = countField(wrapped === 2 ? tokens[i]! + tail : tokens[i]!, docs);
    if (!field || seen.has(field)) continue;
    const first = i + wrapped + (header.reference && /^\d{1,3}$/.test(tokens[i + wrapped] ?? '') && NUM.test(tokens[i + wrapped + years.length] ?? '') ? 1 : 0);
    const cells = tokens.slice(first, first + years.length);
    if (cells.length < years.length || !cells.every((c) => /^[\d,]+$/.test(c))) continue;
    const n = toNumber(cells[col]!);
    if (n === null) continue;
    seen.add(field);
    out.push({ field, value: n, raw: cells[col]!, source: { file, page, snippet: tokens.slice(i, first + years.length).join(' ') } });
  }
  return out;
}

/** A row of a table whose rows are years: 「2020年」, 「2021年度」. */
const YEAR_ROW = /^(20\d{2})年?度?$/;
/** A cell left blank with a dash: no figure, but a cell all the same. */
const BLANK_CELL = /^[—–\-－/／]+$/;

/**
 * A table with the years as rows and the indicators as columns (「年度 资产总额 负债总额 资产负债率（%） …」, then
 * 「2020年 381,205.50 — 46.30 …」): each row's figures under the indicators its heading names, in the unit the
 * heading cell or the page states. A row whose cells do not line up with the heading (a cell missing, a figure
 * too many) is not read; a column the form computes or does not ask for (资产负债率) is passed over, never
 * turned into another figure.
 */
function yearRows(text: string, pageNo: number, file: string, docs: FormDrafting['documents'], latest?: string, plan: DocumentPlan = {}): Suggestion[] {
  const spans = [...text.matchAll(/\S+/g)];
  const tokens = spans.map((m) => m[0]);
  const units = [...text.matchAll(UNIT)].map((m) => ({ at: m.index, unit: (m[1] ?? m[2])! }));
  const keys = ['totalAssets', 'totalLiabilities', 'revenue', 'profit', 'tax'] as const;
  const keyOf = (label: string) => keys.find((k) => (docs.labels[`finance.${k}`] ?? []).includes(rowLabel(label)));
  const out: Suggestion[] = [];
  // A row of a planned year (「2023年（预计）」, or a plan's year) is a row of the table, and gives no year's figures.
  const rowYear = (t: string) => YEAR_ROW.exec(t)?.[1] ?? markedYear(t, docs.plans.actual) ?? markedYear(t, docs.plans.markers);
  const isRow = (t: string | undefined) => t !== undefined && rowYear(t) !== undefined;
  const planned = (t: string) => !!markedYear(t, docs.plans.markers) || (!markedYear(t, docs.plans.actual) && plannedYear(plan, rowYear(t)!));
  for (let i = 0; i < tokens.length; i++) {
    if (!docs.columns.year.includes(tokens[i]!)) continue;
    let k = i + 1;
    while (k < tokens.length && k - i <= 12 && !isRow(tokens[k])) k++;
    // A PDF wraps a narrow heading cell over lines (「其中：研发人员」 「（人）」): the first row's cells say how many
    // columns there are, and a heading's wrapped tail is joined back to it.
    // Every year row must have as many cells, so that a row missing a cell never passes for a narrower table.
    const cell = (t: string | undefined) => t !== undefined && (NUM.test(t) || BLANK_CELL.test(t) || PERCENT_CELL.test(t));
    const widths: number[] = [];
    for (let r = k; r < tokens.length && isRow(tokens[r]) && widths.length < 20; ) {
      let w = 0;
      while (cell(tokens[r + 1 + w])) w++;
      widths.push(w);
      r += w + 1;
    }
    const width = widths.length && widths.every((w) => w === widths[0]) ? widths[0]! : 0;
    const heads = joinHeads(tokens.slice(i + 1, k), width);
    const offset = spans[i]!.index!;
    if (namesOtherSubject(text.slice(Math.max(0, offset - CAPTION_CHARS), offset), docs)) continue;
    const pageUnit = units.filter((u) => u.at < offset).at(-1)?.unit;
    const columns = heads.map((h) => {
      const withUnit = HEAD_UNIT.exec(h);
      const key = keyOf(withUnit ? withUnit[1]! : h);
      const unit = withUnit?.[2] ?? pageUnit;
      if (key) return unit && WAN_PER[unit] !== undefined ? { key, field: (y: string) => `finance.${y}.${key}`, scale: WAN_PER[unit]!, count: false } : null;
      // A head count's column (「从业人员（人）」): a count of people, in no unit of money.
      const count = countField(h, docs);
      return count ? { key: count, field: () => count, scale: 1, count: true } : null;
    });
    const money = columns.filter((c) => c && !c.count).length;
    const counts = columns.filter((c) => c?.count).length;
    if (money < 2 && counts === 0) continue;
    const countRows: { year: string; cells: string[]; snippet: string }[] = [];
    let r = k;
    for (; r < tokens.length && isRow(tokens[r]); r += heads.length + 1) {
      const cells = tokens.slice(r + 1, r + 1 + heads.length);
      const after = tokens[r + 1 + heads.length];
      // A column not read may hold a rate (「28.4%」); the columns read hold figures or a dash.
      const fits = cells.every((c, n) => NUM.test(c) || BLANK_CELL.test(c) || (!columns[n] && PERCENT_CELL.test(c)));
      if (cells.length < heads.length || !fits || (after !== undefined && NUM.test(after))) break;
      if (planned(tokens[r]!)) continue;
      const year = rowYear(tokens[r]!)!;
      const snippet = tokens.slice(r, r + 1 + heads.length).join(' ');
      if (money >= 2)
        columns.forEach((c, n) => {
          const v = c && !c.count && NUM.test(cells[n]!) ? toNumber(cells[n]!) : null;
          if (c && v !== null) out.push({ field: c.field(year), value: Number((v * c.scale).toPrecision(12)), raw: cells[n]!, source: { file, page: pageNo, snippet } });
        });
      countRows.push({ year, cells, snippet });
    }
    // The head count now is the latest year's row, where that year is the latest the forms ask for or later.
    const newest = [...countRows].sort((a, b) => a.year.localeCompare(b.year)).at(-1);
    if (counts && latest && newest && newest.year >= latest && new Set(countRows.map((x) => x.year)).size === countRows.length)
      columns.forEach((c, n) => {
        const cell = newest.cells[n]!;
        if (c?.count && /^[\d,]+$/.test(cell)) out.push({ field: c.key, value: toNumber(cell)!, raw: cell, source: { file, page: pageNo, snippet: newest.snippet } });
      });
    i = r - 1;
  }
  return out;
}

/** A cell giving a rate: 「28.4%」. */
const PERCENT_CELL = /^-?[\d.]+\s*[%％]$/;

/**
 * A table's heading cells as one token each, where a PDF wrapped a cell over lines: a unit alone (「（人）」) or a
 * short tail (「占比」) joins the heading before it, the tails first, until the headings are as many as the first row's
 * cells. Headings that cannot be made as many are returned as they are, and the rows will not fit them.
 */
function joinHeads(heads: string[], width: number): string[] {
  if (!width || heads.length <= width) return heads;
  const out = [...heads];
  for (let n = out.length - 1; n > 0 && out.length > width; n--) if (/^[（(][^（()）]{1,6}[)）]$/.test(out[n]!)) out.splice(n - 1, 2, out[n - 1]! + out[n]!);
  for (let n = out.length - 1; n > 0 && out.length > width; n--) if (/^\p{Script=Han}{1,3}$/u.test(out[n]!)) out.splice(n - 1, 2, out[n - 1]! + out[n]!);
  return out;
}

/** Each document's pages squashed, with and without their Latin words, kept while the document's pages are in use. */
const SQUASHED = new WeakMap<string[], Map<string, string>>();

/**
 * A page squashed once per document, however many suggestions are checked against it: a long sheet gives a suggestion
 * a row, and squashing its whole page again for each would take time growing with the square of its length.
 */
function squashedPage(pages: string[], index: number, withoutLatin: boolean): string {
  let cache = SQUASHED.get(pages);
  if (!cache) SQUASHED.set(pages, (cache = new Map()));
  const key = `${index}:${withoutLatin}`;
  let sq = cache.get(key);
  if (sq === undefined) cache.set(key, (sq = squash(withoutLatin ? pages[index]!.replace(LATIN_WORD, ' ') : pages[index]!)));
  return sq;
}

/**
 * Whether a squashed snippet is in a page squashed. The rules quote a long sheet's rows in the order they stand, so the
 * search starts where the last snippet on that page was found and goes back to the page's start only where it is not
 * after it: each row is then found near where the search starts, not by reading every row before it again.
 */
function printedOn(pages: string[], index: number, withoutLatin: boolean, snip: string): boolean {
  const sq = squashedPage(pages, index, withoutLatin);
  const key = `${index}:${withoutLatin}`;
  let found = FOUND_AT.get(pages);
  if (!found) FOUND_AT.set(pages, (found = new Map()));
  const from = found.get(key) ?? 0;
  let at = sq.indexOf(snip, from);
  // Before where the search started: the part of the page up to there, with a snippet's length over the start.
  if (at < 0 && from > 0) at = sq.slice(0, Math.min(sq.length, from + snip.length - 1)).indexOf(snip);
  if (at < 0) return false;
  found.set(key, at);
  return true;
}
/** Where each page's last snippet was found, for the next search to start. */
const FOUND_AT = new WeakMap<string[], Map<string, number>>();

/**
 * The server's own check of any suggestion (from rules or a model): the snippet is in the page's text
 * and the value as printed is in the snippet. A suggestion that fails is dropped, never shown.
 */
export function verifySuggestion(pages: string[], s: Suggestion): boolean {
  const page = pages[s.source.page - 1];
  if (page === undefined || !s.source.snippet.trim()) return false;
  const snip = squash(s.source.snippet);
  // A statement's row is quoted without the English its bilingual table glosses it with.
  if (!printedOn(pages, s.source.page - 1, false, snip) && !printedOn(pages, s.source.page - 1, true, snip)) return false;
  if (!snip.includes(squash(s.raw))) return false;
  if (typeof s.value === 'number') return true;
  // A code from any path (a model's too) must carry its GB 32100 check character, as the rules require.
  if (s.field === 'creditCode') return checkCreditCode(s.value).ok && snip.toUpperCase().includes(s.value);
  // An interview answer (「否」 to 独立法人资格) is a reading of the printed words, not a copy: the words must be printed.
  if (s.field.startsWith('ent.')) return true;
  // A date is printed 「2011年4月20日」 and suggested as 2011-04-20: the printed form must say the same day.
  if (/^\d{4}-\d{2}-\d{2}$/.test(s.value)) return printedDate(squash(s.raw))?.iso === s.value;
  // A founding month (2009-08) is printed 「2009年8月」, 「2009.8」 or 「二〇〇九年八月」: the printed form must say the same month.
  if (s.field === 'foundedOn' && /^\d{4}-\d{2}$/.test(s.value)) return printedMonthOrDate(squash(s.raw))?.iso === s.value;
  return snip.includes(squash(s.value));
}
