import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createKnowledgeBase } from '../../server/knowledge/base';
import { loadKnowledgeData } from '../../server/knowledge/load';
import { answerQuestion } from '../../server/qa/answer';
import { entryQuestion } from '../../server/qa/layer';
import { understanderFor } from '../../server/understand';
import paraphrases from '../fixtures/paraphrase-questions.json';

const knowledgeDir = resolve(__dirname, '../../knowledge');
const kb = createKnowledgeBase(loadKnowledgeData(knowledgeDir, 'henan-2023'));
const u = understanderFor(kb.data);
const entries = kb.data.answerBase.entries;

/** Opening words that state each kind of conclusion; the first sentence must start with one. */
const OPENINGS: Record<string, RegExp> = {
  yes: /^(是|可以|能|要|会|都要|要有|要广泛采用|要在|有|要填|要写)/u,
  no: /^(不|没有|通知没有要求)/u,
};

/** A copy of the knowledge version with answer-base.json changed, to see what the loader makes of it. */
function withAnswerBase(change: (base: { entries: Record<string, unknown>[] }) => void): () => unknown {
  const dir = mkdtempSync(join(tmpdir(), 'zz-ab-'));
  cpSync(join(knowledgeDir, 'henan-2023'), join(dir, 'henan-2023'), { recursive: true });
  const file = join(dir, 'henan-2023', 'answer-base.json');
  const base = JSON.parse(readFileSync(file, 'utf8'));
  change(base);
  writeFileSync(file, JSON.stringify(base));
  return () => {
    try {
      return createKnowledgeBase(loadKnowledgeData(dir, 'henan-2023'));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };
}

describe('the answer base', () => {
  it('holds two hundred entries or more, each asked several ways', () => {
    expect(entries.length).toBeGreaterThanOrEqual(200);
    expect(entries.every((e) => e.questions.length >= 2)).toBe(true);
  });

  it('never maps one phrasing to two entries, so no two entries can contradict on the same question', () => {
    const seen = new Map<string, string>();
    const clashes: string[] = [];
    for (const e of entries) {
      for (const q of e.questions) {
        const key = u.understand(q).text.replace(/[?？。!！\s]/gu, '');
        const other = seen.get(key);
        if (other && other !== e.id) clashes.push(`${q}: ${other} / ${e.id}`);
        seen.set(key, e.id);
      }
    }
    expect(clashes).toEqual([]);
  });

  it('answers each of its own phrasings with that entry, or with one that reaches the same kind of conclusion', () => {
    const wrong: string[] = [];
    let own = 0;
    let total = 0;
    for (const e of entries) {
      for (const q of e.questions) {
        total++;
        const [m] = kb.answers.match(u.understand(q).text, 1);
        if (m?.prepared.entry.id === e.id) own++;
        else if (m?.prepared.entry.conclusion !== e.conclusion) wrong.push(`${q} → ${m?.prepared.entry.id ?? 'nothing'} (${m?.prepared.entry.conclusion}), written for ${e.id} (${e.conclusion})`);
      }
    }
    expect(wrong).toEqual([]);
    // Measured share of phrasings that come back to their own entry: a regression guard.
    expect(Math.round((own / total) * 1000) / 10).toBe(OWN_SHARE);
  });

  it('states yes or no first when the conclusion is yes or no', () => {
    const bad = entries.filter((e) => OPENINGS[e.conclusion] && !e.fill && !OPENINGS[e.conclusion]!.test(e.answer)).map((e) => `${e.id}: ${e.answer.slice(0, 20)}`);
    expect(bad).toEqual([]);
  });

  it('says who decides, or gives the helpline, when the notice leaves the point open', () => {
    const bad = entries.filter((e) => e.conclusion === 'open' && !/通知没有|没有规定|没有给出|没有说明|没有单列|没有市辖区|没有具体|未作规定|不完整|没有另给|没有单独|没有提到/u.test(e.answer)).map((e) => e.id);
    expect(bad).toEqual([]);
  });

  it('keeps the paraphrase set apart from its own phrasings', () => {
    const own = new Set(entries.flatMap((e) => e.questions.map((q) => u.understand(q).text.replace(/[?？。!！\s]/gu, ''))));
    const shared = paraphrases.filter((p) => own.has(u.understand(p.q).text.replace(/[?？。!！\s]/gu, ''))).map((p) => p.q);
    expect(shared).toEqual([]);
  });

  it('fills placeholders from structured data, so a quota or a phone number is never typed twice', () => {
    const r = answerQuestion(kb, '有问题该打哪个电话咨询');
    expect(r.answer).toContain(kb.data.facts.contact.phone);
    expect(r.answer).not.toMatch(/\{\w+\}/);
  });
});

describe('the answer base is checked when the knowledge loads', () => {
  it('refuses an entry that cites a clause the notice does not have, naming the file and entry', () => {
    const load = withAnswerBase((b) => {
      (b.entries[0] as { clauses: string[] }).clauses = ['三(九)'];
    });
    expect(load).toThrow(/answer-base\.json entries\.0 \(subsidiary\).*条款 三\(九\) 不存在/);
  });

  it('refuses a quote the clause does not contain', () => {
    const load = withAnswerBase((b) => {
      (b.entries[0] as { quotes: { clause: string; find: string }[] }).quotes = [{ clause: '二(一)', find: '允许分公司申报' }];
    });
    expect(load).toThrow(/中没有原文“允许分公司申报”/);
  });

  it('refuses an unknown placeholder and a yes/no answer without a quote', () => {
    expect(withAnswerBase((b) => { (b.entries[0] as { answer: string }).answer = '可以，见{nothing}。'; })).toThrow(/未知的占位符 \{nothing\}/);
    expect(withAnswerBase((b) => { (b.entries[0] as { quotes: unknown[] }).quotes = []; })).toThrow(/至少有一处通知原文引用/);
  });

  it('refuses a region kind in a guard that regions.json does not define', () => {
    expect(withAnswerBase((b) => { (b.entries[0] as { requires: string[][] }).requires = [['@city']]; })).toThrow(/answer-base\.json.*requires/);
  });
});

/** Measured share (%) of the answer base's own phrasings that match their own entry. */
const OWN_SHARE = 100;

describe('the name staff know an entry by', () => {
  const acronyms = (t: string) => new Set((t.match(/[A-Za-z]{2,}/g) ?? []).map((a) => a.toUpperCase()));

  it('is a label for every entry whose answer is computed from the question, and a label names no case its questions do not all name', () => {
    const entries = kb.data.answerBase.entries;
    expect(entries.filter((e) => e.fill && !e.label).map((e) => e.id)).toEqual([]);
    for (const e of entries.filter((x) => x.label)) {
      for (const a of acronyms(e.label!)) expect(e.questions.every((q) => acronyms(q).has(a) || !acronyms(q).size), `${e.id}: ${e.label} names ${a}`).toBe(true);
    }
  });

  it('tags a question on one acronym with no other acronym (SIS is not tagged with MES)', () => {
    // The reported question, two more wordings of it, and near-miss acronyms: each tag names no acronym the question does not.
    for (const q of ['SIS是什么', 'SIS是啥意思', 'SIS指的是什么', 'EMS是什么意思', 'ESB的全称是什么', 'APS对应通知里哪条', '郑州市可以推荐几家', '我们是造纸厂，报离散型还是流程型']) {
      const a = answerQuestion(kb, q);
      expect(a.entries?.length, q).toBeGreaterThan(0);
      for (const id of a.entries!) {
        const name = entryQuestion(kb, id)!;
        for (const named of acronyms(name)) expect(acronyms(q).has(named), `${q} → ${id}: ${name}`).toBe(true);
        expect(name, q).not.toMatch(/郑州|洛阳|南阳|化工/u);
      }
    }
    // An entry on one thing is still named by its own standard question.
    expect(entryQuestion(kb, answerQuestion(kb, '流程型工厂必须有SIS吗').entries![0]!)).toBe('流程型智能工厂要有SIS吗');
  });
});
