import { z } from 'zod';

export const AskRequest = z.object({
  // Said in Chinese by the one mapping of validation issues (server/errors.ts), like every other field.
  question: z.string().trim().min(1).max(2000),
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
  /**
   * On a refusal: the out-of-scope topic it recognised (an intents.json topic id, or the answer-base entry that
   * says the notice does not cover it); absent when no topic was found and the question may need an answer.
   */
  topic: z.string().optional(),
  /** Set only in LLM mode when the model could not be used and this is the offline answer (optional: offline responses are unchanged). */
  notice: z.string().optional(),
});
export type AskResponse = z.infer<typeof AskResponse>;
