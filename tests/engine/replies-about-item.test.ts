import { describe, expect, it } from 'vitest';
import { interpret } from '../../server/engine';
import { realKb } from './kb';
import { q } from './readings';

/*
 * A reply is taken on the item it was said about. A qualifier (部分, 还没接) applies to what it qualifies: the systems
 * said joined are joined, the one said not yet joined is in place and left out of the integration of all systems, which
 * is partial. A reply that names the thing asked about, or gives the fact the item asks for, answers it. A share made of
 * two counts belongs to the measure the counts describe. Each class has phrasings of our own and near misses whose
 * reading must not change.
 */
const read = (id: string, text: string): Record<string, unknown> => {
  const r = interpret(realKb(), text, q(id));
  return r.kind === 'answers' ? Object.fromEntries(r.items.map((i) => [i.questionId, i.value])) : { kind: r.kind, reason: 'reason' in r ? r.reason : undefined };
};

describe('a qualifier beside an integration applies to what it was said about', () => {
  it.each([
    ['部分打通了，SCADA、MES跟ERP是接口对接的，WMS还没接', { 'cap.scadaMesErpIntegration': true, 'cap.systemIntegration': 'partial', 'cap.wms': true, 'cap.scada': true }],
    ['大部分都连上了，MES和ERP已经对接，WMS还没接进来', { 'cap.scadaMesErpIntegration': true, 'cap.systemIntegration': 'partial', 'cap.wms': true }],
    ['SCADA、MES、ERP数据是通的，就是PLM还没接上', { 'cap.scadaMesErpIntegration': true, 'cap.systemIntegration': 'partial', 'cap.pdm': true }],
    ['ERP跟MES打通了，SRM还没对接', { 'cap.scadaMesErpIntegration': true, 'cap.systemIntegration': 'partial', 'cap.scm': true }],
    ['部分打通了，MES和ERP是接口对接的', { 'cap.scadaMesErpIntegration': true, 'cap.systemIntegration': 'partial' }],
    ['一半左右打通了，MES和ERP用接口连着，PLM那块还没接进来', { 'cap.scadaMesErpIntegration': true, 'cap.systemIntegration': 'partial', 'cap.pdm': true }],
  ])('「%s」, at either integration question, stores the joins made as made and the whole as partial', (text, want) => {
    for (const id of ['cap.systemIntegration', 'cap.scadaMesErpIntegration']) expect(read(id, text), id).toMatchObject(want);
  });

  it.each([
    // A member of SCADA/MES/ERP left out is that integration's own gap: partial, the system in place.
    ['cap.scadaMesErpIntegration', 'MES和ERP打通了，SCADA还没接进来', { 'cap.scadaMesErpIntegration': 'partial', 'cap.scada': true }],
    ['cap.scadaMesErpIntegration', 'MES跟ERP还没连一块，数据采集倒是接到MES了', { 'cap.scadaMesErpIntegration': 'partial', 'cap.mes': true, 'cap.erp': true }],
    // A system said missing, not unjoined, stays missing.
    ['cap.systemIntegration', 'WMS还没上也没接，MES和ERP打通了', { 'cap.wms': false, 'cap.scadaMesErpIntegration': true }],
    ['cap.scadaMesErpIntegration', '没有WMS，MES和ERP打通了', { 'cap.wms': false, 'cap.scadaMesErpIntegration': true }],
    // Every join said made leaves nothing partial.
    ['cap.scadaMesErpIntegration', 'MES和ERP打通了，WMS也接进来了', { 'cap.scadaMesErpIntegration': true, 'cap.wms': true }],
    ['cap.systemIntegration', '部分系统打通了，还有几个孤岛', { 'cap.systemIntegration': 'partial' }],
  ] as const)('near miss at %s: 「%s」 keeps its reading', (id, text, want) => {
    expect(read(id, text)).toMatchObject(want);
  });

  it('a word that only joins days (连着三年) is no integration word beside two systems', () => {
    expect(read('cap.systemIntegration', 'MES连着三年升级，ERP也在用')).not.toHaveProperty(['cap.scadaMesErpIntegration']);
  });
});

describe('a reply that names the reach asked for answers the plant-wide network question', () => {
  it.each([
    ['全厂都覆盖了，有工业以太网和5G', true],
    ['整个厂区都铺了，用的是工业环网', true],
    ['厂区全覆盖，光纤环网加5G专网', true],
    ['全厂大部分覆盖了，用的工业以太网', 'partial'],
  ] as const)('「%s」 stores %s', (text, want) => {
    const got = read('cap.factoryNetwork', text);
    expect(got['cap.factoryNetwork']).toBe(want);
    expect(got['cap.industrialNetwork'], 'the narrower network is in place too').toBe(true);
  });

  it.each([
    ['车间有工业以太网，全厂还没有', false],
    ['全厂的还没弄，车间里有现场总线', false],
    ['全厂就办公网，车间有以太网', undefined],
    ['全厂都是宽带，车间有以太网', undefined],
    ['有工业以太网', undefined],
  ] as const)('near miss: 「%s」 stores %s for the plant-wide network', (text, want) => {
    expect(read('cap.factoryNetwork', text)['cap.factoryNetwork']).toBe(want);
  });
});

describe('a hedge of whether it counts, beside the fact asked for, is a yes', () => {
  it.each(['算是吧，去年评上了省级绿色工厂，单位产值能耗降了12%', '应该算吧，这两年能耗降低了不少', '算是有吧，厂里搞了余热回收', '算有吧，拿了绿色设计产品', '去年评上了国家级绿色工厂'])(
    '「%s」 stores the green-development question as yes',
    (text) => {
      expect(read('ent.greenPriority', text)).toEqual({ 'ent.greenPriority': true });
    },
  );

  it.each(['算是吧', '应该算吧', '好像有吧，能耗降了点', '应该算吧，不过能耗没怎么降', '不太好说，能耗降了一点'])('near miss: 「%s」 is still asked again as unsure', (text) => {
    expect(read('ent.greenPriority', text)).toEqual({ kind: 'unclear', reason: 'hedge' });
  });

  it('a title denied is no yes', () => {
    expect(read('ent.greenPriority', '不是绿色工厂，能耗也没降')).toEqual({ 'ent.greenPriority': false });
  });
});

describe('a system at work where the AI question says it applies answers the AI question', () => {
  it.each([
    ['在定子绕线工序用机器视觉做缺陷检测，算吧', 'cap.onlineInspection'],
    ['用视觉检测系统识别焊缝缺陷', 'cap.onlineInspection'],
    ['应该算吧，机器视觉在包装线上挑缺陷', 'cap.onlineInspection'],
    ['MES的数据拿来做工艺优化', 'cap.mes'],
    ['焊缝用视觉检测系统自动判缺陷', 'cap.onlineInspection'],
  ])('「%s」 stores the AI question as yes, and the system named for its own', (text, system) => {
    const got = read('cap.aiApplication', text);
    expect(got['cap.aiApplication']).toBe(true);
    expect(got[system]).toBe(true);
  });

  it.each([
    ['质检员人工做缺陷检测', false],
    ['在线检测设备有，AI还没上', false],
    ['有机器视觉', undefined],
    ['视觉检测还没用到缺陷上', undefined],
    ['有个视觉检测在试点', undefined],
    // A system that only records defects, or a check by hand, is no application of it.
    ['MES里记录缺陷数据', undefined],
    ['MES统计缺陷率，然后人工分析', undefined],
    ['质检员用扫码枪记录缺陷检测结果', undefined],
    ['机器视觉识别条码', undefined],
  ] as const)('near miss: 「%s」 stores %s for the AI question', (text, want) => {
    expect(read('cap.aiApplication', text)['cap.aiApplication']).toBe(want);
  });
});

describe('a share made of two counts belongs to the measure they describe', () => {
  it.each([
    ['metric.automationRatio', '自动化设备260台，联上网的有221台', { 'metric.networkedRatio': 85 }],
    ['metric.automationRatio', '自动化设备有300台，其中联网的240台', { 'metric.networkedRatio': 80 }],
    ['metric.dataCollectionRate', '设备400台，联网的320台', { 'metric.networkedRatio': 80 }],
  ] as const)('at %s, 「%s」 stores the other measure and leaves the asked one open', (id, text, want) => {
    expect(read(id, text)).toEqual(want);
  });

  it.each([
    ['metric.automationRatio', '设备一共200台，自动化的150台', 75],
    ['metric.automationRatio', '110台里自动化84台', 76.4],
    ['metric.automationRatio', '84台/110台', 76.4],
    ['metric.networkedRatio', '数控设备120台，接网的96台', 80],
    ['metric.networkedRatio', '联网设备96台，总共120台', 80],
  ] as const)('near miss at %s: 「%s」 is the asked share, %s', (id, text, want) => {
    expect(read(id, text)).toEqual({ [id]: want });
  });
});
