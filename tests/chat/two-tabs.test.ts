import { describe, expect, it } from 'vitest';
import type { ServerMessage } from '../../server/schemas/ws';
import { serveForFile } from './serve';
import { workshop } from './enterprises';
import { ChatClient } from './client';
import { recordedIds, said, steer } from './steer';

/*
 * Two tabs of one session over the real socket. Each reply names the question its tab showed (`pending`); a reply to a
 * question the other tab has since answered is refused with what was typed and the question that waits now, never
 * filed under that question. After a turn that stores something, the session's other tabs are synced to it.
 */
const srv = serveForFile();

type Msg = ServerMessage;

async function twoTabs(stop: string) {
  const a = await steer(srv.url, workshop, (q) => q.id === stop);
  expect(a.question?.id).toBe(stop);
  const b = await ChatClient.connect(srv.url);
  b.send({ type: 'open', sessionId: a.sessionId, token: a.token });
  await b.next('session');
  expect((await b.next('question')).question?.id).toBe(stop);
  return { a: a.client, b, sessionId: a.sessionId, token: a.token };
}

/** Sends one message and returns the frames up to the question card that closes its turn (a refusal's included). */
async function send(c: ChatClient, msg: Record<string, unknown>): Promise<Msg[]> {
  const from = c.received.length;
  c.send(msg);
  await c.until((m) => (m.type === 'ack' || m.type === 'error') && m.clientId === msg.clientId, 30_000);
  await c.next('question', 30_000);
  return c.received.slice(from);
}

const answersOf = async (sessionId: string, token: string) =>
  (await srv.app.inject({ method: 'GET', url: `/api/sessions/${sessionId}`, headers: { authorization: `Bearer ${token}` } })).json().answers as Record<string, unknown>;

describe('two tabs of one session', () => {
  it('tells the other tab of an answer at once: the entries, the answers and the next card', async () => {
    const { a, b } = await twoTabs('metric.networkedRatio');
    const turn = await send(b, { type: 'answer', clientId: 'b1', questionId: 'metric.networkedRatio', value: 95, pending: 'metric.networkedRatio' });
    const next = [...turn].reverse().find((m) => m.type === 'question') as Extract<Msg, { type: 'question' }>;
    expect(next.question?.id).not.toBe('metric.networkedRatio');
    const sync = await a.next('sync');
    expect(sync.answers['metric.networkedRatio']).toBe(95);
    expect(sync.recorded.find((r) => r.questionId === 'metric.networkedRatio')?.value).toBe(95);
    // The other tab's user entry and the assistant's reply to it, which this tab was never sent.
    expect(sync.transcript.some((e) => e.role === 'user' && e.clientId === 'b1')).toBe(true);
    expect((await a.next('question')).question?.id).toBe(next.question?.id);
    await a.close();
    await b.close();
  }, 120_000);

  it('refuses replies typed against the answered card, in several phrasings, each said back with the question that waits; nothing is filed', async () => {
    const { a, b, sessionId, token } = await twoTabs('metric.networkedRatio');
    await send(b, { type: 'answer', clientId: 'b1', questionId: 'metric.networkedRatio', value: 95, pending: 'metric.networkedRatio' });
    const waiting = (await a.next('question')).question!;
    const before = await answersOf(sessionId, token);
    const stale = [
      { type: 'text', clientId: 'a1', text: '百分之九十', pending: 'metric.networkedRatio' },
      { type: 'text', clientId: 'a2', text: '大概八成五吧', pending: 'metric.networkedRatio' },
      { type: 'text', clientId: 'a3', text: '有', pending: 'metric.networkedRatio' },
      { type: 'answer', clientId: 'a4', questionId: 'metric.networkedRatio', value: 90, pending: 'metric.networkedRatio' },
    ];
    for (const msg of stale) {
      const turn = await send(a, msg);
      const error = turn.find((m) => m.type === 'error') as Extract<Msg, { type: 'error' }> | undefined;
      expect(error?.code, JSON.stringify(msg)).toBe('STALE');
      expect(error?.clientId).toBe(msg.clientId);
      // What was typed is said back, with the item it answered and the question that waits now.
      expect(error?.message).toContain(msg.type === 'text' ? (msg.text as string) : '90');
      expect(error?.message).toContain(waiting.text);
      expect(turn.some((m) => m.type === 'ack'), 'no entry is stored').toBe(false);
      expect(recordedIds(turn)).toEqual([]);
      // The refusing tab is brought up to date and shown the waiting card.
      expect(turn.some((m) => m.type === 'sync')).toBe(true);
      expect((turn.at(-1) as Extract<Msg, { type: 'question' }>).question?.id).toBe(waiting.id);
    }
    expect(await answersOf(sessionId, token)).toEqual(before);
    await a.close();
    await b.close();
  }, 120_000);

  it('still answers a question about the notice typed against the answered card, and refiles nothing', async () => {
    const { a, b, sessionId, token } = await twoTabs('metric.networkedRatio');
    await send(b, { type: 'answer', clientId: 'b1', questionId: 'metric.networkedRatio', value: 95, pending: 'metric.networkedRatio' });
    await a.next('question');
    const before = await answersOf(sessionId, token);
    const turn = await send(a, { type: 'text', clientId: 'a1', text: '洛阳能推几家', pending: 'metric.networkedRatio' });
    expect(turn.some((m) => m.type === 'error')).toBe(false);
    expect(said(turn).join('\n')).toContain('15家');
    expect(await answersOf(sessionId, token)).toEqual(before);
    await a.close();
    await b.close();
  }, 120_000);

  it('reads a reply as before when its tab shows the waiting question, or names none', async () => {
    const { a, b, sessionId, token } = await twoTabs('metric.networkedRatio');
    const own = await send(a, { type: 'text', clientId: 'a1', text: '百分之九十五', pending: 'metric.networkedRatio' });
    expect(recordedIds(own)).toEqual(['metric.networkedRatio']);
    const next = (own.at(-1) as Extract<Msg, { type: 'question' }>).question!;
    // The other tab, told of the change, answers the card it now shows.
    expect((await b.next('question')).question?.id).toBe(next.id);
    const fromB = await send(b, { type: 'answer', clientId: 'b1', questionId: next.id, value: null, pending: next.id });
    expect(fromB.some((m) => m.type === 'error')).toBe(false);
    expect((await answersOf(sessionId, token))[next.id]).toBeNull();
    // A client that names no card (an older page) is read as before.
    const then = (fromB.at(-1) as Extract<Msg, { type: 'question' }>).question!;
    const legacy = await send(a, { type: 'answer', clientId: 'a2', questionId: then.id, value: null });
    expect(legacy.some((m) => m.type === 'error')).toBe(false);
    await a.close();
    await b.close();
  }, 120_000);
});
