import type { FormDrafting } from '../knowledge/schemas/forms';
import { docxToPdf } from '../export/pdf';
import { parseDocument } from './parse';
import { squash, type Suggestion } from './extract';

/** A suggestion as shown: its page, or null where the file has no fixed pages to point to. */
export type PlacedSuggestion = Omit<Suggestion, 'source'> & { source: Omit<Suggestion['source'], 'page'> & { page: number | null } };

/**
 * A DOCX has no pages of its own: they exist only once a word processor lays the text out. Where
 * LibreOffice is installed the file is laid out the same way (DOCX → PDF) and the PDF's page texts
 * are returned; otherwise, or when the layout fails, null, and no page number is claimed. The PDF is
 * parsed in the same capped worker as any upload.
 */
export async function docxPageTexts(docx: Buffer, soffice: string | null, docs: FormDrafting['documents']): Promise<string[] | null> {
  if (!soffice) return null;
  try {
    // LibreOffice starts a whole office suite per conversion, which alone takes seconds on a busy server:
    // it gets three times the parse limit, and past that the file is shown without page numbers.
    const pdf = await docxToPdf(docx, { soffice, timeoutMs: docs.parseTimeoutMs * 3 });
    return await parseDocument(pdf, 'pdf', docs);
  } catch {
    return null;
  }
}

/**
 * Each DOCX suggestion (read from the whole text, as one page) placed on the laid-out page whose text
 * holds its snippet (or, failing that, the one page that prints its value); null when there is no layout
 * or the page cannot be told.
 */
export function placeOnPages(suggestions: Suggestion[], laidOut: string[] | null): PlacedSuggestion[] {
  const pages = laidOut?.map(squash);
  return suggestions.map((s) => {
    if (!pages) return { ...s, source: { ...s.source, page: null } };
    const snip = squash(s.source.snippet);
    // Table rows lay out differently from the raw text; the printed value on a single page places it too.
    const bySnippet = pages.flatMap((p, i) => (p.includes(snip) ? [i] : []));
    const byValue = pages.flatMap((p, i) => (p.includes(squash(s.raw)) ? [i] : []));
    const at = bySnippet.length ? bySnippet[0]! : byValue.length === 1 ? byValue[0]! : -1;
    return { ...s, source: { ...s.source, page: at >= 0 ? at + 1 : null } };
  });
}
