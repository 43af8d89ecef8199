import { describe, expect, it } from 'vitest';
import { items, q } from './readings';

/*
 * A one-word reply closed by a Henan particle (哩, 嘞, 咧) reads as the same reply without it; the words the question
 * itself lists as examples (数控装备) answer it, and 半自动 is a partly automated line.
 */
describe('a one-word reply with a closing particle', () => {
  const cases: [string, string, unknown][] = [
    ['cap.automatedLines', '数控', true],
    ['cap.automatedLines', '用的数控设备', true],
    ['cap.automatedLines', '半自动', 'partial'],
    ['cap.automatedLines', '都是半自动的设备', 'partial'],
    ['cap.onlineInspection', '半自动的', 'partial'],
    ['cap.mes', '上了', true],
    ['cap.mes', '没得', false],
    ['cap.mes', '有一些', 'partial'],
    ['cap.erp', '在用', true],
    ['ent.operatingWell', '还中', true],
    ['cat.productionMode', '流程型', 'process'],
    ['cat.scope', '车间', 'workshop'],
    ['ent.groupOrHeadOffice', '不是', false],
  ];
  for (const [id, reply, value] of cases) {
    for (const particle of ['', '哩', '嘞', '咧']) {
      it(`「${reply}${particle}」 to ${id} records ${JSON.stringify(value)}`, () => {
        expect(items(reply + particle, q(id))).toEqual({ [id]: value });
      });
    }
  }

  // Near misses: a no stays a no whatever particle closes it, and 数控化率 is the automation figure, not the lines' yes.
  it('reads 「没有数控哩」 and 「木有数控」 as no', () => {
    expect(items('没有数控哩', q('cap.automatedLines'))).toEqual({ 'cap.automatedLines': false });
    expect(items('木有数控', q('cap.automatedLines'))).toEqual({ 'cap.automatedLines': false });
  });
  it('reads 「数控化率六成」 as the automation figure, not as the lines in place', () => {
    expect(items('数控化率六成', q('cap.automatedLines'))).toEqual({ 'metric.automationRatio': 60 });
  });
  it('asks again on 「差不多咧」 as on 「差不多」: neither says whether the plant is advanced', () => {
    expect(items('差不多咧', q('self.automationAdvanced'))).toBe(items('差不多', q('self.automationAdvanced')));
    expect(items('差不多', q('self.automationAdvanced'))).toBe('unclear');
  });
});

describe('a registration said of a parent body', () => {
  const registration = q('ent.registeredInHenan');
  for (const text of ['集团在郑州注册的对吧', '总公司注册在北京', '母公司注册在深圳的', '我们集团注册在上海']) {
    it(`「${text}」 does not answer where the applicant is registered, at the registration question or another`, () => {
      for (const pending of [registration, q('cap.mes'), q('ent.independentLegalPerson')]) {
        const r = items(text, pending);
        expect(typeof r === 'string' ? {} : r).not.toHaveProperty('ent.registeredInHenan');
      }
    });
  }
  // Near misses: the applicant's own register said beside its parent's, or in its own words, still answers.
  for (const [text, value] of [
    ['总公司注册在北京，我们在洛阳注册的', true],
    ['母公司注册在深圳的，我们是独立法人在许昌注册', true],
    ['我们是集团在郑州注册的子公司', true],
    ['集团在郑州，我们注册在江苏苏州', false],
    ['在郑州注册的对吧', true],
  ] as const) {
    it(`「${text}」 answers the registration question with ${value}`, () => {
      expect(items(text, registration)).toMatchObject({ 'ent.registeredInHenan': value });
    });
  }
});

describe('a confined yes to predictive maintenance and a traceability said with 能追到', () => {
  for (const text of ['只有离心机做了预测性维护', '只给空压机做了', '仅主风机上了在线诊断']) {
    it(`「${text}」 is partly built`, () => {
      expect(items(text, q('cap.predictiveMaintenance'))).toEqual({ 'cap.predictiveMaintenance': 'partial' });
    });
  }
  it('「空压机风机电机都做了」 names no restriction and stays a yes', () => {
    expect(items('空压机风机电机都做了', q('cap.predictiveMaintenance'))).toEqual({ 'cap.predictiveMaintenance': true });
  });
  for (const text of ['能追到每批面粉', '能查到每批原料']) {
    it(`「${text}」 is traceability in place`, () => {
      expect(items(text, q('cap.qualityTraceability'))).toEqual({ 'cap.qualityTraceability': true });
    });
  }
  it('「不能追到每批」 is no traceability', () => {
    expect(items('不能追到每批', q('cap.qualityTraceability'))).toEqual({ 'cap.qualityTraceability': false });
  });
});
