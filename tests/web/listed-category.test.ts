import { describe, expect, it } from 'vitest';
import { factsFromAnswers } from '../../server/engine';
import { evaluateFacts } from '../../server/engine/assess';
import type { Answers } from '../../server/schemas/interview';
import { listedCategory } from '../../web/lib/format';
import { HARD_CONDITIONS_MET } from '../fixtures/hard-conditions';
import { realKb } from '../engine/kb';

/** 我的会话 lists a session under the direction the enterprise's own answers lead to, and none before it answered. */
const kb = realKb();
const assess = (answers: Answers) => evaluateFacts(kb, factsFromAnswers(kb, answers)).assessment;

describe('listedCategory', () => {
  it('names no direction for a session with no answer yet (one used only for questions), though the assessment starts on one', () => {
    const a = assess({});
    expect([a.eligible, a.category.recommended]).toEqual([true, 'smartWorkshop']);
    expect(listedCategory(a, {})).toBeNull();
  });

  it('names the direction the answers lead to, in the notice\'s words', () => {
    const workshop = { ...HARD_CONDITIONS_MET, 'cat.scope': 'workshop' } as Answers;
    expect(listedCategory(assess(workshop), workshop)).toBe('智能车间');
    const factory = { ...HARD_CONDITIONS_MET, 'cat.scope': 'factory', 'cat.productionMode': 'discrete' } as Answers;
    expect(listedCategory(assess(factory), factory)).toBe('离散型智能工厂');
  });

  it('names none while the enterprise may not apply; after the first answer it names what the panel recommends', () => {
    const blocked = { ...HARD_CONDITIONS_MET, 'ent.registeredInHenan': false } as Answers;
    expect(listedCategory(assess(blocked), blocked)).toBeNull();
    const one = { 'ent.registeredInHenan': true } as Answers;
    expect(listedCategory(assess(one), one)).toBe('智能车间');
  });
});
