import { afterAll, describe, expect, it } from 'vitest';
import { serveForFile } from './serve';
import { discreteFactory, processFactory, workshop, type ScriptedEnterprise } from './enterprises';
import { steer, typed } from './steer';
import type { ServerMessage } from '../../server/schemas/ws';
import type { AnswerValue } from '../../server/schemas/interview';

/*
 * A blind set of replies, written before they were first run: each is typed over the socket at the question named, and
 * what the interview stores is compared with what the reply says. `null` means the item must not be stored from the reply;
 * for the asked item it also means the question is asked again. The replies are our own phrasings of four kinds: a
 * qualifier said of one system beside an integration (部分/还没接), a reply that names what is asked or gives its fact
 * (全厂都覆盖了, 算是吧 with a figure, a system at work where the question applies), two counts at a metric question, and
 * near misses that must keep their reading.
 */
type Case = [enterprise: ScriptedEnterprise, at: string, reply: string, want: Record<string, AnswerValue | null>];

const BLIND: Case[] = [
  [discreteFactory, 'cap.systemIntegration', '一半左右打通了，MES和ERP用接口连着，PLM那块还没接进来', { 'cap.systemIntegration': 'partial', 'cap.scadaMesErpIntegration': true, 'cap.pdm': true }],
  [discreteFactory, 'cap.systemIntegration', 'ERP和MES数据是互通的，SRM还没连上', { 'cap.systemIntegration': 'partial', 'cap.scm': true }],
  [discreteFactory, 'cap.systemIntegration', 'MES跟ERP已经对接了，WMS、SRM都还没接', { 'cap.systemIntegration': 'partial', 'cap.wms': true, 'cap.scm': true }],
  [discreteFactory, 'cap.systemIntegration', 'MES和ERP打通了，SCADA还没接进来', { 'cap.systemIntegration': 'partial', 'cap.scada': true }],
  [discreteFactory, 'cap.systemIntegration', '各系统都是孤岛，数据靠人工导', { 'cap.systemIntegration': false }],
  [workshop, 'cap.scadaMesErpIntegration', '设备数据采集进了MES，MES跟ERP对接好了，WMS暂时没接', { 'cap.scadaMesErpIntegration': true, 'cap.wms': true }],
  [workshop, 'cap.scadaMesErpIntegration', 'MES和ERP打通了，数据采集还没接到MES', { 'cap.scadaMesErpIntegration': 'partial' }],
  [discreteFactory, 'cap.factoryNetwork', '整个工厂都覆盖到了，用的光纤环网', { 'cap.factoryNetwork': true }],
  [discreteFactory, 'cap.factoryNetwork', '厂区全部铺了网，工业以太网加WiFi', { 'cap.factoryNetwork': true }],
  [discreteFactory, 'cap.factoryNetwork', '车间里有现场总线，全厂的网还没建', { 'cap.factoryNetwork': false }],
  [discreteFactory, 'cap.factoryNetwork', '全厂只有办公网，生产车间有工业以太网', { 'cap.factoryNetwork': null }],
  [discreteFactory, 'cap.factoryNetwork', '全厂都通了网，主干是工业以太网', { 'cap.factoryNetwork': true }],
  [workshop, 'ent.greenPriority', '算是吧，前年拿了市级绿色工厂，吨产品能耗降了8%', { 'ent.greenPriority': true }],
  [workshop, 'ent.greenPriority', '应该算是有，厂房屋顶装了光伏，余热回收也做了', { 'ent.greenPriority': true }],
  [workshop, 'ent.greenPriority', '好像是吧，具体数据不清楚', { 'ent.greenPriority': null }],
  [workshop, 'ent.greenPriority', '算是吧', { 'ent.greenPriority': null }],
  [workshop, 'ent.greenPriority', '是的，获评国家级绿色工厂', { 'ent.greenPriority': true }],
  [discreteFactory, 'cap.aiApplication', '焊缝用视觉检测系统自动判缺陷', { 'cap.aiApplication': true }],
  [discreteFactory, 'cap.aiApplication', '喷涂线上靠机器视觉识别漆面缺陷，算是吧', { 'cap.aiApplication': true }],
  [discreteFactory, 'cap.aiApplication', '缺陷都是质检员目测', { 'cap.aiApplication': false }],
  [discreteFactory, 'cap.aiApplication', '有机器视觉，用来读条码', { 'cap.aiApplication': null }],
  [discreteFactory, 'cap.aiApplication', '用MES里的数据建模做工艺参数优化', { 'cap.aiApplication': true }],
  [workshop, 'metric.automationRatio', '数控设备180台，其中联网的150台', { 'metric.networkedRatio': 83.3, 'metric.automationRatio': null }],
  [workshop, 'metric.automationRatio', '全部设备300台，自动化的有240台', { 'metric.automationRatio': 80 }],
  [workshop, 'metric.networkedRatio', '数控机床150台，联网了120台', { 'metric.networkedRatio': 80 }],
  [processFactory, 'metric.dataCollectionRate', '设备400台，联网的320台', { 'metric.networkedRatio': 80, 'metric.dataCollectionRate': null }],
  [workshop, 'metric.automationRatio', '大概八成', { 'metric.automationRatio': 80 }],
  [discreteFactory, 'cap.wms', 'WMS有，但是还没跟ERP接上', { 'cap.wms': true, 'cap.erp': true }],
  [discreteFactory, 'cap.systemIntegration', '部分系统打通了，还有几个孤岛', { 'cap.systemIntegration': 'partial' }],
  [discreteFactory, 'cap.systemIntegration', '数据中台建好了，MES、ERP、WMS都接进去了', { 'cap.systemIntegration': true }],
];

/** Replies of the set whose every expectation held, as measured on this code. */
const MEASURED_RIGHT = 30;

const srv = serveForFile();
const stored = (msgs: ServerMessage[]) => Object.fromEntries(msgs.flatMap((m) => (m.type === 'recorded' ? m.items.map((i) => [i.questionId, i.value] as const) : [])));
const misses: string[] = [];
let right = 0;

describe('a blind set of replies at varied items', () => {
  it.each(BLIND)('%#: at %s, 「%s」', async (e, at, reply, want) => {
    const s = await steer(srv.url, e, (q) => q.id === at);
    expect(s.question?.id, `the interview of ${e.name} reaches ${at}`).toBe(at);
    const r = await typed(s.client, 'b', reply);
    await s.client.close();
    // What the session holds after the reply: an item the steering answered before keeps its answer unless the reply
    // stores another over it.
    const res = await fetch(`${srv.http}/api/sessions/${s.sessionId}`, { headers: { authorization: `Bearer ${s.token}` } });
    const answers = ((await res.json()) as { answers: Record<string, AnswerValue> }).answers;
    const now = stored(r.msgs);
    const wrong = Object.entries(want).filter(([id, v]) => (v === null ? id in now || (id === at && r.next?.id !== at) : answers[id] !== v));
    if (wrong.length) misses.push(`${at} 「${reply}」 want ${JSON.stringify(want)} stored ${JSON.stringify(now)} next ${r.next?.id}`);
    else right++;
  }, 120_000);

  afterAll(() => {
    if (misses.length) console.log(misses.join('\n'));
    console.log(`blind replies stored as said: ${right} of ${BLIND.length}`);
  });

  it('stores what the replies say, as measured', () => {
    // Runs after the set above (tests of a file run in order): the count is the figure measured on this code.
    expect(right).toBe(MEASURED_RIGHT);
  });
});
