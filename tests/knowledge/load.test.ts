import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadKnowledgeData } from '../../server/knowledge/load';
import { createKnowledgeBase } from '../../server/knowledge/base';

const tmp: string[] = [];
afterAll(() => tmp.forEach((d) => rmSync(d, { recursive: true, force: true })));

function brokenCopy(file: string, mutate: (json: any) => void): string {
  const root = mkdtempSync(join(tmpdir(), 'zhizao-kb-'));
  tmp.push(root);
  cpSync('knowledge/henan-2023', join(root, 'henan-2023'), { recursive: true });
  const path = join(root, 'henan-2023', file);
  const json = JSON.parse(readFileSync(path, 'utf8'));
  mutate(json);
  writeFileSync(path, JSON.stringify(json));
  return root;
}

describe('the knowledge files of henan-2023', () => {
  const data = loadKnowledgeData('knowledge', 'henan-2023');
  const kb = createKnowledgeBase(data);

  it('load and validate', () => {
    expect(data.clauses.length).toBeGreaterThan(80);
    expect(kb.clause('四(三)')!.title).toContain('推荐名额');
  });

  it('cite only clauses that exist', () => {
    const cited = [
      ...data.lexicon.entries.flatMap((e) => e.clauses ?? []),
      data.regions.clause,
      data.facts.platform.clause,
      data.facts.contact.clause,
      ...data.facts.deadlines.map((d) => d.clause),
      ...data.facts.submission.video.clauses,
      ...data.facts.submission.photos.clauses,
      ...data.intents.intents.flatMap((i) => [...(i.clauses ?? []), ...(i.clause ? [i.clause] : [])]),
      ...data.manifest.categories.flatMap((c) => [c.form, c.elements]),
    ];
    for (const id of cited) expect(kb.clause(id), id).toBeDefined();
  });

  it('name the subjects of the notice\'s figures in the notice\'s own words, so a figure\'s owner is read from the text', () => {
    const text = data.clauses.map((c) => c.text).join('\n');
    const subjects = data.facts.figureSubjects ?? [];
    expect(subjects.map((x) => x.id)).toEqual(expect.arrayContaining(['bureau', 'enterprise', 'video', 'province']));
    for (const x of subjects) for (const w of x.notice) expect(text.includes(w), `${x.id}: ${w}`).toBe(true);
    // The helpline's unit names the subject its number belongs to.
    const province = subjects.find((x) => x.id === 'province')!;
    expect(province.notice.some((w) => data.facts.contact.unit.includes(w))).toBe(true);
  });

  it('list every 省辖市 of Henan with its quota', () => {
    const cities = data.regions.regions.filter((r) => r.kind === '省辖市');
    expect(cities).toHaveLength(17);
    const quota = (name: string) => data.regions.groups.find((g) => g.id === data.regions.regions.find((r) => r.name === name)!.group)!.max;
    expect(quota('郑州市')).toBe(20);
    expect(quota('洛阳市')).toBe(15);
    expect(quota('开封市')).toBe(10);
    expect(quota('济源示范区')).toBe(10);
    expect(quota('巩义市')).toBe(5);
  });

  it('hold the GB/T 4754 manufacturing divisions 13 to 43', () => {
    expect(data.industries.divisions.map((d) => Number(d.code))).toEqual([...Array(31).keys()].map((i) => i + 13));
  });

  it('build the clause tree with the attachments under 附件', () => {
    const roots = kb.tree.map((n) => n.id);
    expect(roots).toEqual(['序', '一', '二', '三', '四', '五', '附件']);
    expect(kb.tree.at(-1)!.children.map((n) => n.id)).toEqual(['附件1', '附件2', '附件3']);
    expect(kb.subtree('三(二)').map((c) => c.id)).toEqual(['三(二)', ...[1, 2, 3, 4, 5, 6].map((n) => `三(二)${n}`)]);
  });

  it('stop loading with the file and field when a clause is broken', () => {
    const root = brokenCopy('clauses.json', (j) => {
      j[3].order = 'first';
    });
    expect(() => loadKnowledgeData(root, 'henan-2023')).toThrow(/clauses\.json.*at 3\.order/);
  });

  it('stop loading with the file and field when a quota is broken', () => {
    const root = brokenCopy('regions.json', (j) => {
      j.groups[0].max = -1;
    });
    expect(() => loadKnowledgeData(root, 'henan-2023')).toThrow(/regions\.json.*groups\.0\.max/);
  });
});
