import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readdirSync } from 'node:fs';
import { build, type Built } from '../helper';
import { uploadsDir } from '../../server/documents/store';
import { AUDIT, auditDocx, expandingDocx, multipart } from './files';

/*
 * The parse worker runs under a heap cap. A DOCX of 58 KB that unpacks to 200,000 paragraphs
 * (about 17 MB of XML) takes far more than the cap to parse: the worker is stopped by V8, and the upload is
 * refused with the knowledge's 「文件过于复杂」 message. The cap is set to 64 MB here and the time limit
 * raised well past it, so the memory cap, not the clock, is what stops the parse, and the test stays
 * light on a shared machine; the code path is the one the 256 MB production cap takes.
 */

let b: Built;
let sessionId = '';
let auth: Record<string, string> = {};

beforeAll(async () => {
  b = await build();
  const docs = b.app.kb.data.formDrafting.documents;
  docs.parseMemoryMB = 64;
  docs.parseTimeoutMs = 300_000;
  const s = (await b.app.inject({ method: 'POST', url: '/api/sessions' })).json();
  sessionId = s.sessionId;
  auth = { authorization: `Bearer ${s.token}` };
}, 120_000);
afterAll(async () => {
  await b?.close();
});

const upload = (name: string, data: Buffer) => {
  const m = multipart(name, data);
  return b.app.inject({ method: 'POST', url: `/api/sessions/${sessionId}/documents`, payload: m.payload, headers: { ...m.headers, ...auth } });
};

describe('a document whose text unpacks past the parse worker’s memory cap', () => {
  it('is refused with the 「too complex」 message, keeps what the session had, and the next upload still parses', async () => {
    const first = await upload('审计报告.docx', await auditDocx());
    expect(first.statusCode).toBe(201);
    const { documentId } = first.json();
    const accept = await b.app.inject({ method: 'POST', url: `/api/sessions/${sessionId}/documents/${documentId}/accept`, headers: auth, payload: { field: 'creditCode', value: AUDIT.creditCode } });
    expect(accept.statusCode).toBe(200);

    const bomb = expandingDocx(200_000);
    expect(bomb.length).toBeLessThan(100 * 1024);
    const refused = await upload('年度报告.docx', bomb);
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error.code).toBe('PARSE_MEMORY');
    expect(refused.json().error.message).toBe(b.app.kb.data.formDrafting.documents.messages.tooComplex);

    // Nothing of the refused file is kept, and nothing the session had is lost.
    const listed = (await b.app.inject({ method: 'GET', url: `/api/sessions/${sessionId}/documents`, headers: auth })).json();
    expect(listed.documents.map((d: { documentId: string }) => d.documentId)).toEqual([documentId]);
    expect(listed.documents[0].accepted).toEqual({ creditCode: AUDIT.creditCode });
    expect(readdirSync(uploadsDir(b.config.DATA_DIR, sessionId)).filter((f) => !f.startsWith(documentId))).toEqual([]);
    const session = (await b.app.inject({ method: 'GET', url: `/api/sessions/${sessionId}`, headers: auth })).json();
    expect(session.answers['form.creditCode']).toBe(AUDIT.creditCode);

    // The server and its parse slots are intact: more uploads than there are slots still parse.
    for (let i = 0; i < 3; i++) {
      const again = await upload(`审计报告${i}.docx`, await auditDocx());
      expect(again.statusCode).toBe(201);
      expect(again.json().suggestions.find((s: { field: string }) => s.field === 'creditCode').value).toBe(AUDIT.creditCode);
    }
  }, 240_000);
});
