import { readFile, stat } from 'node:fs/promises';
import { extname } from 'node:path';
import { repairParagraphs, repairPdfPages, repairPlainText } from './repair';
import { importPackage } from '../../import-package';

/** Every refusal ends with this: an ingest that stops writes nothing, and leaves every version there was as it was. */
export const NOTHING_WRITTEN = '未写入任何文件，已有的知识库版本没有改动。';

/**
 * Why an ingest stopped before writing anything; `code` is stable. `message` is for the operator, in Chinese: what was
 * wrong and what to do. `detail` is the technical cause (a library's or the system's own words), shown only after it.
 */
export class IngestError extends Error {
  constructor(
    readonly code: 'unsupported' | 'too-large' | 'unreadable' | 'no-text' | 'not-a-notice' | 'exists' | 'base' | 'invalid',
    message: string,
    readonly detail?: string,
  ) {
    super(`${message}${NOTHING_WRITTEN}`);
  }

  /** The message, and the technical cause on a line of its own. */
  describe(): string {
    return this.detail ? `${this.message}\n技术原因：${this.detail}` : this.message;
  }
}

/** A notice is a few hundred KB to a few MB; a file this large is something else, or a scan with large pictures. */
export const MAX_NOTICE_BYTES = 20 * 1024 * 1024;

/** The system's own reason a file could not be read, in the operator's words. */
function unreadableFile(file: string, err: NodeJS.ErrnoException): IngestError {
  const why =
    err.code === 'ENOENT' ? `找不到文件 ${file}：请检查路径和文件名是否写对。`
    : err.code === 'EISDIR' ? `${file} 是一个文件夹，不是文件：请写出通知文件本身的路径。`
    : err.code === 'EACCES' || err.code === 'EPERM' ? `没有读取 ${file} 的权限：请检查文件权限，或把文件复制到自己有权限的目录后再导入。`
    : `无法读取文件 ${file}：请确认文件存在且没有被其他程序占用。`;
  return new IngestError('unreadable', why, err.message);
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
  if (ext === '.doc') throw new IngestError('unsupported', `${file} 是旧版 Word（.doc）格式，无法读取：请在 Word 或 WPS 中另存为 .docx 后再导入。`);
  if (ext !== '.pdf' && ext !== '.docx' && ext !== '.txt') {
    throw new IngestError('unsupported', `${file} 的类型（${ext || '无扩展名'}）无法读取：只能导入 PDF、Word（.docx）或纯文本（.txt）格式的通知。`);
  }
  let data: Buffer;
  try {
    const size = (await stat(file)).size;
    if (size > MAX_NOTICE_BYTES) {
      throw new IngestError(
        'too-large',
        `${file} 有 ${(size / 1024 / 1024).toFixed(1)} MB，超过 ${MAX_NOTICE_BYTES / 1024 / 1024} MB 的上限。通知文件一般只有几百 KB 到几 MB：请确认选的是通知本身，或压缩其中的图片后再导入。`,
      );
    }
    data = await readFile(file);
  } catch (err) {
    if (err instanceof IngestError) throw err;
    throw unreadableFile(file, err as NodeJS.ErrnoException);
  }
  if (data.length === 0) throw new IngestError('no-text', `${file} 是空文件（0 字节）：请确认选对了文件，或重新下载通知后再导入。`);
  if (ext === '.pdf') {
    let pages: string[];
    try {
      pages = await pdfPages(new Uint8Array(data));
    } catch (err) {
      throw new IngestError(
        'unreadable',
        `${file} 不是能读取的 PDF 文件：可能已损坏、没有下载完整，或是其他文件（如图片）改了扩展名。请重新下载或导出通知的 PDF，或改用 Word（.docx）或纯文本（.txt）版本。`,
        (err as Error).message,
      );
    }
    const visible = pages.join('').replace(/\s+/g, '').length;
    if (visible < MIN_CHARS_PER_PAGE * Math.max(1, pages.length)) {
      throw new IngestError(
        'no-text',
        `${file} 里几乎没有可提取的文字（${pages.length} 页共 ${visible} 个字符），看起来是扫描件或图片。导入需要通知的文字：请改用通知的 Word（.docx）或纯文本版本，或先对 PDF 做文字识别（OCR）后再导入。`,
      );
    }
    return { kind: 'pdf', text: repairPdfPages(pages, { reference: opts.reference }), pages: pages.length };
  }
  if (ext === '.docx') {
    let raw: string;
    try {
      raw = (await (await importPackage<{ default: typeof import('mammoth') }>('mammoth')).default.extractRawText({ buffer: data })).value;
    } catch (err) {
      throw new IngestError(
        'unreadable',
        `${file} 不是能读取的 Word（.docx）文件：可能已损坏，或是其他文件改了扩展名。请在 Word 或 WPS 中重新另存为 .docx，或改用 PDF / 纯文本版本。`,
        (err as Error).message,
      );
    }
    if (!raw.replace(/\s+/g, '')) throw new IngestError('no-text', `${file} 里没有文字：请确认选的是通知正文，而不是只有图片的文件。`);
    return { kind: 'docx', text: repairParagraphs(raw) };
  }
  return { kind: 'txt', text: repairPlainText(decodeText(data)) };
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
      `${file} 看起来不是申报通知：${next === 0 ? '没有找到' : '只找到一个'}按“一、二、……”编号的条款，${attachments ? '有' : '也没有'}附件列表。` +
        '请确认导入的是通知正文本身（不是转发函、申报表格或其他文件）。',
    );
  }
  return { sections: next, attachments };
}
