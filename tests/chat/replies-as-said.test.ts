import { describe, expect, it } from 'vitest';
import type { ServerMessage } from '../../server/schemas/ws';
import { ChatClient } from './client';
import { serveForFile } from './serve';
import { discreteFactory, workshop, type ScriptedEnterprise } from './enterprises';
import { recordedIds, said, steer, typed } from './steer';

/*
 * Replies stored as they were said, typed over the socket as the app runs: the 省辖市 named as the recommender at the
 * county question, the status words of a system (在建, 未交付, 验收中, 停用了, 坏了), and facts of the enterprise said in
 * 政策问答 questions, which are offered to the interview and the form and stored only when the user takes them.
 */
const srv = serveForFile();

const recorded = (msgs: ServerMessage[]) => Object.fromEntries(msgs.flatMap((m) => (m.type === 'recorded' ? m.items.map((i) => [i.questionId, i.value] as const) : [])));

async function stored(s: { sessionId: string; token: string }): Promise<Record<string, unknown>> {
  const r = await fetch(`${srv.http}/api/sessions/${s.sessionId}`, { headers: { authorization: `Bearer ${s.token}` } });
  return ((await r.json()) as { answers: Record<string, unknown> }).answers;
}

async function reply(e: ScriptedEnterprise, id: string, text: string) {
  const s = await steer(srv.url, e, (q) => q.id === id);
  const r = await typed(s.client, 't', text);
  const answers = await stored(s);
  await s.client.close();
  return { ...r, stored: recorded(r.msgs), answers };
}

describe('the 省辖市 named as the recommender at the county question', () => {
  // Phrasings of our own; the enterprise's city is 郑州市.
  for (const text of ['由洛阳市推荐，跳过', '是郑州市工信局推荐的', '我们在郑州高新区', '县里还没定，先报市里']) {
    it(`「${text}」 fills in no county and reads none back as the recommending 县（市）`, async () => {
      const r = await reply(workshop, 'ent.county', text);
      expect(r.stored).toEqual({ 'ent.county': null });
      expect(r.answers['ent.county']).toBeNull();
      expect(r.answers['ent.city'], 'the city answered before stays').toBe('郑州市');
      expect(said(r.msgs).join('\n')).not.toMatch(/推荐县（市）——(?:洛阳|郑州)/u);
      expect(r.next?.id).not.toBe('ent.county');
    }, 120_000);
  }
  // Near misses: a 县 or 县级市 named, beside its city or not, is the county.
  for (const [text, county] of [['巩义市推荐', '巩义市'], ['郑州下面的新郑市', '新郑市']] as const) {
    it(`「${text}」 is the county ${county}`, async () => {
      const r = await reply(workshop, 'ent.county', text);
      expect(r.stored).toEqual({ 'ent.county': county });
    }, 120_000);
  }
});

describe('the status words of a system, for the system the sentence names', () => {
  for (const [id, text, want] of [
    ['cap.mes', 'WMS还没接', { 'cap.wms': true, 'cap.systemIntegration': 'partial' }],
    ['cap.mes', 'MES软件商还没交付', { 'cap.mes': 'building' }],
    ['cap.mes', '正在给我们部署，下个月验收', { 'cap.mes': 'building' }],
    ['cap.andon', '安灯验收中', { 'cap.andon': 'building' }],
    ['cap.agvRgv', 'AGV前年买的，早就停用了', { 'cap.agvRgv': false }],
    ['cap.agvRgv', 'AGV坏了，一直没修', { 'cap.agvRgv': false }],
    ['cap.mes', '刚上线两个月', { 'cap.mes': true }],
  ] as const) {
    it(`「${text}」 at ${id} stores ${JSON.stringify(want)}`, async () => {
      const r = await reply(discreteFactory, id, text);
      expect(r.stored).toEqual(want);
    }, 120_000);
  }
  it('a system being delivered is read back as 在建', async () => {
    const r = await reply(discreteFactory, 'cap.mes', 'MES软件商还没交付');
    expect(said(r.msgs).join('\n')).toContain('在建');
  }, 120_000);
});

describe('facts said in 政策问答 questions', () => {
  async function opened(): Promise<{ c: ChatClient; sessionId: string; token: string }> {
    const c = await ChatClient.connect(srv.url);
    c.send({ type: 'open', mode: 'qa' });
    const s = await c.next('session');
    await c.next('question');
    return { c, sessionId: s.sessionId, token: s.token };
  }

  it('are offered, not stored; 「记入」 records them and the interview does not ask them again', async () => {
    const { c, sessionId, token } = await opened();
    const q = await typed(c, 'q-1', '我们是做乳制品的，有380人，能报智能工厂吗', 'qa');
    expect(recordedIds(q.msgs), 'a question is never stored as an answer').toEqual([]);
    const offer = said(q.msgs).join('\n');
    expect(offer).toContain('食品制造业');
    expect(offer).toContain('380');
    expect(offer).toContain('记入');
    expect(await stored({ sessionId, token })).toEqual({});
    // Taken in the interview tab: both facts are recorded, and the trade is not asked.
    const take = await typed(c, 't-1', '好的，记入');
    expect(recorded(take.msgs)).toEqual({ 'ent.industryCode': '14', 'form.employees': 380 });
    const answers = await stored({ sessionId, token });
    expect(answers).toMatchObject({ 'ent.industryCode': '14', 'form.employees': 380 });
    expect(take.next?.id).not.toBe('ent.industryCode');
    await c.close();
  }, 120_000);

  it('offer a city and a system said beside a question, and a round head count with its words', async () => {
    const { c } = await opened();
    const q = await typed(c, 'q-1', '我们公司在洛阳，做轴承的，全厂三百多人，MES已经上了，能报车间吗？', 'qa');
    expect(recordedIds(q.msgs)).toEqual([]);
    const take = await typed(c, 't-1', '记入', 'qa');
    expect(recorded(take.msgs)).toEqual({ 'cap.mes': true, 'ent.city': '洛阳市', 'ent.industryCode': '34', 'form.employees': 300 });
    expect(said(take.msgs).join('\n')).toContain('全厂三百多人');
    await c.close();
  }, 120_000);

  // Near misses: a question that states nothing of the enterprise offers nothing, a count asked about is no count,
  // a decline or a plain 是 takes nothing, and a fact answered meanwhile is not replaced.
  it('offer nothing for a question that states no fact, and take nothing without 记入', async () => {
    const { c, sessionId, token } = await opened();
    for (const [i, text] of ['员工300人以上才能报吗', '郑州的企业能报几家？', '没有MES能报吗', '一个企业能同时报两个车间不', '今年还能再报一个工厂吗'].entries()) {
      const r = await typed(c, `n-${i}`, text, 'qa');
      expect(said(r.msgs).join('\n'), text).not.toContain('记入');
    }
    await typed(c, 'q-1', '我们是做乳制品的，有380人，能报吗', 'qa');
    const no = await typed(c, 'd-1', '先别记上', 'qa');
    expect(recordedIds(no.msgs)).toEqual([]);
    expect(await stored({ sessionId, token })).toEqual({});
    await c.close();
  }, 120_000);

  // The offer is kept with the session: a reload (a new socket on the same session) still takes it with 「记入」.
  async function reopened(sessionId: string, token: string, mode?: 'qa'): Promise<ChatClient> {
    const c = await ChatClient.connect(srv.url);
    c.send({ type: 'open', sessionId, token, ...(mode ? { mode } : {}) });
    expect((await c.next('session')).resumed).toBe(true);
    await c.next('question');
    return c;
  }

  for (const [question, mode, want] of [
    ['我们厂在新乡，做电机的，能报智能车间吗', undefined, { 'ent.city': '新乡市', 'ent.industryCode': '38' }],
    ['我们是做饲料的，员工二百来人，报工厂够不够', 'qa', { 'ent.industryCode': '13', 'form.employees': 200 }],
  ] as const) {
    it(`survive a reload: 「${question}」, then 记入 on a new socket records them`, async () => {
      const { c, sessionId, token } = await opened();
      const q = await typed(c, 'q-1', question, 'qa');
      expect(said(q.msgs).join('\n')).toContain('记入');
      await c.close();
      const again = await reopened(sessionId, token, mode);
      const take = await typed(again, 't-1', '记入', mode);
      expect(recorded(take.msgs)).toEqual(want);
      expect(await stored({ sessionId, token })).toMatchObject(want);
      // Taken once: a second 记入 has nothing left to record.
      const twice = await typed(again, 't-2', '记入', mode);
      expect(recordedIds(twice.msgs)).toEqual([]);
      await again.close();
    }, 120_000);
  }

  it('after a reload, a decline or a plain reply still takes nothing', async () => {
    const { c, sessionId, token } = await opened();
    await typed(c, 'q-1', '我们是做乳制品的，有380人，能报吗', 'qa');
    await c.close();
    const again = await reopened(sessionId, token, 'qa');
    for (const [i, text] of ['先别记上', '不用记入'].entries()) expect(recordedIds((await typed(again, `d-${i}`, text, 'qa')).msgs), text).toEqual([]);
    expect(await stored({ sessionId, token })).toEqual({});
    await again.close();
  }, 120_000);

  it('read a session stored without an offer, or with one that no longer parses, as holding none', async () => {
    const { c, sessionId, token } = await opened();
    await c.close();
    await srv.app.store.putDoc(sessionId, 'offered', { questionId: 'ent.city' });
    const again = await reopened(sessionId, token, 'qa');
    const take = await typed(again, 't-1', '记入', 'qa');
    expect(recordedIds(take.msgs)).toEqual([]);
    expect(await stored({ sessionId, token })).toEqual({});
    await again.close();
  }, 120_000);

  it('leave an answer given meanwhile as it was', async () => {
    const { c, sessionId, token } = await opened();
    await typed(c, 'q-1', '我们是做乳制品的，有380人，能报吗', 'qa');
    // The interview's own answer comes first: the trade is answered by hand, then 记入 adds only the head count.
    c.send({ type: 'answer', clientId: 'a-1', questionId: 'ent.industryCode', value: '15' });
    await c.until((m) => (m.type === 'ack' || m.type === 'error') && m.clientId === 'a-1');
    await c.next('question');
    const take = await typed(c, 't-1', '记入');
    expect(recorded(take.msgs)).toEqual({ 'form.employees': 380 });
    expect((await stored({ sessionId, token }))['ent.industryCode']).toBe('15');
    await c.close();
  }, 120_000);
});
