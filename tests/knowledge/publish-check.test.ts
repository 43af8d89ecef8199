import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serve, type Served } from '../chat/serve';
import { as, staffAs, type StaffLogin } from '../staff/helpers';
import { ingestNotice } from '../../server/knowledge/ingest/ingest';
import { acceptItems, checkDraft, publishVersion, PublishError, readReview } from '../../server/knowledge/ingest/review';
import { isPending } from '../../server/knowledge/schemas/review';

/**
 * The 2024 notice (tests/fixtures) moves dates, quotas and the helpline and rewords 二(一): carried over unedited, many
 * items quote words it no longer has. The console must say so before 发布, per item, in Chinese, and a group's bulk
 * mark must not wave those items through.
 */
const FIXTURE = 'tests/fixtures/notice-henan-2024.txt';
const V = 'henan-2024';
/** The review item of the answer-base entry on the deadline, found by its id so that entries added before it do not move it. */
const DEADLINE = `answer-base.json#/entries/${(JSON.parse(readFileSync('knowledge/henan-2023/answer-base.json', 'utf8')).entries as { id: string }[]).findIndex((e) => e.id === 'deadline')}`;
/** Any run of English words in a message the operator reads (file names and clause IDs aside). */
const ENGLISH = /(?<![\w.#/-])[A-Za-z]{3,}(?![\w.#/-]*\.json)/;
const english = (text: string) => text.replace(/[\w-]+\.json(?:#\S*)?/g, '').replace(/\{\w+\}/g, '').match(ENGLISH);

let root: string;
beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'zhizao-publish-check-'));
  cpSync('knowledge/henan-2023', join(root, 'henan-2023'), { recursive: true });
  await ingestNotice({ file: FIXTURE, as: V, root });
}, 120_000);
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('the publish check of a draft, before publishing', () => {
  it('finds what publishing would refuse, each on the item that holds it, in Chinese', () => {
    const c = checkDraft(root, V);
    expect(c.pending).toBe(readReview(root, V).items.filter(isPending).length);
    const on = (id: string) => c.problems.filter((p) => p.item === id).map((p) => p.message).join('\n');
    // The deadline answer quotes last year's date; the quota group and the county question last year's quota.
    expect(on(DEADLINE)).toContain('「于3月15日前，将“推荐汇总表”上传至平台“推荐库”」在新通知的 四(四) 中已找不到');
    expect(on('regions.json#/groups/3')).toContain('名额 5 家是上一年的');
    expect(on('interview.json#/questions/12')).toContain('「各县（市）不多于5家，多报无效」');
    expect(on('category-rules.json#/notes/greenPriority')).toContain('所引的 二(三) 已被新通知删除');
    // The quota lines the new notice added belong to no item: they name the file to edit.
    const loose = c.problems.filter((p) => !p.item);
    expect(loose.map((p) => p.file)).toEqual(['regions.json', 'regions.json', 'regions.json', 'regions.json']);
    expect(loose.map((p) => p.message).join('\n')).toContain('「省直管县（市）不多于6家」不属于任何一组');
    for (const p of c.problems) expect(english(p.message), p.message).toBeNull();
    // Nothing was written: the check leaves the draft as it was.
    expect(JSON.parse(readFileSync(join(root, V, 'manifest.json'), 'utf8')).status).toBe('draft');
  });

  it("holds a group's bulk mark on the items that fail it, and accepts each only when named by its id", () => {
    const failing = new Set(checkDraft(root, V).problems.flatMap((p) => (p.item ? [p.item] : [])));
    const pendingAnswers = readReview(root, V).items.filter((i) => isPending(i) && i.group === 'answers');
    const r = acceptItems(root, V, ['answers']);
    const held = r.held.map((h) => h.id);
    expect(held).toContain(DEADLINE);
    expect(held.every((id) => failing.has(id))).toBe(true);
    expect(r.accepted.some((i) => failing.has(i.id))).toBe(false);
    expect(r.accepted.length + held.length).toBe(pendingAnswers.length);
    expect(r.held.find((h) => h.id === DEADLINE)!.reasons.join('')).toContain('3月15日');
    // 'all' holds them the same way; naming one by its id is the decision to accept it.
    expect(acceptItems(root, V, ['all']).held.map((h) => h.id)).toContain(DEADLINE);
    const one = acceptItems(root, V, [DEADLINE]);
    expect(one.accepted.map((i) => i.id)).toEqual([DEADLINE]);
    expect(one.held).toEqual([]);
  });

  it('refuses publishing with the same problems the check listed, and says ready only when there are none', () => {
    const rest = readReview(root, V).items.filter(isPending).map((i) => i.id);
    acceptItems(root, V, rest);
    const c = checkDraft(root, V);
    expect(c.pending).toBe(0);
    expect(c.problems.length).toBeGreaterThan(0);
    let refused: PublishError | undefined;
    try {
      publishVersion(root, V);
    } catch (err) {
      refused = err as PublishError;
    }
    expect(refused).toBeInstanceOf(PublishError);
    expect(refused!.problems).toEqual(c.problems);
    expect(refused!.zh).toBe(`${V} 有 ${c.problems.length} 处未通过发布前的校验（与服务器启动时相同），未发布。`);
  });
});

describe('the knowledge console routes around the publish check', () => {
  let s: Served;
  let admin: StaffLogin;
  let routeRoot: string;
  beforeAll(async () => {
    routeRoot = mkdtempSync(join(tmpdir(), 'zhizao-publish-check-routes-'));
    cpSync('knowledge/henan-2023', join(routeRoot, 'henan-2023'), { recursive: true });
    await ingestNotice({ file: FIXTURE, as: V, root: routeRoot });
    s = await serve({ KNOWLEDGE_DIR: routeRoot, KNOWLEDGE_VERSION: 'henan-2023' });
    admin = await staffAs(s, 'pcadmin', 'admin');
  }, 120_000);
  afterAll(async () => {
    await s?.close();
    rmSync(routeRoot, { recursive: true, force: true });
  });

  it('lists the problems with the review, holds the bulk mark, and refuses publishing in Chinese with each problem', async () => {
    const review = (await s.app.inject({ url: `/api/staff/knowledge/${V}/review`, headers: as(admin) })).json();
    expect(review.check.problems.length).toBeGreaterThan(0);
    const deadline = review.items.find((i: { id: string }) => i.id === DEADLINE);
    expect(deadline.problems.join('')).toContain('3月15日');
    // Every problem that names an item names one the page lists, so the page can link to it.
    const listed = new Set(review.items.map((i: { id: string }) => i.id));
    for (const p of review.check.problems) if (p.item) expect(listed.has(p.item), p.item).toBe(true);

    const bulk = await s.app.inject({ method: 'POST', url: `/api/staff/knowledge/${V}/review`, headers: as(admin), payload: { ids: ['all'] } });
    expect(bulk.statusCode).toBe(200);
    expect(bulk.json().held.map((h: { id: string }) => h.id)).toContain(DEADLINE);
    expect(bulk.json().pending).toBe(bulk.json().held.length);

    const held = bulk.json().held.map((h: { id: string }) => h.id);
    await s.app.inject({ method: 'POST', url: `/api/staff/knowledge/${V}/review`, headers: as(admin), payload: { ids: held } });
    const refused = await s.app.inject({ method: 'POST', url: `/api/staff/knowledge/${V}/publish`, headers: as(admin), payload: {} });
    expect(refused.statusCode).toBe(409);
    const error = refused.json().error;
    expect(error.message).toMatch(/^未发布：henan-2024 有 \d+ 处未通过发布前的校验/);
    expect(error.details.problems.length).toBe(review.check.problems.length);
    expect(english(error.message.replace(V, ''))).toBeNull();
  }, 120_000);
});
