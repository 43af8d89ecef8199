import { describe, expect, it } from 'vitest';
import { serveForFile } from './serve';
import { discreteFactory, workshop, type ScriptedEnterprise } from './enterprises';
import { said, steer, typed } from './steer';
import { ChatClient } from './client';
import type { ServerMessage } from '../../server/schemas/ws';
import type { AnswerValue } from '../../server/schemas/interview';

/*
 * Details of an interview reply typed over the socket as the app runs: a lone count of the workshop's equipment is kept
 * for its form and said to be kept; 「前面说过了」 at a count finds the figure said before, quoting it, or says none was;
 * a nod right after turning from 政策问答 to 申报评估 answers nothing; a self-assessment's yes resting on ERP is asked
 * back; a scope said alone at a cell's description is asked for the facts, not as a person's name.
 */
const srv = serveForFile();
const stored = (msgs: ServerMessage[]) => Object.fromEntries(msgs.flatMap((m) => (m.type === 'recorded' ? m.items.map((i) => [i.questionId, i.value] as const) : [])));

async function reply(e: ScriptedEnterprise, at: string, ...texts: [string, ('qa' | 'interview')?][]) {
  const s = await steer(srv.url, e, (q) => q.id === at);
  expect(s.question?.id, `the interview reaches ${at}`).toBe(at);
  let last: Awaited<ReturnType<typeof typed>> | undefined;
  for (const [i, [text, mode]] of texts.entries()) last = await typed(s.client, `t-${i}`, text, mode);
  await s.client.close();
  return { stored: stored(last!.msgs) as Record<string, AnswerValue>, next: last!.next?.id, said: said(last!.msgs).join('\n') };
}

describe('a lone count said at an interview question', () => {
  it.each([
    ['self.automationAdvanced', '联网的有六十台左右', 'form.ws.1.networkedEquipment', 60],
    ['self.automationAdvanced', '是，数控的有九十台', 'form.ws.1.automatedEquipment', 90],
    ['cap.mes', '有，车间设备一共一百二十台', 'form.ws.1.equipmentTotal', 120],
  ] as const)('at %s, 「%s」 keeps %s for the workshop\'s form and says so', async (at, text, id, value) => {
    const r = await reply(workshop, at, [text]);
    expect(r.stored[id]).toBe(value);
    expect(r.said).toContain('顺带提到');
  }, 120_000);

  it('the self-assessment a count stands beside alone is asked again', async () => {
    const r = await reply(workshop, 'self.automationAdvanced', ['联网的有六十台左右']);
    expect(r.stored['self.automationAdvanced']).toBeUndefined();
    expect(r.next).toBe('self.automationAdvanced');
  }, 120_000);

  // A workshop applicant's count of the whole plant is no count of its workshop: the form asks the workshop's own.
  it.each(['有，厂里设备两百多台', '有，全厂设备一共260台', '有，整个厂设备有三百来台'])('a workshop applicant\'s 「%s」 stores its answer and no count, and says the form has no field for it', async (text) => {
    const r = await reply(workshop, 'cap.mes', [text]);
    expect(r.stored).toEqual({ 'cap.mes': true });
    expect(r.said).toContain(`“${text.slice(2)}”是全厂的设备数`);
    expect(r.said).toContain('没有全厂总数一栏');
  }, 120_000);

  // Near miss: a factory's count is the plant's, kept for no workshop.
  it('a factory applicant\'s 「有，厂里设备两百多台」 stores its answer and no count, and says so', async () => {
    const r = await reply(discreteFactory, 'cap.mes', ['有，厂里设备两百多台']);
    expect(r.stored).toEqual({ 'cap.mes': true });
    expect(r.said).toContain('“厂里设备两百多台”是全厂的设备数');
  }, 120_000);

  it('near miss: a workshop\'s own count is kept, with no word of the plant', async () => {
    const r = await reply(workshop, 'cap.mes', ['有，车间设备一共一百二十台']);
    expect(r.stored).toEqual({ 'cap.mes': true, 'form.ws.1.equipmentTotal': 120 });
    expect(r.said).not.toContain('全厂的设备数');
  }, 120_000);

  it('a factory applicant\'s 「有，联网的有六十台左右」 stores its answer and no count', async () => {
    const r = await reply(discreteFactory, 'cap.mes', ['有，联网的有六十台左右']);
    expect(r.stored).toEqual({ 'cap.mes': true });
  }, 120_000);
});

describe('a figure said before', () => {
  it.each(['前面说过了', '刚才说过了', '之前讲过了'])('「%s」 at the count takes the figure the user gave, quoting it', async (text) => {
    const r = await reply(workshop, 'form.ws.1.networkedEquipment', ['我们车间联网的设备有六十台左右，这个要写进申报书吗？', 'qa'], [text]);
    expect(r.stored).toEqual({ 'form.ws.1.networkedEquipment': 60 });
    expect(r.said).toContain('取自您前面说的「我们车间联网的设备有六十台左右');
  }, 120_000);

  it('「刚才说了，六十台」 gives the figure itself', async () => {
    const r = await reply(workshop, 'form.ws.1.networkedEquipment', ['刚才说了，六十台']);
    expect(r.stored).toEqual({ 'form.ws.1.networkedEquipment': 60 });
  }, 120_000);

  // Near miss: nothing said before names the field: the user hears so, and nothing is stored.
  it('「前面说过了」 with no earlier figure says none was found', async () => {
    const r = await reply(workshop, 'form.ws.1.networkedEquipment', ['员工420人，这个要写吗？', 'qa'], ['前面说过了']);
    expect(r.stored).toEqual({});
    expect(r.said).toContain('前面的对话里我没有找到这一项的数字');
    expect(r.next).toBe('form.ws.1.networkedEquipment');
  }, 120_000);
});

describe('a nod after turning from 政策问答 to 申报评估', () => {
  async function afterSwitch(text: string, asked = true) {
    const c = await ChatClient.connect(srv.url);
    c.send({ type: 'open', mode: asked ? 'qa' : 'interview' });
    await c.next('session');
    if (asked) await typed(c, 'q', '申报条件有哪些', 'qa');
    const r = await typed(c, 'a', text, 'interview');
    await c.close();
    return { got: stored(r.msgs), next: r.next?.id ?? null, said: said(r.msgs).join('\n') };
  }

  it.each(['好的', '行', '嗯', 'OK'])('「%s」 records nothing and asks the first item by name', async (text) => {
    const r = await afterSwitch(text);
    expect(r.got).toEqual({});
    expect(r.next).toBe('ent.registeredInHenan');
    expect(r.said).toContain('回到申报评估');
  }, 120_000);

  // Near misses: a yes of the item after the switch, and a nod to the item in the interview all along, answer it.
  it('「是的」 after the switch is the item\'s yes', async () => {
    expect((await afterSwitch('是的')).got).toEqual({ 'ent.registeredInHenan': true });
  }, 120_000);

  it('「好的」 with no switch before it answers as it always did', async () => {
    expect((await afterSwitch('好的', false)).got).toEqual({ 'ent.registeredInHenan': true });
  }, 120_000);
});

describe('a self-assessment resting on ERP, and a scope at a description', () => {
  it.each(['算是吧，上了ERP', '算是，上了ERP'])('「%s」 at the networking rate records ERP and asks the rate again', async (text) => {
    const r = await reply(workshop, 'self.networkingAdvanced', [text]);
    expect(r.stored).toEqual({ 'cap.erp': true });
    expect(r.next).toBe('self.networkingAdvanced');
  }, 120_000);

  it.each(['全车间', '全厂', '所有车间'])('「%s」 at a cell is asked for the facts, not as a person\'s name', async (text) => {
    const r = await reply(workshop, 'form.cell.ws.infra', [text]);
    expect(r.stored).toEqual({});
    expect(r.next).toBe('form.cell.ws.infra');
    expect(r.said).not.toContain('人名');
  }, 120_000);
});
