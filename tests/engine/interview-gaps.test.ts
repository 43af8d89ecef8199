import { describe, expect, it } from 'vitest';
import { interpret } from '../../server/engine';
import { spacesAsClauseBreaks } from '../../server/understand';
import { realKb } from './kb';
import { q, items } from './readings';

const kb = realKb();

describe('facts volunteered while another question waits', () => {
  it('records the trade said with the main business as the industry, where its words leave no doubt', () => {
    for (const [text, code] of [
      ['是，做电线电缆的', '38'],
      ['我们是搞汽车零部件的', '36'],
      ['是哩，俺们是做假发的，主要出口非洲', '41'],
      ['对，专门生产轴承', '34'],
    ] as const) expect(items(text, q('ent.manufacturingMainBusiness')), text).toEqual({ 'ent.manufacturingMainBusiness': true, 'ent.industryCode': code });
    // A word that is part of a longer word of another division (铜箔 of 32, 电解铜箔 of 39) leaves the industry to be asked.
    for (const text of ['是，主营铜箔', '是，主营锂电池隔膜生产', '是，主营收入占90%'])
      expect(items(text, q('ent.manufacturingMainBusiness')), text).toEqual({ 'ent.manufacturingMainBusiness': true });
    // Not a manufacturer: no industry is taken from it.
    expect(items('不是，我们是做钢材贸易的', q('ent.manufacturingMainBusiness'))).toEqual({ 'ent.manufacturingMainBusiness': false });
  });

  it('records the 省辖市 of a 县 or 县级市 named as where the enterprise is, with the county', () => {
    for (const [text, city, county] of [
      ['是，咱是滑县哩', '安阳市', '滑县'],
      ['是，在长垣注册的', '新乡市', '长垣市'],
      ['对，营业执照在潢川县', '信阳市', '潢川县'],
    ] as const) {
      const r = interpret(kb, text, q('ent.registeredInHenan'));
      expect(r.kind === 'answers' && r.items.filter((i) => i.extra).map((i) => [i.questionId, i.value]), text).toEqual([['ent.city', city], ['ent.county', county]]);
    }
  });

  it('takes a blanket 「信用没问题」 for the list asked only, and answers no list in passing with it', () => {
    expect(items('信用没问题', q('ent.credit.dishonestExecutee'))).toEqual({ 'ent.credit.dishonestExecutee': false });
    expect(items('信用这块都没问题', q('ent.credit.taxViolationBlacklist'))).toEqual({ 'ent.credit.taxViolationBlacklist': false });
    // 二(四) names three lists: a word all three share singles none out, so each is asked in its turn.
    const r = interpret(kb, '是独立法人，信用没问题，经营也挺好', q('ent.independentLegalPerson'));
    expect(r.kind === 'answers' && r.items.map((i) => i.questionId).filter((id) => id.startsWith('ent.credit.'))).toEqual([]);
    expect(items('没有，信用都没问题，经营也正常', q('ent.credit.dishonestExecutee'))).not.toHaveProperty('ent.credit.taxViolationBlacklist');
    // A list named by its own words is still taken in passing.
    expect(items('是独立法人，没被列入失信被执行人', q('ent.independentLegalPerson'))).toMatchObject({ 'ent.credit.dishonestExecutee': false });
  });
});

describe('replies typed without punctuation', () => {
  it('splits at a space between Chinese words as at a comma', () => {
    expect(spacesAsClauseBreaks('不是的 我们就一个公司')).toBe('不是的，我们就一个公司');
    expect(spacesAsClauseBreaks('用的SAP ERP')).toBe('用的SAP ERP');
    for (const [spaced, id] of [
      ['不是的 我们就一个公司', 'ent.groupOrHeadOffice'],
      ['不是 俺们就一个厂', 'ent.groupOrHeadOffice'],
      ['MES跟ERP通了 采集那块没接', 'cap.scadaMesErpIntegration'],
      ['没有 就报这一个', 'ent.appliedThisYear'],
    ] as const) expect(items(spaced, q(id)), spaced).toEqual(items(spaced.replace(' ', '，'), q(id)));
    expect(items('不是的 我们就一个公司', q('ent.groupOrHeadOffice'))).toEqual({ 'ent.groupOrHeadOffice': false });
  });
});

describe('a practice on paper, and a mixed answer', () => {
  it('reads a yes that names only a practice by hand or on paper as no system, and notes what was said', () => {
    for (const [text, id, said] of [
      ['有，纸质的', 'cap.mes', '纸质的'],
      ['有，手写的台账', 'cap.qualityTraceability', '手写的台账'],
      ['有Excel台账', 'cap.energyManagement', 'Excel台账'],
    ] as const) expect(interpret(kb, text, q(id)), text).toEqual({ kind: 'answers', items: [{ questionId: id, value: false }], notes: [{ said, reason: 'practice' }] });
    // A system named beside the practice is no practice alone; a part still done by that practice (还是 … 抽检) makes it partial.
    expect(items('有在线检测，也有人工抽检', q('cap.onlineInspection'))).toEqual({ 'cap.onlineInspection': true });
    for (const text of ['镀膜后透过率在线测，面形还是干涉仪抽检', '关键工序有视觉检测，其他工序还是人工抽检'])
      expect(items(text, q('cap.onlineInspection')), text).toEqual({ 'cap.onlineInspection': 'partial' });
  });

  it('reads a flexible line on one part of the plant and a slow changeover on another as partly built', () => {
    for (const text of ['印刷线换单快 模切糊盒换型还得半天', '冲压线换型快，焊装线换一次得半天', '注塑这边换模快，装配线换产慢'])
      expect(items(text, q('cap.flexibleCell')), text).toEqual({ 'cap.flexibleCell': 'partial' });
    expect(items('换型慢，一天就干一种', q('cap.flexibleCell'))).toEqual({ 'cap.flexibleCell': false });
  });
});

describe('the eighth blind round', () => {
  it('reads a modest 「不敢说先进」 as no claim of the advanced level, and a bare 「不敢说」 as a hedge', () => {
    expect(items('不敢说先进', q('self.dataCollectionAdvanced'))).toEqual({ 'self.dataCollectionAdvanced': false });
    expect(items('谈不上先进', q('self.automationAdvanced'))).toEqual({ 'self.automationAdvanced': false });
    expect(interpret(kb, '不敢说', q('self.automationAdvanced'))).toMatchObject({ kind: 'unclear', reason: 'hedge' });
  });

  it('reads one workshop named with the one application as a no, and an application already made as a yes', () => {
    for (const text of ['就报这一个车间', '只报这一个车间', '就这一个车间']) expect(items(text, q('ent.appliedThisYear')), text).toEqual({ 'ent.appliedThisYear': false });
    for (const text of ['三月份已经在平台上交了一个揉捻车间的智能车间申报，这次想再报个智能工厂', '俺们成型车间跟针车车间都想报，两个一块儿交'])
      expect(items(text, q('ent.appliedThisYear')), text).toEqual({ 'ent.appliedThisYear': true });
  });

  it('reads the voice-typed 一RP as ERP, 「还中吧」 with a reason as operating well, and 「no」 as no title', () => {
    expect(items('MES跟一RP通了 采集那块没接', q('cap.scadaMesErpIntegration'))).toMatchObject({ 'cap.scadaMesErpIntegration': 'partial' });
    expect(items('还中吧，订单排到年底了', q('ent.operatingWell'))).toEqual({ 'ent.operatingWell': true });
    expect(items('no', q('ent.priorTitles'))).toEqual({ 'ent.priorTitles': 'none' });
  });

  it('reads 光 inside a word (抛光, 激光) as no 「only」, and 「一大半」 as a round half', () => {
    for (const text of ['研磨抛光镀膜都是自动线', '激光切割和折弯都是自动线']) expect(items(text, q('cap.automatedLines')), text).toEqual({ 'cap.automatedLines': true });
    expect(items('光焊装线是自动的', q('cap.automatedLines'))).toEqual({ 'cap.automatedLines': 'partial' });
    expect(interpret(kb, '一大半', q('metric.networkedRatio'))).toEqual({ kind: 'answers', items: [{ questionId: 'metric.networkedRatio', value: 50, approx: true }] });
  });
});
