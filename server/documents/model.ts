import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { dataBlock, fill } from '../llm/prompts';
import type { Llm } from '../llm/provider';
import type { FormDrafting } from '../knowledge/schemas/forms';
import { checkCreditCode } from '../forms/creditCode';
import { namesOtherSubject, squash, type Suggestion } from './extract';
import { findQuantities, inUnit } from '../understand/numbers';
import { importPackage } from '../import-package';

const TOOL = 'record_document_facts';
const PROMPT_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../prompts');
const prompt = (name: string) => readFileSync(resolve(PROMPT_DIR, `${name}.md`), 'utf8').trim();

/** Chunks per document sent to the model: a long annual report is cut, not sent whole. */
const MAX_CHUNKS = 12;

const Extracted = z.object({
  facts: z
    .array(z.object({ field: z.string().max(60), value: z.union([z.string().max(300), z.number().finite()]), printed: z.string().max(120), snippet: z.string().max(400) }))
    .max(40),
});

const same = (x: number, value: number) => Math.abs(x - value) <= Math.max(1e-6, Math.abs(value) * 1e-9);

/** 万元 per unit of an amount as printed. */
const WAN_PER: Record<string, number> = { 元: 1 / 10000, 千元: 1 / 10, 万元: 1, 万: 1, 百万元: 100, 亿元: 10000, 亿: 10000 };
const UNIT_AFTER = /^(百万元|千元|万元|亿元|元|万|亿)/;
const PAGE_UNIT = /单位\s*[：:]\s*(?:人民币)?\s*(百万元|千元|万元|亿元|元)/g;

/**
 * The value the model gave must be what the snippet prints: the same text, the same day, or the same amount in
 * 万元, from figures (「32,105.80万元」) or Chinese numerals (「二千一百万元」, 「三点二亿元」). A bare figure takes the
 * unit printed after it or stated for the page (「单位：元」); with none, the amount cannot be read and is refused.
 */
function consistent(value: string | number, printed: string, unit?: string): boolean {
  const p = squash(printed);
  if (typeof value === 'number') {
    const bare = p.replace(/[,，]/g, '');
    const own = /(百万元|千元|万元|亿元|元|万|亿)$/.exec(bare)?.[1];
    const n = Number(own ? bare.slice(0, -own.length) : bare);
    if (!Number.isFinite(n)) {
      const q = findQuantities(p.toLowerCase());
      const wan = q.length === 1 && q[0]!.text === p ? inUnit(q[0]!, '万元') : undefined;
      return wan !== undefined && same(wan, value);
    }
    const u = own ?? unit;
    // 86,000,000元 is 8600 万元: a figure in 元 taken as 万元 would be ten thousand times the fact.
    return u !== undefined && same(Number((n * WAN_PER[u]!).toPrecision(12)), value);
  }
  const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (d) return new RegExp(`${d[1]}年0?${Number(d[2])}月0?${Number(d[3])}日?|${d[1]}[-./]${d[2]}[-./]${d[3]}`).test(p);
  return p.includes(squash(value));
}

/**
 * Whether the snippet qualifies the printed amount as a round figure (「约三点二亿元」, 「八百余人」, 「超过2000万元」):
 * the form asks for the amount itself, which such a sentence does not give.
 */
function hedged(snippet: string, printed: string): boolean {
  const text = squash(snippet).toLowerCase();
  const p = squash(printed).toLowerCase();
  const at = text.indexOf(p);
  if (at < 0) return true;
  return findQuantities(text).some((q) => q.approx && q.index < at + p.length && q.index + q.text.length > at);
}

/** A year's figure whose snippet names years, none of them the field's (「2021年营业收入…」 given as 2022's). */
function otherYear(field: string, snippet: string): boolean {
  const y = /^finance\.(\d{4})\./.exec(field)?.[1];
  if (!y) return false;
  const named = [...squash(snippet).matchAll(/(20\d{2})年/g)].map((m) => m[1]);
  return named.length > 0 && !named.includes(y);
}

/** The field's key in the knowledge's labels: 「finance.2022.revenue」 → 「finance.revenue」, a workshop's figure the first's. */
const labelKey = (field: string) => field.replace(/^finance\.\d{4}\./, 'finance.').replace(/^ws\.\d+\./, 'ws.1.');

/** Fields that hold a count (of people, of equipment) rather than an amount of money: their figure has no 万元 to convert. */
function countFields(docs: FormDrafting['documents']): Set<string> {
  return new Set([...Object.keys(docs.prose.counts), ...docs.prose.project.filter((p) => p.unit === '台套').map((p) => p.field)]);
}

/** A count as printed, its unit after it or not (「168台（套）」, 「1,386人」), is the value itself. */
const sameCount = (value: number, printed: string) => {
  const n = /^([\d,]+)(?:台（套）|台\(套\)|台套|台|套|人|名)?$/.exec(squash(printed))?.[1];
  return n !== undefined && Number(n.replace(/,/g, '')) === value;
};

/** Every label word the knowledge knows, with the field it names (null: a particular the form does not ask). */
function labelWords(docs: FormDrafting['documents']): { word: string; key: string | null }[] {
  const out: { word: string; key: string | null }[] = [];
  for (const [key, words] of Object.entries(docs.labels)) for (const w of words) out.push({ word: w, key });
  for (const [key, words] of Object.entries(docs.proseLabels ?? {})) for (const w of words) out.push({ word: w, key });
  for (const w of docs.otherLabels) out.push({ word: w, key: null });
  // The head counts' and the project's own labels, as the rules read them in prose.
  for (const [key, words] of Object.entries(docs.prose.counts)) for (const w of words) out.push({ word: w, key });
  for (const p of docs.prose.project) for (const w of p.labels) out.push({ word: w, key: p.field });
  return out;
}

/** Characters allowed between a label and its value: 「营业收入为」, 「注册资本：人民币」, 「成立于」. */
const MAX_GAP = 8;

/**
 * Whether the snippet prints the value as this field's: the label nearest before the value is one of the
 * field's own (so 「利润总额6300万元」 is no revenue and 「营业期限：2011年4月20日」 no founding date), a year's
 * figure names that year nearest before it, an amount has a unit, a name or an address is printed whole and
 * given as printed (「…有限公司洛阳分公司」 is not 「…有限公司」), and a credit code has its check character.
 */
export function fitsField(f: { field: string; value: string | number; printed: string; snippet: string }, docs: FormDrafting['documents'], page = ''): boolean {
  const s = squash(f.snippet);
  const p = squash(f.printed);
  const key = labelKey(f.field);
  const words = labelWords(docs);
  if (f.field === 'creditCode' && (typeof f.value !== 'string' || !checkCreditCode(f.value).ok)) return false;
  const year = /^finance\.(\d{4})\./.exec(f.field)?.[1];
  const count = countFields(docs).has(key);
  const money = typeof f.value === 'number' && !count;
  if (count && (typeof f.value !== 'number' || !sameCount(f.value, f.printed))) return false;
  for (let at = s.indexOf(p); at >= 0; at = s.indexOf(p, at + 1)) {
    // The label nearest before the value, the longest where two end at the same place (利润总额 over 利润).
    let best: { word: string; key: string | null; end: number } | undefined;
    for (const w of words)
      for (let i = s.indexOf(w.word); i >= 0 && i + w.word.length <= at; i = s.indexOf(w.word, i + 1)) {
        const end = i + w.word.length;
        if (!best || end > best.end || (end === best.end && w.word.length > best.word.length)) best = { ...w, end };
      }
    if (!best || best.key !== key || at - best.end > MAX_GAP) continue;
    // The clause of the figure names its subject: 「集团年营收50亿元」 is the group's, not the enterprise's.
    if (money && namesOtherSubject(s.slice(Math.max(0, ...[...'，,。；;'].map((c) => s.lastIndexOf(c, at))) , at), docs)) continue;
    if (typeof f.value === 'string' && !/^\d{4}-\d{2}-\d{2}$/.test(f.value)) {
      // A name or address is the whole of what is printed after its label, never a part of it.
      if (squash(f.value) !== p) continue;
      if (/^[\p{Script=Han}A-Za-z0-9]/u.test(s.slice(at + p.length))) continue;
    }
    if (year) {
      const before = [...s.slice(0, at).matchAll(/(20\d{2})年/g)].map((m) => m[1]);
      const after = [...s.slice(at).matchAll(/(20\d{2})年/g)].map((m) => m[1]);
      if (before.length ? before.at(-1) !== year : !after.includes(year)) continue;
    }
    if (money) {
      // The unit printed with the figure, after it, in the snippet (「单位：元」), or stated on the page before it.
      const after = UNIT_AFTER.exec(s.slice(at + p.length))?.[1];
      const sp = squash(page);
      const stated = [...s.matchAll(PAGE_UNIT)].at(-1)?.[1] ?? [...sp.slice(0, Math.max(0, sp.indexOf(s))).matchAll(PAGE_UNIT)].at(-1)?.[1];
      if (!consistent(f.value, f.printed, after ?? stated)) continue;
    }
    return true;
  }
  return false;
}

/**
 * With a model configured: each page is cut with LangChain's text splitter and each piece goes to a
 * structured-output call. Every fact comes back with its snippet; the caller keeps a fact only when
 * the snippet is in the page and the value is in the snippet (verifySuggestion), so an invented
 * value never reaches the user.
 */
export async function extractWithModel(llm: Llm, pages: string[], file: string, fields: string[], docs: FormDrafting['documents'], signal?: AbortSignal): Promise<Suggestion[]> {
  // Loaded here, not at the top: only model extraction needs it, and the offline server starts faster without it.
  const { RecursiveCharacterTextSplitter } = await importPackage<typeof import('@langchain/textsplitters')>('@langchain/textsplitters');
  const splitter = new RecursiveCharacterTextSplitter({ chunkSize: 1800, chunkOverlap: 150, separators: ['\n\n', '\n', '。', '；', ' ', ''] });
  const chunks: { page: number; text: string }[] = [];
  for (const [i, page] of pages.entries()) for (const text of await splitter.splitText(page)) if (chunks.length < MAX_CHUNKS) chunks.push({ page: i + 1, text });
  const out: Suggestion[] = [];
  const allowed = new Set(fields);
  for (const c of chunks) {
    const r = await llm.callTool({
      messages: [
        { role: 'system', content: prompt('document-extract-system').replaceAll('{{tool}}', TOOL) },
        // fill(), not String.replace with a string: a document's own 「$`」 or 「$'」 would be read as a replacement pattern.
        { role: 'user', content: fill(prompt('document-extract-user'), { fields: fields.join('、'), text: dataBlock('材料原文', c.text) }) },
      ],
      tool: { name: TOOL, description: '记录材料原文中明确写出的企业事实，每项附原文摘录', parameters: Extracted },
      temperature: 0,
      signal,
    });
    for (const f of r.facts) {
      // An amount's unit may be printed after it or for the page: fitsField reads it there.
      if (!allowed.has(f.field) || !squash(f.snippet).includes(squash(f.printed)) || (typeof f.value !== 'number' && !consistent(f.value, f.printed))) continue;
      if (typeof f.value === 'number' && (hedged(f.snippet, f.printed) || otherYear(f.field, f.snippet))) continue;
      if (!fitsField(f, docs, pages[c.page - 1])) continue;
      out.push({ field: f.field, value: f.value, raw: f.printed, source: { file, page: c.page, snippet: f.snippet } });
    }
  }
  return out;
}
