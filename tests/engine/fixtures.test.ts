import { describe, expect, it } from 'vitest';
import { assess } from '../../server/engine';
import { Assessment, Profile } from '../../server/schemas/profile';
import { PROFILE_FIXTURES } from '../fixtures/profiles';
import { realKb } from './kb';

const kb = realKb();

function unmetClauses(a: Assessment): string[] {
  return [...new Set([...a.blocking.map((b) => b.clause), ...a.conditions.filter((c) => c.status === 'unmet').map((c) => c.clause)])].sort();
}

describe('the twelve development enterprises', () => {
  for (const fx of PROFILE_FIXTURES) {
    it(`${fx.id} gets the eligibility, verdict, category and unmet clauses its rationale gives`, () => {
      const a = assess(kb, Profile.parse(fx.profile));
      // The result must satisfy the public contract, not just look right.
      expect(Assessment.safeParse(a).success).toBe(true);
      expect(a.eligible).toBe(fx.expected.eligible);
      expect(a.verdict).toBe(fx.expected.verdict);
      expect(a.category.recommended).toBe(fx.expected.category);
      expect(a.category.ifEligible).toBe(fx.expected.ifEligible);
      expect(unmetClauses(a)).toEqual([...fx.expected.unmet].sort());
      for (const clause of fx.expected.notes ?? []) expect(a.notes.map((n) => n.clause)).toContain(clause);
    });
  }

  it('every fixture is a valid profile, so the translations stay faithful to the contract', () => {
    for (const fx of PROFILE_FIXTURES) expect(Profile.safeParse(fx.profile).success, fx.id).toBe(true);
  });
});
