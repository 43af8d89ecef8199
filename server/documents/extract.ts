import type { FormDrafting } from '../knowledge/schemas/forms';
import { checkCreditCode } from '../forms/creditCode';
import { isRealDate } from '../schemas/forms';

/** A fact read from a document, for the user to accept or edit: never filled in on its own. */
export interface Suggestion {
  /** Form-facts name: "creditCode", "foundedOn", "finance.2022.revenue". */
  field: string;
  value: string | number;
  /** The text of the value as the document prints it (「860,000,000.00」), when the value is converted (元 → 万元). */
  raw: string;
  source: { file: string; page: number; snippet: string };
}

/** PDF text puts spaces between CJK and digits (「2011 年 4 月」); whitespace is not part of a fact. */
export function squash(s: string): string {
  return s.replace(/\s+/g, '');
}

/** Lines of a page with whitespace collapsed. */
function lines(page: string): string[] {
  return page
    .split('\n')
    .map((l) => l.replace(/\s+/g, ' ').trim())
    .filter(Boolean);
}

const CODE = /(?<![0-9A-Z])[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}(?![0-9A-Z])/g;
const NUM = /^-?\(?[\d,]+(?:\.\d+)?\)?$/;

function labelled(line: string, labels: string[]): string | null {
  for (const l of labels) {
    const m = new RegExp(`^${l.split('').join('\\s*')}\\s*[：:]\\s*(.+)$`).exec(line);
    if (m) return m[1]!.trim();
  }
  return null;
}

function toNumber(raw: string): number | null {
  const neg = /^\(.*\)$/.test(raw) || raw.startsWith('-');
  const n = Number(raw.replace(/[(),\-]/g, ''));
  return Number.isFinite(n) ? (neg ? -n : n) : null;
}

/**
 * Offline rules for what has a fixed shape: the credit code (with its GB 32100 check character), the
 * name, 成立日期, 注册资本, the address, and the three-year lines of an audit report's statements.
 */
export function extractByRules(pages: string[], file: string, docs: FormDrafting['documents']): Suggestion[] {
  const out: Suggestion[] = [];
  const L = docs.labels;
  const seen = new Set<string>();
  const add = (s: Suggestion) => {
    if (seen.has(s.field)) return;
    seen.add(s.field);
    out.push(s);
  };
  pages.forEach((page, i) => {
    const pageNo = i + 1;
    const ls = lines(page);
    for (const line of ls) {
      for (const m of line.matchAll(CODE)) if (checkCreditCode(m[0]).ok) add({ field: 'creditCode', value: m[0], raw: m[0], source: { file, page: pageNo, snippet: line } });
      const name = labelled(line, L.name!);
      if (name) {
        const n = /^(\S+?(?:有限责任公司|股份有限公司|有限公司|集团公司|公司|厂))/.exec(squash(name))?.[1];
        if (n) add({ field: 'name', value: n, raw: n, source: { file, page: pageNo, snippet: line } });
      }
      const founded = labelled(line, L.foundedOn!);
      if (founded) {
        const d = /(\d{4})\s*[年\-./]\s*(\d{1,2})\s*[月\-./]\s*(\d{1,2})/.exec(founded);
        if (d) {
          const v = `${d[1]}-${d[2]!.padStart(2, '0')}-${d[3]!.padStart(2, '0')}`;
          if (isRealDate(v)) add({ field: 'foundedOn', value: v, raw: d[0], source: { file, page: pageNo, snippet: line } });
        }
      }
      const cap = labelled(line, L.registeredCapital!);
      if (cap) {
        const c = /([\d,]+(?:\.\d+)?)\s*(亿元|万元|元)/.exec(cap);
        const n = c ? toNumber(c[1]!) : null;
        if (c && n !== null) add({ field: 'registeredCapital', value: Number((c[2] === '亿元' ? n * 10000 : c[2] === '元' ? n / 10000 : n).toPrecision(12)), raw: c[0], source: { file, page: pageNo, snippet: line } });
      }
      const addr = labelled(line, L.address!);
      if (addr && /[省市县区镇路街号]/.test(addr)) add({ field: 'address', value: squash(addr), raw: addr, source: { file, page: pageNo, snippet: line } });
    }
    for (const s of financeLines(page, pageNo, file, docs)) add(s);
  });
  return out;
}

/**
 * The statements' rows: a header of years (「2022年度 2021年度 2020年度」), then each labelled row's
 * figures in the header's order, converted to 万元 by the unit the document states.
 */
function financeLines(page: string, pageNo: number, file: string, docs: FormDrafting['documents']): Suggestion[] {
  const text = page.replace(/(\d{4})\s*年\s*(度|末)?/g, '$1年$2');
  const unit = /单位\s*[：:]\s*(?:人民币)?\s*(万元|元)/.exec(text)?.[1];
  if (!unit) return [];
  const scale = unit === '元' ? 1 / 10000 : 1;
  const tokens = text.split(/\s+/).filter(Boolean);
  let years: string[] = [];
  for (let i = 0; i < tokens.length && !years.length; i++) {
    const run: string[] = [];
    for (let j = i; j < tokens.length && /^(20\d{2})年(度|末)?$/.test(tokens[j]!); j++) run.push(tokens[j]!.slice(0, 4));
    if (run.length >= 2) years = run;
  }
  if (!years.length) return [];
  const out: Suggestion[] = [];
  for (const key of ['totalAssets', 'totalLiabilities', 'revenue', 'profit', 'tax'] as const) {
    const labels = docs.labels[`finance.${key}`] ?? [];
    let idx = -1;
    for (const l of labels) {
      idx = tokens.findIndex((t) => t === l);
      if (idx >= 0) break;
    }
    if (idx < 0) continue;
    const figures = tokens.slice(idx + 1, idx + 1 + years.length);
    if (figures.length < years.length || !figures.every((f) => NUM.test(f))) continue;
    const snippet = [tokens[idx]!, ...figures].join(' ');
    years.forEach((y, k) => {
      const n = toNumber(figures[k]!);
      if (n === null) return;
      out.push({ field: `finance.${y}.${key}`, value: Number((n * scale).toPrecision(12)), raw: figures[k]!, source: { file, page: pageNo, snippet } });
    });
  }
  return out;
}

/**
 * The server's own check of any suggestion (from rules or a model): the snippet is in the page's text
 * and the value as printed is in the snippet. A suggestion that fails is dropped, never shown.
 */
export function verifySuggestion(pages: string[], s: Suggestion): boolean {
  const page = pages[s.source.page - 1];
  if (page === undefined || !s.source.snippet.trim()) return false;
  const snip = squash(s.source.snippet);
  if (!squash(page).includes(snip)) return false;
  if (!snip.includes(squash(s.raw))) return false;
  if (typeof s.value === 'number') return true;
  // A date is printed 「2011年4月20日」 and suggested as 2011-04-20: the printed form must say the same day.
  const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s.value);
  if (d) return new RegExp(`${d[1]}年0?${Number(d[2])}月0?${Number(d[3])}|${d[1]}[-./]${d[2]}[-./]${d[3]}`).test(squash(s.raw));
  return snip.includes(squash(s.value));
}
