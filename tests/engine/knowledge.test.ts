import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { KnowledgeError, loadKnowledgeData } from '../../server/knowledge/load';
import { CAPABILITY_IDS } from '../../server/schemas/profile';
import { realKb } from './kb';

const SOURCE = resolve(__dirname, '../../knowledge/henan-2023');
const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** Copies the real knowledge version, lets the test break one file, and loads it. */
function loadBroken(file: string, breakIt: (json: any) => void) {
  const root = mkdtempSync(join(tmpdir(), 'zhizao-kb-'));
  dirs.push(root);
  cpSync(SOURCE, join(root, 'henan-2023'), { recursive: true });
  const path = join(root, 'henan-2023', file);
  const json = JSON.parse(readFileSync(path, 'utf8'));
  breakIt(json);
  writeFileSync(path, JSON.stringify(json));
  return () => loadKnowledgeData(root, 'henan-2023');
}

function errorOf(load: () => unknown): KnowledgeError {
  try {
    load();
  } catch (e) {
    if (e instanceof KnowledgeError) return e;
    throw e;
  }
  throw new Error('the broken file was accepted');
}

describe('the engine knowledge files reject broken data, naming the file and the field', () => {
  it('rejects capabilities.json when a capability of the contract is missing', () => {
    const e = errorOf(loadBroken('capabilities.json', (j) => (j.capabilities = j.capabilities.filter((c: any) => c.id !== 'mes'))));
    expect(e.file).toMatch(/capabilities\.json$/);
    expect(e.message).toContain('缺少能力 mes');
  });

  it('rejects capabilities.json when a capability has no aliases', () => {
    const e = errorOf(loadBroken('capabilities.json', (j) => (j.capabilities[3].aliases = [])));
    expect(e.message).toContain('capabilities.3.aliases');
  });

  it('rejects elements.json when a requirement names an unknown capability', () => {
    const e = errorOf(loadBroken('elements.json', (j) => (j.categories.smartWorkshop.elements[0].requirements[0].all = ['teleporter'])));
    expect(e.file).toMatch(/elements\.json$/);
    expect(e.message).toContain('categories.smartWorkshop.elements.0.requirements.0.all.0');
  });

  it('rejects elements.json when a requirement mixes capabilities and a self-assessment', () => {
    const e = errorOf(loadBroken('elements.json', (j) => (j.categories.smartWorkshop.elements[1].requirements[0].all = ['mes'])));
    expect(e.message).toContain('categories.smartWorkshop.elements.1.requirements.0');
  });

  it('rejects elements.json when an element clause does not follow the notice numbering', () => {
    const e = errorOf(loadBroken('elements.json', (j) => (j.categories.discreteFactory.elements[2].clause = '3.2.3')));
    expect(e.message).toContain('categories.discreteFactory.elements.2.clause');
  });

  it('rejects a requirement met by any one capability unless it rests on an anyOf reading of the notice', () => {
    const e = errorOf(
      loadBroken('elements.json', (j) => {
        const req = j.categories.processFactory.elements.find((el: any) => el.clause === '三(三)4').requirements[1];
        req.qualifiers = req.qualifiers.map((q: any) => ({ ...q, reading: 'allNamed' }));
      }),
    );
    expect(e.file).toMatch(/elements\.json$/);
    expect(e.message).toContain('anyOf');
  });

  it('rejects an asNeeded requirement without the advice that keeps its qualifier', () => {
    const e = errorOf(
      loadBroken('elements.json', (j) => {
        delete j.categories.smartWorkshop.elements.find((el: any) => el.clause === '三(一)6').requirements[1].advice;
      }),
    );
    expect(e.message).toContain('qualifiers');
  });

  it('rejects a qualifier whose reading is not one of the four', () => {
    const e = errorOf(loadBroken('elements.json', (j) => (j.categories.smartWorkshop.elements[0].requirements[0].qualifiers[0].reading = 'loosely')));
    expect(e.message).toContain('categories.smartWorkshop.elements.0.requirements.0.qualifiers.0.reading');
  });

  it('rejects a hard condition without the remedy that says what would change the answer', () => {
    const e = errorOf(loadBroken('category-rules.json', (j) => delete j.hard.groupOrHeadOffice.remedy));
    expect(e.message).toContain('hard.groupOrHeadOffice.remedy');
  });

  it('rejects category-rules.json when a hard-condition text is missing', () => {
    const e = errorOf(loadBroken('category-rules.json', (j) => delete j.hard.appliedThisYear));
    expect(e.file).toMatch(/category-rules\.json$/);
    expect(e.message).toContain('hard.appliedThisYear');
  });

  it('rejects interview.json when a question sets an unknown profile field', () => {
    const e = errorOf(loadBroken('interview.json', (j) => (j.questions[0].sets = 'enterprise.favouriteColour')));
    expect(e.file).toMatch(/interview\.json$/);
    expect(e.message).toContain('questions.0.sets');
  });

  it('rejects interview.json when a question id is duplicated or a capability cannot be asked', () => {
    expect(errorOf(loadBroken('interview.json', (j) => (j.questions[1].id = j.questions[0].id))).message).toContain('问题 id 重复');
    const e = errorOf(loadBroken('interview.json', (j) => (j.questions = j.questions.filter((q: any) => q.id !== 'cap.andon'))));
    expect(e.message).toContain('缺少问题 cap.andon');
  });

  it('rejects a stated choice that names a value its question does not offer', () => {
    const e = errorOf(loadBroken('interview.json', (j) => (j.vocabulary.statedChoices[0].values.plant = ['工厂'])));
    expect(e.message).toContain('vocabulary.statedChoices.0.values.plant');
  });

  it('rejects a choice question whose map does not cover every choice', () => {
    const e = errorOf(loadBroken('interview.json', (j) => delete j.questions.find((q: any) => q.id === 'cat.scope').map.unsure));
    expect(e.message).toContain('map');
  });
});

describe('the engine knowledge data is consistent with the notice', () => {
  const kb = realKb();
  const clauseText = (id: string) =>
    kb.clauses
      .filter((c) => c.id === id || c.id.startsWith(id))
      .map((c) => c.text)
      .join('')
      .replace(/\s/g, '');

  it('quotes the notice verbatim in every help text, under the clause it names', () => {
    const helps = kb.interview.questions.flatMap((q) => [{ id: q.id, help: q.help }, ...Object.values(q.byCategory ?? {}).map((o) => ({ id: q.id, help: o!.help }))]);
    let quotes = 0;
    for (const { id, help } of helps) {
      const parts = [...help.matchAll(/([一二三四五六七八九十]+(?:\([一二三四五六七八九十]+\)\d*)?)：“(.*?)”(?=；|$)/g)];
      expect(parts.length, `${id}: ${help}`).toBeGreaterThan(0);
      for (const [, clause, quote] of parts) {
        for (const piece of quote.split('……')) {
          expect(clauseText(clause), `${id} quotes ${clause}: ${piece}`).toContain(piece.replace(/\s/g, ''));
          quotes++;
        }
      }
    }
    expect(quotes).toBeGreaterThan(kb.interview.questions.length);
  });

  it('lists for each capability exactly the element clauses that require it', () => {
    const required = new Map<string, Set<string>>(CAPABILITY_IDS.map((id) => [id, new Set()]));
    for (const cat of Object.values(kb.elements.categories)) {
      for (const el of cat.elements) {
        const reqs = [...(el.requirements ?? []), ...(el.branches?.discrete ?? []), ...(el.branches?.process ?? [])];
        for (const r of reqs) for (const id of [...(r.all ?? []), ...(r.any ?? [])]) required.get(id)!.add(el.clause);
      }
    }
    for (const c of kb.capabilities.capabilities) expect([...c.clauses].sort(), c.id).toEqual([...required.get(c.id)!].sort());
  });

  it('cites only clauses that exist in the notice', () => {
    const ids = new Set(kb.clauses.map((c) => c.id));
    const cited = [
      ...kb.interview.questions.flatMap((q) => [q.clause, ...Object.values(q.byCategory ?? {}).map((o) => o!.clause)]),
      ...Object.values(kb.elements.categories).flatMap((c) => [c.clause, ...c.elements.map((e) => e.clause)]),
      ...Object.values(kb.categoryRules.hard).map((h) => h.clause),
      ...Object.values(kb.categoryRules.notes).map((n) => n.clause),
      ...kb.capabilities.capabilities.flatMap((c) => c.clauses),
    ];
    for (const c of cited) expect(ids.has(c), c).toBe(true);
  });

  it('asks every element question under a clause of the category it serves', () => {
    for (const [cat, spec] of Object.entries(kb.elements.categories)) {
      const clauses = new Set(spec.elements.map((e) => e.clause));
      for (const el of spec.elements) {
        const reqs = [...(el.requirements ?? []), ...(el.branches?.discrete ?? []), ...(el.branches?.process ?? [])];
        const ids = reqs.flatMap((r) => [...(r.all ?? []), ...(r.any ?? [])].map((id) => `cap.${id}`).concat(r.self ? [`self.${r.self}`, `metric.${r.metric}`] : []));
        for (const id of ids) {
          const q = kb.interview.questions.find((x) => x.id === id)!;
          const clause = q.byCategory?.[cat as keyof typeof q.byCategory]?.clause ?? q.clause;
          expect(clauses.has(clause), `${cat} asks ${q.id} under ${clause}`).toBe(true);
        }
      }
    }
  });
});
