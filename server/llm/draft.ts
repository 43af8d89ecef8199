import type { DraftResult, NumberSource } from '../schemas/forms';
import { countChars } from '../forms/length';
import { failureReason, LlmError } from './errors';
import { draftMessages, leaksSystemPrompt, lengthFixMessage, numbersFixMessage, type PromptClause } from './prompts';
import { attributeClaims, normaliseNumber, numbersIn, numbersOf, unsourcedNumbers, type NumberLabel, type Untraced } from './provenance';
import { PLACEHOLDER_RE, splitSentences } from '../forms/draft';
import { withSlot, type ChatMessage, type Llm } from './provider';

export interface LlmDraftInput {
  section: string;
  title: string;
  /** The form's own hint for the cell. */
  hint?: string;
  /** The element clause(s) the cell answers, with their text. */
  clauses: PromptClause[];
  /** The enterprise's facts as given to the model (JSON). */
  facts: unknown;
  /** The offline template draft: the fallback, and the source of computed values and length target. */
  offline: DraftResult;
  /** Words that name each capability (「MES」, 「制造执行系统」…): a sentence naming one must trace to a fact. */
  terms?: Record<string, string[]>;
  /** Words that name each figure of the form (「研发人员」 … 人): a figure so named must be that fact's. */
  labels?: NumberLabel[];
}

export interface LlmDraft {
  draft: DraftResult;
  source: 'llm' | 'offline';
  /** Claims (numbers, named systems, statuses, any other untraced words) still without a source after the one regeneration; the offline draft is used then. */
  violations: string[];
  /** Sentences of the model's text that were checked, and those holding a claim with no source (with the untraced words). */
  checked: { sentences: number; untraced: Untraced[] };
  /** Model calls made (1 to 3). */
  calls: number;
  lengthAction: 'none' | 'retried' | 'cut';
  notice?: string;
}

/** Without a form target only runaway length is checked: up to twice the offline draft, at least 600. */
const untargetedRange = (offline: DraftResult) => ({ min: Math.max(60, Math.round(offline.length * 0.6)), max: Math.max(600, 2 * offline.length) });

/** The longest prefix ending at a sentence end that fits within max; the whole text when none does. */
export function cutAtSentence(text: string, max: number): string {
  const ends = [...text.matchAll(/[。！？；!?;]/g)].map((m) => m.index! + 1);
  let best = '';
  for (const e of ends) {
    const prefix = text.slice(0, e);
    if (countChars(prefix) <= max) best = prefix;
    else break;
  }
  return best || text;
}

/**
 * One section written by the model and checked by the server:
 * - provenance: a number that is neither a fact nor a computed value → regenerate once with the
 *   offending numbers named; if one is still there it is marked 〔待核实〕 and reported;
 * - length: outside the target → one retry asking to shorten or lengthen; still too long → cut
 *   at a sentence boundary;
 * - any model failure or a leaked prompt → the offline template draft and a notice.
 */
export async function draftWithLlm(llm: Llm, input: LlmDraftInput, opts: { sessionKey: string; signal?: AbortSignal }): Promise<LlmDraft> {
  const { offline } = input;
  const range = offline.target ? { min: offline.target.min, max: offline.target.max } : untargetedRange(offline);
  const allowed = numbersOf(input.facts);
  for (const n of offline.numbers) allowed.add(normaliseNumber(n.value));
  // The years of the finance table: a figure's year is checked with the figure (attributeClaims), not asked again here.
  const finance = (input.facts as { form?: { finance?: Record<string, unknown> } } | null)?.form?.finance;
  for (const y of Object.keys(finance ?? {})) if (/^\d{4}$/.test(y)) allowed.add(y);

  const messages: ChatMessage[] = draftMessages({ section: input.title, hint: input.hint, clauses: input.clauses, facts: input.facts, min: range.min, max: range.max });
  let calls = 0;
  const write = async (extra: ChatMessage[]): Promise<string> => {
    calls++;
    const r = await llm.streamText({ messages: [...messages, ...extra], temperature: 0.4, signal: opts.signal });
    const text = r.text.trim();
    if (!text) throw new LlmError('badOutput', undefined, 'empty draft');
    if (leaksSystemPrompt(text)) throw new LlmError('badOutput', undefined, 'draft repeats the prompt');
    return text;
  };

  try {
    return await withSlot(llm, opts.sessionKey, async () => {
      let text = await write([]);
      let bad = unsourcedNumbers(text, allowed);
      if (bad.length) {
        const retry = await write([{ role: 'assistant', content: text }, numbersFixMessage(bad)]);
        text = retry;
        bad = unsourcedNumbers(text, allowed);
      }
      let lengthAction: LlmDraft['lengthAction'] = 'none';
      const n = countChars(text);
      // Without a form target, a short cell is fine; only a form's own 字数 target has a floor.
      if ((offline.target && n < range.min) || n > range.max) {
        const retry = await write([{ role: 'assistant', content: text }, lengthFixMessage(n, range.min, range.max)]);
        const retryBad = unsourcedNumbers(retry, allowed);
        // The length retry must not bring back numbers the provenance retry removed.
        if (retryBad.length <= bad.length) {
          text = retry;
          bad = retryBad;
        }
        lengthAction = 'retried';
        if (countChars(text) > range.max) {
          text = cutAtSentence(text, range.max);
          lengthAction = 'cut';
          bad = unsourcedNumbers(text, allowed);
        }
      }
      // Claim by claim: every figure, named system, status word and other claim must trace to a fact, or the offline draft stands.
      // Line by line, as the offline draft is split: a heading or a request ends at its line's end.
      const split = text.split('\n').flatMap((line) => splitSentences(line));
      const claims = attributeClaims(split, offline.sentences, input.facts, input.terms ?? {}, input.labels ?? []);
      const checked = { sentences: split.length, untraced: claims.untraced };
      // A request for a missing fact is the draft's promise that the gap shows: a text that drops one reads as complete when it is not.
      const dropped = [...new Set([...offline.text.matchAll(PLACEHOLDER_RE)].map((m) => m[0]))].filter((p) => !text.includes(p));
      const violations = [...bad, ...claims.unsupported.filter((c) => !bad.some((b) => c.startsWith(`${b}（`))), ...dropped.map((p) => `${p}（缺少的事实未保留）`)];
      if (violations.length) {
        return {
          draft: offline,
          source: 'offline' as const,
          violations,
          checked,
          calls,
          lengthAction,
          notice:
            violations.length === dropped.length
              ? `模型草稿删去了待补充事实的提示（${dropped.slice(0, 3).join('、')}），已改用离线模板草稿，请补充后使用。`
              : `模型草稿中有无法对应到企业事实的表述（${violations.slice(0, 3).map((v) => v.replace(/（.*$/, '')).join('、')}），已改用离线模板草稿，请核对后使用。`,
        };
      }
      const finalText = text;
      const length = countChars(finalText);
      const sources = new Map(offline.numbers.map((x) => [normaliseNumber(x.value), x]));
      const numbers: NumberSource[] = numbersIn(text).map((v) => sources.get(normaliseNumber(v)) ?? { value: v, source: 'facts' });
      const draft: DraftResult = {
        ...offline,
        text: finalText,
        length,
        withinTarget: offline.target ? length >= offline.target.min && length <= offline.target.max : null,
        numbers,
        sentences: claims.sentences,
      };
      return { draft, source: 'llm' as const, violations: [], checked, calls, lengthAction };
    });
  } catch (err) {
    const failure = err instanceof LlmError ? err.failure : 'network';
    return {
      draft: offline,
      source: 'offline',
      violations: [],
      checked: { sentences: 0, untraced: [] },
      calls,
      lengthAction: 'none',
      notice: `模型未能完成本栏撰写（${failureReason(failure)}），已使用离线模板草稿，请核对后使用。`,
    };
  }
}
