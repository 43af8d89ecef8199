import type { Interpretation, SpeakContext, Speaker } from '../chat/ports';
import { failureNotice, LlmError } from './errors';
import { extractFacts, supportedAnswers, type CapabilityTerms } from './facts';
import { groundedAnswer, type GroundedAnswer, type QaSources } from './qa';
import { answerSourceOf } from '../qa/answer';
import { rephraseQuestion } from './rephrase';
import { withSlot, type Llm } from './provider';

type NotifyingContext = SpeakContext;

export interface LlmSpeakerDeps {
  sources(ctx: SpeakContext): QaSources;
  capabilityLabels(ctx: SpeakContext): CapabilityTerms[];
}

/** Short replies ("有", "没有", "是的", "82%") are read exactly by the lexicon; the model adds nothing but latency. */
const OFFLINE_ENOUGH = 8;
/** The same notice is not repeated to a session within this window: one failing provider, one notice. */
const NOTICE_QUIET_MS = 60_000;
const MAX_REMEMBERED = 2000;
/**
 * Reading facts and rewording a question happen while the user waits for the ack and the next
 * question, so they get a hard deadline on top of the configured silence timeout: past it the
 * offline reading is used, and the interview goes on.
 */
const INTERACTIVE_DEADLINE_MS = 8_000;
/** A prepared answer not collected within this time is dropped. */
const PREPARED_TTL_MS = 60_000;

/**
 * The model speaks for the assistant: it answers questions (grounded and checked), rewords the
 * planner's next question and reads facts from free text. It never decides — the rules validate
 * every extracted fact and compute every verdict — and every failure falls back to the offline
 * speaker with a short notice, so no answer is lost and the interview never waits on the model.
 */
export function createLlmSpeaker(llm: Llm, offline: Speaker, deps: LlmSpeakerDeps): Speaker {
  const lastText = new Map<string, string>();
  const lastNotice = new Map<string, { text: string; at: number }>();

  const remember = <V>(m: Map<string, V>, k: string, v: V) => {
    m.delete(k);
    m.set(k, v);
    if (m.size > MAX_REMEMBERED) m.delete(m.keys().next().value!);
  };
  const notify = (ctx: NotifyingContext, text: string) => {
    const prev = lastNotice.get(ctx.sessionId);
    if (prev && prev.text === text && Date.now() - prev.at < NOTICE_QUIET_MS) return;
    remember(lastNotice, ctx.sessionId, { text, at: Date.now() });
    ctx.notify?.(text);
  };
  const failureOf = (err: unknown) => (err instanceof LlmError ? err.failure : 'network');

  /** Answers started during the durable write of the user's entry, per session; deltas wait in `buffered` until answer() attaches. */
  const prepared = new Map<string, { question: string; buffered: string[]; sink: ((d: string) => void) | null; result: Promise<GroundedAnswer>; abort: AbortController; timer?: NodeJS.Timeout }>();
  const drop = (sessionId: string, entry: NonNullable<ReturnType<typeof prepared.get>>) => {
    if (prepared.get(sessionId) === entry) prepared.delete(sessionId);
    clearTimeout(entry.timer);
  };

  return {
    prepare(question, ctx) {
      const sid = ctx.sessionId;
      const previous = prepared.get(sid);
      if (previous) {
        drop(sid, previous);
        previous.abort.abort();
      }
      const abort = new AbortController();
      const entry: NonNullable<ReturnType<typeof prepared.get>> = { question, buffered: [], sink: null, abort, result: Promise.resolve(undefined as never) };
      entry.result = groundedAnswer(llm, deps.sources(ctx), question, {
        sessionKey: sid,
        signal: abort.signal,
        onDelta: (d) => (entry.sink ? entry.sink(d) : void entry.buffered.push(d)),
      });
      // An answer nobody collects (the store write failed) must not hold a model slot for long.
      entry.timer = setTimeout(() => {
        drop(sid, entry);
        abort.abort();
      }, PREPARED_TTL_MS);
      entry.timer.unref();
      prepared.set(sid, entry);
      return {
        cancel() {
          drop(sid, entry);
          abort.abort();
        },
      };
    },

    async answer(question, ctx: NotifyingContext, onDelta) {
      const early = prepared.get(ctx.sessionId);
      let r: GroundedAnswer;
      if (early && early.question === question) {
        drop(ctx.sessionId, early);
        for (const d of early.buffered.splice(0)) onDelta(d);
        early.sink = onDelta;
        r = await early.result;
      } else {
        r = await groundedAnswer(llm, deps.sources(ctx), question, { sessionKey: ctx.sessionId, onDelta });
      }
      if (r.notice) notify(ctx, r.notice);
      // An offline fallback keeps its source; a model-written answer has none.
      return { text: r.response.answer, citations: r.response.citations, confidence: r.response.confidence, outOfScope: r.response.outOfScope, ...(r.response.entries ? { entries: r.response.entries } : {}), ...(r.response.topic ? { topic: r.response.topic } : {}), source: answerSourceOf(r.response) };
    },

    async phraseQuestion(question, ctx: NotifyingContext) {
      const context = lastText.get(ctx.sessionId);
      lastText.delete(ctx.sessionId);
      const deadline = AbortSignal.timeout(INTERACTIVE_DEADLINE_MS);
      try {
        return await withSlot(llm, ctx.sessionId, () => rephraseQuestion(llm, question, context, deadline));
      } catch (err) {
        const failure = deadline.aborted ? 'timeout' : failureOf(err);
        if (failure !== 'busy') notify(ctx, failureNotice(failure));
        return offline.phraseQuestion(question, ctx);
      }
    },

    async extract(text, ctx: NotifyingContext): Promise<Interpretation> {
      remember(lastText, ctx.sessionId, text);
      const base = await offline.extract(text, ctx);
      if (base.kind === 'answers' && text.length <= OFFLINE_ENOUGH) return base;
      // The rules found a plan or a paper record where a system was asked about, or a hedged yes
      // (差不多有吧): the model is not asked to read a yes into it.
      // So too a yes said of one workshop whose place in the application is open (whichWorkshop), and a reply that only
      // names the applying workshop, whose 是 is no yes (applyingUnit).
      if (base.kind === 'unclear' && (base.reason === 'lookalike' || base.reason === 'hedge' || base.reason === 'whichWorkshop' || base.reason === 'applyingUnit')) return base;
      // Form-phase answers (names, dates, money) are D's typed fields; the lexicon reads them exactly.
      if (ctx.pending?.phase === 'form') return base;
      const deadline = AbortSignal.timeout(INTERACTIVE_DEADLINE_MS);
      try {
        const got = await withSlot(llm, ctx.sessionId, () =>
          extractFacts(llm, {
            text,
            pending: ctx.pending ? { id: ctx.pending.id, text: ctx.pending.text } : null,
            capabilityLabels: deps.capabilityLabels(ctx),
            signal: deadline,
          }),
        );
        // Only what the user's own words say is kept; a dropped fact is never shown as 已记录.
        got.items = supportedAnswers(got.items, {
          text,
          pendingId: ctx.pending?.id,
          capabilities: deps.capabilityLabels(ctx),
          offline: base.kind === 'answers' ? base.items : [],
        });
        // What the rules left open for the pending question (a yes naming only other systems) stays open.
        const left = base.kind === 'answers' && base.pendingLeft ? base.pendingLeft : undefined;
        if (left) got.items = got.items.filter((i) => i.questionId !== ctx.pending?.id);
        if (got.items.length === 0) return got.asking ? { kind: 'question' } : base;
        // The model's reading wins where both read the same question; the lexicon fills in the rest.
        const seen = new Set(got.items.map((i) => i.questionId));
        const extra = base.kind === 'answers' ? base.items.filter((i) => !seen.has(i.questionId)) : [];
        // A message the rules or the model found also asking something gets its question answered too.
        const asks = got.asking || (base.kind === 'answers' && base.asks);
        return { kind: 'answers', items: [...got.items, ...extra], ...(asks ? { asks: true as const } : {}), ...(left ? { pendingLeft: left } : {}) };
      } catch (err) {
        const failure = deadline.aborted ? 'timeout' : failureOf(err);
        if (failure !== 'busy') notify(ctx, failureNotice(failure));
        return base;
      }
    },
  };
}
