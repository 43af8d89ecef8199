import type { PGlite } from '@electric-sql/pglite';
import type { AnswerValue } from '../schemas/interview';
import type { TranscriptEntry } from '../schemas/ws';
import type { NewTranscriptEntry, SessionStore } from './types';
import { hashToken, newSessionId, newToken, tokenMatches } from './tokens';
import { openDatabase, type OpenedDatabase } from './open';
import { TABLES } from './migrations';

type Answers = Record<string, AnswerValue>;

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

/** One change of a session's answer map: the keys set and removed, or a full replacement. */
type AnswerPatch = { set: Answers; del: string[] } | { replace: Answers };

function diff(before: Answers, after: Answers): AnswerPatch {
  const set: Answers = {};
  const del: string[] = [];
  for (const [k, v] of Object.entries(after)) if (!(k in before) || JSON.stringify(before[k]) !== JSON.stringify(v)) set[k] = v;
  for (const k of Object.keys(before)) if (!(k in after)) del.push(k);
  const changes = Object.keys(set).length + del.length;
  return changes > Object.keys(after).length ? { replace: after } : { set, del };
}

function applyPatch(base: Answers, patch: AnswerPatch): Answers {
  if ('replace' in patch) return { ...patch.replace };
  const out = { ...base, ...patch.set };
  for (const k of patch.del) delete out[k];
  return out;
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

/** Sessions untouched for this long may leave memory; a reserved seq is always used well within it. */
const EVICT_AFTER_MS = 5 * 60_000;

export interface PgliteStoreOptions {
  /** Directory of the database; undefined keeps it in memory (tests of the store only). */
  dataDir?: string;
  maxCachedSessions?: number;
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
 * Throughput: one commit costs about a millisecond of the (single) JS thread, so writes are
 * group-committed: everything requested within one event-loop turn, and while a commit runs,
 * goes into the next transaction as a few set-based statements. Each caller's promise resolves
 * only after the commit that contains its write.
 */
export class PgliteStore implements SessionStore {
  private readonly cache = new Map<string, Cached>();
  private readonly loading = new Map<string, Promise<Cached | undefined>>();
  private queue: Pending[] = [];
  private flushing = false;
  private scheduled = false;
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
    this.opts = opts;
  }

  /**
   * The database opens on first use or on ready(), not in the constructor: starting postgres
   * is seconds of synchronous WASM work, which must not run while fastify is still loading
   * plugins (it would starve avvio's plugin timer on a busy machine).
   */
  private get dbp(): Promise<PGlite> {
    this.opening ??= openDatabase(this.opts.dataDir, { integrityCheck: this.opts.integrityCheck });
    return this.opening.then((o) => o.db);
  }

  /** Runs a statement, remembering any error that shows damaged storage for check(). */
  private async query<T>(sql: string, params: unknown[]): Promise<{ rows: T[] }> {
    const db = await this.dbp;
    try {
      return await db.query<T>(sql, params);
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
    await this.query('select count(*) from sessions', []);
    for (const t of TABLES) await this.query(`select 1 from ${t} limit 1`, []);
  }

  /** Removes a session and everything stored for it (transcript, answers, docs) at once. */
  async delete(sessionId: string): Promise<boolean> {
    await this.idle;
    const r = await this.query<{ id: string }>('delete from sessions where id = $1 returning id', [sessionId]);
    this.cache.delete(sessionId);
    return r.rows.length > 0;
  }

  /** Deletes every session with no activity since `before`; returns their ids. */
  async purgeInactive(before: Date, limit = 1000): Promise<string[]> {
    const r = await this.query<{ id: string }>(
      `delete from sessions where id in (select id from sessions where updated_at < $1 order by updated_at limit $2) returning id`,
      [before.toISOString(), limit],
    );
    const ids = r.rows.map((x) => x.id);
    for (const id of ids) this.cache.delete(id);
    return ids;
  }

  /** The open database, for modules that keep their own tables beside the sessions. */
  database(): Promise<PGlite> {
    return this.dbp;
  }

  /** Resolves once the database is open and migrated; rejects if it cannot be. */
  async ready(): Promise<void> {
    await this.dbp;
  }

  /** A store that opens its database lazily (see ready()). */
  static start(opts: PgliteStoreOptions = {}): PgliteStore {
    return new PgliteStore(opts);
  }

  static async open(opts: PgliteStoreOptions = {}): Promise<PgliteStore> {
    const store = new PgliteStore(opts);
    await store.ready();
    return store;
  }

  async create(): Promise<{ sessionId: string; token: string }> {
    const sessionId = newSessionId();
    const token = newToken();
    const tokenHash = hashToken(token);
    await this.write([{ kind: 'session', id: sessionId, tokenHash: tokenHash.toString('hex'), at: new Date().toISOString() }]);
    this.remember(sessionId, {
      tokenHash,
      answers: {},
      logAnswers: {},
      logN: 0,
      entries: [],
      byClient: new Map(),
      pendingClient: new Map(),
      nextSeq: 1,
      inflight: 0,
      lastUsed: Date.now(),
      touchedAt: Date.now(),
    });
    return { sessionId, token };
  }

  async authenticate(sessionId: string, token: string): Promise<boolean> {
    if (typeof sessionId !== 'string' || typeof token !== 'string' || token.length > 256) return false;
    // Ids are UUIDs; anything else cannot exist and is not worth a database round trip.
    const s = /^[0-9a-f-]{36}$/.test(sessionId) ? await this.load(sessionId) : undefined;
    return tokenMatches(token, s?.tokenHash);
  }

  async getAnswers(sessionId: string): Promise<Answers> {
    return { ...(await this.must(sessionId)).answers };
  }

  async setAnswers(sessionId: string, answers: Answers): Promise<void> {
    const s = await this.must(sessionId);
    const copy = { ...answers };
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
    const copy = answers ? { ...answers } : undefined;
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
    const r = await this.query<{ value: T }>('select value from docs where session_id = $1 and key = $2', [sessionId, key]);
    return r.rows[0]?.value;
  }

  async putDoc(sessionId: string, key: string, value: unknown): Promise<void> {
    const s = await this.must(sessionId);
    // Round-trip through JSON so what is stored is exactly what a later read returns.
    const json = JSON.parse(JSON.stringify(value ?? null)) as unknown;
    await this.tracked(s, this.write([{ kind: 'doc', sessionId, key, value: json }]), sessionId);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.idle;
    if (!this.opening) return;
    const opened = await this.opening.catch(() => undefined);
    try {
      await opened?.db.close();
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
    const r = await this.query<{ token_hash: string; answers: Answers }>(
      'select token_hash, answers from sessions where id = $1',
      [sessionId],
    );
    const row = r.rows[0];
    if (!row) return undefined;
    const log = await this.query<{ n: number; patch: AnswerPatch }>('select n, patch from answer_log where session_id = $1 order by n', [sessionId]);
    let answers: Answers = row.answers ?? {};
    for (const l of log.rows) answers = applyPatch(answers, l.patch);
    const t = await this.query<{ seq: number; id: string; role: 'user' | 'assistant'; text: string; citations: TranscriptEntry['citations']; client_id: string | null; at: Date }>(
      'select seq, id, role, text, citations, client_id, at from transcript where session_id = $1 order by seq',
      [sessionId],
    );
    const entries: TranscriptEntry[] = t.rows.map((e) => ({
      seq: e.seq,
      id: e.id,
      role: e.role,
      text: e.text,
      citations: e.citations ?? [],
      ...(e.client_id !== null ? { clientId: e.client_id } : {}),
      at: new Date(e.at).toISOString(),
    }));
    const s: Cached = {
      tokenHash: Buffer.from(row.token_hash, 'hex'),
      answers,
      logAnswers: answers,
      logN: log.rows.at(-1)?.n ?? 0,
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
      if (!this.flushing && !this.scheduled) {
        this.scheduled = true;
        // setImmediate lets every write requested in this turn join the same commit.
        setImmediate(() => void this.flush());
      }
    });
  }

  private async flush(): Promise<void> {
    this.scheduled = false;
    this.flushing = true;
    try {
      while (this.queue.length > 0) {
        const batch = this.queue;
        this.queue = [];
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
        }
      }
    } finally {
      this.flushing = false;
      const r = this.idleResolve;
      this.idleResolve = undefined;
      r?.();
    }
  }

  private async commit(ops: Op[]): Promise<void> {
    const sessions: { id: string; h: string; at: string }[] = [];
    const entries: Record<string, unknown>[] = [];
    const patches: { s: string; n: number; p: AnswerPatch }[] = [];
    const docs = new Map<string, { s: string; k: string; v: unknown }>();
    for (const op of ops) {
      if (op.kind === 'session') sessions.push({ id: op.id, h: op.tokenHash, at: op.at });
      else if (op.kind === 'entry')
        entries.push({
          s: op.sessionId,
          seq: op.entry.seq,
          id: op.entry.id,
          role: op.entry.role,
          text: op.entry.text,
          c: op.entry.citations,
          cid: op.entry.clientId ?? null,
          at: op.entry.at,
        });
      else if (op.kind === 'answers') patches.push({ s: op.sessionId, n: op.n, p: op.patch });
      // Later writes of the same doc win, as they would one after another.
      else docs.set(`${op.sessionId}\u0000${op.key}`, { s: op.sessionId, k: op.key, v: op.value });
    }
    const now = new Date().toISOString();
    const touch: string[] = [];
    const nowMs = Date.now();
    for (const op of ops) {
      if (op.kind === 'session' || touch.includes(op.sessionId)) continue;
      const c = this.cache.get(op.sessionId);
      if (c && nowMs - c.touchedAt < TOUCH_EVERY_MS) continue;
      if (c) c.touchedAt = nowMs;
      touch.push(op.sessionId);
    }
    // One statement (data-modifying CTEs) is one implicit transaction and one round trip into
    // the WASM backend, instead of BEGIN, a query per table and COMMIT. create() resolves only
    // after its commit, so a batch never inserts and updates the same session row.
    const parts: string[] = [];
    const payload: Record<string, unknown> = { now };
    if (sessions.length) {
      payload.sessions = sessions;
      parts.push(`ins_sessions as (insert into sessions (id, token_hash, created_at, updated_at)
        select x->>'id', x->>'h', (x->>'at')::timestamptz, (x->>'at')::timestamptz from jsonb_array_elements($1::jsonb->'sessions') x)`);
    }
    if (entries.length) {
      payload.entries = entries;
      parts.push(`ins_entries as (insert into transcript (session_id, seq, id, role, text, citations, client_id, at)
        select x->>'s', (x->>'seq')::int, x->>'id', x->>'role', x->>'text', x->'c', x->>'cid', (x->>'at')::timestamptz
        from jsonb_array_elements($1::jsonb->'entries') x)`);
    }
    if (patches.length) {
      payload.patches = patches;
      parts.push(`ins_patches as (insert into answer_log (session_id, n, patch)
        select x->>'s', (x->>'n')::int, x->'p' from jsonb_array_elements($1::jsonb->'patches') x)`);
    }
    if (docs.size) {
      payload.docs = [...docs.values()];
      parts.push(`ups_docs as (insert into docs (session_id, key, value, updated_at)
        select x->>'s', x->>'k', x->'v', ($1::jsonb->>'now')::timestamptz from jsonb_array_elements($1::jsonb->'docs') x
        on conflict (session_id, key) do update set value = excluded.value, updated_at = excluded.updated_at)`);
    }
    if (touch.length) {
      payload.touch = touch;
      parts.push(`upd_sessions as (update sessions set updated_at = ($1::jsonb->>'now')::timestamptz
        where id in (select jsonb_array_elements_text($1::jsonb->'touch')))`);
    }
    if (!parts.length) return;
    await this.query(`with ${parts.join(',\n')} select 1`, [JSON.stringify(payload)]);
  }
}

function insertSorted(list: TranscriptEntry[], e: TranscriptEntry): void {
  let i = list.length;
  while (i > 0 && list[i - 1]!.seq > e.seq) i--;
  list.splice(i, 0, e);
}
