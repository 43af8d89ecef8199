import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { build, type Built } from '../helper';
import { findExecutable } from '../../server/documents/exec';
import { deleteSessionUploads } from '../../server/documents/store';
import { AUDIT, auditDocx, docxToPdfFile, imageOnlyPdf, realLayoutDocx } from './files';

const haveSoffice = !!findExecutable(['soffice', 'libreoffice']);

function multipart(filename: string, data: Buffer, field = 'file') {
  const boundary = `----zz${Math.random().toString(16).slice(2)}`;
  const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${filename}"\r\nContent-Type: application/octet-stream\r\n\r\n`);
  return { payload: Buffer.concat([head, data, Buffer.from(`\r\n--${boundary}--\r\n`)]), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

let b: Built;
let sessionId = '';
let auth: Record<string, string> = {};
let docx: Buffer;
let pdf: Buffer | null = null;
let encrypted: Buffer | null = null;

beforeAll(async () => {
  b = await build();
  const s = (await b.app.inject({ method: 'POST', url: '/api/sessions' })).json();
  sessionId = s.sessionId;
  auth = { authorization: `Bearer ${s.token}` };
  docx = await auditDocx();
  if (haveSoffice) {
    pdf = await docxToPdfFile(docx);
    encrypted = await docxToPdfFile(docx, 'secret');
  }
}, 300_000);
afterAll(async () => {
  await b.close();
});

const upload = (name: string, data: Buffer, headers = auth) => {
  const m = multipart(name, data);
  return b.app.inject({ method: 'POST', url: `/api/sessions/${sessionId}/documents`, payload: m.payload, headers: { ...m.headers, ...headers } });
};

/** The suggestions every audit report file must give, computed here from the facts the file was made from. */
function expectAuditSuggestions(suggestions: { field: string; value: unknown; source: { file: string; page: number | null; snippet: string } }[], file: string, page: number | null = 1) {
  const by = Object.fromEntries(suggestions.map((s) => [s.field, s]));
  expect(by.creditCode?.value).toBe(AUDIT.creditCode);
  expect(by.name?.value).toBe(AUDIT.name);
  expect(by.foundedOn?.value).toBe(AUDIT.foundedOn);
  expect(by.registeredCapital?.value).toBe(AUDIT.registeredCapitalYuan / 10000);
  expect(by.address?.value).toBe(AUDIT.address);
  for (const [key, [, vals]] of Object.entries(AUDIT.rows))
    AUDIT.years.forEach((y, i) => expect(by[`finance.${y}.${key}`]?.value, `${y} ${key}`).toBe(Number((vals[i]! / 10000).toPrecision(12))));
  for (const s of suggestions) {
    expect(s.source.file).toBe(file);
    expect(s.source.page).toBe(page);
    expect(s.source.snippet.replace(/\s/g, '')).toContain(String(s.field.startsWith('finance') ? '' : s.value).replace(/\s/g, '').replace(/^(\d{4})-(\d{2})-(\d{2})$/, '$1年'));
  }
  expect(suggestions.length).toBe(5 + 15);
}

describe('documents in', () => {
  it.skipIf(!haveSoffice)('reads a text PDF audit report into suggestions that match the source', async () => {
    const r = await upload('2022年审计报告.pdf', pdf!);
    expect(r.statusCode).toBe(201);
    const body = r.json();
    expect(body).toMatchObject({ kind: 'pdf', pages: 1 });
    expect(typeof body.documentId).toBe('string');
    expectAuditSuggestions(body.suggestions, '2022年审计报告.pdf');
    expect(readdirSync(join(b.config.DATA_DIR, 'uploads', sessionId)).some((f) => f === `${body.documentId}.pdf`)).toBe(true);
  });

  it('names the file by the shared text rule: no noncharacter or control in the name it stores and returns', async () => {
    const r = await upload('审计\uFFFF报告\uFFFE\u0007.docx', docx);
    expect(r.statusCode).toBe(201);
    const body = r.json();
    for (const s of body.suggestions) expect(s.source.file).toBe('审计报告.docx');
    const list = (await b.app.inject({ method: 'GET', url: `/api/sessions/${sessionId}/documents`, headers: auth })).json();
    expect(JSON.stringify(list)).not.toMatch(/[\uFFFE\uFFFF\u0000-\u0008]/);
  });

  it('reads a DOCX with the same rules', async () => {
    const r = await upload('申报材料.docx', docx);
    expect(r.statusCode).toBe(201);
    // One page as LibreOffice lays it out; with no LibreOffice to lay it out, no page is claimed.
    expect(r.json()).toMatchObject({ kind: 'docx', pages: haveSoffice ? 1 : null });
    expectAuditSuggestions(r.json().suggestions, '申报材料.docx', haveSoffice ? 1 : null);
  }, 120_000);

  it('reads a licence and statements in the layout real reports use, and suggests only the years the form asks for', async () => {
    const r = await upload('审计报告（含执照）.docx', await realLayoutDocx());
    expect(r.statusCode).toBe(201);
    const got = Object.fromEntries(r.json().suggestions.map((s: { field: string; value: unknown }) => [s.field, s.value]));
    expect(got).toEqual({
      creditCode: AUDIT.creditCode,
      name: AUDIT.name,
      registeredCapital: 5000,
      foundedOn: AUDIT.foundedOn,
      address: AUDIT.address,
      'finance.2022.totalAssets': 61234.56789,
      'finance.2021.totalAssets': 56800,
      'finance.2022.totalLiabilities': 25600,
      'finance.2021.totalLiabilities': 24100,
      // The 2023 statement's 上期 column is 2022; its 本期 column (2023) is not a year the form asks for.
      'finance.2022.revenue': 86000,
      'finance.2022.profit': 6300,
    });
  }, 120_000);

  it('fills nothing until the user accepts a suggestion, then records it like a typed answer', async () => {
    const r = (await upload('a.docx', docx)).json();
    expect(Object.keys(await b.app.store.getAnswers(sessionId)).filter((k) => k.startsWith('form.'))).toEqual([]);
    const ok = await b.app.inject({ method: 'POST', url: `/api/sessions/${sessionId}/documents/${r.documentId}/accept`, headers: auth, payload: { field: 'finance.2022.revenue', value: 86000 } });
    expect(ok.statusCode).toBe(200);
    expect((await b.app.store.getAnswers(sessionId))['form.finance.2022.revenue']).toBe(86000);
    const notSuggested = await b.app.inject({ method: 'POST', url: `/api/sessions/${sessionId}/documents/${r.documentId}/accept`, headers: auth, payload: { field: 'employees', value: 3 } });
    expect(notSuggested.statusCode).toBe(400);
    const badCode = await b.app.inject({ method: 'POST', url: `/api/sessions/${sessionId}/documents/${r.documentId}/accept`, headers: auth, payload: { field: 'creditCode', value: '91410300MA9F3R1L6X' } });
    expect(badCode.statusCode).toBe(400);
    const listed = (await b.app.inject({ method: 'GET', url: `/api/sessions/${sessionId}/documents`, headers: auth })).json();
    expect(listed.documents.find((d: { documentId: string }) => d.documentId === r.documentId).accepted).toEqual({ 'finance.2022.revenue': 86000 });
  }, 120_000);

  it('refuses an image-only PDF with a message that says what to do', async () => {
    const r = await upload('扫描件.pdf', imageOnlyPdf());
    expect(r.statusCode).toBe(422);
    expect(r.json().error.message).toMatch(/扫描件或图片.*带文字的 PDF.*直接输入/);
  });

  it.skipIf(!haveSoffice)('refuses an encrypted PDF', async () => {
    const r = await upload('加密.pdf', encrypted!);
    expect(r.statusCode).toBe(422);
    expect(r.json().error.message).toContain('已加密');
  });

  it('refuses a corrupt PDF', async () => {
    const r = await upload('坏.pdf', Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >>\n%%EOF garbage'));
    expect(r.statusCode).toBe(422);
    expect(r.json().error.message).toContain('损坏');
  });

  it('asked for NDJSON, says each stage as it reaches it (read, recognise, lay out a DOCX\'s pages, save), then the result', async () => {
    const r = await upload('申报材料.docx', docx, { ...auth, accept: 'application/x-ndjson' });
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toContain('application/x-ndjson');
    const lines = r.body.trim().split('\n').map((l) => JSON.parse(l));
    // Reading the file and recognising what is in it are stages of their own, each with the words the page shows.
    expect(lines.slice(0, -1).map((l) => l.stage)).toEqual(['read', 'recognise', 'pages', 'save']);
    for (const l of lines.slice(0, -1)) expect(l.label).toMatch(/^正在/);
    const last = lines.at(-1);
    expect(last.statusCode).toBe(201);
    expectAuditSuggestions(last.result.suggestions, '申报材料.docx', haveSoffice ? 1 : null);
  }, 120_000);

  it('asked for NDJSON, a refused file ends its stages with the refusal and its status', async () => {
    const r = await upload('坏.pdf', Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >>\n%%EOF garbage'), { ...auth, accept: 'application/x-ndjson' });
    const lines = r.body.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.slice(0, -1).map((l) => l.stage)).toEqual(['read']);
    expect(lines.at(-1)).toMatchObject({ statusCode: 422, error: { code: 'CORRUPT' } });
    expect(lines.at(-1).error.message).toContain('损坏');
  });

  it('refuses a 25 MB file at the 20 MB limit', async () => {
    const big = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(25 * 1024 * 1024, 0x20)]);
    const r = await upload('big.pdf', big);
    expect(r.statusCode).toBe(413);
    expect(r.json().error.message).toContain('20 MB');
  });

  it('refuses a file whose extension lies about its content', async () => {
    const r = await upload('审计报告.pdf', docx);
    expect(r.statusCode).toBe(415);
    expect(r.json().error.message).toMatch(/\.pdf.*DOCX.*不一致/);
    const png = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
    const r2 = await upload('licence.docx', png);
    expect(r2.statusCode).toBe(415);
    expect((await upload('notes.txt', Buffer.from('hello'))).statusCode).toBe(415);
  });

  it('needs the session token', async () => {
    expect((await upload('a.docx', docx, { authorization: 'Bearer wrong' })).statusCode).toBe(404);
  });

  it('keeps uploads in the session folder, which deleteSessionUploads removes', async () => {
    const dir = join(b.config.DATA_DIR, 'uploads', sessionId);
    expect(existsSync(dir)).toBe(true);
    await deleteSessionUploads(b.config.DATA_DIR, sessionId);
    expect(existsSync(dir)).toBe(false);
    await expect(deleteSessionUploads(b.config.DATA_DIR, '../etc')).rejects.toThrow();
  });
});

describe('the server check of a suggestion', () => {
  it('drops a suggestion whose snippet is not in the page or whose value is not in the snippet', async () => {
    const { verifySuggestion } = await import('../../server/documents/extract');
    const pages = ['注册资本：人民币 5000 万元\n营业收入 860,000,000.00 765,000,000.00'];
    const ok = { field: 'registeredCapital', value: 5000, raw: '5000 万元', source: { file: 'a.pdf', page: 1, snippet: '注册资本：人民币 5000 万元' } };
    expect(verifySuggestion(pages, ok)).toBe(true);
    expect(verifySuggestion(pages, { ...ok, source: { ...ok.source, snippet: '注册资本：人民币 8000 万元' } })).toBe(false);
    expect(verifySuggestion(pages, { ...ok, raw: '8000 万元' })).toBe(false);
    expect(verifySuggestion(pages, { ...ok, source: { ...ok.source, page: 2 } })).toBe(false);
    expect(verifySuggestion(pages, { field: 'name', value: '某某公司', raw: '某某公司', source: { file: 'a.pdf', page: 1, snippet: '营业收入' } })).toBe(false);
  });
});

describe('parsing runs in a worker under a time limit', () => {
  it('stops a parse that outlives its limit with a clear message', async () => {
    const { parseDocument } = await import('../../server/documents/parse');
    const docs = b.app.kb.data.formDrafting.documents;
    // A 1 ms limit cannot be met (the worker alone takes longer to start), so the limit is what ends it.
    await expect(parseDocument(docx, 'docx', { ...docs, parseTimeoutMs: 1 })).rejects.toMatchObject({ statusCode: 422, message: docs.messages.timeout });
    await expect(parseDocument(docx, 'docx', docs)).resolves.toHaveLength(1);
  });
});
