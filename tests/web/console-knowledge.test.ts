// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { extractedFieldLabel, uploadProblem, versionNameProblem } from '../../web/console/components/zz-console-knowledge';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

const LIMIT = 20 * 1024 * 1024;

describe('the notice upload on the knowledge page', () => {
  it('calls an empty file empty, and refuses one over the limit naming it, before anything is sent', () => {
    expect(uploadProblem({ name: '通知.pdf', size: 0 }, LIMIT)).toContain('文件为空');
    const big = uploadProblem({ name: '扫描件.pdf', size: 25 * 1024 * 1024 }, LIMIT);
    expect(big).toContain('25 MB');
    expect(big).toContain('超过 20 MB 的上限');
    expect(uploadProblem({ name: '通知.docx', size: LIMIT }, LIMIT), 'the limit itself is allowed').toBe('');
    expect(uploadProblem({ name: '通知.txt', size: 300_000 }, LIMIT)).toBe('');
  });

  it('refuses a version name the server would refuse before the upload, in words, not by the server\'s query field', () => {
    for (const ok of ['henan-2024', 'shandong-2025', '2024', 'a'.repeat(40)]) expect(versionNameProblem(ok), ok).toBe('');
    for (const bad of ['Bad Name!', 'Henan-2024', 'henan_2024', '河南2024', 'henan 2024', 'a'.repeat(41)]) {
      const said = versionNameProblem(bad);
      expect(said, bad).toBe(`版本名“${bad}”不能用：只能用小写字母、数字和“-”，不超过 40 个字符，如 henan-2024。`);
      expect(said).not.toMatch(/query|\bas\b/);
    }
    expect(versionNameProblem('')).toBe('请填写新版本名，如 henan-2024。');
    // The rule is the server's own: the ingest route takes the same names.
    const route = readFileSync(resolve(__dirname, '../../server/routes/staff-knowledge.ts'), 'utf8');
    expect(/const VersionName = z\.string\(\)\.regex\((\/[^/]+\/)/.exec(route)?.[1]).toBe('/^[a-z0-9-]{1,40}$/');
  });
});

describe('the revision log of an answer', () => {
  it('labels a whole-entry revision by what it did: a new entry 新建, a withdrawal 撤回', async () => {
    const { revisionChanges } = await import('../../web/console/components/zz-console-review');
    expect(revisionChanges({ entry: { id: 'x' }, changed: ['entry'] })).toBe('新建');
    expect(revisionChanges({ entry: null, changed: ['entry'] })).toBe('撤回');
    expect(revisionChanges({ entry: { id: 'x' }, changed: ['answer', 'quotes'] })).toBe('答复、引文');
    expect(revisionChanges({ entry: { id: 'x' }, changed: [] })).toBe('—');
  });
});

describe('the figures re-extracted from a new notice', () => {
  it('are named in Chinese, not by their keys in the JSON files, for every field the ingest re-extracts', () => {
    const fields = [...readFileSync('server/knowledge/ingest/ingest.ts', 'utf8').matchAll(/field: '([^']+)'/g)].map((m) => m[1]!);
    expect(fields.length).toBeGreaterThan(5);
    for (const f of [...fields, 'forms.0.name']) expect(extractedFieldLabel(f), f).toMatch(/^[^A-Za-z]*[\u4e00-\u9fff][^A-Za-z]*$/);
    expect(extractedFieldLabel('forms.1.name')).toBe('第 2 个附件名称');
  });
});
