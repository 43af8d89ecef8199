import { describe, expect, it } from 'vitest';
import { realKb } from './kb';
import { applyAnswer, evaluate } from '../../server/engine';
import { NEW_ENTERPRISES, interviewAnswersOf } from '../fixtures/new-enterprises';

/*
 * The 2023 notice sets no minimum age (二), but its forms ask for 2020—2022 figures and the 上年度 audit.
 * A founding year the enterprise gives never changes the verdict; it brings a note on what it cannot fill.
 */
const kb = realKb();
const n15 = NEW_ENTERPRISES.find((e) => e.id.startsWith('N15-'))!;
const base = Object.fromEntries(Object.entries(interviewAnswersOf(n15)).filter(([, v]) => v !== undefined && v !== null)) as Record<string, string | number | boolean>;
const t = kb.categoryRules.notes.founding!;

describe('the founding year against the form\'s 近三年 years', () => {
  it('N15, registered 2024: still qualified, with a note that 2020—2022 figures and the 2022 audit cannot be given', () => {
    const without = evaluate(kb, base).assessment;
    const r = applyAnswer(kb, base, 'ent.foundedYear', '2024年3月注册的');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    // The month said is kept with the year: the form's 成立时间 is that date, not the year alone.
    expect(r.answers['ent.foundedYear']).toBe('2024-03');
    const a = evaluate(kb, r.answers).assessment;
    expect(a.verdict).toBe(without.verdict);
    expect(a.verdict).toBe('qualified');
    expect(a.eligible).toBe(true);
    const note = a.notes.find((n) => n.clause === '附件1.一(一)')!;
    expect(note.text).toContain('2024年');
    expect(note.text).toContain('2020—2022年');
    expect(note.text).toContain('上年度（2022年）');
    expect(without.notes.some((n) => n.clause.startsWith('附件'))).toBe(false);
  });

  it('founded inside the years: only the years before it are named, and the audit is not said to be missing', () => {
    const a = evaluate(kb, { ...base, 'ent.foundedYear': '2021' }).assessment;
    const note = a.notes.find((n) => n.clause === '附件1.一(一)')!;
    expect(note.text).toContain('2020年');
    expect(note.text).not.toContain('2021年在成立之前');
    expect(note.text.startsWith(t.withinFigures.slice(0, 5))).toBe(true);
  });

  it('founded before the first year: no note', () => {
    const a = evaluate(kb, { ...base, 'ent.foundedYear': '2015' }).assessment;
    expect(a.notes.some((n) => n.clause.startsWith('附件'))).toBe(false);
  });

  it('a factory applicant\'s note cites its own form', () => {
    const a = evaluate(kb, { ...base, 'cat.scope': 'factory', 'ent.foundedYear': '2023' }).assessment;
    expect(a.notes.some((n) => n.clause === '附件2.一(一)')).toBe(true);
  });

  it('a 成立时间 already given (an accepted licence) gives the note and the year is not asked again', () => {
    // Every hard question answered (a skip is null), so the founding year is what the interview asks next.
    const hard = Object.fromEntries(Object.entries(interviewAnswersOf(n15)).filter(([k, v]) => k.startsWith('ent.') && v !== undefined)) as Record<string, string | boolean | null>;
    expect(evaluate(kb, hard).question?.id).toBe('ent.foundedYear');
    expect(evaluate(kb, { ...hard, 'form.foundedOn': '2024-03-18' }).question?.id).not.toBe('ent.foundedYear');
    const r = evaluate(kb, { ...base, 'form.foundedOn': '2024-03-18' });
    expect(r.assessment.notes.some((n) => n.clause === '附件1.一(一)' && n.text.includes('2024年'))).toBe(true);
  });

  it('a reply that names no year is refused, so nothing is stored for it', () => {
    const r = applyAnswer(kb, base, 'ent.foundedYear', '很早了');
    expect(r.ok).toBe(false);
  });
});
