import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { llmConnection, loadConfig } from '../../server/config';
import { createKnowledgeBase } from '../../server/knowledge/base';
import { loadKnowledgeData } from '../../server/knowledge/load';
import { createLlm, type Llm } from '../../server/llm/provider';
import { contradicts, groundedAnswer } from '../../server/llm/qa';
import { qaSources } from '../../server/llm/sources';
import { answerQuestion, verifiedAnswer } from '../../server/qa/answer';
import { lastUserContent, startFakeOpenAI, type FakeOpenAI } from '../fakes/openai-server';

const kb = createKnowledgeBase(loadKnowledgeData('knowledge', 'henan-2023'));
const KEY = 'sk-verified-test-KEY-123456';
/** A question the answer base answers with high confidence: the conclusion is "不能". */
const GROUP = '能以集团公司的名义统一申报吗';

describe('a high-confidence answer-base match is the model’s first source', () => {
  let fake: FakeOpenAI;
  let llm: Llm;
  beforeAll(async () => {
    fake = await startFakeOpenAI();
  });
  afterAll(() => fake.close());
  beforeEach(() => {
    fake.requests.length = 0;
    llm = createLlm(llmConnection(loadConfig({ LLM_BASE_URL: fake.url, LLM_MODEL: 'm', LLM_API_KEY: KEY, LLM_TIMEOUT_MS: '1000', LLM_MAX_RETRIES: '0' }))!);
  });

  it('finds the verified answer for a question the answer base matches well, and none for a weak one', () => {
    expect(verifiedAnswer(kb, GROUP)).toMatchObject({ conclusion: 'no', answer: expect.stringMatching(/^不能/u) });
    expect(verifiedAnswer(kb, '厂区绿化种什么树好看')).toBeNull();
  });

  it('keeps the conclusion as written, first, and lets the model add only context after it', async () => {
    fake.enqueue({ kind: 'text', text: '集团旗下的子公司如具有独立法人资格，可以各自以本企业名义申报〔二(一)〕。' });
    const deltas: string[] = [];
    const r = await groundedAnswer(llm, qaSources(kb), GROUP, { sessionKey: 's', onDelta: (d) => deltas.push(d) });
    const verified = verifiedAnswer(kb, GROUP)!;
    expect(r.source).toBe('llm');
    expect(r.response.answer.startsWith(verified.answer)).toBe(true);
    expect(r.response.answer).toContain('各自以本企业名义申报');
    expect(deltas.join('')).toBe(r.response.answer);
    expect(r.response.citations[0]!.clause).toBe('二(一)');
    const sent = lastUserContent(fake.requests[0]!);
    expect(sent, 'the verified answer reaches the model as a fenced data block').toContain('<<<数据：已核实的答案>>>');
    expect(sent).toContain(verified.answer.split('\n')[0]!);
  });

  it('rejects a model answer whose conclusion contradicts the matched entry and serves the offline answer', async () => {
    fake.enqueue({ kind: 'text', text: '可以。集团可以统一申报〔二(一)〕。' });
    const r = await groundedAnswer(llm, qaSources(kb), GROUP, { sessionKey: 's' });
    expect(r.failure).toBe('contradiction');
    expect(r.source).toBe('offline');
    expect(r.response.answer).toBe(answerQuestion(kb, GROUP).answer);
    expect(r.notice).toContain('不一致');
  });

  it('rejects a figure the verified answer and the clauses do not hold', async () => {
    fake.enqueue({ kind: 'text', text: '另外，洛阳市可以推荐12家〔四(三)〕。' });
    const r = await groundedAnswer(llm, qaSources(kb), '洛阳市能推荐几家企业', { sessionKey: 's' });
    expect(r.failure).toBe('contradiction');
    expect(r.response.answer).toContain('15家');
  });

  it('serves the verified answer with its quotes when the model has nothing to add', async () => {
    fake.enqueue({ kind: 'text', text: '（无补充）' });
    const r = await groundedAnswer(llm, qaSources(kb), GROUP, { sessionKey: 's' });
    expect(r.source).toBe('offline');
    expect(r.failure).toBeUndefined();
    expect(r.response.answer).toBe(answerQuestion(kb, GROUP).answer);
  });
});

describe('what contradicts a verified answer', () => {
  const no = { conclusion: 'no' as const, answer: '不能。每家企业当年限报1个。', clauses: ['四(一)'] };
  const yes = { conclusion: 'yes' as const, answer: '可以。', clauses: ['二(一)'] };
  it('an opposite yes or no at the start, or a figure from nowhere; not added context', () => {
    expect(contradicts(no, '可以同时申报两个〔四(一)〕。', [])).toBe(true);
    expect(contradicts(yes, '不能，通知不支持〔二(一)〕。', [])).toBe(true);
    expect(contradicts(no, '另外，每家企业当年限报3个〔四(一)〕。', [])).toBe(true);
    expect(contradicts(no, '同一年只能在车间和工厂之间二选一〔四(一)〕。', [])).toBe(false);
    expect(contradicts(yes, '子公司须具有独立法人资格〔二(一)〕。', [])).toBe(false);
  });
});
