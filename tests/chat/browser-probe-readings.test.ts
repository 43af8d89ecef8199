import { describe, expect, it } from 'vitest';
import { serveForFile } from './serve';
import { answerFor, discreteFactory, workshop, type ScriptedEnterprise } from './enterprises';
import { replyAt } from './steer';

/*
 * The replies a browser probe found misread, typed over the socket as the app runs: what each records, how it is read
 * back and what is asked next. The readings' other phrasings and near misses are in tests/engine/browser-probe-readings.
 */
const srv = serveForFile();

const reply = (e: ScriptedEnterprise, at: string, text: string) => replyAt(srv.url, e, at, text);

describe('the replies of the browser probe, in the chat', () => {
  it('「是，做不锈钢餐具的，冲压抛光」 stores 33 金属制品业, and no process-type system is asked', async () => {
    const facts = { ...discreteFactory.facts };
    delete facts['ent.industryCode'];
    delete facts['cat.productionMode'];
    const r = await reply({ name: '不锈钢餐具厂', facts }, 'ent.manufacturingMainBusiness', '是，做不锈钢餐具的，冲压抛光');
    expect(r.stored).toEqual({ 'ent.manufacturingMainBusiness': true, 'ent.industryCode': '33' });
    expect(r.shown['ent.industryCode']).toBe('33 金属制品业');
    const asked: string[] = [];
    for (let q = r.next, i = 0; q && i < 120; i++) {
      asked.push(q.id);
      r.client.send({ type: 'answer', clientId: `a-${i}`, questionId: q.id, value: answerFor({ name: '', facts }, q) });
      await r.client.until((m) => (m.type === 'ack' || m.type === 'error') && m.clientId === `a-${i}`);
      q = (await r.client.next('question')).question;
    }
    expect(asked).toContain('cap.mes');
    for (const id of ['cat.productionMode', 'cap.dcs', 'cap.apc', 'ent.industryCode']) expect(asked).not.toContain(id);
    await r.client.close();
  }, 180_000);

  it('「是，独立法人」 at the group question records the legal person and asks the group question again, naming it', async () => {
    const r = await reply(workshop, 'ent.groupOrHeadOffice', '是，独立法人');
    expect(r.stored).toEqual({ 'ent.independentLegalPerson': true });
    expect(r.next?.id).toBe('ent.groupOrHeadOffice');
    expect(r.said).toContain('「独立法人」');
    await r.client.close();
  }, 120_000);

  it.each(['单位产值能耗这两年降了一成多', '吨纸水耗这几年降了三分之一'])('「%s」 at the green-development question is a yes', async (text) => {
    const r = await reply(workshop, 'ent.greenPriority', text);
    expect(r.stored).toEqual({ 'ent.greenPriority': true });
    await r.client.close();
  }, 120_000);

  it.each([
    ['一半不到', 50, '不到50%（您说的“一半不到”）'],
    ['不到三成', 30, '不到30%（您说的“不到三成”）'],
    ['七成多', 70, '70%以上（您说的“七成多”）'],
    ['过半', 50, '50%以上（您说的“过半”）'],
    ['大概一半', 50, '约50%（您说的“大概一半”）'],
  ] as const)('「%s」 at a rate records %s, read back as %s', async (text, value, shown) => {
    const r = await reply(workshop, 'metric.networkedRatio', text);
    expect(r.stored).toEqual({ 'metric.networkedRatio': value });
    expect(r.shown['metric.networkedRatio']).toBe(shown);
    await r.client.close();
  }, 120_000);

  it('「在许昌家具行业里算前面的」 is asked again against the province, naming 许昌', async () => {
    const r = await reply(workshop, 'self.automationAdvanced', '在许昌家具行业里算前面的');
    expect(r.stored).toEqual({});
    expect(r.next?.id).toBe('self.automationAdvanced');
    expect(r.said).toContain('「许昌」');
    expect(r.said).toContain('省内同行业');
    await r.client.close();
  }, 120_000);

  it('「ERP算不算？我们用的是管家婆」 records ERP in part and says a 进销存 tool is part of an ERP', async () => {
    const r = await reply(workshop, 'cap.erp', 'ERP算不算？我们用的是管家婆');
    expect(r.stored).toEqual({ 'cap.erp': 'partial' });
    expect(r.said).toContain('进销存');
    expect(r.said).toContain('通知没有点名具体软件');
    expect(r.said).not.toContain('离散型和流程型都要');
    await r.client.close();
  }, 120_000);

  it('「管家婆就是我们的进销存」 records ERP in part', async () => {
    const r = await reply(workshop, 'cap.erp', '管家婆就是我们的进销存');
    expect(r.stored).toEqual({ 'cap.erp': 'partial' });
    expect(r.next?.id).not.toBe('cap.erp');
    await r.client.close();
  }, 120_000);
});
