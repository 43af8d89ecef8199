import type { InterviewRules } from '../../server/chat/ports';
import type { Answers } from '../../server/schemas/interview';
import type { Round14Enterprise } from './typed-round14';

/**
 * The interview's replies read as the chat reads them: each by the interview's understanding at its question, every
 * item it gives applied; a reply read as no answer is listed in `unclear`. The result is the interview the form follows.
 */
export function saidReplies(rules: InterviewRules, e: Round14Enterprise): { answers: Answers; unclear: string[] } {
  let answers: Answers = { ...e.interview };
  const unclear: string[] = [];
  for (const [id, text] of e.said) {
    const view = rules.views(answers, [id])[0] ?? null;
    const r = rules.interpret(text, view, answers);
    if (r.kind !== 'answers') {
      unclear.push(id);
      continue;
    }
    for (const item of r.items) {
      const applied = rules.apply(answers, item.questionId, item.value);
      if (applied.ok) answers = applied.answers;
      else unclear.push(id);
    }
  }
  return { answers, unclear };
}
