import { describe, expect, it } from 'vitest';
import { interpret } from '../../server/engine';
import { createKnowledgeBase } from '../../server/knowledge/base';
import { createRules } from '../../server/chat/rules';
import type { Category } from '../../server/schemas/profile';
import { realKb } from './kb';
import { q } from './readings';

/*
 * A reply to a capability's yes/no item that only says which workshop applies (「我们申报的是发酵车间」): its 是 or 报 is the
 * copula of a name, no yes to the item, so nothing is stored for it and the workshop is said back. The same reply over the socket is in
 * tests/chat/applying-unit-named.
 */
const read = (id: string, text: string, category: Category | null = null): Record<string, unknown> => {
  const r = interpret(realKb(), text, q(id), category);
  if (r.kind === 'answers') return Object.fromEntries(r.items.map((i) => [i.questionId, i.value]));
  return { kind: r.kind, ...('reason' in r && r.reason ? { reason: r.reason } : {}), ...('choices' in r && r.choices ? { choices: r.choices } : {}) };
};

describe('a reply that only names the applying workshop answers no yes/no item', () => {
  it.each([
    // As reported.
    ['cap.industrialNetwork', '我们申报的是发酵车间', '发酵车间'],
    ['cap.mes', '我们报的是包装车间', '包装车间'],
    ['cap.mes', '申报的是一车间', '一车间'],
    ['cap.mes', '是包装车间申报', '包装车间'],
    // Phrasings of our own.
    ['cap.mes', '咱这次报的是机加工车间哈', '机加工车间'],
    ['cap.scada', '申报单位是装配车间。', '装配车间'],
    ['cap.erp', '打算拿二车间来报', '二车间'],
    ['cap.industrialNetwork', '我们申报的车间是总装车间', '总装车间'],
    ['cap.mes', '就是涂装车间申报的', '涂装车间'],
  ])('at %s 「%s」 stores nothing and names %s', (id, text, unit) => {
    const expected = { kind: 'unclear', reason: 'applyingUnit', choices: [unit] };
    expect(read(id, text)).toEqual(expected);
    expect(read(id, text, 'smartWorkshop')).toEqual(expected);
  });

  it.each([
    ['cap.mes', '是的，发酵车间有', null, { 'cap.mes': true }],
    ['cap.mes', '有，申报的车间都有', null, { 'cap.mes': true }],
    ['cap.erp', '用的是金蝶', null, { 'cap.erp': true }],
    ['cap.mes', '是，全厂都有', null, { 'cap.mes': true }],
    ['cap.mes', '发酵车间有，包装车间没有', null, { 'cap.mes': 'partial' }],
    ['cap.mes', '发酵车间有，包装车间没有', 'smartWorkshop', { kind: 'unclear', reason: 'whichWorkshop', choices: ['包装车间没有'] }],
    // A name joined to another, or saying what the workshop has, is no name alone.
    ['cap.mes', '申报的是发酵车间，有MES', null, { 'cap.mes': true }],
    ['cap.mes', '申报的车间有MES', null, { 'cap.mes': true }],
    // Another workshop said to apply names none to keep, and is no yes to the item either.
    ['cap.mes', '报的是另一个车间', null, { kind: 'unclear' }],
    ['cap.industrialNetwork', '我们申报的是别的车间', 'smartWorkshop', { kind: 'unclear' }],
    ['cap.scada', '打算拿其他车间来报', null, { kind: 'unclear' }],
    // A denied applicant is no name: read as it was before.
    ['cap.mes', '不是包装车间申报', null, { 'cap.mes': false }],
  ] as const)('near miss: at %s 「%s」 (%s) reads as before', (id, text, category, expected) => {
    expect(read(id, text, category)).toEqual(expected);
  });
});

describe('an item about the applying workshop itself is answered by its name, as before', () => {
  it.each([
    ['还报这个木门车间', true],
    ['报的是其他车间', false],
  ])('at ent.titledWorkshopAgain 「%s」 is %s', (text, value) => {
    expect(read('ent.titledWorkshopAgain', text)).toEqual({ 'ent.titledWorkshopAgain': value });
  });
});

describe('the named workshop is kept as the form\'s 车间名称 only where the session has none', () => {
  const rules = createRules(createKnowledgeBase(realKb()));
  const workshop = { 'cat.scope': 'workshop' };

  it('a workshop applicant with no name given: the name is kept in passing and the item is left open', () => {
    const r = rules.interpret('我们申报的是发酵车间', q('cap.industrialNetwork'), workshop);
    expect(r).toEqual({ kind: 'answers', items: [{ questionId: 'form.ws.1.name', value: '发酵车间', extra: true }], pendingLeft: { reason: 'applyingUnit', choices: ['发酵车间'] } });
    // Kept, it is the applying workshop that later readings know: another part's lack does not count against it.
    const later = rules.interpret('发酵车间有工业以太网，灌装那边还没建', q('cap.industrialNetwork'), { ...workshop, 'form.ws.1.name': '发酵车间' });
    expect(later).toMatchObject({ kind: 'answers', items: [{ questionId: 'cap.industrialNetwork', value: true }] });
  });

  it.each([
    ['a name already given is not replaced', { ...workshop, 'form.ws.1.name': '灌装车间' }],
    ['a factory applicant applies with no one workshop', { 'cat.scope': 'factory', 'cat.productionMode': 'discrete' }],
  ])('%s: nothing is kept', (_, answers) => {
    expect(rules.interpret('我们报的是包装车间', q('cap.mes'), answers)).toEqual({ kind: 'unclear', reason: 'applyingUnit', choices: ['包装车间'] });
  });
});

describe('the applying workshop named at the 另有申报 question', () => {
  const unitOf = (text: string) => {
    const r = interpret(realKb(), text, q('ent.appliedThisYear'));
    return r.kind === 'answers' ? r.unit : undefined;
  };
  it.each([
    // As reported.
    ['没有，我们这次报的是总装车间', '总装车间'],
    // Phrasings of our own.
    ['没有，报的是总装车间', '总装车间'],
    ['没有。申报的是涂装车间。', '涂装车间'],
    ['就这一个，报的是冲压车间哈', '冲压车间'],
    ['没有，就报总装车间', '总装车间'],
    ['没有另外的，申报单位是装配车间', '装配车间'],
    ['没有 咱这回拿焊装车间来报', '焊装车间'],
  ])('「%s」 is a no, with %s beside it', (text, unit) => {
    expect(read('ent.appliedThisYear', text)).toEqual({ 'ent.appliedThisYear': false });
    expect(unitOf(text)).toBe(unit);
  });

  it.each([
    ['我们这次报的是总装车间', '总装车间'],
    ['申报的是一车间', '一车间'],
  ])('「%s」 alone names %s and answers nothing', (text, unit) => {
    expect(read('ent.appliedThisYear', text)).toEqual({ kind: 'unclear', reason: 'applyingUnit', choices: [unit] });
  });

  it.each([
    ['没有别的', { 'ent.appliedThisYear': false }, undefined],
    ['另外的没有', { 'ent.appliedThisYear': false }, undefined],
    ['就报这一个车间', { 'ent.appliedThisYear': false }, undefined],
    ['俺们就准备报个车间', { 'ent.appliedThisYear': false }, undefined],
    // The category named is no workshop.
    ['就打算报一个智能车间', { 'ent.appliedThisYear': false, 'cat.scope': 'workshop' }, undefined],
    ['没有，报的是智能车间', { 'ent.appliedThisYear': false, 'cat.scope': 'workshop' }, undefined],
    // Another application said, named or not: a yes, and its workshop is no applying one.
    ['有，去年报了总装车间', { 'ent.appliedThisYear': true }, undefined],
    ['有，报的是另一个车间', { 'ent.appliedThisYear': true }, undefined],
    ['是的，总装车间也报了', { 'ent.appliedThisYear': true }, undefined],
    ['有，还报了一个涂装车间', { 'ent.appliedThisYear': true }, undefined],
    ['有 涂装车间已经报上去了，这次报的是总装车间', { 'ent.appliedThisYear': true }, '总装车间'],
  ] as const)('near miss: 「%s」 reads %j', (text, expected, unit) => {
    expect(read('ent.appliedThisYear', text)).toEqual(expected);
    expect(unitOf(text)).toBe(unit);
  });
});

describe('a lack said of a part of the very workshop said to have the item', () => {
  it.each([
    // As reported.
    ['cap.industrialNetwork', '发酵车间有工业以太网，发酵车间的二楼还没拉'],
    // Phrasings of our own.
    ['cap.mes', '总装车间上了MES，总装车间的返修区还没用'],
    ['cap.industrialNetwork', '一车间有以太网，一车间二楼还没布线'],
    ['cap.industrialNetwork', '机加车间wifi都覆盖了 机加车间东头那块信号还不行'],
    // A floor is a part of the plant, named or not.
    ['cap.industrialNetwork', '有以太网，二楼还没拉'],
    ['cap.mes', 'MES用着呢，三楼的包装还没上'],
  ])('at %s 「%s」 is partly built, for a workshop applicant too', (id, text) => {
    expect(read(id, text)).toEqual({ [id]: 'partial' });
    expect(read(id, text, 'smartWorkshop')).toEqual({ [id]: 'partial' });
  });

  it.each([
    // Another workshop lacking it leaves open which one applies.
    ['cap.industrialNetwork', '发酵车间有工业以太网，灌装车间还没拉', ['灌装车间还没拉']],
    ['cap.industrialNetwork', '一车间有以太网，二车间还没', ['二车间还没']],
  ])('near miss: at %s 「%s」 a workshop applicant is asked which workshop applies', (id, text, choices) => {
    expect(read(id, text, 'smartWorkshop')).toEqual({ kind: 'unclear', reason: 'whichWorkshop', choices });
  });

  it.each([
    ['cap.industrialNetwork', '没有，一楼二楼都没拉', false],
    ['cap.industrialNetwork', '二楼三楼都有以太网', true],
  ])('near miss: at %s 「%s」 reads %s', (id, text, value) => {
    expect(read(id, text)).toEqual({ [id]: value });
  });
});
