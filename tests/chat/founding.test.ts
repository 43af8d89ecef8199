import { describe, expect, it } from 'vitest';
import { serveForFile } from './serve';
import { steer, turn, said, recordedIds } from './steer';
import { answerFor } from './enterprises';
import { NEW_ENTERPRISES, interviewAnswersOf } from '../fixtures/new-enterprises';
import type { QuestionView } from '../../server/schemas/interview';
import type { Assessment } from '../../server/schemas/profile';

/*
 * N15 was registered in 2024, after the 2020—2022 of the 2023 forms. It says so in the interview
 * (「2024年3月注册的」), and hears with its verdict, not in the form phase, what it cannot fill.
 */
const srv = serveForFile();
const n15 = NEW_ENTERPRISES.find((e) => e.id.startsWith('N15-'))!;

describe('a company founded after the form\'s 近三年 years, in the interview', () => {
  it('N15: the founding year typed in the interview brings the note into the spoken verdict; the verdict stays qualified', async () => {
    const facts = interviewAnswersOf(n15);
    const table = { name: n15.id, facts: new Proxy(facts, { has: () => true, get: (t, k: string) => (k in t ? t[k] : null) }) };
    const s = await steer(srv.url, table, (q) => q.id === 'ent.foundedYear');
    const c = s.client;
    expect(s.question?.id).toBe('ent.foundedYear');
    const msgs = await turn(c, { type: 'text', clientId: 'f-1', text: '2024年3月注册的' });
    expect(recordedIds(msgs)).toEqual(['ent.foundedYear']);
    let q: QuestionView | null = [...msgs].reverse().flatMap((m) => (m.type === 'question' ? [m.question] : []))[0] ?? null;
    const from = c.received.length;
    for (let i = 0; q && !q.id.startsWith('form.'); i++) {
      expect(i).toBeLessThan(200);
      await turn(c, { type: 'answer', clientId: `a-${i}`, questionId: q.id, value: answerFor(table, q) });
      const last = [...c.received].reverse().find((m) => m.type === 'question');
      q = last && last.type === 'question' ? last.question : null;
    }
    const verdict = said(c.received.slice(from)).filter((t) => t.startsWith('评估结果')).pop()!;
    expect(verdict).toContain('2020—2022年');
    expect(verdict).toContain('附件1.一(一)');
    expect(verdict).not.toContain('可以着手申报');
    const r = await fetch(`${srv.http}/api/sessions/${s.sessionId}`, { headers: { authorization: `Bearer ${s.token}` } });
    const a = ((await r.json()) as { assessment: Assessment }).assessment;
    expect(a.verdict).toBe('qualified');
    expect(a.eligible).toBe(true);
    await c.close();
  }, 180_000);
});
