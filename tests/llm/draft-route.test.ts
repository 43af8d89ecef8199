import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build, type Built } from '../helper';
import { discreteComplete } from '../forms/fixtures';
import { countChars } from '../../server/forms/length';
import { startFakeOpenAI, type FakeOpenAI } from '../fakes/openai-server';

/** A compliant model: the enterprise's own history and business sentences, padded without numbers to the target. */
function intro(): string {
  const f = discreteComplete.form!;
  let text = `${f.name}${f.history}${f.business}`;
  while (countChars(text) < 380) text += '公司坚持以智能制造提升核心竞争力，持续完善研发、生产、质量、物流一体化管理体系。';
  return text;
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
    expect(body.text.startsWith(discreteComplete.form!.name!)).toBe(true);
    expect(body.unsourcedNumbers).toBeUndefined();
    const sent = fake.requests.at(-1)!.body.messages[1]!.content!;
    expect(sent).toContain('<<<数据：企业事实>>>');
    expect(sent).toContain('"employees": 620');
  });

  it('falls back to the offline draft for a number the facts do not contain, after one regeneration', async () => {
    fake.fallback = { kind: 'text', text: intro().replace(discreteComplete.form!.name!, `${discreteComplete.form!.name}（员工8888人）`) };
    const before = fake.requests.length;
    const body = (await draft()).json();
    expect(fake.requests.length - before, 'first draft plus one regeneration').toBe(2);
    expect(body.unsourcedNumbers).toEqual(['8888']);
    expect(body.drafter).toBe('template');
    expect(body.text).not.toContain('8888');
    expect(body.notice).toContain('8888');
  });

  it('falls back to the template draft with a notice when the model fails', async () => {
    fake.fallback = { kind: 'status', status: 500 };
    const body = (await draft()).json();
    expect(body.drafter).toBe('template');
    expect(body.notice).toMatch(/离线模板草稿/);
    expect(body.text.length).toBeGreaterThan(0);
  });
});
