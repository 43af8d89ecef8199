import type { TranscriptEntry } from '../schemas/ws';
import type { NewTranscriptEntry, SessionStore } from './types';
import { hashToken, newSessionId, newToken, tokenMatches } from './tokens';
import { openDatabase, type OpenedDatabase } from './open';
import type { Db, Queryable } from './db';
import { TABLES } from './migrations';
import * as q from './queries';
import { applyPatch, openingEntries, type AnswerPatch, type Answers } from './queries';
import { sealAnswers } from '../schemas/interview';

/** What the process keeps of a session between messages; the database is the truth, this is its mirror. */
interface Cached {
  tokenHash: Buffer;
  /** Answers as of the last committed write (what readers see). */
  answers: Answers;
  /** Answers as of the last write *requested*: the base each new patch is computed against. */
  logAnswers: Answers;
  /** Number of the last answer-log row requested for this session. */
  logN: number;
  entries: TranscriptEntry[];
  byClient: Map<string, TranscriptEntry>;
  /** clientIds whose write is in flight: a resend waits for it and is reported as a duplicate. */
  pendingClient: Map<string, Promise<TranscriptEntry>>;
  nextSeq: number;
  inflight: number;
  lastUsed: number;
  /** When sessions.updated_at was last moved forward (0: not by this process). */
  touchedAt: number;
}

type Op =
  | { kind: 'session'; id: string; tokenHash: string; at: string }
  | { kind: 'entry'; sessionId: string; entry: TranscriptEntry }
  | { kind: 'answers'; sessionId: string; n: number; patch: AnswerPatch }
  | { kind: 'doc'; sessionId: string; key: string; value: unknown };

function diff(before: Answers, after: Answers): AnswerPatch {
  const set: Answers = {};
  const del: string[] = [];
  // An unchanged answer is the same value (the maps are copied, not rebuilt): compared by content only when it is not.
  for (const [k, v] of Object.entries(after)) if (!(k in before) || (before[k] !== v && JSON.stringify(before[k]) !== JSON.stringify(v))) set[k] = v;
  for (const k of Object.keys(before)) if (!(k in after)) del.push(k);
  const changes = Object.keys(set).length + del.length;
  return changes > Object.keys(after).length ? { replace: after } : { set, del };
}

interface Pending {
  ops: Op[];
  resolve: () => void;
  reject: (err: unknown) => void;
}


/**
 * sessions.updated_at (last activity, for retention) is moved at most this often per session:
 * an update of the session row on every turn would cost a row version and WAL per answer,
 * and retention is counted in days.
 */
const TOUCH_EVERY_MS = 60 * 60_000;

/**
 * A commit costs about a millisecond of the database thread whatever it carries, and each write
 * in it a few hundredths more. Under load, waiting up to this long lets one commit carry the turns of
 * many sessions; the ack still follows the commit that holds the write.
 */
const DEFAULT_GROUP_COMMIT_MS = 8;

/** Sessions untouched for this long may leave memory; a reserved seq is always used well within it. */
const EVICT_AFTER_MS = 5 * 60_000;

export interface PgliteStoreOptions {
  /** Directory of the database; undefined keeps it in memory (tests of the store only). */
  dataDir?: string;
  maxCachedSessions?: number;
  /** The least time between the starts of two commits (see schedule()); 0 commits as soon as the loop is free. */
  groupCommitMs?: number;
  /**
   * Read every table once at open (default true). Off only in tests that simulate damage
   * appearing after the start, which the readiness check must then report.
   */
  integrityCheck?: boolean;
}

/**
 * SessionStore on PGlite (embedded PostgreSQL in WASM, files in DATA_DIR).
 *
 * Durability: PGlite runs postgres with fsync off, but every COMMIT still writes its WAL
 * through to the OS (the data directory is a real NODEFS mount), so a committed row survives
 * kill -9 of the process; tests/store/crash.test.ts checks exactly that. Power loss would need
 * fsync, which PGlite does not offer.
 *
 * Throughput: one commit costs about a millisecond of the database's thread (pglite-thread.ts), and
 * every statement a message each way, so writes are
 * group-committed: everything requested within one event-loop turn, while a commit runs, and
 * under load until the group-commit interval is up, goes into the next transaction as a few
 * set-based statements. Each caller's promise resolves only after the commit that contains its
 * write.
 */
export class PgliteStore implements SessionStore {
  private readonly cache = new Map<string, Cached>();
  private readonly loading = new Map<string, Promise<Cached | undefined>>();
  private queue: Pending[] = [];
  private flushing = false;
  private scheduled = false;
  /** performance.now() when the last commit started. */
  private lastCommitAt = -Infinity;
  /** Whether the last commit carried more than one request (see schedule()). */
  private crowded = false;
  private readonly groupCommitMs: number;
  private closed = false;
  private idle: Promise<void> = Promise.resolve();
  private idleResolve: (() => void) | undefined;
  private readonly maxCached: number;
  private opening: Promise<OpenedDatabase> | undefined;
  private readonly opts: PgliteStoreOptions;
  /** The first error that showed damaged data (SQLSTATE class XX or a file error); readiness fails from then on. */
  private damage: Error | undefined;

  private constructor(opts: PgliteStoreOptions) {
    this.maxCached = opts.maxCachedSessions ?? 5000;
    this.groupCommitMs = opts.groupCommitMs ?? DEFAULT_GROUP_COMMIT_MS;
    this.opts = opts;
  }

  /** The database, opened (in its own thread, see pglite-thread.ts) on first use, by start() or by ready(). */
  private get dbp(): Promise<Db> {
    this.opening ??= openDatabase(this.opts.dataDir, { integrityCheck: this.opts.integrityCheck });
    return this.opening.then((o) => o.sql);
  }

  /**
   * The database for one call of a shared query, remembering any error that shows damaged
   * storage for check().
   */
  private async run<T>(fn: (db: Queryable) => Promise<T>): Promise<T> {
    const db = await this.dbp;
    try {
      return await fn(db);
    } catch (err) {
      const code = (err as { code?: unknown }).code;
      // XX: data_corrupted / index_corrupted / internal; 58: system errors such as an unreadable file.
      if (typeof code === 'string' && /^(XX|58)/.test(code)) this.damage ??= err as Error;
      throw err;
    }
  }

  /**
   * Readiness: a real query on every table, plus any damage seen by earlier requests since the
   * start (postgres keeps pages cached, so a probe alone could pass over a page that failed a read).
   */
  async check(): Promise<void> {
    if (this.damage) throw new Error(`存储读取出错，数据可能已损坏 (storage error): ${this.damage.message}`);
    await this.run((db) => q.probeTables(db, TABLES));
  }

  /**
   * Drops the session's mirror once nothing of it is in flight: an interview that ended would otherwise keep its
   * transcript and answers (and all the engine derived from them) in memory until the cache overflowed. A later
   * use reads it back from the database, as after a restart.
   */
  release(sessionId: string): void {
    const s = this.cache.get(sessionId);
    if (s && s.inflight === 0 && s.pendingClient.size === 0) this.cache.delete(sessionId);
  }

  /** Removes a session and everything stored for it (transcript, answers, docs) at once. */
  async delete(sessionId: string): Promise<boolean> {
    await this.idle;
    const deleted = await this.run((db) => q.deleteSession(db, sessionId));
    this.cache.delete(sessionId);
    return deleted;
  }

  /** Deletes every session with no activity since `before`; returns their ids. */
  async purgeInactive(before: Date, limit = 1000): Promise<string[]> {
    const ids = await this.run((db) => q.purgeInactive(db, before, limit));
    for (const id of ids) this.cache.delete(id);
    return ids;
  }

  /** The open database, for modules that keep their own tables beside the sessions. */
  database(): Promise<Db> {
    return this.dbp;
  }

  /** Resolves once the database is open and migrated; rejects if it cannot be. */
  async ready(): Promise<void> {
    await this.dbp;
  }

  /**
   * A store whose database starts opening now, in its own thread, while the caller goes on
   * (the server loads its knowledge meanwhile); ready() waits for it and fails if it cannot open.
   */
  static start(opts: PgliteStoreOptions = {}): PgliteStore {
    const store = new PgliteStore(opts);
    // Awaited by ready() or the first use; a failure surfaces there, not as an unhandled rejection.
    store.dbp.catch(() => undefined);
    return store;
  }

  static async open(opts: PgliteStoreOptions = {}): Promise<PgliteStore> {
    const store = new PgliteStore(opts);
    await store.ready();
    return store;
  }

  async create(docs: Record<string, unknown> = {}, transcript: NewTranscriptEntry[] = []): Promise<{ sessionId: string; token: string; transcript: TranscriptEntry[] }> {
    const sessionId = newSessionId();
    const token = newToken();
    const tokenHash = hashToken(token);
    const at = new Date().toISOString();
    const entries = openingEntries(transcript, at);
    await this.write([
      { kind: 'session', id: sessionId, tokenHash: tokenHash.toString('hex'), at },
      ...Object.entries(docs).map(([key, value]): Op => ({ kind: 'doc', sessionId, key, value: asStored(value) })),
      ...entries.map((entry): Op => ({ kind: 'entry', sessionId, entry })),
    ]);
    this.remember(sessionId, {
      tokenHash,
      answers: sealAnswers({}),
      logAnswers: {},
      logN: 0,
      entries: [...entries],
      byClient: new Map(entries.flatMap((e) => (e.clientId === undefined ? [] : [[e.clientId, e] as const]))),
      pendingClient: new Map(),
      nextSeq: entries.length + 1,
      inflight: 0,
      lastUsed: Date.now(),
      touchedAt: Date.now(),
    });
    return { sessionId, token, transcript: entries };
  }

  async authenticate(sessionId: string, token: string): Promise<boolean> {
    if (typeof sessionId !== 'string' || typeof token !== 'string' || token.length > 256) return false;
    // Ids are UUIDs; anything else cannot exist and is not worth a database round trip.
    const s = /^[0-9a-f-]{36}$/.test(sessionId) ? await this.load(sessionId) : undefined;
    return tokenMatches(token, s?.tokenHash);
  }

  /** The stored map itself, sealed: no reader can change what the next reader sees. */
  async getAnswers(sessionId: string): Promise<Answers> {
    return (await this.must(sessionId)).answers;
  }

  async setAnswers(sessionId: string, answers: Answers): Promise<void> {
    const s = await this.must(sessionId);
    const copy = sealAnswers(answers);
    await this.tracked(s, this.write([this.answerOp(sessionId, s, copy)]), sessionId);
    s.answers = copy;
  }

  appendTranscript(sessionId: string, entry: NewTranscriptEntry): Promise<TranscriptEntry & { duplicate?: boolean }> {
    return this.appendTurn(sessionId, entry, undefined);
  }

  async appendTurn(
    sessionId: string,
    entry: NewTranscriptEntry,
    answers: Answers | undefined,
  ): Promise<TranscriptEntry & { duplicate?: boolean }> {
    const s = await this.must(sessionId);
    const clientId = entry.clientId;
    if (clientId !== undefined) {
      const stored = s.byClient.get(clientId);
      if (stored) return { ...stored, duplicate: true };
      const inFlight = s.pendingClient.get(clientId);
      if (inFlight) return { ...(await inFlight), duplicate: true };
    }
    const seq = entry.seq ?? s.nextSeq++;
    if (seq >= s.nextSeq) s.nextSeq = seq + 1;
    const full: TranscriptEntry = {
      seq,
      id: entry.id,
      role: entry.role,
      text: entry.text,
      citations: entry.citations ?? [],
      ...(clientId !== undefined ? { clientId } : {}),
      at: new Date().toISOString(),
    };
    const ops: Op[] = [{ kind: 'entry', sessionId, entry: full }];
    const copy = answers ? sealAnswers(answers) : undefined;
    if (copy) ops.push(this.answerOp(sessionId, s, copy));
    const done = this.tracked(s, this.write(ops), sessionId).then(() => full);
    if (clientId !== undefined) s.pendingClient.set(clientId, done);
    try {
      await done;
    } finally {
      if (clientId !== undefined) s.pendingClient.delete(clientId);
    }
    insertSorted(s.entries, full);
    if (clientId !== undefined) s.byClient.set(clientId, full);
    if (copy) s.answers = copy;
    return full;
  }

  async reserveSeq(sessionId: string): Promise<number> {
    const s = await this.must(sessionId);
    return s.nextSeq++;
  }

  async findByClientId(sessionId: string, clientId: string): Promise<TranscriptEntry | undefined> {
    const s = await this.must(sessionId);
    return s.byClient.get(clientId) ?? (await s.pendingClient.get(clientId));
  }

  async transcriptAfter(sessionId: string, afterSeq: number): Promise<TranscriptEntry[]> {
    const s = await this.must(sessionId);
    return s.entries.filter((e) => e.seq > afterSeq);
  }

  async getDoc<T = unknown>(sessionId: string, key: string): Promise<T | undefined> {
    await this.must(sessionId);
    return this.run((db) => q.getDoc<T>(db, sessionId, key));
  }

  async putDoc(sessionId: string, key: string, value: unknown): Promise<void> {
    const s = await this.must(sessionId);
    await this.tracked(s, this.write([{ kind: 'doc', sessionId, key, value: asStored(value) }]), sessionId);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.idle;
    if (!this.opening) return;
    const opened = await this.opening.catch(() => undefined);
    try {
      await opened?.sql.close();
    } finally {
      opened?.lock?.release();
    }
  }

  // ---- internals -------------------------------------------------------------------------

  private async must(sessionId: string): Promise<Cached> {
    const s = await this.load(sessionId);
    if (!s) throw new Error(`session ${sessionId} not found`);
    return s;
  }

  /**
   * Answers are stored as a log of small patches rather than by rewriting the whole map:
   * updating one ~2 KB jsonb per turn (TOASTed, full page images) cost several times more
   * than inserting a patch row, and the log still replays to exactly the map acknowledged.
   */
  private answerOp(sessionId: string, s: Cached, next: Answers): Op {
    const patch = diff(s.logAnswers, next);
    s.logAnswers = next;
    return { kind: 'answers', sessionId, n: ++s.logN, patch };
  }

  private async tracked<T>(s: Cached, p: Promise<T>, sessionId: string): Promise<T> {
    s.inflight++;
    try {
      return await p;
    } catch (err) {
      // The mirror may now be ahead of the database (seq, patch base): reload it next time.
      if (this.cache.get(sessionId) === s) this.cache.delete(sessionId);
      throw err;
    } finally {
      s.inflight--;
      s.lastUsed = Date.now();
    }
  }

  private remember(id: string, s: Cached): void {
    this.cache.set(id, s);
    if (this.cache.size <= this.maxCached) return;
    const now = Date.now();
    for (const [key, c] of this.cache) {
      if (this.cache.size <= this.maxCached) break;
      if (c.inflight === 0 && c.pendingClient.size === 0 && now - c.lastUsed > EVICT_AFTER_MS) this.cache.delete(key);
    }
  }

  private async load(sessionId: string): Promise<Cached | undefined> {
    const hit = this.cache.get(sessionId);
    if (hit) {
      hit.lastUsed = Date.now();
      return hit;
    }
    let p = this.loading.get(sessionId);
    if (!p) {
      p = this.loadFromDb(sessionId).finally(() => this.loading.delete(sessionId));
      this.loading.set(sessionId, p);
    }
    return p;
  }

  private async loadFromDb(sessionId: string): Promise<Cached | undefined> {
    const row = await this.run((db) => q.readAnswers(db, sessionId));
    if (!row) return undefined;
    const answers = sealAnswers(row.answers);
    const entries = await this.run((db) => q.transcriptAfter(db, sessionId, 0));
    const s: Cached = {
      tokenHash: Buffer.from(row.tokenHash, 'hex'),
      answers,
      logAnswers: answers,
      logN: row.n,
      entries,
      byClient: new Map(entries.filter((e) => e.clientId !== undefined).map((e) => [e.clientId as string, e])),
      pendingClient: new Map(),
      nextSeq: (entries.at(-1)?.seq ?? 0) + 1,
      inflight: 0,
      lastUsed: Date.now(),
      touchedAt: 0,
    };
    // A concurrent create/load may have won the race; keep the first so no state is split.
    const existing = this.cache.get(sessionId);
    if (existing) return existing;
    this.remember(sessionId, s);
    return s;
  }

  private write(ops: Op[]): Promise<void> {
    if (this.closed) return Promise.reject(new Error('store is closed'));
    return new Promise<void>((resolve, reject) => {
      this.queue.push({ ops, resolve, reject });
      if (!this.idleResolve) this.idle = new Promise((r) => (this.idleResolve = r));
      this.schedule();
    });
  }

  /**
   * A commit is due at once (setImmediate, so every write requested in this turn joins it),
   * unless the store is busy and the previous commit started less than groupCommitMs ago: then
   * the writes wait for the rest of that interval. Busy means the last commit carried writes
   * of more than one request, i.e. they arrive faster than commits complete; a lone writer
   * (one session's turn writing twice in a row) never waits. So a quiet store commits without
   * delay, and a busy one at most once per interval, however many sessions write meanwhile.
   */
  private schedule(): void {
    if (this.flushing || this.scheduled || this.queue.length === 0) return;
    this.scheduled = true;
    const wait = this.crowded ? this.lastCommitAt + this.groupCommitMs - performance.now() : 0;
    if (wait >= 1) setTimeout(() => void this.flush(), wait);
    else setImmediate(() => void this.flush());
  }

  private async flush(): Promise<void> {
    this.scheduled = false;
    this.flushing = true;
    this.lastCommitAt = performance.now();
    const batch = this.queue;
    this.queue = [];
    this.crowded = batch.length > 1;
    try {
      await this.commit(batch.flatMap((p) => p.ops));
      for (const p of batch) p.resolve();
    } catch (err) {
      // One bad write must not fail its neighbours: retry each request on its own.
      if (batch.length === 1) batch[0]!.reject(err);
      else
        for (const p of batch) {
          try {
            await this.commit(p.ops);
            p.resolve();
          } catch (e) {
            p.reject(e);
          }
        }
    } finally {
      this.flushing = false;
      if (this.queue.length > 0) this.schedule();
      else {
        const r = this.idleResolve;
        this.idleResolve = undefined;
        r?.();
      }
    }
  }

  private async commit(ops: Op[]): Promise<void> {
    const batch: q.WriteBatch = { sessions: [], entries: [], patches: [], docs: [], touch: [] };
    const docs = new Map<string, { s: string; k: string; v: unknown }>();
    for (const op of ops) {
      if (op.kind === 'session') batch.sessions.push({ id: op.id, h: op.tokenHash, at: op.at });
      else if (op.kind === 'entry')
        batch.entries.push({
          s: op.sessionId,
          seq: op.entry.seq,
          id: op.entry.id,
          role: op.entry.role,
          text: op.entry.text,
          c: op.entry.citations,
          cid: op.entry.clientId ?? null,
          at: op.entry.at,
        });
      else if (op.kind === 'answers') batch.patches.push({ s: op.sessionId, n: op.n, p: op.patch });
      // Later writes of the same doc win, as they would one after another.
      else docs.set(`${op.sessionId}\u0000${op.key}`, { s: op.sessionId, k: op.key, v: op.value });
    }
    batch.docs = [...docs.values()];
    const nowMs = Date.now();
    // A session inserted by this batch already carries the time: its row cannot be updated in the same statement.
    const created = new Set(batch.sessions.map((x) => x.id));
    for (const op of ops) {
      if (op.kind === 'session' || created.has(op.sessionId) || batch.touch.includes(op.sessionId)) continue;
      const c = this.cache.get(op.sessionId);
      if (c && nowMs - c.touchedAt < TOUCH_EVERY_MS) continue;
      if (c) c.touchedAt = nowMs;
      batch.touch.push(op.sessionId);
    }
    await this.run((db) => q.writeBatch(db, batch, new Date(nowMs).toISOString()));
  }
}

/** A document as a later read returns it: round-tripped through JSON, so that is exactly what is stored. */
function asStored(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value ?? null)) as unknown;
}

function insertSorted(list: TranscriptEntry[], e: TranscriptEntry): void {
  let i = list.length;
  while (i > 0 && list[i - 1]!.seq > e.seq) i--;
  list.splice(i, 0, e);
}
