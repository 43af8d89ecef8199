import { describe, expect, it, vi } from 'vitest';
import { MAX_WS_MESSAGE_BYTES } from '../../server/schemas/ws';
import type { QuestionView } from '../../server/schemas/interview';
import { ChatClient } from './client';
import { serveForFile } from './serve';
import { answerFor, workshop } from './enterprises';
import { walk } from './drive';

const srv = serveForFile();

async function openNew(): Promise<{ c: ChatClient; sessionId: string; token: string; question: QuestionView | null }> {
  const c = await ChatClient.connect(srv.url);
  c.send({ type: 'open' });
  const s = await c.next('session');
  const q = await c.next('question');
  return { c, sessionId: s.sessionId, token: s.token, question: q.question };
}

/** Answers from the workshop script until the pending question satisfies `stop`. */
async function advance(c: ChatClient, q: QuestionView | null, stop: (q: QuestionView) => boolean): Promise<QuestionView> {
  let n = 0;
  while (q && !stop(q)) {
    const clientId = `adv-${q.id}`;
    c.send({ type: 'answer', clientId, questionId: q.id, value: answerFor(workshop, q) });
    await c.until((m) => m.type === 'ack' && m.clientId === clientId);
    q = (await c.next('question')).question;
    if (++n > 100) throw new Error('did not reach the wanted question');
  }
  if (!q) throw new Error('interview ended before the wanted question');
  return q;
}

async function getState(sessionId: string, token?: string) {
  return fetch(`${srv.http}/api/sessions/${sessionId}`, token ? { headers: { authorization: `Bearer ${token}` } } : {});
}

describe('the chat socket protocol', () => {
  it('records capabilities from one free-text sentence and confirms them in words', async () => {
    const { c, sessionId, token, question } = await openNew();
    await advance(c, question, (q) => q.id.startsWith('cap.'));
    c.send({ type: 'text', clientId: 't1', text: '我们有MES和ERP，还有立体库' });
    const ack = await c.next('ack');
    expect(ack.clientId).toBe('t1');
    const recorded = await c.next('recorded');
    expect(recorded.items.map((i) => i.questionId)).toEqual(expect.arrayContaining(['cap.mes', 'cap.erp', 'cap.autoWarehouse']));
    const confirm = await c.next('message.end');
    expect(confirm.text).toContain('已记录');
    expect(confirm.text).toMatch(/MES/);
    await c.next('assessment');
    await c.next('question');
    const state = (await (await getState(sessionId, token)).json()) as { answers: Record<string, unknown> };
    expect(state.answers).toMatchObject({ 'cap.mes': true, 'cap.erp': true, 'cap.autoWarehouse': true });
    await c.close();
  });

  it('answers a question asked mid-interview with citations, streamed, then asks the pending question again', async () => {
    const { c, sessionId, token, question } = await openNew();
    const pending = await advance(c, question, (q) => q.id.startsWith('cat.') || q.id === 'ent.industryCode');
    const before = (await (await getState(sessionId, token)).json()) as { answers: Record<string, unknown> };
    const mark = c.mark;
    c.send({ type: 'text', clientId: 'q1', text: '智能工厂和智能车间申报有什么区别？需要满足哪些条件？' });
    await c.until((m) => m.type === 'ack' && m.clientId === 'q1');
    const start = await c.next('message.start');
    const end = await c.next('message.end');
    expect(end.id).toBe(start.id);
    expect(end.seq).toBe(start.seq);
    expect(end.citations.length).toBeGreaterThan(0);
    expect(end.citations.every((x) => x.clause.length > 0)).toBe(true);
    const deltas = c.since(mark).filter((m) => m.type === 'message.delta' && m.id === start.id);
    expect(deltas.length).toBeGreaterThan(0);
    expect(deltas.map((d) => (d.type === 'message.delta' ? d.delta : '')).join('')).toBe(end.text);
    const again = await c.next('question');
    expect(again.question?.id).toBe(pending.id);
    // A question is not an answer: nothing was recorded.
    const after = (await (await getState(sessionId, token)).json()) as { answers: Record<string, unknown>; transcript: { seq: number; citations: unknown[] }[] };
    expect(after.answers).toEqual(before.answers);
    // The answer is in the transcript with its citations, for a reload.
    expect(after.transcript.find((e) => e.seq === end.seq)?.citations.length).toBe(end.citations.length);
    await c.close();
  });

  it('answers in qa mode as a question even when the text looks like an answer', async () => {
    const { c, sessionId, token } = await openNew();
    c.send({ type: 'text', clientId: 'qa1', text: '有', mode: 'qa' });
    await c.until((m) => m.type === 'ack' && m.clientId === 'qa1');
    await c.next('message.end');
    const state = (await (await getState(sessionId, token)).json()) as { answers: Record<string, unknown> };
    expect(state.answers).toEqual({});
    await c.close();
  });

  it('reads a correction typed after the interview is over and re-runs the assessment', async () => {
    const w = await walk(srv.url, workshop);
    expect(w.assessment.verdict).toBe('qualified');
    const c = w.client;
    c.send({ type: 'text', clientId: 'late', text: '其实我们没有MES' });
    await c.until((m) => m.type === 'ack' && m.clientId === 'late');
    const recorded = await c.next('recorded');
    expect(recorded.items).toEqual(expect.arrayContaining([expect.objectContaining({ questionId: 'cap.mes', value: false })]));
    const after = await c.next('assessment');
    expect(after.assessment.verdict).toBe('gaps');
    expect(after.assessment.conditions.some((x) => x.missing.includes('mes'))).toBe(true);
    await c.close();
  });

  it('keeps serving other clients while one client stops reading and floods questions', async () => {
    const slow = await openNew();
    slow.c.ws.pause();
    for (let i = 0; i < 40; i++) slow.c.send({ type: 'text', clientId: `flood-${i}`, text: '智能工厂申报需要满足哪些条件？', mode: 'qa' });
    const fast = await openNew();
    // Each wait below fails after its default timeout if the fast client were queued behind the slow one.
    let q = fast.question;
    for (let i = 0; i < 5 && q; i++) {
      fast.c.send({ type: 'answer', clientId: `fast-${i}`, questionId: q.id, value: answerFor(workshop, q) });
      await fast.c.until((m) => m.type === 'ack' && m.clientId === `fast-${i}`);
      q = (await fast.c.next('question')).question;
    }
    expect(fast.c.received.filter((m) => m.type === 'ack')).toHaveLength(5);
    slow.c.ws.resume();
    // The slow client loses nothing: every flooded message is acknowledged in order once it reads again.
    for (let i = 0; i < 40; i++) await slow.c.until((m) => m.type === 'ack' && m.clientId === `flood-${i}`, 30_000);
    await Promise.all([slow.c.close(), fast.c.close()]);
  });

  it('keeps the connection open and answers a typed error for malformed, oversized, unknown and invalid messages', async () => {
    const c = await ChatClient.connect(srv.url);
    c.sendRaw('{not json');
    expect((await c.next('error')).code).toBe('MALFORMED');
    c.sendRaw(JSON.stringify({ type: 'text', clientId: 'big', text: 'x'.repeat(MAX_WS_MESSAGE_BYTES + 10) }));
    expect((await c.next('error')).code).toBe('TOO_LARGE');
    c.send({ type: 'launchMissiles' });
    expect((await c.next('error')).code).toBe('UNKNOWN_TYPE');
    c.send({ type: 'answer', clientId: 'bad', questionId: '' });
    const invalid = await c.next('error');
    expect(invalid.code).toBe('INVALID');
    expect(invalid.clientId).toBe('bad');
    expect(invalid.message).toMatch(/questionId|value/);
    c.send([1, 2, 3]);
    expect((await c.next('error')).code).toBe('MALFORMED');
    c.send({ type: 'text', clientId: 'early', text: '你好' });
    expect((await c.next('error')).code).toBe('NOT_OPEN');
    c.send({ type: 'ping' });
    await c.next('pong');
    c.send({ type: 'open' });
    expect((await c.next('session')).resumed).toBe(false);
    expect(c.closed).toBe(false);
    await c.close();
  });

  it('stores a new session and its welcome in one write, then streams the welcome under its stored seq', async () => {
    const store = srv.app.store;
    const create = vi.spyOn(store, 'create');
    const appends = [vi.spyOn(store, 'appendTranscript'), vi.spyOn(store, 'appendTurn'), vi.spyOn(store, 'putDoc')];
    try {
      const c = await ChatClient.connect(srv.url);
      c.send({ type: 'open' });
      const s = await c.next('session');
      expect(s.transcript).toEqual([]);
      const start = await c.next('message.start');
      const end = await c.next('message.end');
      await c.next('question');
      expect(create).toHaveBeenCalledTimes(1);
      const [, opening] = create.mock.calls[0]!;
      expect(opening).toHaveLength(1);
      expect(opening![0]).toMatchObject({ id: start.id, role: 'assistant', text: end.text });
      expect(end.text).toContain(srv.app.kb.data.manifest.year + '年度');
      for (const spy of appends) expect(spy).not.toHaveBeenCalled();
      expect([start.seq, end.seq]).toEqual([1, 1]);
      const state = (await (await getState(s.sessionId, s.token)).json()) as { transcript: { seq: number; id: string; text: string }[] };
      expect(state.transcript).toEqual([expect.objectContaining({ seq: 1, id: start.id, text: end.text })]);
      await c.close();
      // Resumed from the start, the welcome comes back in the transcript and is not said again.
      const r = await ChatClient.connect(srv.url);
      r.send({ type: 'open', sessionId: s.sessionId, token: s.token, lastSeq: 0 });
      const again = await r.next('session');
      expect(again.resumed).toBe(true);
      expect(again.transcript.map((e) => [e.seq, e.text])).toEqual([[1, end.text]]);
      await r.next('question');
      expect(r.since(0).filter((m) => m.type === 'message.start')).toHaveLength(0);
      await r.close();
    } finally {
      create.mockRestore();
      for (const spy of appends) spy.mockRestore();
    }
  });

  it('refuses an answer the rules reject with a typed error and stores nothing', async () => {
    const { c, sessionId, token, question } = await openNew();
    c.send({ type: 'answer', clientId: 'nope', questionId: 'no.such.question', value: true });
    const err = await c.until((m) => m.type === 'error' && m.clientId === 'nope');
    expect(err.type === 'error' && ['UNKNOWN_QUESTION', 'INVALID']).toContain(err.type === 'error' ? err.code : '');
    c.send({ type: 'answer', clientId: 'wrongkind', questionId: question!.id, value: 'purple' });
    await c.until((m) => m.type === 'error' && m.clientId === 'wrongkind');
    const state = (await (await getState(sessionId, token)).json()) as { answers: Record<string, unknown>; transcript: { role: string }[] };
    expect(state.answers).toEqual({});
    expect(state.transcript.filter((e) => e.role === 'user')).toHaveLength(0);
    await c.close();
  });

  it('acknowledges a resent clientId as a duplicate and does not apply it twice', async () => {
    const { c, sessionId, token, question } = await openNew();
    const q = question!;
    c.send({ type: 'answer', clientId: 'once', questionId: q.id, value: true });
    const first = await c.until((m) => m.type === 'ack' && m.clientId === 'once');
    await c.next('question');
    // The resend carries a different value: if it were applied, the answer would change.
    c.send({ type: 'answer', clientId: 'once', questionId: q.id, value: false });
    const second = await c.until((m) => m.type === 'ack' && m.clientId === 'once');
    expect(second.type === 'ack' && second.duplicate).toBe(true);
    expect(second.type === 'ack' && second.seq).toBe(first.type === 'ack' && first.seq);
    c.send({ type: 'ping' });
    await c.next('pong');
    const state = (await (await getState(sessionId, token)).json()) as { answers: Record<string, unknown>; transcript: { clientId?: string }[] };
    expect(state.answers[q.id]).toBe(true);
    expect(state.transcript.filter((e) => e.clientId === 'once')).toHaveLength(1);
    await c.close();
  });

  it('changes an earlier answer with edit and re-runs the assessment', async () => {
    const { c, question } = await openNew();
    const q = question!;
    c.send({ type: 'answer', clientId: 'e1', questionId: q.id, value: answerFor(workshop, q) });
    await c.until((m) => m.type === 'ack' && m.clientId === 'e1');
    const before = await c.next('assessment');
    const flipped = answerFor(workshop, q) === true ? false : true;
    c.send({ type: 'edit', clientId: 'e2', questionId: q.id, value: flipped });
    await c.until((m) => m.type === 'ack' && m.clientId === 'e2');
    const recorded = await c.next('recorded');
    expect(recorded.items[0]).toMatchObject({ questionId: q.id, value: flipped });
    const after = await c.next('assessment');
    expect(after.assessment.verdict).toBe('ineligible');
    expect(before.assessment.verdict).not.toBe('ineligible');
    await c.close();
  });

  it('starts over on restart, keeping the transcript', async () => {
    const { c, sessionId, token, question } = await openNew();
    await advance(c, question, (q) => q.id === 'ent.groupOrHeadOffice');
    c.send({ type: 'restart', clientId: 'r1' });
    await c.until((m) => m.type === 'ack' && m.clientId === 'r1');
    const q = await c.next('question');
    expect(q.question?.id).toBe(question!.id);
    const state = (await (await getState(sessionId, token)).json()) as { answers: Record<string, unknown>; transcript: unknown[] };
    expect(state.answers).toEqual({});
    expect(state.transcript.length).toBeGreaterThan(3);
    await c.close();
  });

  it('resumes with lastSeq and replays exactly the entries the client has not seen', async () => {
    const { c, sessionId, token, question } = await openNew();
    await advance(c, question, (q) => q.id === 'ent.operatingWell');
    const acks = c.received.filter((m) => m.type === 'ack');
    const lastSeen = acks[1]!.type === 'ack' ? acks[1]!.seq : 0;
    await c.close();

    const full = (await (await getState(sessionId, token)).json()) as { transcript: { seq: number; text: string }[] };
    const r = await ChatClient.connect(srv.url);
    r.send({ type: 'open', sessionId, token, lastSeq: lastSeen });
    const s = await r.next('session');
    expect(s.resumed).toBe(true);
    expect(s.token).toBe(token);
    expect(s.transcript.map((e) => e.seq)).toEqual(full.transcript.filter((e) => e.seq > lastSeen).map((e) => e.seq));
    expect(s.transcript.map((e) => e.text)).toEqual(full.transcript.filter((e) => e.seq > lastSeen).map((e) => e.text));
    expect(Object.keys(s.answers)).toHaveLength(4);
    await r.next('assessment');
    expect((await r.next('question')).question?.id).toBe('ent.operatingWell');
    await r.close();
  });
});

describe('session access', () => {
  it('creates a session over HTTP and reads it only with its token', async () => {
    const res = await fetch(`${srv.http}/api/sessions`, { method: 'POST' });
    expect(res.status).toBe(201);
    const { sessionId, token } = (await res.json()) as { sessionId: string; token: string };
    expect(token.length).toBeGreaterThanOrEqual(43);
    expect((await getState(sessionId)).status).toBe(404);
    expect((await getState(sessionId, token.slice(0, -2) + 'xx')).status).toBe(404);
    expect((await getState('00000000-0000-4000-8000-000000000000', token)).status).toBe(404);
    const bad = await fetch(`${srv.http}/api/sessions/${sessionId}`, { headers: { authorization: `Basic ${token}` } });
    expect(bad.status).toBe(404);
    const ok = await getState(sessionId, token);
    expect(ok.status).toBe(200);
    const body = (await ok.json()) as { answers: object; transcript: { role: string }[]; assessment: { verdict: string }; question: { id: string } };
    expect(body.answers).toEqual({});
    // Only the welcome, stored with the session.
    expect(body.transcript.map((e) => e.role)).toEqual(['assistant']);
    expect(body.assessment.verdict).toBe('incomplete');
    expect(body.question.id).toMatch(/^ent\./);
    // The 404 for a wrong token looks exactly like the one for an unknown session.
    const wrong = (await (await getState(sessionId, 'x'.repeat(43))).json()) as object;
    const unknown = (await (await getState('00000000-0000-4000-8000-000000000000', 'x'.repeat(43))).json()) as object;
    expect(wrong).toEqual(unknown);
  });

  it('refuses to resume a session over the socket without the right token, and the socket stays usable', async () => {
    const { c, sessionId, token } = await openNew();
    await c.close();
    const r = await ChatClient.connect(srv.url);
    r.send({ type: 'open', sessionId });
    expect((await r.next('error')).code).toBe('NOT_FOUND');
    r.send({ type: 'open', sessionId, token: token.replace(/^./, (ch) => (ch === 'A' ? 'B' : 'A')) });
    expect((await r.next('error')).code).toBe('NOT_FOUND');
    r.send({ type: 'open', sessionId: '00000000-0000-4000-8000-000000000000', token });
    expect((await r.next('error')).code).toBe('NOT_FOUND');
    r.send({ type: 'answer', clientId: 'x', questionId: 'ent.registeredInHenan', value: true });
    expect((await r.next('error')).code).toBe('NOT_OPEN');
    r.send({ type: 'open', sessionId, token });
    expect((await r.next('session')).resumed).toBe(true);
    await r.close();
  });
});
