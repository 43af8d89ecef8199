import type { AnswerValue } from '../../server/schemas/interview';

/** One fact read from an uploaded document as the user accepts it: the question it answers and the value taken. */
export interface DocumentAnswer {
  documentId: string;
  questionId: string;
  value: AnswerValue;
  reading: string;
  label: string;
}

/** Typed events that components send up to the app shell. All bubble and cross shadow roots. */
export interface ZzEventDetails {
  'zz-open-clause': { clause: string };
  /**
   * wholeGroup: a skip that stands for every unanswered question of the question's group (a year with no data), or
   * with `section` of that part of the form (workshops@2, finance), as the chat's 「车间的先跳过」 does.
   */
  'zz-answer': { questionId: string; value: AnswerValue; display: string; wholeGroup?: boolean; section?: string };
  /** The form view's 撤销跳过: the skipped questions of a part opened again. */
  'zz-reopen': { questionIds: string[]; display: string };
  'zz-edit': { questionId: string; value: AnswerValue; display: string; label: string };
  'zz-send': { text: string };
  'zz-retry': { id: string };
  'zz-start': { mode: 'interview' | 'qa' };
  /** 我的会话: reopen or delete a session this browser keeps a link to. */
  'zz-open-session': { sessionId: string };
  'zz-delete-session': { sessionId: string };
  /**
   * An uploaded document's answer to an interview question, accepted by the user: recorded over the chat
   * like an edit (so the conversation, the review card and the assessment follow), then marked accepted on the document.
   */
  'zz-document-answer': DocumentAnswer & { settled?: (refusal: string | null) => void };
  /**
   * Several of an upload's facts accepted at once (全部采纳): recorded over the chat as one message, shown as one entry
   * (「已采用 N 项：…」) rather than one per fact. `settled` is told once the chat stored them (null) or refused them
   * (its message), so the panel shows them accepted only when they are.
   */
  'zz-document-answers': { items: DocumentAnswer[]; settled?: (refusal: string | null) => void };
  /** A drafts editor reports whether it holds edits not yet saved, so leaving the page can warn. */
  'zz-drafts-dirty': { dirty: boolean };
}

export type ZzEventName = keyof ZzEventDetails;

export function emit<K extends ZzEventName>(from: EventTarget, name: K, detail: ZzEventDetails[K]): void {
  from.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true }));
}

declare global {
  interface HTMLElementEventMap {
    'zz-open-clause': CustomEvent<ZzEventDetails['zz-open-clause']>;
    'zz-answer': CustomEvent<ZzEventDetails['zz-answer']>;
    'zz-edit': CustomEvent<ZzEventDetails['zz-edit']>;
    'zz-reopen': CustomEvent<ZzEventDetails['zz-reopen']>;
    'zz-send': CustomEvent<ZzEventDetails['zz-send']>;
    'zz-retry': CustomEvent<ZzEventDetails['zz-retry']>;
    'zz-start': CustomEvent<ZzEventDetails['zz-start']>;
    'zz-drafts-dirty': CustomEvent<ZzEventDetails['zz-drafts-dirty']>;
    'zz-document-answer': CustomEvent<ZzEventDetails['zz-document-answer']>;
    'zz-document-answers': CustomEvent<ZzEventDetails['zz-document-answers']>;
    'zz-open-session': CustomEvent<ZzEventDetails['zz-open-session']>;
    'zz-delete-session': CustomEvent<ZzEventDetails['zz-delete-session']>;
  }
}
