import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashOf } from '../../server/knowledge/ingest/carry';
import { ingestNotice, type IngestResult } from '../../server/knowledge/ingest/ingest';
import { currentValue, dropItem, editItem, publishVersion, PublishError, readReview, restoreItem } from '../../server/knowledge/ingest/review';
import { loadKnowledgeData } from '../../server/knowledge/load';
import { isPending } from '../../server/knowledge/schemas/review';

/**
 * A carried item the new notice no longer supports (the 2024 fixture drops 二(三)'s green priority) can be dropped
 * in the review: the drop is recorded, undone at will, and takes the item out of its file only on publishing.
 */
const temps: string[] = [];
const tempDir = () => {
  const d = mkdtempSync(join(tmpdir(), 'zhizao-drop-'));
  temps.push(d);
  return d;
};
afterAll(() => temps.forEach((d) => rmSync(d, { recursive: true, force: true })));
const readJson = (root: string, version: string, file: string) => JSON.parse(readFileSync(join(root, version, file), 'utf8'));

describe('dropping a carried item in the review of the 2024 notice', () => {
  let root: string;
  let r: IngestResult;
  const GREEN = <T extends { id: string; label: string }>(items: T[]): T => items.find((i) => i.id.startsWith('interview.json') && i.label.startsWith('问题 ent.greenPriority'))!;
  beforeAll(async () => {
    root = tempDir();
    cpSync('knowledge/henan-2023', join(root, 'henan-2023'), { recursive: true });
    r = await ingestNotice({ file: 'tests/fixtures/notice-henan-2024.txt', as: 'henan-2024', root });
  }, 120_000);

  it('records the drop, leaves the file as it was, and no longer counts the item as pending', () => {
    const item = GREEN(r.review.items);
    expect(item.needsReview).toBe(true);
    const before = readFileSync(join(root, 'henan-2024', 'interview.json'), 'utf8');
    const pending = readReview(root, 'henan-2024').items.filter(isPending).length;
    const dropped = dropItem(root, 'henan-2024', item.id, new Date('2026-01-02T03:04:05Z'));
    expect(dropped).toMatchObject({ status: 'dropped', droppedAt: '2026-01-02T03:04:05.000Z', before: 'pending' });
    const review = readReview(root, 'henan-2024');
    expect(review.items.filter(isPending).length).toBe(pending - 1);
    expect(readFileSync(join(root, 'henan-2024', 'interview.json'), 'utf8')).toBe(before);
  });

  it('keeps the question, and the words that answer it, in the file until publishing', () => {
    const interview = readJson(root, 'henan-2024', 'interview.json');
    expect(JSON.stringify(interview)).toContain('"question":"ent.greenPriority"');
  });

  it('undoes the drop, giving the item back its status, and refuses to edit a dropped item', () => {
    const id = GREEN(r.review.items).id;
    expect(() => editItem(root, 'henan-2024', id, {})).toThrow(/was dropped; undo the drop/);
    expect(restoreItem(root, 'henan-2024', id).status).toBe('pending');
    expect(readReview(root, 'henan-2024').items.find((i) => i.id === id)!.droppedAt).toBeUndefined();
    dropItem(root, 'henan-2024', id);
  });

  it('refuses a drop that would leave the version failing its checks, saying why, and writes nothing', () => {
    const note = r.review.items.find((i) => i.id === 'category-rules.json#/notes/greenPriority')!;
    const before = readFileSync(join(root, 'henan-2024', 'category-rules.json'), 'utf8');
    expect(() => dropItem(root, 'henan-2024', note.id)).toThrow(PublishError);
    expect(() => dropItem(root, 'henan-2024', note.id)).toThrow(/notes\.greenPriority/);
    expect(readFileSync(join(root, 'henan-2024', 'category-rules.json'), 'utf8')).toBe(before);
    expect(readReview(root, 'henan-2024').items.find((i) => i.id === note.id)!.status).toBe('pending');
  });

  it('refuses to drop a clause of the notice itself', () => {
    const added = r.review.items.find((i) => i.file === 'clauses.json')!;
    expect(() => dropItem(root, 'henan-2024', added.id)).toThrow(/not an item that can be dropped/);
  });
});

describe('publishing takes the dropped items out of their files', () => {
  const draft = 'henan-2024';
  /** The shipped version as a draft whose review lists three answers and one question, all accepted. */
  function shippedDraft(): string {
    const root = tempDir();
    cpSync('knowledge/henan-2023', join(root, draft), { recursive: true });
    const manifest = readJson(root, draft, 'manifest.json');
    writeFileSync(join(root, draft, 'manifest.json'), JSON.stringify({ ...manifest, version: draft, status: 'draft' }));
    const answers = readJson(root, draft, 'answer-base.json').entries;
    const questions = readJson(root, draft, 'interview.json').questions;
    const item = (file: string, pointer: string, value: unknown, label: string) => ({
      id: `${file}#${pointer}`, file, pointer, group: 'answers', label, clauses: [], needsReview: true, hash: hashOf(value), status: 'accepted',
    });
    const green = questions.findIndex((q: { id: string }) => q.id === 'ent.greenPriority');
    const items = [
      ...[2, 5, 9].map((n) => item('answer-base.json', `/entries/${n}`, answers[n], `问答库 ${answers[n].id}`)),
      item('interview.json', `/questions/${green}`, questions[green], '问题 ent.greenPriority'),
    ];
    writeFileSync(join(root, draft, 'review.json'), JSON.stringify({ version: draft, basedOn: 'henan-2023', createdAt: new Date().toISOString(), items }));
    return root;
  }

  it('removes exactly the dropped members, keeps the rest in order, and the review still shows each kept item', () => {
    const root = shippedDraft();
    const ids = readJson(root, draft, 'answer-base.json').entries.map((e: { id: string }) => e.id);
    dropItem(root, draft, 'answer-base.json#/entries/2');
    dropItem(root, draft, 'answer-base.json#/entries/5');
    publishVersion(root, draft);
    const after = readJson(root, draft, 'answer-base.json').entries.map((e: { id: string }) => e.id);
    expect(after).toEqual(ids.filter((_: string, i: number) => i !== 2 && i !== 5));
    expect(readJson(root, draft, 'manifest.json').status).toBe('published');
    const review = readReview(root, draft);
    const kept = review.items.find((i) => i.label === `问答库 ${ids[9]}`)!;
    // Entry 9 is the 8th now: its record follows it.
    expect(kept.pointer).toBe('/entries/7');
    expect((currentValue(root, draft, kept) as { id: string }).id).toBe(ids[9]);
    expect(review.items.filter((i) => i.status === 'dropped').map((i) => i.label)).toEqual([`问答库 ${ids[2]}`, `问答库 ${ids[5]}`]);
    expect(() => loadKnowledgeData(root, draft)).not.toThrow();
  });

  it('takes a dropped question out with the words that only answered it', () => {
    const root = shippedDraft();
    const id = readReview(root, draft).items.find((i) => i.label === '问题 ent.greenPriority')!.id;
    dropItem(root, draft, id);
    publishVersion(root, draft);
    const data = loadKnowledgeData(root, draft);
    expect(data.interview.questions.map((q) => q.id)).not.toContain('ent.greenPriority');
    expect(JSON.stringify(data.interview)).not.toContain('ent.greenPriority');
  });

  it('puts the files back when publishing is refused, so the drop can still be undone', () => {
    const root = shippedDraft();
    const before = readFileSync(join(root, draft, 'answer-base.json'), 'utf8');
    dropItem(root, draft, 'answer-base.json#/entries/2');
    // A stale quota figure makes publishing refuse after the drops were applied.
    const regions = readJson(root, draft, 'regions.json');
    regions.groups[2].max = 12;
    writeFileSync(join(root, draft, 'regions.json'), JSON.stringify(regions));
    expect(() => publishVersion(root, draft)).toThrow(/max 12 is not the figure/);
    expect(readFileSync(join(root, draft, 'answer-base.json'), 'utf8')).toBe(before);
    expect(readJson(root, draft, 'manifest.json').status).toBe('draft');
    expect(restoreItem(root, draft, 'answer-base.json#/entries/2').status).toBe('accepted');
  });
});
