import { describe, expect, it } from 'vitest';
import { serveForFile } from './serve';
import { discreteFactory, workshop } from './enterprises';
import { recordedIds, said, steer, typed } from './steer';
import { chinaDay } from '../../server/understand';

/*
 * In the form phase's chat: a date whose year is said relative to the day of speaking (「去年十月」「前年底」「今年三月份」)
 * is counted from the session's day and read back for confirmation, never asked again; years said alike with no figure
 * (「这三年都一样」) are remembered, so the figure said next fills each of them; a figure said with how it changed
 * (「一个亿，同比涨了两成」) is the figure.
 */
const srv = serveForFile();

async function stored(s: { sessionId: string; token: string }): Promise<Record<string, unknown>> {
  const r = await fetch(`${srv.http}/api/sessions/${s.sessionId}`, { headers: { authorization: `Bearer ${s.token}` } });
  return ((await r.json()) as { answers: Record<string, unknown> }).answers;
}

/** The session's day, as the server counts it: the session is opened within the test. */
const year = () => Number(chinaDay(new Date()).slice(0, 4));

describe('a date said relative to today, in the chat', () => {
  for (const [text, date] of [
    ['去年十月', () => `${year() - 1}-10`],
    ['前年底', () => `${year() - 2}-12`],
    ['今年三月份', () => `${year()}-03`],
    // New phrasings of the same meaning.
    ['大前年的5月份', () => `${year() - 3}-05`],
    ['去年年底开始的', () => `${year() - 1}-12`],
  ] as const)
    it(`「${text}」 is recorded as ${date()} and read back with the day it was counted from`, async () => {
      const s = await steer(srv.url, workshop, (q) => q.id === 'form.project.start');
      const r = await typed(s.client, 'd-1', text);
      expect(recordedIds(r.msgs)).toContain('form.project.start');
      expect((await stored(s))['form.project.start']).toBe(date());
      const reply = said(r.msgs).join('\n');
      expect(reply).toContain(`「${text.replace(/开始的$/u, '')}」按今天（`);
      expect(reply).toContain('算是');
      expect(r.next?.id).not.toBe('form.project.start');
      await s.client.close();
    }, 120_000);

  it('the form view\'s box counts the same words from the same day, and says so; nothing is stored by the check', async () => {
    const s = await steer(srv.url, workshop, (q) => q.id === 'form.project.start');
    const r = await fetch(`${srv.http}/api/sessions/${s.sessionId}/form/check`, {
      method: 'POST',
      headers: { authorization: `Bearer ${s.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ questionId: 'form.project.start', text: '去年十月' }),
    });
    const today = chinaDay(new Date());
    const [y, m, d] = today.split('-').map(Number);
    expect(await r.json()).toEqual({ ok: true, value: `${year() - 1}-10`, display: `${year() - 1}-10（「去年十月」按${y}年${m}月${d}日推算，请核对）` });
    expect((await stored(s))['form.project.start']).toBeUndefined();
    await s.client.close();
  }, 120_000);

  it('near misses: 「去年」 alone names no month and is asked for one; a plain date is read back as itself', async () => {
    const s = await steer(srv.url, workshop, (q) => q.id === 'form.project.start');
    const bare = await typed(s.client, 'd-2', '去年');
    expect(recordedIds(bare.msgs)).toEqual([]);
    expect(bare.next?.id).toBe('form.project.start');
    const plain = await typed(s.client, 'd-3', '2021年10月');
    expect((await stored(s))['form.project.start']).toBe('2021-10');
    expect(said(plain.msgs).join('\n')).not.toContain('按今天');
    await s.client.close();
  }, 120_000);
});

describe('years said alike with no figure, in the chat', () => {
  for (const alike of ['这三年都一样', '近三年都一样', '这三年都持平'])
    it(`「${alike}」 asks for the figure, and 「1000万」 next fills every one of those years`, async () => {
      const s = await steer(srv.url, discreteFactory, (q) => /^form\.finance\.\d{4}\.revenue$/u.test(q.id));
      const asked = s.question!.id;
      const one = await typed(s.client, 'y-1', alike);
      expect(recordedIds(one.msgs)).toEqual([]);
      expect(said(one.msgs).join('\n')).toContain('同一个数');
      expect(one.next?.id).toBe(asked);
      const two = await typed(s.client, 'y-2', '1000万');
      expect(recordedIds(two.msgs).sort()).toEqual(['form.finance.2020.revenue', 'form.finance.2021.revenue', 'form.finance.2022.revenue']);
      const answers = await stored(s);
      for (const y of [2020, 2021, 2022]) expect(answers[`form.finance.${y}.revenue`]).toBe(1000);
      await s.client.close();
    }, 120_000);

  it('near miss: a figure after a reply that said nothing of the years is that year\'s alone', async () => {
    const s = await steer(srv.url, discreteFactory, (q) => /^form\.finance\.\d{4}\.revenue$/u.test(q.id));
    const asked = s.question!.id;
    await typed(s.client, 'y-3', '这个不太好说');
    const two = await typed(s.client, 'y-4', '1000万');
    expect(recordedIds(two.msgs)).toEqual([asked]);
    await s.client.close();
  }, 120_000);

  it('「一个亿，同比涨了两成」 records the amount, as do the same words said otherwise; 「涨了两成」 alone is asked back', async () => {
    const s = await steer(srv.url, discreteFactory, (q) => /^form\.finance\.\d{4}\.revenue$/u.test(q.id));
    const asked = s.question!.id;
    const no = await typed(s.client, 'g-1', '涨了两成');
    expect(recordedIds(no.msgs)).toEqual([]);
    const yes = await typed(s.client, 'g-2', '一个亿，同比涨了两成');
    expect(recordedIds(yes.msgs)).toEqual([asked]);
    expect((await stored(s))[asked]).toBe(10000);
    await s.client.close();
  }, 120_000);
});
