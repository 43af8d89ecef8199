import { describe, expect, it, vi } from 'vitest';
import type { QuestionView, Recorded } from '../../server/schemas/interview';
import { serveForFile } from './serve';
import { workshop } from './enterprises';
import { steer, turn } from './steer';
import { ChatClient } from './client';

/* Everything the user typed comes back after a reload: the form answers as well as the interview's. */

const srv = serveForFile();

describe('GET /api/sessions/:id after form answers', () => {
  it('lists every form answer with its label and the widget to edit it with', async () => {
    const s = await steer(srv.url, workshop, (q) => q.id === 'form.name');
    await turn(s.client, { type: 'answer', clientId: 'f-1', questionId: 'form.name', value: '郑州精工汽车零部件有限公司' });
    await turn(s.client, { type: 'answer', clientId: 'f-2', questionId: 'form.creditCode', value: null });
    await turn(s.client, { type: 'text', clientId: 'f-3', text: '2009年5月18日' });
    const r = await fetch(`${srv.http}/api/sessions/${s.sessionId}`, { headers: { authorization: `Bearer ${s.token}` } });
    const body = (await r.json()) as { answers: Record<string, unknown>; recorded: Recorded[]; questions: QuestionView[] };
    const formIds = Object.keys(body.answers).filter((id) => id.startsWith('form.'));
    expect(formIds.sort()).toEqual(['form.creditCode', 'form.foundedOn', 'form.name', 'form.proceed']);
    // Every stored answer, interview and form alike, is listed once.
    expect(body.recorded.map((x) => x.questionId).sort()).toEqual(Object.keys(body.answers).sort());
    const name = body.recorded.find((x) => x.questionId === 'form.name')!;
    expect(name.display).toBe('郑州精工汽车零部件有限公司');
    expect(name.label).toBe('企业全称');
    expect(body.recorded.find((x) => x.questionId === 'form.foundedOn')!.value).toBe('2009-05-18');
    const founded = body.questions.find((q) => q.id === 'form.foundedOn')!;
    expect(founded.kind).toBe('date');
    expect(body.questions.map((q) => q.id).sort()).toEqual(Object.keys(body.answers).sort());
    await s.client.close();
  });
});

describe('POST /api/sessions', () => {
  it('stores the welcome with the session, as a session opened over the socket does', async () => {
    const created = (await (await fetch(`${srv.http}/api/sessions`, { method: 'POST' })).json()) as { sessionId: string; token: string };
    const r = await fetch(`${srv.http}/api/sessions/${created.sessionId}`, { headers: { authorization: `Bearer ${created.token}` } });
    const { transcript } = (await r.json()) as { transcript: { role: string; text: string; seq: number }[] };
    expect(transcript).toHaveLength(1);
    expect(transcript[0]!.role).toBe('assistant');
    expect(transcript[0]!.seq).toBe(1);
    expect(transcript[0]!.text).toContain('2023');
  });
});

describe('a closed socket', () => {
  it('lets its session leave the store’s memory, and a reconnect resumes it from the database where it stopped', async () => {
    const release = vi.spyOn(srv.app.store as { release(id: string): void }, 'release');
    const s = await steer(srv.url, workshop, (q) => q.id === 'form.name');
    const before = (await (await fetch(`${srv.http}/api/sessions/${s.sessionId}`, { headers: { authorization: `Bearer ${s.token}` } })).json()) as { answers: Record<string, unknown> };
    await s.client.close();
    await vi.waitFor(() => expect(release).toHaveBeenCalledWith(s.sessionId), { timeout: 10_000 });
    const c = await ChatClient.connect(srv.url);
    c.send({ type: 'open', sessionId: s.sessionId, token: s.token });
    const session = await c.next('session');
    expect(session.resumed).toBe(true);
    expect(session.answers).toEqual(before.answers);
    expect((await c.next('question')).question?.id).toBe('form.name');
    const reply = await turn(c, { type: 'answer', clientId: 'after-1', questionId: 'form.name', value: '郑州精工汽车零部件有限公司' });
    expect(reply.find((m) => m.type === 'ack')).toMatchObject({ clientId: 'after-1' });
    await c.close();
    release.mockRestore();
  });
});
