import type { CategoryFit, CategoryRequest } from '../engine/category-request';
import type { KnowledgeBase } from '../knowledge/base';
import type { Citation } from '../schemas/ask';
import type { AnswerValue, Progress, QuestionView, Recorded } from '../schemas/interview';
import type { Assessment } from '../schemas/profile';
import type { AnswerSource } from '../qa/answer';

export type { Answers, ApplyResult, Interpretation } from '../schemas/interview';
import type { Answers, ApplyResult, Interpretation } from '../schemas/interview';

/** Where the interview stands after the last change: what E (and D's form phase) say next. */
export interface Step {
  assessment: Assessment;
  question: QuestionView | null;
  progress: Progress;
}



/** The rules the conversation runs on (E's engine plus D's form phase when present); pure and synchronous. */
export interface InterviewRules {
  step(answers: Answers): Step;
  apply(answers: Answers, questionId: string, value: AnswerValue): ApplyResult;
  /** Skips the question and every unanswered question of its group (a financial year) in one step. */
  /** Skips every unanswered question of the question's group, or of the form's `section` (workshops, workshops@2, finance). */
  skipGroup(answers: Answers, questionId: string, section?: string): ApplyResult;
  /** The answers with each listed form question that was skipped open again; `reopened` lists them. */
  reopen(answers: Answers, questionIds: string[]): { answers: Answers; reopened: Recorded[] };
  /** `answers` so far: the category applied for changes how some replies read (one workshop is the whole of a workshop applicant's). */
  interpret(text: string, pending: QuestionView | null, answers?: Answers): Interpretation;
  /**
   * The enterprise's facts a question about the notice states in passing (「我们是做乳制品的，有380人，能报吗」), for
   * questions still unanswered: offered to the interview and the form, never stored unasked.
   */
  factsInQuestion?(text: string, answers: Answers): OfferedFact[];
  /** Whether a reply takes the facts offered from a question (「记入」). */
  acceptsOffer?(text: string): boolean;
  describe(answers: Answers): Recorded[];
  /** A correction naming no field read as an edit of the answer to `lastId` (an item of its list, a word of its text, its person's phone). */
  /** A reply that names an answered item and gives it a new value (「严重违法失信名单 改成否」), whichever question waits; undefined when it is none. */
  correctNamed?(text: string, pending: QuestionView | null, answers: Answers): Interpretation | undefined;
  /** A reply that asks to change the category applied for, or how the enterprise would fare under one (engine/category-request). */
  categoryRequest?(text: string): CategoryRequest | undefined;
  /** The reply to asking back whether to switch category: 'confirm' (要, 行), 'decline' (不用, 先不改), or undefined. */
  switchReply?(text: string): 'confirm' | 'decline' | undefined;
  /** Whether a reply only acknowledges and asks to go on (「好的开始吧」): it answers nothing, and the item waiting is asked. */
  startsOnly?(text: string): boolean;
  /** Whether a reply is only a nod (「好的」「行」「嗯」), with or without a go word: after a switch to the interview it answers nothing. */
  acksOnly?(text: string): boolean;
  /** 「我们这条件评得上吗」: the enterprise asking how it fares as things stand, answered from the rules' assessment. */
  asksVerdict?(text: string): boolean;
  /** 「有的」「是的，其实有」: a reply that is only a yes. */
  yesOnly?(text: string): boolean;
  /** 「其实有的」「刚才说错了，有的」: a reply that is only a yes, said as a correction of something said before. */
  correctedYes?(text: string): boolean;
  /** Whether a reply says its answer was given before (「刚才说了」「前面说过了」). */
  saidBefore?(text: string): boolean;
  /**
   * The pending number question's figure as an earlier reply gave it (`said`: the user's replies, the latest first): the
   * first that names the question's field and reads as its answer, with the reply it came from.
   */
  earlierAnswer?(said: string[], pending: QuestionView, answers: Answers): { questionId: string; value: AnswerValue; approx?: true; said: string } | undefined;
  /** The category the rules assess for these answers and its element conditions by status. */
  categoryFit?(answers: Answers): CategoryFit | undefined;
  correctLast?(answers: Answers, lastId: string, text: string): Interpretation | undefined;
  /** The widgets the given questions are asked with, so answers can be edited after a reload. */
  views(answers: Answers, questionIds: string[]): QuestionView[];
}

export interface SpokenAnswer {
  text: string;
  citations: Citation[];
  confidence?: number;
  outOfScope?: boolean;
  /** The answer-base entries the answer was built from, as AskResponse.entries; the question log lists them. */
  entries?: string[];
  /** A refusal's recognised out-of-scope topic, as AskResponse.topic: such a refusal needs no review. */
  topic?: string;
  /** Where an offline answer came from (metrics); unset for a model-written answer. */
  source?: AnswerSource;
  /** The question as answered, when a short follow-up was read with the previous one (「县级市呢」 → 「县级市能推荐几家」). */
  askedAs?: string;
}

export interface SpeakContext {
  kb: KnowledgeBase;
  sessionId: string;
  /** The question the interview is waiting on, if any. */
  pending: QuestionView | null;
  /** The user's previous question on this connection, as it was answered: a short follow-up may lean on it. */
  previousQuestion?: string;
  /** The category this session applies for, by its label (智能车间), when the rules know it: a question naming none is asked of it. */
  category?: string;
  answers: Answers;
  /** Shows the user a short notice (e.g. the model failed and the offline engine answered instead). */
  notify?: (text: string) => void;
}

/**
 * The seam where a language model may speak for the assistant. The offline default is
 * deterministic and built only from the knowledge base; an LLM speaker may replace
 * any method but never decides anything: the rules above still decide what is recorded.
 */
export interface Speaker {
  /**
   * Optional: starts answering a question while the user's entry is still being stored, so a
   * slow model overlaps the durable write. Nothing may be sent until `answer` is called with
   * the same question; `cancel` drops the work (the entry turned out to be a resend).
   */
  prepare?(question: string, ctx: SpeakContext): { cancel(): void } | undefined;
  /**
   * Answers a question about the notice. Text may be streamed through onDelta; the result is the
   * full text, with the confidence and refusal of the answer for the question log when known.
   */
  answer(question: string, ctx: SpeakContext, onDelta: (delta: string) => void): Promise<SpokenAnswer>;
  /** The wording of the next question as the assistant asks it; the widget is unchanged. */
  phraseQuestion(question: QuestionView, ctx: SpeakContext): Promise<string>;
  /** Facts in free text. The result is still validated by the rules before anything is stored. */
  extract(text: string, ctx: SpeakContext): Promise<Interpretation>;
}

/** A fact of the enterprise read from a question, offered to the interview and the form until the user takes it. */
export interface OfferedFact {
  questionId: string;
  value: AnswerValue;
  /** A round figure (三百多人): kept with the words typed, as a round figure given in the interview is. */
  approx?: true;
  said?: string;
}
