import { describe, expect, it } from 'vitest';
import { interpret } from '../../server/engine';
import { realKb } from './kb';
import { q, items } from './readings';
import { HARD_CONDITIONS_MET } from '../fixtures/hard-conditions';

const kb = realKb();

const OPENING =
  '您好，我是新乡市某精细化工有限公司的信息中心主任。我们公司2006年在新乡市平原示范区注册成立，是独立法人，不属于任何集团，主营是农药中间体和精细化学品的生产，连续化的反应、精馏和结晶工艺，去年营业收入大约8亿元，经营一直正常盈利。我们没有被列入失信被执行人、税收违法黑名单或严重违法失信名单，以前也没有获得过省级智能车间或者智能工厂称号，今年也只打算报这一个。';

describe('a long opening paragraph is read for every basic fact it states', () => {
  it('records each fact of the opening, not only the hard conditions named outright', () => {
    expect(items(OPENING, q('ent.registeredInHenan'))).toEqual({
      ...HARD_CONDITIONS_MET,
      'ent.city': '新乡市',
      'ent.foundedYear': '2006',
    });
  });

  it('reads a paraphrase the same way, each fact said in passing', () => {
    const r = interpret(kb, '我们是洛阳的一家轴承厂，2012年成立的，自己独立报，不是集团名义，主要做轴承生产，这几年一直盈利，之前没拿过智能车间和智能工厂称号。', q('ent.registeredInHenan'));
    expect(r.kind).toBe('answers');
    const got = r.kind === 'answers' ? Object.fromEntries(r.items.map((i) => [i.questionId, i.value])) : {};
    expect(got).toMatchObject({ 'ent.groupOrHeadOffice': false, 'ent.operatingWell': true, 'ent.priorTitles': 'none', 'ent.city': '洛阳市', 'ent.foundedYear': '2012' });
    // Facts beside the one asked fill only questions still open.
    const passing = ['ent.manufacturingMainBusiness', 'ent.operatingWell', 'ent.priorTitles', 'ent.city', 'ent.foundedYear'];
    for (const i of r.kind === 'answers' ? r.items : []) if (passing.includes(i.questionId)) expect(i.extra, i.questionId).toBe(true);
  });

  it('takes the city from the enterprise’s own clauses, never from one about another body', () => {
    expect(items('我们注册在郑州，工厂在洛阳，经营还行', q('ent.registeredInHenan'))).toHaveProperty(['ent.city'], '郑州市');
    expect(items('集团另一个子公司在郑州报车间，跟俺们没关系，俺们就报这一个', q('ent.appliedThisYear'))).not.toHaveProperty(['ent.city']);
    expect(items('我们在郑州注册，在洛阳也有办公室，经营还行', q('ent.registeredInHenan'))).not.toHaveProperty(['ent.city']);
  });

  it('reads the founding date where the place of registration stands between it and 成立, with its month kept', () => {
    expect(items('公司是2006年5月在新乡市注册成立的，2015年搬迁进入化工园区。', q('ent.foundedYear'))).toMatchObject({ 'ent.foundedYear': '2006-05' });
  });

  it('reads a title never held, with both titles named under the no', () => {
    expect(items('以前也没有获得过省级智能车间或者智能工厂称号', q('ent.priorTitles'))).toEqual({ 'ent.priorTitles': 'none' });
    expect(items('智能车间拿过，智能工厂没有', q('ent.priorTitles'))).toEqual({ 'ent.priorTitles': 'smartWorkshop' });
  });

  it('reads 只打算报这一个 as no other application this year', () => {
    expect(items('今年也只打算报这一个', q('ent.appliedThisYear'))).toEqual({ 'ent.appliedThisYear': false });
  });
});
