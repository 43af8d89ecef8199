import type { AskResponse, Citation } from '../schemas/ask';
import { CitationStream } from './citations';
import { checkGrounding, type GroundingFailure } from './grounding';
import { quoteUnits, renderUnit } from '../qa/quote';
import type { FigureSubject } from '../qa/figures';
import { failureNotice, LlmError, type LlmFailure } from './errors';
import { dataBlock, fill, leaksSystemPrompt, prompts, qaMessages, type PromptClause } from './prompts';
import { withSlot, type Llm } from './provider';
import { answerSourceOf } from '../qa/answer';

/** What the grounded answer needs from the knowledge side (K's retrieval and offline answer). */
export interface QaSources {
  /** The offline answer; it also decides out-of-scope. */
  offline(question: string): AskResponse;
  /** The clauses retrieval ranks highest for the question. */
  retrieve(question: string, k: number): PromptClause[];
  clause(id: string): PromptClause | undefined;
  /** The answer-base answer matched with high confidence, whose conclusion the model must keep. */
  verified?(question: string): VerifiedConclusion | null;
  /** The notice's title, from the knowledge version. */
  notice?: string;
  /** The notice's helpline as printed: the only phone number an answer may give. */
  helpline?: string;
  /** The clause words a subject the text names is bound to (a region → its quota's words): see FigureOptions.subjectOf. */
  subjectOf?: (words: string) => readonly string[] | undefined;
  /** Who the notice's figures are about (facts.json figureSubjects): see FigureOptions.subjects. */
  subjects?: readonly FigureSubject[];
  /** The unit the helpline belongs to (facts.json contact.unit). */
  helplineUnit?: string;
}

/** A verified answer: its kind of conclusion and its text, conclusion first. */
export interface VerifiedConclusion {
  conclusion: 'yes' | 'no' | 'value' | 'list' | 'depends' | 'open' | 'notCovered';
  answer: string;
  clauses: string[];
}

export interface GroundedAnswer {
  response: AskResponse;
  source: 'llm' | 'offline';
  /** Cited IDs that were removed: unknown, or not among the clauses the model was given. */
  removed: string[];
  /** The Chinese notice to show when the model was not used after all. */
  notice?: string;
  failure?: LlmFailure | 'noCitation' | 'leak' | 'contradiction' | 'ungrounded';
  /** Which grounding check failed (quote, number, phone …), for logs; never the text itself. */
  check?: GroundingFailure['kind'];
}

/** How many retrieved clauses the model sees: enough for hit@3 with room for context, small enough to stay focused. */
export const QA_CLAUSES = 6;

/** A citation quoting the clause's first sentence (or its first 「；」 part, marked with 「…」), verbatim. */
export function citationFor(c: PromptClause): Citation {
  const unit = quoteUnits(c.text)[0];
  return { clause: c.id, title: c.title, quote: unit ? renderUnit(unit) : c.title };
}

const NEGATIVE = /^[\s（(]*(不|否|没有|无需|无须|未)/u;
const POSITIVE = /^[\s（(]*(是|可以|能|要|需要|会|应当|必须)/u;
// Counts, dates and sizes an answer states; a model figure the verified answer does not hold contradicts it.
const FIGURE = /\d+(?:\.\d+)?\s*(?:家|张|个|项|m|M|分钟|字|月\d+日|日|%)/gu;

/**
 * Whether the model's added text contradicts a verified answer: it opens with the opposite
 * yes/no, or states a count, date or size the verified answer and the given clauses do not.
 */
export function contradicts(verified: VerifiedConclusion, text: string, clauses: readonly PromptClause[]): boolean {
  const first = text.replace(/〔[^〕]*〕/gu, '').trim();
  if (verified.conclusion === 'yes' && NEGATIVE.test(first)) return true;
  if (verified.conclusion === 'no' && POSITIVE.test(first) && !NEGATIVE.test(first)) return true;
  const known = `${verified.answer}\n${clauses.map((c) => c.text).join('\n')}`.replace(/\s+/g, '');
  return [...first.matchAll(FIGURE)].some((m) => !known.includes(m[0].replace(/\s+/g, '')));
}

/**
 * A model answer grounded in retrieved clauses, checked clause by clause.
 *
 * - Out of scope stays the engine's: the offline answer decides it and the model is not asked.
 * - The model sees only the retrieved clauses (plus the ones the offline answer cites), with IDs.
 * - Every cited ID must exist and have been given; others are removed as they stream and the
 *   answer is marked. No valid citation left → the offline answer, with a notice.
 * - Any failure (timeout, 401, 429, 5xx, cut stream, leaked prompt) → the offline answer.
 *
 * - Every quote, figure, phone number and stated rule must be in the clause cited for it
 *   (grounding.ts); one that is not → the offline answer.
 *
 * `onDelta` receives only checked text: the model's reply is held until every check has passed,
 * so a rejected sentence is never on screen, not even for a moment. Only the verified answer (the
 * knowledge's own text) is sent before the model is done. When the result falls back, the returned
 * response is what the conversation must store and show as the final message.
 */
export async function groundedAnswer(
  llm: Llm,
  src: QaSources,
  question: string,
  opts: { sessionKey: string; onDelta?: (delta: string) => void; signal?: AbortSignal },
): Promise<GroundedAnswer> {
  const offline = src.offline(question);
  // A refusal, the reply to 「好的」「谢谢」, or the question back to a bare 「那这个呢」 is the offline text: the model has no clause to phrase.
  if (offline.outOfScope || answerSourceOf(offline) === 'acknowledgement' || answerSourceOf(offline) === 'clarification') return { response: offline, source: 'offline', removed: [] };

  const given = new Map<string, PromptClause>();
  for (const c of offline.citations) {
    const clause = src.clause(c.clause);
    if (clause) given.set(clause.id, clause);
  }
  for (const c of src.retrieve(question, QA_CLAUSES)) if (!given.has(c.id)) given.set(c.id, c);
  if (given.size === 0) return { response: offline, source: 'offline', removed: [] };

  // A high-confidence answer-base match is the model's first source: its conclusion is shown as
  // written, first, and the model only adds context after it.
  const verified = src.verified?.(question) ?? null;
  const checker = new CitationStream((id) => given.has(id) && src.clause(id) !== undefined);
  const stop = new AbortController();
  const onOuterAbort = () => stop.abort();
  opts.signal?.addEventListener('abort', onOuterAbort, { once: true });
  const fallback = (failure: GroundedAnswer['failure'], notice: string, check?: GroundingFailure): GroundedAnswer => ({
    response: offline,
    source: 'offline',
    removed: checker.removed,
    notice,
    failure,
    ...(check ? { check: check.kind } : {}),
  });

  if (verified) opts.onDelta?.(`${verified.answer}\n`);
  try {
    await withSlot(llm, opts.sessionKey, () =>
      llm.streamText({
        messages: withVerified(qaMessages({ question, clauses: [...given.values()], notice: src.notice }), verified),
        temperature: 0.2,
        signal: stop.signal,
        onDelta: (d) => {
          checker.push(d);
          if (checker.leaked) stop.abort(); // no point reading the rest of a leaking answer
        },
      }),
    );
  } catch (err) {
    if (checker.leaked) return fallback('leak', '模型回答未通过核验，已改用离线答案。');
    const failure = err instanceof LlmError ? err.failure : 'network';
    return fallback(failure, failureNotice(failure));
  } finally {
    opts.signal?.removeEventListener('abort', onOuterAbort);
  }
  checker.end();
  const text = checker.shown.trim();

  if (checker.leaked || leaksSystemPrompt(text)) return fallback('leak', '模型回答未通过核验，已改用离线答案。');
  const grounding = () => checkGrounding({ text, given, verified: verified?.answer, helpline: src.helpline, notice: src.notice, traceAll: verified !== null, subjectOf: src.subjectOf, subjects: src.subjects, helplineUnit: src.helplineUnit });
  if (verified) {
    if (contradicts(verified, text, [...given.values()])) return fallback('contradiction', '模型回答与核实的答案不一致，已改用离线答案。');
    // Nothing to add, or nothing checkable added: the verified answer with its quotes stands alone.
    if (checker.valid.length === 0 || /^（?无补充）?$/u.test(text)) return { response: offline, source: 'offline', removed: checker.removed };
    const ungrounded = grounding();
    if (ungrounded) return fallback('ungrounded', '模型回答未通过核验，已改用离线答案。', ungrounded);
    const added = checker.removed.length > 0 ? `${text}\n\n（注：已删除 ${checker.removed.length} 处无法核验的条款引用。）` : text;
    replay(added, opts.onDelta);
    const citations = [...offline.citations];
    for (const id of checker.valid) if (!citations.some((c) => c.clause === id)) citations.push(citationFor(given.get(id)!));
    // The conclusion shown first is the entries' own, so the answer still names them.
    return { response: { answer: `${verified.answer}\n${added}`, citations, confidence: offline.confidence, outOfScope: false, ...(offline.entries ? { entries: offline.entries } : {}) }, source: 'llm', removed: checker.removed };
  }
  if (checker.valid.length === 0) return fallback('noCitation', '模型回答没有可核验的条款依据，已改用离线答案。');
  const ungrounded = grounding();
  if (ungrounded) return fallback('ungrounded', '模型回答未通过核验，已改用离线答案。', ungrounded);

  const marked = checker.removed.length > 0;
  const answer = marked ? `${text}\n\n（注：已删除 ${checker.removed.length} 处无法核验的条款引用。）` : text;
  replay(answer, opts.onDelta);
  const citations = checker.valid.map((id) => citationFor(given.get(id)!));
  const overlap = checker.valid.some((id) => offline.citations.some((c) => c.clause === id));
  const confidence = Math.max(0.3, Math.min(0.95, (overlap ? Math.max(offline.confidence, 0.7) : 0.6) - (marked ? 0.2 : 0)));
  return { response: { answer, citations, confidence, outOfScope: false }, source: 'llm', removed: checker.removed };
}

/**
 * Sends checked text in short pieces, each ending at a punctuation mark where one is near and never
 * inside a citation, so the client still renders it as it arrives.
 */
function replay(text: string, onDelta?: (delta: string) => void): void {
  if (!onDelta) return;
  const PIECE = 16;
  let at = 0;
  while (at < text.length) {
    let end = Math.min(text.length, at + PIECE);
    const cut = text.slice(at, end).search(/[，。；：！？\n][^，。；：！？\n]*$/u);
    if (end < text.length && cut > 0) end = at + cut + 1;
    const open = text.lastIndexOf('〔', end - 1);
    if (open >= at && text.indexOf('〕', open) >= end) end = text.indexOf('〕', open) + 1;
    onDelta(text.slice(at, end));
    at = end;
  }
}

/** The Q&A messages with the verified answer appended as a fenced data block and its instructions. */
function withVerified(messages: ReturnType<typeof qaMessages>, verified: VerifiedConclusion | null): ReturnType<typeof qaMessages> {
  if (!verified) return messages;
  const user = messages[messages.length - 1]!;
  const extra = fill(prompts()['qa-verified'], { verified: dataBlock('已核实的答案', verified.answer) });
  return [...messages.slice(0, -1), { ...user, content: `${user.content}\n\n${extra}` }];
}
