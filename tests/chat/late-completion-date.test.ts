import { describe, expect, it } from 'vitest';
import { serveForFile } from './serve';
import { workshop } from './enterprises';
import { said, steer, typed } from './steer';
import { chinaDay } from '../../server/understand';

/*
^ * In the chat, a completion date after today (「明年十月」, counted from the session's day) or after the 2023 notice's
 * deadline is recorded with the note that says so and what the notice says of a project not yet built; a date before
 * the deadline is recorded in silence. A relative year asked back for its month (「去年」, then 「3月份」) is one date with it.
 */
const srv = serveForFile();

async function stored(s: { sessionId: string; token: string }): Promise<Record<string, unknown>> {
  const r = await fetch(`${srv.http}/api/sessions/${s.sessionId}`, { headers: { authorization: `Bearer ${s.token}` } });
  return ((await r.json()) as { answers: Record<string, unknown> }).answers;
}

const year = () => Number(chinaDay(new Date()).slice(0, 4));

describe('a completion date later than today or the notice\'s deadline, in the chat', () => {
  it('「明年十月」 is recorded as next October, said back as still to come and after the deadline; 「2022年10月」 is not', async () => {
    const s = await steer(srv.url, workshop, (q) => q.id === 'form.project.end');
    const one = await typed(s.client, 'l-1', '明年十月');
    expect((await stored(s))['form.project.end']).toBe(`${year() + 1}-10`);
    const reply = said(one.msgs).join('\n');
    expect(reply).toContain(`${year() + 1}年10月还没到`);
    expect(reply).toContain('晚于2023年度通知的期限');
    expect(reply).toContain('通知没有规定须全部建成才能申报');
    const two = await typed(s.client, 'l-2', '不对，是2022年10月建成的');
    expect((await stored(s))['form.project.end']).toBe('2022-10');
    expect(said(two.msgs).join('\n')).not.toContain('请注意');
    await s.client.close();
  }, 120_000);
});

describe('a relative year asked back for its month, in the chat', () => {
  it('「去年」 then 「3月份」 is last March, read back with the day it was counted from', async () => {
    const s = await steer(srv.url, workshop, (q) => q.id === 'form.project.start');
    const one = await typed(s.client, 'm-1', '去年');
    expect(one.next?.id).toBe('form.project.start');
    expect((await stored(s))['form.project.start']).toBeUndefined();
    const two = await typed(s.client, 'm-2', '3月份');
    expect((await stored(s))['form.project.start']).toBe(`${year() - 1}-03`);
    expect(said(two.msgs).join('\n')).toContain('「去年3月份」按今天（');
    await s.client.close();
  }, 120_000);
});
