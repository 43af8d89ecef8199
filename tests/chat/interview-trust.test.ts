import { describe, expect, it } from 'vitest';
import { serveForFile } from './serve';
import { discreteFactory, processFactory, workshop, type ScriptedEnterprise } from './enterprises';
import { said, steer, typed } from './steer';
import { ChatClient } from './client';
import type { ServerMessage } from '../../server/schemas/ws';
import type { AnswerValue } from '../../server/schemas/interview';

/*
 * Replies a tester typed into the running chat that were stored as what they did not say: a question opened by 问一下 as
 * the open item's skip, 「好的开始吧」 as a yes, a small loss as a flat no of a hard condition, and a lack of the workshop's
 * network as no answer to the plant-wide one. Typed over the socket as the app runs.
 */
const srv = serveForFile();

const recorded = (msgs: ServerMessage[]) => Object.fromEntries(msgs.flatMap((m) => (m.type === 'recorded' ? m.items.map((i) => [i.questionId, i.value]) : [])));

async function at(e: ScriptedEnterprise, id: string, text: string) {
  const s = await steer(srv.url, e, (q) => q.id === id);
  expect(s.question?.id, `${id} waits`).toBe(id);
  const t = await typed(s.client, 't', text);
  await s.client.close();
  const pending = t.msgs.flatMap((m) => (m.type === 'recorded' ? m.items.filter((i) => i.pending).map((i) => i.questionId) : []));
  return { got: recorded(t.msgs) as Record<string, AnswerValue>, pending, next: t.next?.id ?? null, said: said(t.msgs).join('\n') };
}

describe('a question asked while an item waits is no answer and no skip', () => {
  for (const text of ['问一下，流程型的一定要有SIS吗？', '想问一下，机器人算不算自动化成套装备', '请问，数控机床算吗？', '我想问下，SIS是啥意思', '问一下 自动化率怎么算']) {
    it(`「${text}」 is answered, nothing is recorded, and the item is asked again`, async () => {
      const r = await at(processFactory, 'cap.automatedLines', text);
      expect(r.got).toEqual({});
      expect(r.said).not.toContain('已跳过');
      expect(r.next).toBe('cap.automatedLines');
    }, 120_000);
  }

  it('near miss: 「这个要问一下财务」 to a hard condition still puts it off to confirm', async () => {
    expect((await at(workshop, 'ent.credit.taxViolationBlacklist', '这个要问一下财务')).got).toEqual({ 'ent.credit.taxViolationBlacklist': null });
  }, 120_000);
});

describe('agreeing to start answers nothing', () => {
  async function afterSwitch(text: string) {
    const c = await ChatClient.connect(srv.url);
    c.send({ type: 'open', mode: 'qa' });
    await c.next('session');
    await typed(c, 'q', '申报条件有哪些', 'qa');
    const r = await typed(c, 'a', text, 'interview');
    await c.close();
    return { got: recorded(r.msgs), next: r.next?.id ?? null };
  }

  for (const text of ['好的开始吧', '嗯嗯 继续', '来吧', '好，那就开始吧', 'OK 继续']) {
    it(`「${text}」 after switching to 申报评估 asks the first item and records nothing`, async () => {
      expect(await afterSwitch(text)).toEqual({ got: {}, next: 'ent.registeredInHenan' });
    }, 120_000);
  }

  for (const text of ['是的', '对']) {
    it(`near miss: 「${text}」 to the item asked is its yes`, async () => {
      expect((await afterSwitch(text)).got).toEqual({ 'ent.registeredInHenan': true });
    }, 120_000);
  }

  it('near miss: 「开始用了」 to a capability is no start: it answers', async () => {
    expect((await at(workshop, 'cap.mes', '开始用了')).got['cap.mes']).not.toBeUndefined();
  }, 120_000);
});

describe('a small loss is left to confirm, a plain one fails', () => {
  for (const text of ['去年亏了点，前年还行', '去年略亏', '今年有点亏，订单还可以', '上半年小亏']) {
    it(`「${text}」 leaves 生产经营和财务状况良好 to confirm, with the note from knowledge`, async () => {
      const r = await at(workshop, 'ent.operatingWell', text);
      expect(r.got).toEqual({ 'ent.operatingWell': null });
      // Confirmed as 待确认 and marked so, for the review to count it apart from the skips; never 「已跳过」.
      expect(r.pending).toEqual(['ent.operatingWell']);
      expect(r.said).not.toContain('已跳过');
      expect(r.said).toContain('是否良好由主管部门初审时判断');
      expect(r.said).not.toContain('本年度暂不符合申报条件');
    }, 120_000);
  }

  for (const text of ['连续三年亏损', '已经停产了', '资不抵债了', '一直在亏']) {
    it(`near miss: 「${text}」 is a plain no`, async () => {
      expect((await at(workshop, 'ent.operatingWell', text)).got).toEqual({ 'ent.operatingWell': false });
    }, 120_000);
  }

  it('near miss: 「还行，没亏」 stays a yes', async () => {
    expect((await at(workshop, 'ent.operatingWell', '还行，没亏')).got).toEqual({ 'ent.operatingWell': true });
  }, 120_000);
});

describe('a lack of the network the plant-wide one widens answers it', () => {
  for (const text of ['只有办公网，车间里还没有工业网络', '车间还没有工业网络', '工业以太网还没建，就是办公用的宽带']) {
    it(`「${text}」 answers 覆盖全厂的工业通信网络 with no`, async () => {
      const r = await at(discreteFactory, 'cap.factoryNetwork', text);
      expect(r.got['cap.factoryNetwork']).toBe(false);
      expect(r.next).not.toBe('cap.factoryNetwork');
    }, 120_000);
  }

  it('near miss: 「部分车间有工业网络，有的还没有」 is no plain no of the plant-wide network', async () => {
    expect((await at(discreteFactory, 'cap.factoryNetwork', '部分车间有工业网络，有的还没有')).got['cap.factoryNetwork']).not.toBe(false);
  }, 120_000);
});
