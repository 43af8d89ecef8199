import { describe, expect, it } from 'vitest';
import type { QuestionView } from '../../server/schemas/interview';
import { serveForFile } from './serve';
import { discreteFactory } from './enterprises';
import { answerOn, recordedIds, steer, typed } from './steer';
import { chinaDay } from '../../server/understand';

/*
 * Through the socket, the store and the drafts route: 「前年」 said at 建设开始时间 and 「前年」 typed in the 发展历程 name
 * one year. Both count from the session's day, so the 申报书 never prints a year for the story other than the one the
 * chat stored for the date, and the form view's flag on the story names the day it counted from.
 */
const srv = serveForFile();

async function get(s: { sessionId: string; token: string }, path: string): Promise<{ answers?: Record<string, unknown>; sections?: { text: string }[] }> {
  const r = await fetch(`${srv.http}/api/sessions/${s.sessionId}${path}`, { headers: { authorization: `Bearer ${s.token}` } });
  return r.json();
}

describe('a relative year in the typed story and at a date field, in one session', () => {
  it('「前年」 in the 发展历程 prints the year 「前年三月」 at 建设开始时间 was stored as', async () => {
    const s = await steer(srv.url, discreteFactory, (q) => q.id === 'form.history' || q.id === 'form.project.start');
    const today = chinaDay(new Date());
    const year = Number(today.slice(0, 4));
    const replies: Record<string, string> = { 'form.history': '公司2009年成立，前年上了MES，去年又上了WMS', 'form.project.start': '前年三月' };
    let q: QuestionView | null = s.question;
    for (let left = Object.keys(replies); left.length; ) {
      q = await answerOn(s.client, discreteFactory, q, (x) => left.includes(x.id));
      const r = await typed(s.client, `t-${q.id}`, replies[q.id]!);
      expect(recordedIds(r.msgs)).toContain(q.id);
      left = left.filter((id) => id !== q!.id);
      q = r.next;
    }
    const answers = (await get(s, '')).answers ?? {};
    expect(answers['form.project.start']).toBe(`${year - 2}-03`);
    const drafts = (await get(s, '/drafts?category=discreteFactory')).sections ?? [];
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
