import { describe, expect, it } from 'vitest';
import { factsFromAnswers } from '../../server/engine';
import { evaluateFacts } from '../../server/engine/assess';
import { Assessment, CAPABILITY_IDS } from '../../server/schemas/profile';
import type { Answers } from '../../server/schemas/interview';
import { HARD_CONDITIONS_MET } from '../fixtures/hard-conditions';
import { realKb } from './kb';

/**
 * A hard condition (二, 四(一)) the enterprise answered 不清楚 or skipped is 待确认, named by its clause: never counted
 * as met, whatever the element conditions say. And a category the enterprise chose that fits worse is said as its
 * choice, with the workshop's gaps said as fewer, never as a fallback that would not help.
 */
const kb = realKb();
const allCaps = Object.fromEntries(CAPABILITY_IDS.map((c) => [`cap.${c}`, true]));
const base: Answers = { ...HARD_CONDITIONS_MET, ...allCaps, 'ent.city': '新乡市', 'ent.industryCode': '34', 'cat.productionMode': 'discrete' };
const without = (a: Answers, ...ids: string[]) => Object.fromEntries(Object.entries(a).filter(([k]) => !ids.includes(k)));
const assess = (answers: Answers) => {
  const a = evaluateFacts(kb, factsFromAnswers(kb, answers)).assessment;
  expect(Assessment.safeParse(a).success, 'the assessment keeps its public contract').toBe(true);
  return a;
};

describe('hard conditions left unanswered', () => {
  it.each([
    ['a valve maker that does not know of the 严重违法失信名单', without({ ...base, 'cat.scope': 'factory' }, 'ent.credit.seriousIllegalDishonest'), [['二(四)', '严重违法失信名单']]],
    ['a workshop unsure whether it is an independent legal person', without({ ...base, 'cat.scope': 'workshop' }, 'ent.independentLegalPerson'), [['二(一)', '具有独立法人资格']]],
    [
      'a factory that skipped both the tax blacklist and whether it applies elsewhere this year',
      without({ ...base, 'cat.scope': 'factory' }, 'ent.credit.taxViolationBlacklist', 'ent.appliedThisYear'),
      [['二(四)', '税收违法黑名单'], ['四(一)', '当年限报1个']],
    ],
  ])('%s: named 待确认 by its clause, and the verdict is not qualified', (_who, answers, expected) => {
    const a = assess(answers);
    expect(a.pending!.map((p) => [p.clause, p.title])).toEqual(expected);
    expect(a.blocking).toEqual([]);
    expect(a.verdict, 'an unknown hard condition leaves the verdict open, never qualified').not.toBe('qualified');
  });

  it('an unanswered one beside a failing one: ineligible, and the unanswered one still named', () => {
    const a = assess(without({ ...base, 'cat.scope': 'workshop', 'ent.credit.dishonestExecutee': true }, 'ent.appliedThisYear'));
    expect(a.eligible).toBe(false);
    expect(a.blocking.map((b) => b.clause)).toEqual(['二(四)']);
    expect(a.pending).toEqual([{ clause: '四(一)', title: '当年限报1个' }]);
  });

  it('near miss: every hard condition answered and passing leaves nothing pending', () => {
    for (const scope of ['workshop', 'factory']) {
      const a = assess({ ...base, 'cat.scope': scope });
      expect(a.pending).toEqual([]);
      expect(a.blocking).toEqual([]);
    }
  });

  it('near miss: a condition that does not concern the applicant (no prior title) is not pending', () => {
    const a = assess({ ...base, 'cat.scope': 'workshop', 'ent.priorTitles': 'none' });
    expect(a.pending!.map((p) => p.title)).not.toContain('不以已获称号的车间申报');
  });
});

describe('a chosen factory the workshop fits better', () => {
  const valve = { ...base, 'cat.scope': 'factory', 'cap.pdm': false, 'cap.cadCae': false, 'cap.erp': false, 'cap.agvRgv': false, 'cap.andon': false, 'cap.autoId': false };

  it('says the workshop fails fewer in its why-not and its note, agreeing with the reason that it fits better', () => {
    const a = assess(valve);
    const fit = a.category.fitsBetter!;
    expect(fit).toEqual({ category: 'smartWorkshop', gaps: 2, chosenGaps: 4 });
    expect(a.category.reasons.some((r) => r.text.includes('智能车间更合适'))).toBe(true);
    const whyNot = a.category.alternatives.find((x) => x.category === 'smartWorkshop')!.whyNot;
    expect(whyNot).toContain('智能车间未满足的较少（2 项，离散型智能工厂有 4 项）');
    expect(whyNot).not.toContain('若改报智能车间，按现有回答仍不满足');
    const all = [...a.category.reasons, ...a.category.alternatives.map((x) => ({ text: x.whyNot })), ...a.notes].map((x) => x.text).join('');
    expect(all, 'no part says switching would not help while another says the workshop fits better').not.toContain('也不能解决');
  });

  it('near miss: where the workshop is not said to fit better, the factory gaps note keeps saying the workshop would not help', () => {
    const a = assess({ ...base, 'cat.scope': 'factory', 'cap.mes': false });
    expect(a.category.fitsBetter).toBeUndefined();
    expect(a.notes.some((n) => n.text.includes('改报智能车间也不能解决'))).toBe(true);
    expect(a.category.alternatives.find((x) => x.category === 'smartWorkshop')!.whyNot).toContain('若改报智能车间，按现有回答仍不满足');
  });
});
