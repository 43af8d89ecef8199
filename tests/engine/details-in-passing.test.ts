import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createKnowledgeBase } from '../../server/knowledge/base';
import { createRules } from '../../server/chat/rules';
import { equipmentCountsOf, loneEquipmentCounts } from '../../server/engine/interpret';
import { loadKnowledgeData } from '../../server/knowledge/load';
import type { QuestionView } from '../../server/schemas/interview';
import { realKb } from './kb';
import { items, q } from './readings';

/*
 * Interview replies whose details were lost or misread: a system used little is partly in use; a self-assessment's yes
 * resting on systems that bear nothing on it is theirs, not the rate's; a line counted in lines is in place; a lone count
 * of the workshop's equipment is kept for its form; 「前面说过了」 finds the figure said before; a nod after turning from
 * 政策问答 answers nothing; a scope said alone (全车间) at a story's field is no person's name. Each with the phrasing
 * reported, new ones of the same meaning, and near misses whose reading must not change.
 */
const kb = realKb();
const rules = createRules(createKnowledgeBase(loadKnowledgeData(resolve(__dirname, '../../knowledge'), 'henan-2023')));
const WORKSHOP = { 'cat.scope': 'workshop' } as const;
const formView = (id: string): QuestionView => rules.views(WORKSHOP as never, [id])[0]!;
const read = (text: string, pending: QuestionView, answers: Record<string, unknown> = WORKSHOP) => {
  const r = rules.interpret(text, pending, answers as never);
  return r.kind === 'answers' ? Object.fromEntries(r.items.map((i) => [i.questionId, i.value])) : r.kind === 'unclear' ? `unclear:${r.reason ?? ''}` : r.kind;
};

describe('a system used little is partly in use', () => {
  it.each([
    ['cap.cadCae', 'CAE仿真做的少'],
    ['cap.mes', 'MES用得不多'],
    ['cap.cadCae', 'CAE做得不多'],
    ['cap.cadCae', '仿真搞得比较少'],
    ['cap.scada', 'SCADA跑的不太多'],
    ['cap.cadCae', 'CAD有，CAE仿真做的少'],
  ])('at %s, 「%s」 is partial', (id, text) => {
    expect(items(text, q(id))).toEqual({ [id]: 'partial' });
  });

  it('said beside another answer, the little-used system is partial in passing', () => {
    expect(items('ERP有，MES用得不多', q('cap.erp'))).toEqual({ 'cap.erp': true, 'cap.mes': 'partial' });
  });

  // Near misses: much use, or use done well, is a yes; a plain 不多 to a yes-or-no question is still its no.
  it.each([
    ['cap.cadCae', 'CAE仿真做得很好', true],
    ['cap.mes', 'MES用得很多', true],
    ['cap.cadCae', 'CAE做得不少', true],
    ['ent.greenPriority', '不多', false],
  ] as const)('near miss at %s: 「%s」 stays %s', (id, text, want) => {
    expect(items(text, q(id))).toEqual({ [id]: want });
  });
});

describe('a self-assessment\'s yes resting on systems that bear nothing on it', () => {
  it.each([
    ['self.networkingAdvanced', '算是吧，上了ERP'],
    ['self.networkingAdvanced', '算是，上了ERP'],
    ['self.networkingAdvanced', '算得上，我们ERP和OA都用了好几年'],
    ['self.automationAdvanced', '算是，上了ERP'],
  ])('at %s, 「%s」 records the system and leaves the rate unanswered', (id, text) => {
    expect(items(text, q(id))).toEqual({ 'cap.erp': true });
  });

  // Near misses: the judgement alone, or with what the rate is about, answers it.
  it.each([
    ['self.networkingAdvanced', '算是吧'],
    ['self.networkingAdvanced', '算是吧，设备都接了工业以太网'],
    ['self.networkingAdvanced', '算是吧，SCADA把设备都连起来了'],
    ['self.networkingAdvanced', '算是吧，联网的有八十多台'],
    ['self.automationAdvanced', '算是，机器人和数控机床都有'],
  ])('near miss at %s: 「%s」 answers yes', (id, text) => {
    expect(items(text, q(id))).toMatchObject({ [id]: true });
  });

  it('at a networking capability, 「算是吧，上了ERP」 records ERP and answers no network', () => {
    expect(items('算是吧，上了ERP', q('cap.industrialNetwork'))).toEqual({ 'cap.erp': true });
  });
});

describe('a line counted in lines is in place', () => {
  it.each([
    ['self.automationAdvanced', '不好说，柔性线有一条', { 'cap.flexibleCell': true }],
    ['self.automationAdvanced', '这个不清楚，柔性线有一条，MES也上了', { 'cap.flexibleCell': true, 'cap.mes': true }],
    ['metric.automationRatio', '七成左右，柔性线有一条', { 'cap.flexibleCell': true, 'metric.automationRatio': 70 }],
    ['cap.mes', '有，自动化线两条', { 'cap.automatedLines': true, 'cap.mes': true }],
  ] as const)('at %s, 「%s」 records %j', (id, text, want) => {
    expect(items(text, q(id))).toEqual(want);
  });

  // Near misses: devices counted are counted, not a line said in place.
  it.each([
    ['cap.mes', '有，自动化设备260台', { 'cap.mes': true }],
    ['self.automationAdvanced', '联网的有六十台左右', 'unclear'],
  ] as const)('near miss at %s: 「%s」 reads %j', (id, text, want) => {
    expect(items(text, q(id))).toEqual(want);
  });
});

describe('a lone count of equipment', () => {
  it.each([
    ['联网的有六十台左右', [{ kind: 'networked', value: 60, approx: true, said: '联网的有六十台左右' }]],
    ['是，联网的有六十台左右', [{ kind: 'networked', value: 60, approx: true, said: '联网的有六十台左右' }]],
    ['数控的有九十台', [{ kind: 'automated', value: 90, approx: false, said: '数控的有九十台' }]],
    // CNC equipment is numerically controlled, as 数控 is; its Latin 「n」 is no no.
    ['CNC设备120台', [{ kind: 'automated', value: 120, approx: false, said: 'CNC设备120台' }]],
    // Machines that are automated by what they are: 数控机床, CNC, 加工中心, robots.
    ['数控机床30台', [{ kind: 'automated', value: 30, approx: false, said: '数控机床30台' }]],
    ['cnc有三十台', [{ kind: 'automated', value: 30, approx: false, said: 'cnc有三十台' }]],
    ['加工中心20台', [{ kind: 'automated', value: 20, approx: false, said: '加工中心20台' }]],
    ['焊接机器人有12台', [{ kind: 'automated', value: 12, approx: false, said: '焊接机器人有12台' }]],
  ] as const)('「%s」 gives %j', (text, want) => {
    expect(loneEquipmentCounts(kb.interview.vocabulary, text)).toEqual(want);
  });

  // The unit a count is of, where its clause names one: the plant's count is no workshop's.
  it.each([
    ['厂里设备两百多台', 'factory'],
    ['全厂设备一共260台', 'factory'],
    ['整个厂设备有三百来台', 'factory'],
    ['车间设备一共一百二十台', 'workshop'],
    ['设备一共一百二十台', undefined],
  ] as const)('「%s」 is a count of the %s', (text, scope) => {
    const [c] = loneEquipmentCounts(kb.interview.vocabulary, text);
    expect(c?.kind).toBe('total');
    expect(c?.scope).toBe(scope);
  });

  // Near misses: the rest counted, a plan, points rather than devices, a pair that gives a ratio.
  it.each(['机床120台', '没联网的有二十台', '计划明年联网30台', '有一百来个点能自动采', '自动化的大概有40台，联网的三十台', '员工420人'])('「%s」 gives none', (text) => {
    expect(loneEquipmentCounts(kb.interview.vocabulary, text)).toEqual([]);
  });

  it.each([
    ['self.automationAdvanced', '联网的有六十台左右', { 'form.ws.1.networkedEquipment': 60 }],
    ['self.automationAdvanced', '是，联网的有六十台左右', { 'self.automationAdvanced': true, 'form.ws.1.networkedEquipment': 60 }],
    ['self.networkingAdvanced', '不清楚，联上网的大概五十台', { 'self.networkingAdvanced': null, 'form.ws.1.networkedEquipment': 50 }],
    ['cap.andon', '有，车间设备一共一百二十台', { 'cap.andon': true, 'form.ws.1.equipmentTotal': 120 }],
  ] as const)('a workshop applicant at %s: 「%s」 keeps the count for its form', (id, text, want) => {
    expect(read(text, q(id))).toEqual(want);
  });

  it('is marked round with the words said', () => {
    const r = rules.interpret('是，联网的有六十台左右', q('self.automationAdvanced'), WORKSHOP as never);
    expect(r.kind === 'answers' && r.items.find((i) => i.questionId === 'form.ws.1.networkedEquipment')).toMatchObject({ approx: true, said: '联网的有六十台左右', extra: true });
  });

  // Near misses: a factory's count is the plant's, not a workshop's; a ratio read from the counts keeps them itself.
  it('a factory applicant\'s count is kept for no workshop', () => {
    expect(read('联网的有六十台左右', q('self.automationAdvanced'), { 'cat.scope': 'factory', 'cat.productionMode': 'discrete' })).toBe('unclear:');
  });

  it('counts that give the ratio asked are the ratio\'s', () => {
    expect(read('设备一共110台，联网的有84台', q('metric.networkedRatio'))).toEqual({ 'metric.networkedRatio': 76.4 });
  });
});

describe('a figure said before', () => {
  it.each(['刚才说了，六十台', '前面说过了', '之前讲过了', '这个刚才不是说了吗'])('「%s」 says the answer was given before', (text) => {
    expect(rules.saidBefore?.(text)).toBe(true);
  });

  it.each(['说说看', '刚才那个是多少', '六十台'])('near miss: 「%s」 does not', (text) => {
    expect(rules.saidBefore?.(text)).toBe(false);
  });

  const networked = () => formView('form.ws.1.networkedEquipment');
  it('is found in the latest earlier reply that names the field and gives it', () => {
    expect(rules.earlierAnswer?.(['员工420人', '联网的有六十台左右', '联网的设备有五十台'], networked(), WORKSHOP as never)).toEqual({
      questionId: 'form.ws.1.networkedEquipment',
      value: 60,
      approx: true,
      said: '联网的有六十台左右',
    });
    expect(rules.earlierAnswer?.(['设备一共一百台，联网的有八十台'], q('metric.networkedRatio'), WORKSHOP as never)).toMatchObject({ questionId: 'metric.networkedRatio', value: 80 });
  });

  // Near misses: a count of something else, a reply that itself says 说过了, or no earlier reply at all.
  it.each([[['员工420人', '机器人12台']], [['前面说过了，联网的']], [[]]])('none is found in %j', (said) => {
    expect(rules.earlierAnswer?.(said, networked(), WORKSHOP as never)).toBeUndefined();
  });
});

describe('a nod answers nothing after turning to the interview', () => {
  it.each(['好的', '行', '嗯', 'OK', '好的好的', '嗯嗯，好的开始吧'])('「%s」 is a nod', (text) => {
    expect(rules.acksOnly?.(text)).toBe(true);
  });

  // Near misses: a yes of the item, a nod with a fact, a start of use.
  it.each(['是的', '对', '好的，有', '开始用了', '行，MES上了'])('near miss: 「%s」 is no nod alone', (text) => {
    expect(rules.acksOnly?.(text)).toBe(false);
  });
});

describe('a scope said alone at a story\'s field', () => {
  it.each([
    ['form.cell.ws.infra', '全车间'],
    ['form.cell.ws.infra', '全厂'],
    ['form.cell.ws.infra', '整个厂区'],
    ['form.advantages', '所有车间'],
  ])('at %s, 「%s」 is asked back for the facts, not as a name', (id, text) => {
    expect(read(text, formView(id))).toBe('unclear:bare');
  });

  // Near misses: a real name is still a name; a scope with what it covers is the description; 全 opens a name too.
  it('「全国强」 at a story is still a person\'s name, and at the contact\'s name it is stored', () => {
    expect(read('全国强', formView('form.advantages'))).toBe('unclear:wrongKind');
    expect(read('全国强', formView('form.contact.name'))).toEqual({ 'form.contact.name': '全国强' });
  });

  it('「全车间覆盖千兆工业以太网，接入设备120台」 is the cell\'s description', () => {
    expect(read('全车间覆盖千兆工业以太网，接入设备120台', formView('form.cell.ws.infra'))).toMatchObject({ 'form.cell.ws.infra': '全车间覆盖千兆工业以太网，接入设备120台' });
  });
});

describe('counts that give a ratio, with the automated machines named by what they are', () => {
  it.each([
    ['全厂设备300台，其中CNC 200台', { total: 300, automated: 200, scope: 'factory' }],
    ['车间设备150台，加工中心和机器人一共90台', { total: 150, automated: 90, scope: 'workshop' }],
    // 中心 holds no 中 of 「110台中有84台」.
    ['加工中心50台，联网的40台', { automated: 50, networked: 40 }],
    ['设备110台中有84台联网', { total: 110, networked: 84 }],
  ] as const)('「%s」 gives %j', (text, want) => {
    expect(equipmentCountsOf(kb.interview.vocabulary, text)).toEqual(want);
  });
});
