import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { llmConnection, loadConfig } from '../../server/config';
import { createLlm, type Llm } from '../../server/llm/provider';
import { claimTerms, draftSection, type FormsContext } from '../../server/forms/draft';
import { draftWithLlm } from '../../server/llm/draft';
import { loadKnowledgeData } from '../../server/knowledge/load';
import { loadTemplates } from '../../server/forms/template';
import { DraftProfile } from '../../server/schemas/forms';
import { startFakeOpenAI, type FakeOpenAI } from '../fakes/openai-server';

const kb = loadKnowledgeData('knowledge', 'henan-2023');
const ctx: FormsContext = { ...kb, templates: loadTemplates() };
const profile = DraftProfile.parse({
  enterprise: { name: '洛阳某某公司' },
  capabilities: { mes: true, rto: 'partial' },
  form: { workshops: [{ name: '一车间', descriptions: { 'ws.dispatch': '一车间MES按订单自动排产，计划下发到机台。' } }] },
});
const offline = draftSection(ctx, profile, 'processFactory', 'ws.dispatch@1');
const input = { section: 'ws.dispatch@1', title: offline.title, clauses: [], facts: profile, offline, terms: claimTerms(kb.formDrafting) };

describe('a model rewrite is checked claim by claim against the draft provenance', () => {
  let fake: FakeOpenAI;
  let llm: Llm;
  beforeAll(async () => {
    fake = await startFakeOpenAI();
  });
  afterAll(() => fake.close());
  beforeEach(() => {
    llm = createLlm(llmConnection(loadConfig({ LLM_BASE_URL: fake.url, LLM_MODEL: 'm', LLM_TIMEOUT_MS: '1000', LLM_MAX_RETRIES: '0' }))!);
  });

  it('keeps a fluent rewrite whose every claim has a source, with the facts per sentence', async () => {
    const text = '一车间应用制造执行系统（MES），按订单自动排产。生产计划下发到各机台执行。';
    fake.enqueue({ kind: 'text', text });
    const r = await draftWithLlm(llm, input, { sessionKey: 'a' });
    expect(r.source).toBe('llm');
    expect(r.draft.sentences[0]!.facts).toEqual(expect.arrayContaining(['form.workshops.0.descriptions.ws.dispatch']));
    expect(r.draft.sentences.map((s) => s.text).join('')).toBe(text);
  });

  it('falls back to the offline draft when the model names a system nobody confirmed', async () => {
    fake.enqueue({ kind: 'text', text: '一车间应用制造执行系统（MES）和安灯系统（Andon），按订单自动排产。' });
    const r = await draftWithLlm(llm, input, { sessionKey: 'b' });
    expect(r.source).toBe('offline');
    expect(r.draft).toEqual(offline);
    expect(r.violations.join('')).toMatch(/安灯|Andon/);
    expect(r.notice).toMatch(/离线模板草稿/);
  });

  it('falls back when the model states a status the enterprise did not give', async () => {
    fake.enqueue({ kind: 'text', text: '一车间MES按订单自动排产。制造管控系统正在建设中，尚未全面投用。' });
    const r = await draftWithLlm(llm, input, { sessionKey: 'c' });
    expect(r.source).toBe('offline');
    expect(r.violations.join('')).toMatch(/制造管控|正在建设|尚未/);
  });
});
