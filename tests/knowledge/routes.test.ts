import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildKnowledgeApp } from './light-app';
import { loadKnowledgeData } from '../../server/knowledge/load';
import { buildFormView } from '../../server/forms/form-view';
import { evaluate } from '../../server/engine/plan';
import type { Category } from '../../server/schemas/profile';

describe('the knowledge routes', () => {
  let b: { app: FastifyInstance };
  beforeAll(async () => { b = { app: await buildKnowledgeApp() }; });
  afterAll(async () => { await b.app.close(); });

  it('return one clause with its descendants', async () => {
    const res = await b.app.inject({ method: 'GET', url: `/api/knowledge/clauses/${encodeURIComponent('三(二)')}` });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.clause.id).toBe('三(二)');
    expect(body.descendants.map((c: { id: string }) => c.id)).toContain('三(二)6');
    expect(body.fullText.startsWith('（二）离散型智能工厂')).toBe(true);
    expect(body.fullText).toContain('可以是企业自建设备故障预测维护系统');
  });

  it('return an attachment clause by its prefixed id', async () => {
    const res = await b.app.inject({ method: 'GET', url: `/api/knowledge/clauses/${encodeURIComponent('附件2.四(五)')}` });
    expect(res.statusCode).toBe(200);
    expect(res.json().clause.text).toContain('照片不少于10张');
  });

  it('name the current notice with the size of the form, counted as the form panel counts its fields', async () => {
    const res = await b.app.inject({ method: 'GET', url: '/api/knowledge/current' });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.version).toBe('henan-2023');
    const data = loadKnowledgeData('knowledge', 'henan-2023');
    const panel = (c: Category) => Object.values(buildFormView(data, {}, c).counts).reduce((a, b) => a + b, 0);
    // The workshop form is the smallest (the welcome once said 约60 while its panel showed 69), the discrete factory's the largest.
    expect(body.formFields).toEqual({ min: panel('smartWorkshop'), max: panel('discreteFactory') });
    expect(body.formFields).toEqual({ min: 70, max: 85 });
  });

  it('name the length of the assessment as the interview plan counts it, over each way of answering the category questions', async () => {
    const body = (await b.app.inject({ method: 'GET', url: '/api/knowledge/current' })).json();
    const data = loadKnowledgeData('knowledge', 'henan-2023');
    const total = (scope: string, mode: string) => {
      const p = evaluate(data, { 'cat.scope': scope, 'cat.productionMode': mode }).progress;
      return p.answered + p.remaining;
    };
    const totals = ['workshop', 'factory', 'unsure'].flatMap((scope) => ['discrete', 'process', 'unsure'].map((mode) => total(scope, mode)));
    expect(body.interviewQuestions).toEqual({ min: Math.min(...totals), max: Math.max(...totals) });
    // A discrete workshop asks 33, a process factory 41; a scope left to the rules (还不确定) of a process plant the most.
    expect([total('workshop', 'discrete'), total('factory', 'process')]).toEqual([33, 41]);
    expect(body.interviewQuestions).toEqual({ min: 28, max: 47 });
  });

  it('answer an unknown clause with a 404', async () => {
    const res = await b.app.inject({ method: 'GET', url: `/api/knowledge/clauses/${encodeURIComponent('九(九)')}` });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('NOT_FOUND');
    expect(res.json().error.message).toBe('条款「九(九)」不存在');
  });

  it('return the clause tree', async () => {
    const res = await b.app.inject({ method: 'GET', url: '/api/knowledge/clauses' });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.version).toBe('henan-2023');
    expect(body.clauses[0].id).toBe('序');
    expect(body.clauses.find((c: { id: string }) => c.id === '三').children).toHaveLength(3);
  });

  it('reject an unknown knowledge version naming the field', async () => {
    const res = await b.app.inject({ method: 'GET', url: '/api/knowledge/clauses?knowledgeVersion=henan-1999' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toContain('knowledgeVersion');
  });
});

describe('the knowledge plugin', () => {
  it('refuses to start on a knowledge version that does not exist, naming it', async () => {
    await expect(buildKnowledgeApp({ KNOWLEDGE_VERSION: 'henan-1999' })).rejects.toThrow(/henan-1999/);
  });
});
