import { describe, expect, it } from 'vitest';
import { loadKnowledgeData } from '../../server/knowledge/load';
import { loadTemplates } from '../../server/forms/template';
import type { FormsContext } from '../../server/forms/draft';
import { checkFormValue } from '../../server/forms/form-view';
import { createKnowledgeBase } from '../../server/knowledge/base';
import { createRules } from '../../server/chat/rules';
import { phrases } from '../../server/chat/phrases';
import { isGreeting } from '../../server/engine/interpret';
import { loggedAnswerText } from '../../server/staff/interview-reply';

/*
 * A greeting typed while an interview or form item waits answers nothing: it is greeted and the item asked again, never
 * read as a misread reply. The form view's refusals come from knowledge, each said once and worded for its box.
 */
const data = loadKnowledgeData('knowledge', 'henan-2023');
const ctx: FormsContext = { ...data, templates: loadTemplates(), engine: data };
const rules = createRules(createKnowledgeBase(data));
const [interviewQ] = rules.views({}, ['ent.registeredInHenan']);
const [contactName] = rules.views({}, ['form.contact.name']);

describe('a greeting while an item waits', () => {
  it.each(['你好', '您好啊', '在吗？', 'Hi～', '你好，在吗', '下午好！'])('「%s」 is a greeting at the interview and the form', (text) => {
    expect(isGreeting(data, text)).toBe(true);
    expect(rules.interpret(text, interviewQ!, {})).toEqual({ kind: 'unclear', reason: 'greeting' });
    expect(rules.interpret(text, contactName!, {})).toEqual({ kind: 'unclear', reason: 'greeting' });
  });

  it.each(['你好，我们在河南注册的', '好的', '是', '在', '你好吗，我们有MES', '王好'])('「%s」 is no greeting alone', (text) => {
    expect(isGreeting(data, text)).toBe(false);
    expect(rules.interpret(text, interviewQ!, {})).not.toEqual({ kind: 'unclear', reason: 'greeting' });
  });

  it('greets and asks the item again, in the chat phrases', () => {
    const said = phrases.greeting(interviewQ!);
    expect(said).toContain('您好');
    expect(said).toContain(interviewQ!.text);
    expect(said).not.toContain('没能');
  });
});

describe('the form view says each thing once, in knowledge wording', () => {
  it.each(['刘总', '王经理', '张工'])('「%s」 at 联系人姓名 names what the box wants once', (text) => {
    const r = checkFormValue(ctx, {}, 'smartWorkshop', 'form.contact.name', text);
    expect(r.ok).toBe(false);
    const error = (r as { error: string }).error;
    expect(error.startsWith(`「${text}」`), error).toBe(true);
    expect(error.split('联系人姓名').length - 1, error).toBe(1);
  });

  it('a month box asks for a year and month with a month example; a day box for a date', () => {
    const m = data.formQuestions.messages;
    for (const text of ['2022-13', '去年吧', '20220x'])
      expect(checkFormValue(ctx, {}, 'smartWorkshop', 'form.project.start', text), text).toEqual({ ok: false, error: m.badMonth });
    expect(m.badMonth).toContain('2022年5月');
    expect(m.badMonth).not.toMatch(/YYYY|\d{4}-\d{2}-\d{2}/u);
    expect(checkFormValue(ctx, {}, 'smartWorkshop', 'form.foundedOn', '2019-02-30')).toEqual({ ok: false, error: m.badDay });
    expect(m.badDay).not.toMatch(/YYYY/u);
    // A real month in either spelling is taken.
    for (const text of ['2022-05', '2022年5月']) expect(checkFormValue(ctx, {}, 'smartWorkshop', 'form.project.start', text), text).toMatchObject({ ok: true, value: '2022-05' });
  });

  it('a figure box without a figure says so with its unit, in knowledge wording', () => {
    const r = checkFormValue(ctx, {}, 'smartWorkshop', 'form.registeredCapital', '不太清楚具体');
    if (!r.ok) expect([data.formQuestions.messages.notANumber, data.formQuestions.messages.notANumberUnit.replace('{unit}', '万元')]).toContain(r.error);
  });
});

describe('an interview reply in the question log', () => {
  it.each([
    ['[form.contact.name · ] 「刘总」是称呼', '〔回答「联系人姓名」〕「刘总」是称呼'],
    ['[ent.registeredInHenan · 二(一)] 没听明白', `〔回答「${data.interview.questions.find((q) => q.id === 'ent.registeredInHenan')!.label}」（二(一)）〕没听明白`],
  ])('%s is shown by the item\'s label, with no id and no empty slot', (answer, shown) => {
    const text = loggedAnswerText(data, { source: 'interview', answer });
    expect(text).toBe(shown);
    expect(text).not.toMatch(/form\.|ent\.| · /u);
  });

  it('a question\'s answer is shown as it was given', () => {
    expect(loggedAnswerText(data, { source: 'chat', answer: '[x · y] 通知没有说明' })).toBe('[x · y] 通知没有说明');
  });
});
