import type { AnswerValue } from '../schemas/interview';
import type { TranscriptEntry } from '../schemas/ws';

/**
 * Session persistence. Every write resolves only after the data is durable, so an
 * acknowledged answer survives kill -9. Implementations never expose a session without
 * its token: routes call `authenticate` first and answer 404 on failure.
 */
export interface SessionStore {
  create(): Promise<{ sessionId: string; token: string }>;
  /** Constant-time token check; false for an unknown session or a wrong token. */
  authenticate(sessionId: string, token: string): Promise<boolean>;
  getAnswers(sessionId: string): Promise<Record<string, AnswerValue>>;
  /** Replaces the whole answer map in one durable write. */
  setAnswers(sessionId: string, answers: Record<string, AnswerValue>): Promise<void>;
  /** Appends an entry and returns it with its seq. A repeated clientId returns the stored entry with duplicate: true. */
  appendTranscript(
    sessionId: string,
    entry: Omit<TranscriptEntry, 'seq' | 'at'>,
  ): Promise<TranscriptEntry & { duplicate?: boolean }>;
  transcriptAfter(sessionId: string, afterSeq: number): Promise<TranscriptEntry[]>;
  /** Free-form JSON documents per session (drafts, form facts, UI state), keyed by name. */
  getDoc<T = unknown>(sessionId: string, key: string): Promise<T | undefined>;
  putDoc(sessionId: string, key: string, value: unknown): Promise<void>;
  close(): Promise<void>;
}
