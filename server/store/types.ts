import type { AnswerValue } from '../schemas/interview';
import type { TranscriptEntry } from '../schemas/ws';

/** A transcript entry as handed to the store; seq may be one obtained earlier from reserveSeq. */
export type NewTranscriptEntry = Omit<TranscriptEntry, 'seq' | 'at'> & { seq?: number };

/**
 * Session persistence. Every write resolves only after the data is durable, so an
 * acknowledged answer survives kill -9. Implementations never expose a session without
 * its token: routes call `authenticate` first and answer 404 on failure.
 */
export interface SessionStore {
  /**
   * A new session, with `docs` (see getDoc) and its opening `transcript` entries (the welcome, seq 1…n)
   * stored in the same durable write: a session is never seen without the documents and messages it
   * was created with, and opening one costs a single commit. Returns the entries as stored.
   */
  create(docs?: Record<string, unknown>, transcript?: NewTranscriptEntry[]): Promise<{ sessionId: string; token: string; transcript: TranscriptEntry[] }>;
  /** Constant-time token check; false for an unknown session or a wrong token. */
  authenticate(sessionId: string, token: string): Promise<boolean>;
  getAnswers(sessionId: string): Promise<Record<string, AnswerValue>>;
  /** Replaces the whole answer map in one durable write. */
  setAnswers(sessionId: string, answers: Record<string, AnswerValue>): Promise<void>;
  /** Appends an entry and returns it with its seq. A repeated clientId returns the stored entry with duplicate: true. */
  appendTranscript(
    sessionId: string,
    entry: NewTranscriptEntry,
  ): Promise<TranscriptEntry & { duplicate?: boolean }>;
  /**
   * A user turn in one durable transaction: the entry and (unless its clientId is a duplicate)
   * the new answer map. Two separate writes would leave a window where a crash stores the entry
   * but not the answers, and the client's resend would then be refused as a duplicate.
   */
  appendTurn(
    sessionId: string,
    entry: NewTranscriptEntry,
    answers: Record<string, AnswerValue> | undefined,
  ): Promise<TranscriptEntry & { duplicate?: boolean }>;
  /**
   * Reserves the next seq without writing, so streamed assistant text can name its seq in
   * message.start and be stored once complete. Callers hold the session's turn lock meanwhile.
   */
  reserveSeq(sessionId: string): Promise<number>;
  /** Whether an entry with this clientId is already stored (a resend after reconnect). */
  findByClientId(sessionId: string, clientId: string): Promise<TranscriptEntry | undefined>;
  transcriptAfter(sessionId: string, afterSeq: number): Promise<TranscriptEntry[]>;
  /** Free-form JSON documents per session (drafts, form facts, UI state), keyed by name. */
  getDoc<T = unknown>(sessionId: string, key: string): Promise<T | undefined>;
  putDoc(sessionId: string, key: string, value: unknown): Promise<void>;
  /**
   * The session's client has gone (its socket closed, no turn of it running): what the store keeps of it in
   * memory may be dropped, to be read back from the database if the session is used again. Optional: a store
   * that keeps nothing per session needs no such hint.
   */
  release?(sessionId: string): void;
  /** Removes the session and everything stored for it; false if it did not exist. */
  delete(sessionId: string): Promise<boolean>;
  /** Deletes sessions with no activity since `before` (at most `limit` per call); returns their ids. */
  purgeInactive(before: Date, limit?: number): Promise<string[]>;
  /** Readiness: throws unless a real query on every table succeeds and no damaged data has been read. */
  check(): Promise<void>;
  /** Resolves once the database is open and migrated (opening may be deferred until first use). */
  ready?(): Promise<void>;
  close(): Promise<void>;
}
