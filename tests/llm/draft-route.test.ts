import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build, type Built } from '../helper';
import { discreteComplete } from '../forms/fixtures';
import { loadKnowledgeData } from '../../server/knowledge/load';
import { loadTemplates } from '../../server/forms/template';
import { draftSection } from '../../server/forms/draft';
import { DraftProfile } from '../../server/schemas/forms';
import { faithfulRewrite } from './rewrites';
import { startFakeOpenAI, type FakeOpenAI } from '../fakes/openai-server';

/**
 * A compliant model: the offline draft reworded, every claim kept and none added. Padding with claims of
 * its own (「持续完善…一体化管理体系」) would be refused: it traces to no fact.
 */
function intro(): string {
  const kb = loadKnowledgeData('knowledge', 'henan-2023');
  const offline = draftSection({ ...kb, templates: loadTemplates(), engine: kb }, DraftProfile.parse(discreteComplete), 'discreteFactory', 'enterpriseIntro');
  // Kept no longer than the offline draft, which sits near the top of its length target: this model complies with it.
  return faithfulRewrite(offline, { openers: false }).replace(/本公司/gu, '公司');
}

describe('POST /api/draft in LLM mode', () => {
  let fake: FakeOpenAI;
  let b: Built;
  beforeAll(async () => {
    fake = await startFakeOpenAI();
    b = await build({ LLM_BASE_URL: fake.url, LLM_MODEL: 'fake-chat', LLM_TIMEOUT_MS: '1500', LLM_MAX_RETRIES: '0' });
  }, 120_000);
  afterAll(async () => {
    await b?.close();
    await fake?.close();
  });

  const draft = () => b.app.inject({ method: 'POST', url: '/api/draft', payload: { profile: discreteComplete, category: 'discreteFactory', section: 'enterpriseIntro' } });

  it('returns the model draft after the length and provenance checks', async () => {
    const text = intro();
    fake.fallback = { kind: 'text', text };
    const res = await draft();
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.drafter, body.notice).toBe('llm');
    expect(body.withinTarget, `length ${body.length}`).toBe(true);
    expect(body.text).toBe(intro());
    expect(body.sentences.every((x: { facts: string[] }) => x.facts.length > 0)).toBe(true);
    expect(body.unsourcedNumbers).toBeUndefined();
    const sent = fake.requests.at(-1)!.body.messages[1]!.content!;
    expect(sent).toContain('<<<数据：企业事实>>>');
    expect(sent).toContain('"employees": 620');
  });

  it('falls back to the offline draft for a number the facts do not contain, after one regeneration', async () => {
    // The figure is changed in place, so the reply stays within the length target and only the number is retried.
    const text = intro();
    expect(text).toContain('现有员工620人');
    fake.fallback = { kind: 'text', text: text.replace('现有员工620人', '现有员工8888人') };
    const before = fake.requests.length;
    const body = (await draft()).json();
    expect(fake.requests.length - before, 'first draft plus one regeneration').toBe(2);
    expect(body.unsourcedNumbers).toEqual(['8888']);
    expect(body.drafter).toBe('template');
    expect(body.text).not.toContain('8888');
    expect(body.notice).toContain('8888');
  });

  it('falls back to the template draft and names the sentence when the model adds a claim no fact gives', async () => {
    const added = '公司数字化水平处于国内领先地位。';
    fake.fallback = { kind: 'text', text: intro().replace(/^([^。]*。)/, `$1${added}`) };
    const body = (await draft()).json();
    expect(body.drafter).toBe('template');
    expect(body.untracedClaims).toEqual([{ sentence: added, spans: expect.arrayContaining([expect.stringMatching(/领先/)]) }]);
    expect(body.notice).toMatch(/领先/);
  });

  it('falls back to the template draft with a notice when the model fails', async () => {
    fake.fallback = { kind: 'status', status: 500 };
    const body = (await draft()).json();
    expect(body.drafter).toBe('template');
    expect(body.notice).toMatch(/离线模板草稿/);
    expect(body.text.length).toBeGreaterThan(0);
  });
});
