import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerQuestion, answerSourceOf } from '../../server/qa/answer';
import { build, type Built } from '../helper';
import { startFakeOpenAI, type FakeOpenAI } from '../fakes/openai-server';
import { serveForFile } from '../chat/serve';
import { ChatClient } from '../chat/client';

const questions = JSON.parse(readFileSync(new URL('../fixtures/questions.json', import.meta.url), 'utf8')) as { q: string; outOfScope?: boolean }[];

/** The value of one series in Prometheus text format (0 when absent). */
function series(text: string, name: string, labels = ''): number {
  const line = text.split('\n').find((l) => l.startsWith(`${name}${labels} `) || (labels === '' && l.startsWith(`${name} `)));
  return line ? Number(line.split(' ').at(-1)) : 0;
}

describe('answer and model counters in /metrics', () => {
  let offline: Built;
  let withModel: Built;
  let fake: FakeOpenAI;
  beforeAll(async () => {
    fake = await startFakeOpenAI();
    [offline, withModel] = await Promise.all([
      build(),
      build({ LLM_BASE_URL: fake.url, LLM_MODEL: 'fake-chat', LLM_API_KEY: 'sk-test', LLM_TIMEOUT_MS: '2000', LLM_MAX_RETRIES: '0' }),
    ]);
  }, 180_000);
  afterAll(async () => {
    await offline?.close();
    await withModel?.close();
    await fake?.close();
  });

  it('counts every offline answer under the source it came from, cached repeats included', async () => {
    const kb = offline.app.knowledgeFor(offline.config.KNOWLEDGE_VERSION);
    const asked = [...questions.slice(0, 24).map((x) => x.q), questions[0]!.q, questions[0]!.q];
    const expected: Record<string, number> = {};
    for (const q of asked) {
      const res = await offline.app.inject({ method: 'POST', url: '/api/ask', payload: { question: q } });
      expect(res.statusCode).toBe(200);
      const source = answerSourceOf(answerQuestion(kb, q))!;
      expected[source] = (expected[source] ?? 0) + 1;
    }
    // The sample covers more than one source, so the labels are really told apart.
    expect(Object.keys(expected).length).toBeGreaterThanOrEqual(2);
    const text = (await offline.app.inject({ method: 'GET', url: '/metrics' })).body;
    for (const source of ['answer-base', 'rule', 'retrieval', 'refusal']) {
      expect(series(text, 'answers_total', `{source="${source}"}`)).toBe(expected[source] ?? 0);
    }
    expect(series(text, 'model_calls_total', '{outcome="ok"}')).toBe(0);
  });

  it('times and counts each model request by outcome', async () => {
    fake.requests.length = 0;
    fake.fallback = (req) => {
      const id = /^\[([^\]]+)\] /m.exec(req.body.messages[1]!.content ?? '')?.[1] ?? '二(一)';
      return { kind: 'text', text: `不能，通知只允许具有独立法人资格的单体制造业企业申报〔${id}〕。` };
    };
    const ok = await withModel.app.inject({ method: 'POST', url: '/api/ask', payload: { question: '分公司能否申报？' } });
    expect(ok.statusCode).toBe(200);
    const okCalls = fake.requests.length;
    expect(okCalls).toBeGreaterThan(0);
    fake.fallback = { kind: 'status', status: 500 };
    const failed = await withModel.app.inject({ method: 'POST', url: '/api/ask', payload: { question: '子公司能否申报？' } });
    // The offline answer stands in when the model fails.
    expect(failed.statusCode).toBe(200);
    const failedCalls = fake.requests.length - okCalls;
    expect(failedCalls).toBeGreaterThan(0);

    const text = (await withModel.app.inject({ method: 'GET', url: '/metrics' })).body;
    expect(series(text, 'model_calls_total', '{outcome="ok"}')).toBe(okCalls);
    expect(series(text, 'model_calls_total', '{outcome="error"}')).toBe(failedCalls);
    expect(series(text, 'model_call_duration_seconds_count')).toBe(okCalls + failedCalls);
    expect(series(text, 'model_call_duration_seconds_sum')).toBeGreaterThan(0);
    // Both questions were answered, one by the model and one by the offline fallback.
    const answered = ['answer-base', 'rule', 'retrieval', 'refusal', 'model'].reduce((n, s) => n + series(text, 'answers_total', `{source="${s}"}`), 0);
    expect(answered).toBe(2);
  });
});

describe('answers asked in the chat socket in /metrics', () => {
  const srv = serveForFile();

  it('counts each question answered over the socket under its source, as /api/ask does', async () => {
    const kb = srv.app.knowledgeFor(srv.config.KNOWLEDGE_VERSION);
    const asked = [
      '智能工厂和智能车间申报有什么区别？需要满足哪些条件？',
      ...questions.filter((x) => !x.outOfScope).slice(0, 8).map((x) => x.q),
      ...questions.filter((x) => x.outOfScope).slice(0, 4).map((x) => x.q),
    ];
    const c = await ChatClient.connect(srv.url);
    c.send({ type: 'open' });
    await c.next('session');
    await c.next('question');
    const before = (await srv.app.inject({ method: 'GET', url: '/metrics' })).body;
    const expected: Record<string, number> = {};
    let answered = 0;
    for (const [i, q] of asked.entries()) {
      const clientId = `q${i}`;
      const from = c.received.length;
      c.send({ type: 'text', clientId, text: q });
      await c.until((m) => m.type === 'ack' && m.clientId === clientId);
      // Every turn closes with the pending question. A text was answered as a question when the turn
      // holds an answer (a message with a question-log id), also beside an answer it recorded.
      await c.next('question');
      if (!c.received.slice(from).some((m) => m.type === 'message.end' && m.questionId)) continue;
      answered++;
      const source = answerSourceOf(answerQuestion(kb, q))!;
      expected[source] = (expected[source] ?? 0) + 1;
    }
    await c.close();
    expect(answered).toBeGreaterThanOrEqual(6);
    // The sample covers more than one source, so the labels are really told apart.
    expect(Object.keys(expected).length).toBeGreaterThanOrEqual(2);
    const after = (await srv.app.inject({ method: 'GET', url: '/metrics' })).body;
    for (const source of ['answer-base', 'rule', 'retrieval', 'refusal', 'model']) {
      const label = `{source="${source}"}`;
      expect(series(after, 'answers_total', label) - series(before, 'answers_total', label)).toBe(expected[source] ?? 0);
    }
  });
});
