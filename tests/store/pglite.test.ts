import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PgliteStore } from '../../server/store/pglite';
import type { AnswerValue } from '../../server/schemas/interview';

const dirs: string[] = [];
const stores: PgliteStore[] = [];
function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'zhizao-store-'));
  dirs.push(d);
  return d;
}
async function open(dataDir?: string): Promise<PgliteStore> {
  const s = await PgliteStore.open({ dataDir });
  stores.push(s);
  return s;
}

afterEach(async () => {
  for (const s of stores.splice(0)) await s.close();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

// Opening PGlite costs seconds of WASM start-up, so tests that need no reopen share one store.
let shared: PgliteStore;
let sharedDir: string;
beforeAll(async () => {
  sharedDir = mkdtempSync(join(tmpdir(), 'zhizao-store-shared-'));
  shared = await PgliteStore.open({ dataDir: sharedDir });
}, 120_000);
afterAll(async () => {
  await shared?.close();
  if (sharedDir) rmSync(sharedDir, { recursive: true, force: true });
});

describe('the PGlite session store', () => {
  it('creates sessions with long random tokens and authenticates only the right token', async () => {
    const store = shared;
    const a = await store.create();
    const b = await store.create();
    expect(a.sessionId).not.toBe(b.sessionId);
    expect(a.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(a.token).not.toBe(b.token);
    expect(await store.authenticate(a.sessionId, a.token)).toBe(true);
    expect(await store.authenticate(a.sessionId, b.token)).toBe(false);
    expect(await store.authenticate(a.sessionId, '')).toBe(false);
    expect(await store.authenticate('00000000-0000-0000-0000-000000000000', a.token)).toBe(false);
    expect(await store.authenticate('not-an-id', a.token)).toBe(false);
  });

  it('stores only a hash of the token, never the token itself', async () => {
    const dir = tempDir();
    const store = await open(dir);
    const { sessionId, token } = await store.create();
    await store.close();
    stores.splice(stores.indexOf(store), 1);
    const { PGlite } = await import('@electric-sql/pglite');
    const db = await PGlite.create({ dataDir: join(dir, 'pglite') });
    const rows = (await db.query<{ token_hash: string }>('select token_hash from sessions where id = $1', [sessionId])).rows;
    await db.close();
    expect(rows).toHaveLength(1);
    expect(rows[0]!.token_hash).not.toContain(token);
    expect(rows[0]!.token_hash).toMatch(/^[0-9a-f]{64}$/);
  }, 120_000);

  it('numbers transcript entries and replays exactly those after a given seq', async () => {
    const store = shared;
    const { sessionId } = await store.create();
    for (let i = 1; i <= 5; i++) {
      const e = await store.appendTranscript(sessionId, { id: `m${i}`, role: i % 2 ? 'user' : 'assistant', text: `第${i}条`, citations: [] });
      expect(e.seq).toBe(i);
    }
    const after = await store.transcriptAfter(sessionId, 3);
    expect(after.map((e) => e.text)).toEqual(['第4条', '第5条']);
    expect(await store.transcriptAfter(sessionId, 5)).toEqual([]);
  });

  it('acknowledges a repeated clientId with the stored entry and does not apply its answers twice', async () => {
    const store = shared;
    const { sessionId } = await store.create();
    const first = await store.appendTurn(sessionId, { id: 'u1', role: 'user', text: '有', citations: [], clientId: 'c-1' }, { 'cap.mes': true });
    expect(first.duplicate).toBeUndefined();
    const again = await store.appendTurn(sessionId, { id: 'u1b', role: 'user', text: '没有', citations: [], clientId: 'c-1' }, { 'cap.mes': false });
    expect(again.duplicate).toBe(true);
    expect(again.seq).toBe(first.seq);
    expect(again.text).toBe('有');
    expect(await store.getAnswers(sessionId)).toEqual({ 'cap.mes': true });
    expect(await store.transcriptAfter(sessionId, 0)).toHaveLength(1);
  });

  it('treats two simultaneous sends of one clientId as one write', async () => {
    const store = shared;
    const { sessionId } = await store.create();
    const [a, b] = await Promise.all([
      store.appendTranscript(sessionId, { id: 'x', role: 'user', text: 'A', citations: [], clientId: 'same' }),
      store.appendTranscript(sessionId, { id: 'y', role: 'user', text: 'B', citations: [], clientId: 'same' }),
    ]);
    expect([a.duplicate, b.duplicate].filter(Boolean)).toHaveLength(1);
    expect(a.seq).toBe(b.seq);
    expect(await store.transcriptAfter(sessionId, 0)).toHaveLength(1);
  });

  it('lets a released session leave memory and reads it back whole: answers, transcript, resends and later writes', async () => {
    const dir = tempDir();
    const store = await open(dir);
    const { sessionId } = await store.create();
    await store.appendTurn(sessionId, { id: 'u1', role: 'user', text: '有', citations: [], clientId: 'c-1' }, { 'cap.mes': true, 'ent.city': '郑州市' });
    const kept = await store.getAnswers(sessionId);
    expect(await store.getAnswers(sessionId)).toBe(kept);
    store.release(sessionId);
    // Read back from the database: equal, but no longer the object kept in memory before.
    const back = await store.getAnswers(sessionId);
    expect(back).not.toBe(kept);
    expect(back).toEqual({ 'cap.mes': true, 'ent.city': '郑州市' });
    const again = await store.appendTurn(sessionId, { id: 'u1b', role: 'user', text: '没有', citations: [], clientId: 'c-1' }, { 'cap.mes': false });
    expect(again.duplicate).toBe(true);
    const next = await store.appendTurn(sessionId, { id: 'u2', role: 'user', text: '没有', citations: [], clientId: 'c-2' }, { ...back, 'cap.mes': false });
    expect(next.seq).toBe(2);
    store.release(sessionId);
    await store.close();
    stores.splice(stores.indexOf(store), 1);
    const reopened = await open(dir);
    expect(await reopened.getAnswers(sessionId)).toEqual({ 'cap.mes': false, 'ent.city': '郑州市' });
    expect((await reopened.transcriptAfter(sessionId, 0)).map((e) => e.clientId)).toEqual(['c-1', 'c-2']);
  });

  it('keeps a session in memory while one of its writes is in flight, whoever asks to release it', async () => {
    const store = shared;
    const { sessionId } = await store.create();
    const writing = store.appendTurn(sessionId, { id: 'u1', role: 'user', text: '有', citations: [], clientId: 'w-1' }, { 'cap.mes': true });
    // The write has been handed to the database but not committed yet.
    await new Promise((r) => setImmediate(r));
    store.release(sessionId);
    await writing;
    const answers = await store.getAnswers(sessionId);
    expect(answers).toEqual({ 'cap.mes': true });
    expect(await store.getAnswers(sessionId)).toBe(answers);
  });

  it('stores a streamed entry under the seq reserved before streaming, in order', async () => {
    const store = shared;
    const { sessionId } = await store.create();
    const reserved = await store.reserveSeq(sessionId);
    const later = await store.appendTranscript(sessionId, { id: 'b', role: 'user', text: 'later', citations: [] });
    await store.appendTranscript(sessionId, { id: 'a', role: 'assistant', text: 'streamed', citations: [], seq: reserved });
    expect(later.seq).toBe(reserved + 1);
    expect((await store.transcriptAfter(sessionId, 0)).map((e) => e.text)).toEqual(['streamed', 'later']);
  });

  it('creates a session together with its documents in one commit, and keeps them across a reopen', async () => {
    const dir = tempDir();
    let store = await open(dir);
    const commits = vi.spyOn(store as unknown as { commit(ops: unknown[]): Promise<void> }, 'commit');
    const { sessionId, token } = await store.create({ knowledge: { version: 'henan-2023' }, 'ui.mode': 'qa' });
    expect(commits).toHaveBeenCalledTimes(1);
    expect(await store.getDoc(sessionId, 'knowledge')).toEqual({ version: 'henan-2023' });
    stores.splice(stores.indexOf(store), 1);
    await store.close();
    store = await open(dir);
    expect(await store.authenticate(sessionId, token)).toBe(true);
    expect(await store.getDoc(sessionId, 'knowledge')).toEqual({ version: 'henan-2023' });
    expect(await store.getDoc(sessionId, 'ui.mode')).toBe('qa');
  }, 120_000);

  it('creates a session with its opening message in the same commit: seq 1, the next ones after it, kept across a reopen', async () => {
    const dir = tempDir();
    let store = await open(dir);
    const commits = vi.spyOn(store as unknown as { commit(ops: unknown[]): Promise<void> }, 'commit');
    const welcome = { id: 'w1', role: 'assistant' as const, text: '欢迎', citations: [{ clause: '二(一)', title: '申报条件', quote: '具有独立法人资格' }] };
    const { sessionId, token, transcript } = await store.create({ knowledge: { version: 'henan-2023' } }, [welcome]);
    expect(commits).toHaveBeenCalledTimes(1);
    expect(transcript).toMatchObject([{ seq: 1, id: 'w1', text: '欢迎' }]);
    expect((await store.transcriptAfter(sessionId, 0)).map((e) => [e.seq, e.text])).toEqual([[1, '欢迎']]);
    expect(await store.reserveSeq(sessionId)).toBe(2);
    expect((await store.appendTranscript(sessionId, { id: 'u1', role: 'user', text: '你好', citations: [], clientId: 'c1' })).seq).toBe(3);
    stores.splice(stores.indexOf(store), 1);
    await store.close();
    store = await open(dir);
    expect(await store.authenticate(sessionId, token)).toBe(true);
    const after = await store.transcriptAfter(sessionId, 0);
    expect(after.map((e) => [e.seq, e.text])).toEqual([[1, '欢迎'], [3, '你好']]);
    expect(after[0]!.citations).toEqual(welcome.citations);
    expect((await store.appendTranscript(sessionId, { id: 'a2', role: 'assistant', text: '再见', citations: [] })).seq).toBe(4);
  }, 120_000);

  it('keeps answers, transcript with citations and documents across a reopen', async () => {
    const dir = tempDir();
    let store = await open(dir);
    const { sessionId, token } = await store.create();
    stores.splice(stores.indexOf(store), 1);
    await store.setAnswers(sessionId, { 'ent.independentLegalPerson': true, 'metric.networkedRatio': 72.5 });
    await store.appendTranscript(sessionId, {
      id: 'a1',
      role: 'assistant',
      text: '见通知',
      citations: [{ clause: '二(一)', title: '申报条件', quote: '在河南省内注册' }],
    });
    await store.putDoc(sessionId, 'draft.overview', { text: '企业概况', n: 1 });
    await store.close();
    store = await open(dir);
    expect(await store.authenticate(sessionId, token)).toBe(true);
    expect(await store.getAnswers(sessionId)).toEqual({ 'ent.independentLegalPerson': true, 'metric.networkedRatio': 72.5 });
    const t = await store.transcriptAfter(sessionId, 0);
    expect(t).toHaveLength(1);
    expect(t[0]!.citations[0]!.clause).toBe('二(一)');
    expect(await store.getDoc(sessionId, 'draft.overview')).toEqual({ text: '企业概况', n: 1 });
    expect(await store.getDoc(sessionId, 'missing')).toBeUndefined();
    const next = await store.appendTranscript(sessionId, { id: 'u2', role: 'user', text: '继续', citations: [] });
    expect(next.seq).toBe(2);
  }, 120_000);

  it('stores text that looks like SQL quoting exactly as sent, through statements prepared once per shape of write', async () => {
    const dir = tempDir();
    let store = await open(dir);
    stores.splice(stores.indexOf(store), 1);
    // The batch reaches the prepared statement as a dollar-quoted literal: its own tag, quotes and
    // backslashes inside the text must neither end it nor be read as escapes.
    const tricky = ["$v$'); drop table sessions; --", '$v0$ $v1$ $$ \\x27 \\\\ \'\' "引号"', '换行\n制表\t\u2028'];
    const { sessionId } = await store.create({ 'draft.note': { text: tricky[0] } }, [{ id: 'w', role: 'assistant', text: tricky[1]!, citations: [] }]);
    let answers: Record<string, AnswerValue> = {};
    for (const [i, t] of tricky.entries()) {
      answers = { ...answers, [`k${i}`]: t };
      await store.appendTurn(sessionId, { id: `u${i}`, role: 'user', text: t, citations: [], clientId: `c${i}` }, answers);
    }
    const db = await store.database();
    // Each shape of batch (a new session; a turn's entry and answers) was parsed once, not per write.
    const prepared = (await db.query<{ name: string }>("select name from pg_prepared_statements where name like 'write_batch_%' order by name")).rows.map((r) => r.name);
    expect(prepared).toEqual(['write_batch_11', 'write_batch_6']);
    await store.close();
    store = await open(dir);
    expect((await store.transcriptAfter(sessionId, 0)).map((e) => e.text)).toEqual([tricky[1], ...tricky]);
    expect(await store.getAnswers(sessionId)).toEqual({ k0: tricky[0], k1: tricky[1], k2: tricky[2] });
    expect(await store.getDoc(sessionId, 'draft.note')).toEqual({ text: tricky[0] });
  }, 120_000);

  it('replays a history of changed, removed and reset answers to exactly the last map after a reopen', async () => {
    const dir = tempDir();
    let store = await open(dir);
    const { sessionId } = await store.create();
    const maps: Record<string, AnswerValue>[] = [
      { a: true, b: 'partial' },
      { a: true, b: false, c: 12.5 },
      { b: false, c: 12.5, d: ['x', 'y'] },
      {},
      { e: null, f: '文字' },
    ];
    for (const [i, m] of maps.entries()) {
      if (i % 2) await store.setAnswers(sessionId, m);
      else await store.appendTurn(sessionId, { id: `u${i}`, role: 'user', text: `${i}`, citations: [], clientId: `c${i}` }, m);
      expect(await store.getAnswers(sessionId)).toEqual(m);
    }
    // Concurrent writes without a lock still end at the last one requested.
    await Promise.all([store.setAnswers(sessionId, { g: 1 }), store.setAnswers(sessionId, { g: 2, h: true })]);
    expect(await store.getAnswers(sessionId)).toEqual({ g: 2, h: true });
    await store.close();
    stores.splice(stores.indexOf(store), 1);
    store = await open(dir);
    expect(await store.getAnswers(sessionId)).toEqual({ g: 2, h: true });
  }, 120_000);

  it('commits many concurrent writers together without losing or mixing any of them', async () => {
    const store = shared;
    const sessions = await Promise.all(Array.from({ length: 40 }, () => store.create()));
    await Promise.all(
      sessions.flatMap(({ sessionId }, i) =>
        Array.from({ length: 5 }, (_, j) =>
          store.appendTurn(sessionId, { id: `u${j}`, role: 'user', text: `${i}-${j}`, citations: [], clientId: `c${j}` }, { n: j }),
        ),
      ),
    );
    for (const [i, { sessionId }] of sessions.entries()) {
      const t = await store.transcriptAfter(sessionId, 0);
      expect(t.map((e) => e.text)).toEqual([0, 1, 2, 3, 4].map((j) => `${i}-${j}`));
      expect(t.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5]);
    }
  });
});
