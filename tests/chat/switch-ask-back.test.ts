import { describe, expect, it } from 'vitest';
import { serveForFile } from './serve';
import { discreteFactory, workshop } from './enterprises';
import { recordedIds, said, steer, typed } from './steer';
import { ChatClient } from './client';
import type { ServerMessage } from '../../server/schemas/ws';

/*
 * After the interview asks back whether to switch the category (「要改报智能车间吗？」), a bare reply answers that asking:
 * 「要」「对」「嗯，改吧」「行」 switch, 「不用」「先不改」 keep. Only the reply right after the asking does: any other
 * reply is read as it would be, and a bare 「要」 later switches nothing. Wondering which category is right
 * (「我们是不是应该报车间」) is such an asking. Typed over the socket as the app runs.
 */
const srv = serveForFile();
const scopeOf = (msgs: ServerMessage[]) => msgs.flatMap((m) => (m.type === 'recorded' ? m.items : [])).find((i) => i.questionId === 'cat.scope')?.value;

describe('a bare reply to asking back whether to switch', () => {
  it('a factory applicant wondering about the workshop is asked back, keeps on 不用, switches on 要', async () => {
    const s = await steer(srv.url, discreteFactory, (q) => q.id === 'form.proceed');
    let r = await typed(s.client, 'a-1', '我们是不是应该报车间');
    expect(said(r.msgs).join(''), 'the comparison and the asking back').toContain('申报方向目前是离散型智能工厂，没有改动。要改报智能车间吗？');
    expect(recordedIds(r.msgs)).toEqual([]);
    r = await typed(s.client, 'a-2', '不用');
    expect(recordedIds(r.msgs), '不用 keeps the category').toEqual([]);
    expect(said(r.msgs).join('')).toContain('申报方向仍是离散型智能工厂，没有改动');
    // The asking is answered: a 要 after it is no switch.
    r = await typed(s.client, 'a-3', '我们应该报智能车间吗');
    expect(recordedIds(r.msgs)).toEqual([]);
    r = await typed(s.client, 'a-4', '要');
    expect(scopeOf(r.msgs), '要 switches').toBe('workshop');
    expect(said(r.msgs).join('')).toContain('已将申报方向由离散型智能工厂改为智能车间');
    await s.client.close();
  }, 180_000);

  it('a workshop applicant switches on 嗯，改吧, 对 and 行, and keeps on 先不改', async () => {
    const s = await steer(srv.url, workshop, (q) => q.id === 'form.proceed');
    const ask = async (id: string, text: string) => {
      const r = await typed(s.client, id, text);
      expect(said(r.msgs).join(''), text).toMatch(/要改报.+吗？/u);
      expect(recordedIds(r.msgs), text).toEqual([]);
    };
    await ask('b-1', '改报智能工厂是不是更稳妥');
    let r = await typed(s.client, 'b-2', '嗯，改吧');
    expect(scopeOf(r.msgs)).toBe('factory');
    await ask('b-3', '改报智能车间是不是更稳妥');
    r = await typed(s.client, 'b-4', '对');
    expect(scopeOf(r.msgs)).toBe('workshop');
    await ask('b-5', '换成智能工厂会不会好一点');
    r = await typed(s.client, 'b-6', '先不改');
    expect(recordedIds(r.msgs)).toEqual([]);
    expect(said(r.msgs).join('')).toContain('申报方向仍是智能车间');
    await ask('b-7', '是不是更适合报工厂');
    r = await typed(s.client, 'b-8', '行');
    expect(scopeOf(r.msgs)).toBe('factory');
    await s.client.close();
  }, 180_000);

  it('a reply that is not bare, or a bare 要 with no asking before it, switches nothing', async () => {
    const s = await steer(srv.url, workshop, (q) => q.id === 'form.proceed');
    await typed(s.client, 'c-1', '要不要改报智能工厂');
    let r = await typed(s.client, 'c-2', '要看差多少');
    expect(scopeOf(r.msgs), 'a reply with more than a nod is read as it would be').toBeUndefined();
    // The asking was left by the reply before: a bare 对 now is no switch.
    r = await typed(s.client, 'c-3', '对');
    expect(scopeOf(r.msgs)).toBeUndefined();
    await s.client.close();
  }, 180_000);

  // The asking is kept with the session, as the offer to change a no is: a reload (a new socket, the same token) still
  // takes the bare reply it asked for.
  async function acrossReload(asking: string, after: string[]) {
    const s = await steer(srv.url, workshop, (q) => q.id === 'form.proceed');
    const r0 = await typed(s.client, 'r-0', asking);
    expect(said(r0.msgs).join(''), asking).toMatch(/要改报.+吗？/u);
    await s.client.close();
    const c = await ChatClient.connect(srv.url);
    c.send({ type: 'open', sessionId: s.sessionId, token: s.token });
    expect((await c.next('session')).resumed).toBe(true);
    expect((await c.next('question')).question?.id).toBe('form.proceed');
    const out: ServerMessage[][] = [];
    for (const [i, t] of after.entries()) out.push((await typed(c, `r-${i + 1}`, t)).msgs);
    await c.close();
    return out;
  }

  for (const [asking, yes] of [['改报智能工厂是不是更稳妥', '要'], ['要不要改报智能工厂', '嗯，改吧'], ['换成智能工厂会不会好一点', '行']] as const) {
    it(`「${asking}」 asked back before a reload, 「${yes}」 after it switches`, async () => {
      const [r] = await acrossReload(asking, [yes]);
      expect(scopeOf(r!), yes).toBe('factory');
      expect(said(r!).join('')).toContain('已将申报方向由智能车间改为');
    }, 180_000);
  }

  it('near miss: 「不用」 after a reload keeps the category; a reply with more than a nod leaves the asking, and a later 要 switches nothing', async () => {
    const [kept] = await acrossReload('改报智能工厂是不是更稳妥', ['不用']);
    expect(recordedIds(kept!)).toEqual([]);
    expect(said(kept!).join('')).toContain('申报方向仍是智能车间');
    const [other, yes] = await acrossReload('要不要改报智能工厂', ['要看差多少', '要']);
    expect(scopeOf(other!)).toBeUndefined();
    expect(scopeOf(yes!)).toBeUndefined();
  }, 180_000);
});
