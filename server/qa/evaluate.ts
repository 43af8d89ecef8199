import type { KnowledgeBase } from '../knowledge/base';
import { normalise } from '../understand';
import { answerFollowUp, answerQuestion, fallbackLead as leadOf } from './answer';

/** One evaluation question: the clauses a correct answer cites, the facts it must state, or that it is out of scope. */
export interface EvalItem {
  q: string;
  clauses: string[];
  mustContain?: string[];
  outOfScope?: boolean;
  /** The question asked just before, in the same chat: `q` is a follow-up read in its light (「那格式呢」). */
  previous?: string;
}

export interface EvalReport {
  inScope: number;
  outOfScope: number;
  /** In-scope questions whose answer cites an expected clause (or a child of one) among its first three citations. */
  hit3: number;
  /** In-scope questions with facts, and those whose answer states every fact. */
  withFacts: number;
  factsFound: number;
  /**
   * In-scope questions answered with a conclusion rather than the closest-text fallback, and,
   * of those with facts, the ones that state every fact before the quotes (in the answer itself).
   */
  concluded: number;
  factsInConclusion: number;
  notConcluded: string[];
  inScopeRefused: string[];
  outOfScopeRefused: number;
  misses: string[];
  factMisses: string[];
  outOfScopeAnswered: string[];
}

/** Facts compare in one written form (full/half width, case), as a reader would. */
function contains(answer: string, fact: string): boolean {
  return normalise(answer).text.includes(normalise(fact).text);
}

export function evaluate(kb: KnowledgeBase, items: readonly EvalItem[]): EvalReport {
  const t = kb.data.intents.answerText;
  const fallbackLead = leadOf(kb);
  const r: EvalReport = { inScope: 0, outOfScope: 0, hit3: 0, withFacts: 0, factsFound: 0, concluded: 0, factsInConclusion: 0, notConcluded: [], inScopeRefused: [], outOfScopeRefused: 0, misses: [], factMisses: [], outOfScopeAnswered: [] };
  for (const item of items) {
    const a = item.previous === undefined ? answerQuestion(kb, item.q) : answerFollowUp(kb, item.q, item.previous).response;
    if (item.outOfScope) {
      r.outOfScope++;
      if (a.outOfScope) r.outOfScopeRefused++;
      else r.outOfScopeAnswered.push(item.q);
      continue;
    }
    r.inScope++;
    if (a.outOfScope) r.inScopeRefused.push(item.q);
    const ids = a.citations.slice(0, 3).map((c) => c.clause);
    if (!a.outOfScope && ids.some((id) => item.clauses.some((e) => id.startsWith(e)))) r.hit3++;
    else r.misses.push(`${item.q} → [${ids.join(', ')}] expected [${item.clauses.join(', ')}]`);
    const conclusion = a.answer.split(`\n${t.basis}`)[0]!;
    const concluded = !a.outOfScope && !conclusion.includes(fallbackLead);
    if (concluded) r.concluded++;
    else r.notConcluded.push(item.q);
    if (item.mustContain?.length) {
      r.withFacts++;
      const missing = item.mustContain.filter((f) => !contains(a.answer, f));
      if (missing.length === 0 && !a.outOfScope) r.factsFound++;
      else r.factMisses.push(`${item.q} → missing ${missing.join('、')}`);
      if (concluded && item.mustContain.every((f) => contains(conclusion, f))) r.factsInConclusion++;
    }
  }
  return r;
}

/** A share as a percentage with one decimal, for reports and regression guards. */
export function percent(n: number, of: number): number {
  return of === 0 ? 100 : Math.round((n / of) * 1000) / 10;
}

/** A report's figures as shares, the form the quality tests guard: what `npm run eval:qa` prints, without the counts. */
export function figures(r: EvalReport) {
  return {
    hit3: percent(r.hit3, r.inScope),
    facts: percent(r.factsFound, r.withFacts),
    concluded: percent(r.concluded, r.inScope),
    factsInConclusion: percent(r.factsInConclusion, r.withFacts),
    inScopeRefused: r.inScopeRefused,
    outOfScopeRefused: percent(r.outOfScopeRefused, r.outOfScope),
  };
}
