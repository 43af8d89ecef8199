import { describe, expect, it } from 'vitest';
import { serveForFile } from './serve';
import { workshop } from './enterprises';
import { said, steer, turn, typed } from './steer';
import { chinaDay } from '../../server/understand/dates';

/*
 * 「还没建完」 at 建设完成日期: the project is recorded as under construction, and the date planned is asked once, never
 * asked back as a date the reply failed to give; a planned date said at once is recorded as planned.
 */
const srv = serveForFile();
// 明年 in a planned date is counted from the day it is said (the session's day), never from the notice's year.
const nextYear = Number(chinaDay(new Date()).slice(0, 4)) + 1;

async function stored(s: { sessionId: string; token: string }): Promise<Record<string, unknown>> {
  const r = await fetch(`${srv.http}/api/sessions/${s.sessionId}`, { headers: { authorization: `Bearer ${s.token}` } });
  return ((await r.json()) as { answers: Record<string, unknown> }).answers;
}

describe('a completion date said still under construction', () => {
  for (const [first, then, end] of [
    ['还没建完', '预计明年六月完工', `${nextYear}-06`],
    ['还在建', '2024年底', '2024-12'],
    ['目前还在施工', '还定不下来', null],
  ] as const)
    it(`「${first}」 is recorded as under way and the planned date asked once; 「${then}」 answers it`, async () => {
      const s = await steer(srv.url, workshop, (q) => q.id === 'form.project.end');
      const one = await typed(s.client, 'u-1', first);
      expect(said(one.msgs).join('')).toContain('在建');
      // Asked once more, for the date planned, in its own words.
      expect(one.next?.id).toBe('form.project.end');
      expect(one.next?.text).toContain('预计哪年哪月完成');
      expect((await stored(s))['underway.form.project.end']).toBe(first);
      const two = await typed(s.client, 'u-2', then);
      // Never asked a third time, whatever the reply.
      expect(two.next?.id).not.toBe('form.project.end');
      const answers = await stored(s);
      expect(answers['form.project.end']).toBe(end);
      // Still under way: the words kept are the latest that said so.
      expect(typeof answers['underway.form.project.end']).toBe('string');
      await s.client.close();
    }, 120_000);

  it('「预计明年六月完工」 said at once records the planned date and moves on', async () => {
    const s = await steer(srv.url, workshop, (q) => q.id === 'form.project.end');
    const r = await typed(s.client, 'u-3', '预计明年六月完工');
    expect(r.next?.id).not.toBe('form.project.end');
    const answers = await stored(s);
    expect(answers['form.project.end']).toBe(`${nextYear}-06`);
    expect(answers['underway.form.project.end']).toMatch(new RegExp(`^预计(明年|${nextYear}年)六月完工$`, 'u'));
    // The year is read back as counted, so a wrong guess of it is seen.
    expect(said(r.msgs).join('')).toContain(`算是${nextYear}-06`);
    await s.client.close();
  }, 120_000);

  it('「预计明年六月完工」 saved from the form view\'s box counts 明年 from the session\'s day too, and stays a planned date', async () => {
    const s = await steer(srv.url, workshop, (q) => q.id === 'form.project.end');
    await turn(s.client, { type: 'answer', clientId: 'u-5', questionId: 'form.project.end', value: '2022-10' });
    await turn(s.client, { type: 'edit', clientId: 'u-6', questionId: 'form.project.end', value: '预计明年六月完工' });
    const answers = await stored(s);
    expect(answers['form.project.end']).toBe(`${nextYear}-06`);
    expect(answers['underway.form.project.end']).toBe('预计明年六月完工');
    // Near miss: an absolute planned date is kept as said.
    await turn(s.client, { type: 'edit', clientId: 'u-7', questionId: 'form.project.end', value: '计划2028年3月完工' });
    expect((await stored(s))['form.project.end']).toBe('2028-03');
    await s.client.close();
  }, 120_000);

  it('a date with no word of construction is the date it was done (near miss)', async () => {
    const s = await steer(srv.url, workshop, (q) => q.id === 'form.project.end');
    const r = await typed(s.client, 'u-4', '2022年10月完成');
    expect(r.next?.id).not.toBe('form.project.end');
    const answers = await stored(s);
    expect(answers['form.project.end']).toBe('2022-10');
    expect(answers['underway.form.project.end']).toBeUndefined();
    await s.client.close();
  }, 120_000);
});
