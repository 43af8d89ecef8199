import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { llmConnection, loadConfig } from '../../server/config';
import { createLlm } from '../../server/llm/provider';
import { createLlmSpeaker } from '../../server/llm/speaker';
import type { Interpretation, SpeakContext, Speaker } from '../../server/chat/ports';
import type { QuestionView } from '../../server/schemas/interview';
import type { QaSources } from '../../server/llm/qa';
import { startFakeOpenAI, type FakeOpenAI } from '../fakes/openai-server';

const MES: QuestionView = { id: 'cap.mes', text: '是否应用制造执行系统（MES）？', kind: 'yesNoPartial', phase: 'elements' };
const FORM_Q: QuestionView = { id: 'form.name', text: '企业全称是什么？', kind: 'text', phase: 'form' };
const CLAUSE = { id: '二(一)', title: '申报主体', text: '具有独立法人资格的单体制造业企业（不支持以集团、总公司名义申报）。' };
const sources: QaSources = {
  offline: () => ({ answer: '离线答案', citations: [{ clause: '二(一)', title: '申报主体', quote: '…' }], confidence: 0.8, outOfScope: false }),
  retrieve: () => [CLAUSE],
  clause: (id) => (id === CLAUSE.id ? CLAUSE : undefined),
};
/** The offline speaker: reads "有" as yes for the pending question, anything else as unclear. */
const offline: Speaker = {
  answer: async () => ({ text: '离线答案', citations: [] }),
  phraseQuestion: async (q) => q.text,
  extract: async (text, ctx): Promise<Interpretation> =>
    text.includes('纸质')
      ? { kind: 'unclear', reason: 'lookalike', choices: ['纸质的生产记录'] }
      : text.includes('差不多有吧')
        ? { kind: 'unclear', reason: 'hedge', choices: ['差不多有吧', '不太好说'] }
        : text.startsWith('有') && ctx.pending ? { kind: 'answers', items: [{ questionId: ctx.pending.id, value: true }] } : { kind: 'unclear' },
};

describe('the model speaker', () => {
  let fake: FakeOpenAI;
  let speaker: Speaker;
  let notices: string[];
  const ctx = (pending: QuestionView | null = MES, sessionId = 's1'): SpeakContext => ({ kb: {} as SpeakContext['kb'], sessionId, pending, answers: {}, notify: (t) => notices.push(t) });

  beforeAll(async () => {
    fake = await startFakeOpenAI({ chunkDelayMs: 2 });
  });
  afterAll(() => fake.close());
  beforeEach(() => {
    fake.requests.length = 0;
    notices = [];
    const llm = createLlm(llmConnection(loadConfig({ LLM_BASE_URL: fake.url, LLM_MODEL: 'm', LLM_TIMEOUT_MS: '1000', LLM_MAX_RETRIES: '0' }))!);
    speaker = createLlmSpeaker(llm, offline, { sources: () => sources, capabilityLabels: () => [{ id: 'mes', label: '制造执行系统' }] });
  });

  it('reads a short reply with the lexicon and does not call the model', async () => {
    expect(await speaker.extract('有', ctx())).toEqual({ kind: 'answers', items: [{ questionId: 'cap.mes', value: true }] });
    expect(fake.requests).toHaveLength(0);
  });

  it('does not ask the model to read a yes into a paper record the rules found', async () => {
    expect(await speaker.extract('有的，车间用纸质的生产记录在排产', ctx())).toEqual({ kind: 'unclear', reason: 'lookalike', choices: ['纸质的生产记录'] });
    expect(fake.requests).toHaveLength(0);
  });

  it('does not ask the model to read a yes into a reply the rules found hedged', async () => {
    expect(await speaker.extract('MES这个嘛，车间里头差不多有吧，不太好说到底算不算', ctx())).toEqual({ kind: 'unclear', reason: 'hedge', choices: ['差不多有吧', '不太好说'] });
    expect(fake.requests).toHaveLength(0);
  });

  it('leaves form-phase answers to the form rules', async () => {
    expect(await speaker.extract('我们公司叫许昌瑞驰汽车零部件有限公司', ctx(FORM_Q))).toEqual({ kind: 'unclear' });
    expect(fake.requests).toHaveLength(0);
  });

  it('turns a reply the model reads as a question into a question', async () => {
    fake.enqueue({ kind: 'tool', name: 'record_facts', args: '{"userIsAsking":true}' });
    expect(await speaker.extract('MES到底要做到什么程度才算数呢', ctx())).toEqual({ kind: 'question' });
  });

  it('tells the user once, not on every call, while the provider keeps failing', async () => {
    fake.enqueue({ kind: 'status', status: 500 }, { kind: 'status', status: 500 });
    await speaker.extract('我们上了一套生产管理系统，也有条码', ctx());
    await speaker.extract('另外还有一套仓库管理的软件在用', ctx());
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatch(/离线引擎/);
  });

  it('streams a prepared answer only after answer() attaches, in order and complete', async () => {
    fake.enqueue({ kind: 'text', text: '不能以集团名义申报，须由子公司自身申报〔二(一)〕。' });
    const c = ctx(null, 's2');
    speaker.prepare!('集团能申报吗？', c);
    await new Promise((r) => setTimeout(r, 30)); // the model is already streaming
    const deltas: string[] = [];
    const r = await speaker.answer('集团能申报吗？', c, (d) => deltas.push(d));
    expect(deltas.join('')).toBe(r.text);
    expect(r.text).toBe('不能以集团名义申报，须由子公司自身申报〔二(一)〕。');
    expect(fake.requests).toHaveLength(1);
  });

  it('drops a cancelled prepared answer without a notice and answers a later question afresh', async () => {
    // Whether the cancelled request reached the provider at all is a race; the reply depends on the question asked.
    fake.fallback = (req) => ({ kind: 'text', text: JSON.stringify(req.body.messages).includes('第二个问题') ? '第二个回答〔二(一)〕。' : '第一个回答〔二(一)〕。' });
    const c = ctx(null, 's3');
    speaker.prepare!('第一个问题', c)!.cancel();
    const r = await speaker.answer('第二个问题', c, () => {});
    expect(r.text).toBe('第二个回答〔二(一)〕。');
    expect(notices).toEqual([]);
  });

  it('keeps the planner wording when the model rewording changes the question', async () => {
    fake.enqueue({ kind: 'text', text: '贵公司MES的覆盖率超过80%了吗？' });
    expect(await speaker.phraseQuestion(MES, ctx())).toBe(MES.text);
  });
});
