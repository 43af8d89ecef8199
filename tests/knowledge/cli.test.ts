import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REVISED_FILES, reviseAnswers, synthetic2024 } from './synthetic-2024';

const run = promisify(execFile);
const TSX = join('node_modules', '.bin', 'tsx');

/** Runs one of the knowledge scripts the way `npm run` does, and returns its exit code and output. */
async function script(name: string, args: string[]): Promise<{ code: number; out: string; err: string }> {
  try {
    const r = await run(TSX, [`scripts/${name}.ts`, ...args], { timeout: 120_000 });
    return { code: 0, out: r.stdout, err: r.stderr };
  } catch (e: any) {
    return { code: e.code ?? 1, out: e.stdout ?? '', err: e.stderr ?? '' };
  }
}

describe('the operator workflow from the command line', () => {
  let root: string;
  let file: string;
  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'zhizao-cli-'));
    cpSync('knowledge/henan-2023', join(root, 'henan-2023'), { recursive: true });
    file = join(root, 'notice-next.txt');
    writeFileSync(file, synthetic2024(readFileSync('knowledge/henan-2023/source/notice.txt', 'utf8')));
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('ingests, diffs, refuses to publish while items are pending, then reviews and publishes', async () => {
    const ingest = await script('knowledge-ingest', [file, '--as', 'henan-2024', '--root', root]);
    expect(ingest.code, ingest.err).toBe(0);
    expect(ingest.out).toContain('新增条款 1 条，删除 0 条，修改 4 条，编号变化 0 条；数字变化 3 处');
    expect(ingest.out).toContain('四(三) 名额/数量: 20家 → 25家');
    expect(ingest.out).toContain('下一步：npm run knowledge:review -- henan-2024');

    const again = await script('knowledge-ingest', [file, '--as', 'henan-2024', '--root', root]);
    expect(again.code).toBe(1);
    expect(again.err).toMatch(/^knowledge:ingest 失败：知识库版本 henan-2024 已存在.*从不覆盖/);

    const diff = await script('knowledge-diff', ['henan-2023', 'henan-2024', '--root', root]);
    expect(diff.code, diff.err).toBe(0);
    expect(diff.out).toContain('四(四) 日期: 3月15日 → 3月20日');
    expect(diff.out).toContain('+ 二(五)');
    expect(existsSync(join(root, 'henan-2024', 'diff-henan-2023.md'))).toBe(true);

    const refused = await script('knowledge-publish', ['henan-2024', '--root', root]);
    expect(refused.code).toBe(1);
    expect(refused.err).toMatch(/^knowledge:publish 失败：/);
    expect(refused.err).toMatch(/still needing review; nothing was published/);

    const list = await script('knowledge-review', ['henan-2024', '--root', root]);
    expect(list.code, list.err).toBe(0);
    expect(list.out).toMatch(/henan-2024（基于 henan-2023）：待复核 94 项/);
    expect(list.out).toContain('--accept forms');

    const show = await script('knowledge-review', ['henan-2024', '--root', root, '--show', 'elements.json#/categories/discreteFactory/elements/3']);
    expect(show.code, show.err).toBe(0);
    expect(show.out).toContain('~ 三(二)4 经营管理');

    // Marking all at once holds the items that fail the publish checks as they stand; each is then accepted by its id.
    const bulk = await script('knowledge-review', ['henan-2024', '--root', root, '--accept', 'all']);
    expect(bulk.code, bulk.err).toBe(0);
    const held = [...bulk.err.matchAll(/^暂缓 ([^\s（]+)/gm)].map((m) => m[1]!);
    expect(held.length).toBeGreaterThan(0);
    expect(bulk.out).toContain(`还有 ${held.length} 项待复核`);
    const accept = await script('knowledge-review', ['henan-2024', '--root', root, '--accept', ...held]);
    expect(accept.code, accept.err).toBe(0);
    expect(accept.out).toContain('已全部复核');

    // Accepted unchanged, answers would quote the old figures and sentence: publishing builds the
    // answer base as the server does at startup, and says which entry fails.
    const stale = await script('knowledge-publish', ['henan-2024', '--root', root]);
    expect(stale.code).toBe(1);
    expect(stale.err).toMatch(/does not pass the startup checks[\s\S]*answer-base\.json/);
    for (const name of REVISED_FILES) {
      const file = join(root, 'henan-2024', name);
      writeFileSync(file, reviseAnswers(readFileSync(file, 'utf8')));
    }

    const publish = await script('knowledge-publish', ['henan-2024', '--root', root]);
    expect(publish.code, publish.err).toBe(0);
    expect(publish.out).toContain('已发布 henan-2024：95 个条款');
    expect(JSON.parse(readFileSync(join(root, 'henan-2024', 'manifest.json'), 'utf8')).status).toBe('published');
  }, 240_000);
});
