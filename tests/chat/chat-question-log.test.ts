import { describe, expect, it } from 'vitest';
import { serveForFile } from './serve';
import { ChatClient } from './client';
import { as, staffAs } from '../staff/helpers';
import { typed } from './steer';

/*
 * A question asked in the chat is logged like one asked at /api/ask: the answer-base entries it was answered from,
 * the clauses and the confidence; a refusal no answer entry gave is queued for review, and one a shipped 通知未涉及
 * entry gave (the entry's answer) is not.
 */
const srv = serveForFile();

type Logged = { id: string; question: string; source: string; entries: string[]; clauses: string[]; confidence: number; refused: boolean; refusalTopic?: string };

describe('the chat in the staff question log', () => {
  it('logs the entries, clauses and confidence of each answer, as the API logs them', async () => {
    const staff = await staffAs(srv, 'chatlog', 'helpline');
    const c = await ChatClient.connect(srv.url);
    c.send({ type: 'open', mode: 'qa' });
    await c.next('session');
    const questions = ['洛阳能推几家', '郑州市可以推荐多少家企业', '信用在哪里查', '今天天气怎么样', '申报要交钱吗', '申报要交多少费用'];
    for (const [i, q] of questions.entries()) await typed(c, `q${i}`, q, 'qa');
    await c.close();
    const items = (await srv.app.inject({ method: 'GET', url: '/api/staff/questions?source=chat&limit=20', headers: as(staff) })).json().items as Logged[];
    for (const q of questions) {
      const row = items.find((i) => i.question === q)!;
      const api = (await srv.app.inject({ method: 'POST', url: '/api/ask', payload: { question: q } })).json();
      expect(row, q).toBeDefined();
      expect(row.entries, q).toEqual(api.entries ?? []);
      expect(row.clauses, q).toEqual([...new Set(api.citations.map((x: { clause: string }) => x.clause))]);
      expect(row.confidence, q).toBeCloseTo(api.confidence, 5);
      expect(row.refused, q).toBe(api.outOfScope);
      expect(row.refusalTopic, q).toBe(api.topic);
    }
    expect(items.find((i) => i.question === '洛阳能推几家')!.entries).toEqual(['region-count']);
    expect(items.find((i) => i.question === '今天天气怎么样')!.refusalTopic).toBeTruthy();
    const queued = (await srv.app.inject({ method: 'GET', url: '/api/staff/review?limit=100', headers: as(staff) })).json().items as Logged[];
    // Small talk is logged as refused but kept out of the review queue: it is no unanswered question about the notice.
    // Nor is a refusal the 通知未涉及 entry on fees gave: the asker was answered. A refusal no entry gave is queued.
    expect(items.find((i) => i.question === '申报要交钱吗')!.entries).toEqual(['nc-fee']);
    expect(items.find((i) => i.question === '申报要交多少费用')).toMatchObject({ refused: true, entries: [] });
    expect(new Set(queued.filter((i) => questions.includes(i.question)).map((i) => i.question))).toEqual(new Set(['申报要交多少费用']));
  }, 120_000);
});
