import { describe, expect, it } from 'vitest';
import { serveForFile } from './serve';
import { workshop } from './enterprises';
import { steer, typed } from './steer';
import type { AnswerValue } from '../../server/schemas/interview';

/*
 * The lists of 二(四) are asked one by one; a no said of every list at once answers each of them, and none is asked
 * again. A no of the one list asked answers only that list. Typed over the socket as the app runs.
 */
const srv = serveForFile();
const lists = ['ent.credit.dishonestExecutee', 'ent.credit.taxViolationBlacklist', 'ent.credit.seriousIllegalDishonest'];

async function reply(text: string) {
  const s = await steer(srv.url, workshop, (q) => q.id === lists[0]);
  const { next } = await typed(s.client, 't', text);
  const body = (await (await fetch(`${srv.http}/api/sessions/${s.sessionId}`, { headers: { authorization: `Bearer ${s.token}` } })).json()) as { answers: Record<string, AnswerValue> };
  await s.client.close();
  return { answers: body.answers, next: next?.id };
}

describe('a no of every credit list', () => {
  for (const text of ['三个都没有', '这几种情况都没发生过']) {
    it(`「${text}」 records each list, and the next question is none of them`, async () => {
      const { answers, next } = await reply(text);
      for (const id of lists) expect(answers[id], id).toBe(false);
      expect(lists).not.toContain(next);
    }, 120_000);
  }

  it('「没有」 answers only the list asked, and the next list is asked', async () => {
    const { answers, next } = await reply('没有');
    expect(answers[lists[0]!]).toBe(false);
    expect(answers[lists[1]!]).toBeUndefined();
    expect(next).toBe(lists[1]);
  }, 120_000);
});
