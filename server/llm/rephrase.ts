import type { QuestionView } from '../schemas/interview';
import { leaksSystemPrompt, rephraseMessages } from './prompts';
import type { Llm } from './provider';

/** A rewording longer than this is no longer "the same question, phrased naturally". */
const MAX_REPHRASE = 120;

/**
 * The model may reword the planner's next question; the planner already chose it, and the
 * widget (kind, choices, unit) is unchanged. A rewording that is empty, too long, adds numbers
 * the question did not have, or leaks the prompt is discarded for the planner's own text.
 * Throws LlmError when the model fails.
 */
export async function rephraseQuestion(llm: Llm, q: QuestionView, lastUserText?: string, signal?: AbortSignal): Promise<string> {
  const raw = await llm.completeText({ messages: rephraseMessages({ question: q, lastUserText }), temperature: 0.3, maxTokens: 200, signal });
  const text = raw.trim().replace(/^["“「]|["”」]$/g, '').trim();
  if (!acceptableRephrase(q.text, text)) return q.text;
  return text;
}

export function acceptableRephrase(original: string, text: string): boolean {
  if (!text || text.length > Math.max(MAX_REPHRASE, original.length * 2)) return false;
  if (text.includes('\n') || /[〔〕⟦⟧<>]/.test(text)) return false;
  if (leaksSystemPrompt(text)) return false;
  // A number the planner did not ask about would change the question.
  const nums = (s: string) => new Set(s.match(/\d+(?:\.\d+)?/g) ?? []);
  const have = nums(original);
  for (const n of nums(text)) if (!have.has(n)) return false;
  return true;
}
