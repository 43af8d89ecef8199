// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { extractedFieldLabel, uploadProblem } from '../../web/console/components/zz-console-knowledge';
import { readFileSync } from 'node:fs';

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
