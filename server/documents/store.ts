import { randomUUID } from 'node:crypto';
import { mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { z } from 'zod';
import type { DocumentKind } from './detect';

/** What is kept of an upload beside the file: its kind, pages and the suggestions shown to the user. */
export const StoredDocument = z.object({
  documentId: z.string(),
  file: z.string(),
  kind: z.enum(['pdf', 'docx', 'xlsx']),
  /** Null for a DOCX that could not be laid out: it has no page count of its own. */
  pages: z.number().int().nullable(),
  size: z.number().int(),
  uploadedAt: z.string(),
  suggestions: z.array(
    z.object({
      field: z.string(),
      value: z.union([z.string(), z.number()]),
      raw: z.string(),
      label: z.string().optional(),
      /** An interview question's reading as the question's own value (「否」 → false). */
      answer: z.union([z.boolean(), z.string(), z.number()]).optional(),
      /** The document gives the figure as a round one; `note` says so to the user. */
      approximate: z.literal(true).optional(),
      note: z.string().optional(),
      /** The workshop the document names for a workshop's figure, where the form has not named it yet. */
      workshop: z.string().optional(),
      source: z.object({ file: z.string(), page: z.number().int().nullable(), snippet: z.string() }),
    }),
  ),
  /**
   * The companies the document names (see companiesIn), to check it again once the enterprise is known: a
   * document uploaded before its name was recorded may turn out to be another company's.
   */
  companies: z.object({ codes: z.array(z.string()), labelled: z.array(z.string()), title: z.array(z.string()), printed: z.array(z.string()) }).optional(),
  /**
   * The parties of a contract read before the enterprise's name was recorded, when either could be it: nothing was
   * offered, and the document is read again once the name is known (see the documents list).
   */
  unsure: z.array(z.string()).optional(),
  /** What the user is told of a document read again once the enterprise was named: whose side was read, and what passed over. */
  readAgain: z.string().optional(),
  /** Fields the user accepted, with the value as accepted (possibly edited). */
  accepted: z.record(z.string(), z.union([z.string(), z.number()])).default({}),
  /**
   * Fields the user declined. Kept with the document, not only in the page, so that a reload or another
   * device does not offer again what the user already turned down.
   */
  rejected: z.array(z.string()).default([]),
});
export type StoredDocument = z.infer<typeof StoredDocument>;

const ID = /^[A-Za-z0-9_-]{1,100}$/;

/** DATA_DIR/uploads/<sessionId>/: one folder per session, so deleting the session deletes its files. */
export function uploadsDir(dataDir: string, sessionId: string): string {
  // Session ids come from the store, but a path is built from them: refuse anything that could climb out.
  if (!ID.test(sessionId)) throw new Error('bad session id for uploads');
  return join(resolve(dataDir), 'uploads', sessionId);
}

export async function saveDocument(dataDir: string, sessionId: string, kind: DocumentKind, data: Buffer, meta: Omit<StoredDocument, 'documentId' | 'kind' | 'size' | 'uploadedAt' | 'accepted' | 'rejected'>): Promise<StoredDocument> {
  const dir = uploadsDir(dataDir, sessionId);
  await mkdir(dir, { recursive: true });
  const doc: StoredDocument = { ...meta, documentId: randomUUID(), kind, size: data.length, uploadedAt: new Date().toISOString(), accepted: {}, rejected: [] };
  await writeFile(join(dir, `${doc.documentId}.${kind}`), data, { flag: 'wx' });
  await writeFile(join(dir, `${doc.documentId}.json`), JSON.stringify(doc));
  return doc;
}

export async function readDocument(dataDir: string, sessionId: string, documentId: string): Promise<StoredDocument | null> {
  if (!ID.test(documentId)) return null;
  try {
    return StoredDocument.parse(JSON.parse(await readFile(join(uploadsDir(dataDir, sessionId), `${documentId}.json`), 'utf8')));
  } catch {
    return null;
  }
}

/** The uploaded file itself, to read it again. */
export async function readDocumentFile(dataDir: string, sessionId: string, doc: StoredDocument): Promise<Buffer> {
  return readFile(join(uploadsDir(dataDir, sessionId), `${doc.documentId}.${doc.kind}`));
}

export async function updateDocument(dataDir: string, sessionId: string, doc: StoredDocument): Promise<void> {
  await writeFile(join(uploadsDir(dataDir, sessionId), `${doc.documentId}.json`), JSON.stringify(doc));
}

export async function listDocuments(dataDir: string, sessionId: string): Promise<StoredDocument[]> {
  let names: string[];
  try {
    names = await readdir(uploadsDir(dataDir, sessionId));
  } catch {
    return [];
  }
  const docs = await Promise.all(names.filter((n) => n.endsWith('.json')).map((n) => readDocument(dataDir, sessionId, n.slice(0, -5))));
  return docs.filter((d): d is StoredDocument => !!d).sort((a, b) => a.uploadedAt.localeCompare(b.uploadedAt));
}

/** Removes every upload of a session; called when the session is deleted. Missing folder is fine. */
export async function deleteSessionUploads(dataDir: string, sessionId: string): Promise<void> {
  await rm(uploadsDir(dataDir, sessionId), { recursive: true, force: true });
}
