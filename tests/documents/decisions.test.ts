import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build, type Built } from '../helper';
import { AUDIT, auditDocx, multipart } from './files';

/*
 * The user's decisions on an upload's suggestions belong to the session, not to the page: a reload, or the
 * same session opened on another device, must show the same suggestions with the same accepted and declined
 * items, and must not offer again what was turned down.
 */

let b: Built;
let sessionId = '';
let auth: Record<string, string> = {};
let documentId = '';

beforeAll(async () => {
  b = await build();
  const s = (await b.app.inject({ method: 'POST', url: '/api/sessions' })).json();
  sessionId = s.sessionId;
  auth = { authorization: `Bearer ${s.token}` };
  const m = multipart('审计报告.docx', await auditDocx());
  const up = await b.app.inject({ method: 'POST', url: `/api/sessions/${sessionId}/documents`, payload: m.payload, headers: { ...m.headers, ...auth } });
  expect(up.statusCode).toBe(201);
  documentId = up.json().documentId;
}, 300_000);
afterAll(async () => {
  await b.close();
});

const list = async () => (await b.app.inject({ method: 'GET', url: `/api/sessions/${sessionId}/documents`, headers: auth })).json().documents as { documentId: string; suggestions: { field: string }[]; accepted: Record<string, unknown>; rejected: string[] }[];
const post = (what: 'accept' | 'reject', payload: Record<string, unknown>) => b.app.inject({ method: 'POST', url: `/api/sessions/${sessionId}/documents/${documentId}/${what}`, payload, headers: auth });

describe('decisions on a document\'s suggestions', () => {
  it('lists the upload again with every suggestion and no decision yet', async () => {
    const [doc] = await list();
    expect(doc!.documentId).toBe(documentId);
    // The audit fixture gives 5 particulars and 3 years of 5 figures.
    expect(doc!.suggestions.length).toBe(20);
    expect(doc!.accepted).toEqual({});
    expect(doc!.rejected).toEqual([]);
  });

  it('keeps 不采纳 on the server, once, and leaves the answers untouched', async () => {
    for (let i = 0; i < 2; i++) expect((await post('reject', { field: 'address' })).statusCode).toBe(200);
    expect((await post('reject', { field: 'finance.2022.tax' })).statusCode).toBe(200);
    const [doc] = await list();
    expect(doc!.rejected).toEqual(['address', 'finance.2022.tax']);
    const answers = await b.app.store.getAnswers(sessionId);
    expect(answers['form.address']).toBeUndefined();
  });

  it('keeps an accept beside the declines, and refuses to decline what is already recorded', async () => {
    const r = await post('accept', { field: 'creditCode', value: AUDIT.creditCode });
    expect(r.statusCode).toBe(200);
    const refused = await post('reject', { field: 'creditCode' });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.message).toContain('已经采纳');
    const [doc] = await list();
    expect(doc!.accepted).toEqual({ creditCode: AUDIT.creditCode });
    expect(doc!.rejected).toEqual(['address', 'finance.2022.tax']);
  });

  it('an accept after a decline is a change of mind: the field leaves the declined list', async () => {
    expect((await post('accept', { field: 'address', value: AUDIT.address })).statusCode).toBe(200);
    const [doc] = await list();
    expect(doc!.rejected).toEqual(['finance.2022.tax']);
    expect(doc!.accepted.address).toBe(AUDIT.address);
  });

  it('refuses to decline a field the document never suggested, or with an unknown body', async () => {
    expect((await post('reject', { field: 'employees' })).statusCode).toBe(400);
    expect((await post('reject', { field: 'address', extra: 1 })).statusCode).toBe(400);
    const other = await b.app.inject({ method: 'POST', url: `/api/sessions/${sessionId}/documents/nope/reject`, payload: { field: 'address' }, headers: auth });
    expect(other.statusCode).toBe(404);
  });
});
