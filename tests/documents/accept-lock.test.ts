import { describe, expect, it } from 'vitest';
import { serveForFile, type Served } from '../chat/serve';
import { ChatClient } from '../chat/client';
import { answerFor, workshop } from '../chat/enterprises';
import { AUDIT, auditDocx } from './files';

/*
 * A chat turn reads the session's answers, applies the user's answer and writes the whole map back.
 * Accepting a document's suggestion does the same over HTTP. Run between a turn's read and its write,
 * one of the two answers used to be lost. Here the turn is held exactly there, the accept is sent,
 * and the turn is let go as soon as the accept either asks for the session's lock (it waits its turn)
 * or has written (it did not wait): the outcome does not depend on timing.
 */

const srv = serveForFile();

function multipart(filename: string, data: Buffer) {
  const boundary = `----zz${Math.random().toString(16).slice(2)}`;
  const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: application/octet-stream\r\n\r\n`);
  return { body: Buffer.concat([head, data, Buffer.from(`\r\n--${boundary}--\r\n`)]), type: `multipart/form-data; boundary=${boundary}` };
}

describe('accepting a suggestion while a chat turn is in flight on the same session', () => {
  it('keeps both the chat answer and the accepted suggestion', async () => {
    const client = await ChatClient.connect(srv.url);
    client.send({ type: 'open' });
    const { sessionId, token } = await client.next('session');
    const q = (await client.next('question')).question!;
    const auth = { authorization: `Bearer ${token}` };

    const m = multipart('审计报告.docx', await auditDocx());
    const up = await fetch(`${srv.http}/api/sessions/${sessionId}/documents`, { method: 'POST', headers: { ...auth, 'content-type': m.type }, body: m.body });
    expect(up.status).toBe(201);
    const { documentId, suggestions } = (await up.json()) as { documentId: string; suggestions: { field: string; value: unknown }[] };
    expect(suggestions.find((s) => s.field === 'creditCode')?.value).toBe(AUDIT.creditCode);

    // The gate: the turn's write of its answers waits here until the accept has shown its hand.
    const store = srv.app.store;
    const locks = srv.app.sessionLocks;
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    let held!: () => void;
    const turnHeld = new Promise<void>((r) => (held = r));
    let armed = true;
    const appendTurn = store.appendTurn.bind(store);
    store.appendTurn = async (id, entry, answers) => {
      if (armed && id === sessionId && answers !== undefined) {
        armed = false;
        held();
        await gate;
      }
      return appendTurn(id, entry, answers);
    };
    const run = locks.run.bind(locks);
    const setAnswers = store.setAnswers.bind(store);
    store.setAnswers = async (id, answers) => {
      await setAnswers(id, answers);
      if (id === sessionId) release();
    };
    try {
      client.send({ type: 'answer', clientId: 'chat-1', questionId: q.id, value: answerFor(workshop, q) });
      await turnHeld;
      // Only now, with the turn holding the lock: the next request for it is the accept's.
      locks.run = (id, fn) => {
        if (id === sessionId) release();
        return run(id, fn);
      };
      const accepted = fetch(`${srv.http}/api/sessions/${sessionId}/documents/${documentId}/accept`, {
        method: 'POST',
        headers: { ...auth, 'content-type': 'application/json' },
        body: JSON.stringify({ field: 'creditCode', value: AUDIT.creditCode }),
      });
      const ack = await client.until((x) => (x.type === 'ack' || x.type === 'error') && x.clientId === 'chat-1');
      expect(ack.type).toBe('ack');
      expect((await accepted).status).toBe(200);
    } finally {
      store.appendTurn = appendTurn;
      locks.run = run;
      store.setAnswers = setAnswers;
    }

    const answers = await store.getAnswers(sessionId);
    expect(answers['form.creditCode'], 'the accepted suggestion').toBe(AUDIT.creditCode);
    expect(answers[q.id], 'the chat answer').toBeDefined();
    // What a reload shows agrees with the store.
    const view = (await (await fetch(`${srv.http}/api/sessions/${sessionId}`, { headers: auth })).json()) as { answers: Record<string, unknown> };
    expect(view.answers['form.creditCode']).toBe(AUDIT.creditCode);
    expect(view.answers[q.id]).toBeDefined();
    await client.close();
  }, 120_000);
});
