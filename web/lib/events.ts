import type { AnswerValue } from '../../server/schemas/interview';

/** Typed events that components send up to the app shell. All bubble and cross shadow roots. */
export interface ZzEventDetails {
  'zz-open-clause': { clause: string };
  'zz-answer': { questionId: string; value: AnswerValue; display: string };
  'zz-edit': { questionId: string; value: AnswerValue; display: string; label: string };
  'zz-send': { text: string };
  'zz-retry': { id: string };
  'zz-start': { mode: 'interview' | 'qa' };
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
    'zz-send': CustomEvent<ZzEventDetails['zz-send']>;
    'zz-retry': CustomEvent<ZzEventDetails['zz-retry']>;
    'zz-start': CustomEvent<ZzEventDetails['zz-start']>;
  }
}
