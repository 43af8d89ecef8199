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
    // The form view flags it while it stands, with the session's day and the notice's deadline alike.
    const view = await (await fetch(`${srv.http}/api/sessions/${s.sessionId}/form?category=smartWorkshop`, { headers: { authorization: `Bearer ${s.token}` } })).json();
    const flags = JSON.stringify(view).match(/请注意：智能化建设完成日期[^"]*/u)?.[0] ?? '';
    expect(flags).toContain('还没到');
    expect(flags).toContain('晚于2023年度通知的期限');
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

describe('a yearly figure said with a relative year, in the chat', () => {
  for (const [text, column, word] of [
    // The reported phrasing.
    ['去年营收1.2亿', '2022', '去年'],
    // New phrasings of the same meaning.
    ['营收上年是1.2个亿', '2022', '上年'],
    ['上一年度营业收入一亿二', '2022', '上一年度'],
  ] as const)
    it(`「${text}」 is stored in the ${column} column, as the form's years are the notice's, and that year is said back`, async () => {
      const s = await steer(srv.url, workshop, (q) => q.id === 'form.finance.2022.revenue');
      const r = await typed(s.client, 'f-1', text);
      expect(typeof (await stored(s))[`form.finance.${column}.revenue`]).toBe('number');
      const reply = said(r.msgs).join('\n');
      expect(reply).toContain(`「${word}」的数已记在${column}年一栏`);
      expect(reply).toContain(`不是按今天算的${year() - (Number('2023') - Number(column))}年`);
      await s.client.close();
    }, 120_000);

  it('near miss: a figure with no relative year (「2022年营收1.2亿」, 「1.2亿」) is stored with no such note', async () => {
    const s = await steer(srv.url, workshop, (q) => q.id === 'form.finance.2022.revenue');
    const r = await typed(s.client, 'f-2', '2022年营收1.2亿');
    expect((await stored(s))['form.finance.2022.revenue']).toBe(12000);
    expect(said(r.msgs).join('\n')).not.toContain('一栏：申报书近三年');
    await s.client.close();
  }, 120_000);
});
