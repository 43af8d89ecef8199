import { describe, expect, it } from 'vitest';
import { serveForFile } from './serve';
import { processFactory, workshop, type ScriptedEnterprise } from './enterprises';
import { said, steer, typed } from './steer';
import type { ServerMessage } from '../../server/schemas/ws';

/*
 * What a browser probe typed against the answers already recorded, over the socket as the app runs: what each records,
 * what it is read back as, and the assessment that follows. The other phrasings and near misses are in
 * tests/engine/said-against-the-record.
 */
const srv = serveForFile();
const recorded = (msgs: ServerMessage[]) => Object.fromEntries(msgs.flatMap((m) => (m.type === 'recorded' ? m.items : [])).map((i) => [i.questionId, i.value]));
const assessed = (msgs: ServerMessage[]) => [...msgs].reverse().find((m) => m.type === 'assessment') as Extract<ServerMessage, { type: 'assessment' }> | undefined;
const missing = (msgs: ServerMessage[]) => assessed(msgs)!.assessment.conditions.flatMap((c) => c.missing);

async function at(e: ScriptedEnterprise, id: string) {
  const s = await steer(srv.url, e, (q) => q.id === id);
  expect(s.question?.id, `the interview reaches ${id}`).toBe(id);
  return s.client;
}

describe('said against the record, in the chat', () => {
  it('「WMS没有，成品库还是手工账」 at the 制造管控 question records the WMS only, and the question stays open', async () => {
    const c = await at(processFactory, 'cap.manufacturingControl');
    const r = await typed(c, 't1', 'WMS没有，成品库还是手工账');
    expect(recorded(r.msgs)).toEqual({ 'cap.wms': false });
    expect(r.next?.id).toBe('cap.manufacturingControl');
    expect(missing(r.msgs)).not.toContain('manufacturingControl');
    await c.close();
  }, 120_000);

  it('「其实MES我们有…成本质量都能跟踪」 turns a 制造管控系统 recorded 否 to 是, and the verdict no longer lacks it', async () => {
    const c = await at({ name: '造纸厂', facts: { ...processFactory.facts, 'cap.manufacturingControl': false } }, 'cap.tankYard');
    const r = await typed(c, 't1', '其实MES我们有，去年上的造纸MES，成本质量都能跟踪');
    expect(recorded(r.msgs)).toEqual({ 'cap.manufacturingControl': true });
    expect(said(r.msgs).join('')).toContain('制造管控系统——由“否”改为“是”');
    expect(missing(r.msgs)).not.toContain('manufacturingControl');
    expect(r.next?.id).toBe('cap.tankYard');
    await c.close();
  }, 120_000);

  it('「MES正在上，下个月才上线」 turns an MES recorded 是 to 在建, and the verdict lacks it', async () => {
    const c = await at(workshop, 'cap.autoId');
    const r = await typed(c, 't1', 'MES正在上，下个月才上线');
    expect(recorded(r.msgs)).toEqual({ 'cap.mes': 'building' });
    const reply = said(r.msgs).join('');
    expect(reply).toContain('制造执行系统（MES）——由“是”改为“在建”');
    expect(reply).not.toContain('没有改动');
    expect(missing(r.msgs)).toContain('mes');
    expect(r.next?.id).toBe('cap.autoId');
    await c.close();
  }, 120_000);

  it.each(['失信被执行人上周已经移出名单了，有法院结案证明', '失信被执行人已经移出了，现在不在名单上'])(
    '「%s」 after the listing was said 是 turns it to 否 and the enterprise is eligible again',
    async (text) => {
      const c = await at(processFactory, 'ent.credit.dishonestExecutee');
      const listed = await typed(c, 't0', '是');
      expect(recorded(listed.msgs)).toEqual({ 'ent.credit.dishonestExecutee': true });
      expect(assessed(listed.msgs)!.assessment.eligible).toBe(false);
      const r = await typed(c, 't1', text);
      expect(recorded(r.msgs)).toEqual({ 'ent.credit.dishonestExecutee': false });
      const reply = said(r.msgs).join('');
      expect(reply).toContain('被列入失信被执行人——由“是”改为“否”');
      expect(reply).not.toContain('我不确定');
      expect(assessed(r.msgs)!.assessment.eligible).toBe(true);
      expect(assessed(r.msgs)!.assessment.blocking).toEqual([]);
      await c.close();
    },
    120_000,
  );

  it('「ERP用的是用友财务软件」 records no ERP, at its question or beside another', async () => {
    const c = await at(workshop, 'cap.erp');
    const r = await typed(c, 't1', 'ERP用的是用友财务软件');
    expect(recorded(r.msgs)).toEqual({});
    expect(said(r.msgs).join('')).toContain('财务软件');
    expect(r.next?.id).toBe('cap.erp');
    const beside = await typed(c, 't2', '没有');
    expect(recorded(beside.msgs)).toEqual({ 'cap.erp': false });
    const later = await typed(c, 't3', 'ERP用的是用友财务软件');
    expect(recorded(later.msgs)).toEqual({});
    await c.close();
  }, 120_000);
});
