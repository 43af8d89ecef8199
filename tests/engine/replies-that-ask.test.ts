import { describe, expect, it } from 'vitest';
import { interpret } from '../../server/engine';
import { askAboutPending } from '../../server/understand/pending';
import { realKb } from './kb';
import { q } from './readings';

/*
 * Interview replies a browser probe found stored as the wrong thing: a question about a case told before it (an accident)
 * taken for the category choice, a hypothetical about a lacking system taken for its no, a share of one measure given at
 * another's question, 「这个比例」 asked of the measure waiting, a system whose work runs in another one, and a profit or a
 * hedged 够吧 at the business question. Each is read as the reported phrase, two phrasings of our own, and near misses
 * that keep their reading.
 */
const read = (id: string, text: string): Record<string, unknown> => {
  const r = interpret(realKb(), text, q(id));
  if (r.kind === 'answers') return { ...Object.fromEntries(r.items.map((i) => [i.questionId, i.value])), ...(r.asks ? { asks: true } : {}) };
  return { kind: r.kind, ...('reason' in r && r.reason ? { reason: r.reason } : {}) };
};

describe('a case told before a question about it makes no choice', () => {
  it.each(['前年车间出过一起安全事故，伤了一个工人，这个影响申报不？', '去年车间着过一次火，烧了几台设备，这个对申报有影响吗？', '厂里前年环保被罚过一次，还能报工厂不？'])(
    '「%s」 at the category question is a question only',
    (text) => {
      expect(read('cat.scope', text)).toEqual({ kind: 'question' });
    },
  );

  it.each([
    ['报车间，要准备啥材料？', 'workshop'],
    ['我们打算报智能工厂，需要几个车间？', 'factory'],
    ['车间吧，这个要多大面积？', 'workshop'],
    ['智能车间 那个车间要多大面积', 'workshop'],
  ])('near miss: 「%s」 chooses %s beside its question', (text, value) => {
    expect(read('cat.scope', text)).toEqual({ 'cat.scope': value, asks: true });
  });
});

describe('a hypothetical about a lacking system is a question, not its no', () => {
  it.each([
    ['cap.scada', '没有SCADA会不会直接被否掉'],
    ['cap.scada', '要是没上SCADA，还能报车间不'],
    ['cap.scada', '如果没有SCADA，影响不影响评审'],
    ['cap.scada', 'SCADA没上的话会不会扣分'],
    ['cap.mes', '假如MES还没上线，能不能先报'],
  ])('at %s, 「%s」 is a question only', (id, text) => {
    expect(read(id, text)).toEqual({ kind: 'question' });
  });

  it.each([
    ['没有SCADA', { 'cap.scada': false }],
    ['没有，SCADA还没上', { 'cap.scada': false }],
    ['有，设备动不动就报警，SCADA都能看到', { 'cap.scada': true }],
    ['没有SCADA，必须要有吗', { 'cap.scada': false, asks: true }],
  ])('near miss: 「%s」 still answers', (text, want) => {
    expect(read('cap.scada', text)).toEqual(want);
  });

  it('near miss: 「不知道报不报别的」 says what is not known, and asks nothing', () => {
    expect(read('ent.appliedThisYear', '不知道报不报别的')).toEqual({ 'ent.appliedThisYear': null });
  });
});

describe('a share is the measure of the part named before 占', () => {
  it.each(['联网的占自动化设备的百分之八十五', '联上网的设备占自动化设备的85%', '接了网的占自动化那些设备的八成五'])(
    '「%s」 at the automation share is the networked share, and no capability',
    (text) => {
      expect(read('metric.automationRatio', text)).toEqual({ 'metric.networkedRatio': 85 });
    },
  );

  it.each([
    ['metric.automationRatio', '自动化设备占全部设备的百分之七十', { 'metric.automationRatio': 70 }],
    ['metric.automationRatio', '自动化设备占七成', { 'metric.automationRatio': 70 }],
    ['metric.automationRatio', '百分之七十', { 'metric.automationRatio': 70 }],
    ['metric.networkedRatio', '联网的占自动化设备的百分之八十五', { 'metric.networkedRatio': 85 }],
    ['metric.networkedRatio', '自动化的占全部设备的六成', { 'metric.automationRatio': 60 }],
  ])('near miss: at %s, 「%s」 gives its own measure', (id, text, want) => {
    expect(read(id, text)).toEqual(want);
  });
});

describe('「这个比例」 asked while a measure waits is about that measure', () => {
  const about = (text: string) => askAboutPending(realKb().interview.vocabulary.aboutPending, text);
  it.each([
    ['这个比例够不够先进水平？', '够不够先进水平'],
    ['这个占比算不算先进', '算不算先进'],
    ['那这个比例能达到先进水平吗', '能达到先进水平吗'],
  ])('「%s」 asks what meets the item, as 「%s」', (text, rest) => {
    expect(about(text)).toEqual({ ask: 'criteria', rest });
  });

  it.each(['这个比例是多少啊', '这个我们够了'])('near miss: 「%s」 is no question about the item', (text) => {
    expect(about(text)).toBeUndefined();
  });
});

describe('a system whose work runs in another system is partly in place', () => {
  it.each([
    ['cap.scm', 'SCM没有单独的系统，采购在ERP里走'],
    ['cap.scm', '没有单独的SCM，供应商和采购都在ERP里管'],
    ['cap.scm', '供应链没有专门的系统，用ERP的采购管着'],
    ['cap.wms', 'WMS没有单独上，库存在ERP里管'],
  ])('at %s, 「%s」 is partly in place, the ERP said in passing', (id, text) => {
    expect(read(id, text)).toEqual({ [id]: 'partial', 'cap.erp': true });
  });

  it.each([
    ['没有SCM', { 'cap.scm': false }],
    ['没有专门的SCM', { 'cap.scm': false }],
    ['SCM没有单独的系统', { kind: 'unclear' }],
    ['没有单独的SCM，ERP里带了供应商模块', { 'cap.scm': true, 'cap.erp': true }],
    ['没有单独的SCM，ERP也没有', { 'cap.erp': false }],
  ])('near miss: 「%s」 keeps its reading', (text, want) => {
    expect(read('cap.scm', text)).toEqual(want);
  });
});

describe('a profit, and a hedged 够吧, at the business question', () => {
  it.each(['效益还行，去年挣了一千多万', '去年赚了八百来万', '前两年都有盈利，去年利润三百多万', '够', '够了'])('「%s」 is a yes', (text) => {
    expect(read('ent.operatingWell', text)).toEqual({ 'ent.operatingWell': true });
  });

  it.each([
    ['ent.operatingWell', '够吧'],
    ['ent.operatingWell', '应该够吧'],
    ['ent.operatingWell', '勉强够吧'],
    ['self.automationAdvanced', '够吧'],
    ['cap.flexibleCell', '柔性单元算有吧'],
  ])('at %s, 「%s」 is a hedge, as other doubted yeses are', (id, text) => {
    expect(read(id, text)).toEqual({ kind: 'unclear', reason: 'hedge' });
  });

  it.each([
    ['没赚钱', false],
    ['去年没挣钱', false],
    ['不够', false],
    ['去年亏了两百万', null],
    ['去年亏了，今年挣了点', null],
    ['中吧', true],
  ])('near miss: 「%s」 is %s', (text, value) => {
    expect(read('ent.operatingWell', text)).toEqual({ 'ent.operatingWell': value });
  });
});
