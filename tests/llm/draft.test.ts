import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { llmConnection, loadConfig } from '../../server/config';
import { draftWithLlm, type LlmDraftInput } from '../../server/llm/draft';
import { createLlm, type Llm } from '../../server/llm/provider';
import { countChars } from '../../server/forms/length';
import type { DraftResult } from '../../server/schemas/forms';
import { lastUserContent, startFakeOpenAI, type FakeOpenAI } from '../fakes/openai-server';

const OFFLINE: DraftResult = {
  section: 'ws.networking',
  title: '车间设备联网',
  text: '车间现有自动化设备146台（套），其中联网134台（套），联网率91.8%。',
  length: 30,
  target: { text: '60字左右', nominal: 60, min: 40, max: 80 },
  withinTarget: false,
  missingFacts: [],
  numbers: [
    { value: '146', source: 'workshops.0.devices' },
    { value: '134', source: 'workshops.0.networked' },
    { value: '91.8', source: 'computed', formula: '134÷146' },
  ],
  unmet: [],
  sentences: [{ text: '车间现有自动化设备146台（套），其中联网134台（套），联网率91.8%。', facts: ['workshops.0.devices', 'workshops.0.networked', 'computed'] }],
  addFacts: [],
};
const FACTS = { workshops: [{ name: '机加工车间', devices: 146, networked: 134, protocols: 'OPC UA、Profinet' }] };
const input: LlmDraftInput = {
  section: 'ws.networking',
  title: '车间设备联网',
  hint: '（请简要说明车间内自动化、数字化、智能化设备联网数以及联网比重情况）',
  clauses: [{ id: '三(一)3', title: '车间设备互联互通', text: '车间内生产、检测设备联网数占……比例达到省内行业先进水平。' }],
  facts: FACTS,
  offline: OFFLINE,
};
// 40–80 characters; every number from the facts or computed, every other word a fact's or a connective.
const GOOD = '机加工车间现有自动化设备146台（套），其中联网134台（套），联网率91.8%。机加工车间设备通过OPC UA、Profinet联网。';

describe('drafting with the model, checked by the server', () => {
  let fake: FakeOpenAI;
  let llm: Llm;
  beforeAll(async () => {
    fake = await startFakeOpenAI();
  });
  afterAll(() => fake.close());
  beforeEach(() => {
    fake.requests.length = 0;
    llm = createLlm(llmConnection(loadConfig({ LLM_BASE_URL: fake.url, LLM_MODEL: 'm', LLM_TIMEOUT_MS: '1000', LLM_MAX_RETRIES: '0' }))!);
  });

  it('accepts a draft within the target whose numbers all come from the facts, in one call', async () => {
    expect(countChars(GOOD)).toBeGreaterThanOrEqual(40);
    expect(countChars(GOOD)).toBeLessThanOrEqual(80);
    fake.enqueue({ kind: 'text', text: GOOD });
    const r = await draftWithLlm(llm, input, { sessionKey: 's' });
    expect(r).toMatchObject({ source: 'llm', calls: 1, violations: [], lengthAction: 'none' });
    expect(r.draft.text).toBe(GOOD);
    expect(r.draft.withinTarget).toBe(true);
    expect(r.draft.numbers.find((n) => n.value === '91.8')?.source).toBe('computed');
    const sent = lastUserContent(fake.requests[0]!);
    expect(sent).toContain('"devices": 146');
    expect(sent).toContain('三(一)3');
    expect(sent).toContain('请简要说明车间内自动化');
    expect(fake.requests[0]!.body.messages[0]!.content).toContain('先给数字');
  });

  it('regenerates once when a number has no source, naming the number', async () => {
    fake.enqueue({ kind: 'text', text: GOOD.replace('146台', '150台') }, { kind: 'text', text: GOOD });
    const r = await draftWithLlm(llm, input, { sessionKey: 's' });
    expect(r).toMatchObject({ source: 'llm', calls: 2, violations: [] });
    expect(lastUserContent(fake.requests[1]!)).toContain('150');
  });

  it('falls back to the offline draft and reports a number that is still unsourced after the regeneration', async () => {
    const bad = GOOD.replace('146台', '150台');
    fake.enqueue({ kind: 'text', text: bad }, { kind: 'text', text: bad });
    const r = await draftWithLlm(llm, input, { sessionKey: 's' });
    expect(r.violations).toEqual(['150']);
    expect(r.source).toBe('offline');
    expect(r.draft.text).toBe(OFFLINE.text);
    expect(r.notice).toContain('150');
  });

  it('asks once to shorten an overlong draft, then cuts it at a sentence boundary', async () => {
    const long = GOOD + '车间网络采用工业以太网环网结构，并部署工业防火墙，实现生产网与办公网隔离，保障数据安全可靠。';
    fake.enqueue({ kind: 'text', text: long }, { kind: 'text', text: long });
    const r = await draftWithLlm(llm, input, { sessionKey: 's' });
    expect(lastUserContent(fake.requests[1]!)).toMatch(/压缩/);
    expect(r.lengthAction).toBe('cut');
    expect(r.draft.text).toBe(GOOD);
    expect(r.draft.length).toBeLessThanOrEqual(80);
    expect(/[。！？；]$/.test(r.draft.text)).toBe(true);
  });

  it('asks once to lengthen a draft that is too short', async () => {
    fake.enqueue({ kind: 'text', text: '车间设备联网134台（套）。' }, { kind: 'text', text: GOOD });
    const r = await draftWithLlm(llm, input, { sessionKey: 's' });
    expect(lastUserContent(fake.requests[1]!)).toMatch(/扩充/);
    expect(r).toMatchObject({ lengthAction: 'retried', source: 'llm' });
    expect(r.draft.text).toBe(GOOD);
  });

  it('uses the offline template draft and tells the user when the model fails', async () => {
    fake.enqueue({ kind: 'status', status: 500 });
    const r = await draftWithLlm(llm, input, { sessionKey: 's' });
    expect(r.source).toBe('offline');
    expect(r.draft).toEqual(OFFLINE);
    expect(r.notice).toMatch(/离线模板草稿/);
  });
});

describe('a model rewrite that adds a claim of its own', () => {
  let fake: FakeOpenAI;
  let llm: Llm;
  beforeAll(async () => {
    fake = await startFakeOpenAI();
  });
  afterAll(() => fake.close());
  beforeEach(() => {
    llm = createLlm(llmConnection(loadConfig({ LLM_BASE_URL: fake.url, LLM_MODEL: 'm', LLM_TIMEOUT_MS: '1000', LLM_MAX_RETRIES: '0' }))!);
  });

  it('falls back to the offline draft when a sentence states equipment and monitoring the facts do not give', async () => {
    // Every number is sourced; the second sentence's 数控机床 and 实时监控 are the model's own.
    const text = '车间现有自动化设备146台（套），其中联网134台（套），联网率91.8%。数控机床通过OPC UA接入数据采集系统，实现设备状态实时监控。';
    fake.enqueue({ kind: 'text', text });
    const r = await draftWithLlm(llm, input, { sessionKey: 's' });
    expect(r.source).toBe('offline');
    expect(r.draft).toEqual(OFFLINE);
    expect(r.checked.untraced).toEqual([{ sentence: '数控机床通过OPC UA接入数据采集系统，实现设备状态实时监控。', spans: expect.arrayContaining(['数控机床', expect.stringContaining('状态实时监控')]) }]);
    expect(r.notice).toContain('数控机床');
  });
});
