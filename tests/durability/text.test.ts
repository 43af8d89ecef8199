import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Writable } from 'node:stream';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { seedPgliteDir } from './template';
import { PGlite } from '@electric-sql/pglite';
import Fastify from 'fastify';
import { cleanInput, cleanText, InputShapeError, INPUT_LIMITS } from '../../server/schemas/text';
import { parseClientFrame } from '../../server/routes/chat';
import { loggerOptions, serializeError } from '../../server/errors';
import { serve, type Served } from '../chat/serve';
import { ChatClient } from '../chat/client';

/** The characters no stored or exported form can carry, each inside ordinary Chinese text. */
const BAD = {
  nul: '企业\u0000名称',
  loneHigh: '企业\uD800名称',
  loneLow: '企业\uDC00名称',
  fffe: '企业\uFFFE名称',
  ffff: '企业\uFFFF名称',
  control: '企业\u0007\u001B名称',
};
const CLEAN: Record<keyof typeof BAD, string> = {
  nul: '企业名称',
  loneHigh: '企业\uFFFD名称',
  loneLow: '企业\uFFFD名称',
  fffe: '企业名称',
  ffff: '企业名称',
  control: '企业名称',
};
/** Nothing a database, JSON or XML 1.0 refuses. */
const UNSAFE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

describe('the shared text rule', () => {
  it('normalises NUL, controls, lone surrogates and U+FFFE/U+FFFF, and keeps everything else', () => {
    for (const k of Object.keys(BAD) as (keyof typeof BAD)[]) expect(cleanText(BAD[k])).toBe(CLEAN[k]);
    const fine = '第一行\n第二行\t制表\r\n😀 emoji 与 ①②';
    expect(cleanText(fine)).toBe(fine);
  });

  it('cleans keys and nested strings, bounds depth, arrays and size, and keeps __proto__ a plain key', () => {
    expect(cleanInput({ ['a\u0000b']: ['x\uFFFF', { y: '\uD800' }] })).toEqual({ ab: ['x', { y: '\uFFFD' }] });
    const deep = JSON.parse('['.repeat(7000) + ']'.repeat(7000));
    expect(() => cleanInput(deep)).toThrow(InputShapeError);
    expect(() => cleanInput({ a: new Array(INPUT_LIMITS.maxArrayLength + 1).fill(1) })).toThrow(/数组过长/);
    expect(() => cleanInput(Array.from({ length: 30 }, () => new Array(900).fill('x')))).toThrow(/内容过多/);
    const proto = cleanInput(JSON.parse('{"__proto__": {"polluted": true}}')) as Record<string, unknown>;
    expect(Object.getPrototypeOf(proto)).toBe(Object.prototype);
    expect(Object.keys(proto)).toEqual(['__proto__']);
  });

  it('a 7,000-level nested frame under 16 KB gets a typed error, not an exception', () => {
    const deep = '['.repeat(7000) + ']'.repeat(7000);
    for (const frame of [`{"type":${deep}}`, `{"type":"answer","clientId":"a","questionId":"q","value":${deep}}`]) {
      expect(frame.length).toBeLessThan(16 * 1024);
      const r = parseClientFrame(Buffer.from(frame));
      expect(r.ok).toBe(false);
      if (!r.ok) {
        expect(r.error.code).toBe('INVALID');
        expect(r.error.message).toMatch(/嵌套过深/);
      }
    }
  });

  it('socket text is cleaned before its schema', () => {
    for (const k of Object.keys(BAD) as (keyof typeof BAD)[]) {
      const r = parseClientFrame(Buffer.from(JSON.stringify({ type: 'text', clientId: 'c1', text: BAD[k] })));
      expect(r.ok && r.msg.type === 'text' && r.msg.text).toBe(CLEAN[k]);
    }
  });
});

describe('every text route stores and answers clean text', () => {
  let s: Served;
  beforeAll(async () => {
    s = await serve();
  }, 120_000);
  afterAll(async () => {
    await s?.close();
  });

  it('POST /api/ask, /api/assess, /api/draft, /api/export/docx never answer 5xx and echo nothing unsafe', async () => {
    for (const text of Object.values(BAD)) {
      const ask = await s.app.inject({ method: 'POST', url: '/api/ask', payload: { question: `申报条件${text}` } });
      expect(ask.statusCode).toBe(200);
      expect(ask.body).not.toMatch(UNSAFE);
      const assess = await s.app.inject({ method: 'POST', url: '/api/assess', payload: { name: text, province: '河南省', city: text } });
      expect(assess.statusCode).toBeLessThan(500);
      expect(assess.body).not.toMatch(UNSAFE);
      const draft = await s.app.inject({ method: 'POST', url: '/api/draft', payload: { profile: { name: text }, category: 'smartWorkshop', section: 'enterpriseIntro' } });
      expect(draft.statusCode).toBeLessThan(500);
      expect(draft.body).not.toMatch(UNSAFE);
      const docx = await s.app.inject({ method: 'POST', url: '/api/export/docx', payload: { profile: { name: text }, category: 'smartWorkshop' } });
      expect(docx.statusCode).toBeLessThan(500);
    }
  });

  it('PUT of a draft stores the cleaned text and exports it', async () => {
    const created = (await s.app.inject({ method: 'POST', url: '/api/sessions' })).json() as { sessionId: string; token: string };
    const auth = { authorization: `Bearer ${created.token}` };
    for (const k of Object.keys(BAD) as (keyof typeof BAD)[]) {
      const put = await s.app.inject({ method: 'PUT', url: `/api/sessions/${created.sessionId}/drafts/enterpriseIntro`, headers: auth, payload: { text: BAD[k], category: 'discreteFactory' } });
      expect(put.statusCode).toBe(200);
      expect(put.json().text).toBe(CLEAN[k]);
      const list = await s.app.inject({ method: 'GET', url: `/api/sessions/${created.sessionId}/drafts?category=discreteFactory`, headers: auth });
      expect(list.statusCode).toBe(200);
      expect(list.body).not.toMatch(UNSAFE);
    }
    const docx = await s.app.inject({ method: 'GET', url: `/api/sessions/${created.sessionId}/export.docx?category=discreteFactory`, headers: auth });
    expect(docx.statusCode).toBe(200);
  });

  it('text, answer and edit over the socket are stored cleaned, never INTERNAL', async () => {
    const c = await ChatClient.connect(s.url);
    c.send({ type: 'open' });
    const session = await c.next('session');
    let n = 0;
    for (const text of Object.values(BAD)) {
      c.send({ type: 'text', clientId: `t${++n}`, text });
      const ack = await c.next('ack');
      expect(ack.clientId).toBe(`t${n}`);
    }
    c.send({ type: 'answer', clientId: 'a1', questionId: 'enterprise.name', value: BAD.nul });
    c.send({ type: 'edit', clientId: 'e1', questionId: 'enterprise.name', value: BAD.loneHigh });
    c.send({ type: 'ping' });
    await c.next('pong');
    expect(c.received.filter((m) => m.type === 'error' && m.code === 'INTERNAL')).toEqual([]);
    c.ws.close();
    const state = await s.app.inject({ method: 'GET', url: `/api/sessions/${session.sessionId}`, headers: { authorization: `Bearer ${session.token}` } });
    expect(state.statusCode).toBe(200);
    const users = (state.json().transcript as { role: string; text: string }[]).filter((e) => e.role === 'user').map((e) => e.text);
    expect(users.slice(0, 6)).toEqual(Object.values(CLEAN));
    expect(state.body).not.toMatch(UNSAFE);
  });

  it('a 461 KB invalid body gets a short 400', async () => {
    const body = { profile: { name: '甲', honours: Array.from({ length: 12_000 }, (_, i) => `荣誉${i}`.repeat(3)) }, category: 'smartWorkshop', section: 'enterpriseIntro' };
    const payload = JSON.stringify(body);
    expect(payload.length).toBeGreaterThan(200_000);
    const r = await s.app.inject({ method: 'POST', url: '/api/draft', headers: { 'content-type': 'application/json' }, payload });
    expect(r.statusCode).toBe(400);
    expect(r.json().error.code).toBe('VALIDATION_FAILED');
    expect(r.body.length).toBeLessThan(2000);
  });
});

describe('the error log carries no user text', () => {
  it('drops SQL parameters, detail and where from a database error and cuts long quoted values', { timeout: 120_000 }, async () => {
    // A copy of the test template: an in-memory initdb is seconds of WASM work.
    const dir = mkdtempSync(join(tmpdir(), 'zhizao-logerr-'));
    await seedPgliteDir(join(dir, 'pglite'));
    const db = await PGlite.create({ dataDir: join(dir, 'pglite') });
    await db.exec('create table t (n integer, j jsonb)');
    const secret = '联系人张三手机13800000000的秘密内容';
    const errors: unknown[] = [];
    for (const [sql, params] of [
      ['insert into t (j) values ($1)', [`{"a": "${secret}`]],
      ['insert into t (n) values ($1)', [`${secret}${secret}`]],
    ] as const) {
      await db.query(sql, [...params]).catch((e: unknown) => errors.push(e));
    }
    await db.close();
    rmSync(dir, { recursive: true, force: true });
    expect(errors).toHaveLength(2);
    const lines: string[] = [];
    const sink = new Writable({ write(chunk, _enc, cb) { lines.push(String(chunk)); cb(); } });
    const app = Fastify({ logger: { ...loggerOptions('info'), stream: sink } });
    for (const err of errors) app.log.error({ err }, 'request failed');
    await app.close();
    expect(lines).toHaveLength(2);
    for (const l of lines) {
      expect(l).not.toContain('13800000000');
      expect(JSON.parse(l).err.code).toMatch(/^22/);
    }
    expect(Object.keys(serializeError(errors[0]))).not.toEqual(expect.arrayContaining(['params']));
    expect(Object.keys(serializeError(errors[0]))).not.toContain('where');
  });
});
