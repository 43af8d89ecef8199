import { Worker } from 'node:worker_threads';
import type { FormDrafting } from '../knowledge/schemas/forms';
import { DocumentError, type DocumentKind } from './detect';

type Docs = FormDrafting['documents'];

const WORKER = new URL('./parse-worker.mjs', import.meta.url);

/**
 * Characters of text per page below which a PDF is taken as scanned images. Only Chinese characters and
 * digits count: a scanner app stamps its watermark (「Scanned with CamScanner」) as the one text on an image
 * page, and no particular or figure of a Chinese document is written without them.
 */
const MIN_TEXT_PER_PAGE = 20;
const FACT_CHARS = /[\p{Script=Han}\d\uFF10-\uFF19]/gu;

/**
 * The text of an uploaded document, page by page, parsed in a worker thread under a memory cap and a
 * time limit: a hostile or broken file can cost at most that, and never blocks the server's event loop.
 */
export async function parseDocument(buf: Buffer, kind: DocumentKind, docs: Docs): Promise<string[]> {
  const m = docs.messages;
  const result = await new Promise<{ ok: true; pages: string[] } | { ok: false; reason: string; detail: string }>((resolve, reject) => {
    const worker = new Worker(WORKER, {
      workerData: { kind, data: new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength) },
      resourceLimits: { maxOldGenerationSizeMb: docs.parseMemoryMB, maxYoungGenerationSizeMb: 32 },
    });
    let settled = false;
    const done = (f: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      f();
      void worker.terminate();
    };
    const timer = setTimeout(() => done(() => reject(new DocumentError(422, 'PARSE_TIMEOUT', m.timeout!))), docs.parseTimeoutMs);
    worker.once('message', (msg) => done(() => resolve(msg)));
    worker.once('error', (err: Error & { code?: string }) =>
      done(() => reject(err.code === 'ERR_WORKER_OUT_OF_MEMORY' ? new DocumentError(422, 'PARSE_MEMORY', m.tooComplex!) : new DocumentError(422, 'CORRUPT', m.corrupt!))),
    );
    worker.once('exit', (code) => done(() => reject(new DocumentError(422, 'CORRUPT', code ? m.tooComplex! : m.corrupt!))));
  });
  if (!result.ok) throw new DocumentError(422, result.reason === 'encrypted' ? 'ENCRYPTED' : 'CORRUPT', result.reason === 'encrypted' ? m.encrypted! : m.corrupt!);
  const chars = result.pages.join('').match(FACT_CHARS)?.length ?? 0;
  if (kind === 'pdf' && chars < MIN_TEXT_PER_PAGE * Math.max(1, result.pages.length)) throw new DocumentError(422, 'IMAGE_ONLY', m.imageOnly!);
  return result.pages;
}
