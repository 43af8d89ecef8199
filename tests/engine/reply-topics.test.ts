import { describe, expect, it } from 'vitest';
import { interpret } from '../../server/engine';
import { industryFromText } from '../../server/engine/plan';
import { realKb } from './kb';
import { q, items } from './readings';

const kb = realKb();

/*
 * Replies that say what they are about: a plan stated to the 另有申报 question, a list or a business named while another
 * question waits, a Henan closing particle in the 是…的 of a statement, and a city said beside a tag question. Each
 * reply is read by what it says; the near misses below keep their reading.
 */

describe('a plan stated to the 另有申报 question', () => {
  const applied = q('ent.appliedThisYear');

  it('reads an only-word governing a verb of applying, with intent words between, as the one application', () => {
    const cases: [string, Record<string, unknown>][] = [
      ['就打算报一个智能工厂', { 'ent.appliedThisYear': false, 'cat.scope': 'factory' }],
      ['仅计划申请一个智能工厂', { 'ent.appliedThisYear': false, 'cat.scope': 'factory' }],
      ['只打算申报智能车间这一项', { 'ent.appliedThisYear': false, 'cat.scope': 'workshop' }],
      ['俺们就准备报个车间', { 'ent.appliedThisYear': false }],
      ['今年就想报这一个车间', { 'ent.appliedThisYear': false }],
    ];
    for (const [text, want] of cases) expect(items(text, applied), text).toEqual(want);
  });

  it('records a plan with no only-word as the category alone, never as the answer to the question waiting', () => {
    // Emphatic 就是 is no only-word: the plan says nothing of a second application.
    expect(items('我们就是准备申报离散型智能工厂', applied)).toEqual({ 'cat.scope': 'factory', 'cat.productionMode': 'discrete' });
    expect(items('我们想报智能工厂', applied)).toEqual({ 'cat.scope': 'factory' });
  });

  it('leaves an addition, a second application handed in, or a question as they were read', () => {
    expect(interpret(kb, '还打算报一个智能工厂', applied)).toMatchObject({ kind: 'unclear', reason: 'otherCategory' });
    expect(items('已经报了一个，就打算再报一个', applied)).toEqual({ 'ent.appliedThisYear': true });
    expect(interpret(kb, '就打算报一个智能工厂吗', applied)).toEqual({ kind: 'question' });
  });

  it('does not read the plan as an answer to another question', () => {
    // To the titles question the category planned is no title held.
    const r = interpret(kb, '就打算报一个智能工厂', q('ent.priorTitles'));
    expect(r.kind === 'answers' && r.items.some((i) => i.questionId === 'ent.priorTitles' || i.questionId === 'ent.appliedThisYear')).toBe(false);
  });
});

describe('a reply that names another question while one waits', () => {
  const tax = q('ent.credit.taxViolationBlacklist');

  it('is read for the question it names, said in passing, and not for the one waiting', () => {
    for (const text of ['失信名单没有', '老赖肯定不是', '失信被执行人肯定没有']) {
      expect(interpret(kb, text, tax), text).toEqual({ kind: 'answers', items: [{ questionId: 'ent.credit.dishonestExecutee', value: false, extra: true }] });
    }
    expect(interpret(kb, '税务黑名单没有', q('ent.credit.seriousIllegalDishonest'))).toEqual({
      kind: 'answers',
      items: [{ questionId: 'ent.credit.taxViolationBlacklist', value: false, extra: true }],
    });
  });

  it('still takes a reply that names the waiting question, or names none', () => {
    for (const text of ['税收违法黑名单也没有', '这个也没有', '没有']) expect(items(text, tax), text).toEqual({ 'ent.credit.taxViolationBlacklist': false });
  });
});

describe('Henan particles in a statement', () => {
  it('reads a closing 哩, 嘞 or 咧 after what was named as the 的 of 是…的', () => {
    for (const text of ['自动化哩', '自动化嘞', '全是自动化咧', '线哩都是自动化哩']) expect(items(text, q('cap.automatedLines')), text).toEqual({ 'cap.automatedLines': true });
  });

  it('reads one in the middle of a sentence as nothing', () => {
    expect(items('咱厂哩，MES早就上了', q('cap.mes'))).toEqual({ 'cap.mes': true });
    expect(items('俺们车间咧 设备都连网了', q('cap.industrialNetwork'))).toEqual({ 'cap.industrialNetwork': true });
    expect(items('ERP嘞也上了', q('cap.erp'))).toEqual({ 'cap.erp': true });
  });

  it('keeps a question a question and a no a no', () => {
    expect(interpret(kb, '自动化哩？', q('cap.automatedLines'))).toEqual({ kind: 'question' });
    expect(interpret(kb, '有没有MES哩', q('cap.mes'))).toEqual({ kind: 'question' });
    expect(items('木有哩', q('cap.mes'))).toEqual({ 'cap.mes': false });
    expect(items('还是手工哩', q('cap.automatedLines'))).toEqual({ 'cap.automatedLines': false });
  });
});

describe('a city said beside a tag question', () => {
  const reg = q('ent.registeredInHenan');

  it('is recorded as the city the enterprise is in, and the tag still asks', () => {
    expect(interpret(kb, '在郑州注册的对吧', reg)).toEqual({
      kind: 'answers',
      asks: true,
      items: [{ questionId: 'ent.registeredInHenan', value: true }, { questionId: 'ent.city', value: '郑州市', extra: true }],
    });
    expect(items('是在洛阳注册的，是吧', reg)).toEqual({ 'ent.registeredInHenan': true, 'ent.city': '洛阳市' });
    expect(items('在许昌注册，中不中', reg)).toEqual({ 'ent.registeredInHenan': true, 'ent.city': '许昌市' });
  });

  it('takes no city from the question asked beside it, nor from a registration outside Henan', () => {
    expect(items('在郑州注册的，洛阳的企业能报吗', reg)).toEqual({ 'ent.registeredInHenan': true, 'ent.city': '郑州市' });
    expect(items('在江苏注册的对吧', reg)).toEqual({ 'ent.registeredInHenan': false });
  });
});

describe('what the thirteenth blind round led to', () => {
  const inspection = q('cap.onlineInspection');

  it('reads a product a check rejects (不中, 不够, 不对 before a verb of rejecting) as 不合格, not as a no', () => {
    for (const text of ['有视觉检测 外观不中自己挑出来', '有，灌装量在线称重，不够的自动剔', '有X光检测，尺寸不对的自动剔除', '有，重量不够自己报警']) {
      expect(items(text, inspection), text).toEqual({ 'cap.onlineInspection': true });
    }
    // 不中 and 不行 alone, or said of the check itself, are still a no.
    expect(items('不中', q('ent.operatingWell'))).toEqual({ 'ent.operatingWell': false });
    expect(items('检测不行', inspection)).toEqual({ 'cap.onlineInspection': false });
  });

  it('takes 自己报 inside 自己报警 for no way of applying', () => {
    expect(items('有，不合格自己报警', inspection)).toEqual({ 'cap.onlineInspection': true });
    expect(items('不是，自己报', q('ent.groupOrHeadOffice'))).toEqual({ 'ent.groupOrHeadOffice': false });
  });

  it('reads a no that runs into its word (木有码, 没有码) as a no, and a word with its own no as that word', () => {
    for (const text of ['木有码', '没有码', '码还木有贴']) expect(items(text, q('cap.autoId')), text).toEqual({ 'cap.autoId': false });
    expect(items('有码', q('cap.autoId'))).toEqual({ 'cap.autoId': true });
    expect(items('MES跟ERP还没连一块', q('cap.scadaMesErpIntegration'))).toMatchObject({ 'cap.scadaMesErpIntegration': false });
  });

  it('reads Henan 木 before 移, 撤 and the like as 没, and leaves 木 inside a word', () => {
    expect(items('前年上过税收黑名单，现在还木移出', q('ent.credit.taxViolationBlacklist'))).toEqual({ 'ent.credit.taxViolationBlacklist': true });
    expect(items('以前上过，还木撤下来', q('ent.credit.seriousIllegalDishonest'))).toEqual({ 'ent.credit.seriousIllegalDishonest': true });
    expect(items('上过，已经移出了', q('ent.credit.taxViolationBlacklist'))).toEqual({ 'ent.credit.taxViolationBlacklist': false });
  });

  it('keeps the answer before a correction of another item, said in a sentence of its own', () => {
    expect(items('没有打通。对了刚才说错了，MES还没上，是明年的计划', q('cap.scadaMesErpIntegration'))).toEqual({ 'cap.scadaMesErpIntegration': false, 'cap.mes': 'building' });
    expect(items('有，金蝶的。对了，前面WMS我说错了，WMS是有的', q('cap.erp'))).toEqual({ 'cap.erp': true, 'cap.wms': true });
    expect(items('没有安灯。另外刚才AGV答错了，应该是有AGV', q('cap.andon'))).toEqual({ 'cap.andon': false, 'cap.agvRgv': true });
    // A correction of the answer itself takes it back.
    expect(items('没有打通，不对，是打通了', q('cap.scadaMesErpIntegration'))).toEqual({ 'cap.scadaMesErpIntegration': true });
    expect(items('没有。不对，是有，去年上线的', q('cap.mes'))).toEqual({ 'cap.mes': true });
  });

  it('takes 否 as no title held, and 是 alone as no answer to which title', () => {
    expect(items('否', q('ent.priorTitles'))).toEqual({ 'ent.priorTitles': 'none' });
    expect(items('是', q('ent.priorTitles'))).toBe('unclear');
  });

  it('names the trades 辣条, 玉雕 and 脱水蔬菜 by their divisions, and leaves 制冷配件 (34 or 38) to be asked', () => {
    const kb = realKb();
    expect(['辣条 调味面制品', '玉雕', '做玉器的', '脱水蔬菜', '制冷配件'].map((t) => industryFromText(kb, t))).toEqual(['14', '24', '24', '13', undefined]);
  });
});
