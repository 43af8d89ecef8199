import { describe, expect, it } from 'vitest';
import { serveForFile } from './serve';
import { discreteFactory, workshop, type ScriptedEnterprise } from './enterprises';
import { steer, typed } from './steer';
import type { AnswerValue } from '../../server/schemas/interview';

/*
 * The replies a walk-through found taken on the wrong item, or asked again though they answer, typed over the socket as
 * the app runs. Each is stored on the item it was said about; the asked item is asked again only where the reply gave
 * another measure than the one asked. More phrasings and near misses of each class are in tests/engine/replies-about-item.
 */
const srv = serveForFile();

async function at(e: ScriptedEnterprise, id: string, text: string) {
  const s = await steer(srv.url, e, (q) => q.id === id);
  expect(s.question?.id).toBe(id);
  const r = await typed(s.client, 't', text);
  await s.client.close();
  const res = await fetch(`${srv.http}/api/sessions/${s.sessionId}`, { headers: { authorization: `Bearer ${s.token}` } });
  const answers = ((await res.json()) as { answers: Record<string, AnswerValue> }).answers;
  return { next: r.next?.id, answers };
}

describe('replies that answer are taken, on the item they were said about', () => {
  it('「部分打通了…WMS还没接」 at the integration question: the joins named are made, the integration of all systems is partial', async () => {
    const r = await at(discreteFactory, 'cap.systemIntegration', '部分打通了，SCADA、MES跟ERP是接口对接的，WMS还没接');
    expect(r.answers['cap.systemIntegration']).toBe('partial');
    expect(r.answers['cap.scadaMesErpIntegration']).toBe(true);
    // The WMS was said not yet joined, not missing: it keeps the yes it had.
    expect(r.answers['cap.wms']).toBe(true);
    expect(r.next).not.toBe('cap.systemIntegration');
  }, 120_000);

  it('「全厂都覆盖了，有工业以太网和5G」 answers the plant-wide network question', async () => {
    const r = await at(discreteFactory, 'cap.factoryNetwork', '全厂都覆盖了，有工业以太网和5G');
    expect(r.answers['cap.factoryNetwork']).toBe(true);
    expect(r.next).not.toBe('cap.factoryNetwork');
  }, 120_000);

  it('「算是吧」 with a title and a fall in energy use is a yes to the green-development question', async () => {
    const r = await at(workshop, 'ent.greenPriority', '算是吧，去年评上了省级绿色工厂，单位产值能耗降了12%');
    expect(r.answers['ent.greenPriority']).toBe(true);
    expect(r.next).not.toBe('ent.greenPriority');
  }, 120_000);

  it('machine vision at defect detection answers the AI question, whose text names 缺陷检测', async () => {
    const r = await at(discreteFactory, 'cap.aiApplication', '在定子绕线工序用机器视觉做缺陷检测，算吧');
    expect(r.answers['cap.aiApplication']).toBe(true);
    expect(r.next).not.toBe('cap.aiApplication');
  }, 120_000);

  it('two counts of networked devices at the automation question are the networking share; the automation share is asked again', async () => {
    const r = await at(workshop, 'metric.automationRatio', '自动化设备260台，联上网的有221台');
    expect(r.answers['metric.networkedRatio']).toBe(85);
    expect(r.answers['metric.automationRatio']).toBeUndefined();
    expect(r.next).toBe('metric.automationRatio');
  }, 120_000);
});
