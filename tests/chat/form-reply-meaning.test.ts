import { describe, expect, it } from 'vitest';
import { serveForFile } from './serve';
import { discreteFactory, type ScriptedEnterprise } from './enterprises';
import { recordedIds, said, steer, typed } from './steer';

/*
 * Form replies through the socket and the store as the app runs them: one part of a count with no whole, a group put
 * off with 先空着, another answer pointed at with words added, an addition to a story with no question and at another,
 * and a story's change typed while an interview question waits. The phrasings are this file's own.
 */
const srv = serveForFile();

async function stored(sessionId: string, token: string): Promise<Record<string, unknown>> {
  const r = await fetch(`${srv.http}/api/sessions/${sessionId}`, { headers: { authorization: `Bearer ${token}` } });
  return ((await r.json()) as { answers: Record<string, unknown> }).answers;
}
const withFacts = (facts: Record<string, string | null>): ScriptedEnterprise => ({ ...discreteFactory, facts: { ...discreteFactory.facts, ...facts } });

describe('form replies in the chat fill the field and the value they mean', () => {
  it('one line\'s count at the equipment total is asked back and stored nowhere; the whole said next is the total', async () => {
    const s = await steer(srv.url, discreteFactory, (q) => q.id === 'form.ws.1.equipmentTotal');
    const part = await typed(s.client, 'r-1', '5号线上有36台');
    expect(recordedIds(part.msgs)).toEqual([]);
    expect(said(part.msgs).join('\n')).toContain('这是全车间的');
    expect(part.next?.id).toBe('form.ws.1.equipmentTotal');
    expect((await stored(s.sessionId, s.token))['form.ws.1.equipmentTotal']).toBeUndefined();
    const whole = await typed(s.client, 'r-2', '车间里一共有36台');
    expect(recordedIds(whole.msgs)).toEqual(['form.ws.1.equipmentTotal']);
    expect((await stored(s.sessionId, s.token))['form.ws.1.equipmentTotal']).toBe(36);
    await s.client.close();
  }, 240_000);

  it('「这几栏先空着」 at a workshop puts off its fields and stores no words', async () => {
    const s = await steer(srv.url, discreteFactory, (q) => q.id === 'form.ws.1.name');
    const off = await typed(s.client, 'r-3', '这几栏先空着');
    const ids = recordedIds(off.msgs);
    expect(ids).toContain('form.ws.1.name');
    expect(ids.every((id) => /^form\.(?:ws\.1\.|cell\.ws\.)/u.test(id))).toBe(true);
    const answers = await stored(s.sessionId, s.token);
    expect(ids.every((id) => answers[id] === null)).toBe(true);
    expect(off.next?.id).not.toMatch(/^form\.ws\.1\./u);
    await s.client.close();
  }, 240_000);

  it('「同单位地址，…」 at the project address fills it from the unit\'s address and the words added; asked back while that is empty', async () => {
    const s = await steer(srv.url, withFacts({ 'form.address': '河南省新乡市红旗区新二街9号' }), (q) => q.id === 'form.project.address');
    const same = await typed(s.client, 'r-4', '和单位地址一样，后面加上北区2号厂房');
    expect(recordedIds(same.msgs)).toEqual(['form.project.address']);
    expect((await stored(s.sessionId, s.token))['form.project.address']).toBe('河南省新乡市红旗区新二街9号北区2号厂房');
    await s.client.close();

    const e = await steer(srv.url, withFacts({ 'form.address': null }), (q) => q.id === 'form.project.address');
    const none = await typed(e.client, 'r-5', '同单位地址，北区2号厂房');
    expect(recordedIds(none.msgs)).toEqual([]);
    expect(said(none.msgs).join('\n')).toContain('还没有填写');
    expect(none.next?.id).toBe('form.project.address');
    expect((await stored(e.sessionId, e.token))['form.project.address']).toBeUndefined();
    await e.client.close();
  }, 240_000);

  it('an addition to 发展历程 is appended with no question open and at another question, and said as added', async () => {
    const done = await steer(srv.url, withFacts({ 'form.history': '2005年成立' }), () => false, 400);
    expect(done.question).toBeNull();
    const none = await typed(done.client, 'r-6', '发展历程再补充一句：2020年通过两化融合贯标');
    expect(recordedIds(none.msgs)).toEqual(['form.history']);
    expect(said(none.msgs).join('\n')).toContain('补充了“2020年通过两化融合贯标”');
    expect((await stored(done.sessionId, done.token))['form.history']).toBe('2005年成立；2020年通过两化融合贯标');
    // The same words again add nothing: the story is kept as it is.
    await typed(done.client, 'r-7', '发展历程再补充一句：2020年通过两化融合贯标');
    expect((await stored(done.sessionId, done.token))['form.history']).toBe('2005年成立；2020年通过两化融合贯标');
    await done.client.close();

    const s = await steer(srv.url, withFacts({ 'form.history': '2005年成立。' }), (q) => q.id === 'form.patents.total');
    const at = await typed(s.client, 'r-8', '再补一句发展历程：2021年建成新厂区');
    expect(recordedIds(at.msgs)).toEqual(['form.history']);
    expect(at.next?.id).toBe('form.patents.total');
    expect((await stored(s.sessionId, s.token))['form.history']).toBe('2005年成立。2021年建成新厂区');
    await s.client.close();
  }, 300_000);

  it('「主营业务改成…」 while an interview question waits changes the form\'s 主营业务, not the interview answer, and the question stays open', async () => {
    const s = await steer(srv.url, discreteFactory, (q) => q.id === 'cap.mes');
    const before = await stored(s.sessionId, s.token);
    const fix = await typed(s.client, 'r-9', '主营业务改成汽车零部件的研发与制造');
    expect(recordedIds(fix.msgs)).toEqual(['form.business']);
    expect(fix.next?.id).toBe('cap.mes');
    const after = await stored(s.sessionId, s.token);
    expect(after['form.business']).toBe('汽车零部件的研发与制造');
    expect(after['ent.manufacturingMainBusiness']).toBe(before['ent.manufacturingMainBusiness']);
    await s.client.close();

    // At a form question of another field: the same, and that question still waits.
    const f = await steer(srv.url, discreteFactory, (q) => q.id === 'form.employees');
    const atForm = await typed(f.client, 'r-10', '把主营业务改为精密铸件的生产和销售');
    expect(recordedIds(atForm.msgs)).toEqual(['form.business']);
    expect(atForm.next?.id).toBe('form.employees');
    expect((await stored(f.sessionId, f.token))['form.business']).toBe('精密铸件的生产和销售');
    await f.client.close();
  }, 300_000);
});
