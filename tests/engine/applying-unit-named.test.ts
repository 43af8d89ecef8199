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

/** The applying workshop a reply names beside its answer, if any. */
const unitAt = (id: string, text: string, category: Category | null = null) => {
  const r = interpret(realKb(), text, q(id), category);
  return r.kind === 'answers' ? r.unit : undefined;
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

describe('the 已获称号车间 question, asked of the applying workshop itself', () => {
  it.each([
    ['还报这个木门车间', true],
    ['还报原来那个', true],
    ['就是那个车间', true],
    ['报的还是总装车间', true],
    ['报的是其他车间', false],
    ['报的是另一个车间', false],
    ['这回换了个总装车间来报', false],
  ])('is answered by words that say whether it is the one titled: 「%s」 is %s', (text, value) => {
    expect(read('ent.titledWorkshopAgain', text)).toEqual({ 'ent.titledWorkshopAgain': value });
  });

  it.each([
    // A name alone says which workshop applies, not whether it is the one titled: its 是 is a name's.
    ['这次报的是总装车间', '总装车间'],
    ['我们申报的是涂装车间', '涂装车间'],
    ['拿焊装车间来报', '焊装车间'],
  ])('「%s」 names %s and answers nothing', (text, unit) => {
    expect(read('ent.titledWorkshopAgain', text, 'smartWorkshop')).toEqual({ kind: 'unclear', reason: 'applyingUnit', choices: [unit] });
  });

  it.each([
    ['换成总装车间来报', '总装车间'],
    ['这回改成冲压车间申报', '冲压车间'],
    ['换个焊装车间来报', '焊装车间'],
  ])('a name with the question\'s own words for a no answers, with the name beside it: 「%s」 names %s', (text, unit) => {
    expect(read('ent.titledWorkshopAgain', text, 'smartWorkshop')).toEqual({ 'ent.titledWorkshopAgain': false });
    expect(unitAt('ent.titledWorkshopAgain', text, 'smartWorkshop')).toBe(unit);
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

describe('the applying workshop named beside an answer, kept as a 智能车间 form\'s 车间名称', () => {
  const rules = createRules(createKnowledgeBase(realKb()));
  const NAME = 'form.ws.1.name';

  it('at the 已获称号车间 question the no is stored with the name beside it', () => {
    expect(rules.interpret('不是，这次报的是总装车间', q('ent.titledWorkshopAgain'), { 'cat.scope': 'workshop', 'cat.productionMode': 'discrete' })).toMatchObject({
      kind: 'answers',
      items: [{ questionId: 'ent.titledWorkshopAgain', value: false }, { questionId: NAME, value: '总装车间', extra: true }],
    });
  });

  it('a 智能工厂 chosen before the production mode keeps no workshop name, alone or beside an answer', () => {
    const factory = { 'cat.scope': 'factory' };
    expect(rules.interpret('没有，我们这次报的是总装车间', q('ent.appliedThisYear'), factory)).toEqual({ kind: 'answers', items: [{ questionId: 'ent.appliedThisYear', value: false }], unit: '总装车间' });
    expect(rules.interpret('这回拿焊装车间来报', q('ent.appliedThisYear'), factory)).toEqual({ kind: 'unclear', reason: 'applyingUnit', choices: ['焊装车间'] });
  });

  const kept = { 'ent.appliedThisYear': false, [NAME]: '总装车间' };
  const applied = (answers: Record<string, unknown>, id: string, value: string) => {
    const r = rules.apply(answers as never, id, value);
    if (!r.ok) throw new Error(r.error);
    return r.answers;
  };

  it('choosing 智能工厂 after it lets the name go, so the factory\'s 车间1 is asked like its others', () => {
    const a = applied(kept, 'cat.scope', 'factory');
    expect(a).toEqual({ 'ent.appliedThisYear': false, 'cat.scope': 'factory' });
    expect(applied(a, 'cat.productionMode', 'discrete')).not.toHaveProperty(NAME);
  });

  it.each([
    ['智能车间 chosen', kept, 'cat.scope', 'workshop'],
    ['another answer before the category', kept, 'ent.city', '郑州市'],
    ['a workshop form begun', { ...kept, 'cat.scope': 'workshop', 'form.ws.1.lines': '总装一线' }, 'cat.scope', 'factory'],
    ['a factory\'s own workshops', { 'cat.scope': 'factory', 'form.workshopCount': 2, [NAME]: '总装车间' }, 'cat.productionMode', 'discrete'],
  ] as const)('near miss: %s keeps the name', (_, answers, id, value) => {
    expect(applied(answers, id, value)).toHaveProperty(NAME, '总装车间');
  });
});

describe('the applying workshop named at the 另有申报 question', () => {
  const unitOf = (text: string) => unitAt('ent.appliedThisYear', text);
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

describe('the applying workshop named at the 已获称号车间 question, beside the answer', () => {
  const Q = 'ent.titledWorkshopAgain';
  const unitOf = (text: string) => unitAt(Q, text, 'smartWorkshop');
  it.each([
    // As reported.
    ['不是，这次报的是总装车间', false, '总装车间'],
    // Phrasings of our own.
    ['不是，报的是总装车间', false, '总装车间'],
    ['不是的。申报的是涂装车间。', false, '涂装车间'],
    ['不是那个 俺们这回拿冲压车间来申报', false, '冲压车间'],
    ['不是的，申报单位是装配车间', false, '装配车间'],
    ['不是，我们打算报的是二车间哈', false, '二车间'],
    ['不是同一个，报的是焊装车间', false, '焊装车间'],
    ['不是，这次换成总装车间来报', false, '总装车间'],
    ['不是，改成冲压车间申报了', false, '冲压车间'],
    ['不是，这回换喷漆车间报', false, '喷漆车间'],
    // A yes beside the name: the titled workshop applies again, and that is the one named.
    ['是，报的就是总装车间', true, '总装车间'],
    ['对的 申报的是涂装车间', true, '涂装车间'],
  ])('「%s」 is %s, with %s beside it', (text, value, unit) => {
    expect(read(Q, text, 'smartWorkshop')).toEqual({ [Q]: value });
    expect(unitOf(text)).toBe(unit);
  });

  it.each([
    // As reported: the titled workshop is the one said, no applying one.
    ['是的，总装车间去年评上了', { [Q]: true }],
    ['是，就是总装车间', { [Q]: true }],
    ['对，还是总装车间', { [Q]: true }],
    ['是的，这次报的还是总装车间', { [Q]: true }],
    // Another workshop said to apply, named by no name.
    ['不是，是别的车间', { [Q]: false }],
    ['不是，报的是别的车间', { [Q]: false }],
    ['没有，报的是另一个车间', { [Q]: false }],
    // The workshop said to have been titled is no applying one: the 不是 beside it answers.
    ['不是，评上的是总装车间', { [Q]: false }],
    ['不是，总装车间评上了', { [Q]: false }],
    ['不是，原来那个是总装车间', { [Q]: false }],
    // Its name alone says which was titled, not whether it applies again.
    ['原来那个是总装车间', { kind: 'unclear' }],
    ['之前评上的是焊装车间', { kind: 'unclear' }],
  ] as const)('near miss: 「%s」 reads %j with no workshop beside it', (text, expected) => {
    expect(read(Q, text, 'smartWorkshop')).toEqual(expected);
    expect(unitOf(text)).toBeUndefined();
  });

  it('a changed-to workshop names no 换成 with it, at the other questions too', () => {
    expect(read('ent.appliedThisYear', '换成总装车间来报')).toEqual({ kind: 'unclear', reason: 'applyingUnit', choices: ['总装车间'] });
    expect(read('cap.mes', '这回改成冲压车间申报')).toEqual({ kind: 'unclear', reason: 'applyingUnit', choices: ['冲压车间'] });
    // 改装、换热 open a workshop's own name.
    expect(read('cap.mes', '报的是改装车间')).toEqual({ kind: 'unclear', reason: 'applyingUnit', choices: ['改装车间'] });
    expect(read('cap.mes', '改装车间申报')).toEqual({ kind: 'unclear', reason: 'applyingUnit', choices: ['改装车间'] });
    expect(read('ent.appliedThisYear', '换热车间来报')).toEqual({ kind: 'unclear', reason: 'applyingUnit', choices: ['换热车间'] });
    expect(read('ent.appliedThisYear', '没有，报的是换热车间')).toEqual({ 'ent.appliedThisYear': false });
    expect(unitAt('ent.appliedThisYear', '没有，报的是换热车间')).toBe('换热车间');
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

describe('the 已获称号车间 question: the titled workshop named beside the applying one', () => {
  const Q = 'ent.titledWorkshopAgain';
  const unitOf = (text: string) => unitAt(Q, text, 'smartWorkshop');
  it.each([
    // As reported.
    ['不是，原来那个是总装车间，这次报的是涂装车间', false, '涂装车间'],
    // Phrasings of our own: two names are two workshops, whatever the 原来那个 or 是 of the titled one.
    ['原来评上的是总装车间，今年报的是涂装车间', false, '涂装车间'],
    ['不是，原来是总装车间，这次报涂装车间', false, '涂装车间'],
    ['总装车间去年评上了，这回拿焊装车间来报', false, '焊装车间'],
    ['之前那个是一车间 我们申报的是二车间', false, '二车间'],
    ['不是，这次报的是涂装车间，总装车间已经评过了', false, '涂装车间'],
    // One name for both: the titled workshop applies again.
    ['评上的是总装车间，这次报的是总装车间', true, '总装车间'],
    ['对，之前评上的是焊装车间，报的就是焊装车间', true, '焊装车间'],
  ])('「%s」 is %s, with %s beside it', (text, value, unit) => {
    // 「评过了」 beside it also says the 智能车间 title held, in passing.
    expect(read(Q, text, 'smartWorkshop')).toMatchObject({ [Q]: value });
    expect(unitOf(text)).toBe(unit);
  });

  it('a bare yes against two names leaves the item open, the applying name kept beside it', () => {
    expect(read(Q, '是的，总装车间去年评上了，这次报的是涂装车间', 'smartWorkshop')).toEqual({ kind: 'unclear', reason: 'applyingUnit', choices: ['涂装车间'] });
  });

  it.each([
    // As reported: a newly built workshop is not the one titled before.
    ['报的是新建的总装车间', '总装车间'],
    // Phrasings of our own.
    ['这次报的是刚建好的涂装车间', '涂装车间'],
    ['我们报的是新建的三号车间哈', '三号车间'],
    ['拿新投产的喷漆车间来报', '喷漆车间'],
  ])('「%s」 is a no, with %s beside it', (text, unit) => {
    expect(read(Q, text, 'smartWorkshop')).toEqual({ [Q]: false });
    expect(unitOf(text)).toBe(unit);
  });

  it('near miss: a newly built workshop named at other questions is its name only', () => {
    expect(read('cap.mes', '我们报的是新建的发酵车间')).toEqual({ kind: 'unclear', reason: 'applyingUnit', choices: ['发酵车间'] });
    expect(read('ent.appliedThisYear', '没有，报的是新建的总装车间')).toEqual({ 'ent.appliedThisYear': false });
    expect(unitAt('ent.appliedThisYear', '没有，报的是新建的总装车间')).toBe('总装车间');
    expect(read('cap.mes', '新建的车间有MES')).toEqual({ 'cap.mes': true });
  });

  it.each([
    // As reported: the applying workshop said by its process alone.
    ['评上的那个是总装车间，这回报涂装', false, '涂装车间'],
    // Phrasings of our own.
    ['原来那个是焊装车间，这次报的是冲压', false, '冲压车间'],
    ['总装车间去年评上了，今年报涂装', false, '涂装车间'],
    ['原来那个是涂装车间，这次拿机加工来报', false, '机加工车间'],
    ['评上的那个是总装车间，这回报涂装吧', false, '涂装车间'],
    ['评上的那个是总装车间，这回报总装', true, '总装车间'],
  ])('「%s」 is %s, the process read as %s', (text, value, unit) => {
    expect(read(Q, text, 'smartWorkshop')).toMatchObject({ [Q]: value });
    expect(unitOf(text)).toBe(unit);
  });

  it.each([
    // A word that names no process names no workshop.
    ['评上的那个是总装车间，这回报省级的', { kind: 'unclear' }],
    ['评上的那个是总装车间，这回报个', { kind: 'unclear' }],
    ['评上的那个是总装车间，这回还报它', { kind: 'unclear' }],
    // The category said, not a workshop.
    ['评上的那个是总装车间，这回报智能工厂', { 'cat.scope': 'factory' }],
  ] as const)('near miss: 「%s」 reads %j with no workshop beside it', (text, expected) => {
    expect(read(Q, text, 'smartWorkshop')).toEqual(expected);
    expect(unitOf(text)).toBeUndefined();
  });

  it.each([
    ['是的，总装车间去年评上了', true],
    ['是，就是那个车间，原来的', true],
    ['还报原来那个', true],
    ['不是原来那个', false],
  ])('near miss: 「%s」 reads %s as before', (text, value) => {
    expect(read(Q, text, 'smartWorkshop')).toEqual({ [Q]: value });
  });
});
