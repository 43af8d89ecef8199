import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { expect } from 'vitest';
import { zipEntry } from '../fixtures/zip';

/** Whether poppler's pdftotext is installed: the exported PDF's text is read with it. */
export const hasPdftotext = (() => {
  try {
    execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

/**
 * The text of a draft exported as PDF through the real route, with its whitespace removed; null where
 * the server offers no PDF export (LibreOffice is not installed).
 */
export async function exportedPdfText(app: FastifyInstance, profile: unknown, category: string): Promise<string | null> {
  const f = (await app.inject({ method: 'GET', url: '/api/export/formats' })).json();
  if (!f.pdf) return null;
  const r = await app.inject({ method: 'POST', url: '/api/export/pdf', payload: { profile, category } });
  expect(r.statusCode).toBe(200);
  const dir = mkdtempSync(join(tmpdir(), 'zz-pdf-'));
  try {
    writeFileSync(join(dir, 'a.pdf'), r.rawPayload);
    execFileSync('pdftotext', ['-enc', 'UTF-8', join(dir, 'a.pdf'), join(dir, 'a.txt')]);
    return readFileSync(join(dir, 'a.txt'), 'utf8').replace(/\s+/g, '');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The text of a draft exported as DOCX through the real route: every run of the document's body, joined. */
export async function exportedDocxText(app: FastifyInstance, profile: unknown, category: string): Promise<string> {
  const r = await app.inject({ method: 'POST', url: '/api/export/docx', payload: { profile, category } });
  expect(r.statusCode).toBe(200);
  const xml = zipEntry(r.rawPayload, 'word/document.xml').toString('utf8');
  return [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
}
