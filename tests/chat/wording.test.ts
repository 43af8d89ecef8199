import { describe, expect, it } from 'vitest';
import type { ServerMessage } from '../../server/schemas/ws';
import { ChatClient } from './client';
import { serveForFile } from './serve';
import { walk } from './drive';
import { ineligible } from './enterprises';

const srv = serveForFile();

const said = (msgs: ServerMessage[]) => msgs.flatMap((m) => (m.type === 'message.end' ? [m.text] : []));

async function openNew(mode?: 'interview' | 'qa') {
  const c = await ChatClient.connect(srv.url);
  c.send({ type: 'open', ...(mode ? { mode } : {}) });
  await c.next('session');
  const question = (await c.next('question')).question!;
  return { c, question };
}

/** Sends one message and waits until the turn's last frame (the question card) arrived; returns what the turn sent. */
async function turn(c: ChatClient, msg: { clientId: string } & Record<string, unknown>): Promise<ServerMessage[]> {
  const from = c.received.length;
  c.send(msg);
  await c.until((m) => (m.type === 'ack' || m.type === 'error') && m.clientId === msg.clientId);
  await c.next('question');
  return c.received.slice(from);
}

describe('the assistant’s wording', () => {
  it('never ends a sentence with a doubled full stop in the ineligible walkthrough', async () => {
    const w = await walk(srv.url, ineligible);
    const texts = said(w.client.received);
    expect(texts.some((t) => t.includes('暂不符合申报条件'))).toBe(true);
    for (const t of texts) expect(t).not.toContain('。。');
    await w.client.close();
  });

  it('greets a user who came to ask without starting the interview, and answers without re-asking it', async () => {
    const { c, question } = await openNew('qa');
    const greeting = said(c.received);
    expect(greeting).toHaveLength(1);
    expect(greeting[0]).not.toContain('先确认申报基本条件');
    const sent = await turn(c, { type: 'text', clientId: 'qa-1', mode: 'qa', text: '智能车间需要满足哪些条件？' });
    const texts = said(sent);
    expect(texts).toHaveLength(1);
    expect(texts[0]).not.toContain('接着刚才的问题');
    expect(texts[0]).not.toContain(question.text);
    await c.close();
  });

  it('in 政策问答 after the interview has started, gives a short hint instead of the pending question', async () => {
    const { c, question } = await openNew();
    await turn(c, { type: 'answer', clientId: 'a-1', questionId: question.id, value: true });
    const sent = await turn(c, { type: 'text', clientId: 'qa-2', mode: 'qa', text: '申报材料需要哪些附件？' });
    const texts = said(sent);
    expect(texts).toHaveLength(2);
    expect(texts[1]).toContain('申报评估');
    const pending = sent.find((m) => m.type === 'question');
    expect(pending?.type === 'question' && pending.question?.text).toBeTruthy();
    for (const t of texts.slice(1)) expect(t).not.toContain(pending?.type === 'question' ? pending.question!.text : '—');
    // Once is enough: the next question asked in 政策问答 is answered alone, until the interview is taken up again.
    expect(said(await turn(c, { type: 'text', clientId: 'qa-3', mode: 'qa', text: '视频多大？' }))).toHaveLength(1);
    const next = sent.find((m) => m.type === 'question');
    await turn(c, { type: 'answer', clientId: 'a-2', questionId: next?.type === 'question' ? next.question!.id : question.id, value: true });
    expect(said(await turn(c, { type: 'text', clientId: 'qa-4', mode: 'qa', text: '照片要几张？' }))).toHaveLength(2);
    await c.close();
  });

  it('returns to the interview after a question without repeating the question the card shows', async () => {
    const { c, question } = await openNew();
    const sent = await turn(c, { type: 'text', clientId: 'q-1', text: '智能车间和智能工厂有什么区别？' });
    const texts = said(sent);
    expect(texts.at(-1)).toBe('我们接着刚才的问题。');
    const card = sent.find((m) => m.type === 'question');
    expect(card?.type === 'question' && card.question?.id).toBe(question.id);
    await c.close();
  });

  it('confirms when an edit clears the only failing hard condition', async () => {
    const { c, question } = await openNew();
    expect(question.id).toBe('ent.registeredInHenan');
    const blocked = said(await turn(c, { type: 'answer', clientId: 'b-1', questionId: question.id, value: false }));
    expect(blocked.join('')).toContain('暂不符合申报条件');
    const fixed = await turn(c, { type: 'edit', clientId: 'b-2', questionId: question.id, value: true });
    const assessment = fixed.find((m) => m.type === 'assessment');
    expect(assessment?.type === 'assessment' && assessment.assessment.blocking).toEqual([]);
    expect(said(fixed).at(-1)).toContain('未发现不符合的硬性条件');
    // An answer that changes nothing about eligibility gets no such confirmation.
    const next = fixed.find((m) => m.type === 'question');
    const plain = await turn(c, { type: 'answer', clientId: 'b-3', questionId: next!.type === 'question' ? next!.question!.id : '', value: true });
    expect(said(plain).join('')).not.toContain('未发现不符合的硬性条件');
    await c.close();
  });

  it('confirms when a typed correction clears a failing hard condition', async () => {
    const { c } = await openNew();
    const blocked = said(await turn(c, { type: 'edit', clientId: 't-1', questionId: 'ent.credit.dishonestExecutee', value: true }));
    expect(blocked.join('')).toContain('暂不符合申报条件');
    const fixed = await turn(c, { type: 'text', clientId: 't-2', text: '其实我们没有被列入失信被执行人' });
    const assessment = fixed.find((m) => m.type === 'assessment');
    expect(assessment?.type === 'assessment' && assessment.assessment.blocking).toEqual([]);
    expect(said(fixed).join('')).toContain('未发现不符合的硬性条件');
    await c.close();
  });
});
