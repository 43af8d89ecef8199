import { describe, expect, it } from 'vitest';
import { assess, interpret } from '../../server/engine';
import { Profile } from '../../server/schemas/profile';
import { PROFILE_FIXTURES } from '../fixtures/profiles';
import { realKb } from './kb';
import { q } from './readings';

/*
 * Interview replies that were stored as something they did not say: an option word that only locates a system, a
 * retort that opens a correction, a practice of another item's work, a remark off the subject, a wish for the
 * assistant's judgement, a question echoed before its answer, a hedge about another list, a refusal of a second
 * application. Each is read as the exact reply typed, two phrasings of our own, and near misses that keep their reading.
 */
const read = (id: string, text: string): Record<string, unknown> => {
  const r = interpret(realKb(), text, q(id));
  if (r.kind === 'answers') return Object.fromEntries(r.items.map((i) => [i.questionId, i.value]));
  return { kind: r.kind, ...('reason' in r && r.reason ? { reason: r.reason } : {}), ...('field' in r && r.field ? { field: r.field } : {}) };
};
const extra = (id: string, text: string): Record<string, boolean> => {
  const r = interpret(realKb(), text, q(id));
  return r.kind === 'answers' ? Object.fromEntries(r.items.map((i) => [i.questionId, i.extra === true])) : {};
};

describe('a category option word beside a system says where the system is', () => {
  it.each([
    ['MES在一个车间试点', { 'cap.mes': 'partial' }],
    ['ERP在工厂里用着', { 'cap.erp': true }],
    ['俺们车间上了MES', { 'cap.mes': true }],
  ])('「%s」 at the category question records the system only, and leaves the category open', (text, want) => {
    const got = read('cat.scope', text);
    expect(got).toMatchObject(want);
    expect(got).not.toHaveProperty(['cat.scope']);
  });

  it.each([
    ['报车间，MES有', 'workshop'],
    ['智能车间吧', 'workshop'],
    ['车间', 'workshop'],
    ['工厂', 'factory'],
  ])('near miss: 「%s」 chooses %s', (text, value) => {
    expect(read('cat.scope', text)['cat.scope']).toBe(value);
  });

  it.each([
    ['智能工厂', 'factory'],
    ['智能车间吧', 'workshop'],
    ['智能工厂。', 'factory'],
  ])('「%s」 typed at the county question is the category said out of turn, not the county', (text, value) => {
    expect(read('ent.county', text)).toEqual({ 'cat.scope': value });
    expect(extra('ent.county', text)['cat.scope']).toBe(true);
  });

  it('near miss: a county typed there is the county', () => {
    expect(read('ent.county', '新郑市')).toEqual({ 'ent.county': '新郑市' });
  });
});

describe('a retort that opens a category correction is no no to the question on screen', () => {
  it.each([
    ['不是，俺们要报智能工厂', 'cat.scope', 'factory'],
    ['不对，俺们要报智能工厂', 'cat.scope', 'factory'],
    ['不是，改成报智能车间', 'cat.scope', 'workshop'],
    ['不是，我们是流程型的', 'cat.productionMode', 'process'],
  ])('「%s」 records %s and leaves the security question unanswered', (text, id, value) => {
    expect(read('cap.securityProtection', text)).toEqual({ [id]: value });
  });

  it.each([
    ['没有，俺们要报智能工厂', { 'cap.securityProtection': false }],
    ['不是，没有网闸', { 'cap.securityProtection': false }],
    ['不是', { 'cap.securityProtection': false }],
    ['防火墙有的，网闸也有', { 'cap.securityProtection': true }],
  ])('near miss: 「%s」 still answers the question', (text, want) => {
    expect(read('cap.securityProtection', text)).toMatchObject(want);
  });
});

describe('a practice said of another item\'s work answers nothing of the system asked', () => {
  it.each(['配方是工艺员用excel管的', '配方单是技术员手写的', '配方都是工艺员拿本子记的'])('「%s」 at LIMS is asked back, not stored', (text) => {
    expect(read('cap.lims', text)).toEqual({ kind: 'unclear', reason: 'lookalike' });
  });

  it.each(['化验数据都是用excel记的', '检测结果是质检员手写在本子上', '没有，都是excel'])('near miss: 「%s」 is the LIMS work by hand, a no', (text) => {
    expect(read('cap.lims', text)).toEqual({ 'cap.lims': false });
  });

  it('near miss: a practice of the item asked still answers it elsewhere', () => {
    expect(read('cap.mes', '班组长每天拿本子记，月底汇总到Excel')).toEqual({ 'cap.mes': false });
  });
});

describe('a remark off the subject is no answer to which titles are held', () => {
  it.each(['没出过事', '没出过啥事', '从来没出过安全问题'])('「%s」 records nothing', (text) => {
    expect(read('ent.priorTitles', text)).toEqual({ kind: 'unclear', reason: 'notAnAnswer' });
  });

  it.each(['没有', '没拿过称号', '都没有', '没有，也没出过事'])('near miss: 「%s」 is none', (text) => {
    expect(read('ent.priorTitles', text)).toEqual({ 'ent.priorTitles': 'none' });
  });
});

describe('a wish for the assistant\'s judgement at the category question is the unsure option', () => {
  it.each(['俺也拿不准，你帮俺看看哪个合适', '俺们定不下来，报哪个好？', '你觉得俺们报哪个合适？', '拿不准'])('「%s」 chooses 还不确定 and asks nothing more', (text) => {
    const r = interpret(realKb(), text, q('cat.scope'));
    expect(r).toEqual({ kind: 'answers', items: [{ questionId: 'cat.scope', value: 'unsure' }] });
  });

  it.each(['智能车间和智能工厂有啥区别？', '报智能工厂需要什么条件？'])('near miss: 「%s」 stays a question', (text) => {
    expect(read('cat.scope', text)).toEqual({ kind: 'question' });
  });

  it('near miss: unsure beside another question keeps asking it', () => {
    const r = interpret(realKb(), '不确定，需要什么材料？', q('cat.scope'));
    expect(r.kind === 'answers' && r.asks).toBe(true);
  });
});

describe('the question echoed before its answer, and a list said by its own name', () => {
  it.each([
    ['失信被执行人？前年被列过，今年三月刚撤销', false],
    ['失信被执行人啊？没有', false],
    ['前年被列过，今年三月刚撤销', false],
    ['信用中国？去年被列过，现在还没撤', true],
  ])('「%s」 answers the 失信被执行人 question with %s', (text, value) => {
    expect(read('ent.credit.dishonestExecutee', text)).toEqual({ 'ent.credit.dishonestExecutee': value });
  });

  it.each(['被执行人？那是啥', '失信被执行人？'])('near miss: 「%s」 stays a question', (text) => {
    expect(read('ent.credit.dishonestExecutee', text)).toEqual({ kind: 'question' });
  });

  it.each([
    ['严重违法失信名单里好像有…', '被列入严重违法失信名单'],
    ['严重违法失信那个名单好像有', '被列入严重违法失信名单'],
    ['税收黑名单好像有', '被列入税收违法黑名单'],
  ])('「%s」 at the 失信被执行人 question is a hedge named for its own list', (text, field) => {
    expect(read('ent.credit.dishonestExecutee', text)).toEqual({ kind: 'unclear', reason: 'hedge', field });
  });

  it.each(['好像有', '失信被执行人好像有'])('near miss: 「%s」 is this list\'s own hedge', (text) => {
    expect(read('ent.credit.dishonestExecutee', text)).toEqual({ kind: 'unclear', reason: 'hedge' });
  });
});

describe('a second application refused outright is the other-application question\'s no', () => {
  it.each(['不报别的', '今年不申报其他的了', '没打算再报别的项目', '别的就不报了', '其他的项目都不申请', '就报这一个'])('「%s」 is no', (text) => {
    expect(read('ent.appliedThisYear', text)).toEqual({ 'ent.appliedThisYear': false });
  });

  it.each([
    ['不知道报不报别的', null],
    ['还要报别的', true],
    ['别的还要报', true],
  ])('near miss: 「%s」 keeps its reading', (text, value) => {
    expect(read('ent.appliedThisYear', text)).toEqual({ 'ent.appliedThisYear': value });
  });
});

describe('a category most of whose element conditions fail is the one that fits, not advised now', () => {
  const kb = realKb();
  const p11 = PROFILE_FIXTURES.find((f) => f.id === 'P11')!.profile;
  const failing = (a: ReturnType<typeof assess>) => a.conditions.filter((c) => c.status === 'unmet' || c.status === 'partial').length;

  it('a process plant meeting one of its element conditions gets its category with notYet', () => {
    const caps = Object.fromEntries(Object.keys(p11.capabilities ?? {}).map((k) => [k, false]));
    const a = assess(kb, Profile.parse({ ...p11, scope: 'factory', capabilities: { ...caps, industrialNetwork: true, factoryNetwork: true, securityPolicy: true, securityProtection: true } }));
    expect(a.category.recommended).toBe('processFactory');
    expect(a.verdict).toBe('gaps');
    expect(failing(a)).toBeGreaterThan(a.conditions.length / 2);
    expect(a.category.notYet).toBe(true);
  });

  it('near miss: a qualified plant, and one with a single gap, are recommended as before', () => {
    expect(assess(kb, Profile.parse(p11)).category.notYet).toBeUndefined();
    const one = assess(kb, Profile.parse({ ...p11, capabilities: { ...p11.capabilities, erp: false } }));
    expect(failing(one)).toBe(1);
    expect(one.category.notYet).toBeUndefined();
  });
});
