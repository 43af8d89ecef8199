/**
 * The rule engine: a pure function of (knowledge, facts). No I/O, no LLM — every
 * sentence it returns comes from the knowledge data and cites its clause.
 */
import type { KnowledgeData } from '../knowledge/load';
import type { Assessment, Profile } from '../schemas/profile';
import { evaluateFacts } from './assess';
import { factsFromProfile } from './facts';

export { evaluate, applyAnswer, describeAnswers, profileFromAnswers, type Answers, type ApplyResult, type EvaluateResult } from './plan';
export { interpret, parseNumber, isQuestion, type Interpretation } from './interpret';
export { factsFromAnswers, type Facts, type PartialProfile } from './facts';

/** The public /api/assess contract: a validated profile in, the assessment out. */
export function assess(kb: KnowledgeData, profile: Profile): Assessment {
  return evaluateFacts(kb, factsFromProfile(kb, profile)).assessment;
}
