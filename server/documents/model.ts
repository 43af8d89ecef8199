import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { dataBlock, fill } from '../llm/prompts';
import type { Llm } from '../llm/provider';
import { squash, type Suggestion } from './extract';
import { findQuantities, inUnit } from '../understand/numbers';

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

/**
 * The value the model gave must be what the snippet prints: the same text, the same day, or the same amount in
 * 万元, from figures (「32,105.80万元」) or Chinese numerals (「二千一百万元」, 「三点二亿元」).
 */
function consistent(value: string | number, printed: string): boolean {
  const p = squash(printed);
  if (typeof value === 'number') {
    const n = Number(p.replace(/[,，]/g, '').replace(/(万元|亿元|元|万|亿)$/, ''));
    if (!Number.isFinite(n)) {
      const q = findQuantities(p.toLowerCase());
      const wan = q.length === 1 && q[0]!.text === p ? inUnit(q[0]!, '万元') : undefined;
      return wan !== undefined && same(wan, value);
    }
    const scaled = /亿/.test(p) ? n * 10000 : /万/.test(p) ? n : [n, n / 10000];
    return [scaled].flat().some((x) => same(x, value));
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

/**
 * With a model configured: each page is cut with LangChain's text splitter and each piece goes to a
 * structured-output call. Every fact comes back with its snippet; the caller keeps a fact only when
 * the snippet is in the page and the value is in the snippet (verifySuggestion), so an invented
 * value never reaches the user.
 */
export async function extractWithModel(llm: Llm, pages: string[], file: string, fields: string[], signal?: AbortSignal): Promise<Suggestion[]> {
  // Loaded here, not at the top: only model extraction needs it, and the offline server starts faster without it.
  const { RecursiveCharacterTextSplitter } = await import('@langchain/textsplitters');
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
      if (!allowed.has(f.field) || !squash(f.snippet).includes(squash(f.printed)) || !consistent(f.value, f.printed)) continue;
      if (typeof f.value === 'number' && (hedged(f.snippet, f.printed) || otherYear(f.field, f.snippet))) continue;
      out.push({ field: f.field, value: f.value, raw: f.printed, source: { file, page: c.page, snippet: f.snippet } });
    }
  }
  return out;
}
