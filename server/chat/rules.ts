import type { KnowledgeBase } from '../knowledge/base';
import type { AnswerValue, Progress, QuestionView } from '../schemas/interview';
import type { Category } from '../schemas/profile';
import { applyAnswer, describeAnswers, evaluate, interpret } from '../engine';
import { createFormPhase } from '../forms/phase';
import type { Answers, ApplyResult, Interpretation, InterviewRules, Step } from './ports';

/** D's form phase (issue 5), asked once E's planner has nothing left for an eligible enterprise. */
export interface FormPhase {
  planForm(answers: Answers, category: Category): { question: QuestionView | null; progress: Progress };
  applyFormAnswer(answers: Answers, questionId: string, value: AnswerValue): ApplyResult;
  interpretForm(text: string, pending: QuestionView | null): Interpretation;
}

/** Ids starting with `form.` belong to D's form phase (CONTRACTS.md). */
const isFormQuestion = (id: string) => id.startsWith('form.');

/**
 * E's engine and D's form phase bound to one knowledge version: everything the conversation
 * needs to decide, as pure synchronous calls. The form phase follows once E's planner has
 * nothing left for an eligible enterprise with a category; `forms: null` leaves it out.
 */
export function createRules(kb: KnowledgeBase, forms: FormPhase | null = createFormPhase(kb.data)): InterviewRules {
  const data = kb.data;
  return {
    step(answers: Answers): Step {
      const e = evaluate(data, answers);
      const category = e.assessment.category.recommended;
      if (e.question || !forms || !e.assessment.eligible || !category) return e;
      const f = forms.planForm(answers, category);
      return { assessment: e.assessment, question: f.question, progress: f.progress };
    },
    apply(answers: Answers, questionId: string, value: AnswerValue): ApplyResult {
      if (isFormQuestion(questionId)) {
        if (!forms) return { ok: false, error: `未知的问题 (unknown question): ${questionId}` };
        return forms.applyFormAnswer(answers, questionId, value);
      }
      return applyAnswer(data, answers, questionId, value);
    },
    interpret(text: string, pending: QuestionView | null): Interpretation {
      if (pending && isFormQuestion(pending.id) && forms) return forms.interpretForm(text, pending);
      return interpret(data, text, pending);
    },
    describe: (answers: Answers) => describeAnswers(data, answers),
  };
}
