import { describe, expect, it } from 'vitest';
import { serveForFile } from './serve';
import { workshop } from './enterprises';
import { said, steer, typed } from './steer';
import type { ServerMessage } from '../../server/schemas/ws';

/*
 * Replies over the socket that earlier rounds took wrongly or not at all: a hedged no with the work described as done
 * by hand, a legal-person statement to the group question, a district named alone, facts typed for later questions
 * while the founding year waits, and a question about applying in the head office's name. Each is typed the way an
 * applicant would, with a paraphrase beside it.
 */
const srv = serveForFile();

const recorded = (msgs: ServerMessage[]) => Object.fromEntries(msgs.flatMap((m) => (m.type === 'recorded' ? m.items.map((i) => [i.questionId, i.value]) : [])));

async function session(s: { sessionId: string; token: string }) {
  const r = await fetch(`${srv.http}/api/sessions/${s.sessionId}`, { headers: { authorization: `Bearer ${s.token}` } });
  return (await r.json()) as { answers: Record<string, unknown> };
}

const process = { ...workshop, facts: { ...workshop.facts, 'ent.industryCode': '30', 'cat.productionMode': 'process' } };

describe('replies the interview used to misread', () => {
  for (const text of ['应该没有，窑温还是看火工调', '估计没有 都是老师傅凭经验调']) {
    it(`a hedged no with the control done by hand is no APC, the practice read back: 「${text}」`, async () => {
      const s = await steer(srv.url, process, (q) => q.id === 'cap.apc');
      const { msgs, next } = await typed(s.client, 't-1', text);
      expect(recorded(msgs)).toEqual({ 'cap.apc': false });
      // Not the same question again: the interview goes on.
      expect(next?.id).not.toBe('cap.apc');
      await s.client.close();
    });
  }

  it('a hedged no with nothing said of how the work is done is still asked again', async () => {
    const s = await steer(srv.url, process, (q) => q.id === 'cap.apc');
    const { msgs, next } = await typed(s.client, 't-1', '应该没有吧');
    expect(recorded(msgs)).toEqual({});
    expect(next?.id).toBe('cap.apc');
    await s.client.close();
  });

  for (const text of ['是独立法人，有限公司', '我们是独立的法人']) {
    it(`being an independent legal person does not answer the group question: 「${text}」`, async () => {
      const s = await steer(srv.url, workshop, (q) => q.id === 'ent.groupOrHeadOffice');
      const { msgs, next } = await typed(s.client, 't-1', text);
      expect(recorded(msgs)['ent.groupOrHeadOffice']).toBeUndefined();
      expect(next?.id).toBe('ent.groupOrHeadOffice');
      expect((await session(s)).answers['ent.groupOrHeadOffice']).toBeUndefined();
      await s.client.close();
    });
  }

  for (const [text, city] of [['是，建安区的', '许昌市'], ['中 俺们在卧龙区注册哩', '南阳市']] as const) {
    it(`a 市辖区 named alone where the enterprise is registered records its 省辖市 and no county: 「${text}」`, async () => {
      const s = await steer(srv.url, workshop, (q) => q.id === 'ent.registeredInHenan');
      await typed(s.client, 't-1', text);
      const answers = (await session(s)).answers;
      expect(answers['ent.city']).toBe(city);
      expect(answers['ent.county']).toBeUndefined();
      await s.client.close();
    });
  }

  it('districts of two cities named leave the city to be asked', async () => {
    const s = await steer(srv.url, workshop, (q) => q.id === 'ent.registeredInHenan');
    await typed(s.client, 't-1', '是，建安区和卧龙区都有厂');
    expect((await session(s)).answers['ent.city']).toBeUndefined();
    await s.client.close();
  });

  for (const text of ['做电机的 离散', '俺们做电机哩，离散型']) {
    it(`the trade and mode typed while the founding year waits are recorded, and the year asked again: 「${text}」`, async () => {
      const s = await steer(srv.url, workshop, (q) => q.id === 'ent.foundedYear');
      const { msgs, next } = await typed(s.client, 't-1', text);
      expect(recorded(msgs)).toEqual({ 'ent.industryCode': '38', 'cat.productionMode': 'discrete' });
      expect(next?.id).toBe('ent.foundedYear');
      const answers = (await session(s)).answers;
      expect(answers['ent.foundedYear']).toBeUndefined();
      await s.client.close();
    });
  }

  for (const text of ['用总公司名义报行不行', '用集团的名义报，可以吗']) {
    it(`a question about applying in the head office's name is answered, not stored: 「${text}」`, async () => {
      const s = await steer(srv.url, workshop, (q) => q.id === 'ent.groupOrHeadOffice');
      const { msgs, next } = await typed(s.client, 't-1', text);
      expect(recorded(msgs)).toEqual({});
      expect(msgs.some((m) => m.type === 'message.end' && m.citations.length > 0)).toBe(true);
      expect(next?.id).toBe('ent.groupOrHeadOffice');
      expect(said(msgs).join('')).not.toContain('已记录');
      await s.client.close();
    });
  }
});
