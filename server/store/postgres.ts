import type { TranscriptEntry } from '../schemas/ws';
import type { NewTranscriptEntry, SessionStore } from './types';
import { hashToken, newSessionId, newToken, tokenMatches } from './tokens';
import { postgresDb, type Db } from './db';
import { migrate, TABLES } from './migrations';
import * as q from './queries';
import { openingEntries, type Answers } from './queries';
import { sealAnswers } from '../schemas/interview';

export interface PostgresStoreOptions {
  /** postgres://user:pass@host:port/db, or postgres:///db?host=/socket/dir for a unix socket. */
  url: string;
  poolSize?: number;
}

/** A clientId that another request stored first; the transaction is rolled back and the stored entry returned. */
class Duplicate extends Error {
  constructor(readonly entry: TranscriptEntry) {
    super('duplicate clientId');
  }
}

const SESSION_ID = /^[0-9a-f-]{36}$/;

/**
 * SessionStore on a PostgreSQL server shared by any number of app instances. Unlike the
 * embedded store it keeps no copy of a session in memory: another instance may have written
 * since, so every read goes to the database, and whatever must be unique across instances is
 * decided there (the transcript seq by a counter row, a resent clientId by a unique index).
 * Every write is one transaction that has committed before the call resolves.
 */
export class PostgresStore implements SessionStore {
  private migrated: Promise<void> | undefined;
  private closed = false;
  /** The last write queued per session in this process. */
  private readonly tails = new Map<string, Promise<unknown>>();

  private constructor(private readonly db: Db) {}

  /** A store that connects on first use; ready() applies the migrations (under an advisory lock). */
  static start(opts: PostgresStoreOptions): PostgresStore {
    return new PostgresStore(postgresDb(opts.url, { poolSize: opts.poolSize }));
  }

  static async open(opts: PostgresStoreOptions): Promise<PostgresStore> {
    const s = PostgresStore.start(opts);
    try {
      await s.ready();
    } catch (err) {
      await s.close();
      throw err;
    }
    return s;
  }

  ready(): Promise<void> {
    this.migrated ??= migrate(this.db).then(() => undefined);
    return this.migrated;
  }

  database(): Promise<Db> {
    return Promise.resolve(this.db);
  }

  async create(docs: Record<string, unknown> = {}, transcript: NewTranscriptEntry[] = []): Promise<{ sessionId: string; token: string; transcript: TranscriptEntry[] }> {
    const sessionId = newSessionId();
    const token = newToken();
    const at = new Date().toISOString();
    const entries = openingEntries(transcript, at);
    // One statement, so one implicit transaction: the session, its documents and its opening messages
    // commit together. The seq counter needs no setting: it is raised to the highest stored seq when taken.
    await q.writeBatch(
      this.db,
      {
        sessions: [{ id: sessionId, h: hashToken(token).toString('hex'), at }],
        docs: Object.entries(docs).map(([k, v]) => ({ s: sessionId, k, v: v ?? null })),
        entries: entries.map((e) => ({ s: sessionId, seq: e.seq, id: e.id, role: e.role, text: e.text, c: e.citations, cid: e.clientId ?? null, at: e.at })),
        patches: [],
        touch: [],
      },
      at,
    );
    return { sessionId, token, transcript: entries };
  }

  async authenticate(sessionId: string, token: string): Promise<boolean> {
    if (typeof sessionId !== 'string' || typeof token !== 'string' || token.length > 256) return false;
    const hex = SESSION_ID.test(sessionId) ? await q.sessionTokenHash(this.db, sessionId) : undefined;
    return tokenMatches(token, hex === undefined ? undefined : Buffer.from(hex, 'hex'));
  }

  async getAnswers(sessionId: string): Promise<Answers> {
    const r = await q.readAnswers(this.db, sessionId);
    if (!r) throw new Error(`session ${sessionId} not found`);
    return sealAnswers(r.answers);
  }

  async setAnswers(sessionId: string, answers: Answers): Promise<void> {
    const copy = { ...answers };
    await this.serial(sessionId, () => this.db.transaction((tx) => q.replaceAnswers(tx, sessionId, copy)));
  }

  appendTranscript(sessionId: string, entry: NewTranscriptEntry): Promise<TranscriptEntry & { duplicate?: boolean }> {
    return this.appendTurn(sessionId, entry, undefined);
  }

  async appendTurn(
    sessionId: string,
    entry: NewTranscriptEntry,
    answers: Answers | undefined,
  ): Promise<TranscriptEntry & { duplicate?: boolean }> {
    const clientId = entry.clientId;
    const copy = answers ? { ...answers } : undefined;
    try {
      // Three statements: lock the session row (seq, answers), insert the entry, commit. A
      // duplicate clientId shows as an insert that did nothing; the transaction is then rolled
      // back, answers and seq with it.
      return await this.serial(sessionId, () => this.db.transaction(async (tx) => {
        const seq = await q.beginTurn(tx, sessionId, entry.seq, copy);
        if (seq === undefined) throw new Error(`session ${sessionId} not found`);
        const full: TranscriptEntry = {
          seq,
          id: entry.id,
          role: entry.role,
          text: entry.text,
          citations: entry.citations ?? [],
          ...(clientId !== undefined ? { clientId } : {}),
          at: new Date().toISOString(),
        };
        const stored = await q.insertEntry(tx, sessionId, full, copy !== undefined);
        if (!stored) {
          // The same clientId, stored earlier or committed meanwhile by another instance.
          const first = clientId !== undefined ? await q.transcriptByClientId(tx, sessionId, clientId) : undefined;
          if (first) throw new Duplicate(first);
          throw new Error('transcript insert conflicted without a stored entry');
        }
        return stored;
      }));
    } catch (err) {
      if (err instanceof Duplicate) return { ...err.entry, duplicate: true };
      throw err;
    }
  }

  async reserveSeq(sessionId: string): Promise<number> {
    const seq = await this.serial(sessionId, () => q.takeSeq(this.db, sessionId));
    if (seq === undefined) throw new Error(`session ${sessionId} not found`);
    return seq;
  }

  findByClientId(sessionId: string, clientId: string): Promise<TranscriptEntry | undefined> {
    return q.transcriptByClientId(this.db, sessionId, clientId);
  }

  transcriptAfter(sessionId: string, afterSeq: number): Promise<TranscriptEntry[]> {
    return q.transcriptAfter(this.db, sessionId, afterSeq);
  }

  getDoc<T = unknown>(sessionId: string, key: string): Promise<T | undefined> {
    return q.getDoc<T>(this.db, sessionId, key);
  }

  async putDoc(sessionId: string, key: string, value: unknown): Promise<void> {
    // Round-trip through JSON so what is stored is exactly what a later read returns.
    const json = JSON.parse(JSON.stringify(value ?? null)) as unknown;
    await this.serial(sessionId, () =>
      this.db.transaction(async (tx) => {
        await q.putDoc(tx, sessionId, key, json);
        await q.touchSession(tx, sessionId);
      }),
    );
  }

  delete(sessionId: string): Promise<boolean> {
    return q.deleteSession(this.db, sessionId);
  }

  purgeInactive(before: Date, limit = 1000): Promise<string[]> {
    return q.purgeInactive(this.db, before, limit);
  }

  /**
   * Runs one session's writes from this process one after another, in the order requested, as
   * the embedded store does: on a pool, two writes issued together could otherwise commit in
   * either order. Writes from other instances are ordered by the database alone.
   */
  private serial<T>(sessionId: string, fn: () => Promise<T>): Promise<T> {
    const prev = this.tails.get(sessionId) ?? Promise.resolve();
    const next = prev.then(fn, fn);
    const tail = next.catch(() => undefined);
    this.tails.set(sessionId, tail);
    void tail.then(() => {
      if (this.tails.get(sessionId) === tail) this.tails.delete(sessionId);
    });
    return next;
  }

  async check(): Promise<void> {
    await q.probeTables(this.db, TABLES);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.migrated?.catch(() => undefined);
    await this.db.close();
  }
}
