import { describe, expect, it } from 'vitest';
import { loadKnowledgeData } from '../../server/knowledge/load';
import { applyFormAnswer } from '../../server/forms/phase';
import { checkFormValue } from '../../server/forms/form-view';
import { FormQuestions } from '../../server/knowledge/schemas/forms';

/*
 * A value a form field's own rules refuse is told so in the knowledge version's words (form-questions.json
 * messages.invalid, messages.unknownQuestion), validated at load, and worded as the app always said it.
 */
const kb = loadKnowledgeData('knowledge', 'henan-2023');

/** The same knowledge with other wording, to show the refusals are read from it, not written in code. */
const reworded = {
  ...kb,
  formQuestions: {
    ...kb.formQuestions,
    messages: {
      ...kb.formQuestions.messages,
      invalid: Object.fromEntries(Object.entries(kb.formQuestions.messages.invalid).map(([k, v]) => [k, `[${k}] ${v}`])) as typeof kb.formQuestions.messages.invalid,
      unknownQuestion: '[unknown] {questionId}',
    },
  },
};

const error = (k: typeof kb, id: string, value: unknown) => {
  const r = applyFormAnswer(k, {}, id, value as never);
  expect(r.ok, `${id} = ${JSON.stringify(value)}`).toBe(false);
  return (r as { error: string }).error;
};

const CASES: [string, unknown, string, string][] = [
  ['form.registeredCapital', -100, 'negativeMoney', '“注册资本是多少万元”：金额（万元）不能为负数'],
  ['form.employees', 12.5, 'count', '“企业现有员工多少人”应为非负整数'],
  ['form.employees', 'abc', 'numberUnit', '“企业现有员工多少人”需要一个数字（单位：人）'],
  ['form.contact.email', 'not-an-email', 'email', '“联系人E-mail”不是有效的电子邮箱地址'],
  ['form.name', 42, 'text', '“请填写企业全称（与营业执照一致）。”需要文字回答'],
  ['form.name', '   ', 'empty', '“请填写企业全称（与营业执照一致）。”不能为空；不清楚可以回答“跳过”'],
  ['form.address', '郑'.repeat(121), 'tooLong', '“单位地址（详细地址）”不超过 120 个字'],
  ['form.products', '制动盘 60%；轮毂 50%', 'sharesOver', '“主营产品有哪些，各占营业收入的比例”：各产品占营业收入的比例合计不能超过 100%'],
];

describe('a value the field refuses', () => {
  it.each(CASES)('%s = %j is refused in the words it always had (%s)', (id, value, _key, said) => {
    expect(error(kb, id, value)).toBe(said);
  });

  it.each(CASES)('%s = %j is refused in the knowledge version’s words (%s)', (id, value, key) => {
    expect(error(reworded, id, value)).toMatch(new RegExp(`^\\[${key}\\] `));
  });

  it('is never refused when the value is good: near misses of each rule', () => {
    for (const [id, value] of [['form.registeredCapital', 0], ['form.employees', 12], ['form.contact.email', 'a@b.cn'], ['form.address', '郑'.repeat(120)], ['form.products', '制动盘 60%；轮毂 40%']] as const) {
      expect(applyFormAnswer(kb, {}, id, value).ok, `${id} = ${value}`).toBe(true);
    }
  });

  it('names a question the form does not have, in the form phase and the form view alike', () => {
    expect(error(kb, 'form.nope', 'x')).toBe('未知的问题：form.nope');
    expect(error(reworded, 'form.nope', 'x')).toBe('[unknown] form.nope');
    expect(checkFormValue(kb, {}, 'smartWorkshop', 'form.nope', 'x')).toEqual({ ok: false, error: '未知的问题：form.nope' });
    expect(checkFormValue(reworded, {}, 'smartWorkshop', 'ent.registeredInHenan', 'x')).toEqual({ ok: false, error: '[unknown] ent.registeredInHenan' });
  });

  it('is checked at load: a refusal without the field it names is refused', () => {
    const raw = { ...kb.formQuestions, messages: { ...kb.formQuestions.messages, invalid: { ...kb.formQuestions.messages.invalid, count: '应为非负整数' } } };
    const r = FormQuestions.safeParse(raw);
    expect(r.success).toBe(false);
    expect(JSON.stringify(r.error?.issues.map((i) => i.path))).toContain('"invalid","count"');
    const missing = { ...kb.formQuestions, messages: { ...kb.formQuestions.messages, unknownQuestion: undefined } };
    expect(FormQuestions.safeParse(missing).success).toBe(false);
  });
});

describe('a skipped form answer as the recorded list shows it', () => {
  it('reads the knowledge version’s words, as the app always said them', () => {
    const r = applyFormAnswer(kb, {}, 'form.industry', null);
    expect(r.ok).toBe(true);
    expect((r as { recorded: { display: string }[] }).recorded[0]!.display).toBe('已跳过，稍后补充');
    const other = { ...kb, formQuestions: { ...kb.formQuestions, messages: { ...kb.formQuestions.messages, skipped: '[skipped]' } } };
    expect((applyFormAnswer(other, {}, 'form.industry', null) as { recorded: { display: string }[] }).recorded[0]!.display).toBe('[skipped]');
  });
});
