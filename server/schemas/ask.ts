import { z } from 'zod';

export const AskRequest = z.object({
  question: z
    .string({ error: 'question 必须是字符串 (must be a string)' })
    .trim()
    .min(1, 'question 不能为空 (must not be empty)')
    .max(2000, 'question 不能超过 2000 字 (at most 2000 characters)'),
  knowledgeVersion: z.string().max(64).optional(),
});
export type AskRequest = z.infer<typeof AskRequest>;

export const Citation = z.object({ clause: z.string(), title: z.string(), quote: z.string() });
export type Citation = z.infer<typeof Citation>;

export const AskResponse = z.object({
  answer: z.string(),
  citations: z.array(Citation),
  confidence: z.number().min(0).max(1),
  outOfScope: z.boolean(),
  /**
   * The answer-base entries the answer was built from (ids of answer-base.json or of staff entries), in
   * the order they are answered; absent when the answer comes from the closest clauses, a model or a refusal.
   */
  entries: z.array(z.string()).optional(),
  /** Set only in LLM mode when the model could not be used and this is the offline answer (optional: offline responses are unchanged). */
  notice: z.string().optional(),
});
export type AskResponse = z.infer<typeof AskResponse>;
