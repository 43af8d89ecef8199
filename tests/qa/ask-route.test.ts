import Fastify from 'fastify';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fallbackPage from '../../server/routes/fallback-page';
import knowledge from '../../server/plugins/knowledge';
import { loadConfig } from '../../server/config';
import { AskResponse } from '../../server/schemas/ask';
import type { FastifyInstance } from 'fastify';
import { build, type Built } from '../helper';
import { buildKnowledgeApp } from '../knowledge/light-app';

describe('POST /api/ask in the full app', () => {
  let b: Built;
  beforeAll(async () => { b = await build(); });
  afterAll(async () => { await b?.close(); });

  it('is registered with the security headers and answers', async () => {
    const res = await b.app.inject({ method: 'POST', url: '/api/ask', payload: { question: '视频有什么要求' } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-security-policy']).toContain("script-src 'self'");
    expect(res.json().answer).toContain('1080P');
  });
});

describe('POST /api/ask', () => {
  let b: { app: FastifyInstance };
  beforeAll(async () => { b = { app: await buildKnowledgeApp() }; });
  afterAll(async () => { await b.app.close(); });

  const ask = (payload: unknown, headers: Record<string, string> = { 'content-type': 'application/json' }) =>
    b.app.inject({ method: 'POST', url: '/api/ask', headers, payload: typeof payload === 'string' ? payload : JSON.stringify(payload) });

  it('answers a question with ranked, quoted citations', async () => {
    const res = await ask({ question: '洛阳市能推荐几家企业？' });
    expect(res.statusCode).toBe(200);
    const body = AskResponse.parse(res.json());
    expect(body.answer).toContain('不多于15家');
    expect(body.citations[0]).toMatchObject({ clause: '四(三)', title: expect.any(String) });
    expect(body.outOfScope).toBe(false);
    // The answer names the answer-base entry it was built from, so the question log can say which one answered.
    const ids = new Set(b.app.kb.data.answerBase.entries.map((e) => e.id));
    expect(body.entries?.length).toBeGreaterThan(0);
    expect(body.entries!.every((id) => ids.has(id))).toBe(true);
  });

  it('flags an out-of-scope question and gives the helpline', async () => {
    const body = (await ask({ question: '认定后有没有资金奖励？' })).json();
    expect(body.outOfScope).toBe(true);
    // Refused by the answer base's 通知未涉及 entry on money: the refusal rests on it, so the question log can name it.
    expect(body.entries).toEqual(['nc-reward']);
    expect(body.answer).toContain('0371—65507698');
    // A refusal that only recognised a topic's words (small talk) rests on no entry.
    const weather = (await ask({ question: '今天天气怎么样' })).json();
    expect(weather.outOfScope).toBe(true);
    expect(weather.entries, 'a refusal by topic words rests on no entry').toBeUndefined();
  });

  it('accepts the loaded knowledge version and rejects an unknown one naming the field', async () => {
    expect((await ask({ question: '视频要求', knowledgeVersion: 'henan-2023' })).statusCode).toBe(200);
    const res = await ask({ question: '视频要求', knowledgeVersion: 'henan-2099' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toContain('knowledgeVersion');
  });

  it.each([
    ['an empty question', { question: '   ' }, 'question'],
    ['a question over 2000 characters', { question: '问'.repeat(2001) }, 'question'],
    ['a question of the wrong type', { question: 42 }, 'question'],
    ['a missing question', {}, 'question'],
    ['a knowledge version of the wrong type', { question: '视频', knowledgeVersion: 3 }, 'knowledgeVersion'],
  ])('rejects %s with a 400 naming the field', async (_name, payload, field) => {
    const res = await ask(payload);
    expect(res.statusCode).toBe(400);
    const err = res.json().error;
    expect(err.code).toBe('VALIDATION_FAILED');
    expect(err.message).toContain(`body.${field}`);
  });

  it('rejects malformed JSON with a clear 400 that names the body', async () => {
    const res = await ask('{"question": "视频', { 'content-type': 'application/json' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toMatch(/JSON/);
    expect(res.json().error.message, 'said in Chinese: the body (请求体) is what is malformed').toContain('请求体');
  });

  it('rejects a body that is not an object', async () => {
    const res = await ask(['视频要求']);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toContain('body');
  });
});

describe('the fallback page', () => {
  const emptyRoot = mkdtempSync(join(tmpdir(), 'zhizao-noweb-'));
  const app = Fastify({ logger: false });
  beforeAll(async () => {
    // The page names the served notice, so it needs the knowledge plugin like the full app.
    app.decorate('config', loadConfig({ LOG_LEVEL: 'silent' }));
    await app.register(knowledge);
    await app.register(fallbackPage, { webRoot: emptyRoot });
    await app.ready();
  });
  afterAll(async () => {
    await app.close();
    rmSync(emptyRoot, { recursive: true, force: true });
  });

  it('serves a question box at / when the web UI is not built', async () => {
    const res = await app.inject({ method: 'GET', url: '/' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/html');
    expect(res.body).toContain('<textarea');
    // CSP allows script-src 'self' only: no inline script, the code comes from a same-origin route.
    expect(res.body).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    expect(res.body).toContain('src="/fallback/ask.js"');
  });

  it('serves a script that calls /api/ask and renders answers as text only', async () => {
    const res = await app.inject({ method: 'GET', url: '/fallback/ask.js' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('javascript');
    expect(res.body).toContain("fetch('/api/ask'");
    expect(res.body).toContain('textContent');
    expect(res.body).not.toContain('innerHTML');
  });
});
