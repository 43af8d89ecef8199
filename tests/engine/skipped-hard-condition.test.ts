import { describe, expect, it } from 'vitest';
import { applyAnswer } from '../../server/engine';
import { createKnowledgeBase } from '../../server/knowledge/base';
import { createRules } from '../../server/chat/rules';
import { uiAssessment } from '../../server/chat/conversation';
import { realKb } from './kb';

const kb = realKb();
const rules = createRules(createKnowledgeBase(kb));
const PENDING = kb.interview.vocabulary.skipHardDisplay!;
const SKIPPED = kb.interview.vocabulary.skipDisplay;

describe('a skipped question a hard condition reads', () => {
  it('names the wording once, as 待确认, apart from a plain skip', () => {
    expect(PENDING).toContain('待确认');
    expect(PENDING).not.toBe(SKIPPED);
  });

  // The registration question the review list showed as plain 「已跳过」, and two other hard conditions of other clauses.
  it.each(['ent.registeredInHenan', 'ent.credit.dishonestExecutee', 'ent.appliedThisYear', 'ent.industryCode'])('reads back as 待确认 in the engine and through the rules (%s)', (id) => {
    const engine = applyAnswer(kb, {}, id, null);
    expect(engine.ok && engine.recorded[0]!.display).toBe(PENDING);
    const viaRules = rules.apply({}, id, null);
    expect(viaRules.ok && viaRules.recorded[0]!.display).toBe(PENDING);
    expect(rules.describe({ [id]: null }).find((r) => r.questionId === id)?.display).toBe(PENDING);
  });

  // Questions of the same phases that no hard condition reads: skipped, they are only skipped.
  it.each(['ent.city', 'ent.county', 'cap.mes', 'ent.greenPriority'])('a question no hard condition reads stays 「已跳过」 (%s)', (id) => {
    const viaRules = rules.apply({}, id, null);
    expect(viaRules.ok && viaRules.recorded[0]!.display).toBe(SKIPPED);
    expect(viaRules.ok && viaRules.recorded[0]!.pending).toBeUndefined();
    expect(rules.views({}, [id])[0]!.skip?.display).toBe(SKIPPED);
  });

  // The skip button's bubble and the review's count: a hard condition put off is 待确认 there too, never 「已跳过」.
  it.each(['ent.registeredInHenan', 'ent.operatingWell', 'ent.credit.taxViolationBlacklist'])('its card\'s skip reads back as 待确认 and the record is marked pending (%s)', (id) => {
    expect(rules.views({}, [id])[0]!.skip?.display).toBe(PENDING);
    const viaRules = rules.apply({}, id, null);
    expect(viaRules.ok && viaRules.recorded[0]!.pending).toBe(true);
    expect(rules.describe({ [id]: null })[0]!.pending).toBe(true);
  });

  it('the question the interview asks first carries the 待确认 skip wording', () => {
    const step = rules.step({});
    expect(step.question?.id).toBe('ent.registeredInHenan');
    expect(step.question?.skip?.display).toBe(PENDING);
  });

  it('near miss: an answered hard condition is no pending skip', () => {
    for (const value of [true, false]) {
      const r = rules.apply({}, 'ent.operatingWell', value);
      expect(r.ok && r.recorded[0]!.pending).toBeUndefined();
    }
  });
});

describe('the panel wording a session receives', () => {
  it('names the notice\'s contact in the help under failing hard conditions, filled from facts.json', () => {
    const a = uiAssessment(kb);
    expect(kb.ui.assessment.blockedHelp).toMatch(/\{unit\}.*\{phone\}/);
    expect(a.blockedHelp).toContain(kb.facts.contact.unit);
    expect(a.blockedHelp).toContain(kb.facts.contact.phone);
    expect(a.blockedHelp).not.toMatch(/\{\w+\}/);
    expect(a.hardPending).toBe(kb.ui.assessment.hardPending);
  });
});
