import type { FormDrafting } from '../knowledge/schemas/forms';

export type DocumentKind = 'pdf' | 'docx' | 'xlsx';

const KINDS: readonly string[] = ['pdf', 'docx', 'xlsx'];

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

/** The signature of an OLE compound file: an old .doc or .xls, or a DOCX or XLSX saved with a password. */
const OLE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
/** The stream a password-protected Office file keeps its encrypted package in, named in UTF-16 in the file's directory. */
const ENCRYPTED_PACKAGE = Buffer.from('EncryptedPackage', 'utf16le');

/**
 * What the bytes are, by their first bytes: a ZIP must also hold word/document.xml to be a DOCX, or xl/workbook.xml
 * to be an XLSX; an OLE file holding an encrypted package is a password-protected DOCX or XLSX, any other an old
 * Office file (.doc, .xls).
 */
export function sniff(buf: Buffer): DocumentKind | 'zip' | 'encrypted' | 'ole' | null {
  if (buf.subarray(0, 5).toString('latin1') === '%PDF-') return 'pdf';
  if (buf.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]))) return buf.includes('word/document.xml') ? 'docx' : buf.includes('xl/workbook.xml') ? 'xlsx' : 'zip';
  if (buf.subarray(0, 8).equals(OLE)) return buf.includes(ENCRYPTED_PACKAGE) ? 'encrypted' : 'ole';
  return null;
}

/** The document's kind, when its name and its bytes agree; a lying extension is refused, not guessed past. */
export function detectKind(buf: Buffer, filename: string, m: Messages): DocumentKind {
  const ext = /\.([A-Za-z0-9]+)$/.exec(filename)?.[1]?.toLowerCase();
  if (ext === undefined || !KINDS.includes(ext)) throw new DocumentError(415, 'UNSUPPORTED_TYPE', m.unsupported!);
  // An empty file has no content to disagree with its name: saying so beats 「无法识别的内容」.
  if (!buf.length) throw new DocumentError(422, 'EMPTY_FILE', m.empty!);
  const real = sniff(buf);
  if (real === ext) return ext as DocumentKind;
  // A Word or Excel file saved with a password is no longer a ZIP: its name is right, and the password is what to fix.
  if (real === 'encrypted' && ext !== 'pdf') throw new DocumentError(422, 'ENCRYPTED', m.encryptedOffice!);
  const seen = real === 'pdf' ? 'PDF' : real === 'docx' ? 'DOCX' : real === 'xlsx' ? 'XLSX' : real === 'zip' ? 'ZIP' : real === 'ole' ? m.oldOffice! : m.unknownContent!;
  throw new DocumentError(415, 'TYPE_MISMATCH', m.typeMismatch!.replace('{ext}', `.${ext}`).replace('{content}', seen));
}
