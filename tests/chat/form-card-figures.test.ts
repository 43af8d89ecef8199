import { describe, expect, it } from 'vitest';
import type { QuestionView } from '../../server/schemas/interview';
import { serveForFile } from './serve';
import { answerFor, workshop } from './enterprises';
import { steer } from './steer';
import type { ChatClient } from './client';

/*
 * A figure's card has its own input box, which sends the number it parsed or the words typed; the form view saves a box
 * as an edit. Both go through the same reading as the chat: a phone typed there is never the figure, and a figure said
 * for another span than the field's is said back rather than stored.
 */
const srv = serveForFile();

async function answerUntil(c: ChatClient, from: QuestionView | null, stop: (q: QuestionView) => boolean): Promise<QuestionView | null> {
  let q = from;
  for (let i = 0; q && !stop(q); i++) {
    expect(i).toBeLessThan(300);
    const clientId = `u-${i}`;
    c.send({ type: 'answer', clientId, questionId: q.id, value: answerFor(workshop, q) });
    await c.until((m) => (m.type === 'ack' || m.type === 'error') && m.clientId === clientId);
    q = (await c.next('question')).question;
  }
  return q;
}

describe('a figure\'s card and the form view\'s box', () => {
  it('refuse a phone as the head count and a month\'s revenue as the year\'s, storing nothing', async () => {
    const s = await steer(srv.url, workshop, (q) => q.id.startsWith('form.'));
    const c = s.client;
    const q = await answerUntil(c, s.question, (x) => x.id === 'form.employees');
    expect(q?.id).toBe('form.employees');
    const reply = async (clientId: string, msg: Record<string, unknown>) => {
      c.send({ clientId, ...msg } as never);
      return c.until((m) => (m.type === 'ack' || m.type === 'error') && m.clientId === clientId);
    };
    // The card parses 13839451234 as a number and sends it: refused by the field's own rules.
    expect(await reply('p-1', { type: 'answer', questionId: 'form.employees', value: 13839451234 })).toMatchObject({ type: 'error', message: expect.stringContaining('电话号码') });
    // Typed as words into the pending card, the reply goes the way of the chat's text, which asks it back.
    expect(await reply('p-2', { type: 'answer', questionId: 'form.employees', value: '0373-3056789' })).toMatchObject({ type: 'ack' });
    // Saved from the form view as an edit, it is refused with the reason.
    expect(await reply('p-2e', { type: 'edit', questionId: 'form.employees', value: '0373-3056789' })).toMatchObject({ type: 'error', message: expect.stringContaining('电话号码') });
    expect(await reply('p-3', { type: 'edit', questionId: 'form.finance.2022.revenue', value: '一个月差不多六千万' })).toMatchObject({ type: 'error', message: expect.stringContaining('说的是一个月的数') });
    expect(await reply('p-4', { type: 'edit', questionId: 'form.ind.operatingCost.before', value: '每天十万五' })).toMatchObject({ type: 'ack' });
    expect(await reply('p-5', { type: 'answer', questionId: 'form.employees', value: 460 })).toMatchObject({ type: 'ack' });
    await c.close();
  }, 120_000);
});
