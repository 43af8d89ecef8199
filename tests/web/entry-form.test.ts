import { describe, expect, it } from 'vitest';
import { entryErrors, entryOf, fieldLabel, formOf } from '../../web/console/entry-form';

const ENTRY = {
  id: 'deadline',
  questions: ['截止时间是哪天？', '什么时候截止'],
  answer: '市、县工信部门于{deadline}前上传推荐汇总表。',
  conclusion: 'value',
  clauses: ['四(四)'],
  quotes: [{ clause: '四(四)', find: '于4月10日前，将“推荐汇总表”上传至平台“推荐库”' }],
  requires: [['截止', '截至']],
};

describe('the answer-entry form of the knowledge review', () => {
  it('round-trips an entry and keeps the fields it does not show', () => {
    const back = entryOf(ENTRY, formOf(ENTRY as never));
    expect(back).toEqual(ENTRY);
    expect(entryErrors(back)).toEqual({});
  });

  it('names each field the answer-base schema refuses, in Chinese', () => {
    const form = formOf(ENTRY as never);
    const errors = entryErrors(
      entryOf(ENTRY, { ...form, questions: '截止时间', answer: '4月', quotes: [{ clause: '四（四）', find: '于' }, { clause: '四(四)', find: '推荐汇总表' }] }),
    );
    expect(Object.keys(errors).sort()).toEqual(['answer', 'questions', 'quotes.0.clause', 'quotes.0.find']);
    expect(errors.questions).toContain('至少写 2 种问法');
    expect(errors.answer).toBe('至少 4 个字');
    expect(errors['quotes.0.clause']).toContain('条款编号须按通知的编号写');
    expect(errors['quotes.0.find']).toBe('至少 2 个字');
    for (const text of Object.values(errors)) expect(text).not.toMatch(/[A-Za-z]{3,}/);
    expect(fieldLabel('quotes.0.find')).toBe('引文 1 的原文');
  });

  it('refuses an entry with no quote and an unknown placeholder, saying which', () => {
    const errors = entryErrors(entryOf(ENTRY, { ...formOf(ENTRY as never), answer: '请于{date}前提交申报材料。', quotes: [] }));
    expect(errors.quotes).toContain('至少需要一条引文');
    expect(errors.answer).toContain('没有 {date} 这个占位符');
  });
});

describe('the answer-entry form reads the answer base rule a refusal names, not its wording', () => {
  it('says a 通知未涉及 entry without a topic lacks its topic', () => {
    const errors = entryErrors(entryOf({ ...ENTRY, conclusion: 'notCovered' }, formOf(ENTRY as never)));
    expect(errors.topic).toBe('“通知未涉及”的答复要写明未涉及的话题');
  });

  it('names the unknown placeholder, and lists the ones there are', () => {
    const errors = entryErrors(entryOf(ENTRY, { ...formOf(ENTRY as never), answer: '请于{deadline}前、{when}之后提交申报材料。' }));
    expect(errors.answer).toMatch(/^没有 \{when\} 这个占位符；可用：\{unit\} .*\{deadline\}/);
    expect(errors.answer).not.toContain('{deadline} 这个占位符');
  });
});
