import { describe, expect, it } from 'vitest';
import { serveForFile } from './serve';
import { ChatClient } from './client';
import { as, staffAs } from '../staff/helpers';
import { said, typed } from './steer';

/*
 * The chat answers from the same, current answer base as /api/ask: an entry the helpline saves in the
 * review queue is served on a connection that was open (and had asked the question) before the save,
 * in 政策问答 and in the interview alike.
 */

const srv = serveForFile();
const QUESTION = '宣传片要拍领导讲话吗';
const ENTRY = {
  id: 'video-speech',
  questions: ['视频里要不要有领导讲话', QUESTION],
  answer: '通知没有要求视频里有领导讲话：附件只要求视频突出反映智能车间或智能工厂的建设成效。',
  conclusion: 'open',
  clauses: ['四(二)'],
  quotes: [{ clause: '四(二)', find: 'PDF彩色版格式' }],
};

describe('a staff edit saved while a chat is open', () => {
  it('is what the open chat answers next, as /api/ask does', async () => {
    const staff = await staffAs(srv, 'livedesk', 'helpline');
    const ask = async () => (await srv.app.inject({ method: 'POST', url: '/api/ask', payload: { question: QUESTION } })).json().answer as string;
    const c = await ChatClient.connect(srv.url);
    c.send({ type: 'open' });
    await c.next('session');
    await c.next('question');
    expect(said((await typed(c, 'b1', QUESTION, 'qa')).msgs).join('\n')).not.toContain(ENTRY.answer);
    const saved = await srv.app.inject({ method: 'PUT', url: `/api/staff/answers/${ENTRY.id}`, headers: as(staff), payload: { entry: ENTRY } });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(await ask()).toContain(ENTRY.answer);
    expect(said((await typed(c, 'a1', QUESTION, 'qa')).msgs).join('\n')).toContain(ENTRY.answer);
    expect(said((await typed(c, 'a2', QUESTION)).msgs).join('\n')).toContain(ENTRY.answer);
    await c.close();
  }, 120_000);
});
