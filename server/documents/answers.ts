import type { KnowledgeData } from '../knowledge/load';
import type { AnswerValue, ApplyResult, Answers } from '../schemas/interview';
import { applyAnswer } from '../engine';

/**
 * An interview answer read from a document and accepted by the user: 「否」 as the licence's reading is
 * turned into the question's own value (false) by the interview's display words, then applied as a typed
 * answer would be. Only the questions the knowledge lets a document answer are accepted.
 */
export function applyDocumentAnswer(kb: KnowledgeData, answers: Answers, questionId: string, value: AnswerValue): ApplyResult {
  const docs = kb.formDrafting.documents;
  if (!docs.answers.some((a) => a.question === questionId) && !Object.values(docs.yearAnswers).includes(questionId)) return { ok: false, error: `${questionId}: 文件不能回答这个问题` };
  if (!kb.interview.questions.some((x) => x.id === questionId)) return { ok: false, error: `未知的问题 ${questionId}` };
  return applyAnswer(kb, answers, questionId, documentAnswerValue(kb, questionId, value));
}

/**
 * A document's reading of an interview question as the question's own value (「否」 → false), so the page
 * can record it through the chat like a typed answer; other readings are returned as they are.
 */
export function documentAnswerValue<V extends AnswerValue>(kb: KnowledgeData, questionId: string, value: V): V | boolean | 'partial' {
  const q = kb.interview.questions.find((x) => x.id === questionId);
  const v = kb.interview.vocabulary;
  if (!q || (q.kind !== 'yesNo' && q.kind !== 'yesNoPartial') || typeof value !== 'string') return value;
  const t = value.trim();
  return t === v.yesDisplay ? true : t === v.noDisplay ? false : q.kind === 'yesNoPartial' && t === v.partialDisplay ? 'partial' : value;
}
