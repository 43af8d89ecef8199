import { describe, expect, it } from 'vitest';
import { createKnowledgeBase } from '../../server/knowledge/base';
import { loadKnowledgeData } from '../../server/knowledge/load';
import { evaluate, percent } from '../../server/qa/evaluate';
import devSet from '../fixtures/questions.json';
import devFacts from '../fixtures/questions-facts.json';
import paraphrases from '../fixtures/paraphrase-questions.json';

const kb = createKnowledgeBase(loadKnowledgeData('knowledge', 'henan-2023'));
const facts = devFacts as Record<string, string[]>;

/** The figures `npm run eval:qa` prints, as measured: a regression guard, not a target. */
describe('offline Q&A quality as measured by npm run eval:qa', () => {
  it('on the development set: hit@3, facts, no in-scope refusal, every out-of-scope question refused', () => {
    const r = evaluate(kb, devSet.map((x) => ({ q: x.q, clauses: x.clauses, outOfScope: x.outOfScope, mustContain: facts[x.q] })));
    expect({ hit3: percent(r.hit3, r.inScope), facts: percent(r.factsFound, r.withFacts), inScopeRefused: r.inScopeRefused, outOfScopeRefused: percent(r.outOfScopeRefused, r.outOfScope) }).toEqual({
      hit3: 100,
      facts: 100,
      inScopeRefused: [],
      outOfScopeRefused: 100,
    });
  });

  it('on the paraphrase set written apart from the answer base', () => {
    const r = evaluate(kb, paraphrases);
    expect({ hit3: percent(r.hit3, r.inScope), facts: percent(r.factsFound, r.withFacts), inScopeRefused: r.inScopeRefused, outOfScopeRefused: percent(r.outOfScopeRefused, r.outOfScope) }).toEqual({
      hit3: 100,
      facts: 100,
      inScopeRefused: [],
      outOfScopeRefused: 100,
    });
  });
});
