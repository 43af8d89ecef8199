import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashOf, renumberValue } from '../../server/knowledge/ingest/carry';
import { diffClauses } from '../../server/knowledge/ingest/clause-diff';
import { ingestNotice, type IngestResult } from '../../server/knowledge/ingest/ingest';
import { acceptItems, currentValue, publishVersion, PublishError } from '../../server/knowledge/ingest/review';
import { loadKnowledgeData } from '../../server/knowledge/load';
import { parseNotice } from '../../server/knowledge/parser';
import { ClauseStructure } from '../../server/knowledge/schemas/clauses';
import { findSoffice, renderNotice } from './notice-docs';

/**
 * A next-year notice written the way the 工业和信息化厅 writes one (tests/fixtures/notice-henan-2024.txt):
 * 二(一) gains 「成立满3年」; 二(三) (green priority) is dropped, so the credit clause moves up from
 * 二(四) to 二(三) and a new 二(四) (no serious accidents) follows it; 四(三)'s quotas change
 * (郑州 and 洛阳 up, 洛阳 split from 新乡/南阳, counties down, a new 省直管县 line); 四(四)'s
 * date, 五's phone and the years move on; 附件2/3 gain a 研发投入 row and rename 产品升级周期.
 */
const NOTICE_2024 = 'tests/fixtures/notice-henan-2024.txt';
const soffice = findSoffice();

const temps: string[] = [];
const tempDir = (prefix: string) => {
  const d = mkdtempSync(join(tmpdir(), prefix));
  temps.push(d);
  return d;
};
afterAll(() => temps.forEach((d) => rmSync(d, { recursive: true, force: true })));

function knowledgeRoot(): string {
  const root = tempDir('zhizao-renumber-root-');
  cpSync('knowledge/henan-2023', join(root, 'henan-2023'), { recursive: true });
  return root;
}

const readJson = (root: string, version: string, file: string) => JSON.parse(readFileSync(join(root, version, file), 'utf8'));

describe('renumberValue brings clause references to the new numbering', () => {
  const moves = new Map([
    ['二(四)', '二(三)'],
    ['四(五)', '四(四)'],
    ['附件2.四(五)', '附件2.四(四)'],
  ]);

  it('maps whole IDs and IDs in prose, but not an ID inside a longer one', () => {
    const value = {
      clause: '二(四)',
      clauses: ['二(四)', '二(一)'],
      answer: '见二(四)；附件2.四(五)是照片要求，附件3.四(五)不变，二(四)1 是另一条。',
    };
    expect(renumberValue(value, moves)).toEqual({
      clause: '二(三)',
      clauses: ['二(三)', '二(一)'],
      answer: '见二(三)；附件2.四(四)是照片要求，附件3.四(五)不变，二(四)1 是另一条。',
    });
  });

  it('maps two clauses that swapped numbers at once, not one onto the other', () => {
    const swap = new Map([
      ['二(三)', '二(四)'],
      ['二(四)', '二(三)'],
    ]);
    expect(renumberValue({ a: '二(三)', b: '依据二(四)和二(三)' }, swap)).toEqual({ a: '二(四)', b: '依据二(三)和二(四)' });
  });

  it('leaves the notice-part IDs of an attachment-relative file alone', () => {
    // form-questions.json cites 「四(五)」 meaning 附件N.四(五), not the notice's 四(五).
    expect(renumberValue({ clause: '四(五)' }, moves, true)).toEqual({ clause: '四(五)' });
  });

  it('does not touch a bare top-level numeral in prose', () => {
    expect(renumberValue({ text: '三份材料，近三年' }, new Map([['三', '四']]))).toEqual({ text: '三份材料，近三年' });
  });
});

describe('a realistic next-year notice: a clause removed, one added, the one between renumbered', () => {
  let root: string;
  let r: IngestResult;
  beforeAll(async () => {
    root = knowledgeRoot();
    r = await ingestNotice({ file: NOTICE_2024, as: 'henan-2024', root });
  }, 120_000);

  it('reports the removed, the added and the renumbered clause instead of two rewritten ones', () => {
    expect(r.diff.removed.map((c) => c.id)).toEqual(['二(三)']);
    expect(r.diff.removed[0]!.text).toContain('优先支持节能减排绿色发展企业');
    expect(r.diff.added.map((c) => c.id)).toEqual(['二(四)']);
    expect(r.diff.added[0]!.text).toContain('近三年未发生较大及以上安全生产事故');
    expect(r.diff.moved).toEqual([{ from: '二(四)', to: '二(三)', title: '信用要求：未列入失信被执行人、税收违法黑名单、严重违法失信名单' }]);
    const changed = r.diff.changed.map((c) => c.id);
    expect(changed).not.toContain('二(三)');
    expect(changed).not.toContain('二(四)');
    expect(changed).toEqual(expect.arrayContaining(['二(一)', '四(三)', '四(四)', '五', '附件2.一(一)', '附件2.一(二)']));
    expect(r.report.summary).toMatchObject({ added: 1, removed: 1, moved: 1, changed: 14 });
  });

  it('gives the renumbered clause its editorial title, and the new one a title of its own', () => {
    const data = loadKnowledgeData(root, 'henan-2024');
    const title = (id: string) => data.clauses.find((c) => c.id === id)!.title;
    expect(title('二(三)')).toBe('信用要求：未列入失信被执行人、税收违法黑名单、严重违法失信名单');
    expect(title('二(四)')).not.toContain('信用');
    expect(title('二(四)')).toContain('安全生产事故');
  });

  it('re-points what cited the renumbered clause, and does not ask to review it', () => {
    const rules = readJson(root, 'henan-2024', 'category-rules.json');
    expect(rules.hard.dishonestExecutee.clause).toBe('二(三)');
    const entry = readJson(root, 'henan-2024', 'answer-base.json').entries.find((e: { id: string }) => e.id === 'dishonest');
    expect(entry.quotes[0].clause).toBe('二(三)');
    const item = r.review.items.find((i) => i.id === 'category-rules.json#/hard/dishonestExecutee')!;
    expect(item.needsReview).toBe(false);
    expect(item.clauses).toEqual(['二(三)']);
    // The item's hash is of the value as written, so it does not count as edited by an operator.
    expect(hashOf(currentValue(root, 'henan-2024', item))).toBe(item.hash);
  });

  it('flags what rested on the removed clause, saying its number now belongs to another', () => {
    const note = r.review.items.find((i) => i.id === 'category-rules.json#/notes/greenPriority')!;
    expect(note.needsReview).toBe(true);
    expect(note.reason).toMatch(/二\(三\)（已删除，原文「[^」]+」；现在的 二\(三\) 是另一条/);
    expect(note.retired).toEqual(['二(三)']);
    expect(r.review.items.some((i) => i.id.startsWith('clauses.json') && i.label.includes('二(四)') && i.needsReview)).toBe(true);
  });

  it('re-extracts the figures whose wording stayed and leaves the split and renamed quota lines for review', () => {
    const data = loadKnowledgeData(root, 'henan-2024');
    expect(data.facts.contact.phone).toBe('0371—65509920');
    expect(data.facts.deadlines[0]).toMatchObject({ date: '4月10日', month: 4, day: 10 });
    expect(data.regions.groups.find((g) => g.id === 'zhengzhou')!.max).toBe(25);
    const big3 = r.review.items.find((i) => i.id === 'regions.json#/groups/1')!;
    expect(big3.reason).toMatch(/没有按原来的措辞找到：max/);
  });

  it('refuses to publish, accepted unedited, naming the stale quotas, the uncovered quota lines, the stale quotes and the misplaced citations', () => {
    const bulk = acceptItems(root, 'henan-2024', ['all']);
    acceptItems(root, 'henan-2024', bulk.held.map((h) => h.id));
    let message = '';
    try {
      publishVersion(root, 'henan-2024');
    } catch (err) {
      expect(err).toBeInstanceOf(PublishError);
      message = (err as Error).message;
    }
    expect(message).toContain('nothing was published');
    // The answer base and the rule files are reported together.
    expect(message).toContain('answer-base.json');
    expect(message).toContain('regions.json groups.1 (洛阳市、新乡市、南阳市): 四(三) has no text 「洛阳市、新乡市、南阳市不多于15家」');
    expect(message).toContain('regions.json groups.3 (各县（市）)');
    expect(message).toContain('the quota 「省直管县（市）不多于6家」 of 四(三) is in no group');
    expect(message).toContain('the quota 「洛阳市不多于18家」 of 四(三) is in no group');
    expect(message).toContain('interview.json ent.greenPriority help: 二(三) has no text');
    // A direct answer's template that quotes last year's county quota.
    expect(message).toContain('intents.json quota.countyNote: 四(三) has no text 「各县（市）不多于5家」');
    expect(message).toContain('category-rules.json hard.notIndependent.reason: 二(一) has no text');
    expect(message).toMatch(/category-rules\.json#\/notes\/greenPriority .* cites 二\(三\), now 「信用要求/);
    expect(readJson(root, 'henan-2024', 'manifest.json').status).toBe('draft');
  });
});

describe('the same notice as a Word file and as a PDF', () => {
  it.skipIf(!soffice)('parses into the same clauses as the text, page headers, numbers and wrapped lines repaired', async () => {
    const text = readFileSync(NOTICE_2024, 'utf8');
    const { pdf, docx } = renderNotice(soffice!, text, 'notice-2024', { header: '河南省工业和信息化厅办公室文件' }, tempDir('zhizao-renumber-doc-'));
    const root = knowledgeRoot();
    const fromTxt = await ingestNotice({ file: NOTICE_2024, as: 'from-txt', root });
    const clauses = (v: string) => readFileSync(join(root, v, 'clauses.json'), 'utf8');
    for (const [name, file] of [
      ['from-pdf', pdf],
      ['from-docx', docx],
    ] as const) {
      const r = await ingestNotice({ file, as: name, root, from: 'henan-2023' });
      expect(clauses(name), name).toBe(clauses('from-txt'));
      expect(r.report.summary, name).toEqual(fromTxt.report.summary);
    }
  }, 240_000);
});

describe('publishing checks the rule and quota files against the notice, like the answer base', () => {
  let root: string;
  const draft = 'henan-2024';
  const edit = (name: string, change: (json: any) => void) => {
    const file = join(root, draft, name);
    const json = JSON.parse(readFileSync(file, 'utf8'));
    change(json);
    writeFileSync(file, JSON.stringify(json, null, 1));
  };
  const refusal = () => {
    try {
      publishVersion(root, draft);
    } catch (err) {
      return (err as Error).message;
    }
    return 'published';
  };
  beforeAll(() => {
    root = tempDir('zhizao-verbatim-');
  });
  const fresh = () => {
    rmSync(join(root, draft), { recursive: true, force: true });
    cpSync('knowledge/henan-2023', join(root, draft), { recursive: true });
    edit('manifest.json', (m) => (m.status = 'draft'));
    writeFileSync(join(root, draft, 'review.json'), JSON.stringify({ version: draft, basedOn: 'henan-2023', createdAt: new Date().toISOString(), items: [] }));
  };

  it('refuses a quota whose figure is not the one its quote gives', () => {
    fresh();
    edit('regions.json', (r) => (r.groups[2].max = 12));
    expect(refusal()).toContain('regions.json groups.2 (其他省辖市、济源示范区、航空港区): max 12 is not the figure its quote');
  });

  it('refuses a requirement that quotes words its element clause does not have', () => {
    fresh();
    edit('elements.json', (e) => (e.categories.discreteFactory.elements[3].requirements[1].text = '应用仓储管理系统（WMS），实现库存管理优化'));
    expect(refusal()).toContain('elements.json discreteFactory 三(二)4 requirement: 三(二)4 has no text 「应用仓储管理系统（WMS），实现库存管理优化」');
  });

  it('refuses an answer that quotes the clause but states a figure of its own words the clause does not give', () => {
    fresh();
    edit('answer-base.json', (ab) => {
      const e = ab.entries.find((x: { id: string }) => x.id === 'county-vs-city-quota');
      e.answer = e.answer.replace(/5家/g, '4家');
    });
    expect(refusal()).toMatch(/answer-base\.json county-vs-city-quota \(answer\): “4家”不在所引条款（四\(三\)）中/);
  });

  it('refuses a direct-answer template that quotes words its clause does not have', () => {
    fresh();
    edit('intents.json', (i) => {
      const quota = i.intents.find((x: { id: string }) => x.id === 'quota');
      quota.countyNote = quota.countyNote.replace('不多于5家', '不多于4家');
    });
    expect(refusal()).toContain('intents.json quota.countyNote: 四(三) has no text 「各县（市）不多于4家」');
  });

  it('publishes the shipped version copied as a draft: its own words all stand in its notice', () => {
    fresh();
    expect(refusal()).not.toMatch(/has no text|is in no group|not the figure/);
  });
});

describe('parseNotice on the fixture', () => {
  it('numbers 二 as the notice does after the removal: (一)…(四)', () => {
    const clauses = parseNotice(readFileSync(NOTICE_2024, 'utf8'), ClauseStructure.parse({ titles: {}, reconstructed: [] }));
    expect(clauses.filter((c) => c.parent === '二').map((c) => c.id)).toEqual(['二(一)', '二(二)', '二(三)', '二(四)']);
    expect(diffClauses(clauses, clauses).moved).toEqual([]);
  });
});
