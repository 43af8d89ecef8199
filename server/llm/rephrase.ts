import type { QuestionView } from '../schemas/interview';
import { leaksSystemPrompt, rephraseMessages } from './prompts';
import { checkWords, longestFirst } from './check-words';
import { findQuantities, normalise } from '../understand';
import type { Llm } from './provider';

/** A rewording longer than this is no longer "the same question, phrased naturally". */
const MAX_REPHRASE = 120;

/**
 * The model may reword the planner's next question; the planner already chose it, and the
 * widget (kind, choices, unit) is unchanged. A rewording that is empty, too long, adds numbers
 * the question did not have, leaks the prompt, drops a term of the question, adds a negation, or
 * states a verdict or a requirement is discarded for the planner's own text.
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
  const o = normalise(original).text;
  const t = normalise(text).text;
  // A number the planner did not ask about would change the question; 一亿元 is a number too.
  const nums = (s: string) => new Set([...(s.match(/\d+(?:\.\d+)?/g) ?? []), ...findQuantities(s).map((q) => String(q.value))]);
  const have = nums(o);
  for (const n of nums(t)) if (!have.has(n)) return false;
  const words = checkWords().rephrase;
  // A verdict (「已符合申报条件」) or a requirement (「通知要求…必须…」) is the engine's to state, never a question's.
  if (words.verdicts.some((w) => t.includes(w) && !o.includes(w))) return false;
  // 「是不是在河南省外注册、不具备…」 asks the opposite: no negation the planner's question does not have.
  const negations = (s: string) => {
    const bare = longestFirst(words.questionForms).reduce((acc, f) => acc.split(f).join('|'), s);
    return words.negations.reduce((n, w) => n + bare.split(w).length - 1, 0);
  };
  if (negations(t) > negations(o)) return false;
  return keepsTerms(o, t);
}

/**
 * Whether the rewording still asks about every term of the question: each run of words between
 * framing words and punctuation (「制造执行系统」, 「河南省境内注册」) keeps at least half of its character
 * pairs, or is named by an alias the question gives in parentheses (「MES」). A question about
 * something else (「去年营业收入是否超过一亿元」) keeps none.
 */
function keepsTerms(original: string, text: string): boolean {
  const framing = longestFirst(checkWords().rephrase.framing);
  const terms: { words: string; aliases: string[] }[] = [];
  // The parentheses hold a hint or an alias: not required, but naming the term before them is enough.
  for (const m of original.matchAll(/([^()]*)(?:\(([^()]*)\))?/gu)) {
    const main = m[1] ?? '';
    const aliases = (m[2] ?? '').split(/[、,，/或\s如]+/u).map((a) => a.trim()).filter((a) => a.length >= 2);
    const runs = framing.reduce((acc, w) => acc.split(w).join('|'), main).split(/[|\p{P}\p{S}\s\d]+/u).filter((r) => Array.from(r).length >= 2);
    runs.forEach((r, i) => terms.push({ words: r, aliases: i === runs.length - 1 ? aliases : [] }));
  }
  return terms.every(({ words, aliases }) => {
    if (aliases.some((a) => text.includes(a))) return true;
    const chars = Array.from(words);
    const pairs = chars.slice(1).map((c, i) => chars[i]! + c);
    // More than half: 「河南省外注册」 keeps half of 「河南省境内注册」 and asks the opposite.
    return pairs.filter((p) => text.includes(p)).length * 2 > pairs.length;
  });
}
