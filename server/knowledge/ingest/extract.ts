import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { repairParagraphs, repairPdfPages, repairPlainText } from './repair';
import { importPackage } from '../../import-package';

/** Why an ingest stopped before writing anything; `code` is stable, `message` says what to do. */
export class IngestError extends Error {
  constructor(
    readonly code: 'unsupported' | 'unreadable' | 'no-text' | 'not-a-notice' | 'exists' | 'base' | 'invalid',
    message: string,
  ) {
    super(message);
  }
}

export interface Extracted {
  kind: 'pdf' | 'docx' | 'txt';
  text: string;
  pages?: number;
}

/** Fewer visible characters than this per page means the pages are pictures, not text. */
const MIN_CHARS_PER_PAGE = 20;

// pdf-parse and mammoth are loaded when a notice is ingested, not at server start: together they
// are a noticeable share of the cold start, most starts never ingest anything, and pdf.js's legacy
// build installs core-js polyfills, among them a JavaScript Array.prototype.push that slows every
// push in the process by several times.
async function pdfPages(data: Uint8Array): Promise<string[]> {
  const { PDFParse } = await importPackage<typeof import('pdf-parse')>('pdf-parse');
  const parser = new PDFParse({ data });
  try {
    // No page marker: page boundaries come back as separate page texts instead.
    const result = await parser.getText({ pageJoiner: '' });
    return result.pages.map((p) => p.text);
  } finally {
    await parser.destroy();
  }
}

/**
 * Reads a notice from PDF, Word (.docx) or plain text and repairs the damage of each format.
 * `reference` is the previous version's source text (see repair.ts for what it is used for).
 */
export async function extractNotice(file: string, opts: { reference?: string } = {}): Promise<Extracted> {
  const ext = extname(file).toLowerCase();
  let data: Buffer;
  try {
    data = await readFile(file);
  } catch (err) {
    throw new IngestError('unreadable', `cannot read ${file} (${(err as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  if (ext === '.pdf') {
    let pages: string[];
    try {
      pages = await pdfPages(new Uint8Array(data));
    } catch (err) {
      throw new IngestError('unreadable', `${file} is not a readable PDF: ${(err as Error).message}`);
    }
    const visible = pages.join('').replace(/\s+/g, '').length;
    if (visible < MIN_CHARS_PER_PAGE * Math.max(1, pages.length)) {
      throw new IngestError(
        'no-text',
        `${file} has no text layer (${visible} characters on ${pages.length} page(s)): it looks like a scan. ` +
          'Ingest needs the text: use the Word or text version of the notice, or run OCR on the PDF first. Nothing was written.',
      );
    }
    return { kind: 'pdf', text: repairPdfPages(pages, { reference: opts.reference }), pages: pages.length };
  }
  if (ext === '.docx') {
    let raw: string;
    try {
      raw = (await (await importPackage<{ default: typeof import('mammoth') }>('mammoth')).default.extractRawText({ buffer: data })).value;
    } catch (err) {
      throw new IngestError('unreadable', `${file} is not a readable Word (.docx) file: ${(err as Error).message}`);
    }
    if (!raw.replace(/\s+/g, '')) throw new IngestError('no-text', `${file} contains no text. Nothing was written.`);
    return { kind: 'docx', text: repairParagraphs(raw) };
  }
  if (ext === '.txt') return { kind: 'txt', text: repairPlainText(decodeText(data)) };
  if (ext === '.doc') throw new IngestError('unsupported', `${file}: the old Word format (.doc) is not read; save it as .docx first. Nothing was written.`);
  throw new IngestError('unsupported', `${file}: only .pdf, .docx and .txt notices are read. Nothing was written.`);
}

/** Text files saved on Chinese Windows are often GB18030 (GBK); UTF-8 that does not decode cleanly is read as that. */
function decodeText(data: Buffer): string {
  const utf8 = new TextDecoder('utf-8').decode(data);
  if (!utf8.includes('\uFFFD')) return utf8;
  try {
    return new TextDecoder('gb18030', { fatal: true }).decode(data);
  } catch {
    return utf8;
  }
}

const TOP_HEADING = /^\s*([一二三四五六七八九十]+)、/;
const NUMERALS = '一二三四五六七八九十';

/**
 * A notice numbers its sections 一、二、三… and lists its 附件. Text with neither is something
 * else (a letter, a report, the wrong file) and must not become a knowledge version.
 */
export function checkLooksLikeNotice(text: string, file: string): { sections: number; attachments: boolean } {
  const lines = text.split(/\r?\n/);
  let next = 0;
  for (const l of lines) {
    const m = l.match(TOP_HEADING);
    if (m && m[1] === NUMERALS[next]) next++;
  }
  const attachments = lines.some((l) => /^\s*附件\s*[：:\d]/.test(l));
  if (next < 2) {
    throw new IngestError(
      'not-a-notice',
      `${file} does not look like a notice: ${next === 0 ? 'no' : 'only one'} numbered section (一、二、…) and ${attachments ? 'an' : 'no'} 附件 list were found. ` +
        'Check that this is the notice itself (not a cover letter or a form). Nothing was written.',
    );
  }
  return { sections: next, attachments };
}
