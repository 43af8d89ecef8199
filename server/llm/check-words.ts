import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

/**
 * The wording lists the server checks model output with (prompts/answer-checks.json), read once
 * and validated: a broken file fails loudly at the first check, not by letting everything through.
 */
const Words = z.array(z.string().min(1)).min(1);
const CheckWordsFile = z.object({
  claimWords: z.object({ words: Words }),
  framingWords: z.object({ words: Words }),
  helplineWords: z.object({ names: Words, disparaging: Words }),
  rephrase: z.object({ framing: Words, questionForms: Words, negations: Words, verdicts: Words }),
  facts: z.object({
    words: z.record(z.string(), Words),
    values: z.record(z.string(), z.record(z.string(), Words)),
    systemSuffixes: Words,
    negations: Words,
    building: Words,
  }),
});
export type CheckWords = z.infer<typeof CheckWordsFile>;

const FILE = fileURLToPath(new URL('../../prompts/answer-checks.json', import.meta.url));
let cache: CheckWords | undefined;

export function checkWords(): CheckWords {
  cache ??= CheckWordsFile.parse(JSON.parse(readFileSync(FILE, 'utf8')));
  return cache;
}

/** Longest first, so a longer word is matched whole before any shorter word inside it. */
export const longestFirst = (words: readonly string[]) => [...words].sort((a, b) => b.length - a.length);
