import type { AnswerValue } from '../schemas/interview';
import type { TranscriptEntry } from '../schemas/ws';
import type { Queryable } from './db';
import type { NewTranscriptEntry } from './types';

/**
 * Every statement on the session tables, for both backends (PGlite and PostgreSQL run the
 * same SQL). The stores decide when to run them; the SQL lives only here.
 */

export type Answers = Record<string, AnswerValue>;

/** One change of a session's answer map: the keys set and removed, or a full replacement. */
export type AnswerPatch = { set: Answers; del: string[] } | { replace: Answers };

export function applyPatch(base: Answers, patch: AnswerPatch): Answers {
  if ('replace' in patch) return { ...patch.replace };
  const out = { ...base, ...patch.set };
  for (const k of patch.del) delete out[k];
  return out;
}

interface TranscriptRow {
  seq: number;
  id: string;
  role: 'user' | 'assistant';
  text: string;
  citations: TranscriptEntry['citations'];
  client_id: string | null;
  at: Date | string;
}

const TRANSCRIPT_COLUMNS = 'seq, id, role, text, citations, client_id, at';

function toEntry(e: TranscriptRow): TranscriptEntry {
  return {
    seq: e.seq,
    id: e.id,
    role: e.role,
    text: e.text,
    citations: e.citations ?? [],
    ...(e.client_id !== null ? { clientId: e.client_id } : {}),
    at: new Date(e.at).toISOString(),
  };
}

/** A new session's opening entries as stored: seq 1…n in order, each at the session's creation time. */
export function openingEntries(transcript: readonly NewTranscriptEntry[], at: string): TranscriptEntry[] {
  return transcript.map((e, i) => ({
    seq: i + 1,
    id: e.id,
    role: e.role,
    text: e.text,
    citations: e.citations ?? [],
    ...(e.clientId !== undefined ? { clientId: e.clientId } : {}),
    at,
  }));
}

export async function sessionTokenHash(db: Queryable, id: string): Promise<string | undefined> {
  const r = await db.query<{ token_hash: string }>('select token_hash from sessions where id = $1', [id]);
  return r.rows[0]?.token_hash;
}

/**
 * A session's answers: the map stored on the session row with the answer log replayed on top.
 * undefined for an unknown session. `n` is the last log row's number (0 for none).
 */
export async function readAnswers(db: Queryable, id: string): Promise<{ answers: Answers; n: number; tokenHash: string } | undefined> {
  // One round trip: the session row with its log as a JSON array.
  const r = await db.query<{ token_hash: string; answers: Answers; log: { n: number; patch: AnswerPatch }[] }>(
    `select token_hash, answers,
       coalesce((select json_agg(json_build_object('n', l.n, 'patch', l.patch) order by l.n) from answer_log l where l.session_id = s.id), '[]'::json) as log
     from sessions s where id = $1`,
    [id],
  );
  const row = r.rows[0];
  if (!row) return undefined;
  let answers: Answers = row.answers ?? {};
  for (const l of row.log) answers = applyPatch(answers, l.patch);
  return { answers, n: row.log.at(-1)?.n ?? 0, tokenHash: row.token_hash };
}

/**
 * Stores the whole answer map on the session row and drops the log it replaces, in the
 * caller's transaction. Marks the session active.
 */
export async function replaceAnswers(db: Queryable, id: string, answers: Answers): Promise<void> {
  await db.query('update sessions set answers = $2, updated_at = now() where id = $1', [id, JSON.stringify(answers)]);
  await db.query('delete from answer_log where session_id = $1', [id]);
}

export async function transcriptAfter(db: Queryable, id: string, afterSeq: number): Promise<TranscriptEntry[]> {
  const r = await db.query<TranscriptRow>(`select ${TRANSCRIPT_COLUMNS} from transcript where session_id = $1 and seq > $2 order by seq`, [id, afterSeq]);
  return r.rows.map(toEntry);
}

export async function transcriptByClientId(db: Queryable, id: string, clientId: string): Promise<TranscriptEntry | undefined> {
  const r = await db.query<TranscriptRow>(`select ${TRANSCRIPT_COLUMNS} from transcript where session_id = $1 and client_id = $2`, [id, clientId]);
  return r.rows[0] ? toEntry(r.rows[0]) : undefined;
}

/**
 * Takes the session's next transcript seq from its counter (raised first to the highest seq
 * stored, so a counter that was never used, or lags rows written by the embedded store, is
 * still safe). Atomic across instances: the row lock orders concurrent callers. Also marks
 * the session active.
 */
export async function takeSeq(db: Queryable, id: string): Promise<number | undefined> {
  const r = await db.query<{ last_seq: number }>(
    `update sessions set last_seq = greatest(last_seq, coalesce((select max(seq) from transcript where session_id = $1), 0)) + 1,
       updated_at = now()
     where id = $1 returning last_seq`,
    [id],
  );
  return r.rows[0]?.last_seq;
}

/**
 * The first statement of a turn on a shared database, in the caller's transaction: locks the
 * session row, takes the next seq unless one was reserved (`seq`), and stores the new answer
 * map when there is one. Returns the seq to use, or undefined for an unknown session.
 */
export async function beginTurn(db: Queryable, id: string, seq: number | undefined, answers: Answers | undefined): Promise<number | undefined> {
  const r = await db.query<{ last_seq: number }>(
    `update sessions set
       last_seq = case when $2::int is null then greatest(last_seq, coalesce((select max(seq) from transcript where session_id = $1), 0)) + 1 else last_seq end,
       answers = coalesce($3::jsonb, answers),
       updated_at = now()
     where id = $1 returning last_seq`,
    [id, seq ?? null, answers ? JSON.stringify(answers) : null],
  );
  const row = r.rows[0];
  return row ? (seq ?? row.last_seq) : undefined;
}

/**
 * Inserts one entry unless its clientId is already stored; returns the stored entry, or
 * undefined when the clientId was a duplicate (the unique index decides, across instances).
 * `clearLog`: the session row now holds the whole answer map, so the log it replaces goes.
 */
export async function insertEntry(db: Queryable, id: string, e: TranscriptEntry, clearLog = false): Promise<TranscriptEntry | undefined> {
  const r = await db.query<TranscriptRow>(
    `with cleared as (delete from answer_log where session_id = $1 and $9::boolean)
     insert into transcript (session_id, seq, id, role, text, citations, client_id, at) values ($1, $2, $3, $4, $5, $6, $7, $8)
     on conflict (session_id, client_id) do nothing returning ${TRANSCRIPT_COLUMNS}`,
    [id, e.seq, e.id, e.role, e.text, JSON.stringify(e.citations), e.clientId ?? null, e.at, clearLog],
  );
  return r.rows[0] ? toEntry(r.rows[0]) : undefined;
}

export async function getDoc<T>(db: Queryable, id: string, key: string): Promise<T | undefined> {
  const r = await db.query<{ value: T }>('select value from docs where session_id = $1 and key = $2', [id, key]);
  return r.rows[0]?.value;
}

export async function putDoc(db: Queryable, id: string, key: string, value: unknown): Promise<void> {
  await db.query(
    `insert into docs (session_id, key, value, updated_at) values ($1, $2, $3, now())
     on conflict (session_id, key) do update set value = excluded.value, updated_at = excluded.updated_at`,
    [id, key, JSON.stringify(value)],
  );
}

export async function touchSession(db: Queryable, id: string): Promise<void> {
  await db.query('update sessions set updated_at = now() where id = $1', [id]);
}

/**
 * The helpline's assist codes and read-only views of a session go with it, in the same statement:
 * they name the session without a foreign key (the staff tables came later), and a view left
 * behind would open a session that no longer exists.
 */
const WITH_ASSIST = `
  codes as (delete from staff_assist_codes where session_id in (select id from gone)),
  grants as (delete from staff_assist_grants where session_id in (select id from gone))`;

export async function deleteSession(db: Queryable, id: string): Promise<boolean> {
  const r = await db.query<{ id: string }>(`with gone as (delete from sessions where id = $1 returning id),${WITH_ASSIST} select id from gone`, [id]);
  return r.rows.length > 0;
}

export async function purgeInactive(db: Queryable, before: Date, limit: number): Promise<string[]> {
  const r = await db.query<{ id: string }>(
    `with gone as (delete from sessions where id in (select id from sessions where updated_at < $1 order by updated_at limit $2) returning id),${WITH_ASSIST}
     select id from gone`,
    [before.toISOString(), limit],
  );
  return r.rows.map((x) => x.id);
}

/** Readiness: a real read of every session table. */
export async function probeTables(db: Queryable, tables: readonly string[]): Promise<void> {
  await db.query('select count(*) from sessions');
  for (const t of tables) await db.query(`select 1 from ${t} limit 1`);
}

/** The writes one group commit of the embedded store carries (see PgliteStore). */
export interface WriteBatch {
  sessions: { id: string; h: string; at: string }[];
  entries: { s: string; seq: number; id: string; role: string; text: string; c: unknown; cid: string | null; at: string }[];
  patches: { s: string; n: number; p: AnswerPatch }[];
  docs: { s: string; k: string; v: unknown }[];
  touch: string[];
}

/**
 * Writes a whole batch as one statement (data-modifying CTEs): one implicit transaction and one
 * round trip, instead of BEGIN, a query per table and COMMIT. A batch never inserts and
 * updates the same session row: the update would not see the insert of the same statement, so a
 * session created in the batch is not touched (it carries its creation time).
 */
export async function writeBatch(db: Queryable, b: WriteBatch, now: string): Promise<void> {
  const parts: string[] = [];
  const payload: Record<string, unknown> = { now };
  // Which parts the statement has names it: a few shapes recur (a turn's entry and patch, a new session), each prepared once.
  let shape = 0;
  if (b.sessions.length) {
    shape |= 1;
    payload.sessions = b.sessions;
    parts.push(`ins_sessions as (insert into sessions (id, token_hash, created_at, updated_at)
      select x->>'id', x->>'h', (x->>'at')::timestamptz, (x->>'at')::timestamptz from jsonb_array_elements($1::jsonb->'sessions') x)`);
  }
  if (b.entries.length) {
    shape |= 2;
    payload.entries = b.entries;
    parts.push(`ins_entries as (insert into transcript (session_id, seq, id, role, text, citations, client_id, at)
      select x->>'s', (x->>'seq')::int, x->>'id', x->>'role', x->>'text', x->'c', x->>'cid', (x->>'at')::timestamptz
      from jsonb_array_elements($1::jsonb->'entries') x)`);
  }
  if (b.patches.length) {
    shape |= 4;
    payload.patches = b.patches;
    parts.push(`ins_patches as (insert into answer_log (session_id, n, patch)
      select x->>'s', (x->>'n')::int, x->'p' from jsonb_array_elements($1::jsonb->'patches') x)`);
  }
  if (b.docs.length) {
    shape |= 8;
    payload.docs = b.docs;
    parts.push(`ups_docs as (insert into docs (session_id, key, value, updated_at)
      select x->>'s', x->>'k', x->'v', ($1::jsonb->>'now')::timestamptz from jsonb_array_elements($1::jsonb->'docs') x
      on conflict (session_id, key) do update set value = excluded.value, updated_at = excluded.updated_at)`);
  }
  if (b.touch.length) {
    shape |= 16;
    payload.touch = b.touch;
    parts.push(`upd_sessions as (update sessions set updated_at = ($1::jsonb->>'now')::timestamptz
      where id in (select jsonb_array_elements_text($1::jsonb->'touch')))`);
  }
  if (!parts.length) return;
  const sql = `with ${parts.join(',\n')} select 1`;
  if (db.executePrepared) await db.executePrepared(`write_batch_${shape}`, sql, JSON.stringify(payload));
  else await db.query(sql, [JSON.stringify(payload)]);
}
