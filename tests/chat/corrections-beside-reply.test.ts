import { describe, expect, it } from 'vitest';
import type { ServerMessage } from '../../server/schemas/ws';
import { serveForFile } from './serve';
import { workshop, type ScriptedEnterprise } from './enterprises';
import { said, steer, typed } from './steer';

/*
 * A reply that answers the question waiting and then takes back the answer before it (「有ERP。上一个说错了，其实有」)
 * changes both; a correction of the answer before alone (「前面那题改成没有」) changes that answer and asks the question
 * waiting again by name. A remark on where the group is registered records nothing.
 */
const srv = serveForFile();

const recorded = (msgs: ServerMessage[]) => Object.fromEntries(msgs.flatMap((m) => (m.type === 'recorded' ? m.items.map((i) => [i.questionId, i.value]) : [])));
const withFacts = (facts: ScriptedEnterprise['facts']): ScriptedEnterprise => ({ name: workshop.name, facts: { ...workshop.facts, ...facts } });

describe('a correction of the answer before, beside the reply to the question waiting', () => {
  for (const [text, own] of [
    ['有ERP。上一个说错了，其实有', true],
    ['没有ERP，刚才那个说错了，是有的', false],
    ['有的。哦对了 前面那题说错了，其实有', true],
    // The yes before the correction is the waiting item's; the one after it is the earlier item's.
    ['有。刚才那个说错了，是有的', true],
    ['是的，刚才记错了，其实有', true],
  ] as const) {
    it(`「${text}」 answers ERP and changes MES from no to yes`, async () => {
      const s = await steer(srv.url, withFacts({ 'cap.mes': false }), (q) => q.id === 'cap.erp');
      const { msgs } = await typed(s.client, 'fix', text);
      expect(recorded(msgs)).toEqual({ 'cap.erp': own, 'cap.mes': true });
      expect(said(msgs).join('\n')).toContain('由“否”改为“是”');
      await s.client.close();
    });
  }

  for (const text of ['前面那题改成没有', '刚才那个说错了，是没有', '上一题答错了 没有']) {
    it(`「${text}」 alone changes MES and asks the ERP question again by name`, async () => {
      const s = await steer(srv.url, withFacts({ 'cap.mes': true }), (q) => q.id === 'cap.erp');
      const { msgs, next } = await typed(s.client, 'fix', text);
      expect(recorded(msgs)).toEqual({ 'cap.mes': false });
      expect(next?.id).toBe('cap.erp');
      expect(said(msgs).join('\n')).toContain(s.question!.text);
      await s.client.close();
    });
  }

  // Near miss: a reply that only answers, with no word pointing back, changes nothing before it.
  it('「有，刚才说的那套ERP一直在用」 answers ERP and leaves MES alone', async () => {
    const s = await steer(srv.url, withFacts({ 'cap.mes': false }), (q) => q.id === 'cap.erp');
    const { msgs } = await typed(s.client, 'plain', '有，刚才说的那套ERP一直在用');
    expect(recorded(msgs)).toEqual({ 'cap.erp': true });
    await s.client.close();
  });
});

describe('a remark on where the group is registered', () => {
  for (const text of ['集团在郑州注册的对吧', '总公司是在郑州注册的吧']) {
    it(`「${text}」 while MES is asked records nothing and asks MES again`, async () => {
      const s = await steer(srv.url, workshop, (q) => q.id === 'cap.mes');
      const { msgs, next } = await typed(s.client, 'group', text);
      expect(recorded(msgs)).toEqual({});
      expect(next?.id).toBe('cap.mes');
      await s.client.close();
    });
  }
});
