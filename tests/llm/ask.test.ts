import Fastify, { type FastifyInstance } from 'fastify';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import app from '../../server/app';
import { loadConfig } from '../../server/config';
import { answerQuestion } from '../../server/qa/answer';
import { build } from '../helper';
import { startFakeOpenAI, type FakeOpenAI } from '../fakes/openai-server';

const KEY = 'sk-ask-SECRET-KEY-00112233445566';
const questions = JSON.parse(readFileSync(new URL('../fixtures/questions.json', import.meta.url), 'utf8')) as { q: string; outOfScope?: boolean }[];
const outOfScope = questions.find((q) => q.outOfScope)!.q;

describe('POST /api/ask in LLM mode', () => {
  let fake: FakeOpenAI;
  let server: FastifyInstance;
  let dataDir: string;
  const logs: string[] = [];

  beforeAll(async () => {
    fake = await startFakeOpenAI();
    dataDir = mkdtempSync(join(tmpdir(), 'zhizao-llm-ask-'));
    // A real logger at trace level, captured, so the test can look for the key in every log line.
    server = Fastify({ pluginTimeout: 120_000, logger: { level: 'trace', stream: { write: (s: string) => void logs.push(s) } } });
    const config = loadConfig({
      LOG_LEVEL: 'trace', DATA_DIR: dataDir, RATE_LIMIT_MAX: '100000',
      LLM_BASE_URL: fake.url, LLM_MODEL: 'fake-chat', LLM_API_KEY: KEY, LLM_TIMEOUT_MS: '10000', LLM_MAX_RETRIES: '0',
    });
    await server.register(app, { config });
    await server.ready();
  }, 120_000);
  afterAll(async () => {
    await server?.close();
    await fake?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });
  beforeEach(() => {
    fake.requests.length = 0;
  });

  const ask = (question: string) => server.inject({ method: 'POST', url: '/api/ask', payload: { question } });

  it('returns the model answer with the clauses it cited', async () => {
    fake.fallback = (req) => {
      const id = /^\[([^\]]+)\] /m.exec(req.body.messages[1]!.content ?? '')![1];
      return { kind: 'text', text: `不能，通知只允许具有独立法人资格的单体制造业企业申报〔${id}〕。` };
    };
    const res = await ask('分公司能否申报？');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    // The answer base's verified conclusion comes first, as written; the model adds its text after it.
    expect(body.answer).toMatch(/^不能。/u);
    expect(body.answer).toMatch(/\n不能，通知只允许.*〔.+〕。$/u);
    expect(body.citations).toHaveLength(1);
    expect(body.notice).toBeUndefined();
    expect(fake.requests).toHaveLength(1);
  });

  it('keeps out-of-scope questions with the engine and never calls the model', async () => {
    const res = await ask(outOfScope);
    expect(res.json().outOfScope).toBe(true);
    expect(fake.requests).toHaveLength(0);
  });

  it('falls back to the offline answer with a notice on a 401, and the key is in no response or log line', async () => {
    fake.fallback = { kind: 'status', status: 401 };
    const res = await ask('已经获得过智能工厂称号，还能申报智能车间吗？');
    const body = res.json();
    expect(res.statusCode).toBe(200);
    expect(body.notice).toMatch(/认证失败/);
    expect(body.citations.length).toBeGreaterThan(0);
    expect(res.body).not.toContain(KEY);
    expect(logs.join('\n')).toContain('model answer not used');
    expect(logs.join('\n')).not.toContain(KEY);
  });

  it('does not log a provider error body that echoes the key', async () => {
    fake.fallback = { kind: 'status', status: 500, message: `upstream rejected request with key ${KEY}` };
    const res = await ask('集团下属的子公司能否申报？');
    expect(res.json().notice).toMatch(/离线引擎/);
    expect(logs.join('\n')).not.toContain(KEY);
    expect(logs.join('\n')).not.toContain('upstream rejected');
  });
});

describe('POST /api/ask with no LLM settings', () => {
  it('answers exactly as the offline engine, without a notice field', async () => {
    const b = await build();
    try {
      expect(b.app.llm).toBeNull();
      const q = '集团下属的子公司能否申报？';
      const res = await b.app.inject({ method: 'POST', url: '/api/ask', payload: { question: q } });
      expect(res.json()).toEqual(JSON.parse(JSON.stringify(answerQuestion(b.app.kb, q))));
      expect(res.json()).not.toHaveProperty('notice');
    } finally {
      await b.close();
    }
  });
});
