import type { ServerMessage, TranscriptEntry } from '../../server/schemas/ws';
import type { Citation } from '../../server/schemas/ask';
import type { Assessment } from '../../server/schemas/profile';
import type { AnswerValue, Progress, QuestionView, Recorded } from '../../server/schemas/interview';
import { applyAssessmentChanges } from '../../server/chat/assessment-changes';

/** 'failed': never reached or never answered by the server, worth a retry. 'rejected': the server read it and refused the value. */
export type MessageStatus = 'sending' | 'sent' | 'failed' | 'rejected' | 'streaming' | 'done';

/**
 * Error codes that mean the server read the message and refused its content: sending the same
 * message again would be refused again, so these get no retry button (server/schemas/ws.ts WsErrorCode).
 */
const REJECTION_CODES = new Set(['INVALID', 'UNKNOWN_QUESTION', 'TOO_LARGE', 'MALFORMED', 'UNKNOWN_TYPE', 'STALE']);

export function isRejection(code: string): boolean {
  return REJECTION_CODES.has(code);
}

export interface ChatMessage {
  /** Server id once known; a local id (the clientId) for a user message not yet stored. */
  id: string;
  role: 'user' | 'assistant';
  text: string;
  citations: Citation[];
  status: MessageStatus;
  seq?: number;
  clientId?: string;
  /** Why a message failed, in words the user can act on. */
  error?: string;
  /** For an answer given with a widget: the question it answers, shown above the short answer. */
  caption?: string;
  /** For an answer given with a widget: which question, so a refusal is shown next to that widget. */
  questionId?: string;
  /** For an answer to a question about the notice: its question-log id, which 👍/👎 refer to. */
  logId?: string;
}

/**
 * The conversation as the page shows it, rebuilt from server messages. It is a plain object with
 * no DOM so its rules (dedupe by id and seq, acks, streaming, replay after a reconnect) are unit-tested.
 */
export class Conversation {
  messages: ChatMessage[] = [];
  question: QuestionView | null = null;
  progress: Progress | null = null;
  assessment: Assessment | null = null;
  /** The knowledge version the session was created under (its notice's year and title). */
  knowledge: Extract<ServerMessage, { type: 'session' }>['knowledge'] | null = null;
  answers: Record<string, AnswerValue> = {};
  /** Labelled answers for the review card, by question id, in the order they were first given. */
  recorded = new Map<string, Recorded>();
  /** Every question seen, so the review card can edit an answer with the widget it was asked with. */
  questions = new Map<string, QuestionView>();
  notices: { level: 'info' | 'warn'; text: string }[] = [];
  /** The server's reason for refusing the user's latest answer, shown by the question until the user tries again. */
  rejection: { message: string; questionId?: string } | null = null;
  /** The text of the last assistant message that finished, for the aria-live region. */
  lastFinished: ChatMessage | null = null;
  /**
   * The clientId of an answer (or edit) the server has acknowledged and whose turn is not over yet.
   * The ack comes first and the turn's messages and its closing question frame follow: until that
   * frame arrives the question on screen is the one just answered, and a tap on it would answer it
   * a second time (or change the answer) instead of answering the question about to replace it.
   */
  turnOpen: string | null = null;

  /**
   * Highest seq below which everything is complete. A message still streaming holds it back, so a
   * resume replays that message whole instead of leaving it cut off.
   */
  get lastSeq(): number {
    let max = 0;
    let streamingMin = Infinity;
    for (const m of this.messages) {
      if (m.seq === undefined) continue;
      if (m.status === 'streaming') streamingMin = Math.min(streamingMin, m.seq);
      else if (m.status === 'sent' || m.status === 'done') max = Math.max(max, m.seq);
    }
    return Math.max(0, Math.min(max, streamingMin - 1));
  }

  get hasUserMessages(): boolean {
    return this.messages.some((m) => m.role === 'user');
  }

  reset(): void {
    this.messages = [];
    this.question = null;
    this.progress = null;
    this.assessment = null;
    this.answers = {};
    this.recorded = new Map();
    this.questions = new Map();
    this.notices = [];
    this.rejection = null;
    this.lastFinished = null;
    this.turnOpen = null;
  }

  /** The review card after a reload: the server describes every stored answer (GET /api/sessions/:id). */
  loadRecorded(items: Recorded[], questions: QuestionView[] = []): void {
    // The widgets the answers were asked with, so each one is edited the same way after a reload.
    for (const q of questions) if (!this.questions.has(q.id)) this.questions.set(q.id, q);
    const next = new Map<string, Recorded>();
    for (const r of items) next.set(r.questionId, r);
    // Answers recorded over the socket while the request was in flight win over the older snapshot.
    for (const [id, r] of this.recorded) if (!next.has(id) && id in this.answers) next.set(id, r);
    this.recorded = next;
  }

  /** Shows a user message at once, before the server has seen it. */
  addLocalUser(clientId: string, text: string, caption?: string, questionId?: string): ChatMessage {
    const m: ChatMessage = { id: clientId, clientId, role: 'user', text, citations: [], status: 'sending', caption, questionId };
    // A new attempt answers the previous refusal: its note goes, and so do the refused bubbles, so they do not pile up.
    this.rejection = null;
    this.messages = [...this.messages.filter((x) => x.status !== 'rejected'), m];
    return m;
  }

  markFailed(clientId: string, error: string): void {
    this.update((m) => m.clientId === clientId && m.status !== 'sent', (m) => ({ ...m, status: 'failed', error }));
  }

  markRejected(clientId: string, error: string): void {
    this.update((m) => m.clientId === clientId && m.status !== 'sent', (m) => ({ ...m, status: 'rejected', error }));
  }

  remove(id: string): void {
    this.messages = this.messages.filter((m) => m.id !== id);
  }

  apply(msg: ServerMessage): void {
    switch (msg.type) {
      case 'session':
        // After a (re)open the server sends the whole state again, the current question included.
        this.turnOpen = null;
        this.knowledge = msg.knowledge ?? null;
        for (const e of msg.transcript) this.merge(e);
        this.answers = { ...msg.answers };
        // Answers removed by a restart elsewhere must leave the review card too.
        for (const id of [...this.recorded.keys()]) if (!(id in this.answers)) this.recorded.delete(id);
        break;
      case 'ack': {
        const found = this.messages.find((m) => m.clientId === msg.clientId);
        if (found) {
          this.update((m) => m === found, (m) => ({ ...m, status: 'sent', seq: msg.seq, error: undefined }));
        }
        // Every answer or edit turn closes with a question frame; a duplicate's turn ran before and sends nothing more.
        if (found?.questionId !== undefined && !msg.duplicate) this.turnOpen = msg.clientId;
        // An ack for a seq already shown under its server id means the replay got there first.
        this.dedupe();
        break;
      }
      case 'message.start':
        if (!this.messages.some((m) => m.id === msg.id)) {
          this.messages = [...this.messages, { id: msg.id, role: 'assistant', text: '', citations: [], status: 'streaming', seq: msg.seq }];
        }
        break;
      case 'message.delta':
        this.update((m) => m.id === msg.id && m.status === 'streaming', (m) => ({ ...m, text: m.text + msg.delta }));
        break;
      case 'message.end': {
        const exists = this.messages.some((m) => m.id === msg.id);
        const done: ChatMessage = { id: msg.id, role: 'assistant', text: msg.text, citations: msg.citations, status: 'done', seq: msg.seq, ...(msg.questionId ? { logId: msg.questionId } : {}) };
        if (exists) this.update((m) => m.id === msg.id, () => done);
        else this.messages = [...this.messages, done];
        this.lastFinished = done;
        break;
      }
      case 'sync': {
        // Another tab of the session changed it: its entries, and the answers and review card as they now stand.
        for (const e of msg.transcript) this.merge(e);
        this.answers = { ...msg.answers };
        this.recorded = new Map(msg.recorded.map((r) => [r.questionId, r]));
        break;
      }
      case 'recorded':
        // A widget of an answer given in passing: the review card edits it with its choices, never as raw text.
        for (const q of msg.questions ?? []) if (!this.questions.has(q.id)) this.questions.set(q.id, q);
        for (const r of msg.items) {
          this.recorded.set(r.questionId, r);
          this.answers = { ...this.answers, [r.questionId]: r.value };
        }
        this.recorded = new Map(this.recorded);
        break;
      case 'reopened': {
        // Skips taken back hold no answer any more: the form view and the review card show them open again.
        const answers = { ...this.answers };
        for (const id of msg.questionIds) {
          delete answers[id];
          this.recorded.delete(id);
        }
        this.answers = answers;
        this.recorded = new Map(this.recorded);
        break;
      }
      case 'question':
        this.turnOpen = null;
        if (msg.question?.id !== this.question?.id) this.rejection = null;
        this.question = msg.question;
        this.progress = msg.progress;
        if (msg.question) this.questions.set(msg.question.id, msg.question);
        break;
      case 'assessment':
        this.assessment = msg.assessment;
        this.progress = msg.progress;
        break;
      case 'assessment.changes':
        // Changes follow a whole assessment on the same connection, so there is always a base.
        if (this.assessment) this.assessment = applyAssessmentChanges(this.assessment, msg.changes);
        this.progress = msg.progress;
        break;
      case 'notice':
        this.notices = [...this.notices.slice(-4), { level: msg.level, text: msg.text }];
        break;
      case 'error':
        // An error without a clientId is a turn that failed on the server: no question frame will close it.
        if (!msg.clientId || msg.clientId === this.turnOpen) this.turnOpen = null;
        if (!msg.clientId) break;
        if (isRejection(msg.code)) {
          const m = this.messages.find((x) => x.clientId === msg.clientId);
          // The engine prefixes its reasons with the question id (ent.industryCode: …), which means nothing to the user.
          const reason = msg.message.replace(/^[a-z][\w.]*:\s*/i, '');
          this.markRejected(msg.clientId, reason);
          // A reply to a question answered elsewhere is explained on its bubble; the card that follows is another question.
          if (msg.code !== 'STALE') this.rejection = { message: reason, questionId: m?.questionId };
        } else this.markFailed(msg.clientId, msg.message);
        break;
      default:
        break;
    }
  }

  /** Inserts a replayed transcript entry unless the page already shows it (by id, seq or clientId). */
  private merge(e: TranscriptEntry): void {
    const byId = this.messages.find((m) => m.id === e.id || (m.seq !== undefined && m.seq === e.seq));
    const byClient = e.clientId ? this.messages.find((m) => m.clientId === e.clientId) : undefined;
    const existing = byId ?? byClient;
    const entry: ChatMessage = {
      id: e.id,
      role: e.role,
      text: e.text,
      citations: e.citations ?? [],
      status: e.role === 'user' ? 'sent' : 'done',
      seq: e.seq,
      clientId: e.clientId,
    };
    if (existing) {
      // The local user bubble keeps its place; a half-streamed assistant message gets its full text.
      this.update((m) => m === existing, (m) => (m.role === 'user' ? { ...m, status: 'sent', seq: e.seq, id: e.id, error: undefined } : entry));
      return;
    }
    // Keep the transcript order by seq; unsent local messages stay at the end.
    const idx = this.messages.findIndex((m) => m.seq === undefined || m.seq > e.seq);
    const next = [...this.messages];
    next.splice(idx === -1 ? next.length : idx, 0, entry);
    this.messages = next;
  }

  private dedupe(): void {
    const seen = new Set<string>();
    this.messages = this.messages.filter((m) => {
      const key = m.seq !== undefined ? `seq:${m.seq}` : `id:${m.id}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
  }

  private update(pred: (m: ChatMessage) => boolean, fn: (m: ChatMessage) => ChatMessage): void {
    this.messages = this.messages.map((m) => (pred(m) ? fn(m) : m));
  }
}
