import { describe, expect, it } from 'vitest';
import { loadKnowledgeData } from '../../server/knowledge/load';
import { applyFormAnswer, approximateSaid, describeForm, interpretForm, markApproximate, planForm, type Answers } from '../../server/forms/phase';
import type { Interpretation } from '../../server/schemas/interview';

/* A reply to one form question that also states other fields: each stated fact goes to its own field. */

const kb = loadKnowledgeData('knowledge', 'henan-2023');
const pending = (id: string) => ({ id, text: '', kind: 'text' as const, phase: 'form' as const });
const read = (id: string, text: string) => interpretForm(kb, text, pending(id));

/** Records every item of a reading as the chat does for a field still unanswered; returns the answers. */
function record(answers: Answers, r: Interpretation): Answers {
  if (r.kind !== 'answers') throw new Error(`not read as answers: ${JSON.stringify(r)}`);
  let next = answers;
  for (const item of r.items) {
    const res = applyFormAnswer(kb, next, item.questionId, item.value);
    if (res.ok) next = res.answers;
  }
  return next;
}

describe('facts stated in passing in a form reply', () => {
  it('fills the contact\'s title, phone and e-mail given with the name, and keeps 联系人 out of the name', () => {
    expect(read('form.contact.name', '联系人王磊，财务部经理，电话13837112345，邮箱wl@abc.com')).toEqual({ kind: 'answers', items: [
      { questionId: 'form.contact.name', value: '王磊' },
      { questionId: 'form.contact.title', value: '财务部经理', extra: true },
      { questionId: 'form.contact.phone', value: '13837112345', extra: true },
      { questionId: 'form.contact.email', value: 'wl@abc.com', extra: true },
    ] });
    // The same with spaces, a name and its value apart, and an e-mail known by its shape alone.
    expect(read('form.contact.name', '王磊 财务部经理 手机 13837112345 wl@abc.com')).toEqual({ kind: 'answers', items: [
      { questionId: 'form.contact.name', value: '王磊' },
      { questionId: 'form.contact.title', value: '财务部经理', extra: true },
      { questionId: 'form.contact.email', value: 'wl@abc.com', extra: true },
      { questionId: 'form.contact.mobile', value: '13837112345', extra: true },
    ] });
  });

  it('records the extras so that they are not asked again, and lists them with their labels', () => {
    const start: Answers = { 'form.proceed': 'now', 'form.name': '郑州精工有限公司', 'form.creditCode': null, 'form.industry': null, 'form.foundedOn': '2009-05-18', 'form.address': null, 'form.registeredCapital': 5000, 'form.capitalNature': '民营', 'form.employees': 300 };
    expect(planForm(kb, start, 'smartWorkshop').question?.id).toBe('form.contact.name');
    const answers = record(start, read('form.contact.name', '联系人王磊，财务部经理，电话13837112345，邮箱wl@abc.com'));
    const asked: string[] = [];
    let a = answers;
    for (let i = 0; i < 200; i++) {
      const q = planForm(kb, a, 'smartWorkshop').question;
      if (!q) break;
      asked.push(q.id);
      a = { ...a, [q.id]: null };
    }
    // The phone given is a mobile number, so the mobile is not asked for either.
    for (const id of ['form.contact.name', 'form.contact.title', 'form.contact.phone', 'form.contact.mobile', 'form.contact.email']) expect(asked).not.toContain(id);
    // 传真 was not said: it is asked, with its none (「无」) a real answer, before the leader's name.
    expect(asked.slice(0, 2)).toEqual(['form.contact.fax', 'form.leader.name']);
    const listed = describeForm(kb, answers, 'smartWorkshop');
    expect(listed.find((r) => r.questionId === 'form.contact.phone')).toMatchObject({ label: '联系人电话', display: '13837112345' });
    expect(listed.find((r) => r.questionId === 'form.contact.email')).toMatchObject({ label: '联系人E-mail', display: 'wl@abc.com' });
  });

  it('takes a labelled figure out of a product list and notes a yearly figure said without its year', () => {
    expect(read('form.products', '制动盘60%，轮毂30%，全年营收3.2亿，员工420人')).toEqual({
      kind: 'answers',
      items: [{ questionId: 'form.products', value: '制动盘60%，轮毂30%' }, { questionId: 'form.employees', value: 420, extra: true }],
      notes: [{ said: '全年营收3.2亿', reason: 'yearless' }],
    });
    // 去年 is the year before the notice's (2022 for the 2023 notice): that year's field.
    expect(read('form.products', '制动盘60%，轮毂30%，去年营收3.2亿，员工420人')).toEqual({
      kind: 'answers',
      items: [{ questionId: 'form.products', value: '制动盘60%，轮毂30%' }, { questionId: 'form.finance.2022.revenue', value: 32000, extra: true }, { questionId: 'form.employees', value: 420, extra: true }],
    });
    // With its year, the figure goes to that year's field, in the field's unit.
    expect(read('form.products', '制动盘60%，轮毂30%；2022年营收3.2亿元')).toEqual({ kind: 'answers', items: [
      { questionId: 'form.products', value: '制动盘60%，轮毂30%' },
      { questionId: 'form.finance.2022.revenue', value: 32000, extra: true },
    ] });
    // A share of revenue is part of a product, not a yearly figure.
    expect(read('form.products', '制动盘，占营收的60%；轮毂30%')).toEqual({ kind: 'answers', items: [{ questionId: 'form.products', value: '制动盘，占营收的60%；轮毂30%' }] });
  });

  it('reads a year\'s other figures in a reply to one of them, and a count beside the headcount', () => {
    expect(read('form.finance.2022.revenue', '营收3.2亿，利润2000万')).toEqual({ kind: 'answers', items: [
      { questionId: 'form.finance.2022.revenue', value: 32000 },
      { questionId: 'form.finance.2022.profit', value: 2000, extra: true },
    ] });
    expect(read('form.employees', '420人，研发人员35人')).toEqual({ kind: 'answers', items: [
      { questionId: 'form.employees', value: 420 },
      { questionId: 'form.rnd.staff', value: 35, extra: true },
    ] });
    expect(read('form.name', '郑州精工有限公司，统一社会信用代码91410100MA45K7QX2X')).toEqual({ kind: 'answers', items: [
      { questionId: 'form.name', value: '郑州精工有限公司' },
      { questionId: 'form.creditCode', value: '91410100MA45K7QX2X', extra: true },
    ] });
  });

  it('keeps a round figure said in passing with its own words, so its mark still reads as that figure', () => {
    const r = read('form.employees', '420人，研发人员约35人');
    expect(r).toEqual({ kind: 'answers', items: [
      { questionId: 'form.employees', value: 420 },
      { questionId: 'form.rnd.staff', value: 35, approx: true, extra: true, said: '研发人员约35人' },
    ] });
    const item = r.kind === 'answers' ? r.items[1]! : undefined;
    const res = applyFormAnswer(kb, {}, 'form.rnd.staff', 35);
    if (!res.ok || !item?.said) throw new Error('not recorded');
    expect(approximateSaid(markApproximate(res.answers, 'form.rnd.staff', item.said), 'form.rnd.staff', '人')).toBe('研发人员约35人');
  });

  it('records the address without the postcode the form does not ask for, and notes it', () => {
    for (const text of ['河南省郑州市金水区经三路88号，邮编450000', '河南省郑州市金水区经三路88号 邮政编码：450000'])
      expect(read('form.address', text)).toMatchObject({ kind: 'answers', items: [{ questionId: 'form.address', value: '河南省郑州市金水区经三路88号' }], notes: [{ reason: 'notOnForm' }] });
  });

  it('takes no figure without its field\'s name: a bare 420人 beside the products is not the headcount', () => {
    const r = read('form.products', '制动盘60%，轮毂30%，420人');
    expect(r.kind === 'answers' && r.items.map((i) => i.questionId)).toEqual(['form.products']);
    // 「电话」 alone names the contact's phone only in a reply about the contact.
    expect(read('form.address', '郑州市中原区，电话0371-66667777')).toEqual({ kind: 'unclear', reason: 'notAnAnswer' });
  });

  it('has no word that names two fields in a reply to any one question', () => {
    const qs = kb.formQuestions.questions;
    const scope = (id: string) => (id.split('.').length >= 3 ? id.split('.').slice(0, -1).join('.') : undefined);
    for (const asked of qs) {
      const named = new Map<string, string>();
      for (const q of qs) {
        const words = [...(q.saidAs ?? []), ...(scope(asked.id) && scope(q.id) === scope(asked.id) ? q.nearSaidAs ?? [] : [])];
        for (const w of words) {
          const other = named.get(w.toLowerCase());
          expect(other === undefined || other === q.id, `「${w}」 names ${other} and ${q.id} in a reply to ${asked.id}`).toBe(true);
          named.set(w.toLowerCase(), q.id);
        }
      }
    }
  });

  it('gives a figure named by the asked field\'s own word to the asked year, but not one placed by a relative year', () => {
    expect(read('form.finance.2022.revenue', '营收3200万')).toEqual({ kind: 'answers', items: [{ questionId: 'form.finance.2022.revenue', value: 3200 }] });
    expect(read('form.finance.2020.revenue', '全年营收3200万')).toEqual({ kind: 'answers', items: [{ questionId: 'form.finance.2020.revenue', value: 3200 }] });
    // 去年 names a year of its own, the one before the notice's, which is not the one asked: that year's field.
    expect(read('form.finance.2020.revenue', '去年营收3200万')).toEqual({ kind: 'answers', items: [{ questionId: 'form.finance.2022.revenue', value: 3200, extra: true }] });
    // 今年 names the notice's own year, which the form has no column for: noted with the years the form asks, not recorded.
    expect(read('form.finance.2020.revenue', '今年营收3200万')).toEqual({ kind: 'answers', items: [], notes: [{ said: '今年营收3200万', reason: 'otherYear', year: 2023, years: '2020、2021、2022' }] });
  });

  it('takes a mobile number given as the contact\'s phone for the mobile too, unless the mobile is answered', () => {
    const mobile = applyFormAnswer(kb, {}, 'form.contact.phone', '13837112345');
    expect(mobile.ok && mobile.answers).toMatchObject({ 'form.contact.phone': '13837112345', 'form.contact.mobile': '13837112345' });
    expect(mobile.ok && mobile.recorded.map((r) => r.label)).toEqual(['联系人电话', '联系人手机']);
    const landline = applyFormAnswer(kb, {}, 'form.contact.phone', '0371-65501234');
    expect(landline.ok && landline.answers['form.contact.mobile']).toBeUndefined();
    const kept = applyFormAnswer(kb, { 'form.contact.mobile': '13900000000' }, 'form.contact.phone', '13837112345');
    expect(kept.ok && kept.answers['form.contact.mobile']).toBe('13900000000');
  });

  it('reads a reply with nothing in passing as before', () => {
    expect(read('form.contact.name', '王磊')).toEqual({ kind: 'answers', items: [{ questionId: 'form.contact.name', value: '王磊' }] });
    expect(read('form.address', '河南省郑州市 金水区 经三路88号')).toEqual({ kind: 'answers', items: [{ questionId: 'form.address', value: '河南省郑州市 金水区 经三路88号' }] });
    expect(read('form.products', '制动盘 60%；轮毂（30%）')).toEqual({ kind: 'answers', items: [{ questionId: 'form.products', value: '制动盘 60%；轮毂（30%）' }] });
    // A narrative keeps its figures: they belong to the story it tells.
    expect(read('form.history', '2009年成立，员工200人')).toEqual({ kind: 'answers', items: [{ questionId: 'form.history', value: '2009年成立，员工200人' }] });
  });

  it('passes a malformed extra on for its field\'s check, which refuses it', () => {
    const r = read('form.contact.name', '王磊，邮箱wl#abc');
    expect(r).toEqual({ kind: 'answers', items: [{ questionId: 'form.contact.name', value: '王磊' }, { questionId: 'form.contact.email', value: 'wl#abc', extra: true }] });
    const res = applyFormAnswer(kb, {}, 'form.contact.email', 'wl#abc');
    expect(res.ok).toBe(false);
  });
});
