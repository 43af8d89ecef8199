// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { uploadProblem } from '../../web/console/components/zz-console-knowledge';

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
