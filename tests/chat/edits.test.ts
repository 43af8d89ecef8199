import { describe, expect, it } from 'vitest';
import { ChatClient } from './client';
import { serveForFile } from './serve';
import { answerFor, workshop } from './enterprises';
import { steer, turn } from './steer';

/*
 * Several facts accepted at once (an uploaded document's suggestions): one message that stores each as an edit would,
 * and one entry in the chat naming them all, instead of one 「修改 …」 per fact. One that cannot be taken keeps none.
 */
const srv = serveForFile();

async function reopened(sessionId: string, token: string) {
  const c = await ChatClient.connect(srv.url);
  c.send({ type: 'open', sessionId, token, lastSeq: 0 });
  const session = await c.next('session');
  await c.close();
  return session;
}

describe('edits sent together', () => {
  it('store every fact and stand in the transcript as one entry naming each', async () => {
    const s = await steer(srv.url, workshop, (q) => q.id.startsWith('form.'));
    const frames = await turn(s.client, {
      type: 'edits',
      clientId: 'all-1',
      items: [
        { questionId: 'form.employees', value: '520' },
        { questionId: 'form.finance.2022.revenue', value: '1.2亿' },
        { questionId: 'form.address', value: '开封市禹王台区金明大道66号' },
      ],
    });
    expect(frames.find((m) => m.type === 'ack')).toMatchObject({ clientId: 'all-1' });
    const recorded = frames.find((m) => m.type === 'recorded') as { items: { questionId: string }[] };
    expect(recorded.items.map((i) => i.questionId)).toEqual(['form.employees', 'form.finance.2022.revenue', 'form.address']);
    await s.client.close();

    const session = await reopened(s.sessionId, s.token);
    expect(session.answers['form.employees']).toBe(520);
    expect(session.answers['form.finance.2022.revenue']).toBe(12000);
    expect(session.answers['form.address']).toBe('开封市禹王台区金明大道66号');
    const mine = session.transcript.filter((e) => e.clientId === 'all-1');
    expect(mine, 'one entry for the three facts').toHaveLength(1);
    expect(mine[0]!.text).toMatch(/^已采用 3 项：/u);
    expect(mine[0]!.text).toContain('开封市禹王台区金明大道66号');
    expect(session.transcript.filter((e) => e.role === 'user' && e.text.startsWith('修改 ')), 'no entry per fact').toEqual([]);
  }, 120_000);

  it('keep none when one is refused, saying which and why; a lone edit still reads 修改', async () => {
    const s = await steer(srv.url, workshop, (q) => q.id.startsWith('form.'));
    s.client.send({
      type: 'edits',
      clientId: 'all-2',
      items: [
        { questionId: 'form.address', value: '开封市顺河回族区宋城路8号' },
        { questionId: 'form.employees', value: '0371-23456789' },
      ],
    } as never);
    const refused = await s.client.until((m) => (m.type === 'ack' || m.type === 'error') && m.clientId === 'all-2');
    expect(refused).toMatchObject({ type: 'error' });
    expect((refused as { message: string }).message).toMatch(/没有采用：.*电话号码.*2 项都没有保存/su);
    const one = await turn(s.client, { type: 'edit', clientId: 'one-1', questionId: 'form.employees', value: '480' });
    expect(one.find((m) => m.type === 'ack')).toBeTruthy();
    await s.client.close();

    const session = await reopened(s.sessionId, s.token);
    expect(session.answers['form.address'], 'the batch refused stored nothing').toBeUndefined();
    expect(session.answers['form.employees']).toBe(480);
    expect(session.transcript.find((e) => e.clientId === 'all-2')).toBeUndefined();
    expect(session.transcript.find((e) => e.clientId === 'one-1')!.text).toMatch(/^修改 /u);
  }, 120_000);

  it('confirm an edit from 我的回答 in the chat with what it replaced, as a change typed there is, and keep the reply after a reload', async () => {
    const s = await steer(srv.url, workshop, (q) => q.id.startsWith('form.'));
    // A capability answered in the interview, changed from the review card; and a form fact given for the first time there.
    const given = (await reopened(s.sessionId, s.token)).answers;
    const capId = Object.keys(given).find((id) => id.startsWith('cap.') && typeof given[id] === 'boolean')!;
    const changed = !given[capId];
    const frames = await turn(s.client, { type: 'edit', clientId: 'card-1', questionId: capId, value: changed });
    const reply = frames.filter((m) => m.type === 'message.delta').map((m) => (m as { delta: string }).delta).join('');
    expect(reply, 'the chat confirms the edit').toMatch(/^已记录：/u);
    expect(reply, 'with the answer it replaced').toMatch(/由“[^”]+”改为“[^”]+”/u);
    const first = await turn(s.client, { type: 'edit', clientId: 'card-2', questionId: 'form.employees', value: '365' });
    const firstReply = first.filter((m) => m.type === 'message.delta').map((m) => (m as { delta: string }).delta).join('');
    expect(firstReply).toMatch(/^已记录：.*365/u);
    await s.client.close();

    const session = await reopened(s.sessionId, s.token);
    expect(session.answers[capId]).toBe(changed);
    expect(session.answers['form.employees']).toBe(365);
    for (const id of ['card-1', 'card-2']) {
      const at = session.transcript.findIndex((e) => e.clientId === id);
      expect(at, `${id} is in the transcript`).toBeGreaterThanOrEqual(0);
      const next = session.transcript[at + 1];
      expect(next?.role, `${id}: the confirmation follows the edit after a reload`).toBe('assistant');
      expect(next!.text).toMatch(/^已记录：/u);
    }
  }, 120_000);

  it('leave an answer to the question asked with no 已记录 reply of its own, as before', async () => {
    const s = await steer(srv.url, workshop, () => true);
    const q = s.question!;
    const frames = await turn(s.client, { type: 'answer', clientId: 'plain-1', questionId: q.id, value: answerFor(workshop, q) });
    const reply = frames.filter((m) => m.type === 'message.delta').map((m) => (m as { delta: string }).delta).join('');
    expect(reply).not.toMatch(/^已记录：/u);
    await s.client.close();
  }, 120_000);

  it('is refused as malformed when it lists nothing', async () => {
    const c = await ChatClient.connect(srv.url);
    c.send({ type: 'open' });
    await c.next('session');
    c.send({ type: 'edits', clientId: 'none', items: [] } as never);
    expect(await c.until((m) => m.type === 'error')).toMatchObject({ type: 'error' });
    await c.close();
  });
});
