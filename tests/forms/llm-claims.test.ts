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

  it('falls back when the model adds a capability nobody stated: 已实现全流程数字孪生', async () => {
    const text = '一车间应用制造执行系统（MES），按订单自动排产。公司已实现全流程数字孪生。';
    fake.enqueue({ kind: 'text', text });
    const r = await draftWithLlm(llm, input, { sessionKey: 'd' });
    expect(r.source).toBe('offline');
    expect(r.draft).toEqual(offline);
    // Only the added sentence is untraced; the rewritten one traces to the enterprise's description.
    expect(r.checked.untraced.map((u) => u.sentence)).toEqual(['公司已实现全流程数字孪生。']);
    expect(r.checked.untraced[0]!.spans.join('')).toContain('全流程');
    expect(r.notice).toMatch(/全流程|数字孪生/);
  });

  it('falls back when the model adds an honour nobody stated: 获得省级…称号', async () => {
    const text = '一车间应用制造执行系统（MES），按订单自动排产，计划下发到机台。公司获得省级智能制造标杆企业称号。';
    fake.enqueue({ kind: 'text', text });
    const r = await draftWithLlm(llm, input, { sessionKey: 'e' });
    expect(r.source).toBe('offline');
    expect(r.checked.untraced.map((u) => u.sentence)).toEqual(['公司获得省级智能制造标杆企业称号。']);
    expect(r.checked.untraced[0]!.spans.join('、')).toMatch(/省级.*称号/);
    expect(r.notice).toContain('省级');
  });

  it('accepts the honour when the enterprise gave it, tracing the sentence to that fact', async () => {
    const withHonour = DraftProfile.parse({ ...profile, form: { ...profile.form, honours: ['河南省智能制造标杆企业'] } });
    const off = draftSection(ctx, withHonour, 'processFactory', 'ws.dispatch@1');
    fake.enqueue({ kind: 'text', text: '一车间应用制造执行系统（MES），按订单自动排产。公司获得河南省智能制造标杆企业称号。' });
    const r = await draftWithLlm(llm, { ...input, facts: withHonour, offline: off }, { sessionKey: 'f' });
    // 「称号」 is the model's word for what the enterprise listed as an honour: still a claim without a source.
    expect(r.checked.untraced.map((u) => u.spans)).toEqual([['称号']]);
    fake.enqueue({ kind: 'text', text: '一车间应用制造执行系统（MES），按订单自动排产。公司被评为河南省智能制造标杆企业。' });
    const ok = await draftWithLlm(llm, { ...input, facts: withHonour, offline: off }, { sessionKey: 'g' });
    expect(ok.source).toBe('llm');
    expect(ok.draft.sentences[1]!.facts).toContain('form.honours.0');
  });
});
