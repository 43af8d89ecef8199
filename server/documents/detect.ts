import type { FormDrafting } from '../knowledge/schemas/forms';

export type DocumentKind = 'pdf' | 'docx';

/** A refusal with the HTTP status and a message the user can act on. */
export class DocumentError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

type Messages = FormDrafting['documents']['messages'];

/** What the bytes are, by their first bytes (a ZIP must also hold word/document.xml to be a DOCX). */
export function sniff(buf: Buffer): DocumentKind | 'zip' | null {
  if (buf.subarray(0, 5).toString('latin1') === '%PDF-') return 'pdf';
  if (buf.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]))) return buf.includes('word/document.xml') ? 'docx' : 'zip';
  return null;
}

/** The document's kind, when its name and its bytes agree; a lying extension is refused, not guessed past. */
export function detectKind(buf: Buffer, filename: string, m: Messages): DocumentKind {
  const ext = /\.([A-Za-z0-9]+)$/.exec(filename)?.[1]?.toLowerCase();
  if (ext !== 'pdf' && ext !== 'docx') throw new DocumentError(415, 'UNSUPPORTED_TYPE', m.unsupported!);
  // An empty file has no content to disagree with its name: saying so beats 「无法识别的内容」.
  if (!buf.length) throw new DocumentError(422, 'EMPTY_FILE', m.empty!);
  const real = sniff(buf);
  if (real === ext) return real;
  const seen = real === 'pdf' ? 'PDF' : real === 'docx' ? 'DOCX' : real === 'zip' ? 'ZIP' : m.unknownContent!;
  throw new DocumentError(415, 'TYPE_MISMATCH', m.typeMismatch!.replace('{ext}', `.${ext}`).replace('{content}', seen));
}
