import { fill } from '../engine/kb';
import { formQuestionNamed } from '../forms/phase';
import type { KnowledgeData } from '../knowledge/load';

/**
 * An interview reply the rules did not read is logged with its answer as 「[question id · clause] what the enterprise
 * was told」: the id finds the question in any knowledge version. Staff never read the id; each view names the item.
 */
export interface LoggedReply {
  questionId: string;
  /** The interview question's label, or the form question as the chat asked it. */
  question: string;
  /** The item's short label (联系人姓名), for a log row. */
  label: string;
  clause: string;
  toldBack: string;
}

export function readLoggedReply(data: KnowledgeData, logged: string): LoggedReply | undefined {
  const m = /^\[([^\]·]+?) · ([^\]]*)\] ?([\s\S]*)$/u.exec(logged);
  if (!m) return undefined;
  const questionId = m[1]!.trim();
  const asked = data.interview.questions.find((q) => q.id === questionId);
  // A form question has no label in the interview's list and cites no clause: it is named as the chat asked it.
  // A workshop's question (form.ws.2.name) is found by its form's pattern and names the workshop by its number.
  const formQuestion = asked ? undefined : formQuestionNamed(data, questionId);
  const question = asked?.label ?? formQuestion?.text ?? questionId;
  const label = asked?.label ?? formQuestion?.label ?? questionId;
  return { questionId, question, label, clause: m[2]!.trim(), toldBack: m[3] ?? '' };
}

/** The answer cell of a logged row, as the question log and its export show it: an interview reply names its item by label. */
export function loggedAnswerText(data: KnowledgeData, row: { source: string; answer: string }): string {
  if (row.source !== 'interview') return row.answer;
  const r = readLoggedReply(data, row.answer);
  if (!r) return row.answer;
  const w = data.ui.console.questionLog;
  return r.clause ? fill(w.interviewAnswer, { label: r.label, clause: r.clause, toldBack: r.toldBack }) : fill(w.interviewAnswerForm, { label: r.label, toldBack: r.toldBack });
}
