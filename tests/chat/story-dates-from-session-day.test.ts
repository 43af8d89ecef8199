import { describe, expect, it } from 'vitest';
import type { QuestionView } from '../../server/schemas/interview';
import type { ChatClient } from './client';
import { serveForFile } from './serve';
import { answerFor, discreteFactory } from './enterprises';
import { recordedIds, steer, typed } from './steer';
import { chinaDay } from '../../server/understand';

/*
 * Through the socket, the store and the drafts route: 「前年」 said at 建设开始时间 and 「前年」 typed in the 发展历程 name
 * one year. Both count from the session's day, so the 申报书 never prints a year for the story other than the one the
 * chat stored for the date, and the form view's flag on the story names the day it counted from.
 */
const srv = serveForFile();

async function get(s: { sessionId: string; token: string }, path: string): Promise<any> {
  const r = await fetch(`${srv.http}/api/sessions/${s.sessionId}${path}`, { headers: { authorization: `Bearer ${s.token}` } });
  return r.json();
}

/** Answers the cards from the enterprise's facts until `stop` holds for the question waiting. */
async function advance(client: ChatClient, q: QuestionView | null, stop: (q: QuestionView) => boolean): Promise<QuestionView> {
  for (let i = 0; q && !stop(q); i++) {
    if (i > 200) throw new Error('did not reach the question');
    const clientId = `a-${q.id}-${i}`;
    client.send({ type: 'answer', clientId, questionId: q.id, value: answerFor(discreteFactory, q) });
    const reply = await client.until((m) => (m.type === 'ack' || m.type === 'error') && m.clientId === clientId);
    if (reply.type === 'error') throw new Error(`answer to ${q.id} refused: ${reply.message}`);
    q = (await client.next('question')).question;
  }
  if (!q) throw new Error('the form ended first');
  return q;
}

describe('a relative year in the typed story and at a date field, in one session', () => {
  it('「前年」 in the 发展历程 prints the year 「前年三月」 at 建设开始时间 was stored as', async () => {
    const s = await steer(srv.url, discreteFactory, (q) => q.id === 'form.history' || q.id === 'form.project.start');
    const today = chinaDay(new Date());
    const year = Number(today.slice(0, 4));
    const replies: Record<string, string> = { 'form.history': '公司2009年成立，前年上了MES，去年又上了WMS', 'form.project.start': '前年三月' };
    let q: QuestionView | null = s.question;
    for (let left = Object.keys(replies); left.length; ) {
      q = await advance(s.client, q, (x) => left.includes(x.id));
      const r = await typed(s.client, `t-${q.id}`, replies[q.id]!);
      expect(recordedIds(r.msgs)).toContain(q.id);
      left = left.filter((id) => id !== q!.id);
      q = r.next;
    }
    const answers = (await get(s, '')).answers as Record<string, unknown>;
    expect(answers['form.project.start']).toBe(`${year - 2}-03`);
    const drafts = (await get(s, '/drafts?category=discreteFactory')).sections as { text: string }[];
    const all = drafts.map((d) => d.text).join('\n');
    expect(all).toContain(`${year - 2}年上线了MES，${year - 1}年又上线了WMS`);
    // The notice's year (2023) would have made 前年 2021: never printed beside the chat's year for the same word.
    if (year - 2 !== 2021) expect(all).not.toContain('2021年上线了MES');
    // The form view's flag on the story says what the draft prints and the day it counted from.
    const view = await get(s, '/form?category=discreteFactory');
    const flags = JSON.stringify(view);
    const [y, m, d] = today.split('-').map(Number);
    expect(flags).toContain(`按填写当天（${y}年${m}月${d}日）推算，写作`);
    await s.client.close();
  }, 180_000);
});
