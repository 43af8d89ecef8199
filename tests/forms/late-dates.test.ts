import { describe, expect, it } from 'vitest';
import { loadKnowledgeData } from '../../server/knowledge/load';
import { buildFormView, checkFormValue } from '../../server/forms/form-view';
import { correctedDate, formView, interpretForm, lateDateNote, markUnderway } from '../../server/forms/phase';

/*
 * A completion date later than the session's day (still to come) or than the notice's deadline (2023年3月15日 in the
 * 2023 notice) is recorded as said, never silently: the note says which, and what the notice says of a project not yet
 * built (it sets no such rule; the local bureau's 初审 judges). A date in the past is recorded in silence.
 */
const kb = loadKnowledgeData('knowledge', 'henan-2023');
const TODAY = '2026-12-07';
const END = 'form.project.end';
const box = (t: string, today: string | undefined = TODAY, id = END) => checkFormValue(kb, {}, 'smartWorkshop', id, t, today);
const endField = (answers: Record<string, unknown>, today?: string) =>
  buildFormView(kb, answers as never, 'smartWorkshop', today)
    .sections.flatMap((s) => s.groups.flatMap((g) => g.rows.flatMap((r) => r.fields)))
    .find((f) => f.questionId === END)!;

describe('a completion date after today or after the notice\'s deadline', () => {
  it.each([
    // The reported phrasing: 明年 counted from the session's day.
    ['明年十月', '2027-10'],
    // New phrasings of the same meaning.
    ['2027年10月', '2027-10'],
    ['后年3月份', '2028-03'],
    ['明年的六月', '2027-06'],
  ])('「%s」 is saved as %s with the note that it is still to come and after the deadline', (t, date) => {
    const r = box(t);
    expect(r).toMatchObject({ ok: true, value: date });
    if (!r.ok) return;
    const [y, m] = date.split('-').map(Number);
    expect(r.display).toContain(`智能化建设完成日期${y}年${m}月还没到（今天是2026年12月7日）`);
    expect(r.display).toContain('也晚于2023年度通知的期限');
    expect(r.display).toContain('2023年3月15日前将“推荐汇总表”上传至平台“推荐库”，四(四)');
    // What the notice says of it, and who decides.
    expect(r.display).toContain('通知没有规定须全部建成才能申报');
    expect(r.display).toContain('由所在地工业和信息化主管部门初审把握');
  });

  it.each([
    ['去年十月', '2025-10'],
    ['2025年10月', '2025-10'],
    ['2023年4月', '2023-04'],
  ])('「%s」 is past but after the 2023 notice\'s deadline: saved as %s, with that said and no 还没到', (t, date) => {
    const r = box(t);
    expect(r).toMatchObject({ ok: true, value: date });
    if (!r.ok) return;
    expect(r.display).toContain('晚于2023年度通知的期限');
    expect(r.display).not.toContain('还没到');
  });

  it.each([
    ['2022年10月', '2022-10'],
    ['2023年3月', '2023-03'],
  ])('near miss: 「%s」, before the deadline, is saved in silence', (t, date) => {
    expect(box(t)).toEqual({ ok: true, value: date, display: date });
  });

  it('near misses: a planned date of work under way, and a start date, carry no such note', () => {
    expect(box('预计明年十月完工')).toMatchObject({ ok: true, said: '预计明年十月完工' });
    expect(JSON.stringify(box('预计明年十月完工'))).not.toContain('请注意');
    expect(box('2025年10月', TODAY, 'form.project.start')).toEqual({ ok: true, value: '2025-10', display: '2025-10' });
    expect(lateDateNote(kb, 'form.foundedOn', '2027-10-01', TODAY)).toBeUndefined();
    expect(lateDateNote(kb, END, null, TODAY)).toBeUndefined();
  });

  it('the form view flags the stored date while it stands: still to come with the session\'s day, after the deadline without it', () => {
    const withDay = endField({ [END]: '2027-10' }, TODAY).flags.map((f) => f.message).join('');
    expect(withDay).toContain('还没到（今天是2026年12月7日）');
    const noDay = endField({ [END]: '2027-10' }).flags.map((f) => f.message).join('');
    expect(noDay).toContain('晚于2023年度通知的期限');
    expect(noDay).not.toContain('还没到');
    expect(endField({ [END]: '2022-10' }, TODAY).flags).toEqual([]);
    expect(endField(markUnderway({ [END]: '2027-10' }, END, '预计明年十月完工'), TODAY).flags).toEqual([]);
  });
});

describe('the completion date taken back by name while another question waits', () => {
  it.each([
    // The reported phrasing.
    ['建设完成日期改一下，预计明年六月完工', '2027-06'],
    // New phrasings of the same meaning.
    ['完成日期改成明年6月', '2027-06'],
    ['竣工日期改一下，后年年底', '2028-12'],
  ])('「%s」 names the field and counts its year from the session\'s day: %s', (t, date) => {
    const r = correctedDate(kb, t, TODAY);
    expect(r?.questionId).toBe(END);
    expect(fieldCorrectedDate(r!.text)).toBe(date);
  });

  it.each([
    // A date given in full has no year to count.
    ['建设完成日期改一下，2027年6月'],
    // No field named: an answer to the question waiting, not a correction.
    ['明年六月'],
    // A question about the field takes nothing back.
    ['完成日期明年行不行？'],
  ])('near miss: 「%s」 is no such correction', (t) => {
    expect(correctedDate(kb, t, TODAY)).toBeUndefined();
  });
});

/** What a correction typed at the investment question records for the completion date, the year already written out. */
function fieldCorrectedDate(text: string): unknown {
  const r = interpretForm(kb, text, formView(kb, 'form.project.investment', 'smartWorkshop'));
  return r.kind === 'answers' ? r.items.find((i) => i.questionId === END)?.value : undefined;
}

describe('a note the form view shares with the chat, in the box\'s words', () => {
  const CHAT_ONLY = /请说|您说的|再说一次|回答“跳过”|告诉我/u;
  it.each([
    // The reported note: a late completion date typed in the box.
    ['2027年10月', END],
    // New inputs that meet the same shared wording: another late date, and a reply that prints nothing in a text box.
    ['明年六月', END],
    ['不知道', 'form.contact.name'],
  ])('「%s」 in the box %s is told to fill in or leave the box empty, never to say or answer 「跳过」', (t, id) => {
    const r = box(t, TODAY, id);
    const text = r.ok ? r.display : r.error;
    expect(text).not.toMatch(CHAT_ONLY);
  });

  it('asks for a project under way to be written in this box, and keeps the note on the field', () => {
    const r = box('2027年10月');
    expect(r.ok && r.display).toContain('已按您填写的记下');
    expect(r.ok && r.display).toContain('请在这一栏填写「还在建，预计某年某月完成」');
    const field = endField({ [END]: '2027-10' }, TODAY);
    const notes = field.flags.map((f) => f.message).join('');
    expect(notes).toContain('请在这一栏填写「还在建');
    expect(notes).not.toMatch(CHAT_ONLY);
  });

  it('leaves the chat its own words: the same note in the chat asks to say it', () => {
    // Near miss: the chat's note is not rewritten.
    const note = lateDateNote(kb, END, '2027-10', TODAY)!;
    expect(note).toContain('已按您说的记下');
    expect(note).toContain('请说「还在建，预计某年某月完成」');
  });

  it('names only chat words that some message still holds', () => {
    const all = JSON.stringify(kb.formQuestions.messages);
    for (const w of kb.formQuestions.messages.boxWords ?? []) expect(all.split(w.chat).length, w.chat).toBeGreaterThan(2);
  });
});
