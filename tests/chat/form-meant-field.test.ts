import { describe, expect, it } from 'vitest';
import { serveForFile } from './serve';
import { discreteFactory, type ScriptedEnterprise } from './enterprises';
import { recordedIds, said, steer, typed } from './steer';

/*
 * Form replies that mean another field or another value than the first one read, through the socket and the store as
 * the app runs them: a story's correction with another question waiting and with none, a post at a story's field, a
 * surname and a post at a post field, R&D spending at 研发人员, a second dated event, a count's whole and parts, and a
 * none at a count. The phrasings are this file's own.
 */
const srv = serveForFile();

async function stored(sessionId: string, token: string): Promise<Record<string, unknown>> {
  const r = await fetch(`${srv.http}/api/sessions/${sessionId}`, { headers: { authorization: `Bearer ${token}` } });
  return ((await r.json()) as { answers: Record<string, unknown> }).answers;
}
const withFacts = (facts: Record<string, string>): ScriptedEnterprise => ({ ...discreteFactory, facts: { ...discreteFactory.facts, ...facts } });

describe('form replies in the chat fill the field they mean', () => {
  it('a story corrected at another question and with none waiting replaces it, and says what it replaced', async () => {
    const s = await steer(srv.url, withFacts({ 'form.history': '2005年成立' }), (q) => q.id === 'form.patents.total');
    const at = await typed(s.client, 'm-1', '发展历程填错了，应该是2006年成立，2016年迁入新厂区');
    expect(recordedIds(at.msgs)).toEqual(['form.history']);
    expect(said(at.msgs).join('\n')).toContain('2005年成立');
    expect(at.next?.id).toBe('form.patents.total');
    expect((await stored(s.sessionId, s.token))['form.history']).toBe('2006年成立，2016年迁入新厂区');

    const done = await steer(srv.url, withFacts({ 'form.history': '2005年成立' }), () => false, 400);
    expect(done.question).toBeNull();
    const none = await typed(done.client, 'm-2', '企业发展历程写错了，应该是2004年建厂，2012年改制');
    expect(recordedIds(none.msgs)).toEqual(['form.history']);
    expect((await stored(done.sessionId, done.token))['form.history']).toBe('2004年建厂，2012年改制');
  }, 240_000);

  it('a post at 发展历程 is asked back; 「王主任」 at 联系人职务 is the post 主任, and the contact\'s name stays as it was', async () => {
    const s = await steer(srv.url, discreteFactory, (q) => q.id === 'form.contact.title');
    const before = (await stored(s.sessionId, s.token))['form.contact.name'];
    const title = await typed(s.client, 'm-3', '王主任');
    expect(recordedIds(title.msgs)).toEqual(['form.contact.title']);
    expect(title.next?.id).not.toBe('form.contact.title');
    let answers = await stored(s.sessionId, s.token);
    expect(answers['form.contact.title']).toBe('主任');
    expect(answers['form.contact.name']).toBe(before);

    const h = await steer(srv.url, discreteFactory, (q) => q.id === 'form.history');
    const post = await typed(h.client, 'm-4', '综合办公室主任');
    expect(recordedIds(post.msgs)).toEqual([]);
    expect(said(post.msgs).join('\n')).toContain('「综合办公室主任」是职务');
    expect(post.next?.id).toBe('form.history');
    answers = await stored(h.sessionId, h.token);
    expect(answers['form.history']).toBeUndefined();
  }, 240_000);

  it('R&D spending at 研发人员 goes to the R&D description; a count\'s whole beats its part; parts are asked back; a none is read per field', async () => {
    const s = await steer(srv.url, discreteFactory, (q) => q.id === 'form.rnd.staff');
    const rnd = await typed(s.client, 'm-5', '研发投入2020年650万，2021年800万，2022年1000万');
    expect(recordedIds(rnd.msgs)).toEqual(['form.rnd.description']);
    expect(rnd.next?.id).toBe('form.rnd.staff');
    expect((await stored(s.sessionId, s.token))['form.rnd.description']).toBe('研发投入2020年650万，2021年800万，2022年1000万');

    const w = await steer(srv.url, discreteFactory, (q) => q.id === 'form.ws.1.equipmentTotal');
    const parts = await typed(w.client, 'm-6', '数控车床36台，桁架机器人14台');
    expect(recordedIds(parts.msgs)).toEqual([]);
    expect(said(parts.msgs).join('\n')).toContain('加起来是50台（套）');
    const whole = await typed(w.client, 'm-7', '2号线有45台，全车间一共190台');
    expect(recordedIds(whole.msgs)).toEqual(['form.ws.1.equipmentTotal']);
    expect((await stored(w.sessionId, w.token))['form.ws.1.equipmentTotal']).toBe(190);
    // 联网的设备 comes after: a none there is 0; at 设备总数 of the next steer it is put off.
    const q = await steer(srv.url, discreteFactory, (x) => x.id === 'form.ws.1.networkedEquipment');
    const zero = await typed(q.client, 'm-8', '暂时还没有');
    expect(recordedIds(zero.msgs)).toEqual(['form.ws.1.networkedEquipment']);
    expect((await stored(q.sessionId, q.token))['form.ws.1.networkedEquipment']).toBe(0);
    const t = await steer(srv.url, discreteFactory, (x) => x.id === 'form.ws.1.equipmentTotal');
    const skip = await typed(t.client, 'm-9', '暂时没有');
    expect((await stored(t.sessionId, t.token))['form.ws.1.equipmentTotal']).toBeNull();
    expect(skip.next?.id).not.toBe('form.ws.1.equipmentTotal');
  }, 300_000);

  it('a second dated event beside the start date is kept in 发展历程 and said', async () => {
    const s = await steer(srv.url, discreteFactory, (q) => q.id === 'form.project.start');
    const both = await typed(s.client, 'm-10', '2019年9月开始，2021年又扩了一条线');
    expect(recordedIds(both.msgs)).toEqual(['form.project.start', 'form.history']);
    expect(said(both.msgs).join('\n')).toContain('2021年又扩了一条线');
    const answers = await stored(s.sessionId, s.token);
    expect(answers['form.project.start']).toBe('2019-09');
    // The history was skipped before this question (the scripted enterprise skips text), and a skip is filled in passing.
    expect(answers['form.history']).toBe('2021年又扩了一条线');
  }, 240_000);
});
