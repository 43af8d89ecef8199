import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { llmConnection, loadConfig } from '../../server/config';
import { LlmError } from '../../server/llm/errors';
import { createLlm, withSlot, type Llm } from '../../server/llm/provider';
import { startFakeOpenAI, type FakeOpenAI } from '../fakes/openai-server';

const KEY = 'sk-provider-test-KEY-9f8e7d6c5b4a';
const messages = [{ role: 'user' as const, content: '你好' }];
const Facts = z.object({ items: z.array(z.object({ id: z.enum(['mes', 'erp']), has: z.boolean() })) });
const tool = { name: 'record_facts', description: 'record', parameters: Facts };

async function failure(p: Promise<unknown>): Promise<LlmError> {
  try {
    await p;
  } catch (err) {
    expect(err).toBeInstanceOf(LlmError);
    return err as LlmError;
  }
  throw new Error('expected the call to fail');
}

describe('the provider module against a fake OpenAI-compatible server', () => {
  let fake: FakeOpenAI;
  let llm: Llm;
  const make = (env: Record<string, string> = {}) =>
    createLlm(llmConnection(loadConfig({ LLM_BASE_URL: fake.url, LLM_MODEL: 'fake-chat', LLM_API_KEY: KEY, LLM_TIMEOUT_MS: '1000', LLM_MAX_RETRIES: '0', ...env }))!);

  beforeAll(async () => {
    fake = await startFakeOpenAI();
  });
  afterAll(async () => {
    await fake.close();
  });
  beforeEach(() => {
    fake.requests.length = 0;
    llm = make();
  });

  it('streams content deltas in order and reports the finish reason and usage', async () => {
    fake.enqueue({ kind: 'text', text: '申报主体须具有独立法人资格。' });
    const deltas: string[] = [];
    const r = await llm.streamText({ messages, onDelta: (d) => deltas.push(d) });
    expect(deltas.length).toBeGreaterThan(3);
    expect(deltas.join('')).toBe('申报主体须具有独立法人资格。');
    expect(r).toMatchObject({ text: '申报主体须具有独立法人资格。', finishReason: 'stop', usage: { promptTokens: 42, completionTokens: 7 } });
    const req = fake.requests[0]!;
    expect(req.body).toMatchObject({ model: 'fake-chat', stream: true, stream_options: { include_usage: true } });
    expect(req.headers.authorization).toBe(`Bearer ${KEY}`);
  });

  it('returns a whole answer from a non-streaming call', async () => {
    fake.enqueue({ kind: 'text', text: '请问贵公司是否在河南省注册？' });
    expect(await llm.completeText({ messages })).toBe('请问贵公司是否在河南省注册？');
    expect(fake.requests[0]!.body.stream).toBeFalsy();
  });

  it('assembles tool-call argument fragments and validates them with the zod schema', async () => {
    fake.enqueue({ kind: 'tool', name: 'record_facts', args: JSON.stringify({ items: [{ id: 'mes', has: true }, { id: 'erp', has: false }] }), fragments: 6 });
    const out = await llm.callTool({ messages, tool });
    expect(out).toEqual({ items: [{ id: 'mes', has: true }, { id: 'erp', has: false }] });
    const req = fake.requests[0]!;
    expect(req.body.tool_choice).toEqual({ type: 'function', function: { name: 'record_facts' } });
    expect(JSON.stringify(req.body.tools)).toContain('"enum":["mes","erp"]');
  });

  it('asks GLM for tool_choice "auto", the only value its compatible API accepts', async () => {
    llm = make({ LLM_PROVIDER: 'glm' });
    fake.enqueue({ kind: 'tool', name: 'record_facts', args: '{"items":[]}' });
    expect(await llm.callTool({ messages, tool })).toEqual({ items: [] });
    expect(fake.requests[0]!.body.tool_choice).toBe('auto');
  });

  it('rejects malformed JSON in tool arguments as bad output', async () => {
    fake.enqueue({ kind: 'tool', name: 'record_facts', args: '{"items": [{"id": "mes", "has": tr' });
    expect((await failure(llm.callTool({ messages, tool }))).failure).toBe('badOutput');
  });

  it('rejects tool arguments outside the schema, such as an unknown capability', async () => {
    fake.enqueue({ kind: 'tool', name: 'record_facts', args: '{"items":[{"id":"verdict","has":true}]}' });
    expect((await failure(llm.callTool({ messages, tool }))).failure).toBe('badOutput');
  });

  it('reports a model that answers in prose instead of calling the tool', async () => {
    fake.enqueue({ kind: 'text', text: '你们有MES。' });
    expect((await failure(llm.callTool({ messages, tool }))).failure).toBe('ignoredTools');
  });

  it('maps a 401 to an auth failure whose message never contains the key', async () => {
    fake.enqueue({ kind: 'status', status: 401 });
    const err = await failure(llm.streamText({ messages }));
    expect(err.failure).toBe('auth');
    expect(err.message + String(err.stack)).not.toContain(KEY);
    expect(JSON.stringify(err)).not.toContain(KEY);
  });

  it('retries a 429 with backoff and succeeds when the provider recovers', async () => {
    llm = make({ LLM_MAX_RETRIES: '2' });
    fake.enqueue({ kind: 'status', status: 429, retryAfterMs: 5 }, { kind: 'text', text: '好的' });
    expect((await llm.streamText({ messages })).text).toBe('好的');
    expect(fake.requests).toHaveLength(2);
  });

  it('gives up on a 429 once the configured retries are spent', async () => {
    llm = make({ LLM_MAX_RETRIES: '1' });
    fake.enqueue({ kind: 'status', status: 429, retryAfterMs: 5 }, { kind: 'status', status: 429, retryAfterMs: 5 });
    expect((await failure(llm.streamText({ messages }))).failure).toBe('rateLimit');
    expect(fake.requests).toHaveLength(2);
  });

  it('maps a 500 to a server failure', async () => {
    fake.enqueue({ kind: 'status', status: 500 });
    expect((await failure(llm.completeText({ messages }))).failure).toBe('server');
  });

  it('maps a 404 for an unknown model to an unavailable service, not to bad output', async () => {
    fake.enqueue({ kind: 'status', status: 404, message: 'model not found' });
    expect((await failure(llm.completeText({ messages }))).failure).toBe('server');
  });

  it('times out a provider that never answers', async () => {
    fake.enqueue({ kind: 'stall' });
    const t0 = Date.now();
    expect((await failure(llm.streamText({ messages }))).failure).toBe('timeout');
    expect(Date.now() - t0).toBeLessThan(3000);
  });

  it('times out a stream that goes silent after a few tokens', async () => {
    fake.enqueue({ kind: 'stall', afterChunks: 2, text: '根据通知第二条规定' });
    const deltas: string[] = [];
    expect((await failure(llm.streamText({ messages, onDelta: (d) => deltas.push(d) }))).failure).toBe('timeout');
    expect(deltas.length).toBe(2);
  });

  it('times out a tool call that goes silent', async () => {
    fake.enqueue({ kind: 'stall', afterChunks: 1, text: 'xx' });
    expect((await failure(llm.callTool({ messages, tool }))).failure).toBe('timeout');
  });

  it('reports a stream cut mid-way as cut, not as a finished answer', async () => {
    fake.enqueue({ kind: 'cut', text: '申报主体须具有独立法人资格，且', afterChunks: 3 });
    expect((await failure(llm.streamText({ messages }))).failure).toBe('cut');
  });

  it('limits calls in flight per session and frees the slot afterwards', async () => {
    llm = make({ LLM_SESSION_CONCURRENCY: '1' });
    fake.enqueue({ kind: 'text', text: '一二三四五六', delayMs: 20 });
    const first = withSlot(llm, 's1', () => llm.streamText({ messages }));
    expect((await failure(withSlot(llm, 's1', () => llm.streamText({ messages })))).failure).toBe('busy');
    const other = llm.acquire('s2');
    expect(other, 'another session is not affected').not.toBeNull();
    other!();
    await first;
    const again = llm.acquire('s1');
    expect(again).not.toBeNull();
    again!();
  });
});
