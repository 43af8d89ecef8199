import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serve, type Served } from './serve';
import { walk } from './drive';
import { discreteFactory, ineligible, processFactory, workshop } from './enterprises';

let srv: Served;
beforeAll(async () => {
  srv = await serve();
}, 180_000);
afterAll(async () => {
  await srv?.close();
});

async function stateOf(sessionId: string, token: string) {
  const res = await fetch(`${srv.http}/api/sessions/${sessionId}`, { headers: { authorization: `Bearer ${token}` } });
  expect(res.status).toBe(200);
  return (await res.json()) as { answers: Record<string, unknown>; assessment: { verdict: string }; question: unknown; transcript: { role: string }[] };
}

describe('a complete interview over the chat socket', () => {
  it('recommends and qualifies a 智能车间 when the enterprise means a workshop and has every element', async () => {
    const w = await walk(srv.url, workshop);
    expect(w.asked.slice(0, 3).every((id) => id.startsWith('ent.'))).toBe(true);
    expect(w.assessment.eligible).toBe(true);
    expect(w.assessment.category.recommended).toBe('smartWorkshop');
    expect(w.assessment.verdict).toBe('qualified');
    expect(w.assessment.conditions.length).toBeGreaterThan(0);
    expect(w.assessment.conditions.every((c) => c.status === 'met')).toBe(true);
    const state = await stateOf(w.sessionId, w.token);
    expect(Object.keys(state.answers).sort()).toEqual([...new Set(w.asked)].sort());
    expect(state.question).toBeNull();
    expect(state.assessment.verdict).toBe('qualified');
    await w.client.close();
  });

  it('recommends a discrete 智能工厂 for a discrete manufacturer applying for a factory', async () => {
    const w = await walk(srv.url, discreteFactory);
    expect(w.assessment.eligible).toBe(true);
    expect(w.assessment.category.recommended).toBe('discreteFactory');
    expect(w.assessment.verdict).toBe('qualified');
    // A factory is asked about design and management, which a workshop is not.
    expect(w.asked).toContain('cap.pdm');
    await w.client.close();
  });

  it('recommends a process 智能工厂 for a chemical plant, asking about DCS and SIS', async () => {
    const w = await walk(srv.url, processFactory);
    expect(w.assessment.eligible).toBe(true);
    expect(w.assessment.category.recommended).toBe('processFactory');
    expect(w.assessment.verdict).toBe('qualified');
    expect(w.asked).toEqual(expect.arrayContaining(['cap.dcs', 'cap.sis']));
    await w.client.close();
  });

  it('explains a failing credit condition at once with its clause, then lets the enterprise carry on to the end', async () => {
    const w = await walk(srv.url, ineligible);
    expect(w.assessment.eligible).toBe(false);
    expect(w.assessment.verdict).toBe('ineligible');
    expect(w.assessment.blocking.map((b) => b.clause)).toContain('二(四)');
    // The explanation came right after the answer that caused it, before the next question.
    const msgs = w.client.received;
    const ackAt = msgs.findIndex((m) => m.type === 'ack' && m.clientId === `a-${w.asked.indexOf('ent.credit.dishonestExecutee') + 1}`);
    const nextQuestionAt = msgs.findIndex((m, i) => i > ackAt && m.type === 'question');
    const explained = msgs.slice(ackAt, nextQuestionAt).find((m) => m.type === 'message.end');
    expect(explained && explained.type === 'message.end' && explained.text).toContain('二(四)');
    expect(explained && explained.type === 'message.end' && explained.text).toMatch(/继续/);
    // Carrying on: questions kept coming after the blocking answer.
    expect(w.asked.indexOf('ent.credit.dishonestExecutee')).toBeLessThan(w.asked.length - 1);
    await w.client.close();
  });
});
