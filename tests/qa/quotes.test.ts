import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createKnowledgeBase } from '../../server/knowledge/base';
import { loadKnowledgeData } from '../../server/knowledge/load';
import { answerQuestion } from '../../server/qa/answer';
import { isVerbatim, quoteUnits, renderUnit } from '../../server/qa/quote';
import devSet from '../fixtures/questions.json';
import paraphrases from '../fixtures/paraphrase-questions.json';
import unseen from '../fixtures/unseen-questions.json';
import short from '../fixtures/short-questions.json';

const root = resolve(__dirname, '../..');
const kb = createKnowledgeBase(loadKnowledgeData(join(root, 'knowledge'), 'henan-2023'));
const notice = kb.data.clauses.map((c) => c.text).join('\n');

/** Text between Chinese quotation marks long enough to be a quote of the notice rather than a name or a label; a {placeholder} is checked once filled. */
function quotedSegments(text: string): string[] {
  return [...text.matchAll(/“([^“”]+)”/g)].map((m) => m[1]!).filter((s) => !s.includes('{') && s.replace(/[…\s]/g, '').length >= 8);
}

/** Every string inside a JSON value, with its path. */
function strings(value: unknown, path = ''): [string, string][] {
  if (typeof value === 'string') return [[path, value]];
  if (Array.isArray(value)) return value.flatMap((v, i) => strings(v, `${path}[${i}]`));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => strings(v, path ? `${path}.${k}` : k));
  return [];
}

describe('every citation quote in the product is notice text', () => {
  it('quotes units of a clause verbatim, with 「…」 where a sentence was cut', () => {
    for (const c of kb.data.clauses) {
      for (const u of quoteUnits(c.text)) expect(isVerbatim(renderUnit(u), c.text), `${c.id}: ${renderUnit(u)}`).toBe(true);
    }
  });

  it('rejects a summary presented as a quote', () => {
    const c = kb.clause('三(三)')!;
    expect(isVerbatim('流程型智能工厂：信息基础设施；研发设计；生产制造', c.text)).toBe(false);
    expect(isVerbatim('应用分布式控制系统（DCS）…应用安全仪表系统（SIS）', kb.clause('三(三)3')!.text)).toBe(true);
  });

  it('every citation of every answer-base entry is a verbatim quote of the clause it names', () => {
    const bad: string[] = [];
    for (const p of kb.answers.entries) {
      for (const c of [...p.citations, ...p.quotes, ...p.items.flatMap((i) => i.citations)]) if (!isVerbatim(c.quote, kb.clause(c.clause)!.text)) bad.push(`${p.entry.id} ${c.clause}: ${c.quote}`);
    }
    expect(bad).toEqual([]);
  });

  it('every citation of the answers to every fixture question is verbatim, and so is each quote in the answer text', () => {
    const bad: string[] = [];
    for (const { q } of [...devSet, ...paraphrases, ...unseen, ...short]) {
      const r = answerQuestion(kb, q);
      for (const c of r.citations) if (!isVerbatim(c.quote, kb.clause(c.clause)!.text)) bad.push(`${q} → ${c.clause}: ${c.quote}`);
      for (const s of quotedSegments(r.answer)) if (!isVerbatim(s, notice)) bad.push(`${q} → answer quotes “${s}”`);
    }
    expect(bad).toEqual([]);
  });

  it('every acronym the lexicon knows, asked what it means, is answered with notice text only', () => {
    const bad: string[] = [];
    const acronyms = kb.data.lexicon.entries.flatMap((e) => e.aliases).filter((a) => /^[A-Za-z][A-Za-z0-9]+$/u.test(a));
    for (const a of acronyms) {
      const q = `${a}是什么意思`;
      const r = answerQuestion(kb, q);
      for (const c of r.citations) if (!isVerbatim(c.quote, kb.clause(c.clause)!.text)) bad.push(`${q} → ${c.clause}: ${c.quote}`);
      for (const s of quotedSegments(r.answer)) if (!isVerbatim(s, notice)) bad.push(`${q} → answer quotes “${s}”`);
    }
    expect(acronyms.length).toBeGreaterThan(20);
    expect(bad).toEqual([]);
  });

  it('every quotation in the answer base, the intents, the engine knowledge and the drafting templates is notice text', () => {
    const dir = join(root, 'knowledge/henan-2023');
    const files = ['answer-base.json', 'intents.json', 'elements.json', 'capabilities.json', 'category-rules.json', 'interview.json', 'form-drafting.json', 'form-questions.json'];
    const bad: string[] = [];
    for (const f of files) {
      for (const [path, text] of strings(JSON.parse(readFileSync(join(dir, f), 'utf8')))) {
        for (const s of quotedSegments(text)) if (!isVerbatim(s, notice)) bad.push(`${f} ${path}: “${s}”`);
      }
    }
    const templates = join(root, 'prompts/templates');
    for (const f of readdirSync(templates).filter((n) => n.endsWith('.md'))) {
      for (const s of quotedSegments(readFileSync(join(templates, f), 'utf8'))) if (!isVerbatim(s, notice)) bad.push(`prompts/templates/${f}: “${s}”`);
    }
    expect(bad).toEqual([]);
  });
});
