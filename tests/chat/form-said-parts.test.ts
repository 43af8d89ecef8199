import { describe, expect, it } from 'vitest';
import { serveForFile } from './serve';
import { discreteFactory, workshop } from './enterprises';
import { recordedIds, said, steer, typed } from './steer';

/*
 * Through the socket and the store: what a reply says beside the asked figure is filled and never asked again, a
 * figure of another time is asked back, and a bare yes to an ask-back sends the value it offered (or asks which).
 */
const srv = serveForFile();

async function stored(s: { sessionId: string; token: string }): Promise<Record<string, unknown>> {
  const r = await fetch(`${srv.http}/api/sessions/${s.sessionId}`, { headers: { authorization: `Bearer ${s.token}` } });
  return ((await r.json()) as { answers: Record<string, unknown> }).answers;
}

describe('the form fills what was said and asks only what is missing', () => {
  it('fills the workshop count and the names said after it, and asks next what no reply gave', async () => {
    const s = await steer(srv.url, discreteFactory, (q) => q.id === 'form.workshopCount');
    const r = await typed(s.client, 'p-1', '两个：一车间和装配车间');
    expect(recordedIds(r.msgs)).toEqual(['form.workshopCount', 'form.ws.1.name', 'form.ws.2.name']);
    expect(r.next?.id).toBe('form.ws.1.lines');
    const a = await stored(s);
    expect([a['form.workshopCount'], a['form.ws.1.name'], a['form.ws.2.name']]).toEqual([2, '一车间', '装配车间']);
    await s.client.close();
  }, 120_000);

  it('fills 发明专利 and the total from the kinds said, and asks neither again', async () => {
    const s = await steer(srv.url, workshop, (q) => q.id === 'form.patents.total');
    const r = await typed(s.client, 'p-2', '发明专利六项，实用新型十五项');
    expect(recordedIds(r.msgs)).toEqual(['form.patents.total', 'form.patents.invention']);
    expect(r.next?.id).not.toMatch(/^form\.patents\./);
    const a = await stored(s);
    expect([a['form.patents.total'], a['form.patents.invention']]).toEqual([21, 6]);
    await s.client.close();
  }, 120_000);

  it('asks back 「建设后320人」 at 现有员工, and 「是」 then fills 320', async () => {
    const s = await steer(srv.url, workshop, (q) => q.id === 'form.employees');
    const r = await typed(s.client, 'p-3', '建设后320人');
    expect(recordedIds(r.msgs)).toEqual([]);
    expect(said(r.msgs).join('')).toContain('现在的数');
    expect(r.next?.id).toBe('form.employees');
    expect((await stored(s))['form.employees']).toBeUndefined();
    const yes = await typed(s.client, 'p-4', '是');
    expect(recordedIds(yes.msgs)).toEqual(['form.employees']);
    expect((await stored(s))['form.employees']).toBe(320);
    await s.client.close();
  }, 120_000);

  it.each(['cnc30台', 'CNC30台'])('asks 「%s」 at the equipment total back as one kind\'s 30台, as 数控机床30台 is, and 「对的」 stores 30', async (text) => {
    const s = await steer(srv.url, workshop, (q) => q.id === 'form.ws.1.equipmentTotal');
    const part = await typed(s.client, 'c-1', text);
    expect(recordedIds(part.msgs)).toEqual([]);
    expect(said(part.msgs).join('')).toContain('30台');
    expect(part.next?.id).toBe('form.ws.1.equipmentTotal');
    const yes = await typed(s.client, 'c-2', '对的');
    expect(recordedIds(yes.msgs)).toEqual(['form.ws.1.equipmentTotal']);
    expect((await stored(s))['form.ws.1.equipmentTotal']).toBe(30);
    await s.client.close();
  }, 120_000);

  it('asks a model\'s count back as one kind\'s at the equipment total, 「对的」 stores it, and a whole said with the model is stored at once', async () => {
    const s = await steer(srv.url, workshop, (q) => q.id === 'form.ws.1.equipmentTotal');
    const part = await typed(s.client, 'm-1', 'KUKA KR-210 六台');
    expect(recordedIds(part.msgs)).toEqual([]);
    expect(said(part.msgs).join('')).toContain('KR-210的数');
    expect(said(part.msgs).join('')).toContain('“6台”');
    expect(part.next?.id).toBe('form.ws.1.equipmentTotal');
    const yes = await typed(s.client, 'm-2', '对的');
    expect(recordedIds(yes.msgs)).toEqual(['form.ws.1.equipmentTotal']);
    expect((await stored(s))['form.ws.1.equipmentTotal']).toBe(6);
    await s.client.close();

    const t = await steer(srv.url, workshop, (q) => q.id === 'form.ws.1.equipmentTotal');
    const whole = await typed(t.client, 'm-3', '120台，其中西门子S7-1500三台');
    expect(recordedIds(whole.msgs)).toEqual(['form.ws.1.equipmentTotal']);
    expect((await stored(t))['form.ws.1.equipmentTotal']).toBe(120);
    await t.client.close();
  }, 180_000);

  it('takes 「对的」 to a part ask-back as the figure offered, asks which for a yes to two offered, and never stores the yes', async () => {
    const s = await steer(srv.url, workshop, (q) => q.id === 'form.ws.1.equipmentTotal');
    await typed(s.client, 'p-5', '3号线有40台');
    const yes = await typed(s.client, 'p-6', '对的');
    expect(recordedIds(yes.msgs)).toEqual(['form.ws.1.equipmentTotal']);
    expect((await stored(s))['form.ws.1.equipmentTotal']).toBe(40);
    await s.client.close();

    const t = await steer(srv.url, workshop, (q) => q.id === 'form.ind.defectRate.before');
    await typed(t.client, 'p-7', '0.6');
    const which = await typed(t.client, 'p-8', '是');
    expect(recordedIds(which.msgs)).toEqual([]);
    expect(said(which.msgs).join('')).toContain('“0.6%”、“60%”');
    expect((await stored(t))['form.ind.defectRate.before']).toBeUndefined();
    // A yes with no ask-back before it offers nothing: it is no value either.
    const bare = await typed(t.client, 'p-9', '是');
    expect(recordedIds(bare.msgs)).toEqual([]);
    expect((await stored(t))['form.ind.defectRate.before']).toBeUndefined();
    await t.client.close();
  }, 180_000);
});
