import { answerFollowUp, answerSourceOf } from '../qa/answer';
import { chunkText } from './phrases';
import type { InterviewRules, Speaker } from './ports';

/**
 * The deterministic speaker: questions are answered by the knowledge base's cited Q&A,
 * questions are asked in the knowledge data's own words, and free text is understood
 * through the lexicon. Same input, same output; no network.
 */
export function createOfflineSpeaker(rules: InterviewRules): Speaker {
  return {
    async answer(question, ctx, onDelta) {
      const { response: r, askedAs } = answerFollowUp(ctx.kb, question, ctx.previousQuestion, ctx.category);
      for (const part of chunkText(r.answer)) onDelta(part);
      return { text: r.answer, citations: r.citations, confidence: r.confidence, outOfScope: r.outOfScope, ...(r.entries ? { entries: r.entries } : {}), ...(r.topic ? { topic: r.topic } : {}), source: answerSourceOf(r), askedAs };
    },
    async phraseQuestion(question) {
      return question.text;
    },
    async extract(text, ctx) {
      return rules.interpret(text, ctx.pending, ctx.answers);
    },
  };
}
