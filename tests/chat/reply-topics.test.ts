import { describe, expect, it } from 'vitest';
import { serveForFile } from './serve';
import { answerFor, workshop } from './enterprises';
import { recordedIds, said, steer, typed } from './steer';
import type { ServerMessage } from '../../server/schemas/ws';

/*
 * Replies read by what they say, over the real socket: a plan said to the 另有申报 question, a list named again while the
 * next list's question waits, a Henan particle closing a statement, a city said beside a tag question. Nothing is stored
 * as the answer to a question the reply did not answer, and the question waiting is asked again by name.
 */
const srv = serveForFile();

const stored = (msgs: ServerMessage[]) => Object.fromEntries(msgs.flatMap((m) => (m.type === 'recorded' ? m.items.map((i) => [i.questionId, i.value]) : [])));

describe('a plan said to the 另有申报 question', () => {
  it('records the category planned and asks the question again by name when the plan says nothing of a second one', async () => {
    const s = await steer(srv.url, workshop, (q) => q.id === 'ent.appliedThisYear');
    const plan = await typed(s.client, 'p-1', '我们准备申报智能工厂');
    expect(stored(plan.msgs)).toEqual({ 'cat.scope': 'factory' });
    expect(plan.next?.id).toBe('ent.appliedThisYear');
    expect(said(plan.msgs).join('\n')).toContain(`当前这一项还没有回答：${s.question!.text}`);
    const no = await typed(s.client, 'p-2', '没有');
    expect(stored(no.msgs)).toEqual({ 'ent.appliedThisYear': false });
    await s.client.close();
  });

  it('takes 「只…报」 with words of intent as the one application, beside the category it names', async () => {
    for (const [i, text] of ['就打算报一个智能工厂', '仅计划申请一个智能车间'].entries()) {
      const s = await steer(srv.url, workshop, (q) => q.id === 'ent.appliedThisYear');
      const { msgs, next } = await typed(s.client, `o-${i}`, text);
      expect(stored(msgs), text).toEqual({ 'ent.appliedThisYear': false, 'cat.scope': i === 0 ? 'factory' : 'workshop' });
      expect(next?.id).not.toBe('ent.appliedThisYear');
      await s.client.close();
    }
  });
});

describe('a reply naming another question while one waits', () => {
  it('is told it was taken for the list it names, already answered the same way, and stores nothing for the tax list', async () => {
    const s = await steer(srv.url, workshop, (q) => q.id === 'ent.credit.taxViolationBlacklist');
    for (const [i, text] of ['失信名单没有', '老赖俺们肯定不是'].entries()) {
      const { msgs, next } = await typed(s.client, `n-${i}`, text);
      expect(recordedIds(msgs), text).toEqual([]);
      expect(next?.id).toBe('ent.credit.taxViolationBlacklist');
      const reply = said(msgs).join('\n');
      expect(reply).toContain('被列入失信被执行人');
      expect(reply).toContain(s.question!.text);
    }
    // A list not yet answered is recorded in passing, and the tax list is asked again by name.
    const serious = await typed(s.client, 'n-3', '严重违法失信名单也不在');
    expect(stored(serious.msgs)).toEqual({ 'ent.credit.seriousIllegalDishonest': false });
    expect(said(serious.msgs).join('\n')).toContain(`当前这一项还没有回答：${s.question!.text}`);
    // The reply about the waiting list itself is its answer.
    const own = await typed(s.client, 'n-4', '税务上的黑名单也没有');
    expect(stored(own.msgs)).toEqual({ 'ent.credit.taxViolationBlacklist': false });
    await s.client.close();
  });

  it('still reads a changed value of the list it names as a change of that answer', async () => {
    const s = await steer(srv.url, workshop, (q) => q.id === 'ent.credit.taxViolationBlacklist');
    const { msgs } = await typed(s.client, 'c-1', '失信被执行人有');
    expect(stored(msgs)).toEqual({ 'ent.credit.dishonestExecutee': true });
    await s.client.close();
  });
});

describe('Henan particles and a city said in passing', () => {
  it('takes a statement closed by 嘞 and one with 咧 inside it as yes', async () => {
    const s = await steer(srv.url, workshop, (q) => q.id === 'cap.automatedLines');
    const auto = await typed(s.client, 'd-1', '都是自动化嘞');
    expect(stored(auto.msgs)).toEqual({ 'cap.automatedLines': true });
    await s.client.close();
    const m = await steer(srv.url, workshop, (q) => q.id === 'cap.mes');
    const mes = await typed(m.client, 'd-2', '俺们车间咧，MES早就上了');
    expect(stored(mes.msgs)).toEqual({ 'cap.mes': true });
    await m.client.close();
  });

  it('records the city said with a tag question, so it is never asked', async () => {
    const s = await steer(srv.url, workshop, (q) => q.id === 'ent.registeredInHenan');
    const { msgs, next } = await typed(s.client, 'r-1', '俺们是在新乡注册的，对吧');
    expect(stored(msgs)).toEqual({ 'ent.registeredInHenan': true, 'ent.city': '新乡市' });
    // The rest of the hard conditions, answered from the fact table: the city question never comes.
    const asked: string[] = [];
    let q = next;
    for (let i = 0; q && q.phase === 'hard'; i++) {
      asked.push(q.id);
      s.client.send({ type: 'answer', clientId: `h-${i}`, questionId: q.id, value: answerFor(workshop, q) });
      await s.client.until((m) => m.type === 'ack' && m.clientId === `h-${i}`);
      q = (await s.client.next('question')).question;
    }
    expect(asked).not.toContain('ent.city');
    expect(asked.length).toBeGreaterThan(0);
    await s.client.close();
  });
});
