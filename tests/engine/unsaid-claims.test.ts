import { describe, expect, it } from 'vitest';
import { assess, interpret } from '../../server/engine';
import { correctionOfNamedItem } from '../../server/engine/named-correction';
import { Profile } from '../../server/schemas/profile';
import { PROFILE_FIXTURES } from '../fixtures/profiles';
import { realKb } from './kb';
import { items, q } from './readings';

/*
 * The interview records a yes only where the enterprise said one: a count is a count, a correction that says an answer
 * was never given takes it back, a capability is recorded at the scope it was said of, and a fact said in passing in
 * the register's own words is recorded. Each class has phrasings of our own and near misses whose reading must not change.
 */
const kb = realKb();

describe('a count at a self-assessment question is no yes', () => {
  it.each([
    ['self.automationAdvanced', '联网的有六十台左右'],
    ['self.automationAdvanced', '数控的有九十台'],
    ['self.networkingAdvanced', '联了网的有八十多台'],
    ['self.dataCollectionAdvanced', '有一百来个点能自动采'],
    ['self.automationAdvanced', '自动化的大概有40台'],
  ])('at %s, 「%s」 leaves the self-assessment unanswered', (id, text) => {
    const r = items(text, q(id));
    expect(typeof r === 'string' ? undefined : r[id], 'a count does not say the level is reached').toBeUndefined();
  });

  it.each([
    ['self.automationAdvanced', '有', true],
    ['self.automationAdvanced', '达到了', true],
    ['self.networkingAdvanced', '有，联网的有八十多台', true],
    ['self.automationAdvanced', '没有，自动化的才有40台', false],
  ] as const)('near miss at %s: 「%s」 still answers %s', (id, text, want) => {
    expect(items(text, q(id))).toMatchObject({ [id]: want });
  });

  it('a count at a capability question is still that capability in use', () => {
    expect(items('AGV有两台', q('cap.agvRgv'))).toMatchObject({ 'cap.agvRgv': true });
  });
});

describe('a correction that says an answer was never given takes it back', () => {
  const fix = (text: string, stored: Record<string, unknown>, pending = 'cap.andon') => {
    const r = correctionOfNamedItem(kb, text, q(pending), stored as never, null);
    return r?.kind === 'answers' ? Object.fromEntries(r.items.map((i) => [i.questionId, i.value])) : undefined;
  };
  it.each([
    ['更正一下，前面自动化设备占比是不是省内先进，我没说是，这个我们也不清楚', 'self.automationAdvanced', null],
    ['纠正一下，设备占比算不算先进我们不确定', 'self.automationAdvanced', null],
    ['等等，联网率达到先进那个，我没说有，说不准', 'self.networkingAdvanced', null],
    ['刚才说错了，自动化率是不是达到省内先进水平，不是', 'self.automationAdvanced', false],
    ['数据采集率达到省内先进那项，我没说过是，其实没达到', 'self.dataCollectionAdvanced', false],
  ] as const)('「%s」 changes %s to %s', (text, id, want) => {
    expect(fix(text, { [id]: true })).toEqual({ [id]: want });
  });

  it.each([
    // No word says the answer was wrong, and the value is the one stored.
    ['自动化设备占比在同行里算先进的', { 'self.automationAdvanced': true }],
    // A measure without the level it is judged by names the figure, not the self-assessment.
    ['更正一下，联网率是85%', { 'self.networkingAdvanced': true, 'metric.networkedRatio': 80 }],
  ] as const)('near miss: 「%s」 changes nothing by name', (text, stored) => {
    expect(fix(text, stored)).toBeUndefined();
  });

  it('stores a correction to unknown of an item never answered, so its 不清楚 is kept and it is asked later', () => {
    expect(fix('更正一下，自动化设备占比是不是先进我们不清楚', {})).toEqual({ 'self.automationAdvanced': null });
  });

  it('a hard condition named in a correction is still changed to the value given', () => {
    expect(fix('刚才答错了 失信被执行人那个是没有', { 'ent.credit.dishonestExecutee': true }, 'ent.priorTitles')).toEqual({ 'ent.credit.dishonestExecutee': false });
  });
});

describe('a capability is recorded only as said, at its own scope', () => {
  it.each([
    ['metric.automationRatio', '车间一共120台设备，数控的有90台'],
    ['metric.automationRatio', '设备一共200台，加工中心的有150台'],
    ['metric.networkedRatio', '机器人的有12台，总共40台设备'],
  ])('at %s, 「%s」 counts devices and claims no automated line', (id, text) => {
    const r = items(text, q(id));
    expect(typeof r === 'string' ? [] : Object.keys(r).filter((k) => k.startsWith('cap.'))).toEqual([]);
  });

  it.each(['车间有工业以太网，全覆盖', '工业以太网在车间里全覆盖', '产线上都是工业以太网，全覆盖了'])('「%s」 is a workshop network, not one covering the plant', (text) => {
    const r = items(text, q('cap.industrialNetwork'));
    expect(r).toMatchObject({ 'cap.industrialNetwork': true });
    expect(r).not.toHaveProperty(['cap.factoryNetwork']);
  });

  it.each(['全厂都是工业以太网', '工业以太网全覆盖', '车间里有工业以太网，全厂也都覆盖了'])('near miss: 「%s」 still gives the plant-wide network', (text) => {
    expect(items(text, q('cap.industrialNetwork'))).toMatchObject({ 'cap.factoryNetwork': true });
  });
});

describe('a fact said in the register’s own words is recorded', () => {
  it.each([
    [null, '信用中国上没有失信', false],
    ['ent.credit.taxViolationBlacklist', '信用中国上没有失信', false],
    ['ent.priorTitles', '在信用中国上查过没有失信记录', false],
    ['ent.priorTitles', '信用中国没有老赖记录', false],
    ['ent.priorTitles', '信用中国上有失信记录，去年的', true],
  ] as const)('pending %s: 「%s」 records the 失信被执行人 answer %s', (id, text, want) => {
    expect(items(text, id ? q(id) : null)).toMatchObject({ 'ent.credit.dishonestExecutee': want });
  });

  it.each(['信用中国上没有严重违法失信', '信用中国上失信名单查过了'])('near miss: 「%s」 records no 失信被执行人 answer', (text) => {
    const r = items(text, q('ent.priorTitles'));
    expect(typeof r === 'string' ? undefined : r['ent.credit.dishonestExecutee']).toBeUndefined();
  });
});

describe('a capability the notice asks 「根据需要」 that is not in place is shown beside the met condition', () => {
  const base = PROFILE_FIXTURES.find((f) => f.id === 'P02')!.profile;
  const logistics = (agvRgv: boolean) =>
    assess(kb, Profile.parse({ ...base, capabilities: { ...base.capabilities, autoId: true, agvRgv } })).conditions.find((c) => c.clause === '三(一)6')!;
  it('no AGV: met, with the AGV named and the advice on how material moves', () => {
    const c = logistics(false);
    expect(c.status).toBe('met');
    expect(c.asNeededLacking).toEqual(['agvRgv']);
    expect(c.advice).toContain('实现实时配送和自动输送');
  });
  it('AGV in use: met, with nothing named', () => {
    expect(logistics(true).asNeededLacking).toBeUndefined();
  });
});
