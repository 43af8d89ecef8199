import { describe, expect, it } from 'vitest';
import { loadKnowledgeData } from '../../server/knowledge/load';
import { loadTemplates } from '../../server/forms/template';
import { fillForm } from '../../server/forms/fill';
import { checkFormValue, buildFormView } from '../../server/forms/form-view';
import { formFactsFromAnswers, formView, interpretForm, planForm } from '../../server/forms/phase';
import { DraftProfile } from '../../server/schemas/forms';

/*
 * 传真 has a cell on every 附件 and many enterprises have no fax: it is asked, and a none said of it (「没有传真」「无」)
 * is a real answer, stored as 无 and printed 无, never a skip that leaves 〔请补充〕 on the signed form.
 */
const kb = loadKnowledgeData('knowledge', 'henan-2023');
const ctx = { ...kb, templates: loadTemplates() };
const FAX = 'form.contact.fax';
const read = (t: string, id = FAX) => interpretForm(kb, t, formView(kb, id, 'smartWorkshop'));

describe('传真 on the form', () => {
  it('is asked after the contact\'s other numbers, in every 附件', () => {
    const start = { 'form.proceed': 'now', 'form.contact.name': '王磊', 'form.contact.title': '经理', 'form.contact.phone': '0371-66668888', 'form.contact.mobile': '13837112345' };
    for (const category of ['smartWorkshop', 'discreteFactory', 'processFactory'] as const) {
      let a: Record<string, unknown> = start;
      const asked: string[] = [];
      for (let i = 0; i < 200; i++) {
        const q = planForm(kb, a as never, category).question;
        if (!q) break;
        asked.push(q.id);
        a = { ...a, [q.id]: null };
      }
      expect(asked, category).toContain(FAX);
    }
  });

  it.each([
    // The reported phrasings.
    '没有传真',
    '无',
    // New phrasings of the same meaning.
    '传真早就不用了',
    '俺们厂早没传真机了',
    '暂无',
    '传真：无',
  ])('「%s」 is stored as 无, a real answer', (t) => {
    expect(read(t)).toEqual({ kind: 'answers', items: [{ questionId: FAX, value: '无' }] });
  });

  it.each([
    ['传真0371-66668889', '0371-66668889'],
    ['0371-66668889', '0371-66668889'],
    ['跳过', null],
    ['不知道', null],
  ] as const)('near miss: 「%s」 is %s, not 无', (t, value) => {
    expect(read(t)).toEqual({ kind: 'answers', items: [{ questionId: FAX, value }] });
  });

  it('near miss: a none of another field stays that field left empty; 「传真有，号码还没记住」 is no none', () => {
    expect(read('没有邮箱', 'form.contact.email')).toEqual({ kind: 'answers', items: [{ questionId: 'form.contact.email', value: null }] });
    expect(read('传真有，号码还没记住')).toMatchObject({ kind: 'unclear' });
  });

  it('prints 无 in the draft and the form view; unanswered, it stays a request', () => {
    const print = (answers: Record<string, string>) => fillForm(ctx, DraftProfile.parse({ enterprise: { name: '某公司' }, form: formFactsFromAnswers(ctx, answers) }), 'smartWorkshop').values['contact.fax'];
    expect(print({ [FAX]: '无' })).toEqual({ text: '无', numbers: [] });
    expect(print({})).toMatchObject({ missing: '联系人传真' });
    const fields = buildFormView(kb, { [FAX]: '无' }, 'discreteFactory').sections.flatMap((s) => s.groups.flatMap((g) => g.rows.flatMap((r) => r.fields)));
    expect(fields.find((f) => f.questionId === FAX)).toMatchObject({ display: '无', status: 'filled' });
  });

  it('the form view\'s box takes 「没有传真」 as 无 and still refuses a number short of digits', () => {
    expect(checkFormValue(kb, {}, 'smartWorkshop', FAX, '没有传真')).toEqual({ ok: true, value: '无', display: '无' });
    expect(checkFormValue(kb, {}, 'smartWorkshop', FAX, '0371-6666')).toMatchObject({ ok: false });
  });
});
