import { describe, expect, it } from 'vitest';
import type { AnswerValue } from '../../server/schemas/interview';
import type { ServerMessage } from '../../server/schemas/ws';
import { serveForFile } from './serve';
import { discreteFactory, processFactory, workshop, type ScriptedEnterprise } from './enterprises';
import { steer, typed } from './steer';

/*
 * A blind set of interview replies written apart from the interview vocabulary and the other test files: new
 * enterprises, several facts in one reply, hedges, corrections, questions asked mid-interview, status words and the
 * recommender. Each is typed over the socket at its question, and is stored as said when what the turn records is
 * exactly what a careful reader would file from it: every fact, with its status, and nothing else.
 *
 * A reply also naming a system the interview asked before is typed at the first of the systems it names, since one
 * answered before is left as it was (and the user is told so), not stored again.
 *
 * Measured on this set: 24 of 33 before this branch's readings of the recommender, of status words and of joins; 29 of
 * 33 with them as first written, the set still unseen; 33 of 33 once the three classes its misses showed were read
 * (a vendor's name after a system's answer, 正在 before a build word, a clause that is only the head count).
 */
const srv = serveForFile();

type Case = [e: ScriptedEnterprise, pending: string, text: string, want: Record<string, AnswerValue>];

const CASES: Case[] = [
  // Who recommends, and where the enterprise is.
  [workshop, 'ent.county', '我们归焦作市推荐，县里不管', { 'ent.county': null }],
  [workshop, 'ent.county', '孟州市的，孟州工信局推', { 'ent.county': '孟州市' }],
  [workshop, 'ent.county', '跳过，市里直接推', { 'ent.county': null }],
  [workshop, 'ent.county', '我们在新乡县', { 'ent.county': '新乡县' }],
  [workshop, 'ent.city', '厂子在许昌，魏都区', { 'ent.city': '许昌市' }],
  [workshop, 'ent.city', '我们在航空港区', { 'ent.city': '航空港区' }],
  // Several systems, each with its own status.
  [discreteFactory, 'cap.mes', 'MES上了，ERP用的金蝶，WMS还没接', { 'cap.mes': true, 'cap.erp': true, 'cap.wms': true, 'cap.systemIntegration': 'partial' }],
  [discreteFactory, 'cap.mes', 'MES去年签的合同，还在实施中', { 'cap.mes': 'building' }],
  [discreteFactory, 'cap.wms', 'WMS装好了，还没交付', { 'cap.wms': 'building' }],
  [discreteFactory, 'cap.agvRgv', 'AGV停用了，现在叉车人工搬运', { 'cap.agvRgv': false }],
  [discreteFactory, 'cap.andon', '安灯系统试运行中', { 'cap.andon': 'partial' }],
  [discreteFactory, 'cap.scada', 'SCADA上个月刚上线', { 'cap.scada': true }],
  [processFactory, 'cap.lims', 'LIMS验收中，预计下月投用', { 'cap.lims': 'building' }],
  [processFactory, 'cap.energyManagement', '能源管理系统坏了半年了，没人修', { 'cap.energyManagement': false }],
  [discreteFactory, 'cap.mes', 'ERP有，用友U8，MES还没交付', { 'cap.erp': true, 'cap.mes': 'building' }],
  [processFactory, 'cap.dcs', 'DCS有，SIS也有，APC没有', { 'cap.dcs': true, 'cap.sis': true, 'cap.apc': false }],
  [discreteFactory, 'cap.scada', 'MES正在调试，SCADA已经用了两年', { 'cap.mes': 'building', 'cap.scada': true }],
  [discreteFactory, 'cap.autoId', '条码全覆盖，RFID还在选型', { 'cap.autoId': true }],
  [discreteFactory, 'cap.pdm', 'PDM弃用了，现在图纸靠共享盘', { 'cap.pdm': false }],
  [discreteFactory, 'cap.wms', '仓库管理系统在建，立体库已经用上了', { 'cap.wms': 'building', 'cap.autoWarehouse': true }],
  [discreteFactory, 'cap.mes', 'MES有，跟ERP没打通', { 'cap.mes': true, 'cap.erp': true, 'cap.scadaMesErpIntegration': false }],
  // Hedges and corrections.
  [discreteFactory, 'cap.mes', '差不多有吧，不太确定', {}],
  [discreteFactory, 'cap.mes', '有，不对，MES只在总装车间用', { 'cap.mes': 'partial' }],
  [discreteFactory, 'cap.mes', '不好意思刚才说错了，MES其实还没交付', { 'cap.mes': 'building' }],
  // A question asked beside the answer: the answer is stored, the question is not.
  [discreteFactory, 'cap.mes', '有MES，这个要提供什么证明材料？', { 'cap.mes': true }],
  [discreteFactory, 'cap.erp', 'ERP早就有了，顺便问下申报截止是哪天', { 'cap.erp': true }],
  // Other questions of the interview, with facts of the form beside them.
  [workshop, 'metric.automationRatio', '大概七成多吧', { 'metric.automationRatio': 70 }],
  [workshop, 'ent.foundedYear', '2012年成立的，员工现在四百五十人', { 'ent.foundedYear': '2012', 'form.employees': 450 }],
  [workshop, 'ent.industryCode', '做汽车座椅的', { 'ent.industryCode': '36' }],
  [processFactory, 'ent.industryCode', '主要生产复合肥', { 'ent.industryCode': '26', 'form.products': '复合肥' }],
  [workshop, 'ent.independentLegalPerson', '是独立法人，不是分公司', { 'ent.independentLegalPerson': true }],
  [workshop, 'ent.credit.dishonestExecutee', '没有，从来没被列过', { 'ent.credit.dishonestExecutee': false }],
  [workshop, 'ent.operatingWell', '还行，去年略有盈利', { 'ent.operatingWell': true }],
];

const recorded = (msgs: ServerMessage[]) => Object.fromEntries(msgs.flatMap((m) => (m.type === 'recorded' ? m.items.map((i) => [i.questionId, i.value] as const) : [])));

describe('a blind set of interview replies', () => {
  it('is stored as said in the measured share, over the socket', async () => {
    expect(CASES.length).toBeGreaterThanOrEqual(30);
    const misses: string[] = [];
    for (const [i, [e, pending, text, want]] of CASES.entries()) {
      const s = await steer(srv.url, e, (q) => q.id === pending);
      expect(s.question?.id, `${text}: the question is reached`).toBe(pending);
      const r = await typed(s.client, `b-${i}`, text);
      const got = recorded(r.msgs);
      if (JSON.stringify(Object.entries(got).sort()) !== JSON.stringify(Object.entries(want).sort())) misses.push(`${pending} 「${text}」 → ${JSON.stringify(got)}`);
      await s.client.close();
    }
    // The figure measured: every reply of the set; the misses are listed so that a regression names its reply.
    expect(misses).toEqual([]);
    expect(CASES.length - misses.length).toBe(33);
  }, 600_000);
});
