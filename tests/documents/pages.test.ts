import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build, type Built } from '../helper';
import { findExecutable } from '../../server/documents/exec';
import { placeOnPages } from '../../server/documents/pages';
import { AUDIT, auditDocx, multipart } from './files';

/*
 * A DOCX has no pages until it is laid out. Its page count and each suggestion's page come from the
 * LibreOffice layout where LibreOffice is installed; without it no page number is given (null), never
 * a made-up 「第1页」.
 */
const haveSoffice = !!findExecutable(['soffice', 'libreoffice']);

type Upload = { pages: number | null; suggestions: { field: string; value: unknown; source: { page: number | null; snippet: string } }[] };

async function uploadTo(b: Built, data: Buffer): Promise<Upload> {
  const s = (await b.app.inject({ method: 'POST', url: '/api/sessions' })).json();
  const m = multipart('审计报告.docx', data);
  const r = await b.app.inject({ method: 'POST', url: `/api/sessions/${s.sessionId}/documents`, payload: m.payload, headers: { ...m.headers, authorization: `Bearer ${s.token}` } });
  expect(r.statusCode).toBe(201);
  return r.json();
}

describe.skipIf(!haveSoffice)('a DOCX upload with LibreOffice on the server', () => {
  let b: Built;
  beforeAll(async () => {
    b = await build();
  }, 120_000);
  afterAll(async () => {
    await b?.close();
  });

  it('counts the pages of the laid-out document and names the page each suggestion is on', async () => {
    const body = await uploadTo(b, await auditDocx({ pageBreaks: true }));
    expect(body.pages).toBe(3);
    const page = (field: string) => body.suggestions.find((s) => s.field === field)?.source.page;
    // The opinion is page 1, the particulars page 2, the statements page 3, as the file was made.
    for (const f of ['creditCode', 'foundedOn', 'registeredCapital', 'address']) expect(page(f), f).toBe(2);
    for (const y of AUDIT.years) for (const k of Object.keys(AUDIT.rows)) expect(page(`finance.${y}.${k}`), `${y} ${k}`).toBe(3);
    expect(body.suggestions.find((s) => s.field === 'creditCode')?.value).toBe(AUDIT.creditCode);
  }, 240_000);
});

describe('a DOCX upload without LibreOffice', () => {
  let b: Built;
  const path = process.env.PATH;
  beforeAll(async () => {
    b = await build();
  }, 120_000);
  afterAll(async () => {
    await b?.close();
  });

  it('gives no page count and no page numbers, rather than a false 1', async () => {
    const docx = await auditDocx({ pageBreaks: true });
    // The server looks for LibreOffice on PATH when an upload needs it: here it finds none.
    process.env.PATH = '/nonexistent';
    let body: Awaited<ReturnType<typeof uploadTo>>;
    try {
      body = await uploadTo(b, docx);
    } finally {
      process.env.PATH = path;
    }
    expect(body.pages).toBeNull();
    expect(body.suggestions.length).toBe(5 + 15);
    expect(body.suggestions.every((s) => s.source.page === null)).toBe(true);
  }, 120_000);
});

describe('placing suggestions on laid-out pages', () => {
  const s = { field: 'finance.2022.revenue', value: 86000, raw: '860,000,000.00', source: { file: 'a.docx', page: 1, snippet: '营业收入\n860,000,000.00' } };
  it('uses the page holding the snippet, else the one page printing the value, else none', () => {
    expect(placeOnPages([s], ['封面', '营业收入 860,000,000.00'])[0]!.source.page).toBe(2);
    expect(placeOnPages([s], ['封面', '项目 营业收入', '860,000,000.00'])[0]!.source.page).toBe(3);
    expect(placeOnPages([s], ['860,000,000.00', '860,000,000.00'])[0]!.source.page).toBeNull();
    expect(placeOnPages([s], null)[0]!.source.page).toBeNull();
  });
});
