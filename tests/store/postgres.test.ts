import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { AnswerValue } from '../../server/schemas/interview';
import { PostgresStore } from '../../server/store/postgres';
import { MIGRATIONS } from '../../server/store/migrations';
import { ChatClient } from '../chat/client';
import { serve, type Served } from '../chat/serve';
import { steer, turn } from '../chat/steer';
import { answerFor, workshop } from '../chat/enterprises';
import { PG_SKIP_REASON, startPgCluster, type PgCluster } from './pg-cluster';

/*
 * The PostgreSQL backend on a real server: a throwaway cluster started for this file. Skipped
 * only when no PostgreSQL server is installed (CI installs Debian's `postgresql`).
 */
if (PG_SKIP_REASON) console.warn(`tests/store/postgres.test.ts skipped: ${PG_SKIP_REASON}`);

let cluster: PgCluster;
const stores: PostgresStore[] = [];
let dbCount = 0;

/** A fresh database on the test cluster, so each group starts from an empty schema. */
function freshDatabase(): string {
  const name = `t${++dbCount}`;
  cluster.createDatabase(name);
  return cluster.url(name);
}

async function open(url: string): Promise<PostgresStore> {
  const s = await PostgresStore.open({ url, poolSize: 4 });
  stores.push(s);
  return s;
}

beforeAll(() => {
  cluster = startPgCluster();
}, 120_000);
afterAll(async () => {
  for (const s of stores) await s.close().catch(() => undefined);
  cluster?.stop();
});

describe.skipIf(PG_SKIP_REASON)('the PostgreSQL session store', () => {
  let a: PostgresStore;
  let b: PostgresStore;
  beforeAll(async () => {
    const url = freshDatabase();
    // Two stores on one database stand for two instances.
    [a, b] = await Promise.all([open(url), open(url)]);
  }, 60_000);

  it('migrates once when two instances start together, and records every version', async () => {
    const db = await a.database();
    const rows = (await db.query<{ version: number }>('select version from schema_migrations order by version')).rows;
    expect(rows.map((r) => r.version)).toEqual(MIGRATIONS.map((m) => m.version));
  });

  it('authenticates a session on the other instance with its token only', async () => {
    const s = await a.create();
    const other = await b.create();
    expect(s.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(await b.authenticate(s.sessionId, s.token)).toBe(true);
    expect(await b.authenticate(s.sessionId, other.token)).toBe(false);
    expect(await b.authenticate('00000000-0000-0000-0000-000000000000', s.token)).toBe(false);
    expect(await b.authenticate('not-an-id', s.token)).toBe(false);
    const stored = (await (await a.database()).query<{ token_hash: string }>('select token_hash from sessions where id = $1', [s.sessionId])).rows;
    expect(stored[0]!.token_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(stored[0]!.token_hash).not.toContain(s.token);
  });

  it('numbers one transcript across instances and replays it after a seq on either', async () => {
    const { sessionId } = await a.create();
    for (let i = 1; i <= 6; i++) {
      const store = i % 2 ? a : b;
      const e = await store.appendTranscript(sessionId, { id: `m${i}`, role: i % 2 ? 'user' : 'assistant', text: `第${i}条`, citations: [] });
      expect(e.seq).toBe(i);
    }
    expect((await b.transcriptAfter(sessionId, 4)).map((e) => e.text)).toEqual(['第5条', '第6条']);
    expect((await a.transcriptAfter(sessionId, 0)).map((e) => e.seq)).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('treats one clientId sent to both instances at once as one write, and keeps the first answers', async () => {
    const { sessionId } = await a.create();
    const [x, y] = await Promise.all([
      a.appendTurn(sessionId, { id: 'x', role: 'user', text: 'A', citations: [], clientId: 'same' }, { q: true }),
      b.appendTurn(sessionId, { id: 'y', role: 'user', text: 'B', citations: [], clientId: 'same' }, { q: false }),
    ]);
    expect([x.duplicate, y.duplicate].filter(Boolean)).toHaveLength(1);
    expect(x.seq).toBe(y.seq);
    const t = await a.transcriptAfter(sessionId, 0);
    expect(t).toHaveLength(1);
    const winner = x.duplicate ? y : x;
    expect(t[0]!.text).toBe(winner.text);
    expect(await b.getAnswers(sessionId)).toEqual({ q: winner.text === 'A' });
  });

  it('gives concurrent appends from two instances distinct, gap-free seqs', async () => {
    const { sessionId } = await a.create();
    await Promise.all(
      Array.from({ length: 20 }, (_, i) => (i % 2 ? a : b).appendTranscript(sessionId, { id: `m${i}`, role: 'user', text: `${i}`, citations: [], clientId: `c${i}` })),
    );
    const t = await a.transcriptAfter(sessionId, 0);
    expect(t.map((e) => e.seq)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    expect(new Set(t.map((e) => e.text)).size).toBe(20);
  });

  it('stores a streamed entry under the seq reserved before streaming, even when the other instance appends meanwhile', async () => {
    const { sessionId } = await a.create();
    const reserved = await a.reserveSeq(sessionId);
    const later = await b.appendTranscript(sessionId, { id: 'b', role: 'user', text: 'later', citations: [] });
    await a.appendTranscript(sessionId, { id: 'a', role: 'assistant', text: 'streamed', citations: [], seq: reserved });
    expect(later.seq).toBe(reserved + 1);
    expect((await b.transcriptAfter(sessionId, 0)).map((e) => e.text)).toEqual(['streamed', 'later']);
  });

  it('replays changed, removed and reset answers to exactly the last map, on either instance', async () => {
    const { sessionId } = await a.create();
    const maps: Record<string, AnswerValue>[] = [{ a: true, b: 'partial' }, { a: true, b: false, c: 12.5 }, { b: false, d: ['x', 'y'] }, {}, { e: null, f: '文字' }];
    for (const [i, m] of maps.entries()) {
      if (i % 2) await b.setAnswers(sessionId, m);
      else await a.appendTurn(sessionId, { id: `u${i}`, role: 'user', text: `${i}`, citations: [], clientId: `c${i}` }, m);
      expect(await b.getAnswers(sessionId)).toEqual(m);
      expect(await a.getAnswers(sessionId)).toEqual(m);
    }
    // Writes from one instance land in the order requested, as on the embedded store.
    await Promise.all([a.setAnswers(sessionId, { g: 1 }), a.setAnswers(sessionId, { g: 2, h: true })]);
    expect(await b.getAnswers(sessionId)).toEqual({ g: 2, h: true });
 
    // A session carried over from the embedded store keeps its answers as a log of patches:
    // they are read through, and the next answer map replaces them.
    const db = await a.database();
    await db.query(`insert into answer_log (session_id, n, patch) values ($1, 1, $2), ($1, 2, $3)`, [
      sessionId,
      JSON.stringify({ set: { i: true }, del: ['g'] }),
      JSON.stringify({ replace: { j: 'x', h: true } }),
    ]);
    expect(await b.getAnswers(sessionId)).toEqual({ j: 'x', h: true });
    await b.appendTurn(sessionId, { id: 'u9', role: 'user', text: '9', citations: [], clientId: 'c9' }, { j: 'y' });
    expect(await a.getAnswers(sessionId)).toEqual({ j: 'y' });
    expect((await db.query('select 1 from answer_log where session_id = $1', [sessionId])).rows).toHaveLength(0);
  });

  it('creates a session with its documents and its opening message in one statement, seen by the other instance', async () => {
    const db = await a.database();
    const queries = vi.spyOn(db, 'query');
    const transactions = vi.spyOn(db, 'transaction');
    const welcome = { id: 'w1', role: 'assistant' as const, text: '欢迎', citations: [{ clause: '二(一)', title: '申报条件', quote: '具有独立法人资格' }] };
    const s = await a.create({ knowledge: { version: 'henan-2023' } }, [welcome]);
    expect(queries).toHaveBeenCalledTimes(1);
    expect(transactions).not.toHaveBeenCalled();
    queries.mockRestore();
    transactions.mockRestore();
    expect(s.transcript).toMatchObject([{ seq: 1, id: 'w1', text: '欢迎' }]);
    expect(await b.authenticate(s.sessionId, s.token)).toBe(true);
    expect(await b.getDoc(s.sessionId, 'knowledge')).toEqual({ version: 'henan-2023' });
    const seen = await b.transcriptAfter(s.sessionId, 0);
    expect(seen.map((e) => [e.seq, e.text])).toEqual([[1, '欢迎']]);
    expect(seen[0]!.citations).toEqual(welcome.citations);
    // The seq counter continues after the opening message, whichever instance takes the next one.
    expect(await b.reserveSeq(s.sessionId)).toBe(2);
    expect((await a.appendTranscript(s.sessionId, { id: 'u1', role: 'user', text: '你好', citations: [], clientId: 'c1' })).seq).toBe(3);
  });

  it('keeps documents, deletes a session with everything in it, and purges inactive ones', async () => {
    const s = await a.create();
    await a.putDoc(s.sessionId, 'draft.overview', { text: '企业概况', n: 1 });
    await a.appendTranscript(s.sessionId, { id: 'a1', role: 'assistant', text: '见通知', citations: [{ clause: '二(一)', title: '申报条件', quote: '在河南省内注册' }] });
    expect(await b.getDoc(s.sessionId, 'draft.overview')).toEqual({ text: '企业概况', n: 1 });
    expect(await b.getDoc(s.sessionId, 'missing')).toBeUndefined();
    expect((await b.transcriptAfter(s.sessionId, 0))[0]!.citations[0]!.clause).toBe('二(一)');
    expect(await b.delete(s.sessionId)).toBe(true);
    expect(await a.authenticate(s.sessionId, s.token)).toBe(false);
    expect(await a.getDoc(s.sessionId, 'draft.overview')).toBeUndefined();
    expect(await a.transcriptAfter(s.sessionId, 0)).toEqual([]);
    expect(await a.delete(s.sessionId)).toBe(false);

    const old = await a.create();
    const fresh = await a.create();
    const db = await a.database();
    await db.query(`update sessions set updated_at = now() - interval '200 days' where id = $1`, [old.sessionId]);
    const purged = await b.purgeInactive(new Date(Date.now() - 180 * 86_400_000));
    expect(purged).toEqual([old.sessionId]);
    expect(await a.authenticate(fresh.sessionId, fresh.token)).toBe(true);
    await expect(a.check()).resolves.toBeUndefined();
  });
});

describe.skipIf(PG_SKIP_REASON)('two app instances on one PostgreSQL', () => {
  let A: Served;
  let B: Served;
  const RATE_LIMIT_MAX = 60;
  beforeAll(async () => {
    const env = { DATABASE_URL: freshDatabase(), DATABASE_POOL_SIZE: '4', RATE_LIMIT_MAX: String(RATE_LIMIT_MAX) };
    A = await serve(env);
    B = await serve(env);
  }, 180_000);
  afterAll(async () => {
    await A?.close();
    await B?.close();
  });

  it('resumes a session started on A over B’s socket, and A sees what was answered on B', async () => {
    let answered = 0;
    const s = await steer(A.url, workshop, () => answered++ >= 3);
    const onA = s.client.received.filter((m) => m.type === 'ack').length;
    expect(onA).toBe(3);
    const before = (await (await fetch(`${A.http}/api/sessions/${s.sessionId}`, { headers: { authorization: `Bearer ${s.token}` } })).json()) as {
      answers: Record<string, unknown>;
      transcript: { seq: number; text: string }[];
    };
    await s.client.close();

    const onB = await ChatClient.connect(B.url);
    onB.send({ type: 'open', sessionId: s.sessionId, token: s.token, lastSeq: 0 });
    const resumed = await onB.next('session');
    expect(resumed.resumed).toBe(true);
    expect(resumed.answers).toEqual(before.answers);
    expect(resumed.transcript.map((e) => [e.seq, e.text])).toEqual(before.transcript.map((e) => [e.seq, e.text]));
    const q = (await onB.next('question')).question!;
    expect(q.id).toBe(s.question!.id);

    // An answer on B, then A over HTTP and over its socket.
    const frames = await turn(onB, { type: 'answer', clientId: 'on-b', questionId: q.id, value: answerFor(workshop, q) });
    const ack = frames.find((m) => m.type === 'ack');
    expect(ack && 'seq' in ack ? ack.seq : 0).toBeGreaterThan(Math.max(...before.transcript.map((e) => e.seq)));
    await onB.close();
    const after = (await (await fetch(`${A.http}/api/sessions/${s.sessionId}`, { headers: { authorization: `Bearer ${s.token}` } })).json()) as {
      answers: Record<string, unknown>;
    };
    expect(Object.keys(after.answers)).toContain(q.id);
    const again = await ChatClient.connect(A.url);
    again.send({ type: 'open', sessionId: s.sessionId, token: s.token, lastSeq: Math.max(...before.transcript.map((e) => e.seq)) });
    const replay = await again.next('session');
    expect(replay.transcript.some((e) => e.clientId === 'on-b')).toBe(true);
    expect(replay.answers).toEqual(after.answers);
    // A wrong token is refused on either instance.
    again.send({ type: 'open', sessionId: s.sessionId, token: 'x'.repeat(43) });
    expect((await again.next('error')).code).toBe('NOT_FOUND');
    await again.close();
  }, 120_000);

  it('counts one rate limit across both instances', async () => {
    const probe = (srv: Served) => fetch(`${srv.http}/api/sessions/00000000-0000-4000-8000-000000000000`);
    const first = await probe(A);
    const left = Number(first.headers.get('x-ratelimit-remaining'));
    expect(left).toBeLessThan(RATE_LIMIT_MAX);
    const next = await probe(B);
    // B counts the request A just counted.
    expect(Number(next.headers.get('x-ratelimit-remaining'))).toBe(left - 1);
    const statuses: number[] = [];
    for (let i = 0; i < left; i++) statuses.push((await probe(i % 2 ? A : B)).status);
    // The shared budget of RATE_LIMIT_MAX is spent: both refuse from here on.
    expect(statuses.slice(0, left - 1).every((s) => s === 404)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
    expect((await probe(A)).status).toBe(429);
    expect((await probe(B)).status).toBe(429);
  });
});
