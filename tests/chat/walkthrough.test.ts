import { describe, expect, it } from 'vitest';
import { serveForFile } from './serve';
import { walk } from './drive';
import { discreteFactory, ineligible, processFactory, workshop } from './enterprises';
import { ChatClient } from './client';
import { answerFor } from './enterprises';
import { creditCodeCheckChar } from '../../server/forms/creditCode';
import type { QuestionView } from '../../server/schemas/interview';

const srv = serveForFile();

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
    // After the elements, the interview moves on to what the 申报书 needs.
    const firstForm = w.asked.findIndex((id) => id.startsWith('form.'));
    expect(firstForm).toBeGreaterThan(0);
    expect(w.asked.slice(firstForm).every((id) => id.startsWith('form.'))).toBe(true);
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
    // No 申报书 questions for an enterprise that cannot apply.
    expect(w.asked.some((id) => id.startsWith('form.'))).toBe(false);
    // Carrying on: questions kept coming after the blocking answer.
    expect(w.asked.indexOf('ent.credit.dishonestExecutee')).toBeLessThan(w.asked.length - 1);
    await w.client.close();
  });
});

describe('the form phase over the chat socket', () => {
  it('hands over to the 申报书 questions and checks a credit code before recording it', async () => {
    const c = await ChatClient.connect(srv.url);
    c.send({ type: 'open' });
    const { sessionId, token } = await c.next('session');
    let q: QuestionView | null = (await c.next('question')).question;
    let n = 0;
    while (q && q.id !== 'form.creditCode') {
      c.send({ type: 'answer', clientId: `f-${++n}`, questionId: q.id, value: answerFor(workshop, q) });
      await c.until((m) => m.type === 'ack' && m.clientId === `f-${n}`);
      q = (await c.next('question')).question;
      if (n > 200) throw new Error('no credit code question');
    }
    expect(q?.phase).toBe('form');
    c.send({ type: 'answer', clientId: 'cc-bad', questionId: 'form.creditCode', value: '914101001234567890' });
    const refused = await c.until((m) => m.type === 'error' && m.clientId === 'cc-bad');
    expect(refused.type === 'error' && refused.message).toMatch(/校验|代码/);
    const first17 = '91410100123456789';
    const good = first17 + creditCodeCheckChar(first17);
    c.send({ type: 'text', clientId: 'cc-good', text: good });
    await c.until((m) => m.type === 'ack' && m.clientId === 'cc-good');
    const recorded = await c.next('recorded');
    expect(recorded.items[0]).toMatchObject({ questionId: 'form.creditCode', value: good });
    const state = await stateOf(sessionId, token);
    expect(state.answers['form.creditCode']).toBe(good);
    await c.close();
  });
});
