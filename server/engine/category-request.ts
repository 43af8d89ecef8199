import type { KnowledgeData } from '../knowledge/load';
import type { Assessment, Category } from '../schemas/profile';
import { understanderFor } from '../understand';
import { evaluate, type Answers } from './plan';

/**
 * A reply about the category applied for (VocabularyFile `categoryRequests`): `switch` asks to change it and is recorded;
 * `fit` asks how the enterprise would fare under it and is answered from the rules' assessment, recording nothing.
 * `answers` are the choice answers that say the category (the scope, and the production mode when named).
 */
export interface CategoryRequest {
  kind: 'switch' | 'fit';
  answers: { questionId: string; value: string }[];
}

/** The category the rules assess for a set of answers, and its element conditions by status. */
export interface CategoryFit {
  category: Category;
  total: number;
  met: Assessment['conditions'];
  gaps: Assessment['conditions'];
  unknown: Assessment['conditions'];
  /** The clauses of hard conditions that fail: no category can be applied for while one does. */
  blocking: string[];
}

/** The choice questions a category is said by: the scope (智能车间/智能工厂) and the production mode (离散型/流程型). */
function choiceQuestions(kb: KnowledgeData): { scope?: string; mode?: string } {
  const by = (sets: string) => kb.interview.questions.find((q) => q.sets === sets)?.id;
  return { scope: by('scope'), mode: by('productionMode') };
}

/**
 * 「申报方向改成离散型智能工厂」「那我们能不能改报智能工厂」 (switch), 「要是改报离散型智能工厂，我们够不够格？」 (fit).
 * Only a reply naming exactly one scope is read; a scope said as a title held (获得过智能车间称号) is no request.
 */
export function categoryRequest(kb: KnowledgeData, rawText: string): CategoryRequest | undefined {
  const words = kb.interview.vocabulary.categoryRequests;
  const { scope, mode } = choiceQuestions(kb);
  if (!words || !scope) return undefined;
  const text = understanderFor(kb).read(rawText.normalize('NFKC').slice(0, 400)).text.toLowerCase();
  const has = (ws: string[]) => ws.some((w) => text.includes(w.toLowerCase()));
  const named = (question: string | undefined) => {
    const stated = kb.interview.vocabulary.statedChoices.filter((c) => c.question === question);
    if (stated.some((c) => has(c.blockers))) return null;
    const values = new Set(stated.flatMap((c) => Object.entries(c.values).filter(([, ws]) => has(ws)).map(([v]) => v)));
    return values.size === 1 ? [...values][0]! : undefined;
  };
  const scopeValue = named(scope);
  if (!scopeValue) return undefined;
  const modeValue = mode ? named(mode) : undefined;
  const answers = [{ questionId: scope, value: scopeValue }, ...(mode && modeValue ? [{ questionId: mode, value: modeValue }] : [])];
  if (has(words.fit)) return { kind: 'fit', answers };
  if (has(words.change) && !has(words.hypothetical)) return { kind: 'switch', answers };
  return undefined;
}

/** How the enterprise fares under a set of answers: the category the rules assess and its element conditions. */
export function categoryFit(kb: KnowledgeData, answers: Answers): CategoryFit | undefined {
  const a = evaluate(kb, answers).assessment;
  const category = a.category.recommended ?? a.category.ifEligible;
  if (!category) return undefined;
  const failing = (c: Assessment['conditions'][number]) => c.status === 'unmet' || c.status === 'partial';
  return {
    category,
    total: a.conditions.length,
    met: a.conditions.filter((c) => c.status === 'met'),
    gaps: a.conditions.filter(failing),
    unknown: a.conditions.filter((c) => c.status === 'unknown'),
    blocking: [...new Set(a.blocking.map((b) => b.clause))],
  };
}

/** The answers with a category request applied: the scope, and the production mode only where none was given. */
export function withCategory(answers: Answers, request: CategoryRequest): Answers {
  const next: Record<string, unknown> = { ...answers };
  request.answers.forEach((x, i) => {
    if (i === 0 || next[x.questionId] === undefined || next[x.questionId] === null) next[x.questionId] = x.value;
  });
  return next as Answers;
}
