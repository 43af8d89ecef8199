import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadKnowledgeData } from '../../server/knowledge/load';
import { staleQuoteIssues } from '../../server/knowledge/ingest/verbatim';
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
    expect(() => loadKnowledgeData(root, 'henan-2023')).toThrow(/clauses\.json.*位置 3\.order/);
  });

  it('stop loading with the file and field when a quota is broken', () => {
    const root = brokenCopy('regions.json', (j) => {
      j.groups[0].max = -1;
    });
    expect(() => loadKnowledgeData(root, 'henan-2023')).toThrow(/regions\.json.*位置 groups\.0\.max/);
  });
});

describe('a broken knowledge file is named in Chinese, with its path and field', () => {
  it('says what zod found in Chinese, not in zod\'s English, and keeps the full path of the file', () => {
    const root = brokenCopy('regions.json', (j) => {
      j.groups[0].max = 'twenty';
      j.clause = 42;
    });
    let message = '';
    try {
      loadKnowledgeData(root, 'henan-2023');
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toContain(`知识库文件 ${join(root, 'henan-2023', 'regions.json')}：校验失败`);
    expect(message).toContain('位置 groups.0.max：');
    expect(message).toContain('位置 clause：');
    expect(message, 'zod\'s default English is not shown').not.toMatch(/Invalid input|expected number|received/);
  });

  it('names a file that is not JSON in Chinese', () => {
    const notJson = brokenCopy('facts.json', () => undefined);
    writeFileSync(join(notJson, 'henan-2023', 'facts.json'), '{ 不是JSON');
    expect(() => loadKnowledgeData(notJson, 'henan-2023')).toThrow(/知识库文件 .*facts\.json：不是有效的 JSON/);
  });

  it('holds the bureau wording\'s quotes of the notice to their clauses, as publishing does', () => {
    const shipped = loadKnowledgeData('knowledge', 'henan-2023');
    const mine = (data: typeof shipped) => staleQuoteIssues(data).filter((i) => /review\.gate|wording\.countiesOwn/.test(i.en));
    expect(mine(shipped)).toEqual([]);
    const misquoted = loadKnowledgeData(
      brokenCopy('regions.json', (j) => {
        j.wording.countiesOwn.upload.text = '于3月31日前上传推荐汇总表';
      }),
      'henan-2023',
    );
    const found = mine(misquoted);
    expect(found.map((i) => i.zh)).toEqual(['新通知的 四(四) 中已没有「于3月31日前上传推荐汇总表」：请按新条款改写，或删除此项']);
    expect(found[0]).toMatchObject({ file: 'regions.json', path: ['wording', 'countiesOwn'] });
    const gate = loadKnowledgeData(brokenCopy('facts.json', (j) => (j.review.gate.opinion.text = '经材料审查，同意申报')), 'henan-2023');
    expect(mine(gate).map((i) => i.en)).toEqual(['附件1.一(二)', '附件2.一(二)', '附件3.一(二)'].map((c) => `facts.json review.gate.opinion: ${c} has no text 「经材料审查，同意申报」`));
  });

  it('refuses a product sentence whose placeholder the code does not fill, or that drops one it must say', () => {
    const typo = brokenCopy('regions.json', (j) => {
      j.wording.outsideArea = j.wording.outsideArea.replace('{recommender}', '{recomender}');
    });
    expect(() => loadKnowledgeData(typo, 'henan-2023')).toThrow(/位置 wording\.outsideArea：未知的占位符 \{recomender\}/);
    const dropped = brokenCopy('facts.json', (j) => {
      j.review.gate.refusal = '不能推荐，请补全。';
    });
    expect(() => loadKnowledgeData(dropped, 'henan-2023')).toThrow(/位置 review\.gate\.refusal：缺少占位符 \{clause\}/);
  });
});
