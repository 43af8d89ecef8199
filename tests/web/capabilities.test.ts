import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build, type Built } from '../helper';
import { CAPABILITY_IDS } from '../../server/schemas/profile';

let built: Built;
beforeAll(async () => {
  built = await build();
});
afterAll(async () => {
  await built.close();
});

describe('GET /api/knowledge/capabilities', () => {
  it('names every capability id of the contract in Chinese, so the panel never shows a raw id', async () => {
    const res = await built.app.inject('/api/knowledge/capabilities');
    expect(res.statusCode).toBe(200);
    const body = res.json() as { capabilities: { id: string; label: string; clauses: string[] }[] };
    const ids = body.capabilities.map((c) => c.id).sort();
    expect(ids).toEqual([...CAPABILITY_IDS].sort());
    for (const c of body.capabilities) {
      expect(c.label, c.id).toMatch(/[\u4e00-\u9fff]/);
      expect(c.clauses.length, c.id).toBeGreaterThan(0);
    }
  });

  it('does not expose the free-text aliases, which are interpretation data and not display text', async () => {
    const res = await built.app.inject('/api/knowledge/capabilities');
    expect(res.body).not.toContain('aliases');
  });
});
