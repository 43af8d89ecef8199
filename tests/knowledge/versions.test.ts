import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { publishedVersions } from '../../server/knowledge/versions';
import { buildKnowledgeApp } from './light-app';

/**
 * A knowledge root with last year's version, this year's published one (a copy whose 五 names
 * another helpline, so answers can be told apart) and an unpublished draft.
 */
function root(): string {
  const dir = mkdtempSync(join(tmpdir(), 'zhizao-versions-'));
  cpSync('knowledge/henan-2023', join(dir, 'henan-2023'), { recursive: true });
  for (const [name, status] of [['henan-2024', 'published'], ['henan-2025', 'draft']] as const) {
    cpSync('knowledge/henan-2023', join(dir, name), { recursive: true });
    const m = join(dir, name, 'manifest.json');
    writeFileSync(m, JSON.stringify({ ...JSON.parse(readFileSync(m, 'utf8')), version: name, status, basedOn: 'henan-2023' }));
    // The answer base quotes the helpline verbatim, so a reviewed version changes it with the clause.
    for (const file of ['clauses.json', 'answer-base.json']) {
      const f = join(dir, name, file);
      writeFileSync(f, readFileSync(f, 'utf8').replaceAll('0371—65507698', '0371—65500000'));
    }
  }
  return dir;
}

describe('serving several knowledge versions', () => {
  let dir: string;
  let app: FastifyInstance;
  beforeAll(async () => {
    dir = root();
    app = await buildKnowledgeApp({ KNOWLEDGE_DIR: dir, KNOWLEDGE_VERSION: 'henan-2024' });
  });
  afterAll(async () => {
    await app.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('lists published versions and leaves drafts out', () => {
    expect(publishedVersions(dir)).toEqual(['henan-2023', 'henan-2024']);
  });

  it('answers with the configured version by default and with an older published one by name', async () => {
    const current = (await app.inject({ url: '/api/knowledge/clauses/五' })).json();
    expect(current.version).toBe('henan-2024');
    expect(current.clause.text).toContain('0371—65500000');
    const older = (await app.inject({ url: '/api/knowledge/clauses/五?knowledgeVersion=henan-2023' })).json();
    expect(older.version).toBe('henan-2023');
    expect(older.clause.text).toContain('0371—65507698');
  });

  it('does not serve a draft', async () => {
    const res = await app.inject({ url: '/api/knowledge/clauses/五?knowledgeVersion=henan-2025' });
    expect(res.statusCode).toBe(400);
    // The refusal names the versions that are served, and the draft is not among them.
    expect(res.json().error.message).toMatch(/可用版本：henan-2024、henan-2023$/);
    await expect(buildKnowledgeApp({ KNOWLEDGE_DIR: dir, KNOWLEDGE_VERSION: 'henan-2025' })).rejects.toThrow(/未发布的草稿/);
  });
});
