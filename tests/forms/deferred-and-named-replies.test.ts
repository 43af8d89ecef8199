import { describe, expect, it } from 'vitest';
import { loadKnowledgeData } from '../../server/knowledge/load';
import { createKnowledgeBase } from '../../server/knowledge/base';
import { createRules } from '../../server/chat/rules';
import { phrases } from '../../server/chat/phrases';
import type { Interpretation } from '../../server/schemas/interview';

/*
 * Replies to a form question that are not its value: putting off the field or the part of the form it is in, in words
 * of one's own; naming other fields (each is filled, and the asked one is asked again); a year said relative to the
 * notice's. Read as the chat reads them (rules.interpret), with no answers yet.
 */
const kb = createKnowledgeBase(loadKnowledgeData('knowledge', 'henan-2023'));
const rules = createRules(kb);
const read = (id: string, text: string): Interpretation => {
  const view = rules.views({}, [id])[0];
  if (!view) throw new Error(`no view ${id}`);
  return rules.interpret(text, view, {});
};
const items = (r: Interpretation) => (r.kind === 'answers' ? r.items.map((i) => [i.questionId, i.value]) : r.kind);

describe('a reply putting off the field or its part of the form', () => {
  it.each([
    ['form.capitalNature', '这一部分都先跳过 后面再填', 'basics'],
    ['form.capitalNature', '下一部分', 'basics'],
    ['form.capitalNature', '直接跳到下一部分吧', 'basics'],
    ['form.address', '这部分都以后再补', 'basics'],
    ['form.contact.mobile', '这一块先不填', 'contact'],
    ['form.finance.2021.tax', '这部分先跳过，回头再填', 'finance'],
    ['form.ws.1.lines', '这一部分先不填了', 'workshops@1'],
    ['form.products', '这块后面再说', 'overview'],
    ['form.project.investment', '下一部分', 'project'],
    ['form.ind.headcount.before', '这一大部分先跳过', 'indicators'],
  ])('skips the part of the form of %s on 「%s」', (id, text, section) => {
    expect(read(id, text)).toEqual({ kind: 'answers', items: [{ questionId: id, value: null }], wholeGroup: true, section });
  });

  // Words pointing at the fields shown together reach no further than that run; a field with none puts off its part.
  it.each([
    ['form.capitalNature', '这块先不填', 'enterprise'],
    ['form.ind.headcount.before', '这几项先跳过', 'headcount'],
    ['form.ws.1.equipmentTotal', '这几栏先空着', 'equipmentCounts@1'],
    ['form.ws.2.networkedEquipment', '这些回头再填', 'equipmentCounts@2'],
    ['form.project.start', '这两项先不填', 'projectPeriod'],
    ['form.patents.invention', '这几个先空着', 'patents'],
  ])('skips the run of fields shown with %s on 「%s」', (id, text, section) => {
    expect(read(id, text)).toEqual({ kind: 'answers', items: [{ questionId: id, value: null }], wholeGroup: true, section });
  });

  it('reads 「这几个能先空着吗」 as a question, not a put-off', () => {
    expect(read('form.patents.invention', '这几个能先空着吗')).toEqual({ kind: 'question' });
  });

  it('skips a year\'s figures on 「这几栏先不填」 at one of them, as its group', () => {
    expect(read('form.finance.2021.revenue', '这几栏先不填')).toEqual({ kind: 'answers', items: [{ questionId: 'form.finance.2021.revenue', value: null }], wholeGroup: true });
  });

  it.each([
    ['form.capitalNature', '这个以后再说'],
    ['form.capitalNature', '这项先不填'],
    ['form.capitalNature', '下一个'],
    ['form.creditCode', '这个先跳过吧'],
    ['form.address', '这一项回头再补'],
    ['form.registeredCapital', '下一题'],
    ['form.honours', '这个后面再填'],
    ['form.project.start', '这个再说'],
    ['form.employees', '跳过吧'],
  ])('skips the field %s alone on 「%s」', (id, text) => {
    expect(read(id, text)).toEqual({ kind: 'answers', items: [{ questionId: id, value: null }] });
  });

  it('still reads a value that opens with the same words as that value', () => {
    expect(items(read('form.capitalNature', '民营'))).toEqual([['form.capitalNature', '民营']]);
    expect(items(read('form.name', '下一代新材料科技有限公司'))).toEqual([['form.name', '下一代新材料科技有限公司']]);
    expect(items(read('form.project.name', '这一部分产线改造项目'))).toEqual([['form.project.name', '这一部分产线改造项目']]);
    // A part of the form named that does not hold the asked field puts nothing off from here.
    expect(read('form.capitalNature', '财务的先跳过')).not.toMatchObject({ wholeGroup: true });
  });
});

describe('a reply naming other fields while the credit code waits', () => {
  it.each([
    ['联系人是王建国 手机13838011234', [['form.contact.name', '王建国'], ['form.contact.mobile', '13838011234']]],
    ['联系人王建国，13838011234', [['form.contact.name', '王建国'], ['form.contact.mobile', '13838011234']]],
    ['联系人王建国，电话0371-86551234', [['form.contact.name', '王建国'], ['form.contact.phone', '0371-86551234']]],
    ['员工三百二十人 其中研发人员四十五个', [['form.employees', 320], ['form.rnd.staff', 45]]],
    ['员工320人，研发人员45人', [['form.employees', 320], ['form.rnd.staff', 45]]],
  ])('fills each field 「%s」 names, and not the credit code', (text, want) => {
    const r = read('form.creditCode', text);
    expect(items(r)).toEqual(want);
    if (r.kind === 'answers') for (const i of r.items) expect(i.extra, i.questionId).toBe(true);
  });

  it('takes a number after a person only by its shape, and keeps the person\'s name alone otherwise', () => {
    expect(items(read('form.creditCode', '联系人是王建国 很忙'))).not.toContainEqual(['form.contact.mobile', expect.anything()]);
    expect(items(read('form.creditCode', '联系人是王建国 12345'))).not.toContainEqual(['form.contact.mobile', expect.anything()]);
  });

  it('asks a value of another kind back without saying the field twice', () => {
    const r = read('form.creditCode', '2015年');
    expect(r.kind).toBe('unclear');
    const view = rules.views({}, ['form.creditCode'])[0]!;
    const msg = r.kind === 'unclear' ? phrases.wrongKind(view, r.choices ?? [], r.field) : '';
    expect(msg).toContain('18位统一社会信用代码');
    expect(repeated(msg, 6)).toEqual([]);
  });
});

/** Runs of at least `n` characters that occur twice in a message. */
function repeated(text: string, n: number): string[] {
  const out = new Set<string>();
  for (let i = 0; i + n <= text.length; i++) {
    const s = text.slice(i, i + n);
    if (text.indexOf(s, i + 1) >= 0) out.add(s);
  }
  return [...out];
}

describe('a year said relative to the notice\'s (2023: 去年 is 2022)', () => {
  it.each([
    ['form.finance.2022.revenue', '去年营业收入一点二亿', [['form.finance.2022.revenue', 12000]]],
    ['form.finance.2022.revenue', '上一年营业收入12000万', [['form.finance.2022.revenue', 12000]]],
    ['form.finance.2021.revenue', '去年营业收入一点二亿', [['form.finance.2022.revenue', 12000]]],
    ['form.finance.2022.revenue', '去年营收1.2亿，前年营收1亿', [['form.finance.2022.revenue', 12000], ['form.finance.2021.revenue', 10000]]],
    ['form.finance.2020.totalAssets', '大前年总资产8000万', [['form.finance.2020.totalAssets', 8000]]],
    ['form.creditCode', '上年度利润八百万', [['form.finance.2022.profit', 800]]],
  ])('at %s reads 「%s」', (id, text, want) => {
    expect(items(read(id, text))).toEqual(want);
  });

  it('records no figure for a year the form has no column for, and tells why', () => {
    const r = read('form.finance.2022.revenue', '今年营收1.5亿');
    expect(items(r)).toEqual([]);
    expect(r.kind === 'answers' && r.notes?.length).toBe(1);
  });
});
