import { interpret } from '../../server/engine';
import { viewOf } from '../../server/engine/plan';
import type { AnswerValue, QuestionView } from '../../server/schemas/interview';
import { realKb } from './kb';

/** A question of the real interview, as it is asked before any category is known. */
export const q = (id: string): QuestionView => viewOf(realKb().interview.questions.find((x) => x.id === id)!, null);

/** What a reply records, question by question, or the kind of reading when it records nothing. */
export function items(text: string, pending: QuestionView | null = null): Record<string, AnswerValue> | string {
  const r = interpret(realKb(), text, pending);
  if (r.kind !== 'answers') return r.kind;
  return Object.fromEntries(r.items.map((i) => [i.questionId, i.value]));
}
