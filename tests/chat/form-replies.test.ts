import { describe, expect, it } from 'vitest';
import type { QuestionView } from '../../server/schemas/interview';
import { serveForFile } from './serve';
import { answerFor, workshop } from './enterprises';
import type { ChatClient } from './client';
import { recordedIds, said, steer, turn, typed } from './steer';

/*
 * Replies typed in the form phase's chat that name another field, give a value of the wrong kind, correct part of an
 * answer, complete a year asked back with its month, or put off a whole part of the form: each goes where it says,
 * through the socket and the store as the app runs them.
 */

const srv = serveForFile();

async function storedAnswers(sessionId: string, token: string): Promise<Record<string, unknown>> {
  const r = await fetch(`${srv.http}/api/sessions/${sessionId}`, { headers: { authorization: `Bearer ${token}` } });
  return ((await r.json()) as { answers: Record<string, unknown> }).answers;
}

/** Answers from the enterprise's fact table, on the open session, until `stop` holds for the pending question. */
async function answerUntil(client: ChatClient, from: QuestionView | null, stop: (q: QuestionView) => boolean): Promise<QuestionView | null> {
  let q = from;
  for (let i = 0; q && !stop(q); i++) {
    if (i > 200) throw new Error('did not reach the question');
    const msgs = await turn(client, { type: 'answer', clientId: `u-${q.id}-${i}`, questionId: q.id, value: answerFor(workshop, q) });
    q = [...msgs].reverse().find((m) => m.type === 'question')?.question ?? null;
  }
  return q;
}

describe('replies in the form phase\'s chat', () => {
  it('go to the field they name, are told what a field wants, complete a month, and put off a whole part', async () => {
    const s = await steer(srv.url, workshop, (q) => q.id === 'form.creditCode');
    // A year where the credit code is asked: told what the field wants, not which letters a code may not use.
    const year = await typed(s.client, 'c-1', '2015年');
    expect(recordedIds(year.msgs)).toEqual([]);
    expect(said(year.msgs).join('\n')).toContain('「2015年」是日期');
    expect(said(year.msgs).join('\n')).toContain('18位统一社会信用代码');
    expect(said(year.msgs).join('\n')).not.toContain('I、O、S、V、Z');
    expect(year.next?.id).toBe('form.creditCode');

    // Part of an answer given, corrected while another question waits.
    await turn(s.client, { type: 'edit', clientId: 'c-2', questionId: 'form.address', value: '郑州市上街区工业路18号' });
    const fixed = await typed(s.client, 'c-3', '地址不是18号，应该是16号');
    expect(recordedIds(fixed.msgs)).toEqual(['form.address']);
    expect((await storedAnswers(s.sessionId, s.token))['form.address']).toBe('郑州市上街区工业路16号');
    expect(fixed.next?.id).toBe('form.creditCode');

    let q = await answerUntil(s.client, fixed.next, (x) => x.id === 'form.project.start');
    expect(q?.id).toBe('form.project.start');
    // The plant's address pointed back while the start date waits: the address is filled, the date still waits.
    const same = await typed(s.client, 'c-4', '工厂地址 同上');
    expect(recordedIds(same.msgs)).toEqual(['form.project.address']);
    expect(same.next?.id).toBe('form.project.start');
    // A year alone is asked back for its month; the month typed next completes it.
    const bare = await typed(s.client, 'c-5', '2020年');
    expect(recordedIds(bare.msgs)).toEqual([]);
    const month = await typed(s.client, 'c-6', '3月份');
    expect(recordedIds(month.msgs)).toEqual(['form.project.start']);
    let stored = await storedAnswers(s.sessionId, s.token);
    expect(stored['form.project.address']).toBe('郑州市上街区工业路16号');
    expect(stored['form.project.start']).toBe('2020-03');

    q = await answerUntil(s.client, month.next, (x) => x.id === 'form.ws.1.name');
    expect(q?.id).toBe('form.ws.1.name');
    // Every workshop question put off at once: none is asked, and none holds the words typed.
    const skip = await typed(s.client, 'c-7', '车间的先跳过');
    stored = await storedAnswers(s.sessionId, s.token);
    expect(stored['form.ws.1.name']).toBeNull();
    expect(stored['form.ws.1.lines']).toBeNull();
    expect(stored['form.ws.1.networkedEquipment']).toBeNull();
    expect(skip.next?.id).not.toMatch(/^form\.ws\./);

    q = await answerUntil(s.client, skip.next, (x) => x.id === 'form.ind.defectRate.before');
    expect(q?.id).toBe('form.ind.defectRate.before');
    // Days for a rate: told the field wants a percentage, nothing stored.
    const days = await typed(s.client, 'c-8', '90天');
    expect(recordedIds(days.msgs)).toEqual([]);
    expect(said(days.msgs).join('\n')).toMatch(/「90天」是天数.*百分比/u);
    await s.client.close();
  }, 120_000);
});
