import { answerQuestion, answerSourceOf } from '../qa/answer';
import { rulesFor } from '../chat/rules';
import { isReplyOnly } from '../understand/personal';
import type { KnowledgeBase } from '../knowledge/base';
import type { QuestionSource } from './schemas';
import { readLoggedReply } from './interview-reply';

/**
 * What a logged row is to the staff, the one classification the dashboard's counts and the review queue both read:
 * - `question`: a question asked of the notice (政策问答, /api/ask, the CLI, the console);
 * - `smallTalk`: text that asks nothing of it (a greeting, thanks, a joke, a reply that only confirms): logged, but
 *   neither counted as a question nor for review;
 * - `misread`: an interview reply the rules could not read, for review and counted apart;
 * - `read`: an interview reply the rules read (a greeting, a value of another kind than the field wants) and said so:
 *   no misread. Rows logged before the rules knew such replies are of this kind when read again.
 */
export type LogKind = 'question' | 'smallTalk' | 'misread' | 'read';

/** The out-of-scope topic (intents.json) of text that asks nothing of the notice: greetings, the weather, a joke. */
export const SMALL_TALK_TOPIC = 'chat';

/** What the log knows of a row when it is written: its answer's outcome as the Q&A gave it. */
export interface KindOfAnswer {
  source: QuestionSource;
  question: string;
  /** Whether the Q&A greeted or thanked back (AnswerSource 'acknowledgement'). */
  acknowledged: boolean;
  refused: boolean;
  topic?: string | undefined;
}

/**
 * The kind of a row as it is logged, from its answer. A reply that only confirms (「对」) or gives the sender's own
 * mailbox or phone asks nothing, whatever it was answered.
 */
export function kindOfAnswer(a: KindOfAnswer, published: readonly string[]): LogKind {
  if (a.source === 'interview') return 'misread';
  if (a.acknowledged || (a.refused && a.topic === SMALL_TALK_TOPIC) || isReplyOnly(a.question, published)) return 'smallTalk';
  return 'question';
}

/** A row logged before its kind was: its text, where it came from and what it was told. */
export interface UnkindedRow {
  source: QuestionSource;
  question: string;
  answer: string;
}

/**
 * The kind of a row logged before the log kept one, read again with the rules of its knowledge version: a Q&A text is
 * answered again (offline, nothing said to anyone) and classified as a new one is; an interview reply is read again
 * against the item it answered, and is no misread where the rules now read it as a greeting or as of another kind
 * than the field wants.
 */
export function kindOfLogged(kb: KnowledgeBase, row: UnkindedRow, published: readonly string[]): LogKind {
  if (row.source === 'interview') {
    const item = readLoggedReply(kb.data, row.answer);
    const rules = rulesFor(kb);
    const view = item ? rules.views({}, [item.questionId])[0] : undefined;
    if (!view) return 'misread';
    const read = rules.interpret(row.question, view, {});
    const wrongKind = read.kind === 'answers' && read.pendingLeft?.reason === 'wrongKind' && !read.items.some((i) => i.questionId === view.id);
    return (read.kind === 'unclear' && (read.reason === 'greeting' || read.reason === 'wrongKind')) || wrongKind ? 'read' : 'misread';
  }
  const a = answerQuestion(kb, row.question);
  return kindOfAnswer({ source: row.source, question: row.question, acknowledged: answerSourceOf(a) === 'acknowledgement', refused: a.outOfScope, topic: a.topic }, published);
}
